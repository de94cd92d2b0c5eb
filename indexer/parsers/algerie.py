"""Parser for *La coopération décentralisée franco-algérienne* (Cités Unies
France, about 2006): a state table of 47 rows, then one sheet per partnership.

The table gives every partnership (and its state); the sheets give the
detail. A sheet and its table row are one record with two sources; where they
disagree (names, partner) the sheet wins and the disagreement goes to
`notes`. The extraction broke the sheets' three-column project tables into
lines, so the project reader works on line shapes (short label cells, long
description lines) rather than on columns.
"""
from __future__ import annotations

import re

from ..ids import action_id, name_key, partnership_id
from ..records import Action, Budget, Contact, ParseResult, Partnership, Party, SourceRef
from ..text import fold, squash_spaces
from . import Reader, dates, fields
from .algerie_blocks import (
    PAGE_RE,
    dated_items,
    flow,
    item_date,
    opening_name,
    parse_contacts,
    parse_project,
    period_heading,
    project_blocks,
    project_title,
    repair,
)
from .algerie_dates import YEAR, first_contact, formal_year, formalisation, project_sentences, years_in
from .algerie_domains import apply_introduction, objective_domains
from .algerie_parties import (
    french_party,
    partner_party,
    place_french,
    place_partner,
    population,
    slug,
    split_population,
    text_persons,
)
from .algerie_table import GROUP_RE, TABLE_SECTION, read_table, split_partners
from .namekeys import place_key, same, same_kind_of_place
from .sheet import ActionDraft, Document, Sheet

TITLE = "coopération décentralisée franco"
ALGERIA = "Algérie"

# Wilayas and the communes that are not wilaya seats: indexer/geography/algerie.tsv.

# a project's status word; `en suspend` (sic, Paris's tramway project) is kept as written (indexer/states.py)
_STATUS = {"réalisé": "réalisé", "en cours": "en cours", "en projet": "en projet", "à venir": "en projet",
           "en suspend": "en suspend"}
_FIELD_RE = re.compile(
    r"^\s*(?P<label>Convention|Historique|Objectifs de départ|Objectifs actuels|Partenaires|Atouts|"
    r"Difficultés|Observations)\s*\.?(?=\s|$)\s*(?P<rest>.*)$")
_SECTION_RE = re.compile(
    r"^\s*(Le partenariat|Les projets\b.*|Fonctionnement du partenariat|Sources de financement|"
    r"CONTACTS et ADRESSES.*)\s*$")
_NO_PROJECT_RE = re.compile(r"^(pas de projets?|aucun projet)", re.IGNORECASE)


# --- Sheets ------------------------------------------------------------------

def _sheet_starts(lines: list[str]) -> list[tuple[int, int, int]]:
    """(French header, partner header, `Le partenariat`) 0-based line numbers."""
    starts = []
    for i, line in enumerate(lines):
        if line.strip() != "Le partenariat":
            continue
        prev = [j for j in range(max(0, i - 10), i) if lines[j].strip()]
        if len(prev) >= 2:
            starts.append((prev[-2], prev[-1], i))
    return starts


def _fields(lines: list[str], first: int, last: int, labels_re=_FIELD_RE) -> dict[str, tuple[int, list[str]]]:
    """Labelled paragraphs (`Convention.`, `Historique.`…) within a line range."""
    out: dict[str, tuple[int, list[str]]] = {}
    current = None
    for i in range(first, last + 1):
        line = lines[i]
        if _SECTION_RE.match(line) or GROUP_RE.match(line.strip()):
            current = None
            continue
        m = labels_re.match(line)
        if m:
            current = m.group("label")
            rest = m.group("rest")
            if current == "Convention":
                rest = re.sub(r"^Convention\.\s*", "", rest)
            out.setdefault(current, (i, []))[1].append(rest)
            continue
        if current:
            out[current][1].append(line)
    return out


