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

from ..domains import domains_of_text, map_domain, map_domains, DOMAINS
from ..ids import action_id, name_key, partnership_id
from ..records import Action, Budget, Contact, ParseResult, Partnership, Party, SourceRef
from ..text import fold, normal_case, reflow, slugify, squash_spaces, years_in

TITLE = "coopération décentralisée franco"
TABLE_HEADING = "Etat d’avancement des partenariats"
TABLE_SECTION = "Etat d'avancement des partenariats"
ALGERIA = "Algérie"

_CONNECTORS = {"SAINT", "LA", "LE", "LES", "SUR", "DE", "DES", "DU", "EN", "LEZ"}
# French names of the table that the connector rule cannot delimit.
_FRENCH_COMPOUNDS = ("BLANC MESNIL",)
_KIND_PREFIX = {"CR": "région", "CG": "département", "CU": "intercommunalité", "CA": "intercommunalité"}
_PREFIX_WORDS = {
    "CR": "Conseil régional", "CG": "Conseil général",
    "CU": "Communauté urbaine", "CA": "Communauté d'agglomération",
}
# Article before a département or région name (folded slug -> article).
_ARTICLES = {
    "gironde": "de la ", "isere": "de l'", "bas-rhin": "du ", "bouches-du-rhone": "des ",
    "nord": "du ", "seine-saint-denis": "de la ", "herault": "de l'",
}
_DISPLAY = {"paca": "Provence-Alpes-Côte d'Azur", "rhone-alpes": "Rhône-Alpes",
            "franche-comte": "Franche-Comté", "haute-normandie": "Haute-Normandie",
            "bouches-du-rhone": "Bouches-du-Rhône", "isere": "Isère", "herault": "Hérault",
            "bas-rhin": "Bas-Rhin", "seine-saint-denis": "Seine-Saint-Denis"}
# Wilaya of the Algerian communes whose sheet does not say it (general
# knowledge, not the document); communes named like their wilaya are its seat.
_WILAYA_OF = {
    "timimoun": "Adrar", "tizi-rached": "Tizi Ouzou", "beni-douala": "Tizi Ouzou",
    "boufarik": "Blida", "cheraga": "Alger", "dar-el-beida": "Alger",
    "m-chedallah": "Bouira", "larbaa-nath-irathen": "Tizi Ouzou",
    "laarba-nath-irathen": "Tizi Ouzou", "el-khroub": "Constantine",
}
_WILAYAS = {
    "adrar", "chlef", "laghouat", "oum-el-bouaghi", "batna", "bejaia", "biskra", "bechar",
    "blida", "bouira", "tamanrasset", "tebessa", "tlemcen", "tiaret", "tizi-ouzou", "alger",
    "djelfa", "jijel", "setif", "saida", "skikda", "sidi-bel-abbes", "annaba", "guelma",
    "constantine", "medea", "mostaganem", "m-sila", "mascara", "ouargla", "oran", "el-bayadh",
    "illizi", "bordj-bou-arreridj", "boumerdes", "el-tarf", "tindouf", "tissemsilt",
    "el-oued", "khenchela", "souk-ahras", "tipaza", "tipasa", "mila", "ain-defla", "naama",
    "ain-temouchent", "ghardaia", "relizane",
}

_FRENCH_REGIONS = {"rhone-alpes", "franche-comte", "haute-normandie", "provence-alpes-cote-d-azur",
                   "ile-de-france", "nord-pas-de-calais", "alsace", "lorraine", "aquitaine", "bretagne",
                   "pays-de-la-loire", "centre", "bourgogne", "auvergne", "languedoc-roussillon"}
_PAGE_RE = re.compile(r"^\s*\d{1,3}\s*$")
_POP_RE = re.compile(r"^(?P<name>.*?)\s*\((?P<pop>[^()]*habitants[^()]*)\)\s*$", re.I)
_PROJECT_RE = re.compile(
    r"^\s*Projet\s+(?P<n>\d+)\s*(?P<status>réalisé|en cours|en projet|à venir|en suspend)?\s*(?P<rest>.*)$",
    re.I)
