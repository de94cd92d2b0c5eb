"""Cell grammar of the Cités Unies France actions tables: how the lines of one
column segment become cells, and what kind each cell is.

A segment (lines between two empty lines) is cut into cells: a bullet, a
number or a capital after a finished line starts a cell; a line after a
connector word, an open parenthesis or before a lower-case start continues it.
Each cell gets a kind: a domain label, an action, a dates cell (years,
periodicity), a budget cell (amounts, `aux frais…`), a band heading. A line
mixing kinds (`Santé Don de matériel médical 1999 350 000 €`) is split by
`cuf_mixed.py`. The cell's text as fields is `cuf_text.py`; column recovery (which cell
belongs to which row) is `cuf_table.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..column_heads import head_words
from ..domains import map_domain
from ..text import join_lines, squash_spaces
from . import dates, fields

# the table's header (`Domaines d’intervention`), not a row's label that opens like it (`Domaine de la santé`)
_HEAD = head_words(plural="s?", apostrophe=".")
HEADER_RE = re.compile(
    rf"^({_HEAD.domains}(?!\s+(?:de|du|des)\s)|{_HEAD.intervention}|{_HEAD.actions}|{_HEAD.start}|{_HEAD.periodicity}"
    rf"|{_HEAD.budget}|Actions de coopération)\b", re.IGNORECASE)
_SECTION_RE = re.compile(r"^(AU MALI|EN FRANCE|AU BURKINA|AU [A-Z]{3,}|EN [A-Z]{4,})\s*:?$")
_TOTAL_RE = re.compile(r"^(TOTAL|Total\s*:|T\s*:)", re.IGNORECASE)
NUMBER_RE = re.compile(r"^(\d{1,2})\s*[.)](?:\s|$)")
BULLET_RE = re.compile(r"^(?:[-–•▪➤*]\s*|\d{1,2}\s*[.)]\s+|\d{1,2}\s*[.)]$)")
_PERIOD_WORDS = (r"chaque ann[ée]e|tous les ans|annuel\w*|par an\b|idem|en cours|[àa] la demande|[àa] l.[ée]tude|"
                 r"depuis le d[ée]marrage|depuis le d[ée]but|en projet|"
                 r"permanent\w*|ponctuel\w*|mensuel\w*|trimestriel\w*|\d\s*(?:à|a)\s*\d\s*(?:fois )?par an|"
                 rf"(?:sur|pendant)\s+{fields.YEARS_LENGTH}|r[ée]guli[èe]re?ment")
_LENGTH_LED = re.compile(rf"^(?:sur|pendant|pour)\s+{fields.YEARS_LENGTH}", re.IGNORECASE)  # a start's length
_WHEN_RE = re.compile(rf"(?:19|20)\d\d|\b(?:{dates.MONTHS})\b|{_PERIOD_WORDS}|\b\d\d[-/]\d\d\b|\b0[1-9]/\d\d\b",
                      re.IGNORECASE)
NON_MONEY = re.compile(r"aux frais|[àa] leurs frais|\bdons?\b|gratuit|b[ée]n[ée]vol|offerts?|attente|b[ée]n[ée]fices|"
                        r"«\s*«|^\s*«|\bidem\b|non chiffr|pris en charge|budget global|int[ée]gr[ée] (?:dans|au)|"
                        r"^P\.?M\.?$|pour m[ée]moire", re.IGNORECASE)
# a line ending on one of these words (`En continu depuis` / `1987`, `Intégré dans un` / `budget global`)
# leaves its cell dangling: the next line goes on with it
_DANGLING_WORDS = (r"de|du|des|la|le|les|et|à|au|aux|en|pour|avec|sur|par|dans|d['’]|l['’]|un|une|ou|"
                   r"entre|vers|chez|sous|que|qui|dont|depuis|dès")
_CONNECT = re.compile(rf"(\b({_DANGLING_WORDS})|[,(/+&–-])$", re.IGNORECASE)
CONNECT_WORDS = _CONNECT
DANGLING = re.compile(rf"\b(?:{_DANGLING_WORDS})$", re.IGNORECASE)


@dataclass
class Cell:
    kind: str  # "domain", "action", "when", "budget", "section", "period", "skip", "label"
    lines: list[tuple[int, str]]
    top: int  # line index within its segment (vertical position)
    segment: int
    block: int  # blank-separated block within the segment
    anchor: Cell | None = None  # the dates cell an amount was written with (`Juillet 2007 4 000 €`)

    @property
    def text(self) -> str:
        return join_lines(t for _, t in self.lines)


@lru_cache(maxsize=8192)
def is_when(text: str) -> bool:
    t = BULLET_RE.sub("", text.strip())
    if not t or fields.amounts(t) and not re.fullmatch(r"[\d\s/–-]+", t):
        return False
    found = _WHEN_RE.findall(t)
    if not found:
        return False
    if re.search(r"[A-Za-zÀ-ÿ]{3,}.*\s\((?:19|20)\d\d\)$", t) and len(t.split()) >= 4:
        return False  # `décharge de transit à 3 km (2006)`: a project with its year
    if _COUNTED.match(t):
        return False  # `2 pompes 2003`: things done, counted, with their year
    aside = re.fullmatch(r"(.+?)\s*\([^()]{3,}\)", t)
    if aside and re.match(r"(?:tous les|chaque)\b", t, re.IGNORECASE) and is_when(aside.group(1)):
        return True  # `Tous les ans (dispositif bourse ou appel à projets)`: a periodicity and its aside
    rest = _WHEN_RE.sub(" ", t)
    rest = re.sub(r"\b(de|du|au|à|a|et|le|en|depuis|dès|des|entre|début|fin|mi|courant|prévue?s?|"
                  r"jusqu.en|partir|puis|inauguration|démarré|démarrage|programme|réalisé\w*|"
                  r"réunion|chaque|tous|les|ans?|fois|mois|semaines?|jours?|pour|sur|environ)\b", " ", rest,
                  flags=re.IGNORECASE)
    words = re.findall(r"[A-Za-zÀ-ÿ]{3,}", rest)
    if not re.search(rf"\d|\b(?:{dates.MONTHS})\b", t, re.IGNORECASE):
        return len(words) <= 1 and len(t) <= 45  # `Visites des projets en cours` is a project
    # a cell opening with its date may say more (`Depuis 1996, sur la base de programme triennal`)
    return len(words) <= 2 and (len(t) <= 45 or len(t) <= 60 and bool(_DATE_LED.match(t)))


def closes_range(text: str, at: int) -> bool:
    """The amount at `at` closes a range the text states (`de 75 à 150 €`): the project's words, not its budget."""
    return bool(re.search(r"\d\s*(?:à|a|et|ou|[-–])$", text[:at].rstrip()))


