"""The Cités Unies France sheet layout (the Mali repertoire's, and the other
country repertoires CUF publishes in the same form).

A sheet opens with `Date de mise à jour : DD/MM/YYYY`, then a `French /
Partner` title line, two identity blocks (`Collectivité française`,
`Collectivité <adjective>`: `Nom :`, `Nb habitants :`, place), contact
blocks, `Présentation du partenariat` (first contacts, formalisation,
budgets, partners), `Histoire du partenariat`, the actions table and
`Perspectives`. `CufReader` reads that for any country: the repertoire's
registry entry gives the country, the adjective of its identity block and the
geography table (`options`), so another country's repertoire needs no code.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .. import geography
from ..domains import map_domain, stated_labels
from ..records import (
    GROUP_MEMBERS,
    PLACE_COMMUNE,
    TABLE_BUDGET,
    TABLE_BUDGET_ONCE,
    Contact,
    ParseResult,
    Party,
)
from ..text import fold, join_lines, normal_case, reflow, squash_spaces
from . import Reader, cuf_documents, cuf_presentation, dates, fields
from .cuf_cells import BULLET_RE, closes_range
from .cuf_contacts import head_contacts, partner_field_persons
from .cuf_programme import programme_actions
from .cuf_projects import project_table_actions
from .cuf_rows import Row, as_written, split_dated_lines
from .cuf_table import table_rows
from .cuf_text import (
    dated_status,
    durations,
    status as _status,
    strip_number,
    title_of,
    year_lists,
)
from .groups import members_fact, place_commune, with_members as _with_members
from .namekeys import loose
from .parties import french_party, partner_kind
from .repeated import SheetTexts
from .sheet import ActionDraft, Document, Sheet, past_label, warn

DATE_RE = re.compile(r"Date de mise à jour\s*:\s*(\d{1,2})/(\d{1,2})/(\d{4})")

_LABEL_RE = re.compile(
    r"^\s*(Nom|Nb habitants|Nombre d.habitants|Département|Cercle|Commune|Région|Province|Coordonnées|"
    r"Collectivité|Fonction|Adresse|Tél|Fax|@|site web|Élu|Elu|Service|Autre|Président|Administrateur|"
    r"Personne)\b", re.IGNORECASE)


def _find(lines: list[str], needle: str, start: int = 0) -> int | None:
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i
    return None


def _value(lines: list[str], i: int, label_re: str) -> str:
    """Value after `label :` on line i, continued on the next line when that
    line is not itself a label."""
    m = re.search(label_re + r"[^:]*:\s*(.*)$", lines[i], re.IGNORECASE)
    value = m.group(1).strip() if m else ""
    if i + 1 < len(lines):
        nxt = lines[i + 1].strip()
        if nxt and not _LABEL_RE.match(nxt) and ":" not in nxt and len(nxt) < 40 and value:
            value = value + " " + nxt
    return squash_spaces(value)


def _next_value(lines: list[str], i: int) -> str:
    """The value of a label left empty on its line, written on the next one when that is no label."""
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return squash_spaces(nxt) if nxt and not _LABEL_RE.match(nxt) and ":" not in nxt and len(nxt) < 40 else ""


def _cercle_first(label_line: str, value: str) -> str:
    """A place field whose label puts the cercle first (`Cercle/Région/Commune : Sikasso/Sikasso/
    Ganadougou`, `Cercle / Région : Kati/ Koulikouro`): its first part is the cercle, said so for the
    table's reading (`Sikasso` and `Gao` are a région and a cercle)."""
    if not re.match(r"^\s*Cercle\s*/", label_line, re.IGNORECASE) or "/" not in value \
            or re.match(r"^\s*(?:cercle|r[ée]gion|district)\b", value, re.IGNORECASE):
        return value
    return f"Cercle de {value}"


def _party_facts(sheet: Sheet, commune: str | None) -> None:
    """What the parties' cards show beside their places (indexer/parsers/groups.py): the French group's
    members with their départements, the commune the partner's place field names."""
    if members := members_fact(sheet.french):
        sheet.extra[GROUP_MEMBERS] = members
    if commune:
        sheet.extra[PLACE_COMMUNE] = commune


