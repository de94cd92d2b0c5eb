"""The facets, each declared once.

A facet is a way to narrow results (country, domain, year…). Its entry here
says everything the rest of the code needs: the name (API parameter, response
key, index field `f_<name>`), the French label and query prefixes, how its
values are read from a partnership and from an action, whether a record holds
one value or several, how its values are ordered and validated. The schema,
the document builder, the query language, the engine, the API's validation,
the OpenAPI document, the pages and the links all read this registry: adding
a facet is one `Facet(...)` entry plus its extraction (see docs/facets.md).

The registry in use is `registry()`; `using(...)` swaps it for a block (tests
register a facet that way, without touching this file).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from analyzers import fold_text

from .records import Action, Partnership
from .registry import labels as document_labels
from .states import ACTION_STATES, PARTNERSHIP_STATES, action_state, partnership_state, state_value

# The facets that code names, not only the registry: each such name is written here once.
YEAR = "year"  # the facet that year_from/year_to narrow and the year sorts read
COUNTRY = "country"  # the partner's country: the scope of a place no sheet names
REGION = "region"  # the partner's region: the map's marks and a cercle's scope
DOMAIN = "domain"  # the completions' likeness counts a shared domain
FRENCH = "french"  # the French collectivity: the map's French marks

SOURCE_LABELS = document_labels()  # file name -> label, from the document registry (indexer/registry.py)

UNKNOWN_VALUE = "Valeur inconnue pour le filtre « {label} » ({name}) : « {value} »."


@dataclass(frozen=True)
class Facet:
    name: str  # API parameter, key in responses, index field f_<name>
    label: str  # French, on the page
    values: Callable[[Partnership], Iterable[Any]]  # a partnership's values
    # an action's values; None: those of its partnership (an action is where its partnership is)
    action_values: Callable[[Action, Partnership], Iterable[Any]] | None = None
    prefixes: tuple[str, ...] = ()  # French query prefixes as written (`année`); the first is shown
    multi: bool = True  # a record may hold several values (else at most one)
    order: str = "count"  # "count": most frequent first; "value": in value order (years)
    description: str = ""  # French, for the OpenAPI document
    example: str | None = None  # an API value, for the OpenAPI document
    query_example: str | None = None  # a prefix use shown in the page's help (`pays:mali`)
    value_labels: Mapping[Any, str] = field(default_factory=dict)  # French labels of coded values
    # other words a user types for a coded value after its prefix (`type:projets`: the actions)
    value_words: Mapping[Any, tuple[str, ...]] = field(default_factory=dict)
    # validation of an API value: its shape (regex), the only values allowed,
    # the conversion to the stored value, and the error code and message
    pattern: str | None = None
    closed: tuple[str, ...] = ()
    convert: Callable[[str], Any] = str
    invalid_code: str = "unknown_facet_value"
    invalid_message: str = UNKNOWN_VALUE
    selects_kind: bool = False  # chooses what is listed (partnerships or actions), one at a time
    on_page: bool = True  # shown in the search page's sidebar
    chart: bool = False  # shown on the page as bars by value (years)
    text_field: str | None = None  # a prefix value that is no facet value is looked for in this text field
    # selecting it asks what was done (in that domain): a partnership whose actions carry other
    # values only is ranked after those with a matching action (ranking_profile.outside_domain)
    of_actions: bool = False
    # the API value that selects the records holding none of the facet's values (`year=none`), listed
    # last among its values, counted and ticked as one (engine/facets.py); its label is in value_labels
    missing: str | None = None

    def __post_init__(self):
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.name):
            raise ValueError(f"facet name {self.name!r}: lower-case letters, digits and _ only")
        if self.order not in ("count", "value"):
            raise ValueError(f"facet {self.name}: order must be 'count' or 'value'")

    # -- values of a record -------------------------------------------------
    def of_partnership(self, p: Partnership) -> list:
        return _unique(self.values(p))

    def of_action(self, a: Action, p: Partnership) -> list:
        if self.action_values is None:
            return self.of_partnership(p)
        return _unique(self.action_values(a, p))

    # -- API values ---------------------------------------------------------
    @property
    def from_index(self) -> bool:
        """Its values are whatever the index holds: the API accepts only those
        and the OpenAPI document lists them as an enum."""
        return not self.closed and self.pattern is None

    @property
    def exclusive(self) -> bool:
        """One value selected at a time (a toggle replaces the selection)."""
        return self.selects_kind

    def parse(self, raw: str) -> Any:
        """An API value as stored; ValueError with the French message when it
        has the wrong shape or is not one of the closed values."""
        if self.missing is not None and raw.strip() == self.missing:
            return self.missing
        if (self.pattern and not re.fullmatch(self.pattern, raw.strip())) or (
                self.closed and raw not in self.closed):
            raise ValueError(self.invalid_message.format(name=self.name, label=self.label, value=raw[:60]))
        return self.convert(raw.strip() if self.pattern else raw)

    def label_of(self, value) -> str:
        return self.value_labels.get(value, str(value))


def _unique(values: Iterable[Any]) -> list:
    return list(dict.fromkeys(v for v in values if v is not None and v != ""))


class Registry:
    """An ordered set of facets (the order of the API's `facets` and of the page)."""

    def __init__(self, facets: Iterable[Facet]):
        self.facets: tuple[Facet, ...] = tuple(facets)
        self._by_name = {f.name: f for f in self.facets}
        if len(self._by_name) != len(self.facets):
            raise ValueError("two facets have the same name")
        self.by_prefix: dict[str, str] = {}  # folded prefix -> facet name
        for f in self.facets:
            for prefix in f.prefixes:
                key = fold_text(prefix)
                if key in self.by_prefix:
                    raise ValueError(f"query prefix {prefix!r} is declared twice")
                self.by_prefix[key] = f.name
        kinds = [f for f in self.facets if f.selects_kind]
        if len(kinds) > 1:
            raise ValueError("only one facet may choose the kind of record listed")
        self.kind: Facet | None = kinds[0] if kinds else None

    def __iter__(self) -> Iterator[Facet]:
        return iter(self.facets)

    def __len__(self) -> int:
        return len(self.facets)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __getitem__(self, name: str) -> Facet:
        return self._by_name[name]

    def get(self, name: str) -> Facet | None:
        return self._by_name.get(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.facets)

    @property
    def filtering(self) -> tuple[str, ...]:
        """The facets that filter and are counted over the result set (all but the kind)."""
        return tuple(f.name for f in self.facets if not f.selects_kind)

    @property
    def on_page(self) -> tuple[Facet, ...]:
        return tuple(f for f in self.facets if f.on_page)

    def with_facets(self, *facets: Facet) -> Registry:
        """This registry and more facets (after the others)."""
        return Registry(self.facets + facets)

    def partnership_values(self, p: Partnership) -> dict[str, list]:
        return {f.name: f.of_partnership(p) for f in self.facets}

    def action_values(self, a: Action, p: Partnership) -> dict[str, list]:
        return {f.name: f.of_action(a, p) for f in self.facets}


# --- the facets ---------------------------------------------------------------

def _get(party, key):
    return party.get(key) if isinstance(party, dict) else getattr(party, key)


def is_french(party) -> bool:
    """A party in France: the records' first party is not always (the MICL's accords, Action Mopti).
    A record's `Party` or its stored dict; False for None."""
    return bool(party) and _get(party, "country") == "France"


def abroad_party(partner, own):
    """The party a partnership has abroad: its partner; a body with no partner that stands
    abroad is its own (Action Mopti, an NGO working in Mopti); None for neither. The parties
    are records' `Party` or their stored dicts (the results' `region`, the map's marks)."""
    if partner:
        return partner
    return own if own and not is_french(own) else None


def partner_region(partner, own) -> str | None:
    """The region a partnership is filed under: its party abroad's (`abroad_party`)."""
    party = abroad_party(partner, own)
    return _get(party, "region") if party else None


def _partner_region(p: Partnership) -> list:
    region = partner_region(p.partner_party, p.french_party)
    return [region] if p.partner_party or region else []


def _french_collectivity(p: Partnership) -> list:
    """The French party, when there is one (the MICL's accords have none)."""
    return [p.french_party.name] if is_french(p.french_party) else []


def _documents(sources) -> list[str]:
    return sorted({s.document for s in sources})


def _year(raw: str) -> int:
    return int(raw)


FACETS = Registry([
    Facet(COUNTRY, "Pays", lambda p: p.countries, prefixes=("pays",), example="Mali",
          query_example="pays:mali",
          description="Pays du partenaire (valeur exacte de la facette country). Répétable : les valeurs "
                      "d'une même facette se combinent par OU, les facettes entre elles par ET."),
    Facet(DOMAIN, "Domaine", lambda p: p.domains, lambda a, p: a.domains, prefixes=("domaine",),
          of_actions=True, example="Eau et assainissement", query_example="domaine:santé",
          description="Domaine (vocabulaire contrôlé, valeur exacte de la facette domain). Répétable."),
    Facet(YEAR, "Année", lambda p: p.years, lambda a, p: a.years, prefixes=("année", "an"),
          order="value", chart=True, example="2005", query_example="annee:2005",
          pattern=r"[0-9]{4}", convert=_year, invalid_code="invalid_year",
          missing="none", value_labels={"none": "Sans année"},
          invalid_message="Valeur invalide pour le filtre « {label} » ({name}) : « {value} » "
                          "(attendu : une année de quatre chiffres).",
          description="Année (quatre chiffres) ; none : les fiches qu'aucune année ne date, « Sans année » "
                      "(avec year_from ou year_to, elles s'ajoutent à celles de la période). Répétable."),
    Facet(REGION, "Région / wilaya", _partner_region, prefixes=("région", "wilaya"), multi=False,
          query_example="region:kayes", text_field="places",
          description="Région, cercle, wilaya ou province du partenaire (valeur exacte). Répétable."),
    Facet(FRENCH, "Collectivité française", _french_collectivity, multi=False,
          example="Marseille",
          description="Collectivité française du partenariat (valeur exacte ; la carte filtre par elle). "
                      "Répétable."),
    Facet("type", "Type de fiche", lambda p: ["partnership"], lambda a, p: ["action"],
          prefixes=("type",), multi=False, closed=("partnership", "action"), selects_kind=True,
          value_labels={"partnership": "Partenariats", "action": "Actions"},
          value_words={"action": ("projets",)},
          invalid_code="invalid_type",  # its values listed by the API's message (search_app.params.unknown)
          description="Type de fiche listée : partnership (défaut, actions imbriquées) ou action "
                      "(actions seules)."),
    Facet("source", "Document source", lambda p: _documents(p.sources),
          lambda a, p: _documents(a.sources) or _documents(p.sources), prefixes=("source",),
          value_labels=SOURCE_LABELS,
          description="Document source (nom de fichier, valeur exacte de la facette source). Répétable."),
    # an action's is its partnership's, as its result's and its record's `detail` (build._write_tables):
    # actions had a third value, `action`, their results `sheet` and their records none
    Facet("detail", "Fiche", lambda p: [p.detail], multi=False, on_page=False,
          value_labels={"sheet": "Fiche complète", "listed": "Simple mention"},
          description="sheet (fiche complète) ou listed (simple mention) ; une action a celle de son "
                      "partenariat. Répétable."),
    Facet("status", "État", lambda p: [partnership_state(p)], lambda a, p: [action_state(a)],
          prefixes=("statut",), multi=False, on_page=False, example="En contact", convert=state_value,
          description=f"État d'un partenariat ({', '.join(PARTNERSHIP_STATES)}) ou d'une action "
                      f"({', '.join(ACTION_STATES)}) ; le champ status d'une fiche garde les mots du "
                      "document (« réalisé », « en cours »), qui valent aussi comme valeur. Répétable."),
])

_active: Registry = FACETS


def registry() -> Registry:
    """The facets in use."""
    return _active


@contextmanager
def using(reg: Registry) -> Iterator[Registry]:
    """Use `reg` instead of the declared facets inside the block (tests)."""
    global _active
    previous, _active = _active, reg
    try:
        yield reg
    finally:
        _active = previous
