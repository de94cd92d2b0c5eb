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
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..domains import map_domain
from ..text import squash_spaces
from . import fields
from .cuf_cells import (
    _BULLET_RE,
    _HEADER_RE,
    _NUMBER_RE,
    CONNECT_WORDS,
    Cell,
    _upper,
    cells_of,
    heading,
    is_prose,
    segments,
    split_mixed,
)


@dataclass
class Row:
    """One project of the table."""

    domain: str | None
    cells: list[Cell] = field(default_factory=list)  # the action cell(s)
    when: list[Cell] = field(default_factory=list)
    budget: list[Cell] = field(default_factory=list)
    period: str | None = None  # a band heading's year ("Projets 2000")
    label: Cell | None = None  # its cell in a first column of headings

    @property
    def lines(self) -> list[tuple[int, str]]:
        return sorted({ln for c in self.cells + self.when + self.budget for ln in c.lines})

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)


def align(rows: list[Row], cells: list[Cell], tops: dict[int, int],
          stretch: float | None = None) -> list[tuple[Row, Cell]]:
    """Give each cell a row: in order when the counts agree, else by position
    (`_by_spans`; with `stretch`, the cells' column is scaled to the rows'
    column, taller because it holds one cell per project where the others hold
    one per heading, and matched one to one)."""
    if not rows or not cells:
        return []
    numbers = [_NUMBER_RE.match(r.text.strip()) for r in rows]
    cell_numbers = [_NUMBER_RE.match(c.text.strip()) for c in cells]
    if all(numbers) and all(cell_numbers):  # rows and cells numbered alike: by number
        out, used = [], set()
        for r, m in zip(rows, numbers):
            c = next((c for c, cm in zip(cells, cell_numbers)
                      if cm and m and cm.group(1) == m.group(1) and id(c) not in used), None)
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
    row_tops = [tops[id(r)] for r in rows]
    cell_tops = [c.top for c in cells]
    if stretch:
        return [(rows[i], cells[j]) for i, j in _monotone(row_tops, [t * stretch for t in cell_tops])[1]]
    # the columns as written: a dates or budget line belongs to the project whose first line
    # is at or just above it (`2003` / `de 1989 à 2002` / `2002 et 2004` beside one project)
    return [(rows[i], cells[j]) for i, j in _by_spans(row_tops, cell_tops)]


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