def _section_range(lines, first, last, name) -> tuple[int, int] | None:
    start = next((i for i in range(first, last + 1) if lines[i].strip().startswith(name)), None)
    if start is None:
        return None
    end = last
    for i in range(start + 1, last + 1):
        if _SECTION_RE.match(lines[i]) or _FIELD_RE.match(lines[i]) and name != "Sources de financement":
            end = i - 1
            break
        if name == "Sources de financement" and (_SECTION_RE.match(lines[i])
                                                 or re.match(r"^\s*Observations", lines[i])):
            end = i - 1
            break
    return start, end


def _money(text: str | None) -> Budget | None:
    """The total when one is stated, else the first amount written with a unit (francs,
    euros, dinars: DA is DZD), with its clause as the text; the other amounts stay in it."""
    if not text:
        return None
    found = [a for a in fields.amounts(text) if a.currency]
    if not found:
        return None
    a = next((x for x in found if x.total), found[0])
    start = max(text.rfind(sep, 0, a.start) for sep in (".", ";", "/", "(", "\n", "\u2013")) + 1
    return Budget(text=text[start:a.end].strip(" :-"), amount=a.value, currency=a.currency,
                  kind=fields.budget_kind(text, a))


# --- Projects --------------------------------------------------------------


# --- Contacts ----------------------------------------------------------------


# --- Assembling ------------------------------------------------------------------

def looks_like(text: str) -> bool:
    head = fold(text[:3000])
    return "cooperation decentralisee franco" in head and "algerienne" in head


class AlgerieReader(Reader):
    def looks_like(self, text: str) -> bool:
        return looks_like(text)

    def read(self, doc: Document, result: ParseResult) -> None:
        _parse("\n".join(doc.lines), doc, result)


def parse(text: str, document: str) -> ParseResult:
    from ..registry import get

    return AlgerieReader(get("algerie-cooperation-decentralisee.txt")).parse(text, document)


def _parse(text: str, doc: Document, result: ParseResult) -> None:
    document = doc.name
    lines = text.splitlines()
    if not looks_like(text):
        result.warnings.append("ligne 1 : ce n'est pas le document algérien de coopération décentralisée")
    starts = _sheet_starts(lines)
    table_start = next((i for i, l in enumerate(lines) if "Etat d" in l and "avancement des partenariats" in l), None)
    rows = []
    if table_start is not None:
        table_end = starts[0][0] if starts else len(lines)
        rows = read_table(lines, table_start + 1, table_end, document, result.warnings)
    sheets = []
    annex = next((i for i, l in enumerate(lines) if l.strip().startswith("ANNEXES")), len(lines))
    group = None
    for k, (fh, ph, lp) in enumerate(starts):
        for j in range((starts[k - 1][2] if k else 0), fh):
            gm = GROUP_RE.match(lines[j].strip())
            if gm:
                up = fold(gm.group(1)).upper()
                group = "CR" if "REGIONAUX" in up else "CG" if "GENERAUX" in up else "V"
        end = (starts[k + 1][0] - 1) if k + 1 < len(starts) else annex - 1
        while end > lp and (not lines[end].strip() or PAGE_RE.match(lines[end])
                            or GROUP_RE.match(lines[end].strip())):
            end -= 1
        try:
            sheets.append(_read_sheet(lines, fh, ph, lp, end, group, document, result.warnings))
        except Exception as exc:  # noqa: BLE001 (one unreadable sheet must not lose the others)
            result.warnings.append(f"ligne {fh + 1} : fiche non lue ({type(exc).__name__}: {exc})")
    _share_group_contacts(sheets)
    _assemble(rows, sheets, doc, result)


