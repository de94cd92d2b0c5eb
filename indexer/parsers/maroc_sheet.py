"""The Morocco repertoire's sheets line by line: the classes of lines (status headings, theme headings,
project field labels), and the walk through one sheet's parts (head fields, projects, partnership
information, contacts). Where each sheet starts, and the table of contents: `maroc_toc.py`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.domains import map_domain
from indexer.records import ParseResult
from indexer.text import fold, squash_spaces

from . import dates

YEAR = 2008


def clean(line: str) -> str:
    """Drop the markdown-ish emphasis and superscripts the extraction left."""
    s = line.replace("**", "").replace("*", "")
    s = re.sub(r"\^\{([^}]*)\}", r"\1", s)
    s = s.replace("€€", "€").replace("`", "").replace("✓", "")
    return squash_spaces(s)


def strip_marker(line: str) -> str:
    """A line without its list marker (`→`, `-`, `•`, `➤`), so that a bulleted label or item reads as a plain one."""
    return re.sub(r"^(→|-|•|➤)\s*", "", line).strip()


STATUS_RE = re.compile(
    r"^(PROJETS?\s+EN\s+COURS|PROJETS?\s+R[EÉ]ALIS[EÉ]S(?P<outside>\s+EN DEHORS DU PARTENARIAT)?|"
    r"SUIVI DES PROJETS.*|INTENTIONS?\s+DE\s+PROJETS?)$")


EXTRA_HEAD_RE = re.compile(r"^(CHIFFRES-CLES|CHRONOLOGIE)$")


INFO_RE = re.compile(r"^INFORMATIONS RELATIVES AU PARTENARIAT$|^Marseille - Informations relatives")


CONTACTS_RE = re.compile(r"^(CONTACTS?|Contacts?(\s+à\s+.+)?)$")


HEAD_FIELD_RE = re.compile(
    r"^(?P<label>Cadre juridique(?: actuel| précédent)?|Date|Historique|Origine(?: du partenariat)?|"
    r"Domaines? d'activités?|Objet|N\.B\.)\s*:\s*(?P<rest>.*)$")


# a person's line, opening with a civility: an executive's under a sheet's heading, a contact's (maroc_contacts)
EXEC_RE = re.compile(r"^(M\.|Mme|Mlle)\s*\S")


ACTION_LABELS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^Objectifs?\s*&\s*description(?: du projet)?\s*(?::\s*(?P<rest>.*))?$"), "description"),
    (re.compile(r"^Objectifs?(?: du partenariat)?\s*(?::\s*(?P<rest>.*))?$"), "objectives"),
    (re.compile(r"^(?:Description(?: du projet| des projets)?(?:\s*\([^)]*\))?|Déroulement (?:du|des) projets?)"
                r"\s*(?::\s*(?P<rest>.*))?$"), "description"),
    (re.compile(r"^(?:Partenaires?(?: & financement)?|Partenaire mobilisé.*|Opérateur)"
                r"\s*(?::\s*(?P<rest>.*))?$"), "partners"),
    (re.compile(r"^(?:Budget(?:\s*&\s*[Ff]inancement|\s+estimé)?|Financements?)\s*(?::\s*(?P<rest>.*))?$"), "budget"),
    (re.compile(r"^(?:Bénéficiaires?(?: directs| indirects)?|Publics cibles|Résultats & bénéficiaires)"
                r"\s*(?::\s*(?P<rest>.*))?$"), "beneficiaries"),
    (re.compile(r"^(?P<label>Résultats?(?: attendus?| obtenus?)?(?:/attendus)?|Observations?|Moyens mobilisés|"
                r"Lieu|Durée|Perspectives|Impact de l'action|Historique|Contexte / Historique|"
                r"Autres retombées induites|Mise en œuvre|Date de démarrage|Date de clôture|Remarque|"
                r"Localisation|Personnel mobilisé|Domaine d'activité|Moyens)\s*(?::\s*(?P<rest>.*))?$"), "other"),
]


INFO_LABELS = re.compile(
    r"^(?P<label>Budget attribué au partenariat|Budget consacré[^:]*|Ressources humaines[^:]*|"
    r"Autres partenariats|Comité de pilotage[^:]*|Comité de jumelage|Pilotage|Mise en œuvre|"
    r"Structure mandatée[^:]*|Volet renforcement des capacités|Observations?|Atouts|Difficultés|Attentes)"
    r"\s*(?::\s*(?P<rest>.*))?$")


_DATE_PAREN = re.compile(r"\(([^()]*(?:19|20)\d\d[^()]*|\d+\s*(?:ans|mois))\)")


def action_label(line: str) -> tuple[str, str, str] | None:
    """(field, label, inline text) when the line opens a field of a project."""
    text = line
    if text.startswith(("→", "- ", "-")) and re.match(r"^(→|-)\s*\S", text):
        stripped = strip_marker(text)
        # a bullet is a label only when it reads "Label : text" or is an objective
        if not re.match(r"^(Objectifs?\b|[A-ZÉ][^:]{0,40}:)", stripped):
            return None
        text = stripped
    for rx, name in ACTION_LABELS:
        m = rx.match(text)
        if m:
            label = m.groupdict().get("label") or text.split(":")[0].strip()
            return name, label, (m.group("rest") or "").strip()
    return None


def heading_of(line: str) -> tuple[str, str | None] | None:
    """An upper-case theme heading, with its optional parenthesis (`SANTÉ (2006 à 2009)`)."""
    m = re.match(r"^([^a-z()]+?)\s*:?\s*(\([^()]*\))?\s*:?$", line)
    if not m:
        return None
    head = m.group(1).strip(" :")
    letters = [c for c in head if c.isalpha()]
    if len(letters) < 4 or any(c.islower() for c in letters):
        return None
    if STATUS_RE.match(head) or not map_domain(head):
        return None
    return head, m.group(2)


def sentence_case(text: str) -> str:
    low = text.lower()
    return low[:1].upper() + low[1:]


def short_title(text: str, limit: int = 320) -> str:
    """A project's name from its title line: without `- Cofinancement PAD`, its dates in
    parentheses (wherever they stand) or the punctuation that ends it; long names stay whole."""
    t = re.sub(r"\s*[-–]\s*Cofinancement PAD\s*$", "", text).strip(" -")
    t = squash_spaces(_DATE_PAREN.sub(" ", t)).strip(" ,;:.-–")
    if len(t) > limit:
        t = t[:limit - 2].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"
    return t or text[:limit]


def dates_of_title(text: str) -> tuple[int | None, int | None]:
    matches = list(_DATE_PAREN.finditer(text))
    if not matches:
        return None, None
    m = matches[-1]  # the last parenthesis with dates
    inside = m.group(1)
    found = dates.years(inside, YEAR)
    ys = sorted(found.found + found.planned)
    if not ys:
        return None, None
    if "débuté" in inside and "achevé" not in inside and len(ys) == 1:
        return ys[0], None
    return ys[0], ys[-1]


@dataclass
class Item:
    """A project being read."""

    first: int
    title_raw: str
    heading: str | None
    status: str | None
    from_heading: bool = False
    last: int = 0
    span: tuple[int | None, int | None] | None = None  # the heading's dates, for the items of its list
    label_span: tuple[int | None, int | None] | None = None  # a field label's: `Description du projet (2004 à 2006)`
    fields: dict[str, list[str]] = field(default_factory=dict)
    order: list[tuple[str, str]] = field(default_factory=list)  # (field, text) for "other"
    current: str = "free"
    body_lines: int = 0
    raw: list[int] = field(default_factory=list)

    def add(self, fld: str, text: str) -> None:
        self.fields.setdefault(fld, []).append(text)


class Ctx:
    """The document being read, which every reader of its parts warns about by line number."""

    def __init__(self, document: str, lines: list[str], result: ParseResult):
        self.document = document
        self.lines = lines
        self.result = result

    def warn(self, lineno: int, what: str, excerpt: str = "") -> None:
        excerpt = squash_spaces(excerpt)[:80]
        self.result.warnings.append(f"ligne {lineno} : {what} {excerpt}".rstrip())


@dataclass
class SheetData:
    head: dict[str, list[str]] = field(default_factory=dict)
    execs: list[tuple[int, str]] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    preamble: Item | None = None
    info: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)
    chronology: list[tuple[int, str]] = field(default_factory=list)  # (line number, text): its actions
    contact_lines: list[tuple[int, str]] = field(default_factory=list)
    suspended: bool = False


def logical_lines(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    """Non-blank cleaned lines with their 1-based numbers; a heading glued to
    the next line by the extraction (`INFORMATIONS …**Contacts à Fès**`) is split."""
    out = []
    for i in range(start, end):
        raw = lines[i].rstrip()
        if not raw.strip():
            continue
        m = re.match(r"^([^a-z*]{6,}?)\*\*(.+?)\*\*\s*$", raw.strip())
        if m:
            out.append((i + 1, clean(m.group(1))))
            out.append((i + 1, clean(m.group(2))))
            continue
        out.append((i + 1, clean(raw)))
    return out


def read_sheet(ll: list[tuple[int, str]], ctx: Ctx) -> SheetData:
    """Walk a sheet's lines through its parts: head fields, projects, partnership information, contacts."""
    return _SheetReader(ll, ctx).read()


