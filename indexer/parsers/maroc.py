"""Parser for the Morocco repertoire (Cités Unies France / PAD Maroc, July 2008).

The document has one sheet per French collectivity listed in the table of
contents, a short list of "other partnerships" and a synthesis by domain
that names the sheets again. Sheets are found by their shape (French
collectivity line, Moroccan collectivity line, executives) and checked
against the table of contents, so a sheet the extraction garbled is
reported instead of silently lost.
"""
from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from indexer import geography
from indexer.domains import map_domain
from indexer.records import Contact, ParseResult, Partnership, Party, SourceRef
from indexer.text import EMAIL_RE, fold, normal_case, reflow, squash_spaces

from . import Reader, dates, fields
from .contacts import person_name, with_email
from .maroc_contacts import FAX_RE, PHONE_RE, parse_contacts, partner_persons, who_persons
from .maroc_projects import build_actions, chronology_actions, joined, parse_budget, years_in
from .maroc_sheet import (
    YEAR,
    Ctx,
    Item,
    SheetData,
    core_name,
    logical_lines,
    read_sheet,
    strip_marker,
)
from .maroc_toc import FRENCH_START, TocEntry, find_sheets, next_nonblank, parse_toc, split_partner_names
from .sheet import ActionDraft, Document, Sheet

TITLE = "Répertoire des partenariats de coopération décentralisée franco-marocains"
LISTED_PAGE = 150
SYNTHESIS_PAGE = 151
SYNTHESIS = "Synthèse par domaines"


def looks_like(text: str) -> bool:
    head = fold((text or "")[:3000])
    return "franco-marocains" in head and "partenariats de cooperation decentralisee" in head


# --- Places ---------------------------------------------------------------
# Régions, provinces and communes: indexer/geography/maroc.tsv and france.tsv.
MOROCCO: Final = "Maroc"


def _key_tokens(name: str) -> set[str]:
    stop = {"ville", "commune", "communes", "urbaine", "urbaines", "rurale", "conseil", "regional",
            "general", "de", "d", "l", "la", "le", "du", "des", "et", "province", "prefecture",
            "cercle", "communaute", "mairie"}
    toks = re.split(r"[^a-z0-9]+", fold(name))
    return {t for t in toks if t and t not in stop}


def french_party(raw: str, population_text: str | None = None) -> Party:
    name = normal_case(raw)
    low = fold(name)
    kind = "département" if low.startswith("conseil general") else "région" if low.startswith("conseil regional") \
        else "intercommunalité" if "communaute urbaine" in low or "metropole" in low else "commune"
    france = geography.of("France")
    # a town named like a département is the town (`Ville de Vienne`, in Isère, not the Vienne)
    core = core_name(name)
    place = (france.lookup(core, "commune") if kind == "commune" else None) or france.lookup(core)
    region, sub = (place.region, place.subdivision) if place else (None, None)
    sub = None if kind == "région" else sub
    party = Party(name=name, name_raw=squash_spaces(raw), kind=kind, country="France",
                  region=region, subdivision=sub, place_from_table=bool(place and place.level == "commune"))
    _set_population(party, population_text)
    return party


def moroccan_party(raw: str, population_text: str | None = None) -> Party:
    name = normal_case(raw)
    low = fold(name)
    place = geography.of(MOROCCO).lookup(core_name(name))
    region, sub = (place.region, place.subdivision) if place else (None, None)
    kind = next((k for p, k in (("conseil regional", "région"), ("province", "province"),
                                ("prefecture", "préfecture"), ("cercle", "cercle")) if low.startswith(p)), "commune")
    if kind == "région":
        sub = None
    elif kind == "province":
        sub = name
    party = Party(name=name, name_raw=squash_spaces(raw), kind=kind, country=MOROCCO,
                  region=region, subdivision=sub)
    _set_population(party, population_text)
    return party


_POP_RE = re.compile(r"\(([\d  ,.]+)\s*(millions?)?\s*(?:d'|d’|de )?\s*habitants\)", re.IGNORECASE)


def _set_population(party: Party, line: str | None) -> None:
    m = _POP_RE.search(line or "")
    if m:
        party.population_text = m.group(0).strip("()")
        party.population = fields.population(m.group(1) + (" " + m.group(2) if m.group(2) else ""))


# --- Building records -------------------------------------------------------

