"""A result's parties line as text: each side's name, each side's place (« subdivision, région »)
and the countries, one a line. The engine marks the query's words in it (engine/snippets.py); the
build stores it with the two folded forms a query's words are looked up in first (the word
tables' `lines`, analyzers.wordtables), so that a search does not fold the line of every result."""
from __future__ import annotations

import re
from collections.abc import Mapping

from analyzers import fold_text

# characters between two words of a phrase, as the highlighter finds them: a stop word and a short
# word (the phrases' slop; engine.highlight reads it here, where the stored lines are made)
PHRASE_GAP = 16
# between the texts of a line, marked at once: farther apart than a phrase's words may be, so that
# no phrase is found across two of them
APART = "\n" + " " * PHRASE_GAP
_UNWORDED = re.compile(r"[\W_]+")


def party_texts(partnership: Mapping) -> tuple[list[str], list[str], str]:
    """(the two sides' names, the two sides' places, the countries) of a partnership, "" where
    a side or a place is missing."""
    sides = [partnership.get("french_party") or None, partnership.get("partner_party") or None]
    names = [(p or {}).get("name") or "" for p in sides]
    places = [", ".join(x for x in ((p or {}).get("subdivision"), (p or {}).get("region")) if x) for p in sides]
    return names, places, ", ".join(partnership.get("countries") or [])


def line_text(texts: list[str]) -> str:
    """`texts` as one text, each with its spaces collapsed, APART from the next."""
    return APART.join(" ".join(t.split()) for t in texts)


def parties_line_text(partnership: Mapping) -> str:
    """The whole parties line of a partnership: names, places, countries."""
    names, places, countries = party_texts(partnership)
    return line_text([*names, *places, countries])


def folded_forms(text: str) -> tuple[str, str]:
    """`text` folded (analyzers.fold_text), and folded without its spaces and signs (a compound
    joined: `rhonealpes`)."""
    folded = fold_text(text)
    return folded, _UNWORDED.sub("", folded)