class _SheetReader:
    """One walk through a sheet: the part being read (`mode`) chooses the method that reads a
    line, and a part heading (contacts, information, a status, key figures) changes the part."""

    def __init__(self, ll: list[tuple[int, str]], ctx: Ctx):
        self.ll, self.ctx = ll, ctx
        self.data = SheetData()
        self.mode = "head"
        self.head_field: str | None = None
        self.status: str | None = None
        self.heading: str | None = None
        self.subheading: str | None = None
        self.expecting_title = False
        self.item: Item | None = None
        self.info_field = "Informations"
        self.extra_field: str | None = None

    def read(self) -> SheetData:
        parts = {"head": self._head_line, "projects": self._project_line, "info": self._info_line,
                 "extra": self._extra_line, "contacts": self._contact_line}
        for idx, (n, s) in enumerate(self.ll):
            if not self._opens_part(s):
                nxt = self.ll[idx + 1][1] if idx + 1 < len(self.ll) else ""
                parts[self.mode](idx, n, s, nxt)
        self._close()
        return self.data

    def _close(self) -> None:
        if self.item is not None:
            self.data.items.append(self.item)
            self.item = None

    def _opens_part(self, s: str) -> bool:
        """A part heading: it closes the project being read and changes the part. Once in the
        contacts, only another contacts heading is one."""
        if CONTACTS_RE.match(s):
            self._close()
            self.mode = "contacts"
            return True
        if self.mode == "contacts":
            return False
        if INFO_RE.match(s):
            self._close()
            self.mode, self.info_field = "info", "Informations"
            return True
        st = STATUS_RE.match(s)
        if st:
            self._close()
            if st.group("outside"):
                self.mode, self.extra_field = "extra", "Projets réalisés en dehors du partenariat"
                return True
            self.mode, self.status = "projects", _status_of(s)
            self.heading, self.subheading, self.expecting_title = None, None, True
            return True
        if EXTRA_HEAD_RE.match(s):
            self._close()
            self.mode, self.extra_field = "extra", sentence_case(s)
            return True
        return False

    def _contact_line(self, idx: int, n: int, s: str, nxt: str) -> None:
        self.data.contact_lines.append((n, s))

    def _head_line(self, idx: int, n: int, s: str, nxt: str) -> None:
        """A head field (`Cadre juridique : …`), its continuation, or an executive's name; the
        first theme heading starts the projects."""
        m = HEAD_FIELD_RE.match(s)
        if m:
            self.head_field = m.group("label")
            self.data.head.setdefault(self.head_field, []).append(m.group("rest"))
        elif EXEC_RE.match(s) and not self.data.head:
            self.data.execs.append((n, s))
        elif heading_of(s) is not None:
            self.mode = "projects"
            self._project_line(idx, n, s, nxt)
        elif self.head_field is not None:
            self.data.head[self.head_field].append(s)
        elif not (s.startswith("(") or n == self.ll[0][0] or idx <= 2):
            self.ctx.warn(n, "ligne de fiche hors de tout champ :", s)

    def _extra_line(self, idx: int, n: int, s: str, nxt: str) -> None:
        if self.extra_field == "Chronologie":  # dated entries: the sheet's actions (maroc_projects.chronology_actions)
            self.data.chronology.append((n, s))
            return
        self.data.extra.setdefault(self.extra_field or "Autres", []).append(s)
        if "suspendue" in s:
            self.data.suspended = True

    def _info_line(self, idx: int, n: int, s: str, nxt: str) -> None:
        m = INFO_LABELS.match(s)
        if not m:
            self.data.info.setdefault(self.info_field, []).append(s)
            return
        self.info_field = m.group("label")
        values = self.data.info.setdefault(self.info_field, [])
        if m.group("rest"):
            values.append(m.group("rest"))

    def _project_line(self, idx: int, n: int, s: str, nxt: str) -> None:
        if self._theme_heading(n, s, nxt):
            return
        label = action_label(s)
        if self._expected_title(n, s, label):
            return
        if label is None and _is_title(s, nxt, self.item):
            self._start_item(n, s)
            return
        self._body_line(n, s, label)

    def _theme_heading(self, n: int, s: str, nxt: str) -> bool:
        h = heading_of(s) or self._theme_after_field(s, nxt)
        if not h:
            return False
        head, paren = h
        self.heading, self.subheading = head, None
        if paren:  # `SANTÉ (Novembre 2006 à 2009)`: the heading is the project's title
            self._start_item(n, f"{sentence_case(head)} {paren}", from_heading=True)
            self.expecting_title = False
        else:
            self._close()
            self.expecting_title = True
        return True

    def _theme_after_field(self, s: str, nxt: str) -> tuple[str, None] | None:
        """A theme in lower case (`Agriculture Agroalimentaire`) after a project's finished field,
        above a line that opens no field: a heading like an upper-case one, not more of that field
        (a project's budget took in the next project, Midi-Pyrénées–Marrakech)."""
        item = self.item
        if item is None or item.current == "free" or action_label(s) or action_label(nxt) or not is_theme(s):
            return None
        last = (item.fields.get(item.current) or [""])[-1].rstrip()
        return (s, None) if last.endswith(".") and not re.match(r"^(→|•|➤|-)", nxt) else None

    def _expected_title(self, n: int, s: str, label: tuple[str, str, str] | None) -> bool:
        """The line after a status or theme heading: a project's title, or a field label that
        opens a project named after the theme."""
        if not self.expecting_title:
            return False
        self.expecting_title = False
        if label is None and not re.match(r"^(→|•|➤|-)", s):
            if s.startswith("(") and self.heading:  # `(débutés en 2003, achevés en 2005)`
                self._start_item(n, f"{sentence_case(self.heading)} {s}", from_heading=True)
            else:
                self._start_item(n, s)
            return True
        if label is not None and self.heading and self.item is None:
            self._start_item(n, sentence_case(self.heading), from_heading=True).first = n
        return False

    def _start_item(self, n: int, title: str, from_heading: bool = False) -> Item:
        item = self.item
        if item is not None and item.body_lines == 0 and not item.from_heading:
            # a title without body was a sub-heading (`Échanges culturels` above its projects)
            self.subheading = item.title_raw
            first = item.first
            self.item = None
        else:
            self._close()
            first = n
        later = item is not None and self.data.items[-1:] == [item]  # a project of this heading came before
        self.item = Item(first=first, title_raw=title, heading=self._domain_of(title, later), status=self.status,
                         from_heading=from_heading)
        if self.heading and self.item.heading not in (None, self.heading):
            self.heading = None  # a project filed under its own theme ends the heading's list (_domain_of)
        self.item.last = n
        return self.item

    def _domain_of(self, title: str, later: bool = False) -> str | None:
        """The theme heading, else a sub-heading naming a domain, else a short title naming one;
        none for `Autres projets`. A later project under the heading whose title is only a theme,
        in no domain of the heading's (`Culture /patrimoine` after `AMÉNAGEMENT DU TERRITOIRE,
        ENVIRONNEMENT`'s project), is filed under that theme, and the heading's list ends there: the
        next project (`Développement de la vie associative`) is not the heading's either."""
        if title.startswith("Autres projets"):
            return None
        if self.heading:
            label = short_title(title)
            if not is_theme(label):  # a theme, then a name: `Développement social et urbain, politique…`
                label = label.split(",")[0]
            if later and is_theme(label) and not set(map_domain(label)) & set(map_domain(self.heading)):
                return label
            return self.heading
        if self.subheading and map_domain(self.subheading):
            return self.subheading
        short = short_title(title)
        return short if map_domain(short) and len(short) <= 60 else None

    def _body_line(self, n: int, s: str, label: tuple[str, str, str] | None) -> None:
        """A field label or a line of text of the project being read (or of the preamble before
        the first project)."""
        if self.item is not None:
            target = self.item
        else:
            if self.data.preamble is None:
                self.data.preamble = Item(first=n, title_raw="", heading=None, status=self.status)
            target = self.data.preamble
        if label:
            fld, lab, rest = label
            target.current = fld if fld != "other" else f"other:{lab}"
            if fld == "description" and target.label_span is None and _DATE_PAREN.search(lab):
                target.label_span = dates_of_title(lab)
            if rest:
                target.add(target.current, rest)
                target.body_lines += 1
        elif re.fullmatch(r"-?\s*Cofinancement PAD", s) and target.body_lines == 0 and target.title_raw:
            target.title_raw += " - Cofinancement PAD"
        else:
            target.add(target.current, s)
            target.body_lines += 1
        target.last = n