def _split_domains(content: str, more: list[str]) -> tuple[list[str], list[str]]:
    """Labels of `Domaines d'activités`, and the prose that some sheets wrote there instead."""
    labels: list[str] = []
    prose: list[str] = []
    content = content.strip()
    if content:
        m = re.match(r"^(.{3,150}?)\.\s+([A-ZÉL].{30,})$", content)
        if m:
            content, rest = m.group(1), m.group(2)
            prose.append(rest)
        listed = ";" in content and all(0 < len(p.strip(" .")) <= 60 for p in content.split(";"))
        if len(content) > 150 and not listed:  # short labels however many (Midi-Pyrénées' six) are no prose
            prose.insert(0, content)
        else:
            parts = [p.strip(" .") for p in content.split(";")]
            if len(parts) == 1 and "," in content and not fold(content).startswith("echanges"):
                pieces = [p.strip(" .") for p in re.split(r",(?![^()]*\))", content)]
                if all(map_domain(p) for p in pieces):
                    parts = pieces
            labels += [p[:1].upper() + p[1:] for p in parts if p]
    for line in more:
        item = strip_marker(line).strip(" .")
        if line.startswith("-") and ":" not in item and len(item) <= 50:
            labels.append(item[:1].upper() + item[1:])
        else:
            prose.append(line)
    return labels, prose


def _mentions(text: str, party: Party) -> bool:
    key = core_name(party.name)
    return bool(key) and key in fold(text)


def _pair_of(c: Contact, partner: Party, partners: list[Party]) -> bool:
    """Whether a contact of a sheet with several partners is this pair's: not when their
    organisation or role names another partner of the sheet and not this one (CR Bourgogne's
    `M. Omar EL JAZOULI` / `Président de la Commune urbaine de Marrakech` is no contact of Meknès)."""
    said = " ".join(x for x in (c.organisation, c.role) if x)
    return len(partners) < 2 or _mentions(said, partner) \
        or not any(_mentions(said, other) for other in partners if other is not partner)


def build_sheet(ctx: Ctx, start: int, end: int, toc: TocEntry | None,
                french_raw: str, partner_raws: list[str], ll: list[tuple[int, str]],
                common: SheetData | None = None, common_range: tuple[int, int] | None = None,
                ) -> list[Sheet]:
    data = read_sheet(ll, ctx)
    page = toc.page if toc else None
    execs = data.execs
    fr = french_party(french_raw, execs[0][1] if execs else None)
    notes: list[str] = []
    partners = [moroccan_party(raw, _population_line(k, raw, partner_raws, execs, notes))
                for k, raw in enumerate(partner_raws)]
    head = data.head
    legal_parts = _legal_framework(head)
    legal = " ; ".join(legal_parts) or None
    date_text = reflow(head.get("Date", [])) or None
    formal_years = years_in(date_text or "") or years_in(" ".join(legal_parts))
    formalized = formal_years[0] if formal_years else None
    history = joined(_history_lines(head))
    chronology = chronology_actions(data.chronology, toc.page if toc else None)
    dom_key = next((k for k in head if k.startswith("Domaine")), None)
    domains_raw, prose = _split_domains(head[dom_key][0], head[dom_key][1:]) if dom_key else ([], [])
    objectives_parts = list(head.get("Objet", [])) + prose
    if data.preamble is not None:
        objectives_parts += data.preamble.fields.get("objectives", []) + data.preamble.fields.get("free", [])
    info = dict(data.info)
    if common is not None:
        for k, v in common.info.items():
            info.setdefault(k, v)
    budget_lines = next((v for k, v in info.items() if k.startswith("Budget")), None)
    extra = _extra_fields(info, data.extra, head)
    partners_text = joined(data.preamble.fields.get("partners")) if data.preamble else None
    contacts = parse_contacts(data.contact_lines, fr, partners, execs)
    if common is not None:
        contacts = parse_contacts(common.contact_lines, fr, partners) + contacts
    contacts += who_persons(info, fr, partners, contacts)
    contacts += partner_persons(ll, fr, partners, contacts)
    # an agreement « en cours d'élaboration » is read from the legal framework (indexer/states.py):
    # the sheets write no state, and a word of the parser's own would be searched
    status = "suspendu" if data.suspended else None
    raw_text = "\n".join(ctx.lines[start:end]).strip()
    if (toc and fold(toc.moroccan) != fold(" ".join(partner_raws)) and len(partner_raws) == 1
            and not toc.moroccan.startswith("Communes")):
        notes.append(f"Sommaire : « {toc.moroccan} », fiche : « {partner_raws[0]} »")
    out = []
    for partner in partners:
        drafts = build_actions(_items_of(partner, partners, data.items), ctx, page) + chronology
        sheet = Sheet(
            french=fr, partner=partner, first=start + 1, last=end, page=page, countries=[MOROCCO],
            legal_framework=legal, formalized=formalized,
            first_contact_year=_first_contact(head, formalized, drafts),
            status=status, domains_raw=list(domains_raw),
            years=[y for y in formal_years if y] + dates.formal_years(" ".join(legal_parts), YEAR)
            + years_in(history or "") + years_in(reflow(budget_lines or [])),
            history=history, objectives=joined(objectives_parts),
            budget=parse_budget(reflow(budget_lines)) if budget_lines else None,
            contacts=[c for c in contacts if _pair_of(c, partner, partners)],
            other_partnerships=joined(info.get("Autres partenariats")),
            partners=partners_text, notes=list(notes), extra=dict(extra), original_text=raw_text,
            actions=drafts,
        )
        if common_range:
            sheet.sources.append(SourceRef(ctx.document, common_range[0] + 1, common_range[1], page,
                                           "sheet (partie commune)"))
        if date_text:
            sheet.extra["Date"] = date_text
        out.append(sheet)
    return out