# an amount the actions table's budget heading states for all its rows (`Budget` / `Annuel environ` /
# `80 000 €`: Pontcharra), not a row's; `annuel` makes it yearly
_HEAD_BUDGET_RE = re.compile(r"^Budget\s+(annuel\s+)?((?:environ\s+)?\d[\d\s.,]*\d\s*(?:€|euros?))", re.IGNORECASE)


def heading_budget(body: list[tuple[int, str]]) -> tuple[str, bool] | None:
    """The amount an actions table's budget heading states, and whether per year."""
    for k, (_, t) in enumerate(body[:30]):
        if re.match(r"^\s*Budget\b", t):
            m = _HEAD_BUDGET_RE.match(squash_spaces(" ".join(x for _, x in body[k:k + 4])))
            return (m.group(2).strip(), bool(m.group(1))) if m else None
    return None


def _table_budget(sheet: Sheet, stated: tuple[str, bool]) -> None:
    """The table's heading budget is the partnership's (yearly when it says so), unless its presentation
    states one: then it is shown beside it, among the facts (records.SHOWN_ONLY), under its own label."""
    amount, yearly = stated
    if sheet.budget is None:
        sheet.budget = fields.budget(amount, yearly=yearly)
    else:
        sheet.extra.setdefault(TABLE_BUDGET if yearly else TABLE_BUDGET_ONCE, amount)


def _tables(doc: Document, start: int, lines: list[str], pres_i: int) -> list[list[tuple[int, str]]]:
    """The numbered lines of each actions table of a sheet (`lines`, from line `start` of `doc`), from
    its heading to the next table or section, page furniture out."""
    out = []
    for k0, line in enumerate(lines):
        if k0 >= pres_i and "Actions de coopération" in line:
            k1 = next((k for k in range(k0 + 1, len(lines)) if _TABLE_END_RE.search(lines[k])), len(lines))
            out.append([(start + k + 1, doc.lines[start + k]) for k in range(k0 + 1, k1) if not doc.is_noise(lines[k])])
    return out


# an actions table ends at the next table or the sections after it
_TABLE_END_RE = re.compile("|".join(map(re.escape, cuf_documents.SECTIONS[2:])))


# the label, and its date when it has one (`Motivations & objectifs de départ (1994) :`), which stays, as
# the text's opening (`1994 : Pour la partie française…`): a bare `(1994)` would refer to nothing
_MOTIVES_RE = re.compile(r"^\s*Motivations\s*&\s*objectifs de départ\s*(?:\(\s*([^()]*?)\s*\))?\s*(?::\s*|$)",
                         re.IGNORECASE)
# a side's label (`Pour la partie malienne :`, `Pour l’AIMF :`), on a line of its own or before its text
_SIDES_RE = re.compile(r"(?i:Pour la partie (?:française|malienne|marocaine|algérienne)|Pour l['’]\s?[A-Z]{2,})\s*:")


# a side's label at its line's start (the document prints every one there, 117 times): `Pour la partie
# vietnamienne :`, `Pour la partie française, pour la partie malienne :` (one text for both sides)
_SIDE_LINE_RE = re.compile(r"^\s*(?:(?i:pour la partie \w+(?:\s*,\s*pour la partie \w+)?)|Pour l['’]\s?[A-Z]{2,})\s*:")


def sides_apart(lines: list[str]) -> list[str]:
    """The lines of a sheet's text with each side's part as its own paragraph, its label opening it:
    a blank line before a side's label that follows another side's text (the document does not
    always leave one: `… Diéma dans des domaines essentiels …` / `Pour la partie malienne :` ran
    together), none between a label alone on its line and its text (Montreuil-Yélimané's left
    one after `Pour la partie française :`, its PADDY sheet not), so each side reads
    `Pour la partie française : La communauté …`. A label after a line that ends with `:` stays
    with it (`Motivations & objectifs de départ (1994) :` is read `1994 : Pour la partie …`)."""
    out: list[str] = []
    last = ""  # the last line with text
    alone = False  # `last` is a side's label with nothing after it
    for line in lines:
        text = line.strip()
        if not text:
            if not alone:
                out.append(line)
            continue
        side = _SIDE_LINE_RE.match(text)
        if side and last and not last.endswith(":"):
            out.append("")
        elif side and alone:
            out.append("")  # a side left blank, then the next side
        out.append(line)
        last = text
        alone = side is not None and not text[side.end():].strip()
    return out


