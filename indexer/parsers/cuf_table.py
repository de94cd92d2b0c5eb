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
   band (a monotone alignment of cell tops to row tops: `cuf_rows.py`); the
   first column's labels and headings to the rows they label (`cuf_labels.py`);
   a cell cut by the extraction or a page goes on where it was cut (`cuf_joins.py`).
"""
from __future__ import annotations

import re
from itertools import pairwise

from ..domains import map_domain
from .cuf_cells import (
    BULLET_RE,
    CONNECT_WORDS,
    HEADER_RE,
    NUMBER_RE,
    Cell,
    cells_of,
    heading,
    is_domain,
    is_prose,
    segments,
    upper,
)
from .cuf_joins import cut_by_gap, dangling_goes_on, label_line_over_row, unfinished_tail
from .cuf_labels import (
    budget_headings,
    chronicle,
    date_headings,
    first_column,
    first_column_cells,
    give_domains,
    give_headings,
    label_over_page,
    level_labels,
    narrower,
    width,
)
from .cuf_mixed import split_mixed
from .cuf_rows import Row, counts_its_parts, level_with_dates, place, yearly_amounts, yearly_calendar


def table_rows(body: list[tuple[int, str]]) -> list[Row]:
    """The rows of one actions table (body: its numbered lines, header included)."""
    return _TableReader(segments(body)).read()


def _nothing_waiting() -> dict[str, list[Row]]:
    return {"when": [], "budget": []}


class _TableReader:
    """Reads a table's segments in order, each in the steps of `segment`, and
    keeps what the band being read holds: its rows, its domain cells, the rows
    still waiting for a dates or budget cell, a first column of headings, and
    the kind of the segment before (which says what the next one may be)."""

    def __init__(self, segs: list[list[tuple[int, str]]]):
        self.segs = segs
        self.rows: list[Row] = []
        self.tops: dict[int, int] = {}  # id(row) -> its first line's height in its segment
        self.domains: list[Cell] = []  # the band's domain cells waiting for their rows
        self.band: list[Row] = []  # rows of the current band
        self.waiting = _nothing_waiting()  # rows still without a cell of that kind
        self.period: str | None = None
        self.last_kind: str | None = None
        self.labelled = False  # rows carry their domain label in front
        self.inline = False  # the last segment of projects carried its label in front
        self.framed = False  # the segment before was a first column of labels, one per project
        self.carried: Cell | None = None  # a label on a date's line, for the projects written next
        self.level_ids: set[int] = set()  # labels of a first column of one label per project
        self.headings: list[tuple[float, Cell]] = []  # a first column of headings, by relative height
        self.prev_cell: Cell | None = None  # the last cell of the segment before
        self.continued = False  # the segment opened with the rest of the band's last project
        self.peeked: dict[tuple[int, str], list[str]] = {}
        self.calendar: list[Row] = []  # the rows last given a yearly calendar (`yearly_calendar`)
        self.own_label: set[int] = set()  # project cells that are their row's first column (`_first_column_only`)
        # segments to read; a segment's later cells come back as (k, cells) when they open the next row
        self.todo: list[tuple[int, list[Cell] | None]] = [(k, None) for k in range(len(segs))]

    def read(self) -> list[Row]:
        while self.todo:
            k, given = self.todo.pop(0)
            self.segment(k, given)
        return self.rows

    def peek(self, k: int, after: str) -> list[str]:
        """The kinds of a later segment's cells, read once."""
        if (k, after) not in self.peeked:
            self.peeked[(k, after)] = [c.kind for c in cells_of(self.segs[k], k, after)] if k < len(self.segs) else []
        return self.peeked[(k, after)]

    def segment(self, k: int, given: list[Cell] | None) -> None:
        """Segment k (or its cells `given` back): its cells, what column it is,
        the rows it opens, the dates, budgets and domains it gives them."""
        cells = self._cells(k, given)
        if not cells:
            return
        first_column = self._first_columns(k, cells)
        if first_column is None:
            return  # a first column of headings: the band starts under it
        cells = first_column
        if k == len(self.segs) - 1 and self.last_kind == "when" and self.waiting["budget"] and \
                all(c.kind == "action" for c in cells):
            for c in cells:  # the table's last budget cell, written as prose
                c.kind = "budget"
        self._new_band(cells, given is not None)
        cells, tail_domains = self._split_off(k, self._level_label(cells))
        seg_rows = self._read_cells(cells)
        rest = self._give_columns(k, cells, seg_rows)
        give_domains(seg_rows, self.domains, self.tops, [len(g) for g in self.segs])
        if self.headings and seg_rows:
            give_headings(seg_rows, self.headings, self.tops, len(self.segs[k]))
        self.prev_cell = cells[-1]
        self.last_kind = "action" if seg_rows else (cells[-1].kind if cells else self.last_kind)
        if not seg_rows and rest["when"] or rest["budget"]:
            self.last_kind = "budget" if rest["budget"] else "when"
        if seg_rows and cells[-1].kind == "budget" and all(r.budget for r in seg_rows[-1:]):
            self.last_kind = "budget"  # a row written on one line, its amount last: the row is complete
        if tail_domains:
            self.band, self.domains, self.last_kind = [], tail_domains, "domain"
            self.waiting = _nothing_waiting()

    def _cells(self, k: int, given: list[Cell] | None) -> list[Cell]:
        """The segment's cells, rows written on one line split; a first cell
        that only goes on with the last cell of the segment before joins it."""
        seg = self.segs[k]
        header_before = k and given is None and self.last_kind is None \
            and HEADER_RE.match(self.segs[k - 1][0][1].strip())
        after = "header" if header_before else self.last_kind
        if given is None:
            # a band opening without its label in a table whose rows have labels: it may carry it in front
            opening = after in ("when", "budget") and any(r.domain for r in self.rows)
            cells = [p for i, c in enumerate(cells_of(seg, k, after))
                     for p in split_mixed(c, self.labelled or opening and i == 0, self.framed)]
            label_line_over_row(cells)
        else:
            cells = given
        inline = any(a.kind == "domain" and b.kind == "action" and a.lines[0][0] == b.lines[0][0]
                     for a, b in pairwise(cells))
        if inline and given is None and after == "domain" and self.domains and not self.inline \
                and cells[0].kind == "domain" and cells[0].lines[0][0] == cells[1].lines[0][0]:
            # `Handicapés` / `Maraichage Chaussettes d’irrigation`, where the rows above had their label on a
            # line of its own: that label goes on in front of the project (else it is an empty row's: `Jeunes`)
            self.domains[-1].lines += cells.pop(0).lines
        self.labelled = self.labelled or inline
        if any(c.kind == "action" for c in cells):
            self.inline = inline
        prev = self.prev_cell
        self.continued = self.framed = False
        if cells and given is None and prev is not None and cut_by_gap(prev, cells[0]):
            prev.lines += cells.pop(0).lines  # `chaque année, des` / `réalisations sont`: one cell cut by gaps
        elif given is None and self.band:
            self.continued = dangling_goes_on(self.band[-1].cells[-1], cells)
        return cells

    def _first_columns(self, k: int, cells: list[Cell]) -> list[Cell] | None:
        """What stands before a band's projects: a lone label (or project), a
        row's first column of domain cells, or a first column of headings (read
        here: None)."""
        if self._numbered_label(k, cells):
            cells[0].lines, cells[0].kind = [ln for c in cells for ln in c.lines], "domain"
            return cells[:1]
        if len(cells) == 1 and cells[0].kind == "domain" and self.last_kind == "domain" and not upper(cells[0].text):
            cells[0].kind = "action"  # a lone cell after a domain cell is its project
        elif len(cells) == 1 and cells[0].kind in ("domain", "action") and k + 1 < len(self.segs) \
                and (len(cells[0].text) <= 80 or width(self.segs[k]) <= 28):  # long, a label wraps narrow
            self._lone_cell(k, cells[0])
        elif self._level_labels(k):
            cells = cells_of(self.segs[k], k, self.last_kind)  # as written: `Education – Santé` is one label
            for c in cells:  # `Santé` / `Eau` beside `Maternité – …` / `Puits – …`: one label per project
                c.kind = "domain"
                self.level_ids.add(id(c))
            self.framed = True
        elif self._is_first_column(k, cells):
            return first_column_cells(cells)  # the first column of a row, before its projects
        elif self._is_headings_column(k, cells):
            self._read_headings(k, cells)
            return None
        return cells

    def _numbered_label(self, k: int, cells: list[Cell]) -> bool:
        """A numbered label in a narrow segment before the row's projects (`3. Assainissement et lutte` / … /
        `pauvreté »` / `avec à terme la création…`): the row's first column, one cell whatever its length."""
        return k + 1 < len(self.segs) and self.last_kind not in ("domain", "action") \
            and bool(NUMBER_RE.match(cells[0].text)) and not any(BULLET_RE.match(c.text) for c in cells[1:]) \
            and all(c.kind in ("domain", "action") for c in cells) and width(self.segs[k]) <= 28 \
            and self.peek(k + 1, "domain")[:1] == ["action"]

    def _lone_cell(self, k: int, cell: Cell) -> None:
        """A lone cell is a domain when text follows it, an action when dates or budget do.
        Narrow, it is one after a band's end too: dates or an amount, or a project written
        with its dates on one line (`2 pompes 2003` / `PNIR` / `3 puits 2004`)."""
        seg = self.segs[k]
        nxt = self.peek(k + 1, "action")
        last = self.band[-1] if self.band else None
        done = self.last_kind != "action" or last is not None and any(
            c.segment == last.cells[0].segment for c in last.when)
        if nxt and nxt[0] in ("when", "budget"):
            cell.kind = "action"
        elif self._first_column_only(k):
            cell.kind = "action"  # a row whose other cells are empty: its first column is its project
            self.own_label.add(id(cell))
        elif nxt and nxt[0] == "action" and self.last_kind != "domain" and not BULLET_RE.match(cell.text) \
                and (map_domain(cell.text) and narrower(seg, self.segs[k + 1]) or done and width(seg) <= 28):
            cell.kind = "domain"

    def _first_column_only(self, k: int) -> bool:
        """From segment k to the table's end, each row writes only its first column: one cell, then a
        segment of spaces for the row's empty cells (Rennes–Bandiagara: `Soutien à la production
        maraîchère` / `Projets de soutien à la génération de revenus` / `Appui à la décentralisation`),
        as every row before it did: after rows with projects, such a cell is an empty row's label."""
        rest = self.segs[k:]
        return all(id(r.cells[0]) in self.own_label for r in self.rows) and len(rest) % 2 == 0 and all(
            len(self.peek(k + i, "action")) == 1 and not any(t.strip() for _, t in rest[i + 1])
            for i in range(0, len(rest), 2))

    def _level_labels(self, k: int) -> bool:
        """Segment k, as written, is a first column of one label per project of the next."""
        return k + 1 < len(self.segs) and self.last_kind not in ("domain", "action") \
            and level_labels(cells_of(self.segs[k], k, self.last_kind), self.segs[k],
                             cells_of(self.segs[k + 1], k + 1, "domain"))

    def _is_first_column(self, k: int, cells: list[Cell]) -> bool:
        """Short labels in a narrow segment, projects after them: a row's first column."""
        return 1 < len(cells) and k + 1 < len(self.segs) and self.last_kind not in ("domain", "action") \
            and (len(cells) <= 3 or all(len(c.text.split()) <= 3 and map_domain(c.text) for c in cells)) \
            and all(c.kind in ("domain", "action") and len(c.text) <= 80 and not BULLET_RE.match(c.text)
                    for c in cells) and "action" in self.peek(k + 1, "domain")[:1] \
            and width(self.segs[k]) <= 28

    def _is_headings_column(self, k: int, cells: list[Cell]) -> bool:
        """Band headings (`Projets 2000`) or a chronicle, projects after them."""
        return len(cells) > 1 and k + 1 < len(self.segs) \
            and all(c.kind in ("period", "domain", "action") for c in cells) \
            and self.peek(k + 1, "domain")[:1] == ["action"] \
            and ("period" in [c.kind for c in cells] or chronicle(cells, self.segs, k))

    def _read_headings(self, k: int, cells: list[Cell]) -> None:
        """A first column of band headings (`Projets 2000`) and row labels (`Délégation de…`)."""
        merged: list[Cell] = []
        for c in cells:  # `Patricia MOREL et Nicole` / `PALMER`: one word ends the label above
            if merged and merged[-1].kind != "period" and c.block == merged[-1].block and len(c.text.split()) == 1:
                merged[-1].lines += c.lines
            else:
                merged.append(c)
        self.headings = [(c.top / len(self.segs[k]), c) for c in merged]
        self.band, self.domains, self.waiting = [], [], _nothing_waiting()
        self.last_kind = "domain"

    def _new_band(self, cells: list[Cell], split_off: bool) -> None:
        """A new table row: text after its dates or budget, or a first-column cell after projects
        (a label between projects without one is theirs, centred in its row: `Appui à la
        modernisation…` / `État civil` / `Formation de cadres municipaux`). Projects written in
        the segment of the band's last column (`split_off`) may go on with it over a page."""
        first, last = cells[0].kind, self.last_kind
        carried, self.carried = self.carried, None
        if len(cells) == 1 and first == "domain" and last == "action" and self._label_between(cells[0]) \
                and self._project_after(cells[0].segment):
            for r in self.band:  # the row goes on: its label, then its next project (`_label_between`)
                r.domain = heading(cells[0])
            return
        new_band = first in ("action", "domain") and last in ("when", "budget") \
            or first == "domain" and last == "action"
        if new_band or first in ("section", "period"):
            kept = label_over_page(self.band, self.rows, self.domains, cells[0]) if new_band and split_off else []
            self.band, self.domains, self.headings = [], [carried] if carried and new_band else kept, []
            self.waiting = _nothing_waiting()

    def _level_label(self, cells: list[Cell]) -> list[Cell]:
        """A label written on a date's or an amount's line (`2002, 2005 État civil`, `210 000 €
        Assainissement`) stands level with its band: it labels the band's projects without one and,
        on a date's line (the band's amount still to come), the projects written after it too."""
        c = cells[-1]
        if len(cells) < 2 or c.kind != "domain" or cells[0].kind not in ("when", "budget") \
                or c.lines[0][0] != cells[-2].lines[-1][0]:
            return cells
        label = heading(c)
        for r in self.band:
            if r.domain is None and map_domain(label):
                r.domain = label
        self.domains = [c]
        self.carried = c if cells[-2].kind == "when" else None
        return cells[:-1]

    def _split_off(self, k: int, cells: list[Cell]) -> tuple[list[Cell], list[Cell]]:
        """A dates or budget segment's cells without those of the next row
        (read again after it) and without its closing domain cells, which open
        the next band (returned apart)."""
        tail_domains: list[Cell] = []
        if cells[0].kind in ("when", "budget"):
            # the next row starts with a domain cell, or with a project that opens as one does
            # (`2003 +ou- 1500` / ` Programme de formation…`: a row written on the lines after)
            at = next((i for i, c in enumerate(cells) if c.kind == "domain"
                       or c.kind == "action" and re.match(r"^[A-ZÀ-Ý]", c.text)
                       and not (self.continued and is_prose(c.text))), len(cells))
            if at < len(cells) and any(c.kind == "action" for c in cells[at:]) \
                    and all(c.kind in ("when", "budget", "skip", "label") for c in cells[:at]):
                self.todo.insert(0, (k, cells[at:]))  # `72604€` / `ARTISANAT 6 échanges…`: the next row
                cells = cells[:at]
        while len(cells) > 1 and cells[-1].kind == "domain" and cells[0].kind in ("when", "budget"):
            tail_domains.insert(0, cells.pop())
        return cells, tail_domains

    def _read_cells(self, cells: list[Cell]) -> list[Row]:
        """Each cell by its kind; the rows this segment opens."""
        seg_rows: list[Row] = []
        for i, c in enumerate(cells):
            if c.kind == "action":
                self._action(c, cells[i + 1] if i + 1 < len(cells) else None, seg_rows)
            elif c.kind == "period":
                self.period = c.text
                self.domains = [c]
            elif c.kind == "domain":
                self.domains.append(c)
            elif c.kind not in ("section", "skip", "label"):
                self._with_its_row(c, seg_rows)
        return seg_rows

    def _action(self, c: Cell, nxt: Cell | None, seg_rows: list[Row]) -> None:
        """An action cell: a row's label between its projects, a sentence about
        the project above, the end of a cut cell, or a new row."""
        if self._label_between(c) and (nxt is not None and nxt.kind == "action" and nxt.block == c.block
                                       or nxt is None and self._project_after(c.segment)):
            self._label_band(c)  # its next project in its block, or opening the next segment
            return
        if self.band and BULLET_RE.match(c.text) and (_PROPOSALS.search(self.band[-1].cells[0].text)
                                                        or counts_its_parts(self.band[-1])):
            self.band[-1].cells.append(c)  # `Diagnostic et propositions d'actions` / `- …`: its proposals
            return
        above = seg_rows[-1] if seg_rows else (self.band[-1] if self.continued else None)
        if above is not None and is_prose(c.text, len(above.cells) > 1):
            above.cells.append(c)  # a sentence about the project above, not a project
            return
        if above is not None and BULLET_RE.match(above.cells[0].text) and not BULLET_RE.match(c.text) \
                and c.block == above.cells[-1].block and nxt is not None and BULLET_RE.match(nxt.text) \
                and not is_domain(c.text, alone=True):
            above.cells.append(c)  # `-Réalisation de la Mairie…` / `Aide de la ville … au montage…` / `-…`: its words
            return
        if c.text.startswith("(") or re.match(r"^[a-zà-ÿ]", c.text) and len(c.text.split()) <= 4:
            if self.band:  # the end of a cell cut by the page or the extraction
                self.band[-1].cells.append(c)
            return
        row = Row(domain=heading(c) if id(c) in self.own_label else None, cells=[c], period=self.period)
        # `Par la ville d’Alençon, à Koutiala:` over the projects: who and where, not a project (its
        # row keeps the cells level with it, so that they do not go to the projects below)
        row.lead = bool(_LEAD_IN.match(c.text) and nxt is not None and nxt.kind == "action")
        self.tops[id(row)] = c.top
        self.rows.append(row)
        self.band.append(row)
        seg_rows.append(row)
        self.waiting["when"].append(row)
        self.waiting["budget"].append(row)

    def _label_between(self, c: Cell) -> bool:
        """A short label after the band's projects, none of which has one: with a project after it, it is
        their row's label, printed level with the row's middle (`Appui à la modernisation de l’état civil`
        / `État civil` / `Formation de cadres municipaux`, on its line, after a gap or in a segment of its own)."""
        return bool(self.band) and not self.domains and not any(r.domain for r in self.band) \
            and len(c.text.split()) <= 3 and bool(map_domain(c.text)) and not BULLET_RE.match(c.text)

    def _project_after(self, k: int) -> bool:
        """Segment k + 1 opens with a project: an action cell, or a lone cell that dates or an amount
        follow (`_lone_cell`)."""
        kinds = self.peek(k + 1, "domain")
        return kinds[:1] == ["action"] or kinds == ["domain"] and self.peek(k + 2, "action")[:1] in (["when"],
                                                                                                     ["budget"])

    def _label_band(self, c: Cell) -> None:
        """The band's projects take label `c`, and so do those after it in the band."""
        self.domains.append(c)
        for r in self.band:
            r.domain = heading(c)

    def _with_its_row(self, c: Cell, seg_rows: list[Row]) -> None:
        """A dates or budget cell in the segment of the row before it: a row written on one line."""
        pool = self.waiting[c.kind]
        row = seg_rows[-1] if seg_rows and c.segment == seg_rows[-1].cells[0].segment else None
        if row is not None and row in pool:
            getattr(row, c.kind).append(c)
            pool.remove(row)
        elif row is not None and c.kind == "when" and row.when and row.when[-1].top + 1 == c.top \
                and row.when[-1].block == c.block:
            row.when.append(c)  # `Échange d’infirmières (convention) 2002-2003` / `2004-2005`: its dates go on

    def _give_columns(self, k: int, cells: list[Cell], seg_rows: list[Row]) -> dict[str, list[Cell]]:
        """The segment's dates and budget cells not yet given, to the rows
        waiting for them; those left (by kind) are returned."""
        if self.band and not seg_rows and cells[0].kind == "when":
            unfinished_tail(self.band[-1], cells)
        rest = {kind: [c for c in cells if c.kind == kind and c.anchor is None
                       and not any(c in getattr(r, kind) for r in self.rows)] for kind in ("when", "budget")}
        anchored = [c for c in cells if c.kind == "budget" and c.anchor is not None]
        if rest["when"] and not seg_rows:
            first_column(self.band, self.rows, self.waiting, self.tops)
        if rest["when"]:
            self._one_project_per_date(rest["when"])
            self._lead_in_items(len(rest["when"]))
        for kind, cs in rest.items():
            if cs:
                self._place_column(k, kind, cs, cells)
        for c in anchored:  # an amount written with a date goes to the first row of that date
            owner = next((r for r in self.rows if c.anchor in r.when), None)
            if owner is not None and c not in owner.budget:
                owner.budget.append(c)
                if owner in self.waiting["budget"]:
                    self.waiting["budget"].remove(owner)
        return rest

    def _one_project_per_date(self, dates: list[Cell]) -> None:
        """One row waiting, one cell, one line per date: the lines of a cell
        that have their own date are projects (each opening with a capital, or
        each level with its date: `danses bretonnes` / `théâtre` beside `En 2000`
        / `En 2001`)."""
        if len(self.waiting["when"]) != 1 or len(self.waiting["when"][0].cells) != 1:
            return
        row = self.waiting["when"][0]
        lines = row.cells[0].lines
        level = [d.top for d in dates] == [row.cells[0].top + i for i in range(len(lines))] \
            and not any(CONNECT_WORDS.search(t.strip()) for _, t in lines[:-1])
        if len(lines) == len(dates) > 1 and (level or all(re.match(r"^[A-ZÉÈÀ]", t.strip()) for _, t in lines)):
            parts = [Row(row.domain, [Cell("action", [ln], row.cells[0].top + i, row.cells[0].segment,
                                           row.cells[0].block)], period=row.period) for i, ln in enumerate(lines)]
            for part in parts:
                self.tops[id(part)] = part.cells[0].top
            at = self.rows.index(row)
            self.rows[at:at + 1] = parts
            self.band[self.band.index(row):self.band.index(row) + 1] = parts
            self.waiting = {"when": list(parts), "budget": [p for p in self.waiting["budget"] if p is not row] + parts}

    def _lead_in_items(self, dates: int) -> None:
        """A project cell ending with a colon, then its items (`Appui institutionnel à l’ARK :` / `- en
        logistique` / `- en animations territoriales`), with as many dates cells as items: one project
        per item, named by the lead-in and the item, each with its own dates and amount."""
        waiting = self.waiting["when"]
        if len(waiting) < 3 or dates != len(waiting) - 1:
            return
        head, items = waiting[0], waiting[1:]
        if head.lead or len(head.cells) != 1 or not head.text.endswith(":") or head.when or head.budget \
                or any(len(r.cells) != 1 or not BULLET_RE.match(r.text) or r.when for r in items) \
                or len({r.cells[0].segment for r in waiting}) != 1:
            return
        for r in items:
            r.intro = head.cells[0]
        self.rows.remove(head)
        self.band.remove(head)
        for pool in self.waiting.values():
            if head in pool:
                pool.remove(head)

    def _place_column(self, k: int, kind: str, cs: list[Cell], cells: list[Cell]) -> None:
        """Dates or budget cells `cs` of segment k to the rows waiting for them:
        by heading in a band with a first column of headings, else `cuf_rows.place`."""
        waiting = self.waiting[kind]
        if kind == "when" and yearly_calendar(cs, waiting):
            for row in waiting:  # every project of the row runs through the calendar
                row.when.extend(cs)
            self.calendar = list(waiting)
            self.waiting[kind] = []
            return
        if kind == "budget" and waiting and waiting == self.calendar and len(cs) > len(waiting):
            self.waiting[kind] = []  # one amount per year of the row's calendar: no project's own
            return
        if kind == "budget" and yearly_amounts(cs, waiting):
            waiting[0].budget.extend(cs)  # one programme's amount for each of its years: its first project's
            self.waiting[kind] = []
            return
        if kind == "when" and self.headings:
            date_headings(self.band, self.rows, self.headings, cs, self.tops)
        elif kind == "budget" and self.headings and cells[0].kind == "budget" and len(cs) < len(self.headings):
            budget_headings(self.band, self.headings, cs)  # one amount per heading, not per project
        else:
            stretch = (len(self.segs[waiting[0].cells[0].segment]) / len(self.segs[k])) \
                if self.headings and waiting else None
            placed = place(kind, waiting, cs, self.tops, self.domains, stretch, [len(g) for g in self.segs])
            if kind == "when" and len(cs) == 1 and len(self.domains) > 1 \
                    and all(id(d) in self.level_ids for d in self.domains):
                placed = [(r, cs[0]) for r in waiting]  # beside one label per project, a lone date spans them
            if kind == "budget" and cells[0].kind == "budget":
                placed = level_with_dates(placed, waiting)
            for row, cell in placed:
                getattr(row, kind).append(cell)
            if kind == "budget" and cells[0].kind == "when":  # amounts in the dates column:
                done = {id(x) for x, _ in placed}
                self.waiting[kind] = [r for r in waiting if id(r) not in done]
                return  # the budget column may still come for the other rows
        self.waiting[kind] = []


# a short lead-in naming who or where, ending with a colon, over the projects it introduces
_LEAD_IN = re.compile(r"^(?:Par|Pour|[AÀ]|Au|Aux|En|Dans|Sur)\s+(?:\S+\s+){0,7}?\S+\s*:\s*$")
# a project that lists proposals: the bullets under it are what it proposes, not projects done
_PROPOSALS = re.compile(r"\bpropositions?\b|\brecommandations?\b|\bpr[ée]conisations?\b", re.IGNORECASE)
