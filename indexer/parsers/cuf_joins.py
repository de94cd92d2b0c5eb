"""Where a cell of a Cités Unies France actions table goes on when the extraction or
a page cut it: a lower-case start after an unfinished line (`chaque année, des` /
`réalisations sont`), a project left dangling on a word past the dates written level
with its cut, a project's tail written among the dates, and a short label line over a
row written on its lines. The table reader that calls these is `cuf_table.py`.
"""
from __future__ import annotations

import re

from . import dates
from .cuf_cells import BULLET_RE, CONNECT_WORDS, DANGLING, Cell, dates_inside, is_domain, upper
from .cuf_rows import Row


def label_line_over_row(cells: list[Cell]) -> None:
    """A row written on its lines, its label on a line of its own above the project whose last line
    ends with the row's dates and amount (`Sécurité alimentaire` / `Programme d'appui pour la
    promotion de` / `semences et la sécurité alimentaire 2006-2007 7958`): that short line is the
    row's label, not a project of its own."""
    if len(cells) < 3:
        return
    label, project, after = cells[0], cells[1], cells[2]
    text = label.text.strip()
    if label.kind != "action" or len(label.lines) != 1 or len(text.split()) > 4 or re.search(r"\d", text) \
            or BULLET_RE.match(text) or not is_domain(text, alone=True):
        return
    if project.kind == "action" and project.block == label.block and after.kind in ("when", "budget") \
            and after.lines[0][0] == project.lines[-1][0] and cells[-1].kind in ("when", "budget"):
        label.kind = "domain"


def cut_by_gap(prev: Cell, first: Cell) -> bool:
    """A segment's first cell goes on with the last cell of the segment before
    (`chaque année, des` / `réalisations sont`): a lower-case start after an
    unfinished line of the same kind of text; an upper-case heading cut after
    its dangling word (`… LIQUIDES ET` / `SOLIDES`)."""
    if prev.kind == "domain" and DANGLING.search(prev.text) and upper(prev.text) and upper(first.text) \
            and first.kind in ("domain", "action") and len(first.lines) == 1:
        return True
    return bool(prev.kind in ("when", "action") and re.match(r"^[a-zà-ÿ]", first.text)
                and not re.search(r"[.;:!?)]$", prev.text) and first.kind in ("when", "action")
                and (first.kind == prev.kind == "action" or prev.kind == "when" or CONNECT_WORDS.search(prev.text)))


def dangling_goes_on(last: Cell, cells: list[Cell]) -> bool:
    """The band's last project left dangling on a word or an open parenthesis (`… du cercle de`) goes on with the
    segment's first text, past the dates or amount written level with its cut (`2008` /
    `Yélimané.`, `6 000,00 €` / `mieux faire connaître…`): that text joins it."""
    inside = dates_inside(cells[0]) if cells and last.kind == "action" and CONNECT_WORDS.search(last.text) else None
    if inside is not None:  # `… jardins maraîchers,` / `Actions menées … poursuivies depuis.` / ` plantations d’arbres`
        last.lines += inside[1]
        cells[0].lines, cells[0].kind = inside[0], "when"
        return True
    open_paren = last.text.count("(") > last.text.count(")")
    if last.kind != "action" or not (DANGLING.search(last.text) or open_paren):
        return False
    at = next((i for i, c in enumerate(cells) if c.kind not in ("when", "budget") or len(c.lines) > 1), None)
    if at is None or cells[at].kind != "action" or BULLET_RE.match(cells[at].text) \
            or not DANGLING.search(last.text) and not re.match(r"^[a-zà-ÿ]", cells[at].text):
        return False  # inside an open parenthesis, only a lower-case start goes on with it
    last.lines += cells.pop(at).lines
    return True


def unfinished_tail(row: Row, cells: list[Cell]) -> None:
    """A project cell cut short (`formation sur place dispensée par des`) ends
    in the dates column, among the dates: its lower-case lines without a date
    (`techniciens de la communauté` / `urbaine de Bordeaux`) go back to it."""
    last = row.cells[-1].lines[-1][1].strip()
    if not CONNECT_WORDS.search(last):
        return
    for c in cells:
        at = next((i for i, (_, t) in enumerate(c.lines) if i and re.match(r"^[a-zà-ÿ]", t.strip())
                   and not any(dates.years(x).found for _, x in c.lines[i:])), None)
        if at is not None:
            row.cells[-1].lines += c.lines[at:]
            del c.lines[at:]
            return
