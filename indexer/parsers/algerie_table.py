"""The Algerian document's state table (`Etat d'avancement des partenariats`): rows that
wrap over lines, split into French collectivity, partner collectivities and state."""
from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from ..records import SourceRef
from ..text import fold, squash_spaces
from .algerie_blocks import repair

TABLE_SECTION = "Etat d'avancement des partenariats"  # the section its rows' records cite

_CONNECTORS = {"SAINT", "LA", "LE", "LES", "SUR", "DE", "DES", "DU", "EN", "LEZ"}


# French names of the table that the connector rule cannot delimit.
_FRENCH_COMPOUNDS = ("BLANC MESNIL",)


KIND_PREFIX = {"CR": "région", "CG": "département", "CU": "intercommunalité", "CA": "intercommunalité"}


GROUP_RE = re.compile(
    r"^\s*(CONSEILS R[ÉE]GIONAUX|CONSEILS G[ÉE]N[ÉE]RAUX|COMMUNAUT[ÉE]S DE( COMMUNES)?|COMMUNES|VILLES|"
    r"AUTRES COLLECTIVIT[ÉE]S ENGAG[ÉE]ES EN ALG[ÉE]RIE)\s*$")


def _is_upper_token(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return (not letters and tok in ("/", "–", "-")) or (bool(letters) and all(c.isupper() for c in letters))


def _split_row(text: str) -> tuple[str, list[str], str]:
    """`CR FRANCHE COMTE WILAYA D'ALGER Partenariat signé…` -> (French, [partners], state)."""
    toks = repair(text).split()
    n = 0
    while n < len(toks) and _is_upper_token(toks[n]):
        n += 1
    upper, state = toks[:n], " ".join(toks[n:])
    if not upper:
        return "", [], state
    start = 1 if upper[0] in KIND_PREFIX else 0
    cut = None
    for i in range(start + 1, len(upper)):
        if upper[i] in ("WILAYA", "VILLE", "APC"):
            cut = i
            break
    if cut is None and start == 1 and upper[0] in ("CR", "CG"):
        cut = len(upper)
    if cut is None:
        joined = " ".join(upper[start:])
        compound = next((c for c in _FRENCH_COMPOUNDS if joined.startswith(c)), None)
        if compound:
            cut = start + len(compound.split())
        else:
            cut = start + 1
            while cut < len(upper) and (upper[cut - 1] in _CONNECTORS or upper[cut] in _CONNECTORS):
                cut += 1
    french = " ".join(upper[:cut])
    partners = split_partners(" ".join(upper[cut:]))
    return french, partners, state


def split_partners(text: str) -> list[str]:
    """A partner cell naming several collectivities (`WILAYA DE X ET DE Y`, `VILLE ET WILAYA DE Z`, `A ET B`),
    one name each."""
    text = squash_spaces(text)
    if not text:
        return []
    m = re.match(r"^VILLE ET WILAYA (?:DE |D')(.+)$", text)
    if m:
        return [m.group(1), f"WILAYA DE {m.group(1)}"]
    m = re.match(r"^WILAYA (?:DE |D')(.+?) ET (?:DE |D')(.+)$", text)
    if m:
        return [f"WILAYA DE {m.group(1)}", f"WILAYA D'{m.group(2)}"]
    return [p for p in re.split(r"\s+(?:ET|/)\s+", text) if p]


def _table_rows(lines: list[str], start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Rows as (first line, last line, text, group code), 0-based lines."""
    rows: list[list] = []
    group = None
    codes = {"CONSEILS R": "CR", "CONSEILS G": "CG", "COMMUNAUT": "CU", "COMMUNES": "CU", "VILLES": "V"}
    for i in range(start, end):
        line = lines[i].strip()
        if not line or line.startswith(("Collectivité", "territoriale")):
            continue
        g = GROUP_RE.match(fold(line).upper()) or GROUP_RE.match(line)
        if g:
            for k, v in codes.items():
                if fold(line).upper().startswith(fold(k).upper()):
                    group = v
            continue
        first = line.split()[0]
        pending = rows and _row_pending(rows[-1][2], rows[-1][3])
        if _is_upper_token(first) and len(first) > 1 and not pending:
            rows.append([i, i, line, group])
        elif rows:
            rows[-1][1] = i
            rows[-1][2] += " " + line
    return [tuple(r) for r in rows]


def _row_pending(text: str, group: str | None) -> bool:
    """A row whose partner cell is still to come on the next line."""
    _french, partners, state = _split_row(text)
    if state:
        return False
    toks = text.split()
    if toks and toks[-1] in ("ET", "DE", "D'", "DU", "DES", "/"):
        return True
    return not partners and group != "V"


def _fix_shifted_state(rows: list[dict]) -> None:
    """The table centres tall cells vertically: the sentence printed under
    `NANTES En recherche de partenariat` belongs to the next row (NANTERRE)."""
    for a, b in pairwise(rows):
        m = re.match(r"^(En recherche de partenariat)\s+(\S.*)$", a["state"])
        if m and not a["partners"]:
            a["state"] = m.group(1)
            b["state"] = squash_spaces(m.group(2) + " " + b["state"])
            b["notes"].append("État reconstitué : le tableau imprime la première phrase sous la ligne précédente.")


def read_table(lines, start, end, document, warnings) -> list[dict]:
    """The table's rows (lines `start` to `end`), each split into its French collectivity, partners and state,
    with its source; a row that does not split is a warning."""
    rows: list[dict[str, Any]] = []
    for first, last, text, _group in _table_rows(lines, start, end):
        french, partners, state = _split_row(text)
        if not french:
            warnings.append(f"ligne {first + 1} : ligne du tableau non comprise {text[:60]}")
            continue
        rows.append({"first": first, "last": last, "text": text, "french": french,
                     "partners": partners, "state": squash_spaces(state), "notes": []})
    _fix_shifted_state(rows)
    for r in rows:
        r["state"] = r["state"].rstrip(" .") or None
        r["source"] = SourceRef(document, r["first"] + 1, r["last"] + 1, None, TABLE_SECTION)
    return rows
