"""The last section of a Cités Unies France sheet, `Documents de capitalisation,
évaluations et études réalisées`: the reports, evaluations and programmes
about the partnership (`« Programme d'actions 2006-2007 »`, `Bilans des
missions de 1994 à 2006`). Kept apart from the perspectives above it: it names
what a researcher can ask for, and the years those documents cover (read in
`corpus.rollup`).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..text import fold

HEAD = "Documents de capitalisation"
# the headings of a sheet's sections after its identity blocks, in their order (cuf.py reads them too)
SECTIONS = ("Présentation du partenariat", "Histoire du partenariat", "Actions de coopération",
            "Perspectives du partenariat", HEAD)
# the perspectives' heading as the form prints it, which the sheets wrap anywhere (`sheet.past_label`)
PERSPECTIVES_LABEL = ("Perspectives du partenariat (ex : existence d’une convention de financement triennale ; "
                      "quels axes à développer pour les 3 prochaines années ? partenariats à développer…)")
_HEAD_RE = re.compile(r"^.*?Documents de capitalisation[^:]*?réalisées\s*[.:]?\s*")
# any heading of a sheet's sections: a sheet with two actions tables goes on after this one
_NEXT_RE = re.compile("|".join(map(re.escape, SECTIONS)))
# a section that says it has nothing (folded): `Néant`, `Aucun`, `-`
_NOTHING_RE = re.compile(r"^\W*(?:neant|aucune?s?(?: document)?|rien|non|sans objet|n/?a)?\W*$")


# a line this short did not wrap: the next one, starting with a capital, a quote or a number,
# is the next document of the list (`« Programme d’actions 2006-2007 »` / `« Programmation 2008 »`)
_SHORT = 70
_ITEM_START_RE = re.compile(r"^\s*[«\"“A-ZÀÂÉÈÊÎÔÛÇ0-9]")


def _items(lines: list[str]) -> list[str]:
    """The lines with a blank line between two documents of a list written one per line,
    which reflowing would otherwise run together."""
    out: list[str] = []
    prev = ""
    for line in lines:
        if prev.strip() and len(prev.rstrip()) < _SHORT and line.strip() and _ITEM_START_RE.match(line):
            out.append("")
        out.append(line)
        prev = line
    return out


def documents(lines: list[str], at: int | None, clean: Callable[[list[str]], str | None]) -> str | None:
    """The text of the documents section headed by lines[at], up to the next
    section heading or the sheet's end, cleaned by `clean` (page furniture out,
    reflowed); None when it says nothing."""
    if at is None:
        return None
    end = next((k for k in range(at + 1, len(lines)) if _NEXT_RE.search(lines[k])), len(lines))
    text = clean(_items([_HEAD_RE.sub("", lines[at], count=1)] + lines[at + 1:end]))
    return None if text is None or _NOTHING_RE.match(fold(text)) else text