def _objectives(lines: list[str], clean: Callable[[list[str]], str | None]) -> str | None:
    """The `Motivations & objectifs de départ` without their label; None when the form's two sides
    are left blank (Angers-Bamako)."""
    objectives = clean([_MOTIVES_RE.sub(lambda m: f"{m.group(1)} : " if m.group(1) else "", x) for x in lines])
    return objectives if objectives is not None and _SIDES_RE.sub("", objectives).strip() else None


def _history(told: list[str] | None, free: list[str], prose: list[str], clean: Callable[[list[str]], str | None],
             motives: list[str] | None = None) -> tuple[str | None, str | None]:
    """History and objectives: the `Histoire du partenariat` section (its `Motivations &
    objectifs de départ` are objectives), after the presentation's free text; a prose
    profile's whole body when it has neither. `Motivations & objectifs de départ` open the
    objectives even where the sheet lost the history's heading (`motives`, read with the
    presentation: La Fouillouse-Sio's followed its financial partners)."""
    history = objectives = None
    if told is not None:
        if any(re.search("motivations", x, re.IGNORECASE) for x in told):
            objectives = _objectives(told, clean)
        else:
            history = clean(told)
    if objectives is None and motives:
        objectives = _objectives(motives, clean)
    if free and any(x.strip() for x in free):
        history = "\n".join(x for x in (clean(free), history) if x)
    if history is None and prose:
        history = clean(prose)
    return history, objectives


