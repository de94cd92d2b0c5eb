"""The first column of the Cités Unies France actions tables: its domain
labels and band headings, and which rows each one labels.

A label stands in a segment of its own before its projects (`Santé` / `Eau`
beside `Maternité – …` / `Puits – …`), merges the lines of a wrapped cell
(`ÉDUCATION / FORMATION des JF / Déscolarisées`), or heads a column of band
headings (`Projets 2000`) whose dates and amounts are written level with it.
The table reader that calls these is `cuf_table.py`.
"""
from __future__ import annotations

import re

from ..domains import map_domain
from ..text import squash_spaces
from . import dates
from .cuf_cells import BULLET_RE, Cell, cells_of, heading
from .cuf_rows import Row, monotone


def width(seg: list[tuple[int, str]]) -> int:
    return max((len(t.strip()) for _, t in seg), default=0)


def narrower(seg: list[tuple[int, str]], nxt: list[tuple[int, str]]) -> bool:
    """The first column is narrow: its lines wrap at about 24 characters, or
    well before those of the actions column beside it."""
    return width(seg) <= max(24, 0.75 * width(nxt))


def level_labels(cells: list[Cell], seg: list[tuple[int, str]], nxt: list[Cell]) -> bool:
    """A narrow segment of short one-line labels, each level with a project of
    the next segment (`Santé` / `Eau` beside `Maternité – Farine de sevrage…` /
    `Puits – barrages…`): each line is its own row's label, not one label
    wrapped over several lines."""
    return len(cells) >= 2 and width(seg) <= 28 and len(nxt) == len(cells) \
        and all(c.kind in ("domain", "action") and len(c.lines) == 1 and len(c.text.split()) <= 4
                and not BULLET_RE.match(c.text) for c in cells) \
        and 2 * sum(bool(map_domain(c.text)) for c in cells) >= len(cells) \
        and all(n.kind == "action" for n in nxt) and [c.top for c in cells] == [n.top for n in nxt]


def first_column_cells(cells: list[Cell]) -> list[Cell]:
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


