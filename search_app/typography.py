"""French spacing in the pages: a narrow no-break space before « : ; ? ! » and inside « », so
that a line never breaks between a word and its punctuation (« Pays : Mali »).

Applied once to each HTML page (`init_app`), to its text and its attributes' text (an
`aria-label` is read out too), but not to what is kept as written: <pre> (a document's text as
extracted), <script>, <style>, <textarea>, and an <input> whole (its value is the query as
typed, which the form sends back; its placeholder and label stay as they are). URLs hold no raw
space, so they are never touched; nor does the text search.js writes. About 0.7 ms on a page of
results of 100 KB, which takes some 10 ms to make.
"""
from __future__ import annotations

import re

NNBSP = "\u202f"
# what is kept as written: a whole element shown or run so, or an input (its value)
_KEPT = re.compile(r"<(pre|script|style|textarea)\b.*?</\1\s*>|<input\b[^>]*>", re.DOTALL | re.IGNORECASE)
_BEFORE = re.compile(r" (?=[:;?!»])")  # an ordinary space before high punctuation or a closing guillemet
_OPENING = "« "


def _spaced(text: str) -> str:
    return _BEFORE.sub(NNBSP, text).replace(_OPENING, "«" + NNBSP)


def french_spacing(html: str) -> str:
    """`Pays : Mali` -> `Pays\u202f: Mali`, `« eau »` -> `«\u202feau\u202f»`, what is kept as written aside."""
    out, last = [], 0
    for m in _KEPT.finditer(html):
        out += [_spaced(html[last:m.start()]), m.group(0)]
        last = m.end()
    out.append(_spaced(html[last:]))
    return "".join(out)


def init_app(app) -> None:
    @app.after_request
    def _french_spacing(resp):
        if resp.mimetype == "text/html" and not resp.direct_passthrough and resp.status_code not in (204, 304):
            resp.set_data(french_spacing(resp.get_data(as_text=True)))
        return resp
