"""The `Présentation du partenariat` of a Cités Unies France sheet: its labelled fields (first contacts,
formalisation, budgets, partners), its free text, and the budgets it states. Apart from the sheet's layout
(`cuf.py`, which reads it) because its labels, cut over lines, and its budget rules are a reading of their own."""
from __future__ import annotations

import re

from ..records import RI_BUDGET, Budget
from ..text import squash_spaces
from . import fields

# the form's budget label says its amount is per year (`Budget consacré à la coopération décentralisée/an`,
# `Budget annuel consacré à la coopération…`), its words cut over two lines anywhere
_PER_YEAR_LABEL = re.compile(r"Budget (?:annuel consacré à la coopération|consacré à la coopération[^:]*?/\s*an\b)")
_PRES_LABELS = [
    ("first_contact", r"Date de début des contacts"),
    ("formal", r"Date de formalisation"),
    ("budget_dc", r"Budget (?:annuel )?consacré à la coopération"),  # CR Nord-Pas-de-Calais: `annuel`
    ("budget_ri", r"Budget consacré aux relations"),
    ("tech", r"Partenaires techniques"),
    ("all", r"^Partenaires\s*:"),  # neither technical nor financial (Grand Lyon-Bamako)
    ("fin", r"Partenaires financiers"),
    ("other", r"Autres partenariats"),
    ("motives", r"^Motivations\s*&\s*objectifs de départ"),  # the history's heading missing (La Fouillouse-Sio)
]


def budget(value: str | None, presentation: list[str]) -> Budget | None:
    """The cooperation's budget as its line states it: yearly when its label says `/an` and its
    words do not say otherwise (`12 500 euros en moyenne chaque année`, `23 000 € (budget 2007)`)."""
    per_year = bool(_PER_YEAR_LABEL.search(squash_spaces(" ".join(presentation))))
    return fields.budget(value, yearly=per_year) if value else None


def other_budget(pres: dict[str, str]) -> dict[str, str]:
    """The budget of the collectivity's international relations, under its own label: it is the
    town's whole budget for every partner, never this partnership's budget, even when the sheet
    leaves the cooperation's own line empty (Aix-en-Provence: « 200 000 euros »). Budgets under
    labels of the sheet's own (`Budget de l’AIMF : …`) are kept under them too."""
    own = {key[len(OWN):]: v for key, v in pres.items() if key.startswith(OWN) and v}
    return ({RI_BUDGET: pres["budget_ri"]} if pres.get("budget_ri") else {}) | own


OWN = "budget:"  # the key of a budget under the sheet's own label (`budget:Budget de l’AIMF`)
# the lines after such a budget's line: free text (`Depuis 2002, 104 000 € ont été investis à Kayes`,
# not the AIMF's budget), whose years are the presentation's
AFTER_OWN = "after:budget"
# `Budget de l’AIMF : 5 millions d’euros`: a budget line the form does not print, after another field
_OWN_BUDGET_RE = re.compile(r"^(Budget\b[^:]{0,40}?)\s*:\s*(.*)$")


_LABEL_TAIL_RE = re.compile(r"^[^:\d]{1,40}:\s*(.*)$")  # a label's last words and its colon


def presentation(lines: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """Labelled fields of `Présentation du partenariat`, each as its lines, and the free text
    (sheets of other kinds have only prose there)."""
    found: dict[str, list[str]] = {}
    free: list[str] = []
    current = None
    label_open = False  # the label runs on to the next line (`Budget consacré à la coopération` / `décentralisée/an :`)
    for raw in lines:
        s = raw.strip()
        hit = next(((key, m) for key, pat in _PRES_LABELS if (m := re.search(pat, s, re.IGNORECASE))), None)
        if label_open and not hit and (tail := _LABEL_TAIL_RE.match(s)):
            s = tail.group(1)
        label_open = False
        own = None if hit or current in ("budget_dc", "budget_ri") else _OWN_BUDGET_RE.match(s)
        if own:  # its lines were the field's above (AIMF: `1979 : adhésion à l’AIMF` in the legal framework)
            current = own_key = OWN + squash_spaces(own.group(1))
            found.setdefault(current, []).append(own.group(2).strip())
            if own.group(2).strip():  # a value on its line is all of it (Montreuil's is on the next line)
                current = AFTER_OWN
        elif current == AFTER_OWN and not hit and s[:1].islower():
            found[own_key].append(s)  # a wrapped value
        elif current == AFTER_OWN and not hit:
            found.setdefault(current, []).append(s)
            free.append(raw)
        elif hit:
            key, m = hit
            after = s[m.end():]
            if key == "formal":
                after = re.sub(r"^.*?régissant le partenariat\s*", "", after)
            if key == "budget_dc" and re.search(r"Budget consacré aux relations", after):
                current = "budget_ri"  # both budget labels on one line: the first value is empty
                found.setdefault(current, [])
                continue
            after = re.sub(r"^[^:]*:\s*", "", after) if ":" in after else after
            label_open = ":" not in s[m.start():] and not after.strip()
            current = key
            found.setdefault(key, []).append(after.strip())
        elif current:
            found[current].append(s)
        else:
            free.append(raw)
    return found, free