def first_column(band: list[Row], rows: list[Row], waiting: dict, tops: dict[int, int]) -> None:
    """Two text columns before a dates column: the first is the domain column
    even when its labels name no domain (`Réhabilitation de forages profonds
    Guingui Foutougou` over its projects), so its cells are not projects."""
    segs = sorted({r.cells[0].segment for r in band})
    if len(segs) != 2 or any(r.domain for r in band):
        return
    first = [r for r in band if r.cells[0].segment == segs[0]]
    if len(first) > 3 or any(BULLET_RE.match(r.text) or len(r.text) > 80 for r in first):
        return
    if not narrower([ln for r in first for ln in r.cells[0].lines],
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


def date_headings(band: list[Row], rows: list[Row], headings: list[tuple[float, Cell]], cells: list[Cell],
                   tops: dict[int, int]) -> None:
    """The dates column of a band with a first column of headings stands level
    with that column: each date goes to its heading, and from it to the
    projects under it. A row label with its own date and no project beside it
    is a project itself (`Délégation de trois villageois : …` / `Du 11 au 25
    juin 2004`)."""
    _, pairs = monotone([h.top for _, h in headings], [c.top for c in cells], skip=6.0)
    for i, j in pairs:
        h, c = headings[i][1], cells[j]
        under = [r for r in band if r.label is h]
        for r in under:
            if not r.when and not dates.years(r.text).found:  # its own date stays (`… (2006)`)
                r.when.append(c)
        if not under and h.kind != "period":
            row = Row(domain=None, cells=[Cell("action", h.lines, h.top, h.segment, h.block)], when=[c], label=h)
            later = [r for r in band if r.label is not None and r.label.top > h.top]
            at = rows.index(later[0]) if later else (rows.index(band[-1]) + 1 if band else len(rows))
            rows.insert(at, row)


def budget_headings(band: list[Row], headings: list[tuple[float, Cell]], cells: list[Cell]) -> None:
    """Fewer amounts than headings: the budget column stands level with the
    first column, and a heading's amount goes to its first project."""
    _, pairs = monotone([h.top for _, h in headings], [c.top for c in cells])
    for i, j in pairs:
        under = [r for r in band if r.label is headings[i][1] and not r.budget]
        if under:
            under[0].budget.append(cells[j])


def give_headings(rows: list[Row], headings: list[tuple[float, Cell]], tops: dict[int, int], span: int) -> None:
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
        label = heading(above[-1]) if above[-1].kind != "period" else period_label(above[-1].text)
        r.domain = label if label and map_domain(label) else None
        periods = [c for c in above if c.kind == "period"]
        r.period = periods[-1].text if periods else None


# a page's first line: the extraction writes it after one space (` Aide à la formation…`)
_PAGE_TOP = re.compile(r"^ \S")


def label_over_page(band: list[Row], rows: list[Row], domains: list[Cell], first: Cell) -> list[Cell]:
    """The label of the band above, for projects that open a page straight after that band's
    last dates or amount (no gap between them: the table goes on over the page). A label cell
    spanning a page break is printed once, on the page it starts: Roncq's `Formations` over
    `Aide à la formation de deux couturières…` on the next page. Only in a table whose rows all
    have a label so far (each written at its band's top): where some stand under none (a label
    centred in its band), an unlabelled project is no sign of the band going on."""
    if first.kind != "action" or not band or not _PAGE_TOP.match(first.lines[0][1]) \
            or not all(r.domain for r in rows):
        return []
    return [d for d in domains if heading(d) == band[-1].domain][-1:]


def period_label(text: str) -> str | None:
    """`Projets 2004 : Pour les femmes`: the label a band heading gives after its year."""
    m = re.match(r"^Projets?\s+(?:19|20)\d\d\s*:\s*(.+)$", text)
    return m.group(1).strip() if m else None


def give_domains(rows: list[Row], domains: list[Cell], tops: dict[int, int], heights: list[int] | None = None) -> None:
    """The band's domain cells over its rows: the one level with each row when
    every row has one (a first column of one label per project), else one per
    blank-separated block of rows when they are as many, or a run of blocks each
    when a column of labels stands beside more blocks (`_runs_of_blocks`), else the
    last domain cell placed above the row."""
    if not rows or not domains:
        return
    blocks = sorted({r.cells[0].block for r in rows})
    level = {d.top: d for d in domains if d.segment != rows[0].cells[0].segment}
    runs = _runs_of_blocks(rows, blocks, domains, tops, heights or [])
    if len(domains) > 1 and all(tops[id(r)] in level for r in rows):  # one label level with each project
        picks = [level[tops[id(r)]] for r in rows]
    elif len(blocks) == len(domains) and len(domains) > 1:
        picks = [domains[blocks.index(r.cells[0].block)] for r in rows]
    elif runs is not None:
        picks = [domains[runs[blocks.index(r.cells[0].block)]] for r in rows]
    else:  # a label may stand a line below its row's top, unless it is the next row's, written on its line
        starts = {(r.cells[0].segment, tops[id(r)]) for r in rows}
        picks = [([d for d in domains if d.top <= tops[id(r)] or d.top == tops[id(r)] + 1
                   and (d.segment, d.top) not in starts] or domains)[-1] for r in rows]
    for r, d in zip(rows, picks, strict=True):  # picks: one per row
        label = heading(d)
        r.domain = label if map_domain(label) else None


def _runs_of_blocks(rows: list[Row], blocks: list[int], domains: list[Cell], tops: dict[int, int],
                    heights: list[int]) -> list[int] | None:
    """A column of labels in a segment of its own beside more blocks of projects than labels (Chilly-
    Mazarin: `EAU`, `SANTE`, `ÉDUCATION`, `DEVELOPPEMENT ECONOMIQUE` beside five blocks): each label
    heads a run of blocks, in order, every label at least one, and stands within its run's height,
    nearest its top (the label column scaled to the projects', the extraction padding each with its
    own blank lines). The label of each block, or None when the columns are not laid out so."""
    segs, row_segs = {d.segment for d in domains}, {r.cells[0].segment for r in rows}
    if len(domains) < 2 or len(blocks) <= len(domains) or len(segs) != 1 or len(row_segs) != 1 \
            or segs == row_segs or max(segs | row_segs) >= len(heights):
        return None
    scale = heights[next(iter(row_segs))] / max(heights[next(iter(segs))], 1)
    starts = [min(tops[id(r)] for r in rows if r.cells[0].block == b) for b in blocks]
    ends = [s - 1 for s in starts[1:]] + [heights[next(iter(row_segs))]]
    marks = [d.top * scale for d in domains]

    def run_cost(a: int, b: int, j: int) -> float:  # blocks a..b under label j
        inside = max(starts[a] - marks[j], 0, marks[j] - ends[b])
        return inside + 0.1 * abs(marks[j] - starts[a])

    n, m, inf = len(starts), len(marks), float("inf")
    best: dict[tuple[int, int], tuple[float, int]] = {(0, 0): (0.0, -1)}  # (blocks placed, labels used)
    for j in range(1, m + 1):
        for i in range(j, n - (m - j) + 1):
            best[(i, j)] = min(((best[(k, j - 1)][0] + run_cost(k, i - 1, j - 1), k) for k in range(j - 1, i)
                                if (k, j - 1) in best), default=(inf, -1))
    runs: list[int] = []
    i = n
    for j in range(m, 0, -1):
        k = best[(i, j)][1]
        runs[:0] = [j - 1] * (i - k)
        i = k
    return runs


def chronicle(cells: list[Cell], segs: list[list[tuple[int, str]]], k: int) -> bool:
    """A first column telling the partnership's story (`Venue à Thionville du
    nouveau Maire…`, `Pour le 15° anniversaire…`) beside a column of projects:
    both long, and the dates column after them level with the first one, not
    with the projects (a projects column cut in two by a page would have the
    dates level with neither part)."""
    if len(cells) < 6 or any(BULLET_RE.match(c.text) for c in cells) or k + 2 >= len(segs):
        return False
    nxt = [c for c in cells_of(segs[k + 1], k + 1, "domain") if c.kind == "action"]
    whens = [c.top for c in cells_of(segs[k + 2], k + 2, "action") if c.kind == "when"]
    if len(nxt) < 6 or len(whens) < 4:
        return False
    first, _ = monotone([c.top for c in cells], whens)
    second, _ = monotone([c.top for c in nxt], whens)
    return first <= len(whens) and first < second
