"""Parser for *Service Coopération Technique* of the Embassy of Algeria in
France: one page of prose about State-to-State technical cooperation.

The whole page is one partnership (État français – État algérien). The
opening paragraphs give its framework and the sectors it covers; each later
paragraph group opens with `Dans le domaine de…`, `Dans le secteur de…` or
`S'agissant de…` and becomes one Action for that sector, so the sectors are
found by those openings rather than by line numbers.
"""
from __future__ import annotations

import re

from ..domains import domains_of_text, map_domain
from ..ids import action_id, partnership_id
from ..records import Action, ParseResult, Partnership, Party, SourceRef
from ..text import fold, reflow, squash_spaces, years_in
from . import Reader, dates

FRENCH_STATE = Party(name="État français", name_raw="France", kind="État", country="France")
ALGERIAN_STATE = Party(name="État algérien", name_raw="Algérie", kind="État", country="Algérie")

_SECTOR_RE = re.compile(
    r"^(?:dans\s+(?:le|les)\s+(?:domaine|secteur)s?|s['’]agissant)\s+"
    r"(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+|d['’]\s*)"
    r"(?P<label>[^,:]+?)\s*[,:]",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"(?<=[.;:!?])\s+(?=[A-ZÉÈÀÂ«])")


def looks_like(text: str) -> bool:
    """The embassy letterhead and the service name are both present."""
    key = fold(text or "").replace("’", "'")
    return "ambassade d'algerie en france" in key and "cooperation technique" in key


def _sector_lists(text: str) -> list[str]:
    """Sector labels as written in the opening lists: after `un objectif
    d'accompagnement de` and between the parentheses of `La coopération
    technique (…)`."""
    labels: list[str] = []
    chunks: list[str] = []
    m = re.search(r"objectif d['’]accompagnement\s+(?P<list>[^.]+)\.", text)
    if m:
        chunks.append(m.group("list"))
    m = re.search(r"coop[ée]ration technique\s*\((?P<list>[^)]+)\)", text)
    if m:
        chunks.append(m.group("list"))
    for chunk in chunks:
        parts = re.split(
            r",\s*|\s+ainsi que\s+d['’]autres secteurs cl[ée]s tels que\s+|\s+et\s+(?=l['’]|le\s|la\s|les\s)",
            chunk,
        )
        for part in parts:
            part = re.sub(r"…|\.\.\.|\betc\b\.?", "", part)
            part = re.sub(r"^(de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+|d['’]\s*|les\s+|le\s+|la\s+|l['’]\s*)",
                          "", squash_spaces(part), flags=re.IGNORECASE)
            part = part.strip(" .;")
            if part and part not in labels:
                labels.append(part)
    return labels


def _title(label: str) -> str:
    """`jeunesse et des sports` -> `Jeunesse et sports`."""
    label = squash_spaces(label).replace("’", "'")
    label = re.sub(r"\bet\s+(?:de\s+la\s+|de\s+l'\s*|des\s+|du\s+|de\s+|d'\s*)", "et ", label)
    return label[:1].upper() + label[1:]


class AmbassadeReader(Reader):
    def looks_like(self, text: str) -> bool:
        return looks_like(text)

    def read(self, doc, result: ParseResult) -> None:
        try:
            _parse("\n".join(doc.lines), doc.name, result, doc.year)
        finally:
            result.stats = {"sheets": len(result.partnerships), "listed": 0, "merged": 0,
                            "partnerships": len(result.partnerships), "actions": len(result.actions)}


def parse(text: str, document: str) -> ParseResult:
    from ..registry import get

    return AmbassadeReader(get("algerie-ambassade-cooperation-technique.txt")).parse(text, document)


def _parse(text: str, document: str, result: ParseResult, until: int | None = None) -> None:
    lines = [line.rstrip("\r") for line in text.split("\n")]
    # The letterhead ends at the service name; the prose follows.
    body_start = next((i + 1 for i, line in enumerate(lines)
                       if fold(squash_spaces(line)) == "service cooperation technique"), 0)
    if body_start == 0:
        result.warnings.append("ligne 1 : en-tête du service introuvable ; tout le texte est lu comme de la prose")
    starts = [(i, m.group("label")) for i in range(body_start, len(lines))
              if (m := _SECTOR_RE.match(squash_spaces(lines[i])))]
    if not starts:
        result.warnings.append(f"ligne {body_start + 1} : aucun paragraphe de secteur trouvé")
    intro_end = starts[0][0] if starts else len(lines)
    intro = [lines[i] for i in range(body_start, intro_end)]
    intro_text = "\n".join(intro)

    last_line = max((i + 1 for i, line in enumerate(lines) if squash_spaces(line)), default=1)
    pid = partnership_id(FRENCH_STATE.name, ALGERIAN_STATE.name)
    # Opening paragraphs: framework and sectors first, then the record of the
    # last years ("a connu ces dernières années…").
    history_at = next((k for k, line in enumerate(intro) if re.search(r"a connu ces derni[èe]res ann[ée]es", line)),
                      len(intro))
    objectives = reflow(intro[:history_at]) or None
    history = reflow(intro[history_at:]) or None
    framework = None
    m = re.search(r"(Convention de partenariat sign[ée]e en \w+ \d{4})\s+et du\s+"
                  r"(Document Cadre de Partenariat(?: \(DCP\))?)", intro_text)
    if m:
        framework = f"{m.group(1)} ; {m.group(2)}"
    formalized = int(years_in(m.group(1))[0]) if m and years_in(m.group(1)) else None

    partnership = Partnership(
        id=pid,
        french_party=Party(**vars(FRENCH_STATE)),
        partner_party=Party(**vars(ALGERIAN_STATE)),
        countries=["Algérie"],
        kind="state",
        legal_framework=framework,
        formalized=formalized,
        history=history,
        objectives=objectives,
        detail="sheet",
        sources=[SourceRef(document, 1, last_line, None, "Service Coopération Technique")],
        original_text="\n".join(lines).strip("\n"),
    )
    partnership.domains_raw = _sector_lists(" ".join(squash_spaces(line) for line in intro))
    for label in partnership.domains_raw:
        if not map_domain(label):
            result.warnings.append(f"ligne {body_start + 1} : intitulé de secteur sans domaine correspondant : {label}")

    for n, (first, label) in enumerate(starts, start=1):
        last = (starts[n][0] if n < len(starts) else len(lines)) - 1
        while last > first and not squash_spaces(lines[last]):
            last -= 1
        raw = lines[first:last + 1]
        description = reflow(raw)
        domain_raw = squash_spaces(label)
        domains = map_domain(domain_raw)
        for d in domains_of_text(f"{domain_raw} {description}"):
            if d not in domains:
                domains.append(d)
        if not domains:
            result.warnings.append(f"ligne {first + 1} : secteur sans domaine correspondant : {domain_raw}")
        years = dates.years(description, until).found
        result.actions.append(Action(
            id=action_id(pid, n),
            partnership_id=pid,
            title=_title(domain_raw),
            description=description,
            domain_raw=domain_raw,
            domains=domains,
            years=years,
            sources=[SourceRef(document, first + 1, last + 1, None, _title(domain_raw))],
            original_text="\n".join(raw),
        ))

    result.partnerships.append(partnership)  # domains and years: rolled up by the merge
