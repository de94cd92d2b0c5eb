"""The Algerian document's domains: its introduction's classification, and each sheet's
objectives read as its labels.

The introduction is the document's own classification of partnerships by domain: its
paragraphs name a field (`Dans le domaine de la jeunesse…`, `La gestion urbaine…`, `les
hôpitaux`) and then, in brackets, the partnerships working in it (`(Grenoble et Constantine,
la Roche-sur-Yon et Tizi-Ouzou…)`, `(Belfort, Saint-Denis, Roubaix, Bordeaux)`).

A bracketed list gets the domain of the words just before it and the domain its paragraph opens
with; only the fields the introduction itself lists count (education, training, culture, youth,
environment and waste, urban management and transport, health, crafts and economy, water), so
that a means (`échanges`, `appui`) is never read as a field. An item names a partnership when it
names both its places (`Brest et Bejaïa`, `le Centre hospitalier de Sétif et CHU de Rennes`), or
when it opens with the French town of a single sheet (`Belfort avec la mise en place…`).
"""
from __future__ import annotations

import re

from ..domains import CULTURE, EAU, ECHANGES, ECONOMIE, EDUCATION, ENVIRONNEMENT, JEUNESSE, SANTE, URBANISME, map_domain
from ..records import Partnership, SourceRef
from ..text import fold
from .namekeys import close, loose, place_key

SECTION = "Introduction par domaines"
# The fields the introduction lists ("l'éducation, la formation, la culture, la jeunesse,
# l'environnement/ gestion des déchets, la gestion urbaine, les transports urbains, la santé,
# l'artisanat, l'économie, ainsi que la gestion de l'eau et l'assainissement"), by their words.
FIELDS = [
    (r"educat|scolaire|universit|ecole|formation|recherche", EDUCATION),
    (r"cultur|patrimoine", CULTURE),
    (r"jeune", JEUNESSE),
    (r"environnement|dechet", ENVIRONNEMENT),
    (r"urbain|transport|tramway|amenagement", URBANISME),
    (r"sante|hopita|hospitalier|\bchu\b", SANTE),
    (r"artisanat|econom", ECONOMIE),
    (r"\beau\b|assainissement", EAU),
]


def _field(text: str) -> list[str]:
    """The field a phrase names first (`activités culturelles qui…` -> culture)."""
    t = fold(text)
    found = [(m.start(), d) for rx, d in FIELDS if (m := re.search(rx, t))]
    return [min(found)[1]] if found else []


def _brackets(paragraph: str) -> list[tuple[int, int]]:
    """Outermost bracket spans (the lists may hold brackets of their own)."""
    spans, depth, start = [], 0, 0
    for i, c in enumerate(paragraph):
        if c == "(":
            depth, start = depth + 1, (i if depth == 0 else start)
        elif c == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    return spans


def _has(words: list[str], key: tuple[str, ...]) -> bool:
    return bool(key) and all(any(w == k or (len(k) > 4 and close(w, k, 0.8)) for w in words) for k in key)


def _pairs(item: str, records: list[Partnership]) -> list[Partnership]:
    words = list(loose(item, True))  # spelt as the place keys are (`Paris` -> `pari`)
    found = [p for p in records if p.partner_party is not None and _has(words, place_key(p.french_party, True))
             and _has(words, place_key(p.partner_party))]
    if not found:  # `Belfort avec…`, `(Belfort, Saint-Denis…)`: the French town of one sheet
        lead = re.match(r"^(?:ville de |cg |cr )?([\w' -]+?)(?:\s+avec\b|$)", fold(item).strip(" .…"))
        key = loose(lead.group(1), True) if lead else ()
        found = [p for p in records if p.detail == "sheet" and key and place_key(p.french_party, True) == key]
    sheets = [p for p in found if p.detail == "sheet"]
    return sheets if len(sheets) == 1 else found if len(found) == 1 else []


def apply_introduction(lines: list[str], end: int, records: list[Partnership], document: str) -> int:
    """Add the introduction's domains to the partnerships it names (0-based `end`: the
    table's heading); the number of partnerships given a domain."""
    paragraphs: list[tuple[int, str]] = []  # (first line, text), a blank line between two
    current: tuple[int, str] | None = None
    for i in range(min(end, len(lines))):
        s = lines[i].strip()
        if re.fullmatch(r"\d{1,3}", s):
            continue  # page number
        if not s:
            if current:
                paragraphs.append(current)
            current = None
            continue
        current = (current[0], f"{current[1]} {s}") if current else (i + 1, s)
    if current:
        paragraphs.append(current)
    given: set[str] = set()
    for line, text in paragraphs:
        previous = 0
        for a, b in _brackets(text):
            start = max(text.rfind(". ", 0, a) + 2, 0)  # the sentence the list stands in
            topic = _field(re.split(r"[,:(]", text[start:a], maxsplit=1)[0])  # `Dans le domaine de la jeunesse,`
            domains = list(dict.fromkeys(_field(text[max(start, previous):a]) + topic))
            previous = b + 1
            if not domains:
                continue
            for item in re.split(r"[,;]\s*(?![^()]*\))", text[a + 1:b]):
                for p in _pairs(item.strip(" .…"), records):
                    mine = p.domain_sources.setdefault(SECTION, [])
                    mine += [d for d in domains if d not in mine]
                    src = SourceRef(document, line, line, None, f"Introduction : {', '.join(domains)}")
                    if src not in p.sources:
                        p.sources.append(src)
                    given.add(p.id)
    return len(given)


def objective_domains(objectives: str | None) -> list[str]:
    """A sheet's objectives as its domain labels, one per item (`Appui institutionnel /
    Echanges entre représentants de la société civile`): exchanges count only where a short
    item names nothing else (`échanges de jeunes` is youth; `favoriser les échanges` is exchanges)."""
    found: list[str] = []
    text = re.sub(r"Objectifs (?:de départ|actuels) :", "\n", objectives or "")
    for item in re.split(r"\s+/\s+|\s*[;\n]\s*|,\s+|\s+-\s+|:\s+|(?<=[a-zé)])\.\s+", text):
        domains = map_domain(item) if len(item) > 3 else []
        if ECHANGES in domains and (len(domains) > 1 or len(item) > 60):  # a means, not a field
            domains.remove(ECHANGES)
        found += [d for d in domains if d not in found]
    return found