# an approximate amount (« plus ou moins »; cuf_mixed reads it after a row's dates) and what it is per:
# `+ou- 1 500 (par pers/sem.)`
ABOUT = r"(\+\s*ou\s*-|\+\s*/\s*-|±)\s*(?:\d{1,3}(?:[ .]\d{3})+|\d{3,})"
_ABOUT_AMOUNT = re.compile(ABOUT + r"(?:\s*\(?par\s[^()]{1,30}\)?)?\.?")


@lru_cache(maxsize=8192)
def is_budget(text: str, bare: bool) -> bool:
    t = BULLET_RE.sub("", text.strip())
    if not t:
        return False
    if NON_MONEY.search(t) and len(t) < 45 and not (re.match(r"^[A-ZÀ-Ý]", t) and dates.years(t).found):
        return True
    if re.fullmatch(r"[\d\s.,/€()+=-]*\d[\d\s.,/€()+=-]*(?:/\s*an|par an)?(?:\s*\((?:moyenne|estim\w*|environ)\))?",
                    t) and not re.fullmatch(
            r"\s*(19|20)\d\d\s*", t):
        return True
    if _ABOUT_AMOUNT.fullmatch(t):
        return True  # `+ou- 1 500 (par pers/sem.)`: an approximate amount and what it is per
    amounts = [a for a in fields.amounts(t) if a.currency]
    words = len(re.findall(r"[A-Za-zÀ-ÿ]{4,}", t))
    if not bare and re.match(r"^[A-Za-zÀ-ÿ]", t) and dates.years(t).found:
        return False  # a row written on one line: label, project, year, amount
    tail = TAIL_MONEY.search(" " + t)
    if not bare and tail and re.match(r"^[A-ZÀ-Ý]", t) and not _MONEY_WORDS.search(t) \
            and len(re.findall(r"[A-Za-zÀ-ÿ]{3,}", t[:tail.start()])) >= 2:
        return False  # `Alphabétisation Réhabilitation Ecole 20 000 Fr`: a row on one line
    return bool(amounts) and (words <= 6 if bare else words <= 3 and len(t) < 60)


