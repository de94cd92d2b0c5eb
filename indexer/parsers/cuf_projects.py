"""An actions table written row by row in three columns, `PROJET / OBJECTIF SPECIFIQUE / ACTIVITES
PRINCIPALES PREVUES` (Montreuil–Yélimané's PADDY sheet, Mali l.9287): one action per project row, its
objective and activities its description, the rows grouped under `Volet n : …` headings.

The extraction writes each cell as a paragraph, with nothing telling a row's end from a cell's, and
sometimes glues cells on one line. So a row is read as its cells, in order: the project, then the
objective, then the activities, the row ending with its third cell, or earlier with a cell only the
activities column is wide enough for, or with a cell stating the row's state (`Finalisation du projet
en cours`). A row short of its objective cell had it glued to its project (`Recyclages des déchets
Valoriser les déchets`): it is split where a word opens with a capital after a lower-case one. States
written as cells (`À l’étude À l’étude`, `Santé À l’étude À l’étude`) are cells of their own. An
all-capitals line is a heading (its lines cut over blank lines, `… LIQUIDES ET` / `SOLIDES`), never a
project; a row the extraction wrote twice (l.9434-9457, again under its heading l.9459-9480) is read
once, where it stands under its own heading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domains import map_domain
from ..text import fold, join_lines, squash_spaces
from .cuf_text import status, title_of
from .sheet import ActionDraft

_HEADER_RE = re.compile(r"^PROJETS?\s+OBJECTIFS?\b.*\bACTIVITES\b")  # folded, upper-case
_HEADING_RE = re.compile(r"^(?:volet\s*\d*\s*:|autres\s+volets\b)", re.IGNORECASE)
# a state written as a cell: `À l’étude`, `En cours`, `Prévu`
_STATE = r"(?:[ÀA]\s*l['’]\s*[ée]tude|En\s+cours|Prévus?|Prévues?|Réalisée?s?|Terminée?s?)"
_STATE_CELL_RE = re.compile(rf"^{_STATE}$", re.IGNORECASE)
_STATES_RE = re.compile(rf"^(?:{_STATE}\s*)+$")  # `À l’étude À l’étude`: two cells
_GLUED_STATES_RE = re.compile(rf"^(.*?\S)((?:\s+{_STATE})+)\s*$")  # `Santé À l’étude À l’étude`
_DONE_RE = re.compile(r"\b(?:realisee?s?|terminee?s?)\b")  # folded: a row said done
_STATE_WORDS_RE = re.compile(r"(?:\ba l.etude|\ben cours|\bprevue?s?)\s*\)?\s*$")  # folded, the cell's end
_GLUE_RE = re.compile(r"(?<=[a-zà-ÿ]) (?=[A-ZÀ-Ý][a-zà-ÿ])")  # `déchets Valoriser`
_WIDE = 0.7  # a cell with a line this share of the table's widest is in the activities column


@dataclass
class _Cell:
    lines: list[tuple[int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines([t for _, t in self.lines])

    @property
    def width(self) -> int:
        return max((len(t.strip()) for _, t in self.lines), default=0)

    @property
    def state(self) -> bool:
        return bool(_STATE_CELL_RE.match(squash_spaces(self.text)))


def _header(t: str) -> bool:
    return bool(_HEADER_RE.match(fold(squash_spaces(t)).upper()))


def project_table_actions(body: list[tuple[int, str]]) -> list[ActionDraft] | None:
    """One action per project row of a `PROJET / OBJECTIF SPECIFIQUE / ACTIVITES` table (`body`:
    its numbered lines, from the line after the `Actions de coopération` heading); None when no line of
    `body` is that header row (another layout)."""
    top = next((k for k, (_, t) in enumerate(body) if _header(t)), None)
    if top is None:
        return None
    heading = None  # the last heading over the header row (`Volet 1 : DEVELOPPEMENT RURAL…`)
    k = 0
    while k < top:
        if _is_heading(body[k][1]):
            heading = _heading_text(body, k)
            k = max(k + 1, min(_heading_end(body, k), top))
            continue
        k += 1
    parts: list[tuple[str | None, list[_Cell]]] = [(heading, [])]
    cell = _Cell()

    def close() -> None:
        nonlocal cell
        if cell.lines:
            parts[-1][1].append(cell)
        cell = _Cell()

    k = top + 1
    while k < len(body):
        n, t = body[k]
        s = squash_spaces(t)
        if _is_heading(t):
            close()
            text, k = _heading_text(body, k), _heading_end(body, k)
            parts.append((text, []))
            continue
        k += 1
        if not s:
            close()
            continue
        states = _STATES_RE.match(s)
        glued = None if states else _GLUED_STATES_RE.match(s)
        if states or glued:  # the states are cells of their own, after the text before them
            if glued:
                cell.lines.append((n, glued.group(1)))
            close()
            for m in re.finditer(_STATE, glued.group(2) if glued else s):
                parts[-1][1].append(_Cell([(n, m.group(0))]))
            continue
        cell.lines.append((n, t))
    close()
    widest = max((c.width for _, cells in parts for c in cells), default=0)
    rows = [(h, row) for h, cells in parts for row in _rows(cells, widest)]
    seen = {_key(row): k for k, (_, row) in enumerate(rows)}
    raw = dict(body)
    return [_draft(h, row, raw) for k, (h, row) in enumerate(rows) if seen[_key(row)] == k]


def _is_heading(t: str) -> bool:
    """A `Volet 2 : …` line, or one in capitals (`AUTRES VOLETS DU PADDY A L’ETUDE`)."""
    s = squash_spaces(t)
    return bool(_HEADING_RE.match(s)) or (not re.search(r"[a-zà-ÿ]", s) and len(re.findall(r"[A-ZÀ-Ý]{2,}", s)) >= 2)


def _heading_end(body: list[tuple[int, str]], k: int) -> int:
    """The index after a heading and the capitals lines that go on with it, blank lines between."""
    k += 1
    while k < len(body):
        s = squash_spaces(body[k][1])
        if s and (re.search(r"[a-zà-ÿ]", s) or not re.search(r"[A-ZÀ-Ý]{2,}", s) or _header(s)):
            break
        k += 1
    return k


def _heading_text(body: list[tuple[int, str]], k: int) -> str:
    return squash_spaces(" ".join(t for _, t in body[k:_heading_end(body, k)]))


def _rows(cells: list[_Cell], widest: int) -> list[list[_Cell]]:
    """The cells in rows of at most three: a wide cell or one stating the row's state ends its row;
    a cell wide or of a state opening a row goes on with the row above (cut by a page)."""
    rows: list[list[_Cell]] = []
    row: list[_Cell] = []
    for c in cells:
        wide = widest > 0 and c.width >= _WIDE * widest
        if not row and (wide or c.state) and rows:
            rows[-1].append(c)
            continue
        row.append(c)
        if len(row) == 3 or (len(row) > 1 and (wide or c.state or _STATE_WORDS_RE.search(fold(c.text)))):
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return [_split_glued(r) for r in rows]


def _split_glued(row: list[_Cell]) -> list[_Cell]:
    """A row of two cells had its objective glued to its project's first line: split there."""
    if len(row) != 2:
        return row
    (n, first), rest = row[0].lines[0], row[0].lines[1:]
    m = _GLUE_RE.search(first.strip())
    if m is None:
        return row
    head, tail = first.strip()[:m.start()], first.strip()[m.end():]
    return [_Cell([(n, head)]), _Cell([(n, tail), *rest]), row[1]]