class CufReader(Reader):
    """Sheets of a Cités Unies France country repertoire.

    Options (registry): `country` (the partner country, as the records write
    it), `adjective` (regular expression of the partner identity block's
    adjective: `malienne`), `marker` (a phrase of the title that
    `looks_like` checks), `footer` (the page footer's regular expression,
    whose group 1 is the page number).
    """

    country = "Mali"
    adjective = r"malienne"
    marker = "franco-maliens"
    footer = r"Cités Unies France - Répertoire des partenariats.*?(\d+)/\d+"

    def __init__(self, repertoire):
        super().__init__(repertoire)
        for name in ("country", "adjective", "marker", "footer"):
            if name in self.options:
                setattr(self, name, self.options[name])
        geo = geography.of(self.country)  # the registry's country may be any str: checked here
        if geo is None:
            raise ValueError(f"no geography table for {self.country}")
        self.geo: geography.Geography = geo

    def looks_like(self, text: str) -> bool:
        return self.marker in (text or "")[:200000]

    def document(self, text: str, name: str) -> Document:
        return Document(name, text, self.repertoire.year, re.compile(self.footer))

    def read(self, doc: Document, result: ParseResult) -> None:
        sheets = [s for s in self.read_sheets(doc, result, 0, len(doc.lines), "sheet")]
        self.finish(doc, result, sheets)

    # --- sheets -----------------------------------------------------------
    def stands_where_it_says(self, party: Party, kind_line: list[str], has_fields: bool) -> Party:
        """A profile with no party fields under a kind line naming its place, `ONG de
        développement (Mali, Mopti)`: the body stands there, not in France by default (Action
        Mopti works in Mopti; its French office is a remark of the prose)."""
        if has_fields or not kind_line:
            return party
        m = re.search(r"\(\s*([^,()]+?)\s*,\s*([^()]+?)\s*\)\s*$", kind_line[0].strip())
        if not m or fold(m.group(1)) != fold(self.country):
            return party
        region, sub = self.geo.locate(m.group(2))
        if region is None:
            return party
        return replace(party, country=self.country, region=region, subdivision=sub)

    def read_sheets(self, doc: Document, result: ParseResult, begin: int, end: int, section: str,
                    stops: tuple[int, ...] = ()) -> list[Sheet]:
        """Every sheet opened by `Date de mise à jour` in lines [begin, end) (0-based)."""
        L = doc.lines
        heads = [i for i in range(begin, end) if DATE_RE.search(L[i])]
        out, texts = [], SheetTexts()
        for n, d in enumerate(heads):
            stop = min([x for x in stops if x > d] + ([heads[n + 1]] if n + 1 < len(heads) else []) + [end])
            if (first := texts.repeated(L[d:stop], d + 1)) is not None:
                warn(result, d + 1, f"fiche écrite une deuxième fois (déjà ligne {first}) : la seconde est ignorée",
                     L[d])
                continue
            try:
                sheet = self.sheet(doc, result, d, stop, section)
            except Exception as exc:  # noqa: BLE001 (never raise: report the sheet and go on with the others)
                warn(result, d + 1, f"fiche non lue ({type(exc).__name__}: {exc})", L[d])
                continue
            if sheet is not None:
                out.append(sheet)
                result.stats["sheets"] = result.stats.get("sheets", 0) + 1
        return out

    def sheet(self, doc: Document, result: ParseResult, start: int, end: int, section: str) -> Sheet | None:
        L = doc.lines
        while end > start + 1 and not L[end - 1].strip():
            end -= 1
        lines = L[start:end]
        date = DATE_RE.search(lines[0])
        updated = f"{date.group(3)}-{int(date.group(2)):02d}-{int(date.group(1)):02d}" if date else None
        i = 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        if i >= len(lines):
            warn(result, start + 1, "fiche vide", lines[0])
            return None
        title = lines[i].strip()
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and (title.endswith("/") or re.match(r"^(d['’]|de |du |des )", lines[j].strip())):
            title = title + " " + lines[j].strip()
        fr_raw, _, ml_raw = (squash_spaces(x) for x in title.partition("/"))
        head_end = _find(lines, "Présentation du partenariat") or len(lines)
        ident = self.identity(lines[:head_end])
        if ident.get("ml_name") and (not ml_raw or not loose(ml_raw)):
            ml_raw = ident["ml_name"]
        french = french_party(fr_raw, ident.get("fr_place", ""), ident.get("fr_pop", ""))
        french = self.stands_where_it_says(french, lines[j:j + 1], bool(ml_raw or ident))
        french = _with_members(french, ident.get("fr_name", ""))
        partner = self.partner(ml_raw, ident) if ml_raw else None
        pres_i = head_end
        marks = {k: _find(lines, k, pres_i) for k in cuf_documents.SECTIONS[1:]}
        hist_i, _act_i, persp_i, docs_i = marks.values()

        def upto(i: int) -> int:
            return min([x for x in list(marks.values()) + [len(lines)] if x is not None and x > i])

        presentation = lines[pres_i + 1:upto(pres_i)] if pres_i < len(lines) else []
        pres_lines, free = cuf_presentation.presentation(presentation)
        pres = {k: join_lines(v) for k, v in pres_lines.items()}
        if "formal" in pres:  # its label cut over two lines (`… régissant le` / `partenariat:`)
            pres["formal"] = re.sub(r"^[^:]{0,60}?régissant\s+le\s+partenariat\s*:?\s*", "", pres["formal"])
        clean = lambda ls: reflow(sides_apart([x for x in ls if not doc.is_noise(x)])) or None
        perspectives = None
        hl = lines[hist_i + 1:upto(hist_i)] if hist_i is not None else None
        # a profile in prose (Action Mopti: no identity blocks, no presentation): its body tells its story
        prose = lines[j + 1:] if pres_i == len(lines) and not ident else []
        history, objectives = _history(hl, free, prose, clean, pres_lines.get("motives"))
        # the perspectives run to the documents section, else to the sheet's end
        persp_end = docs_i if persp_i is not None and docs_i is not None and docs_i > persp_i else len(lines)
        if persp_i is not None:
            pl = past_label(lines[persp_i], lines[persp_i + 1:persp_end], cuf_documents.PERSPECTIVES_LABEL)
            perspectives = clean(pl)
        partners = "; ".join(f"{lab} : {pres[k]}" if lab else pres[k]
                             for k, lab in (("all", ""), ("tech", "techniques"), ("fin", "financiers"))
                             if pres.get(k)) or None
        sheet = Sheet(
            french=french, partner=partner, first=start + 1, last=end, section=section,
            countries=[self.country], legal_framework=pres.get("formal") or None,
            first_contact=pres.get("first_contact") or None, history=history, objectives=objectives,
            perspectives=perspectives, documents=cuf_documents.documents(lines, docs_i, clean),
            budget=cuf_presentation.budget(pres.get("budget_dc"), presentation),
            extra=cuf_presentation.other_budget(pres),
            contacts=with_partner_persons(self.contacts(lines[:head_end], french, partner, pres.get("formal")),
                                          pres_lines.get("all", []) + pres_lines.get("tech", []), french, partner,
                                          self.country),
            partners=partners,
            other_partnerships=pres.get("other") or None, updated=updated,
            original_text="\n".join(lines).rstrip(),
            # years the presentation states: what its contacts field tells (`En 2001, Montreuil … a souhaité
            # initier une coopération`), every formal act (`Mai 1989 … Juin 2006 : renouvellement`) and the
            # cooperation's budget years (`2008 : 64 500 €`); not the international-relations budget's, the
            # town's for every partner (Ivry's `2007 : 88 000 euros`), which dates no work of this pair
            years=dates.years(" ; ".join(v for k, v in pres.items()
                                         if k in ("first_contact", "formal", "budget_dc", cuf_presentation.AFTER_OWN)
                                         or k.startswith(cuf_presentation.OWN)),
                              self.repertoire.year).found,
        )
        _party_facts(sheet, place_commune(ident.get("ml_place", ""), self.geo) if partner else None)
        if pres.get("formal"):  # its lines kept apart: `… une action en 2005` / `Protocole … 2006`
            sheet.formalized = dates.formal_year("\n".join(pres_lines["formal"]), self.repertoire.year)
        elif objectives or history:
            sheet.formalized = dates.history_formal_act(" ".join(x for x in (objectives, history) if x),
                                                          self.repertoire.year)
        for body in _tables(doc, start, lines, pres_i):  # one sheet may have two tables
            sheet.actions += self.actions(body)
            sheet.years += total_years(body, self.repertoire.year)
            if stated := heading_budget(body):
                _table_budget(sheet, stated)
        if persp_i is not None:  # a budgeted programme for the next year, written out in its perspectives
            sheet.actions += programme_actions([(start + k + 1, L[start + k]) for k in range(persp_i + 1, persp_end)
                                                if not doc.is_noise(lines[k])], updated)
        sheet.domains_raw = [a.domain_raw for a in sheet.actions if a.domain_raw]
        sheet.domains_raw += stated_labels(" ".join(x for x in (partners, objectives, history) if x))
        sheet.aliases = ([fr_raw, ident.get("fr_name", "")],
                         [partner.name, ident.get("ml_name", ""), ident.get("ml_place", "")] if partner else [])
        return sheet

    def identity(self, head: list[str]) -> dict[str, str]:
        """Names, populations and places from the two `Collectivité` blocks."""
        out: dict[str, str] = {}
        side = None
        for k, line in enumerate(head):
            s = line.strip()
            if re.match(r"^Collectivité française", s, re.IGNORECASE):
                side = "fr"
                continue
            if re.match(rf"^Collectivités? {self.adjective}", s, re.IGNORECASE):
                side = "ml"
                continue
            if s.startswith("Coordonnées"):
                side = None
            if side is None:
                continue
            if re.match(r"^Nom\s*:", s) and f"{side}_name" not in out:
                out[f"{side}_name"] = _value(head, k, r"Nom")
            elif re.match(r"^(Nb habitants|Nombre d.habitants)", s) and f"{side}_pop" not in out:
                out[f"{side}_pop"] = squash_spaces(s.split(":", 1)[-1])
            elif re.match(r"^(Département|Cercle|Commune|Région|Province)", s, re.IGNORECASE):
                # `Cercle/Région/Commune : Diéma, région de Kayes`, or `Région Koulikoro Cercle Kati`
                val = _value(head, k, r"^\s*(?:Département|Cercle|Commune|Région|Province)") if ":" in s else s
                if ":" in s and not val:  # written on the next line (`Cercle/Région/Commune :` / `Sikasso/…`)
                    val = _next_value(head, k)
                val = _cercle_first(s, val)
                key = f"{side}_place"
                out[key] = (out.get(key, "") + " / " + val).strip(" /") if val else out.get(key, "")
        return out

    def partner(self, raw: str, ident: dict[str, str]) -> Party:
        """The partner collectivity; its région and subdivision from the sheet's
        place field, else from its own name (a cercle, a known commune)."""
        name = normal_case(re.split(r"\s+[–-]\s+[A-Z]{3,}\b", squash_spaces(raw).replace("’", "'"))[0])
        kind = partner_kind(name)
        if kind == "commune":
            kind = partner_kind(ident.get("ml_name", name))
        region, sub = self.geo.locate(ident.get("ml_place", ""), name if kind != "commune" else "")
        if region is None:
            region, sub2 = self.geo.locate(name)
            sub = sub or (sub2 if sub2 and fold(sub2) in fold(name) else None)
        return Party(name=name, name_raw=raw, kind=kind, country=self.country, region=region,
                     subdivision=sub, population=fields.population(ident.get("ml_pop")),
                     population_text=ident.get("ml_pop") or None)

    # --- contacts ---------------------------------------------------------
    def contacts(self, lines: list[str], french: Party, partner: Party | None,
                 formal: str | None = None) -> list[Contact]:
        return head_contacts(lines, french, partner, self.country, formal)

    # --- actions ----------------------------------------------------------
    def actions(self, body: list[tuple[int, str]]) -> list[ActionDraft]:
        """One action per project of an actions table; its dates and budget
        cells are fields (`when`, `budget`), never its title."""
        projects = project_table_actions(body)  # `PROJET / OBJECTIF SPECIFIQUE / ACTIVITES …`, row by row
        if projects is not None:
            return projects
        out = []
        unit = fields.column_currency([t for _, t in body])
        raw = dict(body)  # the source lines, whose order of cells an action's text keeps
        for row in (part for whole in table_rows(body) for part in split_dated_lines(whole)):
            if row.lead:
                continue
            text = join_lines([t for _, t in row.cells[0].lines])
            if row.intro is not None:  # `Appui institutionnel à l’ARK :` / `- en logistique`: one project
                text = f"{row.intro.text} {BULLET_RE.sub('', text.strip())}"
            described = _one_item_unmarked(
                [t for c in ([row.intro] if row.intro else []) + row.cells for _, t in c.lines])
            when = durations(year_lists(squash_spaces(" ".join(strip_number(c.text) for c in row.when))))
            if not when and row.period:
                when = row.period
            budget = squash_spaces(" ".join(strip_number(c.text) for c in row.budget))
            words = "" if fields.amounts(budget) else budget  # a budget cell of words (`en cours`) tells the status
            start = end = None
            ys = dates.years(when, self.repertoire.year) if row.when else None
            if ys is not None and ys.dropped:  # a later year in a dates cell can only be planned
                start, end = min(ys.found + ys.dropped), max(ys.found + ys.dropped + ys.planned)
            lines = row.lines
            # a cell listing projects with dashes (`Réalisation de périmètres irrigués – creusement
            # de puits`) is one action each; the row's amount goes to the first. A word alone is no
            # project but what the rest is about (`Maternité – Farine de sevrage`): one action
            items = [x for x in re.split(r"\s+[–—]\s+", text) if x.strip()]
            if len(items) < 2 or any(len(x.split()) == 1 for x in items):
                items = [text]
            for k, item in enumerate(items):
                line = next((n for n, t in lines if item[:20].strip() and item[:20].strip() in t), lines[0][0])
                own_text = described if len(items) == 1 else _item_description(item, row, k == len(items) - 1)
                own = [a for a in fields.amounts(item) if a.currency  # `amovibles(14854 €)`: its own amount
                       and not closes_range(item, a.start)]
                cell_budget = own[0].text if own else ((budget or None) if k == 0 else None)
                out.append(ActionDraft(
                    title=title_of(item), keep_title=True, first=line if k else row.cells[0].lines[0][0],
                    last=lines[-1][0], description=own_text or None, domain_raw=row.domain,
                    status=_status(f"{item} {when} {words}"), when=when or None,
                    budget=cell_budget, budget_cell=True, budget_currency=unit, start=start, end=end,
                    original_text=as_written(lines, raw),
                ))
        return parts_of_their_project(out)

    # --- result -----------------------------------------------------------
    def finish(self, doc: Document, result: ParseResult, sheets: list[Sheet]) -> None:
        for sheet in sheets:
            pp = sheet.partner
            if pp is not None and not pp.region:
                warn(result, sheet.first, f"aucune région {geography.of_country(self.country, True)} pour",
                     f"{sheet.french.name} – {pp.name}")
            p, acts = sheet.records(doc, result)
            for draft, a in zip(sheet.actions, acts, strict=True):
                # set after the records are read: a row the sheet's date makes planned keeps its years
                # (`Nov 2008` is still the partnership's 2008), as its stated dates are
                if a.status == "réalisé":
                    a.status = dated_status(draft.when, sheet.updated) or a.status
            result.partnerships.append(p)
            result.actions.extend(acts)
        for key in ("sheets", "listed", "merged"):
            result.stats.setdefault(key, 0)
        result.stats["partnerships"] = len(result.partnerships)
        result.stats["actions"] = len(result.actions)