@lru_cache(maxsize=8192)
def is_domain(text: str, alone: bool = False) -> bool:
    """A domain label: upper case and naming a domain (`EAU :`, `SANTE`), or,
    standing alone in its cell's place (`alone`), a short label naming one."""
    if text.strip().startswith(("-", "•", "–")):
        return False
    t = text.strip(" :-")
    if not t or len(t) > 70 or dates.years(t).found or TAIL_MONEY.search(" " + t):
        return False
    if t[0].islower():  # a label starts with a capital; `techniques de Mopti` ends the line above it
        return False
    if not map_domain(t):
        return False
    letters = [c for c in t if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / len(letters) > 0.7
    return upper or (alone and len(t.split()) <= 8)


def _starts_cell(prev: str, line: str) -> bool:
    s = line.strip()
    if BULLET_RE.match(s):
        return True
    if not prev:
        return True
    p = prev.strip()
    if _CONNECT.search(p) or p.count("(") > p.count(")") or p.endswith(":"):
        return False
    if re.match(r"^[AÀà] [A-ZÀ-Ý]", p) and p.endswith(";") and len(p) <= 40:
        return False  # `A Saguélé et à Komanfara ;`: a place in front of its project
    if re.search(r"\b[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?$", p) and re.match(r"^[A-ZÀ-Ý]{3,}\b", s) \
            and not upper(p):
        return False  # `Oumar Elhadji` / `TOURE et…`: a person's name wraps, first name then SURNAME
    if _NAME_CUT.search(p) and re.match(r"^[A-ZÀ-Ý][\w-]+\s*[:,)]", s):
        return False  # `Aide attribuée à Handicap` / `International :pour des actions`: a name cut in two
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]\.?", s) and not re.search(r"[.;:!?)]$", p):
        return False  # `fonctionnement des services : échange` / `D.G.S`: an acronym alone ends the line above
    if re.search(r"\b(?:[A-Z]\.){2,}$", p):
        return False  # `Commandé à l’O.N.G.` / `C.P.F.M. de Sévaré`: an acronym's stops end no cell
    if upper(p) and upper(s) and len(p) < 40 and not re.search(r"\d", s):
        return False  # a heading on two lines
    if re.match(r"^\(\d", s) and re.search(r"(?:€|FF|euros?|FCFA)\s*\.$", p, re.IGNORECASE):
        return True  # `5.488 €.` then `(33.840 FF) ou`: the next amount of a budget column
    if _UNIT_ALONE.match(s) and re.search(r"\d\s*(?:millions?|milliards?)?$", p):
        return False  # `25 millions` / `CFA`: the amount's unit on the next line
    if s[:1].islower() and len(s.split()) >= 4 and is_budget(p, True) and fields.amounts(p) \
            and not _MONEY_WORDS.match(s):
        return True  # `6 000,00 €` / `mieux faire connaître…`: an amount alone, then the text it cut
    if s[:1].islower() or s[:1] in "(&«»:;,)":
        return False
    complement = re.match(r"^(Avec|Pour|Par|Dans|Grâce|Via|Dont|Notamment|Ainsi|Et)\b", s) and not upper(p)
    return not complement  # a complement of the line above is no new project


