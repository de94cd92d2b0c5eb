"""Blocks of the Algerian sheets: text repairs of the extraction, the projects (`Projet N
réalisé`, with their theme / title / description cells broken into lines) and the contact
blocks (`CONTACTS et ADRESSES`)."""
from __future__ import annotations

import re

from ..domains import map_domain
from ..records import Contact
from ..text import fold, reflow, squash_spaces
from .contacts import clean_number, named_in, person_name, with_email

PAGE_RE = re.compile(r"^\s*\d{1,3}\s*$")


_PROJECT_RE = re.compile(
    r"^\s*Projet\s+(?P<n>\d+)\s*(?P<status>réalisé|en cours|en projet|à venir|en suspend)?\s*(?P<rest>.*)$",
    re.IGNORECASE)


_YEARS_LINE_RE = re.compile(r"^\s*((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?\s*(?:\([^()]*\))?\s*$")


def repair(text: str) -> str:
    """Undo the extraction's splits: `BEJA ÏA`, `Saint- Etienne`, `CONSEILREGIONAL`."""
    text = re.sub(r"(?<=[A-Za-z]) (?=[ÏÎïî]\w)", "", text or "")
    text = re.sub(r"(?<=\w)- (?=\w)", "-", text)
    text = text.replace("CONSEILREGIONAL", "CONSEIL REGIONAL")
    return squash_spaces(text)


def flow(lines: list[str]) -> str | None:
    """A field's lines as one text: page numbers out, the extraction's splits undone, the blank lines it put
    inside sentences rejoined."""
    text = reflow([repair(l) for l in lines if not PAGE_RE.match(l) or not l.strip()])
    # The extraction puts blank lines inside sentences: rejoin them.
    text = re.sub(r"(?<![.:;!?»)])\n(?=[a-zàâçéèêëîïôûù(])", " ", text)
    return text or None


_LABEL_LINE = re.compile(r"^\s*(Thème|Titre|Partenaires)\b\s*:?\s*(?P<rest>.*)$")