def _key(row: list[_Cell]) -> tuple[str, ...]:
    return tuple(" ".join(re.findall(r"\w+", fold(c.text))) for c in row)


def _draft(heading: str | None, row: list[_Cell], raw: dict[int, str]) -> ActionDraft:
    project, objective, activities = (row + [_Cell(), _Cell()])[:3]
    extra = row[3:]  # an activities cell cut by a page
    told = [("Objectif", [objective]), ("Activités", [activities, *extra])]  # a state alone tells no content
    description = " ".join(f"{label} : {text.rstrip(' .')}." for label, cells in told
                           if (text := " ".join(c.text for c in cells if c.lines and not c.state)))
    states = " ".join(x.text for x in row[1:]) + " " + (heading or "")
    found = status(states)
    lines = sorted({n for c in row for n, _ in c.lines})
    return ActionDraft(
        title=title_of(project.text), keep_title=True, first=lines[0], last=lines[-1],
        # a heading naming no domain (`AUTRES VOLETS DU PADDY A L’ETUDE`) tells the rows' state, not their domain
        description=description or None, domain_raw=heading if heading and map_domain(heading) else None,
        topic=project.text,
        # a row stating no state: the table lists projects under way or planned; a cell « Réalisé », « Terminé »: done
        status=found if found != "réalisé" or any(c.state and _DONE_RE.search(fold(c.text)) for c in row[1:])
        else "en cours", budget_cell=True,
        original_text="\n".join(raw[n].rstrip() for n in lines),  # the row's lines as written
    )