def _monotone(rows: Sequence[float], cells: Sequence[float], skip: float = 3.0) -> tuple[float, list[tuple[int, int]]]:
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
    waiting: dict[str, list[Row]] = {"when": [], "budget": []}  # rows still without a cell of that kind
    period: str | None = None
    last_kind = None
    labelled = False  # rows carry their domain label in front
    headings: list[tuple[float, Cell]] = []  # a first column of headings, by relative height
    prev_cell: Cell | None = None  # the last cell of the segment before
    segs = segments(body)
    peeked: dict[tuple[int, str], list[str]] = {}

    def peek(k: int, after: str) -> list[str]:
        """The kinds of a later segment's cells, read once."""
        if (k, after) not in peeked:
            peeked[(k, after)] = [c.kind for c in cells_of(segs[k], k, after)] if k < len(segs) else []
        return peeked[(k, after)]

    todo: list[tuple[int, list[Cell] | None]] = [(k, None) for k in range(len(segs))]
    while todo:
        k, given = todo.pop(0)
        seg = segs[k]
        after = "header" if k and given is None and last_kind is None and _HEADER_RE.match(segs[k - 1][0][1].strip()) \
            else last_kind
        cells = given if given is not None else [p for c in cells_of(seg, k, after) for p in split_mixed(c, labelled)]
        labelled = labelled or any(a.kind == "domain" and b.kind == "action" and a.lines[0][0] == b.lines[0][0]
                                   for a, b in zip(cells, cells[1:]))
        if cells and given is None and prev_cell is not None and prev_cell.kind in ("when", "action") \
                and re.match(r"^[a-zà-ÿ]", cells[0].text) and not re.search(r"[.;:!?)]$", prev_cell.text) \
                and cells[0].kind in ("when", "action") \
                and (cells[0].kind == prev_cell.kind == "action" or prev_cell.kind == "when"
                     or CONNECT_WORDS.search(prev_cell.text)):
            prev_cell.lines += cells.pop(0).lines  # `chaque année, des` / `réalisations sont`: one cell cut by gaps
        if not cells:
            continue
        if len(cells) == 1 and cells[0].kind == "domain" and last_kind == "domain" and not _upper(cells[0].text):
            cells[0].kind = "action"  # a lone cell after a domain cell is its project
        elif len(cells) == 1 and cells[0].kind in ("domain", "action") and len(cells[0].text) <= 80 \
                and k + 1 < len(segs):
            # a lone cell is a domain when text follows it, an action when dates or budget do
            nxt = peek(k + 1, "action")
            if nxt and nxt[0] in ("when", "budget"):
                cells[0].kind = "action"
            elif nxt and nxt[0] == "action" and last_kind != "domain" and not _BULLET_RE.match(cells[0].text) \
                    and (map_domain(cells[0].text) and _narrower(seg, segs[k + 1])
                         or last_kind != "action" and _width(seg) <= 28):
                cells[0].kind = "domain"
        elif 1 < len(cells) and k + 1 < len(segs) and last_kind not in ("domain", "action") \
                and (len(cells) <= 3 or all(len(c.text.split()) <= 3 and map_domain(c.text) for c in cells)) \
                and all(c.kind in ("domain", "action") and len(c.text) <= 80 and not _BULLET_RE.match(c.text)
                        for c in cells) and "action" in peek(k + 1, "domain")[:1] \
                and _width(seg) <= 28:
            cells = _first_column_cells(cells)  # the first column of a row, before its projects
        elif len(cells) > 1 and k + 1 < len(segs) \
                and all(c.kind in ("period", "domain", "action") for c in cells) \
                and peek(k + 1, "domain")[:1] == ["action"] \
                and ("period" in [c.kind for c in cells] or _chronicle(cells, segs, k)):
            # a first column of band headings (`Projets 2000`) and row labels (`Délégation de…`)
            merged: list[Cell] = []
            for c in cells:  # `Patricia MOREL et Nicole` / `PALMER`: one word ends the label above
                if merged and merged[-1].kind != "period" and c.block == merged[-1].block and len(c.text.split()) == 1:
                    merged[-1].lines += c.lines
                else:
                    merged.append(c)
            headings = [(c.top / len(seg), c) for c in merged]
            band, domains, waiting = [], [], {"when": [], "budget": []}
            last_kind = "domain"
            continue
        if k == len(segs) - 1 and last_kind == "when" and waiting["budget"] and \
                all(c.kind == "action" for c in cells):
            for c in cells:  # the table's last budget cell, written as prose
                c.kind = "budget"
        # a new table row: text after its dates or budget, or a first-column cell after projects
        # (a label between projects without one is theirs, centred in its row: `Appui à la
        # modernisation…` / `État civil` / `Formation de cadres municipaux`)
        new_band = cells[0].kind in ("action", "domain") and last_kind in ("when", "budget") \
            or cells[0].kind == "domain" and last_kind == "action"
        if new_band or cells[0].kind in ("section", "period"):
            band, domains, headings = [], [], []
            waiting = {"when": [], "budget": []}
        tail_domains: list[Cell] = []  # domain cells closing a dates or budget segment open the next band
        if cells[0].kind in ("when", "budget"):
            at = next((i for i, c in enumerate(cells) if c.kind == "domain"), len(cells))
            if at < len(cells) and any(c.kind == "action" for c in cells[at:]) \
                    and all(c.kind in ("when", "budget", "skip", "label") for c in cells[:at]):
                todo.insert(0, (k, cells[at:]))  # `72604€` / `ARTISANAT 6 échanges…`: the next row
                cells = cells[:at]
        while len(cells) > 1 and cells[-1].kind == "domain" and cells[0].kind in ("when", "budget"):
            tail_domains.insert(0, cells.pop())
        seg_rows: list[Row] = []
        for i, c in enumerate(cells):
            if c.kind == "section":
                continue
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if c.kind == "action" and band and not domains and not any(r.domain for r in band) \
                    and len(c.text.split()) <= 3 and map_domain(c.text) and not _BULLET_RE.match(c.text) \
                    and nxt is not None \
                    and nxt.kind == "action" and nxt.block == c.block:
                # `Appui à la modernisation…` / `État civil` / `Formation de cadres municipaux`:
                # a row's label printed between its projects, level with the row's middle
                domains.append(c)
                for r in band:
                    r.domain = heading(c)
                continue
            if c.kind == "period":
                period = c.text
                domains = [c]
                continue
            if c.kind in ("skip", "label"):
                continue
            if c.kind == "domain":
                domains.append(c)
                continue
            if c.kind == "action" and seg_rows and is_prose(c.text, len(seg_rows[-1].cells) > 1):
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
        if band and not seg_rows and cells[0].kind == "when":
            _unfinished_tail(band[-1], cells)
        rest = {kind: [c for c in cells if c.kind == kind and c.anchor is None
                       and not any(c in getattr(r, kind) for r in rows)] for kind in ("when", "budget")}
        anchored = [c for c in cells if c.kind == "budget" and c.anchor is not None]
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
                if kind == "when" and headings:
                    _date_headings(band, rows, headings, cs, tops)
                elif kind == "budget" and headings and cells[0].kind == "budget" and len(cs) < len(headings):
                    _budget_headings(band, headings, cs)  # one amount per heading, not per project
                else:
                    stretch = (len(segs[waiting[kind][0].cells[0].segment]) / len(seg)) \
                        if headings and waiting[kind] else None
                    placed = _place(kind, waiting[kind], cs, tops, domains, stretch)
                    for row, cell in placed:
                        getattr(row, kind).append(cell)
                    if kind == "budget" and cells[0].kind == "when":  # amounts in the dates column:
                        done = {id(x) for x, _ in placed}
                        waiting[kind] = [r for r in waiting[kind] if id(r) not in done]
                        continue  # the budget column may still come for the other rows
                waiting[kind] = []
        for c in anchored:  # an amount written with a date goes to the first row of that date
            owner = next((r for r in rows if c.anchor in r.when), None)
            if owner is not None and c not in owner.budget:
                owner.budget.append(c)
                if owner in waiting["budget"]:
                    waiting["budget"].remove(owner)
        _give_domains(seg_rows, domains, tops)
        if headings and seg_rows:
            _give_headings(seg_rows, headings, tops, len(seg))
        prev_cell = cells[-1]
        last_kind = "action" if seg_rows else (cells[-1].kind if cells else last_kind)
        if not seg_rows and rest["when"] or rest["budget"]:
            last_kind = "budget" if rest["budget"] else "when"
        if seg_rows and cells[-1].kind == "budget" and all(r.budget for r in seg_rows[-1:]):
            last_kind = "budget"  # a row written on one line, its amount last: the row is complete
        if tail_domains:
            band, domains, last_kind = [], tail_domains, "domain"
            waiting = {"when": [], "budget": []}
    return rows


