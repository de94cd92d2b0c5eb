"""The "did you mean" suggestion as the user should read it.

The speller works on folded words (`tombouctou`); the user should see the word
as the documents write it (`Tombouctou`, `développement`), with the
capitalisation they typed (`TOMBOUCTOU` for `TOMBOUCTU`), and the rest of their
query (phrases, prefixes, exclusions) untouched.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter

from analyzers import fold_text
from engine.querylang import without_tags
from engine.search import read

from .formatting import match_case
from .versions import of_version

_WORD = re.compile(r"[^\W\d_]+")
_forms: dict[str, dict[str, str]] = {}  # index version -> folded word -> written form
MAX_RECORDS = 5000  # enough for the corpus's words; bounded at 10x and 100x
TEXT_KEYS = ("title", "history", "objectives", "perspectives", "documents", "description", "domains",
             "domains_raw")


def written_forms(state) -> dict[str, str]:
    """Folded word -> its usual written form in the records of this index
    version (built once per version, on the first suggestion, from at most
    MAX_RECORDS records)."""
    return of_version(_forms, state, lambda: _written_forms(state))


def _written_forms(state) -> dict[str, str]:
    """The table itself. Words are counted as written first and folded once per
    distinct word: folding each occurrence (and a Counter per occurrence) made
    the first suggestion of a server's life wait about 0.2 s."""
    texts: list[str] = []

    def add(text) -> None:
        if isinstance(text, list):
            for t in text:
                add(t)
        elif isinstance(text, str):
            texts.append(text)

    records = itertools.chain(state.partnerships.values(), state.actions.values())
    for rec in itertools.islice(records, MAX_RECORDS):
        for key in TEXT_KEYS:
            add(rec.get(key))
        for side in ("french_party", "partner_party"):
            party = rec.get(side) or {}
            add([party.get("name"), party.get("region"), party.get("subdivision")])
    written = Counter(_WORD.findall("\n".join(texts)))  # a line break joins no two words
    counts: dict[str, Counter] = {}
    for word, n in written.items():
        counts.setdefault(fold_text(word), Counter())[word] = n
    return {k: _preferred(c) for k, c in counts.items()}


def _preferred(forms: Counter) -> str:
    """The usual written form; a word seen in lower case somewhere is a common
    word (capitals then only start sentences or shout titles)."""
    lower = [(n, f) for f, n in forms.items() if f.islower()]
    if lower:
        return max(lower)[1]
    mixed = [(n, f) for f, n in forms.items() if not f.isupper()]
    return max(mixed or [(n, f) for f, n in forms.items()])[1]


def display_suggestion(q: str, typed_words: list[str], suggestion: str | None,
                       forms: dict[str, str]) -> dict | None:
    """The corrected query and the words changed, as {"query", "changes": [[typed, shown]]}.

    `typed_words` are the plain words the suggestion was made from, in order;
    each changed word is replaced where it stands in `q`."""
    if not suggestion:
        return None
    fixed = suggestion.split()
    if len(fixed) != len(typed_words):
        return {"query": suggestion, "changes": []}
    changes = []
    out = q
    pos = 0
    for typed, new in zip(typed_words, fixed, strict=True):  # same length: checked above
        if fold_text(typed) == fold_text(new):
            idx = out.find(typed, pos)
            pos = idx + len(typed) if idx >= 0 else pos
            continue
        shown = _shown(new, typed, forms)
        idx = _find_word(out, typed, pos)
        if idx < 0:
            continue
        end = idx + len(typed)
        # an unknown prefix is read as a plain word (`foo:bar`): its correction is a word too, not
        # another prefix the search does not know (« FAO:bar »; QA r44, audit 10, defect 6)
        colon = out[end:end + 1] == ":"
        out = out[:idx] + shown + " " * colon + out[end + colon:]
        pos = idx + len(shown)
        changes.append([typed, shown])
    return {"query": out, "changes": changes} if changes else None


def show_suggestion(response: dict, q: str, state) -> None:
    """The response's folded suggestion replaced by the query as the user should read it, and the
    words changed (`corrections`): the API, the page and the command line show the same. The HTML
    tags the search ignored (and said so) are left out: `<b>tombouctu</b>` suggested « <b>Tombouctou</b> »."""
    untagged = without_tags(q)
    if untagged != q:
        q = " ".join(untagged.split())
    shown = display_suggestion(q, read(state, q).text_words(), response["suggestion"],
                               written_forms(state)) if response.get("suggestion") else None
    response["suggestion"] = shown["query"] if shown else None
    response["corrections"] = [{"typed": t, "shown": s} for t, s in shown["changes"]] if shown else []


def _shown(new: str, typed: str, forms: dict[str, str]) -> str:
    """Each letter run of the corrected word in its written form, cased like the typed word."""
    def one(m: re.Match) -> str:
        return forms.get(fold_text(m.group()), m.group())

    return match_case(_WORD.sub(one, new), typed)


def _find_word(text: str, word: str, start: int) -> int:
    m = re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text[start:])
    return start + m.start() if m else -1
