"""Blocks of the Algerian sheets: text repairs of the extraction, the projects (`Projet N
réalisé`, with their theme / title / description cells broken into lines) and the contact
blocks (`CONTACTS et ADRESSES`)."""
from __future__ import annotations
import re
from ..domains import map_domain
from ..records import Contact
from ..text import fold, reflow, squash_spaces
from .contacts import clean_number, person_name


_PAGE_RE = re.compile(r"^\s*\d{1,3}\s*$")


_PROJECT_RE = re.compile(
    r"^\s*Projet\s+(?P<n>\d+)\s*(?P<status>réalisé|en cours|en projet|à venir|en suspend)?\s*(?P<rest>.*)$",
    re.I)


_YEARS_LINE_RE = re.compile(r"^\s*((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?\s*(?:\([^()]*\))?\s*$")


def repair(text: str) -> str:
    """Undo the extraction's splits: `BEJA ÏA`, `Saint- Etienne`, `CONSEILREGIONAL`."""
    text = re.sub(r"(?<=[A-Za-z]) (?=[ÏÎïî]\w)", "", text or "")
    text = re.sub(r"(?<=\w)- (?=\w)", "-", text)
    text = text.replace("CONSEILREGIONAL", "CONSEIL REGIONAL")
    return squash_spaces(text)


def _flow(lines: list[str]) -> str | None:
    text = reflow([repair(l) for l in lines if not _PAGE_RE.match(l) or not l.strip()])
    # The extraction puts blank lines inside sentences: rejoin them.
    text = re.sub(r"(?<![.:;!?»)])\n(?=[a-zàâçéèêëîïôûù(])", " ", text)
    return text or None


_LABEL_LINE = re.compile(r"^\s*(Thème|Titre|Partenaires)\b\s*:?\s*(?P<rest>.*)$")


