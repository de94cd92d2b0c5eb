"""A row of a Cités Unies France actions table, and how the cells of a dates
or budget column are given to rows (`align`): by number, in order, by
blank-separated blocks, or by vertical position (a monotone alignment of cell
tops to row tops). The table reader is `cuf_table.py`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..text import YEAR_RE
from . import dates
from .cuf_cells import BULLET_RE, NUMBER_RE, Cell


@dataclass
class Row:
    """One project of the table."""

    domain: str | None
    cells: list[Cell] = field(default_factory=list)  # the action cell(s)
    when: list[Cell] = field(default_factory=list)
    budget: list[Cell] = field(default_factory=list)
    period: str | None = None  # a band heading's year ("Projets 2000")
    label: Cell | None = None  # its cell in a first column of headings
    lead: bool = False  # a lead-in over the projects (`Par la ville d’Alençon, à Koutiala:`): no project
    intro: Cell | None = None  # the lead-in its item completes (`Appui institutionnel à l’ARK :` / `- en logistique`)

    @property
    def lines(self) -> list[tuple[int, str]]:
        intro = [self.intro] if self.intro else []
        return sorted({ln for c in intro + self.cells + self.when + self.budget for ln in c.lines})

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)


def as_written(lines: list[tuple[int, str]], raw: dict[int, str]) -> str:
    """A row's cells as its source lines write them: one line per source line, its cells in the order
    they stand on it (Allonnes–Sangha l.706 `2005 3000  Euros`: the dates and budget cells, one line,
    not `2005` / `3000 Euros`)."""
    by_line: dict[int, list[str]] = {}
    for n, t in lines:
        by_line.setdefault(n, []).append(t)
    out = []
    for n, pieces in sorted(by_line.items()):
        # a cell the reader joined over a cut line (`Mise à disposition d’un véhicule et de` / `matériel
        # informatique 2008 en cours`) stands where it opens, the cells after it on the lines below
        source = " ".join(raw.get(k, "") for k in range(n, n + 3))
        at = {t: _where(t.strip(), source) for t in pieces}
        out.append(" ".join(sorted(pieces, key=lambda t: (at[t] < 0, at[t]))) if len(pieces) > 1 else pieces[0])
    return "\n".join(out)


def _where(piece: str, source: str) -> int:
    """Where a cell's text stands in its source lines: the whole text, else its first words."""
    at = source.find(piece)
    return at if at >= 0 else source.find(piece[:12])


def split_dated_lines(row: Row) -> list[Row]:
    """A project cell whose lines are several items, each with its own dates cell (`Construction.
    d’1 jardin d’enfants à Kla,` / `d’1 Maison d’accueil (Maison d’Alençon).` beside `1983-1984` /
    `1985-1986`): one row per item, each with its dates and, when the amounts are as many, its
    amount (else the row's amounts go to the first). Items end where a line closes a clause
    (`,` `.` `;` `…`); the cell is split only when the items and the dates cells are as many."""
    k = len(row.when)
    if k < 2 or len(row.cells) != 1 or len(row.cells[0].lines) < k:
        return [row]
    cell = row.cells[0]
    chunks: list[list[tuple[int, str]]] = [[]]
    for n, (line, text) in enumerate(cell.lines):
        chunks[-1].append((line, text))
        if n + 1 < len(cell.lines) and text.strip().endswith((",", ".", ";", "…")):
            chunks.append([])
    if len(chunks) != k:
        return [row]
    out = []
    for i, chunk in enumerate(chunks):
        part = Cell(cell.kind, chunk, cell.top + cell.lines.index(chunk[0]), cell.segment, cell.block)
        budget = [row.budget[i]] if len(row.budget) == k else (list(row.budget) if i == 0 else [])
        out.append(Row(domain=row.domain, cells=[part], when=[row.when[i]], budget=budget, period=row.period,
                       label=row.label, intro=row.intro))
    return out