def _read_sheet(lines, fh, ph, lp, end, group, document, warnings) -> dict:
    f_raw, f_pop = split_population(lines[fh])
    p_raw, p_pop = split_population(lines[ph])
    fp = french_party(f_raw, group)
    fp.population_text, fp.population = f_pop, population(f_pop)
    projects_at = next((i for i in range(lp, end + 1) if lines[i].strip().startswith("Les projets")), end)
    running_at = next((i for i in range(projects_at, end + 1)
                       if lines[i].strip().startswith("Fonctionnement du partenariat")), end)
    contacts_at = [i for i in range(lp, end + 1) if lines[i].strip().startswith("CONTACTS et ADRESSES")]
    body_end = (contacts_at[0] - 1) if contacts_at else end
    fields = _fields(lines, lp + 1, projects_at - 1)
    fields.update(_fields(lines, running_at, body_end))
    get = {k: flow(v[1]) for k, v in fields.items()}
    funding = _section_range(lines, running_at, body_end, "Sources de financement")
    funding_text = flow(lines[funding[0] + 1: funding[1] + 1]) if funding else None
    if funding_text:
        funding_text = re.sub(r"^Budget\s+(?=Budget)", "", funding_text)
    french_contacts, partner_blocks = _contact_blocks(lines, contacts_at, end, fp, warnings)
    partners = _partners(p_raw, p_pop, group)
    for _first, org, _contacts in partner_blocks:
        place_partner(partners[0][0], org)
    projects = _projects(lines, projects_at, running_at - 1, warnings)
    extra = {label: get[label] for label in ("Atouts", "Difficultés", "Observations") if get.get(label)}
    if funding_text:
        extra["Sources de financement"] = funding_text
    statements = [p["description"] for p in projects if p.get("statement")]
    if statements:
        extra["Projets"] = "\n".join(statements)
    return {
        "first": fh, "last": end, "french": fp, "partners": partners,
        "french_contacts": french_contacts, "partner_blocks": partner_blocks,
        "convention": get.get("Convention"), "history": get.get("Historique"),
        "obj_start": get.get("Objectifs de départ"), "obj_now": get.get("Objectifs actuels"),
        "partners_text": get.get("Partenaires"), "funding": funding_text, "extra": extra,
        "projects": [p for p in projects if not p.get("statement")],
        "raw": "\n".join(lines[fh:end + 1]), "body": flow(lines[lp + 1:body_end + 1]),
        "source": SourceRef(document, fh + 1, end + 1, None, "sheet"),
    }


def _contact_blocks(lines: list[str], contacts_at: list[int], end: int, fp: Party, warnings: list[str]
                    ) -> tuple[list[Contact], list[tuple[int, str | None, list[Contact]]]]:
    """The French block's contacts (placing the French party by its organisation), then the
    partner blocks as (first line, organisation, contacts); empty `XX` templates are skipped."""
    french_contacts: list[Contact] = []
    partner_blocks: list[tuple[int, str | None, list[Contact]]] = []
    for k, c0 in enumerate(contacts_at):
        c1 = (contacts_at[k + 1] - 1) if k + 1 < len(contacts_at) else end
        side = "partner" if "Algérie" in lines[c0] else "french"
        org, cs = parse_contacts(lines, c0, c1, side, warnings)
        if org and re.match(r"^XX\b", org) and not cs:
            warnings.append(f"ligne {c0 + 1} : modèle de contact vide ({org})")
            continue
        if side == "french":
            french_contacts.extend(cs)
            place_french(fp, org)
        else:
            partner_blocks.append((c0, org, cs))
    return french_contacts, partner_blocks


def _partners(p_raw: str, p_pop: str | None, group: str | None) -> list[tuple[Party, list[str]]]:
    """The partner heading's collectivities (`WILAYA DE X ET APC DE Y`), the population going to the first."""
    raw_partners = split_partners(repair(p_raw).upper()) if re.search(r"\bET\b", p_raw) else [p_raw]
    partners = []
    for i, pr in enumerate(raw_partners):
        hint = "wilaya" if group == "CR" and len(raw_partners) > 1 else None
        party, notes = partner_party(pr, hint)
        if i == 0:
            party.population_text, party.population = p_pop, population(p_pop)
        partners.append((party, notes))
    return partners


