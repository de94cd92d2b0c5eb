"""The record model shared by every parser.

Parsers turn a source document into these dataclasses; the corpus step merges
them, the index writer analyses them, and the web app shows them. Keeping one
model means a field added here is visible everywhere, and `to_dict` is the
only serialisation (export, record store, JSON API).
"""
from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

PLANNED = "Années prévues"  # the extra field of a sheet's planned years (shown on its page)
# the extra field of a collectivity's international relations budget, when its sheet also gives the
# cooperation's (the record's budget): shown, not indexed apart from the sheet's text, as it says
# nothing of the partnership's work (indexed, it lowered three unseen queries)
RI_BUDGET = "Budget consacré aux relations internationales (par an)"
# the amount an actions table's heading states for the whole table (`Budget Annuel environ 80 000 €`:
# Pontcharra), when the presentation states the partnership's own: a fact shown beside it
TABLE_BUDGET = "Budget annuel (en-tête du tableau des actions)"
TABLE_BUDGET_ONCE = "Budget (en-tête du tableau des actions)"  # the heading says no `annuel`
# extra fields a party's card shows (indexer/parsers/groups.py), with the side of its card: a group's members
# with their départements (Pontcharra's « La Rochette (Savoie) »), the commune a partner's place field names
GROUP_MEMBERS = "Communes du groupement"
PLACE_COMMUNE = "Commune indiquée par la fiche"
PARTY_FACTS = {GROUP_MEMBERS: "french", PLACE_COMMUNE: "partner"}
# extra fields shown apart, among the facts beside « Budget » or in a party's card (PARTY_FACTS), which the
# search reads only in the sheet's whole text
SHOWN_ONLY = frozenset({RI_BUDGET, TABLE_BUDGET, TABLE_BUDGET_ONCE, *PARTY_FACTS})


INTERNAL = {"internal": True}  # a field's metadata: the build's bookkeeping, left out of `to_dict`


@dataclass
class SourceRef:
    """One place a record appears in a source document (1-based lines)."""

    document: str  # file name, e.g. "mali-repertoire-2008.txt"
    first_line: int
    last_line: int
    page: int | None = None
    section: str | None = None  # e.g. "sheet", "non renseignés", "Annexe 1"


@dataclass
class Budget:
    text: str  # as written
    amount: float | None = None
    currency: str | None = None  # "EUR", "FCFA", "MAD" (Dhs), "DZD" (DA), "F" (francs)
    # what the amount is: "total" (stated as the total, or the sum written out), "yearly"
    # (`/an`, `par an`: PER_YEAR), "share" (one party's contribution: `Marseille : 1 600 000 Dhs`,
    # `9 200 € pour Gentilly`), None when the text does not say
    kind: str | None = None


# The words that make an amount yearly: read by the parsers (fields.budget_kind) and by the pages, which say
# « (par an) » of a yearly budget whose words do not (search_app.formatting.budget_text).
PER_YEAR = re.compile(r"/\s*an\b|\bpar an\b|\bannuel\w*|chaque ann[ée]e|tous les ans", re.IGNORECASE)


def says_yearly(text: str) -> bool:
    """Whether a budget's own words say it is per year (`4000/an`, `budget annuel`): what the
    readers call yearly from the words, and what a page need not say again."""
    return bool(PER_YEAR.search(text))


@dataclass
class Party:
    """A collectivity (or a State) on one side of a partnership.

    `region` is the large unit (French région, Malian région or district,
    Moroccan région, Algerian wilaya); `subdivision` is the unit below it
    (French département, Malian cercle, Moroccan province or préfecture).
    """

    name: str  # normal case, e.g. "Conseil général du Bas-Rhin"
    name_raw: str = ""  # as first written in the source
    # commune, département, région, intercommunalité, État, cercle, wilaya, province, préfecture
    kind: str | None = None
    country: str | None = None  # "France", "Mali", "Maroc", "Algérie", ...
    region: str | None = None
    subdivision: str | None = None
    population: int | None = None
    population_text: str | None = None
    # whether `region` and `subdivision` came from a geography table's commune entry, not from the
    # document (french_places says so in the record's notes, and never cites such a record as a source);
    # not part of the record (INTERNAL: no export, no API)
    place_from_table: bool = field(default=False, compare=False, metadata=INTERNAL)


@dataclass
class Contact:
    name: str | None = None
    role: str | None = None
    organisation: str | None = None
    side: str | None = None  # "french" or "partner" when known
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    address: str | None = None
    website: str | None = None