def align(rows: list[Row], cells: list[Cell], tops: dict[int, int],
          stretch: float | None = None, heights: Sequence[int] = ()) -> list[tuple[Row, Cell]]:
    """Give each cell a row: in order when the counts agree, else by position
    (`_by_spans`; with `stretch`, the cells' column is scaled to the rows'
    column, taller because it holds one cell per project where the others hold
    one per heading, and matched one to one). `heights`: each segment's number
    of lines, to stack rows written one segment each."""
    if not rows or not cells:
        return []
    numbers = [NUMBER_RE.match(r.text.strip()) for r in rows]
    cell_numbers = [NUMBER_RE.match(c.text.strip()) for c in cells]
    if all(numbers) and all(cell_numbers):  # rows and cells numbered alike: by number
        out, used = [], set()
        for r, m in zip(rows, numbers, strict=True):  # numbers: one per row
            c = next((c for c, cm in zip(cells, cell_numbers, strict=True)
                      if cm and m and cm.group(1) == m.group(1) and id(c) not in used), None)
            if c is not None:
                used.add(id(c))
                out.append((r, c))
        return out
    if len(rows) == len(cells):
        return list(zip(rows, cells, strict=True))
    same_seg = len({r.cells[0].segment for r in rows}) == 1
    if not same_seg:
        stacked = _stacked(rows, tops, heights)
        if stacked is not None and len({c.segment for c in cells}) == 1:
            return [(rows[i], cells[j]) for i, j in _by_spans(stacked, [c.top for c in cells])]
        return list(zip(rows, cells, strict=False))  # in order, the extra rows or cells left without
    by_block = _align_blocks(rows, cells)
    if by_block is not None:
        return by_block
    row_tops = [tops[id(r)] for r in rows]
    cell_tops = [c.top for c in cells]
    if stretch:
        return [(rows[i], cells[j]) for i, j in monotone(row_tops, [t * stretch for t in cell_tops])[1]]
    # the columns as written: a dates or budget line belongs to the project whose first line
    # is at or just above it (`2003` / `de 1989 à 2002` / `2002 et 2004` beside one project)
    return [(rows[i], cells[j]) for i, j in _stated_years(rows, cells, _by_spans(row_tops, cell_tops))]