def _population_line(k: int, raw: str, partner_raws: list[str], execs: list[tuple[int, str]],
                     notes: list[str]) -> str | None:
    """The executives' line giving the population of the k-th partner: the line that names it,
    else the line in its position (noted when that line names another collectivity)."""
    party = moroccan_party(raw)
    named = next((line for _n, line in execs[1:] if _mentions(line, party)), None)
    if named is not None or len(execs) <= 1 + k:
        return named
    lineno, line = execs[1 + k]
    if len(partner_raws) == 1 and re.search(r"(Commune urbaine|Conseil régional) (de|d')", line):
        notes.append(f"La ligne de l'exécutif (ligne {lineno}) nomme une autre collectivité : "
                     f"{squash_spaces(line)[:100]}")
    return line


def _legal_framework(head: dict[str, list[str]]) -> list[str]:
    """The legal framework's parts: the current one, and the previous one when the sheet has two."""
    parts = []
    for key in ("Cadre juridique", "Cadre juridique actuel", "Cadre juridique précédent"):
        if key in head:
            txt = reflow(head[key]).strip(" .")
            parts.append(txt if key == "Cadre juridique" else f"{key.split()[-1].capitalize()} : {txt}")
    return parts


def _history_lines(head: dict[str, list[str]]) -> list[str]:
    history_key = next((k for k in head if k.startswith(("Historique", "Origine"))), None)
    return head.get(history_key, []) if history_key else []


def _first_contact(head: dict[str, list[str]], formalized: int | None, drafts: list[ActionDraft]) -> int | None:
    """The history's first contact (`dates.first_contact`: not the signing), else a visit dated before the formal
    act, each project's sentence closed and bearing its date (`Mars 2004 : Visite …`; Vienne-Tiflet: `visites`)."""
    dated = " ".join(f"{a.start} : {dates.closed(s)}" for a in drafts if a.start
                     for s in [a.title] + dates.sentences(a.description or ""))
    return dates.first_contact(" ".join(_history_lines(head)), formalized, YEAR, dated)


def _extra_fields(info: dict[str, list[str]], sheet_extra: dict[str, list[str]], head: dict[str, list[str]]
                  ) -> dict[str, str]:
    """The partnership information with no field of its own, the key figures and the N.B."""
    extra = {k: reflow(v) for k, v in info.items()
             if v and not k.startswith("Budget") and k != "Autres partenariats"}
    extra.update({k: reflow(v) for k, v in sheet_extra.items()})
    if "N.B." in head:
        extra["N.B."] = reflow(head["N.B."])
    return extra


def _items_of(partner: Party, partners: list[Party], items: list[Item]) -> list[Item]:
    """A sheet's projects for one of its partners: those that name no other partner."""
    if len(partners) <= 1:
        return items
    return [it for it in items if not any(_mentions(_item_text(it), o) for o in partners if o is not partner)]


def _item_text(it: Item) -> str:
    return it.title_raw + " " + " ".join(line for value in it.fields.values() for line in value)