# a line ending on a name's first word after its preposition (`Aide attribuée à Handicap`)
_NAME_CUT = re.compile(r"\b(?:à|de|du|des|par|pour|avec|au|aux)\s+[A-ZÀ-Ý][\w-]+$")
# A capitalised noun of doing and its complement (`Construction de puisards`, `Formations du
# personnel`, `Equipement de locaux`): a project of its own, even short, not the end of the line above.
NAMES_A_TASK = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:tions?|ments?|ages?)\s+(?:de|du|des|d['’])\s*\w")


def _wrapped_tail(prev: str, line: str) -> bool:
    """A short line (three words at most, not opening a `Place :` cell) after
    an unfinished line of a cell that already wraps ends that cell rather than
    starting a project."""
    return not re.search(r"[.;:!?)…]$", prev) and (len(line.split()) <= 3 and len(line) <= 25 or len(line) <= 20) \
        and not line.rstrip().endswith(":") and not NAMES_A_TASK.match(line.strip()) \
        and not BULLET_RE.match(line) and kind_of(line) in ("action", "domain")


def segments(body: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Runs of lines between empty lines (a line of spaces is a gap inside a segment)."""
    out: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    for n, text in body:
        if text == "":
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append((n, text))
    if cur:
        out.append(cur)
    return out


def cells_of(seg: list[tuple[int, str]], k: int, after: str | None = None) -> list[Cell]:
    """A segment cut into cells by cell grammar, each with its kind (`after`:
    the kind of the segment before, `header` when it held only the header)."""
    numbered = sum(bool(NUMBER_RE.match(t.strip())) for _, t in seg) >= 2
    cells = _cut(seg, k, after, numbered)
    for i, c in enumerate(cells):
        c.kind = _own_kind(cells, i)
    if numbered and after in ("action", "when"):
        _numbered_column(cells, after)
    if after == "when":
        _budget_after_dates(cells)
    _odd_cells(cells)
    _headings_beside_domains(cells)
    return column_cells(_domain_column(cells), after)


def _cut(seg: list[tuple[int, str]], k: int, after: str | None, numbered: bool) -> list[Cell]:
    """The segment's lines as cells (all `action` until kinds are read): the
    header lines left out, a line continuing the cell above unless it starts one."""
    cells: list[Cell] = []
    block = 0
    prev = ""
    in_header = after == "header"
    bulleted = sum(bool(re.match(r"^[-–•▪➤*]", t.strip())) for _, t in seg) >= 2
    for top, (n, text) in enumerate(seg):
        s = text.strip()
        if not s:
            block += 1 if prev else 0
            prev = ""
            continue
        dangling = bool(cells and prev and DANGLING.search(prev))  # `Intégré dans un` / `budget global`
        if HEADER_RE.match(s) and len(s) < 90 and not dates.years(s).found and not dangling:
            prev, in_header = "", True
            continue
        if in_header and re.match(r"^[a-zà-ÿ(]", s) and not dates.years(s).found:
            continue  # `Actions réalisées` / `par des opérateurs du NPDC…`: the header goes on
        in_header = False
        if cells and (_continues(cells[-1], prev, s, numbered) or bulleted and _bullet_goes_on(cells[-1], prev, s)):
            cells[-1].lines.append((n, text))
        else:
            cells.append(Cell("action", [(n, text)], top, k, block))
        prev = s
    return cells


def _continues(last: Cell, prev: str, s: str, numbered: bool) -> bool:
    """Line `s` goes on with the cell `last`, whose last line is `prev` (empty after a gap)."""
    if numbered:  # `1.`, `2.`…: a numbered cell runs to the next number
        return not NUMBER_RE.match(s)
    cont = bool(prev) and not _starts_cell(prev, s)
    if cont and not _CONNECT.search(prev) and not s.startswith("(") \
            and kind_of(last.text) == kind_of(s) and kind_of(s) in ("when", "budget") and not _LENGTH_LED.match(s):
        cont = False  # `2003à 2005` then `chaque année`: two cells of a dates column (`2006` / `sur 2 ans`: one)
    if not cont and prev and len(last.lines) >= 2 and _wrapped_tail(prev, s):
        cont = True  # `…de la Région` / `Mulhousienne`: the last words of a wrapped cell
    return cont


def _bullet_goes_on(last: Cell, prev: str, s: str) -> bool:
    """Among dashed items, a short line without a dash after an unfinished line ends the item above
    (`- Participation au réseau Liane` / `Coopération et au CRDTM.`): a new item has its dash (a
    longer line is the item's description: `cuf_table`)."""
    return bool(prev) and bool(re.match(r"^[-–•▪➤*]", last.text.strip())) and not re.search(r"[.;:!?)…]$", prev) \
        and re.match(r"^[A-ZÀ-Ý]", s) is not None and kind_of(s) == "action" and kind_of(prev) == "action" \
        and len(s.split()) <= 4 and len(s) <= 30 and not is_domain(s, alone=True) and not is_prose(s)


def _own_kind(cells: list[Cell], i: int) -> str:
    """Cell i's kind from its own text, a label read as a domain when it is
    one: a heading over its sub-items, or a short or narrow label alone."""
    c = cells[i]
    kind = kind_of(c.text)
    first = c.lines[0][1].strip()
    if kind == "action" and len(c.lines) > 1 and upper(first) and is_domain(first):
        kind = "domain"  # `EAU :` over its sub-items
    nxt = cells[i + 1] if i + 1 < len(cells) else None
    alone = len(cells) == 1 or (i == 0 and nxt is not None and nxt.block != c.block
                                and BULLET_RE.match(nxt.text))
    # alone, a label is short or narrow (`Construction et équipement de deux centres de santé` is a project)
    alone = bool(alone) and (len(c.text.split()) <= 4 or max(len(t.strip()) for _, t in c.lines) <= 28)
    if kind == "action" and is_domain(c.text, alone):
        kind = "domain"
    return kind


def _numbered_column(cells: list[Cell], after: str) -> None:
    """Numbered cells after an actions column are its dates (or, bare, nothing
    but their number); after a dates column, its amounts."""
    for c in cells:
        body_text = NUMBER_RE.sub("", c.text).strip()
        if after == "when":
            c.kind = "budget"
        elif not body_text or is_when(body_text):
            c.kind = "when"


def _budget_after_dates(cells: list[Cell]) -> None:
    """The budget column after a dates column: `2000`, `15000 pour les 2`."""
    digits = sum(bool(re.match(r"^\d", BULLET_RE.sub("", c.text))) or c.kind == "budget" for c in cells)
    if digits * 2 >= len(cells) and any(c.kind == "action" for c in cells):
        for c in cells:
            if re.match(r"^\d", BULLET_RE.sub("", c.text)) and c.kind in ("action", "when"):
                c.kind = "budget"


def _odd_cells(cells: list[Cell]) -> None:
    """A dates or budget column (half its cells or more): its odd cells too,
    counted on the kinds as they were before either column took its own."""
    kinds = [c.kind for c in cells]
    for kind, test, others in (
            ("budget", lambda t: bool(re.match(r"^\d", t)), ("action", "when")),
            ("when", lambda t: bool(dates.years(t).found), ("action",))):
        if kinds.count(kind) * 2 >= len(kinds) > 1:
            for c in cells:
                t = BULLET_RE.sub("", c.text)
                if c.kind in others and test(t) and (c.kind == "action" or re.fullmatch(r"\d+", t)) \
                        and not (kind == "when" and _one_line_row(t)):
                    c.kind = kind


def _one_line_row(text: str) -> bool:
    """`Échange d’infirmières (convention) 2002-2003`: a project written with its dates, on one line."""
    m = TAIL_WHEN.search(text)
    if m is None:
        return False
    head = text[:m.start()]
    return not date_led(head) and len(re.findall(r"[A-Za-zÀ-ÿ]{3,}", head)) >= 2 and bool(re.match(r"^[A-ZÀ-Ý]", text))


def _headings_beside_domains(cells: list[Cell]) -> None:
    """Upper-case headings beside domain headings are headings too (no dates or budget among them)."""
    if any(c.kind == "domain" for c in cells) and not _dated(cells):
        for c in cells:
            if c.kind == "action" and upper(c.text) and len(c.text) <= 60:
                c.kind = "domain"


def _domain_column(cells: list[Cell]) -> list[Cell]:
    """A domain column (two headings or more, no dates or budget): the lines
    under a heading are its sub-items, not projects."""
    if sum(c.kind == "domain" for c in cells) < 2 or _dated(cells):
        return cells
    merged: list[Cell] = []
    for c in cells:
        if c.kind in ("action", "domain") and merged and merged[-1].kind == "domain" and (
                c.kind == "action" or upper(merged[-1].lines[-1][1]) and upper(c.text)
                and c.block == merged[-1].block):
            merged[-1].lines += c.lines
        else:
            merged.append(c)
    return merged


def _dated(cells: list[Cell]) -> bool:
    return any(c.kind in ("when", "budget") for c in cells)


# a count of things before a year (`2 pompes 2003`), not a day of a month nor a length of time
_COUNTED = re.compile(rf"^\d{{1,3}}\s+(?!(?:{dates.MONTHS}|ans?|mois|fois|jours?|semaines?|trimestres?|semestres?|"
                      r"ann[ée]es?|er|[èe]me)\b)[a-zà-ÿ]{3,}")
_DATE_LED = re.compile(rf"^\W*(?:\S+\s+){{0,3}}?(?:(?:19|20)\d\d|(?:{dates.MONTHS})\b)", re.IGNORECASE)
# an amount opens the cell, not a list number before words (`2. Gestion des déchets`: a numbered row label)
_AMOUNT_LED = re.compile(r"^\W*\(?\d(?!\d?\s*[.)]\s*[^\W\d])")
_UNIT_ALONE = re.compile(r"^(?:de\s+)?(?:F\s*CFA|FCFA|CFA|€|euros?|FF|Francs?(?:\s+CFA)?|F)\s*\.?$", re.IGNORECASE)
_YEAR_SPAN = re.compile(r"^\W*(?:19|20)\d\d\s*(?:[-–/à]|et)\s*(?:19|20)?\d\d\b")  # `2005-2008`: dates
# `Du 14 au 24 janvier`: its year below
_UNFINISHED = re.compile(rf"(?:\b(?:{dates.MONTHS})|\b\d{{1,2}})\W*$", re.IGNORECASE)


# a narrow cell alone ending on when it closes (`Fin consolidation` / `et perspective` / `retrait fin 2007`)
_ENDS_DATED = re.compile(rf"\b(?:fin|d[ée]but|courant|mi|depuis|d[èe]s|jusqu.en|(?:{dates.MONTHS}))"
                         r"\W*(?:19|20)\d\d\W*$", re.IGNORECASE)


def date_led(text: str) -> bool:
    """A dates cell, or a cell that opens with a date (`Dès 1992 – Vaccinations
    arrêtées…`, `Novembre 2006 premiers travaux…`, `Signée le 14 janv.2000`)."""
    return kind_of(text) == "when" or bool(_DATE_LED.match(text[:40])) and not _COUNTED.match(text)


def column_cells(cells: list[Cell], after: str | None) -> list[Cell]:
    """A segment's cells read as the column it stands for. After an actions
    segment, a narrow segment opening with a date is the dates column: its lines that
    are not dates comment the date above (`Début 1993` / `Exploitation`), a
    year alone finishes a date without one (`Du 14 au 24 janvier` / `2002`).
    After a dates segment, a segment opening with an amount (or a label over
    one: `Phase 1` / `20 000 Euros`) is the budget column, and such a label is
    no amount of its own."""
    if not cells or cells[0].kind not in ("when", "action", "budget"):
        return cells
    narrow = max(len(t.strip()) for c in cells for _, t in c.lines) <= 28  # a dates column's width
    ends_dated = len(cells) == 1 and narrow and bool(_ENDS_DATED.search(cells[0].text))
    if after == "action" and (date_led(cells[0].text) or ends_dated) \
            and (narrow or all(c.kind == "when" for c in cells)):
        out: list[Cell] = []
        for c in cells:
            if c.kind in ("domain", "section", "period", "skip", "budget") or BULLET_RE.match(c.text):
                out.append(c)
            elif not out or out[-1].kind != "when" or out[-1].block != c.block or date_led(c.text) and (
                    not _UNFINISHED.search(out[-1].text) or not re.match(r"^(?:19|20)\d\d\b", c.text)):
                c.kind = "when"
                out.append(c)
            else:
                out[-1].lines += c.lines
        return out
    label = lambda c: c.kind in ("action", "when") and len(c.text.split()) <= 3
    if after == "when" and (cells[0].kind == "budget" or _AMOUNT_LED.match(cells[0].text)
                            and not _YEAR_SPAN.match(cells[0].text)
                            or len(cells) > 1 and label(cells[0]) and cells[1].kind == "budget"):
        out = []
        for i, c in enumerate(cells):
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if c.kind == "skip" and re.match(r"^total\s*:", c.text) and out and out[-1].kind == "budget" \
                    and fields.amounts(c.text):
                out[-1].lines += c.lines  # `dons+qq Ff` … `total :146616€`: the cell's own total
                continue
            if c.kind == "budget" or _AMOUNT_LED.match(c.text):
                c.kind = "budget"
                if out and out[-1].kind == "label" and out[-1].block == c.block:
                    c.top = out[-1].top  # the amount stands where its label starts
            elif c.kind in ("action", "when") and label(c) and nxt is not None and nxt.kind == "budget":
                c.kind = "label"  # `Phase 1` over `20 000 Euros`: a label, not an amount
            out.append(c)
        return out
    return cells


def dates_inside(cell: Cell) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """A dates cell of words printed inside the project it dates, at the project's cut (`Actions
    menées` / `depuis le début et` / `poursuivies depuis.` / ` plantations d’arbres – …`): its narrow
    lines up to the sentence's end, and the lower-case rest of the project. None when the cell
    has no such sentence before a lower-case line."""
    lines = cell.lines
    if cell.kind != "action":
        return None
    for j in range(min(len(lines) - 1, 4)):
        if len(lines[j][1].strip()) > 28:
            return None
        if lines[j][1].strip().endswith(".") and lines[j + 1][1].strip()[:1].islower():
            return lines[:j + 1], lines[j + 1:]
    return None


def upper(text: str) -> bool:
    """Written mostly in capitals (over seven in ten of its letters), as labels and headings are."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.7


@lru_cache(maxsize=8192)
def kind_of(text: str) -> str:
    if not re.sub(r"[-–—•\s]", "", text):
        return "skip"  # a dash alone: an empty cell
    if re.match(r"^(?:19|20)\d\d\b", text) and len(text.split()) <= 10 \
            and not re.search(r"[a-zé]{4,}\s+[a-zé]{4,}", text):
        return "when"  # `2003, 2005, 2006 +ou- 1500 (par pers)`: a dates cell, with an amount
    if _SECTION_RE.match(text):
        return "section"
    if _TOTAL_RE.match(text):
        return "skip"
    if re.match(r"^Projets?\s+(?:19|20)\d\d\b", text):
        return "period"
    if is_when(text):
        return "when"
    if is_budget(text, False):
        return "budget"
    if is_domain(text):
        return "domain"
    return "action"


_PROSE_RE = re.compile(r"^(Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|Les|La|Le|L['’]|Une?|On|Nous|Cela|Grâce)\b")
_VERB_RE = re.compile(r"\b(?:ont|a)\s+(?:été|eu)\b|\b(?:sont|est|seront|sera|était|étaient)\b")


def is_prose(text: str, after_prose: bool = False) -> bool:
    """A sentence about the project above rather than a project: it opens
    with a determiner or a pronoun, states something (`2 classes ont été
    construites…`) or exclaims; after such a sentence, a finished line too."""
    t = text.strip()
    if BULLET_RE.match(t):
        return False
    return bool(_PROSE_RE.match(t) and len(t.split()) >= 6 or _VERB_RE.search(t) and len(t.split()) >= 5
                or t.endswith("!") or after_prose and (t.endswith((".", "…", "!")) or bool(DANGLING.search(t))))
_MONEY_WORDS = re.compile(r"total|soit|dont|\bpour\b|\bsur\b|co[uû]t|montant|budget|financ|particip|subvention|"
                          r"apport|estim|environ|\bpar\b|\bet\b", re.IGNORECASE)
# an amount ending the text (`20 000 Fr`, `5 millions de franc CFA`)
TAIL_MONEY = re.compile(r"\s+((?:\d{1,3}(?:[ .]\d{3})+|\d+)(?:,\d+)?(?:\s*(?:millions?|milliards?)(?:\s+de)?)?"
                         r"\s*(?:€|euros?|k€|F\s*CFA|FCFA|FF|Frs?|francs?(?:\s+CFA)?|E)\.?"
                         r"(?:\s*/\s*an|\s+par an)?)\s*$", re.IGNORECASE)
# `Cartographie 2006-2007 12 747`: a bare amount after the row's dates
TAIL_BARE = re.compile(r"(?<=(?:19|20)\d\d)\s+((?:\d{1,3}(?:[ .]\d{3})+|\d{3,}))\s*$")
TAIL_WHEN = re.compile(r"\s+((?:depuis|dès|en|de|entre|début|fin)?\s*"
                        r"(?:19|20)\d\d(?:\s*(?:[-–/,à]|et|au)\s*(?:(?:19|20)\d\d|\d\d))*"
                        r"(?:\s*\([^)]*\))?)\s*$", re.IGNORECASE)


def heading(cell: Cell) -> str:
    """A domain cell's heading: its upper-case first lines (`EAU :` of `EAU :
    Adduction d'eau / Forages…`), else the whole cell."""
    head = []
    for _, line in cell.lines:
        if not upper(line):
            break
        head.append(line.strip())
    out = " ".join(head) if head else cell.text
    return squash_spaces(out).strip(" :-/")
