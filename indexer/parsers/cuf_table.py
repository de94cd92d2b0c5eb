"""The actions tables of the Cités Unies France sheets (`Actions de coopération
réalisées …`), rebuilt row by row.

The extraction wrote these tables column by column, in bands: the domain cells
of a band, then its actions column, then its dates column, then its budget
column, each column a *segment* between two empty lines, where lines holding
only spaces keep the vertical gaps. Some bands were written row-wise instead
(`Santé Don de matériel médical 1999 350 000 €` on one line), and some split
a column into one segment per bullet. So:

1. each segment is cut into *cells* by cell grammar (a bullet, a number or a
   capital after a finished line starts a cell; a line after a connector word,
   an open parenthesis or before a lower-case start continues it), and each
   cell gets a kind: a domain label, an action, a dates cell (years,
   periodicity), a budget cell (amounts, `aux frais…`), a band heading;
2. one action record per action cell (a row holding several projects is
   several actions); a line mixing kinds is split (label, text, dates, amount);
3. dates and budget cells are given to the action rows still waiting for one,
   in order when their numbers agree, else by vertical position within the
   band (a monotone alignment of cell tops to row tops).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..domains import map_domain
from ..text import fold, squash_spaces
from . import fields

_HEADER_RE = re.compile(
    r"^(Domaines?|d.intervention|Actions? réalisée?s?|Date de début|(et )?périodicité|Budget|"
    r"Actions de coopération)\b", re.I)
_SECTION_RE = re.compile(r"^(AU MALI|EN FRANCE|AU BURKINA|AU [A-Z]{3,}|EN [A-Z]{4,})\s*:?$")
_TOTAL_RE = re.compile(r"^(TOTAL|Total\s*:|T\s*:)", re.I)
_NUMBER_RE = re.compile(r"^(\d{1,2})\s*[.)](?:\s|$)")
_BULLET_RE = re.compile(r"^(?:[-–•▪➤*]\s*|\d{1,2}\s*[.)]\s+|\d{1,2}\s*[.)]$)")
_MONTHS = (r"janv(?:ier|\.)?|f[ée]vr(?:ier|\.)?|mars|avril|avr\.|mai|juin|juil(?:let|\.)?|ao[uû]t|"
           r"sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?")
_PERIOD_WORDS = (r"chaque ann[ée]e|tous les ans|annuel\w*|par an\b|idem|en cours|[àa] la demande|[àa] l.[ée]tude|"
                 r"depuis le d[ée]marrage|depuis le d[ée]but|en projet|"
                 r"permanent\w*|ponctuel\w*|mensuel\w*|trimestriel\w*|\d\s*(?:à|a)\s*\d\s*(?:fois )?par an|"
                 r"sur deux ans|pendant \w+ ans|r[ée]guli[èe]re?ment")
_WHEN_RE = re.compile(rf"(?:19|20)\d\d|\b(?:{_MONTHS})\b|{_PERIOD_WORDS}|\b\d\d[-/]\d\d\b|\b0[1-9]/\d\d\b", re.I)
_NON_MONEY = re.compile(r"aux frais|[àa] leurs frais|\bdons?\b|gratuit|b[ée]n[ée]vol|offerts?|attente|b[ée]n[ée]fices|"
                        r"«\s*«|^\s*«|\bidem\b|non chiffr|pris en charge", re.I)
_CONNECT = re.compile(r"(\b(de|du|des|la|le|les|et|à|au|aux|en|pour|avec|sur|par|dans|d['’]|l['’]|un|une|ou|"
                      r"entre|vers|chez|sous)|[,(/+&–-])$", re.I)
CONNECT_WORDS = _CONNECT


@dataclass
class Cell:
    kind: str  # "domain", "action", "when", "budget", "section", "skip"
    lines: list[tuple[int, str]]
    top: int  # line index within its segment (vertical position)
    segment: int
    block: int  # blank-separated block within the segment

    @property
    def text(self) -> str:
        return squash_spaces(" ".join(t.strip() for _, t in self.lines))


@dataclass
class Row:
    """One project of the table."""

    domain: str | None
    cells: list[Cell] = field(default_factory=list)  # the action cell(s)
    when: list[Cell] = field(default_factory=list)
    budget: list[Cell] = field(default_factory=list)
    period: str | None = None  # a band heading's year ("Projets 2000")

    @property
    def lines(self) -> list[tuple[int, str]]:
        return sorted({ln for c in self.cells + self.when + self.budget for ln in c.lines})

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)


def is_when(text: str) -> bool:
    t = _BULLET_RE.sub("", text.strip())
    if not t or fields.amounts(t) and not re.fullmatch(r"[\d\s/–-]+", t):
        return False
    found = _WHEN_RE.findall(t)
    if not found:
        return False
    rest = _WHEN_RE.sub(" ", t)
    rest = re.sub(r"\b(de|du|au|à|a|et|le|en|depuis|dès|des|entre|début|fin|mi|courant|prévue?s?|"
                  r"jusqu.en|partir|puis|inauguration|démarré|démarrage|programme|réalisé\w*|"
                  r"réunion|chaque|tous|les|ans?|fois|mois|semaines?|jours?|pour|sur|environ)\b", " ", rest, flags=re.I)
    words = re.findall(r"[A-Za-zÀ-ÿ]{3,}", rest)
    return len(words) <= 2 and len(t) <= 45


def is_budget(text: str, bare: bool) -> bool:
    t = _BULLET_RE.sub("", text.strip())
    if not t:
        return False
    if _NON_MONEY.search(t) and len(t) < 45:
        return True
    if re.fullmatch(r"[\d\s.,/€()+=-]*\d[\d\s.,/€()+=-]*(?:/\s*an|par an)?", t) and not re.fullmatch(
            r"\s*(19|20)\d\d\s*", t):
        return True
    amounts = [a for a in fields.amounts(t) if a.currency]
    words = len(re.findall(r"[A-Za-zÀ-ÿ]{4,}", t))
    if not bare and re.match(r"^[A-Za-zÀ-ÿ]", t) and fields.years(t).found:
        return False  # a row written on one line: label, project, year, amount
    return bool(amounts) and (words <= 6 if bare else words <= 3 and len(t) < 60)


def is_domain(text: str, alone: bool = False) -> bool:
    """A domain label: upper case and naming a domain (`EAU :`, `SANTE`), or,
    standing alone in its cell's place (`alone`), a short label naming one."""
    if text.strip().startswith(("-", "•", "–")):
        return False
    t = text.strip(" :-")
    if not t or len(t) > 70 or fields.years(t).found:
        return False
    if not map_domain(t):
        return False
    letters = [c for c in t if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / len(letters) > 0.7
    return upper or (alone and len(t.split()) <= 8)


def _starts_cell(prev: str, line: str) -> bool:
    s = line.strip()
    if _BULLET_RE.match(s):
        return True
    if not prev:
        return True
    p = prev.strip()
    if _CONNECT.search(p) or p.count("(") > p.count(")") or p.endswith(":"):
        return False
    if _upper(p) and _upper(s) and len(p) < 40 and not re.search(r"\d", s):
        return False  # a heading on two lines
    if s[:1].islower() or s[:1] in "(&«»:;,)":
        return False
    if re.match(r"^(Avec|Pour|Par|Dans|Grâce|Via|Dont|Notamment|Ainsi)\b", s) and not _upper(p):
        return False  # a complement of the line above, not a new project
    return True


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
    """A segment cut into cells by cell grammar, each with its kind."""
    cells: list[Cell] = []
    block = 0
    prev = ""
    numbered = sum(bool(_NUMBER_RE.match(t.strip())) for _, t in seg) >= 2
    for top, (n, text) in enumerate(seg):
        s = text.strip()
        if not s:
            block += 1 if prev else 0
            prev = ""
            continue
        if _HEADER_RE.match(s) and len(s) < 90 and not fields.years(s).found:
            prev = ""
            continue
        cont = cells and prev and not _starts_cell(prev, s)
        if cont and not _CONNECT.search(prev) and kind_of(cells[-1].text) in ("when", "budget") \
                and kind_of(s) in ("when", "budget"):
            cont = False  # `2003à 2005` then `chaque année`: two cells of a dates column
        if numbered and cells:  # `1.`, `2.`…: a numbered cell runs to the next number
            cont = not _NUMBER_RE.match(s)
        if cont:
            cells[-1].lines.append((n, text))
        else:
            cells.append(Cell("action", [(n, text)], top, k, block))
        prev = s
    for i, c in enumerate(cells):
        c.kind = kind_of(c.text)
        first = c.lines[0][1].strip()
        if c.kind == "action" and len(c.lines) > 1 and _upper(first) and is_domain(first):
            c.kind = "domain"  # `EAU :` over its sub-items
        nxt = cells[i + 1] if i + 1 < len(cells) else None
        alone = len(cells) == 1 or (i == 0 and nxt is not None and nxt.block != c.block
                                    and _BULLET_RE.match(nxt.text))
        if c.kind == "action" and is_domain(c.text, alone):
            c.kind = "domain"
    if numbered and after in ("action", "when"):
        for c in cells:
            body_text = _NUMBER_RE.sub("", c.text).strip()
            if after == "when":
                c.kind = "budget"
            elif not body_text or is_when(body_text):
                c.kind = "when"
    kinds = [c.kind for c in cells]
    digits = sum(bool(re.match(r"^\d", _BULLET_RE.sub("", c.text))) or c.kind == "budget" for c in cells)
    if after == "when" and digits * 2 >= len(cells) and "action" in kinds:
        for c in cells:  # the budget column after a dates column: `2000`, `15000 pour les 2`
            if re.match(r"^\d", _BULLET_RE.sub("", c.text)) and c.kind in ("action", "when"):
                c.kind = "budget"
        kinds = [c.kind for c in cells]
    for kind, test, others in (
            ("budget", lambda t: bool(re.match(r"^\d", t)), ("action", "when")),
            ("when", lambda t: bool(fields.years(t).found), ("action",))):
        if kinds.count(kind) * 2 >= len(kinds) > 1:  # a dates or budget column: its odd cells too
            for c in cells:
                t = _BULLET_RE.sub("", c.text)
                if c.kind in others and test(t) and (c.kind == "action" or re.fullmatch(r"\d+", t)):
                    c.kind = kind
    if any(c.kind == "domain" for c in cells) and not {"when", "budget"} & set(kinds):
        for c in cells:  # upper-case headings beside domain headings are headings too
            if c.kind == "action" and _upper(c.text) and len(c.text) <= 60:
                c.kind = "domain"
    heads = [c for c in cells if c.kind == "domain"]
    if len(heads) >= 2 and not {"when", "budget"} & set(kinds):
        # a domain column: the lines under a heading are its sub-items, not projects
        merged: list[Cell] = []
        for c in cells:
            if c.kind in ("action", "domain") and merged and merged[-1].kind == "domain" and (
                    c.kind == "action" or _upper(merged[-1].lines[-1][1]) and _upper(c.text)
                    and c.block == merged[-1].block):
                merged[-1].lines += c.lines
            else:
                merged.append(c)
        cells = merged
    return cells


def _upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.7


@lru_cache(maxsize=8192)
def kind_of(text: str) -> str:
    if re.match(r"^(?:19|20)\d\d\b", text) and len(text.split()) <= 10 and not re.search(r"[a-zé]{4,}\s+[a-zé]{4,}", text):
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
# One-word domain labels that a row may carry in front of its project (`Santé Construction…`).
LABEL_WORDS = {"sante", "education", "eau", "culture", "agriculture", "elevage", "assainissement", "artisanat",
               "echanges", "jeunesse", "sport", "environnement", "hydraulique", "formation", "energie",
               "tourisme", "economie", "urbanisme", "gouvernance", "humanitaire", "hygiene", "infrastructures",
               "medical", "alphabetisation", "scolarisation"}
_TAIL_MONEY = re.compile(r"\s+((?:\d{1,3}(?:[ .]\d{3})+|\d+)(?:,\d+)?\s*(?:€|euros?|k€|F\s*CFA|FCFA|FF|E)\.?"
                         r"(?:\s*/\s*an|\s+par an)?)\s*$", re.I)
_TAIL_WHEN = re.compile(r"\s+((?:depuis|dès|en|de|entre|début|fin)?\s*(?:19|20)\d\d(?:\s*(?:[-–/,à]|et|au)\s*(?:(?:19|20)\d\d|\d\d))*"
                        r"(?:\s*\([^)]*\))?)\s*$", re.I)


def split_mixed(c: Cell) -> list[Cell]:
    """`Don de Bennes, camionnettes 1999, 2003 30 000 €`: a row written on one
    line -> its action, dates and budget cells (and a leading domain label)."""
    if c.kind != "action":
        return [c]
    text = c.text
    parts: list[Cell] = []
    money = when = None
    if len(c.lines) <= 2:
        m = _TAIL_MONEY.search(text)
        if m:
            money, text = m.group(1), text[:m.start()]
        m = _TAIL_WHEN.search(text)
        if m and len(text[:m.start()].split()) >= 2:
            when, text = m.group(1), text[:m.start()]
    label = None
    words = text.split()
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        if len(words) <= n + 1 or fold(words[n - 1]) in ("a", "de", "du", "des", "et", "la", "le", "les", "en", "au", "aux", "d", "l"):
            continue
        nxt = words[n]
        row_wise = money is not None or when is not None
        if is_domain(head, alone=row_wise and n <= 2) and (nxt[:1].isupper() or nxt[:1].isdigit() or nxt in "-–:") \
                or is_domain(head, alone=True) and nxt in ("-", "–") \
                or n == 1 and re.sub(r"[^a-z]", "", fold(head)) in LABEL_WORDS and nxt[:1].isupper():
            label, text = head, " ".join(words[n:])
            break
    if money is None and when is None and label is None:
        return [c]
    mk = lambda kind, t: Cell(kind, [(c.lines[0][0], t)], c.top, c.segment, c.block)  # noqa: E731
    if label:
        parts.append(mk("domain", label))
    parts.append(mk("action", text))
    if when:
        parts.append(mk("when", when))
    if money:
        parts.append(mk("budget", money))
    return parts


def align(rows: list[Row], cells: list[Cell], tops: dict[int, int]) -> list[tuple[Row, Cell]]:
    """Give each cell a row: in order when the counts agree, else by position
    (monotone, minimal distance between a cell's top and its row's top)."""
    if not rows or not cells:
        return []
    numbers = [_NUMBER_RE.match(r.text.strip()) for r in rows]
    cell_numbers = [_NUMBER_RE.match(c.text.strip()) for c in cells]
    if all(numbers) and all(cell_numbers):  # rows and cells numbered alike: by number
        out, used = [], set()
        for r, m in zip(rows, numbers):
            c = next((c for c, cm in zip(cells, cell_numbers) if cm.group(1) == m.group(1) and id(c) not in used), None)
            if c is not None:
                used.add(id(c))
                out.append((r, c))
        return out
    if len(rows) == len(cells):
        return list(zip(rows, cells))
    same_seg = len({r.cells[0].segment for r in rows}) == 1
    if not same_seg:
        return list(zip(rows, cells))
    by_block = _align_blocks(rows, cells)
    if by_block is not None:
        return by_block
    shift = cells[0].top - tops[id(rows[0])]
    n, m = len(rows), len(cells)
    INF = float("inf")
    skip = 3.0
    # cost[i][j]: best cost placing the first j cells among the first i rows
    cost = [[INF] * (m + 1) for _ in range(n + 1)]
    back: dict[tuple[int, int], tuple[int, int, bool]] = {}
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            c = cost[i][j]
            if c == INF:
                continue
            if i < n and c < cost[i + 1][j]:  # row i gets no cell
                cost[i + 1][j], back[(i + 1, j)] = c, (i, j, False)
            if j < m and c + skip < cost[i][j + 1]:  # cell j goes nowhere
                cost[i][j + 1], back[(i, j + 1)] = c + skip, (i, j, False)
            if i < n and j < m:
                d = c + abs(cells[j].top - shift - tops[id(rows[i])])
                if d < cost[i + 1][j + 1]:
                    cost[i + 1][j + 1], back[(i + 1, j + 1)] = d, (i, j, True)
    out = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj, used = back[(i, j)]
        if used:
            out.append((rows[pi], cells[pj]))
        i, j = pi, pj
    return out[::-1]


def _groups(items: list, key) -> list[list]:
    out: list[list] = []
    for it in items:
        if out and key(out[-1][-1]) == key(it):
            out[-1].append(it)
        else:
            out.append([it])
    return out


def _align_blocks(rows: list[Row], cells: list[Cell]) -> list[tuple[Row, Cell]] | None:
    """Blank-separated blocks of rows against blocks of cells: a block of rows
    takes the next block of cells when they are as many (or the first cells
    of a larger block: `2001-2005` / `2000/2004` for one row), else the next
    blocks together when they add up. None when the blocks do not agree."""
    rb = _groups(rows, lambda r: r.cells[0].block)
    cb = _groups(cells, lambda c: c.block)
    out: list[tuple[Row, Cell]] = []
    j = 0
    for group in rb:
        if j >= len(cb):
            return None
        take = list(cb[j])
        j += 1
        while len(take) < len(group) and j < len(cb) and len(take) + len(cb[j]) <= len(group):
            take += cb[j]
            j += 1
        if len(take) < len(group) or (len(take) > len(group) and len(group) > 1):
            return None
        out += list(zip(group, take))
    return out if j == len(cb) else None


def table_rows(body: list[tuple[int, str]]) -> list[Row]:
    """The rows of one actions table (body: its numbered lines, header included)."""
    rows: list[Row] = []
    tops: dict[int, int] = {}
    domains: list[Cell] = []  # the band's domain cells waiting for their rows
    band: list[Row] = []  # rows of the current band
    waiting = {"when": [], "budget": []}  # rows of the band still without a cell of that kind
    period: str | None = None
    last_kind = None
    segs = segments(body)
    for k, seg in enumerate(segs):
        cells = [p for c in cells_of(seg, k, last_kind) for p in split_mixed(c)]
        if not cells:
            continue
        if len(cells) == 1 and cells[0].kind == "domain" and last_kind == "domain" and not _upper(cells[0].text):
            cells[0].kind = "action"  # a lone cell after a domain cell is its project
        elif len(cells) == 1 and cells[0].kind in ("domain", "action") and len(cells[0].text) <= 80 \
                and k + 1 < len(segs):
            # a lone cell is a domain when text follows it, an action when dates or budget do
            nxt = [c.kind for c in cells_of(segs[k + 1], k + 1, "action")]
            if nxt and nxt[0] in ("when", "budget"):
                cells[0].kind = "action"
            elif nxt and nxt[0] == "action" and last_kind != "domain" and not _BULLET_RE.match(cells[0].text) \
                    and map_domain(cells[0].text):
                cells[0].kind = "domain"
        if k == len(segs) - 1 and last_kind == "when" and waiting["budget"] and \
                all(c.kind == "action" for c in cells):
            for c in cells:  # the table's last budget cell, written as prose
                c.kind = "budget"
        new_band = cells[0].kind in ("action", "domain") and last_kind in ("when", "budget")
        if new_band or cells[0].kind in ("section", "period"):
            band, domains = [], []
            waiting = {"when": [], "budget": []}
        tail_domains = []  # domain cells closing a dates or budget segment open the next band
        while len(cells) > 1 and cells[-1].kind == "domain" and cells[0].kind in ("when", "budget"):
            tail_domains.insert(0, cells.pop())
        seg_rows: list[Row] = []
        for c in cells:
            if c.kind == "section":
                continue
            if c.kind == "period":
                period = c.text
                domains = [c]
                continue
            if c.kind == "skip":
                continue
            if c.kind == "domain":
                domains.append(c)
                continue
            if c.kind == "action" and seg_rows and _PROSE_RE.match(c.text) and len(c.text) > 40 \
                    and c.text.rstrip().endswith((".", "!", ")")):
                seg_rows[-1].cells.append(c)  # a sentence about the project above, not a project
                continue
            if c.kind == "action" and (c.text.startswith("(") or re.match(r"^[a-zà-ÿ]", c.text)
                                       and len(c.text.split()) <= 4):
                if band:  # the end of a cell cut by the page or the extraction
                    band[-1].cells.append(c)
                continue
            if c.kind == "action":
                row = Row(domain=None, cells=[c], period=period)
                tops[id(row)] = c.top
                rows.append(row)
                band.append(row)
                seg_rows.append(row)
                waiting["when"].append(row)
                waiting["budget"].append(row)
                continue
            # a dates or budget cell
            pool = waiting[c.kind]
            if seg_rows and c.segment == seg_rows[-1].cells[0].segment and seg_rows[-1] in pool:
                getattr(seg_rows[-1], c.kind).append(c)  # a row written on one line
                pool.remove(seg_rows[-1])
        rest = {kind: [c for c in cells if c.kind == kind and not any(c in getattr(r, kind) for r in rows)]
                for kind in ("when", "budget")}
        if rest["when"] and not seg_rows:
            _first_column(band, rows, waiting, tops)
        if rest["when"] and len(waiting["when"]) == 1 and len(waiting["when"][0].cells) == 1:
            row = waiting["when"][0]
            lines = row.cells[0].lines
            if len(lines) == len(rest["when"]) > 1 and all(re.match(r"^[A-ZÉÈÀ]", t.strip()) for _, t in lines):
                # one cell, one line per date: `lines of a cell that have their own date` are projects
                parts = [Row(row.domain, [Cell("action", [ln], row.cells[0].top + i, row.cells[0].segment,
                                               row.cells[0].block)], period=row.period) for i, ln in enumerate(lines)]
                for part in parts:
                    tops[id(part)] = part.cells[0].top
                at = rows.index(row)
                rows[at:at + 1] = parts
                band[band.index(row):band.index(row) + 1] = parts
                waiting = {"when": list(parts), "budget": [p for p in waiting["budget"] if p is not row] + parts}
        for kind, cs in rest.items():
            if cs:
                for row, cell in align(waiting[kind], cs, tops):
                    getattr(row, kind).append(cell)
                waiting[kind] = []
        _give_domains(seg_rows, domains, tops)
        last_kind = "action" if seg_rows else (cells[-1].kind if cells else last_kind)
        if not seg_rows and rest["when"] or rest["budget"]:
            last_kind = "budget" if rest["budget"] else "when"
        if tail_domains:
            band, domains, last_kind = [], tail_domains, "domain"
            waiting = {"when": [], "budget": []}
    return rows


def _first_column(band: list[Row], rows: list[Row], waiting: dict, tops: dict[int, int]) -> None:
    """Two text columns before a dates column: the first is the domain column
    even when its labels name no domain (`Réhabilitation de forages profonds
    Guingui Foutougou` over its projects), so its cells are not projects."""
    segs = sorted({r.cells[0].segment for r in band})
    if len(segs) != 2 or any(r.domain for r in band):
        return
    first = [r for r in band if r.cells[0].segment == segs[0]]
    if len(first) > 3 or any(_BULLET_RE.match(r.text) or len(r.text) > 80 for r in first):
        return
    label = squash_spaces(" ".join(r.text for r in first))
    for r in first:
        rows.remove(r)
        band.remove(r)
        for pool in waiting.values():
            if r in pool:
                pool.remove(r)
    for r in band:
        r.domain = label if map_domain(label) else None


def _give_domains(rows: list[Row], domains: list[Cell], tops: dict[int, int]) -> None:
    """The band's domain cells over its rows: one per blank-separated block of
    rows when they are as many, else the last domain cell placed above the row."""
    if not rows or not domains:
        return
    blocks = sorted({r.cells[0].block for r in rows})
    if len(blocks) == len(domains) and len(domains) > 1:
        picks = [domains[blocks.index(r.cells[0].block)] for r in rows]
    else:
        picks = [([d for d in domains if d.segment < r.cells[0].segment or d.top <= tops[id(r)] + 1]
                  or domains)[-1] for r in rows]
    for r, d in zip(rows, picks):
        label = heading(d)
        r.domain = label if map_domain(label) else None


def heading(cell: Cell) -> str:
    """A domain cell's heading: its upper-case first lines (`EAU :` of `EAU :
    Adduction d'eau / Forages…`), else the whole cell."""
    head = []
    for _, line in cell.lines:
        if not _upper(line):
            break
        head.append(line.strip())
    out = " ".join(head) if head else cell.text
    return squash_spaces(out).strip(" :-/")


def status(text: str) -> str:
    f = fold(text)
    if re.search(r"en projet|a l.etude|prevu|a venir|envisage", f):
        return "en projet"
    if re.search(r"en cours|depuis|chaque annee|tous les ans|programme demarre", f):
        return "en cours"
    return "réalisé"


def dehyphen(text: str) -> str:
    return re.sub(r"(\w)- (\w)", lambda m: m.group(1) + m.group(2) if m.group(2).islower() else m.group(0), text)


def join_lines(lines: list[str]) -> str:
    """A cell's lines as one text: a line ending with a hyphen joins the next
    without a space and keeps the hyphen (`sages-` / `femmes`: table cells
    wrap at words, so such a hyphen belongs to a compound)."""
    out = ""
    for line in lines:
        t = squash_spaces(line)
        if not t:
            continue
        out = out + t if out.endswith("-") and not out.endswith(" -") else f"{out} {t}".strip()
    return out


def strip_number(text: str) -> str:
    return _NUMBER_RE.sub("", text.strip()).strip()


def title_of(text: str) -> str:
    """A project's title from its cell: bullets and numbering dropped, a budget
    or date in parentheses removed, trailing punctuation dropped."""
    t = _BULLET_RE.sub("", squash_spaces(text))
    t = re.sub(r"\s*\((?:[^()]*\d[^()]*(?:€|euros?|F\b|FF|FCFA)|\s*(?:19|20)\d\d\s*)\)", "", t)
    t = t.strip(" .;,:-…")
    if len(t) > 200:
        t = t[:198].rsplit(" ", 1)[0] + "…"
    return t