def _chronicle(cells: list[Cell], segs: list[list[tuple[int, str]]], k: int) -> bool:
    """A first column telling the partnership's story (`Venue à Thionville du
    nouveau Maire…`, `Pour le 15° anniversaire…`) beside a column of projects:
    both long, and the dates column after them level with the first one, not
    with the projects (a projects column cut in two by a page would have the
    dates level with neither part)."""
    if len(cells) < 6 or any(_BULLET_RE.match(c.text) for c in cells) or k + 2 >= len(segs):
        return False
    nxt = [c for c in cells_of(segs[k + 1], k + 1, "domain") if c.kind == "action"]
    dates = [c.top for c in cells_of(segs[k + 2], k + 2, "action") if c.kind == "when"]
    if len(nxt) < 6 or len(dates) < 4:
        return False
    first, _ = _monotone([c.top for c in cells], dates)
    second, _ = _monotone([c.top for c in nxt], dates)
    return first <= len(dates) and first < second


def _width(seg: list[tuple[int, str]]) -> int:
    return max((len(t.strip()) for _, t in seg), default=0)


def _narrower(seg: list[tuple[int, str]], nxt: list[tuple[int, str]]) -> bool:
    """The first column is narrow: its lines wrap at about 24 characters, or
    well before those of the actions column beside it."""
    return _width(seg) <= max(24, 0.75 * _width(nxt))


def _first_column_cells(cells: list[Cell]) -> list[Cell]:
    """A segment standing before a row's projects is its first column:
    domain cells, one per blank-separated block (`ÉDUCATION / FORMATION des JF
    / Déscolarisées`; `Agriculture` … `Santé`)."""
    out: list[Cell] = []
    for c in cells:
        if out and out[-1].block == c.block:
            out[-1].lines += c.lines
        else:
            c.kind = "domain"
            out.append(c)
    return out