_STATUS = {"réalisé": "réalisé", "en cours": "en cours", "en projet": "en projet", "à venir": "en projet"}
_FIELD_RE = re.compile(
    r"^\s*(?P<label>Convention|Historique|Objectifs de départ|Objectifs actuels|Partenaires|Atouts|"
    r"Difficultés|Observations)\s*\.?(?=\s|$)\s*(?P<rest>.*)$")
_SECTION_RE = re.compile(
    r"^\s*(Le partenariat|Les projets\b.*|Fonctionnement du partenariat|Sources de financement|"
    r"CONTACTS et ADRESSES.*)\s*$")
_GROUP_RE = re.compile(
    r"^\s*(CONSEILS R[ÉE]GIONAUX|CONSEILS G[ÉE]N[ÉE]RAUX|COMMUNAUT[ÉE]S DE( COMMUNES)?|COMMUNES|VILLES|"
    r"AUTRES COLLECTIVIT[ÉE]S ENGAG[ÉE]ES EN ALG[ÉE]RIE)\s*$")
_YEARS_LINE_RE = re.compile(r"^\s*((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?\s*$")
_MONEY_RE = re.compile(
    r"(?P<num>\d{1,3}(?:[ .\u00a0]\d{3})+|\d+(?:,\d+)?)\s*(?P<mult>millions?\s+de\s+)?"
    r"(?P<cur>euros?|€|francs|dinars|DA\b)", re.I)
_NO_PROJECT_RE = re.compile(r"^(pas de projets?|aucun projet)", re.I)


# --- Text repairs ---------------------------------------------------------

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


def _title_case(name: str) -> str:
    """Place names in normal case whatever their writing (`alger`, `ADRAR`)."""
    return normal_case(repair(name).upper()).replace(" - ", "-")


def _slug(name: str) -> str:
    return slugify(name)


# --- Parties ---------------------------------------------------------------

def _population(text: str | None) -> int | None:
    if not text:
        return None
    t = fold(text)
    m = re.search(r"(\d+(?:,\d+)?)\s*millions?", t)
    if m:
        return int(round(float(m.group(1).replace(",", ".")) * 1_000_000))
    m = re.search(r"\d{1,3}(?:\s\d{3})+|\d+", t)
    return int(re.sub(r"\s", "", m.group(0))) if m else None


def _split_population(header: str) -> tuple[str, str | None]:
    m = _POP_RE.match(header.strip())
    if not m:
        return squash_spaces(header), None
    pop = squash_spaces(m.group("pop"))
    return squash_spaces(m.group("name")), (None if re.search(r"\bnb\b", pop, re.I) else pop)


def _french_name(kind_code: str | None, own: str) -> str:
    own_slug = _slug(own)
    display = _DISPLAY.get(own_slug, _title_case(own))
    if kind_code in ("CR", "CG"):
        article = _ARTICLES.get(own_slug, "d'" if fold(display)[:1] in "aeiouy" else "de ")
        return f"{_PREFIX_WORDS[kind_code]} {article}{display}"
    if kind_code in ("CU", "CA"):
        return f"{_PREFIX_WORDS[kind_code]} de {display}"
    return display


def french_party(raw: str, group: str | None = None) -> Party:
    """A French collectivity from a table cell or a sheet header."""
    raw = squash_spaces(raw)
    text = repair(raw).replace("’", "'")
    up = fold(text).upper()
    code, own = None, text
    m = re.match(r"^(CR|CG|CU|CA)\s+(.+)$", text)
    if m:
        code, own = m.group(1), m.group(2)
    elif re.match(r"^CONSEIL REGIONAL\b", up):
        code, own = "CR", re.sub(r"^\S+\s+\S+\s+(DE LA |DE L'|DES |DU |DE |D')?", "", text, flags=re.I)
    elif re.match(r"^CONSEIL GENERAL\b", up):
        code, own = "CG", re.sub(r"^\S+\s+\S+\s+(DE LA |DE L'|DES |DU |DE |D')?", "", text, flags=re.I)
    elif "COMMUNAUTE URBAINE" in up:
        code = "CU"
        own = re.split(r"\s+(?:GRAND LITTORAL|[–-]\s*COMMUNAUT)", text, flags=re.I)[0]
    elif group == "CR":
        code = "CR"
    own = re.sub(r"\s*-\s*", "-", own.strip())
    kind = _KIND_PREFIX.get(code, "commune")
    name = _french_name(code, own)
    party = Party(name=name, name_raw=raw, kind=kind, country="France")
    if kind == "région":
        party.region = _DISPLAY.get(_slug(own), _title_case(own))
    elif kind == "département":
        party.subdivision = _DISPLAY.get(_slug(own), _title_case(own))
    return party