def _is_short(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 30 and not re.search(r"[.;:,]$", s) and not s.startswith("-")


_OPEN_ENDINGS = {"et", "de", "du", "des", "d'un", "d'une", "la", "le", "à", "en", "l'"}


def _join_cells(parts: list[str]) -> list[str]:
    """Label-column lines -> cells: a capitalised line after a finished one starts a cell."""
    cells: list[str] = []
    for p in parts:
        p = repair(p)
        if not p:
            continue
        if cells and not (p[:1].islower() or p[:1] in "(/" or cells[-1].endswith("/")
                          or cells[-1].split()[-1].lower() in _OPEN_ENDINGS):
            cells.append(p)
        elif cells:
            cells[-1] = cells[-1] + " " + p
        else:
            cells.append(p)
    return [re.sub(r"\s*/\s*", " / ", c).strip(" /") for c in cells]


_MONTHS = r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
_DATE = rf"(?:\d{{1,2}}(?:er)?(?:\s*(?:,|et|au|-)\s*\d{{1,2}}(?:er)?)*\s*)?(?:(?:{_MONTHS})\s+)?(?:19|20)\d\d"
_LEAD_DATE = re.compile(rf"^(?:(?:courant|fin|d[ée]but|depuis|en|le|du|d[eè]s)\s+)?{_DATE}(?:\s*[-–/]\s*{_DATE})?"
                        rf"\s*(?:\([^()]*\))?\s*[:,.\-–]?\s*", re.IGNORECASE)
# a first date whose year is the second's (`du 27 juillet au 17 août 2004`)
_OPEN_DATE = rf"\d{{1,2}}(?:er)?\s+(?:{_MONTHS})(?:\s+(?:19|20)\d\d)?\s*(?:au|[-–])\s*"
# a full date written without a preposition (`du cadre de vie 05 - 19 décembre 2004`)
_BARE_DATE = rf"\d{{1,2}}(?:er)?(?:\s*[-–]\s*\d{{1,2}}(?:er)?)?\s+(?:{_MONTHS})\s+(?:19|20)\d\d"
_TAIL_DATE = re.compile(rf"\s*(?:\([^()]*(?:19|20)\d\d[^()]*\)|,?\s+(?:du|le|en|au|courant|depuis|entre|à partir de)"
                        rf"\s+(?:{_OPEN_DATE})?{_DATE}(?:\s*[-–]\s*{_DATE})?|\s{_BARE_DATE})\s*$", re.IGNORECASE)


# a dated entry after a closed quote or bracket: the next item of a list the extraction joined
_NEXT_ENTRY = re.compile(rf"(?<=[»)])\s+(?:(?:courant|fin|d[ée]but|en)\s+)?{_DATE}\s*:\s+(?=[A-ZÉÀ])",
                         re.IGNORECASE)
_COLON_DATE = re.compile(rf"\s*:\s*{_DATE}\s*$", re.IGNORECASE)
# a long aside in brackets that the sentence goes on after
_ASIDE = re.compile(r"\s\((?:[^()]*\d[^()]*|[^()]{25,})\)(?=\s*[\w«])")


# a project's name opens with a noun (`Création…`, `Stage…`, `Programme…`); a sentence opens
# with an article, a pronoun, a preposition or a place (`Les deux collectivités…`, `Alger et Lyon…`)
_NOUN_START = re.compile(
    r"^(?:\w+(?:tion|sion|ment|age|ure|ance|ence|ité|isme)s?|programmes?|projets?|missions?|visites?|"
    r"séminaires?|études?|accueil|appui|aide|soutien|[ée]changes?|chantiers?|diagnostics?|envoi|dons?|achats?|"
    r"transferts?|"
    r"forums?|festivals?|colloques?|réunions?|rencontres?|semaines?|journées?|guides?|plans?|travail|"
    r"travaux|partenariat|jumelage|mise|première|deuxième|troisième|proposition|poursuite)\b", re.IGNORECASE)


def _heading(sentence: str) -> str:
    """The text before the sentence's first colon that stands outside brackets and quotes
    (`Parution du livre « Algérie, Blanquefort : une histoire de mémoire »` has none)."""
    depth = 0
    for i, c in enumerate(sentence):
        depth += (c in "(«") - (c in ")»")
        if c == ":" and depth == 0 and sentence[i + 1:i + 2] in ("", " ") and 6 <= i <= 121:
            return sentence[:i].rstrip()
    return ""


# an event named in guillemets: `un séminaire sur « la gestion des risques urbains »`
_QUOTED = re.compile(r"(?:\b(?P<event>séminaire|colloque|forum|conférence|atelier|journée|semaine|exposition|"
                     r"festival|rencontre)s?\s+sur\s+|(?P<lead>^|\b(?:édition|programme|projet|opération|"
                     r"manifestation|dispositif)s?\s+(?:du|de la|de l['’]|des|intitulée?s?|appelée?s?)\s+))"
                     r"(?P<name>«[^«»]{4,100}»)", re.IGNORECASE)


def quoted_name(sentence: str) -> str | None:
    """The project a sentence names in guillemets, as an event (`Séminaire sur « … »`), an
    edition or programme (`la seconde édition du « Pharo de la Connaissance »`) or on its own at
    its start; not a quoted body that organises it (`le « Réseau Urbain Europe MENA »`)."""
    m = _QUOTED.search(sentence)
    if m is None:
        return None
    if m.group("event"):
        return f"{m.group('event').capitalize()} sur {m.group('name')}"
    return m.group("name")


def project_title(title: str | None, theme: str | None, description: str | None) -> str:
    """A project's name: its `Titre`; else the heading its text opens with (`Projet de
    coopération en matière d'urbanisme :`); else its `Thème`, unless the text names the
    project in guillemets; else the first phrase of its text. Never a date: a leading `2004 :`
    or `Courant 2005 :`, a trailing `du 10 au 17 Septembre 2006` or `: décembre 2004` are
    dropped; details after ` / ` or in a long bracket too (the words after an aside stay)."""
    if title:
        return _TAIL_DATE.sub("", _LEAD_DATE.sub("", title)).strip(" ,;:-–") or title
    text = re.sub(r"(?<![.:;!?»])\n(?!\n)", " ", (description or "").strip())
    first = _LEAD_DATE.sub("", text.split("\n")[0]).strip()
    sentence = re.split(r"(?<=[a-zéèêàç)»0-9])\.(?:\s|$)", first, maxsplit=1)[0]
    sentence = _NEXT_ENTRY.split(sentence, maxsplit=1)[0]  # `… de mémoire » fin 2004 : Envoi …`
    sentence = _COLON_DATE.sub("", sentence)  # `… la gestion des déchets : décembre 2004`
    head = _heading(sentence)
    if (len(head.split()) >= 2 and not re.search(r"(19|20)\d\d", head)
            and not re.search(r"suivante?s$|ci-dessous$", head)):  # a heading, not a list's preamble
        return _TAIL_DATE.sub("", head).strip(" ,;-–")
    name = re.split(r"\s+/\s*|\s*/\s+", sentence, maxsplit=1)[0]
    name = _ASIDE.sub("", name)  # `Organiser avec Roubaix (dans le cadre d'un réseau …) une formation`
    name = re.split(r"\s\((?=[^)]*\d|[^)]{25})", name, maxsplit=1)[0]
    dated = _TAIL_DATE.search(name) is not None
    name = _TAIL_DATE.sub("", name).strip(" ,;:-–")
    # a name closed by its date is the project's heading line, however long (Roubaix 4)
    if theme and not (len(name) <= (250 if dated else 140) and _NOUN_START.match(name)):
        # the text opens with a sentence, not with the project's name
        return quoted_name(sentence) or theme
    return name if len(name) <= 250 else name[:248].rsplit(" ", 1)[0] + "…"


# an item's own date before a colon: `2003 :`, `fin 2004 :`, `Courant 2005 :`, `du 11 au 13 septembre 2006 :`
_ITEM_DATE = re.compile(rf"^(?:(?:courant|fin|d[ée]but|en|mi|du|le)\s+)?(?:{_OPEN_DATE})?{_DATE}\s*:", re.IGNORECASE)


def item_date(text: str) -> str | None:
    """The date an item opens with, before its colon (`fin 2004` in `fin 2004 : Envoi …`)."""
    m = _ITEM_DATE.match(text.strip())
    return m.group().rstrip(" :") if m else None


def dated_items(raw: str) -> list[str] | None:
    """The items of a project block with neither theme nor title that lists separately dated
    activities, one per line (`2003 : Travail de mémoire …` / `fin 2004 : Envoi d'une mission …` /
    `Accueil d'artistes de Timimoun`): each is a project of its own, as the dated lists of other
    sheets are. A line continues the item before it when it opens in lower case, with a quote or
    a dash (a list of the item's parts), unless it opens with a date. None unless the block opens
    with a date and has two items."""
    lines = [squash_spaces(x) for x in raw.split("\n")[1:]]
    lines = [x for x in lines if x and not _LABEL_LINE.match(x) and not PAGE_RE.match(x)]
    if not lines or not item_date(lines[0]):
        return None
    items: list[str] = []
    for x in lines:
        if items and not item_date(x) and (x[:1].islower() or x[:1] in "«(-–"
                                                   or items[-1].rstrip().endswith(("-", "–"))):
            items[-1] += " " + x
        else:
            items.append(x)
    return items if len(items) > 1 else None


def opening_name(description: str | None) -> str | None:
    """The project's name its text opens with (`Deuxième phase du « Pacte Oran Bordeaux »`),
    when it opens with a name rather than a sentence."""
    name = project_title(None, None, description) if description else ""
    return name if len(name) <= 140 and _NOUN_START.match(name) else None


def parse_project(lines: list[str], first: int, last: int) -> dict:
    """One `Projet N` block (0-based inclusive range) -> its fields."""
    m = _PROJECT_RE.match(lines[first])
    if m is None:
        raise ValueError(f"not a project heading: {lines[first][:60]!r}")
    status_raw = (m.group("status") or "").lower() or None
    body = [lines[i] for i in range(first + 1, last + 1) if not PAGE_RE.match(lines[i]) or not lines[i].strip()]
    cells = _ProjectCells([m.group("rest")] if m.group("rest").strip() else [],
                          labelled=any(_LABEL_LINE.match(line) for line in body))
    for line in body:
        cells.read(line)
    title_lines, description_lines, partners = cells.settle()
    theme, title = _theme_and_title(_join_cells(cells.theme_lines), cells.labelled, title_lines)
    description = flow(description_lines)
    if theme and title is None and cells.under_title and description:
        # a name written under `Titre` is the title however it wraps, not the theme: BdR's `Transferts de
        # savoir-faire dans le domaine de la gestion des déchets ménagers, …` (l.679-682) under `environnement`
        name = project_title(None, None, description)
        title = name if _NOUN_START.match(name) else None
    if partners is None and description:
        pm = re.search(r"(?m)^Partenaires\s*:\s*(.+)$", description)
        if pm:
            partners = pm.group(1).strip()
    return {
        "n": int(m.group("n")), "status_raw": status_raw, "theme": theme, "title": title,
        "description": description, "years": cells.years, "partners": partners,
    }


_OPEN_TITLE_END = re.compile(r"(?:[.;:,]|\b(?:de|du|des|la|le|les|à|au|aux|et|en|par|pour|sur|un|une|d['’]|l['’]))$",
                             re.IGNORECASE)


class _ProjectCells:
    """The cells of one project as its lines are read. The extraction interleaves the theme,
    title and description columns; `mode` is the cell the next line most likely continues
    (`lead` before any, `title-open` after a title's first line), and each kind of line has
    its step, tried in order."""

    def __init__(self, desc: list[str], labelled: bool):
        self.desc = desc
        self.labelled = labelled  # `Thème` / `Titre` / `Partenaires` labels somewhere in the block
        self.theme_lines: list[str] = []
        self.title_lines: list[str] = []
        self.years: list[int] = []
        self.mode = "lead"
        self.wrap = False
        self.has_partner_label = False
        self.under_title = False  # the text starts in the `Titre` cell

    def read(self, line: str) -> None:
        for step in (self._label, self._years, self._blank, self._theme, self._wrapped_theme):
            if step(line):
                return
        self._text(line)

    def _label(self, line: str) -> bool:
        s = line.strip()
        lm = _LABEL_LINE.match(line)
        if not lm or len(s) >= 40:
            return False
        word = s.split()[0].rstrip(":")
        if word not in ("Thème", "Titre", "Partenaires") or (s.split()[0] == "Partenaires" and lm.group("rest")):
            return False
        if word == "Thème":
            self.mode = "theme"
            if lm.group("rest"):
                self.theme_lines.append(lm.group("rest"))
        elif word == "Titre":
            self.mode = "title"
        else:
            self.has_partner_label = True
        return True

    def _years(self, line: str) -> bool:
        """A line of years alone, before any title or text."""
        ym = _YEARS_LINE_RE.match(line)
        if not (ym and self.mode in ("lead", "theme", "title") and not self.desc and not self.title_lines):
            return False
        self.years += [int(y) for y in ym.groups() if y]
        return True

    def _blank(self, line: str) -> bool:
        """A blank line ends an open title or a theme; in the description it is a paragraph break."""
        if line.strip():
            return False
        self.wrap = False
        if self.mode == "title-open" or (self.mode in ("theme", "lead") and self.theme_lines):
            self.mode = "desc"
        elif self.desc:
            self.desc.append("")
        return True

    def _theme(self, line: str) -> bool:
        """A short line of the theme cell (labelled, or leading an unlabelled block)."""
        if not _is_short(line):
            return False
        if self.mode == "theme" or (self.mode == "lead" and not self.labelled and not self.desc):
            self.theme_lines.append(line.strip())
            return True
        return False

    def _wrapped_theme(self, line: str) -> bool:
        """The theme cell wrapped around the description (`renforcement des` … `échanges` /
        `économiques`): short lines after an open theme."""
        if (self.mode in ("desc", "title") and self.theme_lines and _is_short(line)
                and (self.wrap or self.theme_lines[-1].split()[-1].lower() in ("des", "de", "du", "et"))):
            self.theme_lines.append(line.strip())
            self.wrap = True
            return True
        return False

    def _text(self, line: str) -> None:
        """A title's first line after `Titre`, else a line of the description."""
        s = line.strip()
        self.wrap = False
        if self.mode == "title" and not self.title_lines and not self.desc:
            self.under_title = True
            self.title_lines.append(s)
            self.mode = "title-open"
            return
        if (self.mode == "title-open" and len(self.title_lines[0]) <= 80 and s[:1].isupper()
                and not _OPEN_TITLE_END.search(self.title_lines[0])):
            self.mode = "desc"  # a title cell, and the description starts on the next line (Rennes)
        if self.mode == "title-open":
            self.desc.extend(self.title_lines)
            self.title_lines = []
        self.mode = "desc"
        self.desc.append(line)

    def settle(self) -> tuple[list[str], list[str], str | None]:
        """(title lines, description lines, partners) once every line is read."""
        title_lines, desc = self.title_lines, self.desc
        # A title cell stands alone: one line followed by a blank or nothing.
        if title_lines and (len(title_lines[0]) > 120 or title_lines[0].endswith(".")):
            desc = title_lines + desc
            title_lines = []
        # A trailing short line after a finished sentence is the theme cell (Roubaix 14).
        if not self.labelled and not self.theme_lines:
            tail = [line for line in desc if line.strip()]
            if len(tail) >= 2 and _is_short(tail[-1]) and tail[-2].rstrip().endswith("."):
                self.theme_lines.append(tail[-1].strip())
                desc.remove(tail[-1])
        # Franche-Comté: `Partenaires` / `Titre` labels, then the title line and the partners line.
        if self.has_partner_label and not self.theme_lines:
            paragraph = [line for line in desc if line.strip()]
            if len(title_lines + paragraph) == 2:
                return (title_lines + paragraph)[:1], [], repair(paragraph[-1])
        return title_lines, desc, None


def _theme_and_title(cells: list[str], labelled: bool, title_lines: list[str]) -> tuple[str | None, str | None]:
    theme: str | None = None
    title: str | None = None
    if labelled:
        theme = " / ".join(cells) if cells else None
        title = repair(" ".join(title_lines)) or None
        if theme and not title and "«" in theme:
            return None, " ".join(cells)  # a title in the theme cell (`« Pacte Oran Bordeaux »`)
        return theme, title
    if len(cells) == 1:  # a domain label is a theme; `Formation d'une documentaliste` names a project
        if map_domain(cells[0]) and not re.search(r"\b(?:d['’]\s*)?(?:une?|les?|la|l['’])\b", cells[0],
                                                  re.IGNORECASE):
            theme = cells[0]
        else:
            title = cells[0]
    elif cells:
        theme, title = cells[0], " ".join(cells[1:])
    if title_lines:
        title = repair(" ".join(title_lines))
    return theme, title


_PERIOD_RE = re.compile(r"^\s*ACTIONS\s+(?P<first>\d{4})\s*-?\s*(?P<last>\d{4})?\s*$")


def period_heading(lines: list[str], i: int) -> list[int] | None:
    """The years of an `ACTIONS 2004- / 2005` heading at line `i` (the second year may wrap onto
    the next line): the projects after it were carried out then (Grenoble-Constantine)."""
    m = _PERIOD_RE.match(lines[i])
    if m is None:
        return None
    last = m.group("last")
    if last is None and i + 1 < len(lines):
        wrapped = re.match(r"^\s*(\d{4})\s*$", lines[i + 1])
        last = wrapped.group(1) if wrapped else None
    a, b = int(m.group("first")), int(last) if last else int(m.group("first"))
    return list(range(a, b + 1)) if a <= b <= a + 10 else [a]


def project_blocks(lines: list[str], first: int, last: int) -> list[tuple[int, int]]:
    """The first and last lines of each `Projet N` block, a period heading after it (`ACTIONS 2004-2005`) left out."""
    heads = [i for i in range(first, last + 1) if _PROJECT_RE.match(lines[i])]
    blocks = []
    for k, h in enumerate(heads):
        end = heads[k + 1] - 1 if k + 1 < len(heads) else last
        # "ACTIONS 2004- / 2005" is a heading between two projects, not content.
        for j in range(h + 1, end + 1):
            if _PERIOD_RE.match(lines[j]):
                end = j - 1
                break
        while end > h and not lines[end].strip():
            end -= 1
        blocks.append((h, end))
    return blocks


_CONTACT_LINE = re.compile(r"^\s*(?P<label>[^:]{2,80}?)\s*:\s*(?P<value>.*)$")


_PERSON_RE = re.compile(r"^(?:M\.|Mme|Mr|Melle)?\s*[A-ZÉ][a-zéèëï]+(?:[- ][A-ZÉ][a-zéèëï]+)*\s+[A-Z][A-Z'-]{2,}\b")


_ADDRESS_LABELS = ("adresse postale", "telephone", "tel / fax", "courriel", "site internet", "fax")


def parse_contacts(lines: list[str], first: int, last: int, side: str,
                   warnings: list[str]) -> tuple[str | None, list[Contact]]:
    """One `CONTACTS et ADRESSES` block -> (organisation as written, contacts)."""
    block = _ContactBlock(side, warnings)
    for i in range(first + 1, last + 1):
        block.read(i, lines[i])
    return block.organisation, [c for c in block.contacts if c.name]


class _ContactBlock:
    """The walk through one contact block: a labelled line names a person (`Maire : M. X`) or
    gives a detail of the persons just named (address, telephone, e-mail, site); a line
    without a label continues the field just above it."""

    def __init__(self, side: str, warnings: list[str]):
        self.side, self.warnings = side, warnings
        self.organisation: str | None = None
        self.contacts: list[Contact] = []
        self.group: list[Contact] = []  # the persons the next details belong to
        self.last_field: tuple[str, list[Contact]] | None = None
        self.blank_before = True
        self.details_seen = False
        self.previous_address: str | None = None
        self.previous_numbers = ("", "")

    def read(self, i: int, raw: str) -> None:
        s = raw.strip()
        if not s or PAGE_RE.match(raw):
            self.blank_before = True
            return
        if s.startswith("Interlocuteurs dans le domaine"):
            self.group = []
            self.blank_before = True
            return
        m = re.match(r"^Collectivité\s*(?::\s*)*(?:de\s+)?(?P<org>.*)$", s)
        if m and self.organisation is None:
            self.organisation = repair(m.group("org")).strip(" ,")
            return
        cm = _CONTACT_LINE.match(s)
        label = fold(cm.group("label")).strip() if cm else ""
        if cm and label.startswith((*_ADDRESS_LABELS, "tel")):
            self._detail(label, cm.group("value").strip())
        elif cm:
            self._person(cm.group("label"), cm.group("value"))
        elif self.last_field and not self.blank_before:
            self._continuation(s, *self.last_field)
        else:
            self.warnings.append(f"ligne {i + 1} : ligne de contact non placée {s[:60]}")
        self.blank_before = False

    def _add(self, contact: Contact) -> None:
        self.group.append(contact)
        self.contacts.append(contact)
        self.last_field = ("name", [contact])

    def _person(self, label: str, value: str) -> None:
        contact = Contact(role=repair(label), organisation=self.organisation, side=self.side)
        _set_name(contact, repair(value))
        if self.details_seen:  # a person after details starts a new group
            self.group = []
            self.details_seen = False
        self._add(contact)

    def _detail(self, label: str, value: str) -> None:
        """A detail of the group just named (else of the last person); a lone `Fax :` is skipped."""
        targets = list(self.group) or self.contacts[-1:]
        if label.startswith("adresse"):
            self._address(value, targets)
        elif label.startswith(("telephone", "tel")):
            self._phone(label, value, targets)
        elif label.startswith(("courriel", "site")):
            owner = named_in(value, targets) if "@" in value else None
            for c in [owner] if owner else targets:  # `hsogliuzzo@…` under three persons: Henri SOGLIUZZO's
                if "@" in value:
                    c.email = with_email(c.email, value.strip())
                elif value.strip():
                    c.website = c.website or value.strip()
            self.last_field = ("email", targets)
        else:
            return
        self.details_seen = True

    def _address(self, value: str, targets: list[Contact]) -> None:
        if fold(value) == "idem":
            value = self.previous_address or ""
        for c in targets:
            c.address = c.address or (repair(value) or None)
        self.previous_address = value or self.previous_address
        self.last_field = ("address", targets)

    def _phone(self, label: str, value: str, targets: list[Contact]) -> None:
        pm = re.match(r"^(?P<phone>.*?)\s*Fax\s*:\s*(?P<fax>.*)$", value)
        phone, fax = (pm.group("phone"), pm.group("fax")) if pm else (value, None)
        if label.startswith("tel / fax"):
            fax = phone
        if fold(phone).strip() == "idem":  # the numbers of the person above
            phone, fax = self.previous_numbers
        numbers = _numbers(phone), _numbers(fax)
        self.previous_numbers = (numbers[0] or "", numbers[1] or "")
        for c in targets:
            c.phone = c.phone or numbers[0]
            c.fax = c.fax or numbers[1]
        self.last_field = ("phone", targets)

    def _continuation(self, s: str, kind: str, targets: list[Contact]) -> None:
        if kind == "name" and targets and targets[0].name and _PERSON_RE.match(s):
            # A second person under the same label (Roubaix, Dunkerque).
            other = Contact(role=re.sub(r"\s*\(.*$", "", targets[0].role or ""), organisation=self.organisation,
                            side=self.side)
            _set_name(other, repair(s))
            self._add(other)
            return
        owner = named_in(s, targets) if kind == "email" and "@" in s else None
        for c in [owner] if owner else targets:  # Roubaix: `trahim@…` / `cscavennec@…`, one each
            _continue_field(c, kind, s)
        if kind == "address" and targets:
            self.previous_address = targets[0].address


def _continue_field(c: Contact, kind: str, s: str) -> None:
    """A line without a label added to the field of `c` above it (for a name field: the name
    when missing, else the role)."""
    if kind == "address":
        c.address = squash_spaces(f"{c.address or ''} {s}") or None
    elif kind == "email":
        if "@" in s:
            c.email = with_email(c.email, s)
    elif kind == "phone":
        c.phone = f"{c.phone}; {squash_spaces(s)}" if c.phone else squash_spaces(s)
    elif c.name is None:
        _set_name(c, repair(s))
    elif (role := c.role or "").endswith(")"):
        c.role = f"{role[:-1]} {repair(s)})"
    else:
        c.role = squash_spaces(f"{c.role} ({repair(s)})")


def _numbers(value: str | None) -> str | None:
    """`00213.38.86.31.87 OU 00213.71.47.21.42 (portable M. Grine)` -> the numbers only."""
    found = [n for part in re.split(r"\s+(?:ou|et)\s+|;|/(?=\s*\D)", value or "", flags=re.IGNORECASE)
             if (n := clean_number(part))]
    return "; ".join(found) or None


def _set_name(contact: Contact, value: str) -> None:
    value = re.sub(r"^[^:]*\s:\s*(?=\S)", "", value).strip(" ,")  # `Mr le Maire de Timimoun : Mohamel DIFALLAH`
    if not value:
        return
    m = re.match(r"^(?P<name>[^,(]+?)\s*(?:[,(]\s*(?P<rest>.*?)\)?)?$", value)
    written = squash_spaces(m.group("name")) if m else value
    contact.name = person_name(written)
    if contact.name is None:  # a role written where the name goes (`Wali d'Adrar`)
        contact.role = f"{contact.role} ({written})" if contact.role else written
    if m and m.group("rest"):
        contact.role = f"{contact.role} ({m.group('rest').strip(' )')})"
