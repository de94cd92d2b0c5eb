"""How users name places and the councils that govern them, as the records do not always write it.

A French région's or département's council is named by its territory with a kind word before it
(`Région Rhône-Alpes`, `conseil régional Rhône-Alpes`, `CR Bretagne`; `département de l'Isère`,
`CG Isère`), or by its territory alone (`Île-de-France`): the records' name keys are the council's
(`cr-rhone-alpes`, `cg-isere`: indexer/ids.py), so the query builder gives those partnerships the
bonus of a collectivity's name (querybuild._add_bonuses).
"""
from __future__ import annotations

import re

from analyzers import fold_text
from indexer import geography
from indexer.ids import name_key

# the words naming a French council before its territory's name (folded), by the level of the place
# it governs, and the article after them: `region`, `conseil regional de`, `departement de l'`, `cg`
_COUNCIL_RE = re.compile(
    r"^(?:(?P<region>region|conseil regional|cr)|(?P<subdivision>departement|conseil general|conseil departemental"
    r"|cg|cd))\s+(?:(?:de l|d)'\s*|(?:de la|du|des|de)\s+)?(?P<name>\S.*)$")


def council_keys(text: str) -> list[str]:
    """The name keys (indexer/ids.py) of the council of the French région or département `text`
    names, alone or after a kind word of the same level, if it names one: `Île-de-France`,
    `Région Île-de-France`: `cr-ile-de-france`; `Essonne`, `CG Essonne`: `cg-essonne`
    (`Région Isère` names none: the Isère is a département)."""
    m = _COUNCIL_RE.match(" ".join(fold_text(text).split()))
    level = next((lvl for lvl in ("region", "subdivision") if m and m.group(lvl)), None)
    name = m.group("name") if m else text
    place = geography.of("France").lookup(name, level)
    if place is None or place.level == "commune" or geography.key(place.name) != geography.key(name):
        return []
    return [("cr-" if place.level == "region" else "cg-") + name_key(place.name)]
