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
from typing import ClassVar

from .. import geography
from ..domains import map_domain, stated_labels
from ..records import Contact, ParseResult, Party
from ..text import fold, join_lines, join_wrapped, normal_case, reflow, squash_spaces
from . import Reader, contacts, cuf_documents, fields
from .cuf_cells import _BULLET_RE, closes_range
from .cuf_rows import split_dated_lines
from .cuf_table import table_rows
from .cuf_text import (
    durations,
    status as _status,
    strip_number,
    title_of,
    year_lists,
)
from .parties import french_party, loose
from .sheet import ActionDraft, Document, Sheet, warn

DATE_RE = re.compile(r"Date de mise à jour\s*:\s*(\d{1,2})/(\d{1,2})/(\d{4})")

_LABEL_RE = re.compile(
    r"^\s*(Nom|Nb habitants|Nombre d.habitants|Département|Cercle|Commune|Région|Province|Coordonnées|"
    r"Collectivité|Fonction|Adresse|Tél|Fax|@|site web|Élu|Elu|Service|Autre|Président|Administrateur|"
    r"Personne)\b", re.IGNORECASE)
_ROLE_RE = re.compile(
    r"^\s*(Coordonnées de l.exécutif|[ÉE]lue? en charge du partenariat|Service des relations internationales|"
    r"Autre\(s\) service|Service\(s\) de la ville|Président du comité de jumelage|"
    # `responsable :` (lower case) continues a label
    r"Administrateur responsable|Personne ressource|(?-i:Responsable))", re.IGNORECASE)
_PRES_LABELS = [
    ("first_contact", r"Date de début des contacts"),
    ("formal", r"Date de formalisation"),
    ("budget_dc", r"Budget consacré à la coopération"),
    ("budget_ri", r"Budget consacré aux relations"),
    ("tech", r"Partenaires techniques"),
    ("fin", r"Partenaires financiers"),
    ("other", r"Autres partenariats"),
]


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