def is_theme(label: str) -> bool:
    """A title made of domain labels only (`Culture /patrimoine`, `Santé, éducation`), each of one
    or two words: a theme, not a project's name (`Déplacement de jeunes danseurs`)."""
    parts = re.split(r"\s*[/,;]\s*|\s+et\s+", label.strip())
    return all(0 < len(p.split()) <= 2 and map_domain(p) for p in parts)


def _status_of(heading: str) -> str:
    u = fold(heading).upper()
    if "EN COURS" in u:
        return "en cours"
    if "REALIS" in u:
        return "réalisé"
    return "suivi" if u.startswith("SUIVI") else "en projet"


def _is_title(s: str, nxt: str, item: Item | None) -> bool:
    if re.match(r"^(→|•|➤|-|\d+[.)/]|\*)", s) or len(s) > 250:
        return False
    if s.endswith((";", ":", ",", ".")):
        return False
    if re.match(r"^Autres projets", s):
        return True
    if _DATE_PAREN.search(s) and re.search(r"\)\s*(?:[-–]\s*(?:Cofinancement PAD)?)?$", s):
        return True
    if ":" in s:
        return False
    if re.match(r"^(→\s*)?(Objectifs?\b|Description|Déroulement)", nxt) and not action_label(s):
        return item is None or item.body_lines > 0 or item.from_heading
    if item is None or not (item.current == "free" or (item.current.startswith("other:") and nxt.startswith("-"))):
        return False
    if item.body_lines > 0 and len(s) <= 60 and s[:1].isupper():
        # after a finished sentence or a bullet list; among unpunctuated sub-items it is one more
        last = (item.fields.get(item.current) or [""])[-1].rstrip()
        return bool(re.search(r"[.;!?)»>]$", last)) or last.startswith("-")
    return False


_KIND_PREFIX = re.compile(
    r"^(ville et communaute urbaine|communaute urbaine|ville|commune urbaine|commune rurale|"
    r"communes urbaines|conseil general|conseil regional|province|prefecture|cercle|mairie)"
    r"(\s+(de l'|de|du|des|d')\s*|\s+)", re.IGNORECASE)


def core_name(name: str) -> str:
    """`Commune urbaine d'El Jedida` -> `el jedida` (folded, no generic words)."""
    s = fold(name).replace("’", "'").strip(" .")
    s = _KIND_PREFIX.sub("", s, count=1)
    return squash_spaces(s)
