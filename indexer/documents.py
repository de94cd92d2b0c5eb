"""Records -> Whoosh documents (plus, per document, its facet values and sort
key, which the build writes to the generation's document table, indexer.doctable).

An action carries its partnership's parties, countries and region, so that
`Kayes` or `pays:mali` finds and filters actions exactly as it does
partnerships. Contacts' phones and e-mails are never indexed: the
repertoires are public, but a search engine need not make them searchable. The people's names and
postal addresses are, in the `sheet` field with the rest of the sheet's text (a name finds its
partnership; leaving the addresses out moved 83 dev queries, 0.8505 -> 0.8501, QA r43 audit 7 #3).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .domains import label_text
from .facet_registry import registry
from .ids import name_key
from .records import SHOWN_ONLY, Action, Partnership
from .schema import facet_field, facet_slug
from .text import fold, redact_contacts


def _join(parts) -> str:
    return "\n".join(str(p) for p in parts if p)


def _body(parts) -> str:
    """Body text as indexed and shown in snippets: phones and e-mails that the
    sheets' prose quotes are left out (they stay on the partnership page)."""
    return redact_contacts(_join(parts), "")


def _budget_text(budget) -> str | None:
    """A budget as the body shows it, labelled: a bare `4970` after an action's words in a
    snippet reads as a year."""
    if budget is None or not budget.text:
        return None
    return budget.text if fold(budget.text).startswith("budget") else f"Budget : {budget.text}"


# what a name as the document writes it holds besides names: a group's département numbers and its
# leader's role (`Pontcharra (38) Leader, La Rochette (73), …`), which made `38`, `73` and `leader` find it first
_NOT_NAMES_RE = re.compile(r"\(\s*\d{2,3}\s*\)|\bleader\b", re.IGNORECASE)


def _party_names(p: Partnership) -> list[str]:
    """The parties' names the search reads: the name, and the document's own writing of it (its
    members, for a group of communes) without the words that name nothing."""
    names: list[str] = []
    for party in (p.french_party, p.partner_party):
        if party is None:
            continue
        names.append(party.name)
        raw = party.name_raw
        if raw and _NOT_NAMES_RE.search(raw):
            raw = re.sub(r"\s+", " ", _NOT_NAMES_RE.sub(" ", raw)).strip()
        if raw and fold(raw) != fold(party.name):
            names.append(raw)
    return names


def _name_keys(p: Partnership) -> str:
    """The parties' names as the name bonus reads them, the source's own words too where the record
    names the party otherwise (`Assemblée régionale de Kayes`, now `Région de Kayes`: typed as the
    sheet writes it, it is still that council's name)."""
    keys: list[str] = []
    for party in (p.french_party, p.partner_party):
        if party is None:
            continue
        keys += [k for k in (name_key(party.name), name_key(party.name_raw or party.name)) if k not in keys]
    return " ".join(keys)


def _places(p: Partnership) -> list[str]:
    places: list[str | None] = []
    for party in (p.partner_party, p.french_party):
        if party is None:
            continue
        places += [party.region, party.subdivision]
    places += p.countries
    # the French side's country too: `France` in a query (`leurs études en France`) then names the
    # country of every French collectivity, not only the régions named Île-de-France or
    # Franche-Comté, which alone had it in their places
    if p.french_party is not None and p.french_party.country not in places:
        places.append(p.french_party.country)
    return [x for x in places if x]


def partnership_facets(p: Partnership) -> dict[str, list]:
    return registry().partnership_values(p)


def action_facets(a: Action, p: Partnership) -> dict[str, list]:
    return registry().action_values(a, p)


def _with_facet_fields(doc: dict[str, Any], facets: dict[str, list]) -> dict[str, Any]:
    doc["facets"] = facets
    for name in registry().names:
        doc[facet_field(name)] = " ".join(facet_slug(v) for v in facets.get(name, []))
    return doc


def _document(kind: str, rid: str, p: Partnership, title: str, domains: list[str], body_parts: list,
              original_text: str | None, facets: dict[str, list]) -> dict[str, Any]:
    """The fields every index document has; partnerships and actions differ
    only in what they put in them (an action carries its partnership's names)."""
    names = _party_names(p)
    places = _places(p)
    body = _body(body_parts)
    sheet = redact_contacts(original_text or "", "")
    doc = {
        "id": rid,
        "type": kind,
        "pid": p.id,
        "title": title,
        "parties": _join(names),
        "places": _join(places),
        "domains_text": _join(domains),
        "body": body,
        "sheet": sheet,
        "sort_name": fold(title),
        "name_keys": _name_keys(p),
    }
    return _with_facet_fields(doc, facets)


def _domains_text(domains: list[str], raw: list[str], text: str | None) -> list[str]:
    """The record's domain labels as indexed: each controlled label with the parts its
    raw labels or text support (domains.label_text), then the raw labels as written."""
    evidence = "\n".join(list(raw) + [text or ""])
    return [label_text(d, evidence) for d in domains] + list(raw)


def partnership_document(p: Partnership) -> dict[str, Any]:
    doc = _document(
        "partnership", p.id, p, p.title, _domains_text(p.domains, p.domains_raw, p.original_text),
        [p.legal_framework, p.status, p.history, p.objectives, p.perspectives, p.documents, p.other_partnerships,
         p.partners, _budget_text(p.budget), *(v for k, v in p.extra.items() if k not in SHOWN_ONLY)],
        p.original_text, partnership_facets(p))
    doc["began"] = " ".join(str(y) for y in {p.formalized, p.first_contact_year} if y)
    return doc


def action_document(a: Action, p: Partnership) -> dict[str, Any]:
    return _document(
        "action", a.id, p, a.title,
        _domains_text(a.domains, [a.domain_raw] if a.domain_raw else [], a.original_text),
        [a.description, a.objectives, a.partners, a.beneficiaries, _budget_text(a.budget)],
        a.original_text, action_facets(a, p))


def index_documents(partnerships: list[Partnership], actions: list[Action]) -> Iterator[dict[str, Any]]:
    by_id = {p.id: p for p in partnerships}
    for p in partnerships:
        yield partnership_document(p)
    for a in actions:
        owner = by_id.get(a.partnership_id)
        if owner is not None:
            yield action_document(a, owner)