def _stated_years(rows: list[Row], cells: list[Cell], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A dates cell that is only a year goes to the next project when that project states the year
    in its own words and the one above does not (`2002` beside `Appui à 1 bibliothèque…`, over
    `Idem en 2002 par un Chantier Jeunes…`): the columns drift, the words do not."""
    taken = {i for i, _ in pairs}
    out = []
    for i, j in pairs:
        m = re.fullmatch(r"(?:19|20)\d\d", cells[j].text.strip())
        if m and i + 1 < len(rows) and i + 1 not in taken and re.search(rf"\b{m.group()}\b", rows[i + 1].text) \
                and not re.search(rf"\b{m.group()}\b", rows[i].text):
            taken.add(i + 1)
            i += 1
        out.append((i, j))
    return out


def _stacked(rows: list[Row], tops: dict[int, int], heights: Sequence[int]) -> list[float] | None:
    """Rows written one segment after another (each project a segment: `- Construction de 6
    CLAEC` / 4 lines, `- 6 CESCOM` / 2 lines…) stand one under the other: a row's height is
    its segment's top plus the lines of the row segments before it. None without the heights,
    when a segment holds several rows or when the rows' segments do not follow one another."""
    segs = sorted({r.cells[0].segment for r in rows})
    if not heights or len(segs) != len(rows) or segs != list(range(segs[0], segs[-1] + 1)) \
            or segs[-1] >= len(heights):
        return None
    start = {s: sum(heights[segs[0]:s]) for s in segs}
    return [start[r.cells[0].segment] + tops[id(r)] for r in rows]


def _by_spans(rows: Sequence[float], cells: Sequence[float], skip: float = 3.0,
              again: float = 0.75) -> list[tuple[int, int]]:
    """Each cell to the row whose height holds it (from its first line down to the
    next row's), several cells to one row allowed at a small cost each, the rows
    taken in order; a cell far from every row is left out."""
    n, m = len(rows), len(cells)
    ends = [rows[i + 1] - 1 if i + 1 < n else float("inf") for i in range(n)]

    def dist(j: int, i: int) -> float:
        t = cells[j]
        return 0.0 if rows[i] <= t <= ends[i] else min(abs(t - rows[i]), abs(t - ends[i]))

    INF = float("inf")
    # cost[j][i + 1]: first j cells placed, the last placed one in row i (0: none yet)
    cost = [[INF] * (n + 1) for _ in range(m + 1)]
    back: dict[tuple[int, int], tuple[int, int]] = {}
    cost[0][0] = 0.0
    for j in range(m):
        for last in range(n + 1):
            c = cost[j][last]
            if c == INF:
                continue
            if c + skip < cost[j + 1][last]:
                cost[j + 1][last], back[(j + 1, last)] = c + skip, (last, -1)
            for i in range(max(last - 1, 0), n):
                d = c + dist(j, i) + (again if i == last - 1 else 0.0)
                if d < cost[j + 1][i + 1]:
                    cost[j + 1][i + 1], back[(j + 1, i + 1)] = d, (last, i)
    last = min(range(n + 1), key=lambda k: cost[m][k])
    out = []
    for j in range(m, 0, -1):
        prev, i = back[(j, last)]
        if i >= 0:
            out.append((i, j - 1))
        last = prev
    return out[::-1]


def monotone(rows: Sequence[float], cells: Sequence[float], skip: float = 3.0) -> tuple[float, list[tuple[int, int]]]:
    """The monotone matching of cell positions to row positions with the least
    total distance (a cell left out costs `skip`); its cost and its pairs."""
    n, m = len(rows), len(cells)
    INF = float("inf")
    cost = [[INF] * (m + 1) for _ in range(n + 1)]  # first j cells among the first i rows
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
                d = c + abs(cells[j] - rows[i])
                if d < cost[i + 1][j + 1]:
                    cost[i + 1][j + 1], back[(i + 1, j + 1)] = d, (i, j, True)
    out = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj, used = back[(i, j)]
        if used:
            out.append((pi, pj))
        i, j = pi, pj
    return cost[n][m], out[::-1]


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
    takes the next block of cells when they are as many (a row alone takes
    its whole block: `2001-2005` / `2000/2004` for one row), else the next
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
        if len(group) == 1:  # one row takes its whole block (`2001-2005` / `2000/2004` in its cell's height)
            out += [(group[0], c) for c in take]
        else:
            out += list(zip(group, take, strict=True))
    return out if j == len(cb) else None


def yearly_calendar(whens: list[Cell], rows: list[Row]) -> bool:
    """Consecutive years, one per line, more of them than the projects beside them (`2001` …
    `2005` beside three items, and as many amounts): the row's yearly programme, not one
    year per project, so read by position they would date each project by an accident of layout."""
    years = [c.text.strip() for c in whens]
    if len(rows) < 2 or len(years) <= len(rows) or len(years) < 3 \
            or not all(YEAR_RE.fullmatch(y) for y in years):
        return False
    return [int(y) for y in years] == list(range(int(years[0]), int(years[0]) + len(years)))



def yearly_amounts(amounts: list[Cell], rows: list[Row]) -> bool:
    """Amounts each stated for a year (`38 112 € sur` / `l’exercice 2000`, `… 2001`, `… 2002`), those years
    the ones of the single dates cell every waiting project shares (`Programme sur 3 ans (2000, 2001 et
    2002)`): one programme's yearly amounts, not one amount per project as their order would give."""
    if len(amounts) < 2 or len(rows) < 2:
        return False
    years = [dates.years(c.text).found for c in amounts]
    if any(len(y) != 1 for y in years):
        return False
    shared = {id(c) for c in rows[0].when}
    if len(shared) != 1 or any({id(c) for c in r.when} != shared for r in rows):
        return False
    stated = [y[0] for y in years]
    return stated == list(range(stated[0], stated[0] + len(stated))) \
        and set(stated) <= set(dates.years(rows[0].when[0].text).found)


_COUNTED = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6}
# `Construction de deux centres multimédias :`: how many things the project makes, before it names them
_COUNT_BEFORE_ITEMS = re.compile(r"\b(deux|trois|quatre|cinq|six|[2-6])\s+[a-zà-ÿ][^:]*:\s*$")


