"""The Morocco repertoire's table of contents and the sheets it lists: its entries (`parse_toc`), where each
sheet stands in the text, found by the shape of its heading (`find_sheets`: a French collectivity's line, a
Moroccan collectivity's line, the executives), and the partners that heading names. Apart from the reading of a
sheet's lines (`maroc_sheet.py`): this is the document's layout, which `maroc.py` checks one against the other."""
from __future__ import annotations

import re
from dataclasses import dataclass

from indexer import geography
from indexer.text import squash_spaces

from .maroc_sheet import EXEC_RE


@dataclass
class TocEntry:
    line: int
    french: str
    moroccan: str
    page: int
    group: str


def parse_toc(lines: list[str]) -> list[TocEntry]:
    entries: list[TocEntry] = []
    group = ""
    in_toc = False
    for i, raw in enumerate(lines):
        s = squash_spaces(raw)
        if s == "Sommaire":
            in_toc = True
            continue
        if not in_toc:
            continue
        if s == "Éditorial" and i > 20:
            break
        if re.match(r"^[IVX]+\.\s", s):
            group = s.split(".", 1)[1].strip()
            continue
        m = re.match(r"^(.+?)/(.+?)\s+p\.(\d+)$", raw.strip())
        if m and group != "Documents complémentaires":
            entries.append(TocEntry(i + 1, squash_spaces(m.group(1)), squash_spaces(m.group(2)),
                                    int(m.group(3)), group))
    return entries


FRENCH_START = re.compile(r"^(Ville|Conseil général|Conseil régional|Communauté urbaine)\b")


_MOROCCAN_START = re.compile(
    r"^(Communes? (urbaine|rurale)s?|Conseil régional|Cercle|Préfecture|Province)\b")


_GROUP_RE = re.compile(r"^(Villes|Communautés urbaines|Conseils généraux|Conseils régionaux)$")


def next_nonblank(lines: list[str], i: int) -> int | None:
    """The index of the first non-blank line after line `i`, or None: a sheet's heading is read on across the
    blank lines the text put between its lines (`find_sheets`, and maroc.py, which reads the Moroccan
    collectivity's line after the French one)."""
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j if j < len(lines) else None


def find_sheets(lines: list[str]) -> list[tuple[int, int]]:
    """0-based (start, end exclusive) of every sheet, found by its shape."""
    starts = []
    stop = len(lines)
    for i, raw in enumerate(lines):
        s = raw.strip()
        if s.startswith("AUTRES PARTENARIATS RÉPERTORIÉS"):
            stop = i
            break
        if not FRENCH_START.match(s):
            continue
        j = next_nonblank(lines, i)
        if j is None or not _MOROCCAN_START.match(lines[j].strip()):
            continue
        k = next_nonblank(lines, j)
        if k is None or not (EXEC_RE.match(lines[k].strip()) or lines[k].strip().startswith("(")):
            continue
        starts.append(i)
    sheets = []
    for n, st in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else stop
        # a group title ("Conseils généraux") just before the next sheet is not part of this one
        e = end
        while e > st and (not lines[e - 1].strip() or _GROUP_RE.match(lines[e - 1].strip())):
            e -= 1
        sheets.append((st, e))
    return sheets


def split_partner_names(raw: str) -> list[str]:
    """`Communes urbaines de Rabat, Meknès, Marrakech et Fès` -> one name per commune."""
    m = re.match(r"^Communes (urbaines|rurales) (?:de |d')(.+)$", raw.strip())
    if not m:
        return [raw.strip()]
    kind = "Commune urbaine" if m.group(1) == "urbaines" else "Commune rurale"
    parts = re.split(r",\s*|\s+et\s+(?:de\s+|d')?", m.group(2))
    names = []
    for p in parts:
        p = p.strip(" .")
        if not p:
            continue
        names.append(f"{kind} {geography.with_de(p)}")
    return names
