"""A budgeted programme written out in a CUF sheet's perspectives (`PROGRAMMATION DES ACTIONS -
2008 BP 2008`): an actions table in prose, one planned action per budgeted item, dated the
programme's year. The sheet's own table lists what was done; this list is what the next year's
budget funds, and rows with a planned year are actions (tests/gold/README.md). A programme of the
sheet's own year (`2008` on a sheet of 15 October 2008) is the year's, under way: its actions run then.

An item is a line closed by its amount (`Cofinancement du Festival Régional Dogon 5 000 €`), or
the paragraph just before an amount standing alone. Headings (`Barrage`, `… des 4 axes
prioritaires :`) and the paragraphs that only describe an axis are no items; `Axe prioritaire n°1 :
…` is the domain of the items under it; a `TOTAL` line ends the list.
"""
from __future__ import annotations

import re

from ..text import squash_spaces
from . import dates, fields
from .cuf_text import title_of
from .sheet import ActionDraft

_HEAD_RE = re.compile(r"^\s*PROGRAMMATION DES ACTIONS\s*[-–]?\s*((?:19|20)\d\d)\b", re.IGNORECASE)
_AXIS_RE = re.compile(r"^\s*Axes?\s+prioritaires?\s+n°\s*\d+\s*:", re.IGNORECASE)
_TOTAL_RE = re.compile(r"^\s*TOTAL\b")
_NUMBERED_RE = re.compile(r"(?:^|\s)\d\)\s+")
_DESCRIBED_RE = re.compile(r"^Descriptif des actions\s*:\s*", re.IGNORECASE)


def programme_actions(body: list[tuple[int, str]], updated: str | None = None) -> list[ActionDraft]:
    """The actions of the budgeted programme in `body` (the perspectives' numbered lines), or none
    when it has no such programme: planned, unless the sheet's own date (`updated`) falls in the
    programme's year or after it."""
    start = next((k for k, (_, t) in enumerate(body) if _HEAD_RE.match(t)), None)
    if start is None:
        return []
    year = int(_HEAD_RE.match(body[start][1]).group(1))  # type: ignore[union-attr]
    date = dates.sheet_date(updated)
    status = "en projet" if date is None or date[0] < year else "en cours"
    out: list[ActionDraft] = []
    axis: str | None = None
    para: list[tuple[int, str]] = []  # the paragraph being read
    last: list[tuple[int, str]] = []  # the paragraph closed before it
    for n, raw in body[start + 1:]:
        s = squash_spaces(raw)
        if _TOTAL_RE.match(s):
            break
        if not s:
            if para:
                last, para = para, []
            continue
        if _AXIS_RE.match(s):
            axis, para, last = s, [], []
            continue
        if s.endswith(":") and s.count("(") == s.count(")"):  # a heading over the items that follow
            axis, para, last = s.rstrip(" :"), [], []
            continue
        amounts = fields.amounts(s)
        amount = amounts[-1] if amounts and amounts[-1].currency and not s[amounts[-1].end:].strip() else None
        if amount is None:  # no amount closing the line: text of a paragraph
            para.append((n, s))
            continue
        text = s[:amount.start].strip()
        lines = para + [(n, text)] if text else (para or last)
        para, last = [], []
        if lines:
            out += _items(lines, amount.text, axis, year, n, status)
    return out


def _items(lines: list[tuple[int, str]], amount: str, axis: str | None, year: int,
           amount_line: int, status: str) -> list[ActionDraft]:
    """One budgeted paragraph: one action, or one per numbered part (`1) … 2) …`), the amount
    going to the first."""
    text = _DESCRIBED_RE.sub("", " ".join(t for _, t in lines if t))
    parts = [p for p in _NUMBERED_RE.split(text) if p.strip()] if _NUMBERED_RE.match(text) else [text]
    out = []
    for k, part in enumerate(parts):
        first = next((n for n, t in lines if part[:15] in t), lines[0][0])
        out.append(ActionDraft(
            title=title_of(part), keep_title=True, first=first, last=max(amount_line, lines[-1][0]),
            description=part.strip(), domain_raw=axis, status=status, when=str(year),
            budget=amount if k == 0 else None, budget_cell=True, start=year, end=year,
            original_text="\n".join(t for _, t in lines) + f"\n{amount}"))
    return out