def partner_party(raw: str, kind_hint: str | None = None) -> tuple[Party, list[str]]:
    """An Algerian collectivity; a bare `ALGER` is the wilaya (no single commune)."""
    raw = squash_spaces(raw)
    text = repair(raw).replace("’", "'")
    notes: list[str] = []
    m = re.match(r"^(WILAYA|APC|APW)\s+(?:(?:DE|D')\s*)?(.+)$", text, re.I)
    kind = "commune"
    own = text
    if m:
        kind = "wilaya" if m.group(1).upper() in ("WILAYA", "APW") else "commune"
        own = m.group(2)
    elif kind_hint == "wilaya":
        kind = "wilaya"
    own_name = _title_case(own)
    if kind == "commune" and _slug(own_name) == "alger":
        kind = "wilaya"
        notes.append(f"Written « {raw} »: read as the wilaya d'Alger (Algiers has no single commune).")
    if kind == "wilaya":
        name = ("Wilaya d'" if fold(own_name)[:1] in "aeiouy" else "Wilaya de ") + own_name
        region = own_name
    else:
        name = own_name
        slug = _slug(own_name)
        region = _WILAYA_OF.get(slug) or (own_name if slug in _WILAYAS else None)
    return Party(name=name, name_raw=raw, kind=kind, country=ALGERIA, region=region), notes


# --- The state table -------------------------------------------------------