def _place(kind: str, rows: list[Row], cells: list[Cell], tops: dict[int, int],
           domains: list[Cell], stretch: float | None = None) -> list[tuple[Row, Cell]]:
    """Dates or budget cells to the rows waiting for them. One row takes them
    all (`Novembre 2006 premiers travaux…` / `Janvier 2007 inauguration…`); a
    table row's one dates cell, standing by its first project, dates every
    project of the row (`Depuis 2006` beside three trainings); else `align`."""
    if len(rows) == 1:
        return [(rows[0], c) for c in cells]
    one_row = len({id(d) for d in domains}) <= 1 and len({r.domain for r in rows}) <= 1
    if kind == "when" and len(cells) == 1 and rows and one_row and (
            rows[1].cells[0].segment != rows[0].cells[0].segment or cells[0].top < tops[id(rows[1])]):
        return [(r, cells[0]) for r in rows]
    return align(rows, cells, tops, stretch)


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
    if not _narrower([ln for r in first for ln in r.cells[0].lines],
                     [ln for r in band if r not in first for ln in r.cells[0].lines]):
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


def _date_headings(band: list[Row], rows: list[Row], headings: list[tuple[float, Cell]], cells: list[Cell],
                   tops: dict[int, int]) -> None:
    """The dates column of a band with a first column of headings stands level
    with that column: each date goes to its heading, and from it to the
    projects under it. A row label with its own date and no project beside it
    is a project itself (`Délégation de trois villageois : …` / `Du 11 au 25
    juin 2004`)."""
    _, pairs = _monotone([h.top for _, h in headings], [c.top for c in cells], skip=6.0)
    for i, j in pairs:
        h, c = headings[i][1], cells[j]
        under = [r for r in band if r.label is h]
        for r in under:
            if not r.when and not fields.years(r.text).found:  # its own date stays (`… (2006)`)
                r.when.append(c)
        if not under and h.kind != "period":
            row = Row(domain=None, cells=[Cell("action", h.lines, h.top, h.segment, h.block)], when=[c], label=h)
            later = [r for r in band if r.label is not None and r.label.top > h.top]
            at = rows.index(later[0]) if later else (rows.index(band[-1]) + 1 if band else len(rows))
            rows.insert(at, row)


def _unfinished_tail(row: Row, cells: list[Cell]) -> None:
    """A project cell cut short (`formation sur place dispensée par des`) ends
    in the dates column, among the dates: its lower-case lines without a date
    (`techniciens de la communauté` / `urbaine de Bordeaux`) go back to it."""
    last = row.cells[-1].lines[-1][1].strip()
    if not CONNECT_WORDS.search(last):
        return
    for c in cells:
        at = next((i for i, (_, t) in enumerate(c.lines) if i and re.match(r"^[a-zà-ÿ]", t.strip())
                   and not any(fields.years(x).found for _, x in c.lines[i:])), None)
        if at is not None:
            row.cells[-1].lines += c.lines[at:]
            del c.lines[at:]
            return


def _budget_headings(band: list[Row], headings: list[tuple[float, Cell]], cells: list[Cell]) -> None:
    """Fewer amounts than headings: the budget column stands level with the
    first column, and a heading's amount goes to its first project."""
    _, pairs = _monotone([h.top for _, h in headings], [c.top for c in cells])
    for i, j in pairs:
        under = [r for r in band if r.label is headings[i][1] and not r.budget]
        if under:
            under[0].budget.append(cells[j])


def _give_headings(rows: list[Row], headings: list[tuple[float, Cell]], tops: dict[int, int], span: int) -> None:
    """A first column of headings over a taller projects column: each block of
    projects under the last heading at or above its relative height; its
    period (the year of its `Projets 2000` heading) from the last band heading
    above it."""
    block_top: dict[int, int] = {}
    for r in rows:  # a blank-separated block of projects stands under one heading
        block_top.setdefault(r.cells[0].block, tops[id(r)])
    for r in rows:
        at = block_top[r.cells[0].block] / max(span, 1)
        above = [c for h, c in headings if h <= at] or [headings[0][1]]
        r.label = above[-1]
        label = heading(above[-1]) if above[-1].kind != "period" else None
        r.domain = label if label and map_domain(label) else None
        periods = [c for c in above if c.kind == "period"]
        r.period = periods[-1].text if periods else None


def _give_domains(rows: list[Row], domains: list[Cell], tops: dict[int, int]) -> None:
    """The band's domain cells over its rows: one per blank-separated block of
    rows when they are as many, else the last domain cell placed above the row."""
    if not rows or not domains:
        return
    blocks = sorted({r.cells[0].block for r in rows})
    if len(blocks) == len(domains) and len(domains) > 1:
        picks = [domains[blocks.index(r.cells[0].block)] for r in rows]
    else:
        picks = [([d for d in domains if d.top <= tops[id(r)] + 1]
                  or domains)[-1] for r in rows]
    for r, d in zip(rows, picks):
        label = heading(d)
        r.domain = label if map_domain(label) else None
