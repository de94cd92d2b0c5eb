"""The loose name keys that match the same collectivity across the parts of a document
(`CG Allier` / `Conseil Général de l'Allier`), shared by the layouts.

Apart from parties.py, which reads the parties' names and figures: the engine reads a group's
members with these keys (groups.member_names) and none of the rest (importing it, with the figures'
patterns of fields.py, cost each search process about 55 M instructions)."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from ..records import Party
from ..text import fold

_GENERIC = {
    "sous", "arrondissement", "conseil", "general", "generale", "regional", "regionale", "de", "du",
    "des", "la", "le", "les", "l", "d", "cg", "cr", "ca", "cc", "cu", "c", "u", "communaute", "urbaine",
    "agglomeration", "communes", "ville", "commune", "mairie", "region", "cercle", "assemblee",
    "departement", "rurale", "communal", "district", "village", "et", "sur", "en", "syndicat", "nouvelle",
}


@lru_cache(maxsize=8192)
def loose(name: str, french: bool = False) -> tuple[str, ...]:
    """Words that identify a collectivity, generic words removed (bounded cache:
    the names of one document, matched many times against each other)."""
    words = [w for w in re.split(r"[^a-z0-9]+", fold(re.sub(r"\(.*?\)", " ", name or ""))) if w]
    words = [w for w in words if w not in _GENERIC]
    if french and words and words[0] == "san":
        words = words[1:]
    words = [{"st": "saint", "ste": "sainte", "sainte": "saint"}.get(w, w) for w in words]
    return tuple(w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words)


def same(a: tuple[str, ...], b: tuple[str, ...], ratio: float = 0.84) -> bool:
    """Same collectivity: one word set inside the other, or spellings close
    enough (`Voujeaucourt`/`Vaujeaucourt`, `Troumgoumbé`/`Troungoumbé`)."""
    if not a or not b:
        return False
    sa, sb = set(a), set(b)
    if sa <= sb or sb <= sa:
        return True
    ja, jb = "".join(a), "".join(b)
    return ja[0] == jb[0] and close(ja, jb, ratio)  # spelling slips keep the first letter


@lru_cache(maxsize=4096)
def close(a: str, b: str, ratio: float) -> bool:
    """Spelling similarity; cheap upper bounds first (matching every list entry
    against every record is the slow path). Bounded cache: one document's names."""
    sm = SequenceMatcher(None, a, b)
    return sm.real_quick_ratio() >= ratio and sm.quick_ratio() >= ratio and sm.ratio() >= ratio


def place_key(party: Party | None, french: bool = False) -> tuple[str, ...]:
    """The words naming a collectivity's place, its kind left out: `CU LYON` = `LYON`,
    `WILAYA D'ORAN` = `Commune d'Oran` = `ORAN`."""
    if party is None:
        return ()
    return loose(re.sub(r"^(wilaya|apc|apw)\s+(de\s+|d['’]\s*)?", "", party.name, flags=re.IGNORECASE), french)


def same_kind_of_place(a: Party, b: Party) -> bool:
    """Kinds that can name one partner: equal, or a town and its own intercommunality
    (`Ville de Lyon` / `Communauté urbaine de Lyon`), or a commune and its wilaya."""
    kinds = {a.kind or "commune", b.kind or "commune"}
    return len(kinds) == 1 or kinds in ({"commune", "intercommunalité"}, {"commune", "wilaya"})