# a list item's mark (BULLET_RE's marks, not its numbers: `2)` may be the sheet's count of its projects)
_ITEM_MARK_RE = re.compile(r"^\s*[-–•▪➤*]\s*")


def _one_item_unmarked(lines: list[str]) -> str:
    """A row's lines as its action's description, the list mark of its one item dropped: the sheets
    write each row of an actions cell as an item (`-paiement des salaires en retard des enseignants`,
    Allonnes-Sangha l.2170; `- Creusement d’un puits dans le village`, Dourdan-Troumgoumbé l.6130),
    which the record makes an action of its own, titled without the mark: its description began
    with a dash before any list (79 actions). A row of several items keeps their marks."""
    text = join_lines(lines)
    if sum(bool(_ITEM_MARK_RE.match(x)) for x in lines) == 1 and _ITEM_MARK_RE.match(text):
        return _ITEM_MARK_RE.sub("", text, count=1)
    return text


# a row naming only a part of the project above it (`Première partie`, `Phase 2`, `2e tranche`)
_PART = r"(?:partie|phase|tranche|[ée]tape)"
_PART_RE = re.compile(rf"(?:(?:premi[eè]re|deuxi[eè]me|seconde|troisi[eè]me|\d+\s*(?:[eè]re|[eè]me|e))\s+{_PART}"
                      rf"|{_PART}\s+\d+)\s*\.?", re.IGNORECASE)


