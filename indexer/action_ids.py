"""Action ids that stay put: the ledger `indexer/action_ids.tsv` of every action id ever issued.

An action's id is its partnership's id and a number (`cg-ain--x--a07`). The number used to be the
action's rank in its partnership: a parsing fix that merged or split a sheet's actions moved every
later action by one, and its old id silently opened another action (QA r44, audit 8, defect 1).
Now each build matches a partnership's actions, in document order, to the ids the ledger gave it:
the same title first (folded), then a close one (`likeness`); a matched action keeps its id, an
action left over takes its partnership's next number never issued (retired numbers included), and
an id left over is retired (the API and the pages answer 410 for it, naming the partnership). A
stale ledger never fails the build: it numbers as said and warns. `repertoires ids` writes what the
build found back into the ledger (new ids appended, lost ones marked retired, nothing renumbered).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .ids import action_id
from .records import Action, Partnership
from .text import fold

LEDGER = Path(__file__).with_name("action_ids.tsv")
COLUMNS = ("partnership_id", "action_id", "state", "document", "title")
ACTIVE, RETIRED = "active", "retired"
CLOSE = 0.5  # the likeness from which a retitled action is still the same action
UPDATE = "repertoires ids"  # the command that brings the ledger up to date


@dataclass(frozen=True)
class Entry:
    """One issued id: its partnership, the title it was issued for (the last one seen) and its
    document, and whether it is retired (no action answers it any more)."""
    partnership_id: str
    action_id: str
    title: str
    document: str = ""
    retired: bool = False

    @property
    def number(self) -> int:
        return int(self.action_id.rpartition("--a")[2])


def fingerprint(title: str | None) -> str:
    """The title as the ledger compares it: folded, its words only (case, accents and punctuation
    a parsing fix may change do not make another action)."""
    return " ".join(re.findall(r"\w+", fold(title or "")))


def likeness(a: str | None, b: str | None) -> float:
    """How alike two titles are, 0 to 1: the share of their words of three letters or more they
    have in common (Dice). Two actions merged into one are each like the merged title, the first
    one more so (« Création de jardins maraîchers » and « … et plantations d'arbres »)."""
    x, y = ({w for w in fingerprint(t).split() if len(w) > 2} for t in (a, b))
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


# --- the ledger file ---------------------------------------------------------

def read(path: Path | None = None) -> list[Entry]:
    """The ledger's entries; none when there is no file (every action is then new, numbered in
    document order from 1, as ids were before the ledger)."""
    path = path or LEDGER
    if not path.is_file():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            pid, aid, state, document, title = line.split("\t", 4)
            entries.append(Entry(pid, aid, title, document, state == RETIRED))
    return entries


def write(entries: Iterable[Entry], path: Path | None = None) -> None:
    """The ledger, one id a line, by partnership then number (a diff shows what was added)."""
    rows = ["\t".join(COLUMNS)] + [
        "\t".join((e.partnership_id, e.action_id, RETIRED if e.retired else ACTIVE, e.document,
                   one_line(e.title)))
        for e in sorted(entries, key=lambda e: (e.partnership_id, e.number))]
    (path or LEDGER).write_text("\n".join(rows) + "\n", encoding="utf-8")


# --- numbering a build's actions ---------------------------------------------

def _matched(titles: list[str], free: list[Entry]) -> dict[int, Entry]:
    """Which ledger entry each action (by its place in `titles`, document order) keeps: the first
    free one with the same title, then, for those left, the closest free one (`CLOSE` at least)."""
    got: dict[int, Entry] = {}
    for i, title in enumerate(titles):
        same = next((e for e in free if fingerprint(e.title) == fingerprint(title)), None)
        if same is not None:
            got[i] = same
            free.remove(same)
    for i, title in enumerate(titles):
        if i in got or not free:
            continue
        best = max(free, key=lambda e: (likeness(title, e.title), -e.number))
        if likeness(title, best.title) >= CLOSE:
            got[i] = best
            free.remove(best)
    return got


def _where(a: Action) -> str:
    first = a.sources[0] if a.sources else None
    return f"{first.document}: ligne {first.first_line} : " if first else ": "


def number_actions(actions: list[Action], partnerships: Mapping[str, Partnership], ledger: list[Entry],
                   warnings: list[str]) -> list[Action]:
    """The actions of known partnerships, in document order, each with the id the ledger keeps for
    it or a new one; a warning (`document: …`) for each new id and each id no action answers."""
    kept = [a for a in actions if a.partnership_id in partnerships]
    by_pid: dict[str, list[Action]] = {}
    for a in kept:
        by_pid.setdefault(a.partnership_id, []).append(a)
    known: dict[str, list[Entry]] = {}
    for e in ledger:
        known.setdefault(e.partnership_id, []).append(e)
    for pid in dict.fromkeys([*by_pid, *known]):
        new, left = _number(pid, by_pid.get(pid, []), known.get(pid, []))
        warnings += [f"{_where(a)}l'action « {a.title} » prend un id nouveau, {a.id} : le registre "
                     f"indexer/action_ids.tsv ne la connaît pas ({UPDATE} l'y inscrit)" for a in new if ledger]
        warnings += [f"{e.document}: l'id {e.action_id} (« {e.title} ») ne répond plus à aucune action : il est "
                     f"retiré (410) ; {UPDATE} le marque retiré dans indexer/action_ids.tsv" for e in left]
    return kept


def _number(pid: str, acts: list[Action], entries: list[Entry]) -> tuple[list[Action], list[Entry]]:
    """A partnership's actions numbered against its ledger `entries`: the actions given a new id
    (the partnership's numbers after the last issued), and the active entries no action took."""
    free = [e for e in entries if not e.retired]
    got = _matched([a.title for a in acts], free)
    last = max((e.number for e in entries), default=0)
    new = []
    for i, a in enumerate(acts):
        if i in got:
            a.id = got[i].action_id
        else:
            last += 1
            a.id = action_id(pid, last)
            new.append(a)
    return new, free


def retired(ledger: list[Entry], actions: Iterable[Action]) -> dict[str, dict]:
    """Every id of the ledger no action of the build answers (retired before, or by this build),
    with its partnership and title: what /api/actions and the pages answer 410 for."""
    live = {a.id for a in actions}
    return {e.action_id: {"partnership_id": e.partnership_id, "title": e.title}
            for e in ledger if e.action_id not in live}


def updated(ledger: list[Entry], actions: Iterable[Action]) -> list[Entry]:
    """The ledger once it has seen the build's actions (numbered by `number_actions` against it):
    each action's entry with its current title, new ids added, ids no action answers retired.
    Nothing is renumbered: an id keeps its number for ever."""
    current = {a.id: a for a in actions}
    out = [replace(e, title=one_line(current[e.action_id].title), retired=False,
                   document=_document(current[e.action_id]) or e.document)
           if e.action_id in current else replace(e, retired=True) for e in ledger]
    issued = {e.action_id for e in ledger}
    out += [Entry(a.partnership_id, a.id, one_line(a.title), _document(a))
            for a in current.values() if a.id not in issued]
    return out


def one_line(title: str | None) -> str:
    """A title as the ledger's line holds it (no tab, no line break)."""
    return " ".join((title or "").split())


def _document(a: Action) -> str:
    return a.sources[0].document if a.sources else ""


def changes(before: list[Entry], after: list[Entry]) -> dict[str, int]:
    """What `updated` changed: ids added, ids retired, titles rewritten (`repertoires ids` says it)."""
    old = {e.action_id: e for e in before}
    return {"added": sum(e.action_id not in old for e in after),
            "retired": sum(e.retired and not old[e.action_id].retired for e in after if e.action_id in old),
            "retitled": sum(e.action_id in old and e.title != old[e.action_id].title for e in after)}
