"""The search's words marked on a partnership page, in every text the page shows (QA r42, audit 5,
defect 7: `cu-lyon--district-de-bamako?q=eau` marked « L'eau potable » in Perspectives and left
« 5. Eau potable » plain in the document's domain labels, in the actions' « Domaine » column and
in « Partenaires »).

One rule for every section: a text is marked with the terms of the index field the search reads
it in (indexer/documents.py), so that what is marked is what the search matched: the title in
`title`, names in `parties`, places in `places` (both with the names analyzer), domain labels in
`domains_text`, the prose, budgets and other fields in `body`, and what the search reads only in
the sheet's whole text (contacts, the facts beside the budget, the population, the original text)
in `sheet`. Not marked: values of a closed list the page words itself (a party's type, a status),
years, and what no field holds (phones, faxes, e-mails and web addresses, the project's notes)."""
from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from markupsafe import Markup, escape

from indexer.records import SHOWN_ONLY
from indexer.text import EMAIL_RE

Mark = Callable[[str | None, str], str]  # views.record_marks: (text, field) -> escaped HTML

PARTNERSHIP_FIELDS = {
    "title": "title", "countries": "places", "domains": "domains_text", "domains_raw": "domains_text",
    "legal_framework": "body", "history": "body", "objectives": "body", "perspectives": "body",
    "documents": "body", "other_partnerships": "body", "partners": "body", "budget": "body",
    "original_text": "sheet"}
PARTY_FIELDS = {"name": "parties", "name_raw": "parties", "region": "places", "subdivision": "places",
                "country": "places", "population_text": "sheet"}
ACTION_FIELDS = {"title": "title", "domain_raw": "domains_text", "domains": "domains_text",
                 "description": "body", "objectives": "body", "partners": "body", "beneficiaries": "body",
                 "budget": "body"}
CONTACT_FIELDS = {"name": "sheet", "role": "sheet", "organisation": "sheet"}
DETAIL_FIELDS = {"Adresse": "sheet"}  # contacts.DETAILS' labels; the others are numbers and links


def extra_field(key: str) -> str:
    """Where the search reads an extra field of a sheet: in the body, but for those shown only
    (indexer.records.SHOWN_ONLY), which it reads in the sheet's whole text."""
    return "sheet" if key in SHOWN_ONLY else "body"


def marked(value: Any, field: str, mark: Mark) -> Any:
    """A value as shown, its words marked: a text, each text of a list, a budget's text."""
    if isinstance(value, str):
        return Markup(_marked_text(value, field, mark))
    if isinstance(value, list):
        return [marked(v, field, mark) for v in value]
    if isinstance(value, dict) and "text" in value:
        return dict(value, text=marked(value["text"], field, mark))
    return value


def marked_copy(rec: dict, fields: dict[str, str], mark: Mark) -> dict:
    """A copy of `rec` whose `fields` (key -> index field) are marked; the other keys as they are."""
    return dict(rec, **{key: marked(rec[key], field, mark) for key, field in fields.items() if rec.get(key)})


def marked_partnership(p: dict, mark: Mark, apart: Collection[str] = ()) -> dict:
    """The partnership's texts as its page shows them, marked (its parties and extra fields too;
    the actions and contacts are marked by the functions below). `apart`: the texts the page
    marks itself, paragraph by paragraph, left unmarked here rather than marked twice."""
    out = marked_copy(p, {k: f for k, f in PARTNERSHIP_FIELDS.items() if k not in apart}, mark)
    for side in ("french_party", "partner_party"):
        if p.get(side):
            out[side] = marked_copy(p[side], PARTY_FIELDS, mark)
    out["extra"] = {k: marked(v, extra_field(k), mark) for k, v in (p.get("extra") or {}).items()}
    return out


def marked_action(a: dict, mark: Mark) -> dict:
    return marked_copy(a, ACTION_FIELDS, mark)


def marked_contact_groups(groups: list[dict], mark: Mark) -> list[dict]:
    """contacts.contact_groups' groups, each contact's texts marked (grouped first: the headings
    and the links are made from the plain texts)."""
    return [dict(g, contacts=[_marked_contact(c, mark) for c in g["contacts"]]) for g in groups]


def _marked_contact(c: dict, mark: Mark) -> dict:
    details = [dict(d, text=marked(d["text"], DETAIL_FIELDS[d["label"]], mark)) if d["label"] in DETAIL_FIELDS
               else d for d in c["details"]]
    return dict(marked_copy(c, CONTACT_FIELDS, mark), details=details)


def _marked_text(text: str, field: str, mark: Mark) -> str:
    """`text` marked, its e-mail addresses left plain: the search never reads them (the index holds
    the sheets without them: indexer.text.redact_contacts), and `yahoo` marked in « deya_cu@yahoo.fr »
    of a sheet's original text where the search said no document had it (the round's review)."""
    if "@" not in text:
        return mark(text, field)
    out, at = [], 0
    for m in EMAIL_RE.finditer(text):
        out += [mark(text[at:m.start()], field) if m.start() > at else "", str(escape(m.group()))]
        at = m.end()
    out.append(mark(text[at:], field) if at < len(text) else "")
    return "".join(out)