def _item_description(item: str, row: Row, last: bool) -> str:
    """One item of a cell listing several (`… de l’immigration. – Sensibilisation de la population…`)
    is described by its own words, not the whole cell's: the other item's words would give it their
    domains (`les thèmes … de l’eau`). Sentences about the row written after the cell go with its last."""
    after = [t for c in row.cells[1:] for _, t in c.lines] if last else []
    return join_lines([item.strip(), *after])


def parts_of_their_project(drafts: list[ActionDraft]) -> list[ActionDraft]:
    """Rows naming only a part of the project above them, each that project's part: Pontivy's
    `Reconstruction du marché` / `Première partie` 2002 / `Deuxième partie` 2008 were three projects,
    two of them untitled; they are `Reconstruction du marché : Première partie` (with the project's
    budget) and `… : Deuxième partie`."""
    out: list[ActionDraft] = []
    project: ActionDraft | None = None
    for d in drafts:
        if not _PART_RE.fullmatch(d.title.strip()):
            out.append(d)
            project = d
            continue
        if project is None or project.domain_raw != d.domain_raw:
            out.append(d)
            continue
        title = f"{project.title} : {d.title.strip().rstrip('.')}"
        if out and out[-1] is project and not project.when:  # its first part: the project's row and budget
            out[-1] = replace(d, title=title, first=project.first, budget=d.budget or project.budget,
                              description=" ".join(t for t in (project.description, d.description) if t) or None)
        else:
            out.append(replace(d, title=title))
    return out


_TOTAL_PERIOD = re.compile(r"\btotal\b[^()]{0,80}?\(\s*((?:19|20)\d\d\s*(?:à|au|-|–)\s*(?:19|20)\d\d)\s*\)",
                           re.IGNORECASE)


def total_years(body: list[tuple[int, str]], until: int | None) -> list[int]:
    """A table's total stated over its period (`Total affectations : 3 677 549 € sur 7 ans (2000 à
    2006)`): the funding's years are the partnership's, though the total is no project's budget."""
    text = squash_spaces(" ".join(t for _, t in body))
    return [y for m in _TOTAL_PERIOD.finditer(text) for y in dates.years(m.group(1), until).found]


def map_label(label: str) -> bool:
    return bool(map_domain(label))


def with_partner_persons(found: list[Contact], partner_lines: list[str], french: Party, partner: Party | None,
                         country: str) -> list[Contact]:
    """The head's contacts, then the persons the `Partenaires :` field names (cuf_contacts)."""
    return found + partner_field_persons(partner_lines, french, partner, country, found)