def _presentation(lines: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """Labelled fields of `Présentation du partenariat`, each as its lines, and the free text
    (sheets of other kinds have only prose there)."""
    found: dict[str, list[str]] = {}
    free: list[str] = []
    current = None
    for raw in lines:
        s = raw.strip()
        hit = next(((key, m) for key, pat in _PRES_LABELS if (m := re.search(pat, s, re.IGNORECASE))), None)
        if hit:
            key, m = hit
            after = s[m.end():]
            if key == "formal":
                after = re.sub(r"^.*?régissant le partenariat\s*", "", after)
            if key == "budget_dc" and re.search(r"Budget consacré aux relations", after):
                current = "budget_ri"  # both budget labels on one line: the first value is empty
                found.setdefault(current, [])
                continue
            after = re.sub(r"^[^:]*:\s*", "", after) if ":" in after else after
            current = key
            found.setdefault(key, []).append(after.strip())
        elif current:
            found[current].append(s)
        else:
            free.append(raw)
    return found, free


# an actions table ends at the next table or the sections after it
_TABLE_END_RE = re.compile("|".join(map(re.escape, cuf_documents.SECTIONS[2:])))


def _history(told: list[str] | None, free: list[str], prose: list[str],
             clean: Callable[[list[str]], str | None]) -> tuple[str | None, str | None]:
    """History and objectives: the `Histoire du partenariat` section (its `Motivations &
    objectifs de départ` are objectives), after the presentation's free text; a prose
    profile's whole body when it has neither."""
    history = objectives = None
    if told is not None:
        history = clean([re.sub(r"^\s*Motivations\s*&\s*objectifs de départ\s*:\s*", "", x) for x in told])
        if any("Motivations" in x for x in told):
            objectives, history = history, None
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
    def read_sheets(self, doc: Document, result: ParseResult, begin: int, end: int, section: str,
                    stops: tuple[int, ...] = ()) -> list[Sheet]:
        """Every sheet opened by `Date de mise à jour` in lines [begin, end) (0-based)."""
        L = doc.lines
        dates = [i for i in range(begin, end) if DATE_RE.search(L[i])]
        out = []
        for n, d in enumerate(dates):
            stop = min([x for x in stops if x > d] + ([dates[n + 1]] if n + 1 < len(dates) else []) + [end])
            try:
                sheet = self.sheet(doc, result, d, stop, section)
            except Exception as exc:  # noqa: BLE001 (never raise: report the sheet and go on with the others)
                warn(result, d + 1, f"sheet not parsed ({type(exc).__name__}: {exc})", L[d])
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
            warn(result, start + 1, "empty sheet", lines[0])
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
        partner = self.partner(ml_raw, ident) if ml_raw else None
        pres_i = head_end
        marks = {k: _find(lines, k, pres_i) for k in cuf_documents.SECTIONS[1:]}
        hist_i, _act_i, persp_i, docs_i = marks.values()

        def upto(i: int) -> int:
            return min([x for x in list(marks.values()) + [len(lines)] if x is not None and x > i])

        pres_lines, free = _presentation(lines[pres_i + 1:upto(pres_i)]) if pres_i < len(lines) else ({}, [])
        pres = {k: join_lines(v) for k, v in pres_lines.items()}
        clean = lambda ls: reflow([x for x in ls if not doc.is_noise(x)]) or None
        perspectives = None
        hl = lines[hist_i + 1:upto(hist_i)] if hist_i is not None else None
        # a profile in prose (Action Mopti: no identity blocks, no presentation): its body tells its story
        prose = lines[j + 1:] if pres_i == len(lines) and not ident else []
        history, objectives = _history(hl, free, prose, clean)
        if persp_i is not None:
            pl = lines[persp_i + 1:(docs_i if docs_i is not None and docs_i > persp_i else len(lines))]
            perspectives = clean([x for x in pl if not re.match(r"^\s*développer pour les 3 prochaines", x)])
        partners = "; ".join(f"{lab} : {pres[k]}" for k, lab in (("tech", "techniques"), ("fin", "financiers"))
                             if pres.get(k)) or None
        sheet = Sheet(
            french=french, partner=partner, first=start + 1, last=end, section=section,
            countries=[self.country], legal_framework=pres.get("formal") or None,
            first_contact=pres.get("first_contact") or None, history=history, objectives=objectives,
            perspectives=perspectives, documents=cuf_documents.documents(lines, docs_i, clean),
            budget=pres.get("budget_dc") or pres.get("budget_ri") or None,
            contacts=self.contacts(lines[:head_end], french, partner), partners=partners,
            other_partnerships=pres.get("other") or None, updated=updated,
            original_text="\n".join(lines).rstrip(),
            # years the presentation states: what its contacts field tells (`En 2001, Montreuil … a souhaité
            # initier une coopération`), every formal act (`Mai 1989 … Juin 2006 : renouvellement`) and the
            # budgets' years (`2008 : 64 500 €`)
            years=fields.years(" ; ".join(pres.get(k, "") for k in ("first_contact", "formal", "budget_dc",
                                                                     "budget_ri")),
                               self.repertoire.year).found,
        )
        if pres.get("formal"):  # its lines kept apart: `… une action en 2005` / `Protocole … 2006`
            sheet.formalized = fields.formal_year("\n".join(pres_lines["formal"]), self.repertoire.year)
        elif objectives or history:
            sheet.formalized = fields.history_formal_act(" ".join(x for x in (objectives, history) if x),
                                                          self.repertoire.year)
        for k0, line in enumerate(lines):
            if k0 >= pres_i and "Actions de coopération" in line:  # one sheet may have two tables
                k1 = next((k for k in range(k0 + 1, len(lines)) if _TABLE_END_RE.search(lines[k])), len(lines))
                body = [(start + k + 1, L[start + k]) for k in range(k0 + 1, k1) if not doc.is_noise(lines[k])]
                sheet.actions += self.actions(body)
                sheet.years += total_years(body, self.repertoire.year)
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
    def contacts(self, lines: list[str], french: Party, partner: Party | None) -> list[Contact]:
        """Contact blocks of the sheet head. The side is the organisation's
        (phone, address, role naming a party or the country); only when
        nothing tells does the layout decide: the first block of a role is
        the French column, the second the partner's."""
        out: list[Contact] = []
        seen: dict[str, int] = {}
        fr_names = [french.name, french.subdivision or ""]
        pa_names = [partner.name, partner.region or "", partner.subdivision or ""] if partner else []
        i = 0
        while i < len(lines):
            m = _ROLE_RE.match(lines[i])
            if not m:
                i += 1
                continue
            role_key = fold(m.group(1))[:12]
            seen[role_key] = seen.get(role_key, 0) + 1
            fallback = "partner" if seen[role_key] > 1 or role_key.startswith("service(s) d") else "french"
            label = squash_spaces(lines[i]).rstrip(" :")
            block = [lines[i].split(":", 1)[1]] if ":" in lines[i] else []
            j = i + 1
            while j < len(lines) and not _ROLE_RE.match(lines[j]) and "Présentation du partenariat" not in lines[j]:
                if re.match(r"^\s*Collectivité", lines[j]):
                    break
                block.append(lines[j])
                j += 1
            people = _ContactBlock(label).read(block)
            for c in people:
                c.side = contacts.side_of(c, fr_names, pa_names, self.country) or fallback
                if c.name or c.phone or c.email:
                    out.append(c)
            i = j
        return out

    # --- actions ----------------------------------------------------------
    def actions(self, body: list[tuple[int, str]]) -> list[ActionDraft]:
        """One action per project of an actions table; its dates and budget
        cells are fields (`when`, `budget`), never its title."""
        out = []
        for row in (part for whole in table_rows(body) for part in split_dated_lines(whole)):
            if row.lead:
                continue
            text = join_lines([t for _, t in row.cells[0].lines])
            if row.intro is not None:  # `Appui institutionnel à l’ARK :` / `- en logistique`: one project
                text = f"{row.intro.text} {_BULLET_RE.sub('', text.strip())}"
            described = join_lines([t for c in ([row.intro] if row.intro else []) + row.cells for _, t in c.lines])
            when = durations(year_lists(squash_spaces(" ".join(strip_number(c.text) for c in row.when))))
            if not when and row.period:
                when = row.period
            budget = squash_spaces(" ".join(strip_number(c.text) for c in row.budget))
            words = "" if fields.amounts(budget) else budget  # a budget cell of words (`en cours`) tells the status
            start = end = None
            ys = fields.years(when, self.repertoire.year) if row.when else None
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
                own = [a for a in fields.amounts(item) if a.currency  # `amovibles(14854 €)`: its own amount
                       and not closes_range(item, a.start)]
                cell_budget = own[0].text if own else ((budget or None) if k == 0 else None)
                out.append(ActionDraft(
                    title=title_of(item), keep_title=True, first=line if k else row.cells[0].lines[0][0],
                    last=lines[-1][0], description=described or None, domain_raw=row.domain,
                    status=_status(f"{item} {when} {words}"), when=when or None,
                    budget=cell_budget, budget_cell=True, start=start, end=end,
                    original_text="\n".join(t for _, t in lines),
                ))
        return out

    # --- result -----------------------------------------------------------
    def finish(self, doc: Document, result: ParseResult, sheets: list[Sheet]) -> None:
        for sheet in sheets:
            pp = sheet.partner
            if pp is not None and not pp.region:
                warn(result, sheet.first, f"no {self.country} region for",
                     f"{sheet.french.name} – {pp.name}")
            p, acts = sheet.records(doc, result)
            result.partnerships.append(p)
            result.actions.extend(acts)
        for key in ("sheets", "listed", "merged"):
            result.stats.setdefault(key, 0)
        result.stats["partnerships"] = len(result.partnerships)
        result.stats["actions"] = len(result.actions)


_TOTAL_PERIOD = re.compile(r"\btotal\b[^()]{0,80}?\(\s*((?:19|20)\d\d\s*(?:à|au|-|–)\s*(?:19|20)\d\d)\s*\)",
                           re.IGNORECASE)


def total_years(body: list[tuple[int, str]], until: int | None) -> list[int]:
    """A table's total stated over its period (`Total affectations : 3 677 549 € sur 7 ans (2000 à
    2006)`): the funding's years are the partnership's, though the total is no project's budget."""
    text = squash_spaces(" ".join(t for _, t in body))
    return [y for m in _TOTAL_PERIOD.finditer(text) for y in fields.years(m.group(1), until).found]


def partner_kind(name: str) -> str:
    f = fold(name)
    if re.search(r"district", f):
        return "district"
    if re.search(r"^(conseil de )?cercle|\(cercle\)", f):
        return "cercle"
    if re.search(r"^province|\(province\)", f):
        return "province"
    if re.search(r"region|assemblee regionale|conseil regional", f):
        return "région"
    return "commune"


# the second line of the twinning committee's heading, with its value (`personne responsable : NAME, role`)
_RESPONSIBLE_RE = re.compile(r"^\s*(personne responsable)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_UNFINISHED_RE = re.compile(r"(?:[,\-–]|\b(?:de|du|des|la|le|les|l['’]|d['’]|et|à|au|aux|pour))\s*$", re.IGNORECASE)
_PARTICLES = {"de", "du", "des", "d'", "d’", "van", "von", "ben", "ould", "ag", "le", "la"}
_ORGANISATION_WORDS = {"ong", "association", "comite", "mairie", "ville", "commune", "conseil", "cercle"}
_CONTACT_LABEL_RE = re.compile(r"^(Nom|Fonction|Adresse|Tél\.?|Tel\.?|Fax|@|site web)\s*:?\s*(.*)$", re.IGNORECASE)


class _ContactBlock:
    """The persons of one contact block. Labelled lines (`Nom :`, `Tél :`…) fill
    the block's first person, one short method per label; the other lines are
    read at the end as free text, where each name is a person."""

    def __init__(self, label: str):
        self.label = label
        self.base = Contact(role=label)  # the block's first person
        self.people: list[Contact] = []  # the others
        self.free: list[str] = []

    def read(self, block: list[str]) -> list[Contact]:
        for raw in self._responsible(block):
            s = squash_spaces(raw)
            if not s:
                continue
            lab = _CONTACT_LABEL_RE.match(s)
            key = fold(lab.group(1)).rstrip(".") if lab else None
            reader = self._LABELLED.get(key) if lab and key else None
            if lab and reader is not None:
                reader(self, lab.group(2), s)
            else:
                self._other_line(s, labelled=key is not None)
        for s in self.free:
            for c in contacts.people(s):
                self._free_person(c)
        return [self.base] + self.people

    def _responsible(self, block: list[str]) -> list[str]:
        """`Président du comité de jumelage et/ou autre` / `personne responsable : NAME, role`: the
        heading goes on to `personne responsable`, and its value, up to the next labelled line, names
        the persons, one per line (a line left unfinished, `Josette LESSAVRE, Vice-` / `présidente`,
        goes on on the next), each with their role (`Moistapha Fofana, secrétaire`); a line naming an
        organisation (`ONG AMSCID`) is theirs. Returns the block's other lines."""
        first = next((k for k, line in enumerate(block) if line.strip()), None)
        m = _RESPONSIBLE_RE.match(block[first]) if first is not None else None
        if m is None or first is None:
            return block
        self.label = self.base.role = f"{self.label} {m.group(1)}"
        entries = [squash_spaces(m.group(2))] if m.group(2).strip() else []
        k = first + 1
        while k < len(block) and block[k].strip() and not _CONTACT_LABEL_RE.match(block[k].strip()):
            line = squash_spaces(block[k])
            if entries and (_UNFINISHED_RE.search(entries[-1]) or line[:1].islower()):
                entries[-1] = join_wrapped(entries[-1], line)
            else:
                entries.append(line)
            k += 1
        for entry in entries:
            self._responsible_entry(entry)
        return block[:first] + block[k:]

    def _responsible_entry(self, entry: str) -> None:
        if "," not in entry and fold(entry.split()[0]) in _ORGANISATION_WORDS:
            self.base.organisation = self.base.organisation or entry
            return
        found = contacts.names(entry)
        name: str | None
        if found and found[0][0] == 0:  # `Josette LESSAVRE, Vice-présidente`
            name, role = found[0][2], entry[found[0][1]:]
        else:  # `Moistapha Fofana, secrétaire`, `M. Perrussel`; `Le Maire` names no one
            written, _, role = entry.partition(",")
            name = contacts.person_name(written)
            if name and not all(w[:1].isupper() or fold(w) in _PARTICLES for w in name.split()):
                name = None  # `… amitiés`: the words of a name all have capitals
        named = [c for c in [self.base, *self.people] if c.name]
        if not name:  # a line naming no one goes on with the role of the person before it
            if named:
                named[-1].role = join_wrapped(named[-1].role or self.label, entry) if named[-1].role != self.label \
                    else f"{self.label} – {entry}"
            return
        role = role.strip(" ,;:")
        full = f"{self.label} – {role}" if role else self.label
        if self.base.name is None and not self.people:
            self.base.name, self.base.role = name, full
        else:
            self.people.append(Contact(name=name, role=full))

    def _name(self, value: str, line: str) -> None:
        found = contacts.names(value)
        self.base.name = found[0][2] if found else (value if _name_only(value) else None)
        self.people += [Contact(name=f[2], role=self.label) for f in found[1:]]  # two names: two persons

    def _role(self, value: str, line: str) -> None:
        self.base.role = value or self.base.role

    def _address(self, value: str, line: str) -> None:
        self.base.address = value or None

    def _phone(self, value: str, line: str) -> None:
        phone, fax = contacts.phone_and_fax(line)
        self.base.phone, self.base.fax = self.base.phone or phone, self.base.fax or fax

    def _email(self, value: str, line: str) -> None:
        e = re.search(r"[\w.+-]+@[\w.-]+\.\w+", line)
        self.base.email = e.group(0) if e else self.base.email

    def _website(self, value: str, line: str) -> None:
        self.base.website = value or None

    # the folded label -> what its value fills
    _LABELLED: ClassVar[dict[str, Callable[[_ContactBlock, str, str], None]]] = {
        "nom": _name, "fonction": _role, "adresse": _address, "tel": _phone, "tél": _phone, "fax": _phone,
        "@": _email, "site web": _website}

    def _other_line(self, s: str, labelled: bool) -> None:
        base = self.base
        if base.role != self.label and base.address and not base.name:
            base.address += " " + s  # an address that wraps
        elif not labelled and base.role == self.label and base.name is None and base.address is None \
                and re.match(r"^de |^d['’]", s):
            return  # `de …` before anything was read: the rest of the block's heading
        else:
            self.free.append(s)

    def _free_person(self, c: Contact) -> None:
        """A person of a free line: the first person when no `Nom :` named one,
        else one more; a line without a name gives its numbers to the last person."""
        base, people = self.base, self.people
        if c.name and base.name is None and not people:
            base.name, base.phone, base.fax = c.name, base.phone or c.phone, base.fax or c.fax
            base.email = base.email or c.email
            if c.role:
                base.role = f"{self.label} – {c.role}" if base.role == self.label else base.role
        elif c.name:
            c.role = c.role or self.label
            people.append(c)
        elif base.name or people:
            target = people[-1] if people else base
            target.phone, target.fax = target.phone or c.phone, target.fax or c.fax
            target.email = target.email or c.email


def _name_only(text: str) -> bool:
    """A `Nom :` value that is a person's name even without the usual casing."""
    return bool(text) and len(text.split()) <= 4 and not re.search(r"\d|:|@", text) \
        and not any(fold(w) in contacts.ROLE_WORDS for w in text.split())


def map_label(label: str) -> bool:
    return bool(map_domain(label))