def _projects(lines: list[str], first: int, last: int, warnings: list[str]) -> list[dict]:
    """The sheet's `Projet N` blocks; empty slots are skipped, and a block that only states
    that there is no project is marked as a statement."""
    projects = []
    period: list[int] | None = None  # the years of the last `ACTIONS 2004-2005` heading passed
    after = first
    for b0, b1 in project_blocks(lines, first, last):
        period = next((y for y in (period_heading(lines, i) for i in range(after, b0)) if y), period)
        after = b1 + 1
        try:
            proj = parse_project(lines, b0, b1)
        except Exception as exc:  # noqa: BLE001 (one unreadable project must not lose the sheet)
            warnings.append(f"ligne {b0 + 1} : projet non lu ({type(exc).__name__})")
            continue
        proj["first"], proj["last"] = b0, b1
        if not proj["years"] and period:
            proj["years"] = list(period)
        proj["raw"] = "\n".join(lines[b0:b1 + 1])
        if not (proj["theme"] or proj["title"] or proj["description"]):
            warnings.append(f"ligne {b0 + 1} : emplacement de projet vide {lines[b0].strip()}")
            continue
        if proj["description"] and _NO_PROJECT_RE.match(proj["description"]) and not proj["theme"]:
            warnings.append(f"ligne {b0 + 1} : aucun projet, seulement une déclaration {proj['description'][:60]}")
            proj["statement"] = True
        projects.append(proj)
    return projects


def _share_group_contacts(sheets: list[dict]) -> None:
    """Lyon's three sheets share one contact section at the end: each sheet
    takes the French contacts and the partner block naming its partner."""
    by_french: dict[str, list[dict]] = {}
    for s in sheets:
        by_french.setdefault(name_key(s["french"].name), []).append(s)
    for group in by_french.values():
        if len(group) < 2:
            continue
        french: list[Contact] = next((s["french_contacts"] for s in group if s["french_contacts"]), [])
        blocks = [b for s in group for b in s["partner_blocks"]]
        donor = next((s["french"] for s in group if s["french"].subdivision or s["french"].region), None)
        for s in group:
            s["french_contacts"] = s["french_contacts"] or list(french)
            if donor is not None:
                if not (s["french"].subdivision or s["french"].region):
                    s["french"].place_from_table = donor.place_from_table
                s["french"].subdivision = s["french"].subdivision or donor.subdivision
                s["french"].region = s["french"].region or donor.region
            mine = [b for b in blocks if b[1] and name_key(b[1].split(",")[0]) in
                    (name_key(s["partners"][0][0].name), name_key(s["partners"][0][0].region or ""))]
            s["partner_blocks"] = mine


def _action(proj: dict) -> ActionDraft:
    theme = proj["theme"]
    title = project_title(proj["title"], theme, proj["description"])
    desc = proj["description"]
    years = proj["years"]
    return ActionDraft(
        title=title, keep_title=True, first=proj["first"] + 1, last=proj["last"] + 1,
        start=min(years) if years else None, end=max(years) if years else None,  # its date line
        description=desc, domain_raw=theme, status=_STATUS.get(proj["status_raw"] or ""),
        when=" ".join([title, desc or ""]),
        budget=_money(desc), partners=proj["partners"], section=f"Projet {proj['n']}",
        original_text=proj["raw"],
    )


def _split_dated(proj: dict) -> list[dict]:
    """A project without theme or title that lists separately dated activities (Blanquefort:
    `2003 : Travail de mémoire …` / `fin 2004 : Envoi d'une mission …`) is one project per
    item; an undated item takes the years of the dated ones around it."""
    if proj["theme"] or (proj["title"] and not item_date(proj["title"])):  # a title is never a date
        return [proj]
    items = dated_items(proj["raw"])
    if not items:
        return [proj]
    own = [dates.years(item_date(item), YEAR).found for item in items]
    around = sorted({y for ys in own for y in ys})
    raw_lines = proj["raw"].split("\n")
    out = []
    for item, years in zip(items, own, strict=True):
        at = next((k for k, line in enumerate(raw_lines) if item[:25].strip() in squash_spaces(line)), 0)
        out.append(proj | {"title": None, "description": item, "years": years or around,
                           "first": proj["first"] + at, "raw": item})
    return out