def _is_short(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 30 and not re.search(r"[.;:,]$", s) and not s.startswith("-")


def _join_cells(parts: list[str]) -> list[str]:
    """Label-column lines -> cells: a capitalised line after a finished one starts a cell."""
    cells: list[str] = []
    for p in parts:
        p = repair(p)
        if not p:
            continue
        if cells and not (p[:1].islower() or p[:1] in "(/" or cells[-1].endswith("/")
                          or cells[-1].split()[-1].lower() in {"et", "de", "du", "des", "d'un", "d'une", "la", "le", "à", "en", "l'"}):
            cells.append(p)
        elif cells:
            cells[-1] = cells[-1] + " " + p
        else:
            cells.append(p)
    return [re.sub(r"\s*/\s*", " / ", c).strip(" /") for c in cells]


_MONTHS = r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
_DATE = rf"(?:\d{{1,2}}(?:er)?(?:\s*(?:,|et|au|-)\s*\d{{1,2}}(?:er)?)*\s*)?(?:(?:{_MONTHS})\s+)?(?:19|20)\d\d"
_LEAD_DATE = re.compile(rf"^(?:(?:courant|fin|d[ée]but|depuis|en|le|du|d[eè]s)\s+)?{_DATE}(?:\s*[-–/]\s*{_DATE})?"
                        rf"\s*(?:\([^()]*\))?\s*[:,.\-–]?\s*", re.I)
_TAIL_DATE = re.compile(rf"\s*(?:\([^()]*(?:19|20)\d\d[^()]*\)|,?\s+(?:du|le|en|au|courant|depuis|entre|à partir de)"
                        rf"\s+{_DATE}(?:\s*[-–]\s*{_DATE})?)\s*$", re.I)


# a project's name opens with a noun (`Création…`, `Stage…`, `Programme…`); a sentence opens
# with an article, a pronoun, a preposition or a place (`Les deux collectivités…`, `Alger et Lyon…`)
_NOUN_START = re.compile(
    r"^(?:\w+(?:tion|sion|ment|age|ure|ance|ence|ité|isme)s?|programmes?|projets?|missions?|visites?|"
    r"séminaires?|accueil|appui|aide|soutien|[ée]changes?|chantiers?|diagnostics?|envoi|dons?|achats?|"
    r"forums?|festivals?|colloques?|réunions?|rencontres?|semaines?|journées?|guides?|plans?|travail|"
    r"travaux|partenariat|jumelage|mise|première|deuxième|troisième|proposition)\b", re.I)


def project_title(title: str | None, theme: str | None, description: str | None) -> str:
    """A project's name: its `Titre`; else the heading its text opens with (`Projet de
    coopération en matière d'urbanisme :`); else its `Thème`; else the first phrase of its
    text. Never a date: a leading `2004 :` or `Courant 2005 :` and a trailing `du 10 au 17
    Septembre 2006` are dropped; details after ` / ` or in a long bracket too."""
    if title:
        return _TAIL_DATE.sub("", _LEAD_DATE.sub("", title)).strip(" ,;:-–") or title
    text = re.sub(r"(?<![.:;!?»])\n(?!\n)", " ", (description or "").strip())
    first = _LEAD_DATE.sub("", text.split("\n")[0]).strip()
    sentence = re.split(r"(?<=[a-zéèêàç)»0-9])\.(?:\s|$)", first, maxsplit=1)[0]
    heading = re.match(r"^(.{6,120}?)\s*:(?:\s|$)", sentence)
    head = heading.group(1) if heading else ""
    if (len(head.split()) >= 2 and head.count("(") == head.count(")") and not re.search(r"(19|20)\d\d", head)
            and not re.search(r"suivante?s$|ci-dessous$", head)):  # a heading, not a list's preamble
        return _TAIL_DATE.sub("", head).strip(" ,;-–")
    name = re.split(r"\s+/\s*|\s*/\s+", sentence, maxsplit=1)[0]
    name = re.split(r"\s\((?=[^)]*\d|[^)]{25})", name, maxsplit=1)[0]
    name = _TAIL_DATE.sub("", name).strip(" ,;:-–")
    if theme and not (len(name) <= 140 and _NOUN_START.match(name)):
        return theme  # the text opens with a sentence, not with the project's name
    return name if len(name) <= 250 else name[:248].rsplit(" ", 1)[0] + "…"


def parse_project(lines: list[str], first: int, last: int) -> dict:
    """One `Projet N` block (0-based inclusive range) -> its fields."""
    m = _PROJECT_RE.match(lines[first])
    status_raw = (m.group("status") or "").lower() or None
    body = [(i, lines[i]) for i in range(first + 1, last + 1)
            if not _PAGE_RE.match(lines[i]) or not lines[i].strip()]
    theme_lines: list[str] = []
    title_lines: list[str] = []
    desc: list[str] = [m.group("rest")] if m.group("rest").strip() else []
    years: list[int] = []
    partners = None
    labelled = any(_LABEL_LINE.match(l) for _, l in body)
    mode = "lead"
    wrap = False
    has_partner_label = False
    for _, line in body:
        s = line.strip()
        lm = _LABEL_LINE.match(line)
        if lm and s.split()[0].rstrip(":") in ("Thème", "Titre", "Partenaires") and len(s) < 40 and (
                s.split()[0] != "Partenaires" or not lm.group("rest")):
            word = s.split()[0].rstrip(":")
            if word == "Thème":
                mode = "theme"
                if lm.group("rest"):
                    theme_lines.append(lm.group("rest"))
            elif word == "Titre":
                mode = "title"
            else:
                has_partner_label = True
            continue
        ym = _YEARS_LINE_RE.match(line)
        if ym and mode in ("lead", "theme", "title") and not desc and not title_lines:
            years += [int(y) for y in ym.groups() if y]
            continue
        if not s:
            wrap = False
            if mode == "title-open":
                mode = "desc"
            elif mode == "theme" and theme_lines:
                mode = "desc"
            elif mode == "lead" and theme_lines:
                mode = "desc"
            elif desc:
                desc.append("")
            continue
        if mode == "theme" and _is_short(line):
            theme_lines.append(s)
            continue
        if mode == "lead" and not labelled and _is_short(line) and not desc:
            theme_lines.append(s)
            continue
        # The theme cell wrapped around the description (`renforcement des` …
        # `échanges` / `économiques`): short lines after an open theme.
        if (mode in ("desc", "title") and theme_lines and _is_short(line)
                and (wrap or theme_lines[-1].split()[-1].lower() in ("des", "de", "du", "et"))):
            theme_lines.append(s)
            wrap = True
            continue
        wrap = False
        if mode == "title" and not title_lines and not desc:
            title_lines.append(s)
            mode = "title-open"
            continue
        if (mode == "title-open" and len(title_lines[0]) <= 80 and s[:1].isupper()
                and not re.search(r"(?:[.;:,]|\b(?:de|du|des|la|le|les|à|au|aux|et|en|par|pour|sur|un|une|d['’]|l['’]))$",
                                  title_lines[0], re.I)):
            mode = "desc"  # a title cell, and the description starts on the next line (Rennes)
        if mode == "title-open":
            desc.extend(title_lines)
            title_lines = []
        mode = "desc"
        desc.append(line)
    # A title cell stands alone: one line followed by a blank or nothing.
    if title_lines and (len(title_lines[0]) > 120 or title_lines[0].endswith(".")):
        desc = title_lines + desc
        title_lines = []
    # A trailing short line after a finished sentence is the theme cell (Roubaix 14).
    if not labelled and not theme_lines:
        tail = [l for l in desc if l.strip()]
        if len(tail) >= 2 and _is_short(tail[-1]) and tail[-2].rstrip().endswith("."):
            theme_lines.append(tail[-1].strip())
            desc.remove(tail[-1])
    description_lines = desc
    # Franche-Comté: `Partenaires` / `Titre` labels, then the title line and
    # the partners line.
    if has_partner_label and not theme_lines:
        paragraph = [l for l in desc if l.strip()]
        if len(title_lines + paragraph) == 2:
            title_lines, partners = (title_lines + paragraph)[:1], repair(paragraph[-1])
            description_lines = []
    cells = _join_cells(theme_lines)
    if labelled:
        theme = " / ".join(cells) if cells else None
        title = repair(" ".join(title_lines)) or None
        if theme and not title and "«" in theme:
            theme, title = None, " ".join(cells)  # a title in the theme cell (`« Pacte Oran Bordeaux »`)
    else:
        theme, title = None, None
        if len(cells) == 1:  # a domain label is a theme; `Formation d'une documentaliste` names a project
            if map_domain(cells[0]) and not re.search(r"\b(?:d['’]\s*)?(?:une?|les?|la|l['’])\b", cells[0], re.I):
                theme = cells[0]
            else:
                title = cells[0]
        elif cells:
            theme, title = cells[0], " ".join(cells[1:])
        if title_lines:
            title = repair(" ".join(title_lines))
    description = _flow(description_lines)
    if partners is None and description:
        pm = re.search(r"(?m)^Partenaires\s*:\s*(.+)$", description)
        if pm:
            partners = pm.group(1).strip()
    return {
        "n": int(m.group("n")), "status_raw": status_raw, "theme": theme, "title": title,
        "description": description, "years": years, "partners": partners,
    }


def _project_blocks(lines: list[str], first: int, last: int) -> list[tuple[int, int]]:
    heads = [i for i in range(first, last + 1) if _PROJECT_RE.match(lines[i])]
    blocks = []
    for k, h in enumerate(heads):
        end = heads[k + 1] - 1 if k + 1 < len(heads) else last
        # "ACTIONS 2004- / 2005" is a heading between two projects, not content.
        for j in range(h + 1, end + 1):
            if re.match(r"^\s*ACTIONS\s+\d{4}", lines[j]):
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
    organisation = None
    contacts: list[Contact] = []
    group: list[Contact] = []
    last_field: tuple[Contact | None, str] | None = None
    blank_before = True
    details_seen = False
    previous_address = None
    previous_numbers = ("", "")
    for i in range(first + 1, last + 1):
        raw = lines[i]
        s = raw.strip()
        if not s or _PAGE_RE.match(raw):
            blank_before = True
            continue
        if s.startswith("Interlocuteurs dans le domaine"):
            group = []
            blank_before = True
            continue
        m = re.match(r"^Collectivité\s*(?::\s*)*(?:de\s+)?(?P<org>.*)$", s)
        if m and organisation is None:
            organisation = repair(m.group("org")).strip(" ,")
            continue
        cm = _CONTACT_LINE.match(s)
        label = fold(cm.group("label")).strip() if cm else ""
        if cm and (label.startswith(_ADDRESS_LABELS) or label.startswith("tel")):
            value = cm.group("value").strip()
            targets = [c for c in group] or (contacts[-1:] if contacts else [])
            if label.startswith("adresse"):
                if fold(value) == "idem":
                    value = previous_address or ""
                for c in targets:
                    c.address = c.address or (repair(value) or None)
                previous_address = value or previous_address
                last_field = ("address", targets)
                details_seen = True
            elif label.startswith("telephone") or label.startswith("tel"):
                pm = re.match(r"^(?P<phone>.*?)\s*Fax\s*:\s*(?P<fax>.*)$", value)
                phone, fax = (pm.group("phone"), pm.group("fax")) if pm else (value, None)
                if label.startswith("tel / fax"):
                    fax = phone
                if fold(phone).strip() == "idem":  # the numbers of the person above
                    phone, fax = previous_numbers
                phone, fax = _numbers(phone), _numbers(fax)
                previous_numbers = (phone or "", fax or "")
                for c in targets:
                    c.phone = c.phone or phone
                    c.fax = c.fax or fax
                last_field = ("phone", targets)
                details_seen = True
            elif label.startswith("courriel") or label.startswith("site"):
                for c in targets:
                    if "@" in value:
                        c.email = c.email or value.strip()
                    elif value.strip():
                        c.website = c.website or value.strip()
                last_field = ("email", targets)
                details_seen = True
            blank_before = False
            continue
        if cm:
            value = repair(cm.group("value"))
            contact = Contact(role=repair(cm.group("label")), organisation=organisation, side=side)
            _set_name(contact, value)
            if details_seen:
                group = []
                details_seen = False
            group.append(contact)
            contacts.append(contact)
            last_field = ("name", [contact])
            blank_before = False
            continue
        # A line without a label continues the field just above it.
        if last_field and not blank_before:
            kind, targets = last_field
            if kind == "name" and targets and targets[0].name and _PERSON_RE.match(s):
                # A second person under the same label (Roubaix, Dunkerque).
                base = re.sub(r"\s*\(.*$", "", targets[0].role or "")
                other = Contact(role=base, organisation=organisation, side=side)
                _set_name(other, repair(s))
                group.append(other)
                contacts.append(other)
                last_field = ("name", [other])
                continue
            for c in targets:
                if kind == "address":
                    c.address = squash_spaces(f"{c.address or ''} {s}") or None
                elif kind == "email":
                    if "@" in s:
                        c.email = f"{c.email}; {s}" if c.email else s
                elif kind == "phone":
                    c.phone = f"{c.phone}; {squash_spaces(s)}" if c.phone else squash_spaces(s)
                elif c.name is None:
                    _set_name(c, repair(s))
                elif (c.role or "").endswith(")"):
                    c.role = f"{c.role[:-1]} {repair(s)})"
                else:
                    c.role = squash_spaces(f"{c.role} ({repair(s)})")
            if kind == "address":
                previous_address = targets[0].address if targets else previous_address
        else:
            warnings.append(f"line {i + 1}: unplaced contact line {s[:60]}")
        blank_before = False
    named = [c for c in contacts if c.name]
    return organisation, named


def _numbers(value: str | None) -> str | None:
    """`00213.38.86.31.87 OU 00213.71.47.21.42 (portable M. Grine)` -> the numbers only."""
    found = [n for part in re.split(r"\s+(?:ou|et)\s+|;|/(?=\s*\D)", value or "", flags=re.I)
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