@dataclass
class Partnership:
    id: str
    french_party: Party
    partner_party: Party | None  # None for sheets without a partner (Mali "Autres types")
    countries: list[str] = field(default_factory=list)
    kind: str = "partnership"  # "partnership", "multilateral", "bilateral", "state"
    legal_framework: str | None = None  # "Convention signée en 2003"
    formalized: int | None = None  # year of formalisation
    first_contact_year: int | None = None
    status: str | None = None
    domains_raw: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    # where the domains come from: the document's own classification (its
    # summary table, synthesis…), "fiche" (the sheet's labels), "actions"
    domain_sources: dict[str, list[str]] = field(default_factory=dict)
    years: list[int] = field(default_factory=list)
    history: str | None = None
    objectives: str | None = None
    perspectives: str | None = None
    # the reports, evaluations and programmes the sheet lists (`Documents de capitalisation`)
    documents: str | None = None
    budget: Budget | None = None
    contacts: list[Contact] = field(default_factory=list)
    other_partnerships: str | None = None
    partners: str | None = None  # technical and financial partners, as written
    sources: list[SourceRef] = field(default_factory=list)
    detail: str = "sheet"  # "sheet" or "listed"
    notes: list[str] = field(default_factory=list)  # disagreements between places of a document
    updated: str | None = None  # "Date de mise à jour" when given (ISO date)
    extra: dict[str, str] = field(default_factory=dict)  # other labelled fields worth showing
    original_text: str | None = None  # the sheet as extracted (for the "source" view)

    @property
    def title(self) -> str:
        if self.partner_party is None:
            return self.french_party.name
        return f"{self.french_party.name} – {self.partner_party.name}"

    def add_planned(self, years) -> None:
        """Years the sheet marks as planned (after its document's date), kept apart from the
        years of activity under `extra[PLANNED]`, merged with those already there."""
        had = {int(y) for y in self.extra.get(PLANNED, "").split(", ") if y.isdigit()}
        every = sorted(had | {int(y) for y in years})
        if every:
            self.extra[PLANNED] = ", ".join(str(y) for y in every)

    def to_dict(self) -> dict[str, Any]:
        d = plain(self)
        d["type"] = "partnership"
        d["title"] = self.title
        return d


@dataclass
class Action:
    id: str
    partnership_id: str
    title: str
    description: str | None = None
    domain_raw: str | None = None
    domains: list[str] = field(default_factory=list)
    status: str | None = None  # "en cours", "réalisé", "en projet", "suivi"
    years: list[int] = field(default_factory=list)
    start: int | None = None
    end: int | None = None
    budget: Budget | None = None
    partners: str | None = None
    beneficiaries: str | None = None
    objectives: str | None = None
    sources: list[SourceRef] = field(default_factory=list)
    original_text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = plain(self)
        d["type"] = "action"
        return d


_ATOMS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value: Any) -> Any:
    """`dataclasses.asdict` of a record, the same dict (same keys, same order,
    copies of its lists and dicts), made without the generic walk: asdict
    deep-copied every string and number and asked each value whether it was a
    dataclass, a third of the build's work on the records' tables."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [plain(v) for v in value]
    if kind is dict:
        return {plain(k): plain(v) for k, v in value.items()}
    if kind is tuple:
        return tuple(plain(v) for v in value)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return copy.deepcopy(value)  # anything else, as asdict does
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value) if not f.metadata.get("internal"))
    return {n: plain(getattr(value, n)) for n in names}


@dataclass
class ParseResult:
    """What one parser returns for one document."""

    document: str
    partnerships: list[Partnership] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "ligne 123 : ligne de contact non placée …"
    planned: list[str] = field(default_factory=list)  # "ligne 123 : année prévue 2010 : …" (after the document's date)
    stats: dict[str, int] = field(default_factory=dict)  # "sheets", "listed", "merged", "actions", ...
    interrupted: str | None = None  # the error that stopped the reader before the document's end (run_guarded)


def _from_dict(cls, data):
    if data is None:
        return None
    return cls(**data)


def partnership_from_dict(d: dict[str, Any]) -> Partnership:
    d = {k: v for k, v in d.items() if k not in ("type", "title")}
    d["french_party"] = _from_dict(Party, d["french_party"])
    d["partner_party"] = _from_dict(Party, d.get("partner_party"))
    d["budget"] = _from_dict(Budget, d.get("budget"))
    d["contacts"] = [Contact(**c) for c in d.get("contacts", [])]
    d["sources"] = [SourceRef(**s) for s in d.get("sources", [])]
    return Partnership(**d)


def action_from_dict(d: dict[str, Any]) -> Action:
    # an index's record also says its partnership's `detail` (build._write_tables), no field of Action
    d = {k: v for k, v in d.items() if k not in ("type", "detail")}
    d["budget"] = _from_dict(Budget, d.get("budget"))
    d["sources"] = [SourceRef(**s) for s in d.get("sources", [])]
    return Action(**d)