def _distinct_titles(projects: list[dict]) -> list[ActionDraft]:
    """The sheet's actions, told apart: a project titled like an earlier one (both from the
    theme cell `« Pacte Oran Bordeaux »`) takes the name its own text opens with (`Deuxième
    phase du « Pacte Oran Bordeaux »`)."""
    actions, seen = [], set()
    for proj in (part for whole in projects for part in _split_dated(whole)):
        a = _action(proj)
        if fold(a.title) in seen and (name := opening_name(proj["description"])) and fold(name) not in seen:
            a.title = name
            a.when = " ".join([name, proj["description"] or ""])
        seen.add(fold(a.title))
        actions.append(a)
    return actions


def _objectives(start: str | None, now: str | None) -> str | None:
    parts = []
    if start:
        parts.append(f"Objectifs de départ : {start}")
    if now:
        parts.append(f"Objectifs actuels : {now}")
    return "\n".join(parts) or None


def _sheet_records(sheet: dict) -> list[Sheet]:
    out = []
    for k, (partner, notes) in enumerate(sheet["partners"]):
        contacts = list(sheet["french_contacts"])
        for _, _, cs in sheet["partner_blocks"]:
            contacts.extend(cs)
        contacts += text_persons(sheet["body"], sheet["french"], [p for p, _ in sheet["partners"]], contacts)
        formalized = formalisation(sheet["convention"], sheet["history"])
        projects = project_sentences(sheet["projects"])
        s = Sheet(
            french=Party(**vars(sheet["french"])), partner=partner, first=sheet["first"] + 1,
            last=sheet["last"] + 1, countries=[ALGERIA], legal_framework=sheet["convention"],
            formalized=formalized, history=sheet["history"],
            first_contact_year=first_contact(sheet["history"], formalized, projects, sheet["obj_start"]),
            # the history is documented activity, and so is every formal act
            years=years_in(sheet["history"] or "") + dates.formal_years(sheet["convention"], YEAR),
            objectives=_objectives(sheet["obj_start"], sheet["obj_now"]), contacts=contacts,
            partners=sheet["partners_text"], notes=list(notes), extra=dict(sheet["extra"]),
            original_text=sheet["raw"], budget=_money(sheet["funding"]),
            actions=_distinct_titles(sheet["projects"]) if k == 0 else [],
        )
        s.domains_raw = [a.domain_raw for a in s.actions if a.domain_raw]
        if len(sheet["partners"]) > 1:
            others = ", ".join(o.name for o, _ in sheet["partners"] if o is not partner)
            s.notes.append(f"Fiche commune avec : {others}.")
        out.append(s)
    return out


def _listed_records(row: dict) -> list[Sheet]:
    """A state-table row's pairs. Its state dates the formal act (`Partenariat signé le 18 Mars 2004`) and, as a
    history does (`dates.first_contact`), the relation's start: `Quelques contacts depuis 2004` (CR Haute-Normandie–
    W Béjaïa, l.108), not a relaunch (`En Novembre 2005, les élus ont tenté de reprendre contact`, Nanterre)."""
    fp = french_party(row["french"])
    out = []
    for raw in row["partners"] or [None]:
        partner, notes = partner_party(raw) if raw else (None, [])
        formalized = formal_year(row["state"])
        out.append(Sheet(
            french=Party(**vars(fp)), partner=partner, first=row["first"] + 1, last=row["last"] + 1,
            section=TABLE_SECTION, countries=[ALGERIA] if partner else [], status=row["state"],
            detail="listed", notes=notes + list(row["notes"]), formalized=formalized,
            first_contact_year=dates.first_contact(row["state"], formalized, YEAR),
            legal_framework=row["state"] if row["state"] and formalized else None,
            original_text=row["text"],
        ))
    return out