def _is_upper_token(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return (not letters and tok in ("/", "–", "-")) or (bool(letters) and all(c.isupper() for c in letters))


def _split_row(text: str) -> tuple[str, list[str], str]:
    """`CR FRANCHE COMTE WILAYA D'ALGER Partenariat signé…` -> (French, [partners], state)."""
    toks = repair(text).split()
    n = 0
    while n < len(toks) and _is_upper_token(toks[n]):
        n += 1
    upper, state = toks[:n], " ".join(toks[n:])
    if not upper:
        return "", [], state
    start = 1 if upper[0] in _KIND_PREFIX else 0
    cut = None
    for i in range(start + 1, len(upper)):
        if upper[i] in ("WILAYA", "VILLE", "APC"):
            cut = i
            break
    if cut is None and start == 1 and upper[0] in ("CR", "CG"):
        cut = len(upper)
    if cut is None:
        joined = " ".join(upper[start:])
        compound = next((c for c in _FRENCH_COMPOUNDS if joined.startswith(c)), None)
        if compound:
            cut = start + len(compound.split())
        else:
            cut = start + 1
            while cut < len(upper) and (upper[cut - 1] in _CONNECTORS or upper[cut] in _CONNECTORS):
                cut += 1
    french = " ".join(upper[:cut])
    partners = _split_partners(" ".join(upper[cut:]))
    return french, partners, state


def _split_partners(text: str) -> list[str]:
    text = squash_spaces(text)
    if not text:
        return []
    m = re.match(r"^VILLE ET WILAYA (?:DE |D')(.+)$", text)
    if m:
        return [m.group(1), f"WILAYA DE {m.group(1)}"]
    m = re.match(r"^WILAYA (?:DE |D')(.+?) ET (?:DE |D')(.+)$", text)
    if m:
        return [f"WILAYA DE {m.group(1)}", f"WILAYA D'{m.group(2)}"]
    return [p for p in re.split(r"\s+(?:ET|/)\s+", text) if p]


def _table_rows(lines: list[str], start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Rows as (first line, last line, text, group code), 0-based lines."""
    rows: list[list] = []
    group = None
    codes = {"CONSEILS R": "CR", "CONSEILS G": "CG", "COMMUNAUT": "CU", "COMMUNES": "CU", "VILLES": "V"}
    for i in range(start, end):
        line = lines[i].strip()
        if not line or line.startswith("Collectivité") or line.startswith("territoriale"):
            continue
        g = _GROUP_RE.match(fold(line).upper()) or _GROUP_RE.match(line)
        if g:
            for k, v in codes.items():
                if fold(line).upper().startswith(fold(k).upper()):
                    group = v
            continue
        first = line.split()[0]
        pending = rows and _row_pending(rows[-1][2], rows[-1][3])
        if _is_upper_token(first) and len(first) > 1 and not pending:
            rows.append([i, i, line, group])
        elif rows:
            rows[-1][1] = i
            rows[-1][2] += " " + line
    return [tuple(r) for r in rows]


def _row_pending(text: str, group: str | None) -> bool:
    """A row whose partner cell is still to come on the next line."""
    french, partners, state = _split_row(text)
    if state:
        return False
    toks = text.split()
    if toks and toks[-1] in ("ET", "DE", "D'", "DU", "DES", "/"):
        return True
    return not partners and group != "V"


def _fix_shifted_state(rows: list[dict]) -> None:
    """The table centres tall cells vertically: the sentence printed under
    `NANTES En recherche de partenariat` belongs to the next row (NANTERRE)."""
    for a, b in zip(rows, rows[1:]):
        m = re.match(r"^(En recherche de partenariat)\s+(\S.*)$", a["state"])
        if m and not a["partners"]:
            a["state"] = m.group(1)
            b["state"] = squash_spaces(m.group(2) + " " + b["state"])
            b["notes"].append("État reconstitué : le tableau imprime la première phrase sous la ligne précédente.")


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
        if _SECTION_RE.match(line) or _GROUP_RE.match(line.strip()):
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
        if name == "Sources de financement" and (_SECTION_RE.match(lines[i]) or re.match(r"^\s*Observations", lines[i])):
            end = i - 1
            break
    return start, end


def _money(text: str | None) -> Budget | None:
    if not text:
        return None
    m = _MONEY_RE.search(text)
    if not m:
        return None
    num = float(re.sub(r"[ .\u00a0]", "", m.group("num")).replace(",", "."))
    if m.group("mult"):
        num *= 1_000_000
    cur = fold(m.group("cur"))
    currency = "EUR" if cur.startswith("eur") or m.group("cur") == "€" else "F" if cur.startswith("franc") else "DZD"
    start = max(text.rfind(sep, 0, m.start()) for sep in (".", ";", "/", "(", "\n", "\u2013")) + 1
    return Budget(text=text[start:m.end()].strip(" :-"), amount=num, currency=currency)


def _formal_year(text: str | None) -> int | None:
    if not text or re.match(r"^(pas de|inexistante|aucun)", fold(text)):
        return None
    if not re.search(r"sign|accord|protocole|convention|charte|jumelage|declaration", fold(text)):
        return None
    ys = years_in(text)
    return ys[0] if ys else None


# --- Projects --------------------------------------------------------------

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


def _first_sentence(text: str) -> str:
    """Up to the first stop, but not a stop after a short date (`2004 : …`)."""
    line = text.split("\n")[0]
    first = line
    for m in re.finditer(r"(?<=[a-zé\)»0-9])\s?[.:;](?:\s|$)", line):
        if m.start() >= 20:
            first = line[:m.start()]
            break
    first = first.strip()
    if len(first) > 120:
        first = first[:117].rsplit(" ", 1)[0] + "…"
    return first


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
        if ym and mode in ("lead", "theme") and not desc:
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
    if has_partner_label and not title_lines and not theme_lines:
        paragraph = [l for l in desc if l.strip()]
        if len(paragraph) == 2:
            title_lines, partners = [paragraph[0]], repair(paragraph[1])
            description_lines = []
    cells = _join_cells(theme_lines)
    if labelled:
        theme = " / ".join(cells) if cells else None
        title = repair(" ".join(title_lines)) or None
        if theme and not title and "«" in theme:
            theme, title = None, " ".join(cells)  # a title in the theme cell (`« Pacte Oran Bordeaux »`)
    else:
        theme, title = None, None
        if len(cells) == 1:
            if map_domain(cells[0]):
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


# --- Contacts ----------------------------------------------------------------

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
                for c in targets:
                    c.phone = c.phone or (squash_spaces(phone) or None)
                    c.fax = c.fax or (squash_spaces(fax or "") or None)
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


def _set_name(contact: Contact, value: str) -> None:
    value = value.strip(" ,")
    if not value:
        return
    m = re.match(r"^(?P<name>[^,(]+?)\s*(?:[,(]\s*(?P<rest>.*?)\)?)?$", value)
    contact.name = squash_spaces(m.group("name")) if m else value
    if m and m.group("rest"):
        contact.role = f"{contact.role} ({m.group('rest').strip(' )')})"


# --- Assembling ------------------------------------------------------------------

def looks_like(text: str) -> bool:
    head = fold(text[:3000])
    return "cooperation decentralisee franco" in head and "algerienne" in head


def parse(text: str, document: str) -> ParseResult:
    result = ParseResult(document=document)
    try:
        _parse(text, document, result)
    except Exception as exc:  # the contract: never raise, report
        result.warnings.append(f"line 0: parser stopped on {type(exc).__name__}: {exc}")
    return result


def _parse(text: str, document: str, result: ParseResult) -> None:
    lines = text.splitlines()
    if not looks_like(text):
        result.warnings.append("line 1: not the Algerian decentralised-cooperation document")
    starts = _sheet_starts(lines)
    table_start = next((i for i, l in enumerate(lines) if "Etat d" in l and "avancement des partenariats" in l), None)
    rows = []
    if table_start is not None:
        table_end = starts[0][0] if starts else len(lines)
        rows = _read_table(lines, table_start + 1, table_end, document, result.warnings)
    sheets = []
    annex = next((i for i, l in enumerate(lines) if l.strip().startswith("ANNEXES")), len(lines))
    group = None
    for k, (fh, ph, lp) in enumerate(starts):
        for j in range((starts[k - 1][2] if k else 0), fh):
            gm = _GROUP_RE.match(lines[j].strip())
            if gm:
                up = fold(gm.group(1)).upper()
                group = "CR" if "REGIONAUX" in up else "CG" if "GENERAUX" in up else "V"
        end = (starts[k + 1][0] - 1) if k + 1 < len(starts) else annex - 1
        while end > lp and (not lines[end].strip() or _PAGE_RE.match(lines[end]) or _GROUP_RE.match(lines[end].strip())):
            end -= 1
        try:
            sheets.append(_read_sheet(lines, fh, ph, lp, end, group, document, result.warnings))
        except Exception as exc:
            result.warnings.append(f"line {fh + 1}: sheet not read ({type(exc).__name__}: {exc})")
    _share_group_contacts(sheets)
    _assemble(rows, sheets, result)


def _read_table(lines, start, end, document, warnings) -> list[dict]:
    rows = []
    for first, last, text, group in _table_rows(lines, start, end):
        french, partners, state = _split_row(text)
        if not french:
            warnings.append(f"line {first + 1}: table row not understood {text[:60]}")
            continue
        rows.append({"first": first, "last": last, "text": text, "french": french,
                     "partners": partners, "state": squash_spaces(state), "notes": []})
    _fix_shifted_state(rows)
    for r in rows:
        r["state"] = r["state"].rstrip(" .") or None
        r["source"] = SourceRef(document, r["first"] + 1, r["last"] + 1, None, TABLE_SECTION)
    return rows


def _read_sheet(lines, fh, ph, lp, end, group, document, warnings) -> dict:
    f_raw, f_pop = _split_population(lines[fh])
    p_raw, p_pop = _split_population(lines[ph])
    fp = french_party(f_raw, group)
    fp.population_text, fp.population = f_pop, _population(f_pop)
    projects_at = next((i for i in range(lp, end + 1) if lines[i].strip().startswith("Les projets")), end)
    running_at = next((i for i in range(projects_at, end + 1)
                       if lines[i].strip().startswith("Fonctionnement du partenariat")), end)
    contacts_at = [i for i in range(lp, end + 1) if lines[i].strip().startswith("CONTACTS et ADRESSES")]
    body_end = (contacts_at[0] - 1) if contacts_at else end
    fields = _fields(lines, lp + 1, projects_at - 1)
    fields.update(_fields(lines, running_at, body_end))
    get = {k: _flow(v[1]) for k, v in fields.items()}
    funding = _section_range(lines, running_at, body_end, "Sources de financement")
    funding_text = _flow(lines[funding[0] + 1: funding[1] + 1]) if funding else None
    if funding_text:
        funding_text = re.sub(r"^Budget\s+(?=Budget)", "", funding_text)
    # Contacts: French block, then partner block(s).
    french_contacts, partner_blocks = [], []
    for k, c0 in enumerate(contacts_at):
        c1 = (contacts_at[k + 1] - 1) if k + 1 < len(contacts_at) else end
        side = "partner" if "Algérie" in lines[c0] else "french"
        org, cs = parse_contacts(lines, c0, c1, side, warnings)
        if org and re.match(r"^XX\b", org) and not cs:
            warnings.append(f"line {c0 + 1}: empty contact template ({org})")
            continue
        if side == "french":
            french_contacts.extend(cs)
            _place_french(fp, org)
        else:
            partner_blocks.append((c0, org, cs))
    raw_partners = _split_partners(repair(p_raw).upper()) if re.search(r"\bET\b", p_raw) else [p_raw]
    partners = []
    for i, pr in enumerate(raw_partners):
        hint = "wilaya" if group == "CR" and len(raw_partners) > 1 else None
        party, notes = partner_party(pr, hint)
        if i == 0:
            party.population_text, party.population = p_pop, _population(p_pop)
        partners.append((party, notes))
    for c0, org, cs in partner_blocks:
        _place_partner(partners[0][0], org)
    projects = []
    for b0, b1 in _project_blocks(lines, projects_at, running_at - 1):
        try:
            proj = parse_project(lines, b0, b1)
        except Exception as exc:
            warnings.append(f"line {b0 + 1}: project not read ({type(exc).__name__})")
            continue
        proj["first"], proj["last"] = b0, b1
        proj["raw"] = "\n".join(lines[b0:b1 + 1])
        if not (proj["theme"] or proj["title"] or proj["description"]):
            warnings.append(f"line {b0 + 1}: empty project slot {lines[b0].strip()}")
            continue
        if proj["description"] and _NO_PROJECT_RE.match(proj["description"]) and not proj["theme"]:
            warnings.append(f"line {b0 + 1}: no project, only a statement {proj['description'][:60]}")
            proj["statement"] = True
        projects.append(proj)
    extra = {}
    for label, key in (("Atouts", "Atouts"), ("Difficultés", "Difficultés"), ("Observations", "Observations")):
        if get.get(label):
            extra[key] = get[label]
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
        "raw": "\n".join(lines[fh:end + 1]),
        "source": SourceRef(document, fh + 1, end + 1, None, "sheet"),
    }


def _place_french(party: Party, org: str | None) -> None:
    """`GRENOBLE, département de L'Isère (38)` -> subdivision; a mixed-case
    name with the same key gives the accents the header lost."""
    if not org:
        return
    name, _, place = org.partition(",")
    name = re.sub(r"^(Ville de|Commune de|Mairie de)\s+", "", name.strip(), flags=re.I).replace("’", "'")
    if name and name_key(name) == name_key(party.name) and not re.search(r"[A-Z]{3,}", name):
        party.name = squash_spaces(name)
    m = re.search(r"d[ée]partement\s+(?P<d>.*)$", place)
    if not m or party.kind != "commune":
        return
    d = re.sub(r"\(\d+\)", "", m.group("d"))
    d = re.sub(r"^(des|du|de\s*:|de la|de l\s*['’]|d\s*['‘’]|de)\s*", "", d.strip(), flags=re.I)
    d = re.sub(r"^(la|l['’])(?=[A-ZÉ])", "", d).strip(" :,")
    if not d:
        return
    d = _title_case(d)
    if _slug(d) in _FRENCH_REGIONS:
        party.region = d
    else:
        party.subdivision = d


def _place_partner(party: Party, org: str | None) -> None:
    if not org:
        return
    m = re.search(r"wilaya\s+(?:de|d['’])\s*(?P<w>[^,()]+)", org, re.I)
    if m and m.group("w").strip() and party.kind == "commune":
        party.region = _title_case(m.group("w").strip())


def _share_group_contacts(sheets: list[dict]) -> None:
    """Lyon's three sheets share one contact section at the end: each sheet
    takes the French contacts and the partner block naming its partner."""
    by_french: dict[str, list[dict]] = {}
    for s in sheets:
        by_french.setdefault(name_key(s["french"].name), []).append(s)
    for group in by_french.values():
        if len(group) < 2:
            continue
        french = next((s["french_contacts"] for s in group if s["french_contacts"]), [])
        blocks = [b for s in group for b in s["partner_blocks"]]
        donor = next((s["french"] for s in group if s["french"].subdivision or s["french"].region), None)
        for s in group:
            s["french_contacts"] = s["french_contacts"] or list(french)
            if donor is not None:
                s["french"].subdivision = s["french"].subdivision or donor.subdivision
                s["french"].region = s["french"].region or donor.region
            mine = [b for b in blocks if b[1] and name_key(b[1].split(",")[0]) in
                    (name_key(s["partners"][0][0].name), name_key(s["partners"][0][0].region or ""))]
            s["partner_blocks"] = mine


def _action(pid: str, n: int, proj: dict, document: str) -> Action:
    theme = proj["theme"]
    title = proj["title"] or (_first_sentence(proj["description"]) if proj["description"] else theme) or ""
    desc = proj["description"]
    doms = map_domain(theme) if theme else []
    doms = doms + [d for d in domains_of_text(f"{title} {desc or ''}") if d not in doms]
    years = sorted(set(proj["years"]) | set(years_in(f"{title} {desc or ''}")))
    status = _STATUS.get(proj["status_raw"] or "")
    return Action(
        id=action_id(pid, n), partnership_id=pid, title=title[:160], description=desc,
        domain_raw=theme, domains=[d for d in DOMAINS if d in doms], status=status, years=years,
        start=years[0] if years else None, end=years[-1] if years else None,
        budget=_money(desc), partners=proj["partners"],
        sources=[SourceRef(document, proj["first"] + 1, proj["last"] + 1, None, f"Projet {proj['n']}")],
        original_text=proj["raw"],
    )


def _objectives(start: str | None, now: str | None) -> str | None:
    parts = []
    if start:
        parts.append(f"Objectifs de départ : {start}")
    if now:
        parts.append(f"Objectifs actuels : {now}")
    return "\n".join(parts) or None


def _sheet_records(sheet: dict, document: str) -> list[tuple[Partnership, list[Action]]]:
    out = []
    for k, (partner, notes) in enumerate(sheet["partners"]):
        fp = Party(**vars(sheet["french"]))
        pid = partnership_id(fp.name, partner.name)
        contacts = list(sheet["french_contacts"])
        for _, _, cs in sheet["partner_blocks"]:
            contacts.extend(cs)
        p = Partnership(
            id=pid, french_party=fp, partner_party=partner, countries=[ALGERIA],
            legal_framework=sheet["convention"], formalized=_formal_year(sheet["convention"]),
            history=sheet["history"], objectives=_objectives(sheet["obj_start"], sheet["obj_now"]),
            contacts=contacts, partners=sheet["partners_text"], sources=[sheet["source"]],
            detail="sheet", notes=list(notes), extra=dict(sheet["extra"]), original_text=sheet["raw"],
            budget=_money(sheet["funding"]),
        )
        if p.history:
            ys = years_in(p.history)
            p.first_contact_year = ys[0] if ys else None
        if len(sheet["partners"]) > 1:
            others = ", ".join(o.name for o, _ in sheet["partners"] if o is not partner)
            p.notes.append(f"Fiche commune avec : {others}.")
        actions = []
        if k == 0:
            actions = [_action(pid, n, proj, document) for n, proj in enumerate(sheet["projects"], 1)]
        out.append((p, actions))
    return out


def _listed_records(row: dict) -> list[Partnership]:
    fp = french_party(row["french"])
    out = []
    for raw in row["partners"] or [None]:
        partner, notes = partner_party(raw) if raw else (None, [])
        p = Partnership(
            id=partnership_id(fp.name, partner.name if partner else None), french_party=Party(**vars(fp)),
            partner_party=partner, countries=[ALGERIA] if partner else [], status=row["state"],
            detail="listed", notes=notes + list(row["notes"]), sources=[row["source"]],
            formalized=_formal_year(row["state"]), original_text=row["text"],
        )
        if row["state"] and not p.legal_framework and p.formalized:
            p.legal_framework = row["state"]
        out.append(p)
    return out


def _merge_row(p: Partnership, listed: Partnership) -> None:
    p.sources.append(listed.sources[0])
    p.status = p.status or listed.status
    p.formalized = p.formalized or listed.formalized
    p.notes.extend(n for n in listed.notes if n not in p.notes)
    if listed.partner_party and p.partner_party and (
            listed.id != p.id or _slug(listed.partner_party.name) != _slug(p.partner_party.name)):
        p.notes.append(
            f"Le tableau d'avancement associe {listed.french_party.name_raw} à "
            f"{listed.partner_party.name_raw} ; la fiche est intitulée {p.partner_party.name_raw}.")


def _assemble(rows: list[dict], sheets: list[dict], result: ParseResult) -> None:
    records: dict[str, Partnership] = {}
    actions: list[Action] = []
    for sheet in sheets:
        for p, acts in _sheet_records(sheet, result.document):
            if p.id in records:
                result.warnings.append(f"line {sheet['first'] + 1}: second sheet for {p.id}")
                continue
            records[p.id] = p
            actions.extend(acts)
    sheet_ids = set(records)
    listed = [lp for row in rows for lp in _listed_records(row)]
    merged = set()
    for lp in listed:
        target = records.get(lp.id) if lp.id in sheet_ids else None
        if target is None and lp.partner_party is not None:
            # Same French side, partner spelt or chosen differently: the sheet wins.
            key = name_key(lp.french_party.name)
            candidates = [records[i] for i in sheet_ids if name_key(records[i].french_party.name) == key
                          and i not in merged and not any(s.section == TABLE_SECTION for s in records[i].sources)]
            if len(candidates) == 1 and not any(l2.id in sheet_ids for l2 in listed
                                                if name_key(l2.french_party.name) == key and l2 is not lp):
                target = candidates[0]
        if target is not None:
            _merge_row(target, lp)
            merged.add(target.id)
        elif lp.id in records:
            records[lp.id].sources.append(lp.sources[0])
        else:
            records[lp.id] = lp
    by_pid: dict[str, list[Action]] = {}
    for a in actions:
        by_pid.setdefault(a.partnership_id, []).append(a)
    for p in records.values():
        acts = by_pid.get(p.id, [])
        p.domains_raw = list(dict.fromkeys(a.domain_raw for a in acts if a.domain_raw))
        doms = set(map_domains(p.domains_raw)) | {d for a in acts for d in a.domains}
        p.domains = [d for d in DOMAINS if d in doms]
        years = {y for a in acts for y in a.years}
        if p.formalized:
            years.add(p.formalized)
        p.years = sorted(years)
    result.partnerships = list(records.values())
    result.actions = actions
    result.stats = {
        "table_rows": len(rows),
        "sheets": len(sheets),
        "empty_sheets": sum(1 for s in sheets if _is_empty(s)),
        "listed": sum(1 for p in records.values() if p.detail == "listed"),
        "merged": len(merged),
        "partnerships": len(records),
        "actions": len(actions),
    }


def _is_empty(sheet: dict) -> bool:
    return not any(sheet[k] for k in ("convention", "history", "obj_start", "obj_now", "partners_text",
                                      "projects", "funding")) and not sheet["extra"]