def counts_its_parts(row: Row) -> bool:
    """The project above says how many things it makes, then names each with a dash (`Construction de
    deux centres multimédias :` / `- École Mamadou Konaté` / `- Maison des jeunes de Sogoniko`): the
    items it has not named yet are its parts, not projects of their own."""
    m = _COUNT_BEFORE_ITEMS.search(row.cells[0].text)
    if m is None or len(row.cells) > 1 and not all(BULLET_RE.match(c.text) for c in row.cells[1:]):
        return False
    n = _COUNTED.get(m.group(1).lower()) or int(m.group(1))
    return len(row.cells) - 1 < n


def place(kind: str, rows: list[Row], cells: list[Cell], tops: dict[int, int],
          domains: list[Cell], stretch: float | None = None, heights: list[int] | None = None
          ) -> list[tuple[Row, Cell]]:
    """Dates or budget cells to the rows waiting for them. One row takes them
    all (`Novembre 2006 premiers travaux…` / `Janvier 2007 inauguration…`); a
    table row's one dates cell dates every project of the row, by its first project
    (`Depuis 2006` beside three trainings) or lower, centred on the row's height (Bures'
    `2005` below its three health items, `2004-2005` below its three water works); else `align`."""
    if len(rows) == 1:
        return [(rows[0], c) for c in cells]
    labels = {id(d) for d in domains if any(r.domain is d for r in rows)}  # an empty row's label (`Jeunes`) aside
    one_row = len(labels) <= 1 and len({r.domain for r in rows}) <= 1
    if kind == "when" and len(cells) == 1 and rows and one_row:
        return [(r, cells[0]) for r in rows]
    last = rows[-1] if rows else None
    if last is not None and kind == "when" and len(cells) == 1 and cells[0].segment == last.cells[0].segment + 1 \
            and all(r.cells[0].segment == last.cells[0].segment for r in rows) and last.domain is not None:
        # a table read row by row (a label, its projects, then its `2008/ 2009 3500 Euros` line, Saint-Jean-
        # de-la-Ruelle l.11350-11367): the line under the projects of several labels is the last label's row's
        # (`is`, as `labels` above: the same label's rows, not another label spelt alike; review 2 of r47)
        return [(r, cells[0]) for r in rows if r.domain is last.domain]
    return align(rows, cells, tops, stretch, heights or ())


def level_with_dates(placed: list[tuple[Row, Cell]], rows: list[Row]) -> list[tuple[Row, Cell]]:
    """A budget column written like the dates column before it (its cells level with the dates
    cells, line for line: `1983-1984` / `De 10 à 42000Ff`, `2002` / `78778€`): an amount goes to the
    row of the date on its line."""
    whens = [c for r in rows for c in r.when]
    if len({c.segment for c in whens}) != 1:
        return placed
    owner: dict[int, Row] = {}
    for r in rows:  # a row's one date over its projects: the amount on its line is the first's
        for c in r.when:
            owner.setdefault(c.top, r)
    tops = {c.top for _, c in placed}
    if len(tops) < 2 or not tops <= set(owner):
        return placed  # the columns are not written level
    return [(owner[c.top], c) for _, c in placed]