# --- Listed partnerships and synthesis -------------------------------------

def parse_listed(ctx: Ctx, start: int, end: int) -> list[Sheet]:
    out = []
    entries: list[list[tuple[int, str]]] = []
    for n, s in logical_lines(ctx.lines, start, end):
        if " / " in s and not s.startswith("→") and FRENCH_START.match(s):
            entries.append([(n, s)])
        elif entries:
            entries[-1].append((n, s))
    for entry in entries:
        n0, head = entry[0]
        fr_raw, ma_raw = [x.strip() for x in head.split(" / ", 1)]
        fr, ma = french_party(fr_raw), moroccan_party(ma_raw)
        arrows = [strip_marker(s) for _, s in entry[1:] if s.startswith("→")]
        framework = arrows[0] if arrows and not arrows[0].startswith("Contact") else None
        legal, extra = framework, {}
        if framework and re.fullmatch(r"[\d\s]*\w*\s*(19|20)\d\d", framework):
            legal, extra = None, {"Date": framework}  # `→ 14 janvier 2005`: a date, as a sheet's `Date :`
        formal = years_in(framework or "")
        contact = None
        for _, s in entry[1:]:
            m = re.match(r"^→\s*Contact en France\s*:\s*(.+)$", s)
            if m:
                name, _, role = m.group(1).partition(",")
                contact = Contact(name=person_name(name), role=role.strip() or None,
                                  organisation=fr.name, side="french")
            elif contact is not None:
                if phone := PHONE_RE.match(s):
                    contact.phone = phone.group(3).strip()
                elif fax := FAX_RE.match(s):
                    contact.fax = fax.group(1).strip()
                elif EMAIL_RE.fullmatch(s):
                    contact.email = with_email(contact.email, s)
                elif s.startswith("Hôtel"):
                    contact.address = s
        last = entry[-1][0]
        out.append(Sheet(
            french=fr, partner=ma, first=n0, last=last, page=LISTED_PAGE, countries=[MOROCCO],
            section="Autres partenariats répertoriés", legal_framework=legal,
            formalized=formal[0] if formal else None, years=formal,
            contacts=[contact] if contact else [], detail="listed", extra=extra,
            original_text="\n".join(ctx.lines[n0 - 1:last]).strip(),
        ))
    return out


def apply_synthesis(ctx: Ctx, start: int, end: int, records: list[Partnership]) -> None:
    """Add each domain of the synthesis to the partnerships it lists."""
    domain = sub = None
    for n, s in logical_lines(ctx.lines, start, end):
        if s.startswith("ANNEXES"):
            break
        if s.startswith("➤"):
            sub = strip_marker(s).strip()
            continue
        if "/" not in s and not FRENCH_START.match(s):
            domain, sub = s, None
            continue
        fr_raw, _, ma_raw = s.partition("/")
        matches = _match_names(fr_raw, ma_raw, records)
        if not matches:
            ctx.warn(n, "entrée de la synthèse sans fiche correspondante :", s)
            continue
        found = synthesis_domains(domain, sub)
        for p in matches:
            mine = p.domain_sources.setdefault(SYNTHESIS, [])
            mine += [d for d in found if d not in mine]
            p.sources.append(SourceRef(ctx.document, n, n, SYNTHESIS_PAGE,
                                       f"Synthèse par domaines : {domain}" + (f" / {sub}" if sub else "")))


def synthesis_domains(domain: str | None, sub: str | None) -> list[str]:
    """A synthesis entry's domains: its sub-domain says which part of the heading it is
    (`Éducation et jeunesse` ➤ `Coopération universitaire`: education only, `Environnement` ➤
    `Circulations douces`: environment); a sub-domain outside its heading (`Développement social`
    ➤ `Santé`) stands alone; `Autres` is the heading."""
    heading = map_domain(domain or "")
    if not sub or fold(sub).strip(" *") == "autres":
        return heading
    own = map_domain(sub)
    return [d for d in own if d in heading] or own or heading