def _merge_row(p: Partnership, listed: Partnership) -> None:
    p.sources.append(listed.sources[0])
    p.status = p.status or listed.status
    p.formalized = p.formalized or listed.formalized
    p.notes.extend(n for n in listed.notes if n not in p.notes)
    if listed.partner_party and p.partner_party and (
            listed.id != p.id or slug(listed.partner_party.name) != slug(p.partner_party.name)):
        p.notes.append(
            f"Le tableau d'avancement associe {listed.french_party.name_raw} à "
            f"{listed.partner_party.name_raw} ; la fiche est intitulée {p.partner_party.name_raw}.")


def _same_pair(row: Partnership, sheet: Partnership) -> bool:
    """A table row and a sheet name the same two collectivities, however spelt
    (`TIPAZA` / `TIPASA`) or abbreviated (`CU LYON` / `LYON`)."""
    return (same_kind_of_place(row.french_party, sheet.french_party)
            and same(place_key(row.french_party, True), place_key(sheet.french_party, True))
            and same(place_key(row.partner_party), place_key(sheet.partner_party), 0.75))


def _rename(p: Partnership, actions: list[Action], french: Party) -> None:
    """The sheet's French party as the table names it (`CU LYON` for a sheet headed `LYON`)."""
    old = p.id
    p.french_party = Party(**{**vars(french), "population": p.french_party.population,
                              "population_text": p.french_party.population_text})
    p.id = partnership_id(french.name, p.partner_party.name if p.partner_party else None)
    n = 0
    for a in actions:
        if a.partnership_id == old:
            n += 1
            a.partnership_id, a.id = p.id, action_id(p.id, n)


def _assemble(rows: list[dict], sheets: list[dict], doc: Document, result: ParseResult) -> None:
    records: dict[str, Partnership] = {}
    actions: list[Action] = []
    for sheet in sheets:
        for p, acts in (s.records(doc, result) for s in _sheet_records(sheet)):
            if p.id in records:
                result.warnings.append(f"ligne {sheet['first'] + 1} : deuxième fiche pour {p.id}")
                continue
            records[p.id] = p
            actions.extend(acts)
    sheet_recs = list(records.values())
    listed = [s.records(doc, result)[0] for row in rows for s in _listed_records(row)]
    # Each row to its own pair: the sheet of the same id first, then the sheet naming the same
    # two collectivities otherwise; a row whose pair has no sheet is a record of its own.
    target: dict[int, Partnership] = {}
    for k, lp in enumerate(listed):
        if lp.id in records and lp.partner_party is not None:
            target[k] = records[lp.id]
    for k, lp in enumerate(listed):
        if k in target or lp.partner_party is None:
            continue
        free = [p for p in sheet_recs if p not in target.values() and _same_pair(lp, p)]
        if len(free) == 1:
            target[k] = free[0]
            if lp.french_party.kind != "commune" and free[0].french_party.kind == "commune":
                _rename(free[0], actions, lp.french_party)
    records = {p.id: p for p in records.values()}  # renamed sheets keep their place
    for p in sheet_recs:  # the objectives are the sheet's own labels
        p.domains += [d for d in objective_domains(p.objectives) if d not in p.domains]
    intro_end = next((i for i, line in enumerate(doc.lines) if "avancement des partenariats" in line), 0)
    introduced = apply_introduction(doc.lines, intro_end, sheet_recs, doc.name)
    merged = set()
    for k, lp in enumerate(listed):
        if k in target:
            _merge_row(target[k], lp)
            merged.add(target[k].id)
        elif lp.id in records:
            records[lp.id].sources.append(lp.sources[0])
        else:
            records[lp.id] = lp
    result.partnerships = list(records.values())
    result.actions = actions
    result.stats = {
        "table_rows": len(rows),
        "sheets": len(sheets),
        "empty_sheets": sum(1 for s in sheets if _is_empty(s)),
        "listed": sum(1 for p in records.values() if p.detail == "listed"),
        "merged": len(merged),
        "introduction": introduced,  # partnerships the introduction files under a domain
        "partnerships": len(records),
        "actions": len(actions),
    }


def _is_empty(sheet: dict) -> bool:
    return not any(sheet[k] for k in ("convention", "history", "obj_start", "obj_now", "partners_text",
                                      "projects", "funding")) and not sheet["extra"]