def _match_names(fr_raw: str, ma_raw: str, records: list[Partnership]) -> list[Partnership]:
    ft, mt = _key_tokens(fr_raw), _key_tokens(ma_raw)

    def tok_in(a: set[str], b: set[str]) -> bool:
        return all(any(x == y or (len(x) >= 4 and y.startswith(x)) for y in b) for x in a)

    found = []
    for p in records:
        if p.detail != "sheet" or p.partner_party is None:
            continue
        pf, pm = _key_tokens(p.french_party.name), _key_tokens(p.partner_party.name)
        if not (tok_in(ft, pf) and tok_in(pf, ft)):
            continue
        if mt and not tok_in(pm, mt) and not tok_in(mt, pm):
            continue
        found.append(p)
    return found


# --- Entry point ------------------------------------------------------------

class MarocReader(Reader):
    def looks_like(self, text: str) -> bool:
        return looks_like(text)

    def read(self, doc: Document, result: ParseResult) -> None:
        _parse(doc, result)


def parse(text: str, document: str) -> ParseResult:
    from indexer.registry import get

    return MarocReader(get("maroc-repertoire-2008.txt")).parse(text, document)


def _parse(doc: Document, result: ParseResult) -> None:
    lines = doc.lines
    ctx = Ctx(doc.name, lines, result)
    toc = parse_toc(lines)
    sheets = find_sheets(lines)
    listed_start = next((i for i, l in enumerate(lines)
                         if l.strip().startswith("AUTRES PARTENARIATS RÉPERTORIÉS")), None)
    synth_start = next((i for i, l in enumerate(lines)
                        if l.strip().startswith("SYNTHÈSE DES COOPÉRATIONS")), None)
    records: dict[str, Partnership] = {}
    actions: list = []
    if toc and len(toc) != len(sheets):
        ctx.warn(toc[0].line, f"le sommaire et le document n'ont pas autant de fiches ({len(toc)} et {len(sheets)})")
    for k, (st, en) in enumerate(sheets):
        french_raw = lines[st].strip()
        j = next_nonblank(lines, st)
        assert j is not None  # find_sheets found the sheet by this Moroccan collectivity line
        partner_line = lines[j].strip()
        entry = toc[k] if k < len(toc) else None
        if entry and not (_key_tokens(entry.french) & _key_tokens(french_raw)):
            ctx.warn(st + 1, "la fiche ne correspond pas à l'entrée du sommaire", entry.french)
            entry = next((t for t in toc if _key_tokens(t.french) & _key_tokens(french_raw)), None)
        subs = [i for i in range(st, en) if re.match(r"^Partenariat avec (la |le |l')", lines[i].strip())]
        built: list[Sheet] = []
        if subs:  # Marseille: one part per Moroccan city, after a common part
            common_ll = logical_lines(lines, j + 1, subs[0])
            common = read_sheet([(n, s) for n, s in common_ll if not s.startswith("(")], ctx)
            bounds = subs + [en]
            for a, b in pairwise(bounds):
                name = re.sub(r"^Partenariat avec (la |le |l')", "", lines[a].strip())
                ll = logical_lines(lines, a + 1, b)
                built += build_sheet(ctx, a, b, entry, french_raw, [name[:1].upper() + name[1:]],
                                     ll, common=common, common_range=(st, subs[0]))
        else:
            ll = logical_lines(lines, j + 1, en)
            built = build_sheet(ctx, st, en, entry, french_raw, split_partner_names(partner_line), ll)
        for sheet in built:
            ps, acts = sheet.records(doc, result)
            ps.sources.sort(key=lambda src: src.first_line)  # a common part comes first
            if ps.id in records:
                ctx.warn(st + 1, "identifiant de partenariat en double", ps.id)
                continue
            records[ps.id] = ps
            actions += acts
    result.stats["sheets"] = len(sheets)
    listed = []
    if listed_start is not None:
        listed = [s.records(doc, result)[0] for s in parse_listed(ctx, listed_start + 1, synth_start or len(lines))]
        for p in listed:
            if p.id in records:
                records[p.id].sources += p.sources
            else:
                records[p.id] = p
    result.stats["listed"] = len(listed)
    if synth_start is not None:
        apply_synthesis(ctx, synth_start + 1, len(lines), list(records.values()))
    result.partnerships = list(records.values())
    result.actions = actions
    result.stats["merged"] = sum(
        1 for p in records.values()
        if len({(s.section or "").split(" :")[0] for s in p.sources if "partie commune" not in (s.section or "")}) > 1)
    result.stats["pairs_from_sheets"] = sum(1 for p in records.values() if p.detail == "sheet")
    result.stats["partnerships"] = len(records)
    result.stats["actions"] = len(actions)
