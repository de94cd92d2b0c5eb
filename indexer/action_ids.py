"""Action ids that stay put: the ledger `indexer/action_ids.tsv` of every action id ever issued.

An action's id is its partnership's id and a number (`cg-ain--x--a07`). The number used to be the
action's rank in its partnership: a parsing fix that merged or split a sheet's actions moved every
later action by one, and its old id silently opened another action (QA r44, audit 8, defect 1).
Now each build matches a partnership's actions, in document order, to the ids the ledger gave it:
the same title first (folded; when a title repeats, the entry with the same years, budget and
description, then the same place among the namesakes: `marks`), then an id retired for that title
(the action came back: it takes its id again), then a close title (`close`: the shorter title's
words all in the other); a matched action keeps its id, an action left over takes its partnership's
next number never issued (retired numbers included), and an id left over is retired (the API and the
pages answer 410 for it, naming the partnership). A stale ledger never fails the build: it numbers
as said and warns. `repertoires ids` writes what the build found back into the ledger (new ids
appended, lost ones marked retired, nothing renumbered).
"""
from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from analyzers.spelling import edit_distance
from analyzers.stopwords import STOPWORDS

from .ids import action_id
from .records import Action, Partnership
from .text import fold

LEDGER = Path(__file__).with_name("action_ids.tsv")
T = TypeVar("T")
_PROJECT = Path(__file__).resolve().parent.parent  # the ledger's path is said from there
COLUMNS = ("partnership_id", "action_id", "state", "document", "title", "marks")
ACTIVE, RETIRED = "active", "retired"
CLOSE = 0.5  # the likeness from which a retitled action is still the same action
UPDATE = "repertoires ids"  # the command that brings the ledger up to date


class IdWarning(str):
    """A build warning of the ledger (number_actions: an id new, retired or given back, whose links
    change), which `repertoires index` shows even without --warnings (repertoires/output.py): told
    by its kind, not by its wording. A str: the report's warnings stay text (meta.json)."""

    __slots__ = ()


@dataclass(frozen=True)
class Entry:
    """One issued id: its partnership, the title it was issued for (the last one seen) and its
    document, and whether it is retired (no action answers it any more)."""
    partnership_id: str
    action_id: str
    title: str
    document: str = ""
    retired: bool = False
    marks: str = ""  # the action's years, budget and description (`marks`), when its title repeats

    @property
    def number(self) -> int:
        return int(self.action_id.rpartition("--a")[2])


def fingerprint(title: str | None) -> str:
    """The title as the ledger compares it: folded, its words only (case, accents and punctuation
    a parsing fix may change do not make another action)."""
    return " ".join(re.findall(r"\w+", fold(title or "")))


def likeness(a: str | None, b: str | None) -> float:
    """How alike two titles are, 0 to 1: the share of their content words they have in common
    (Dice; `content_words`). Two actions merged into one are each like the merged title, the first
    one more so (« Création de jardins maraîchers » and « … et plantations d'arbres »)."""
    return _dice(content_words(a), content_words(b))


def _dice(x: set[str], y: set[str]) -> float:
    """likeness of two titles' content words (close has them already: not computed twice)."""
    return 2 * _shared(x, y) / (len(x) + len(y)) if x and y else 0.0


def close(a: str | None, b: str | None) -> bool:
    """Whether a title is another's retitled, not another action's: alike (`CLOSE`), and every
    content word of the shorter one is in the longer one (a fix that adds or drops words, merges
    two actions or mends a letter). Sibling actions share half their words, each with its own
    (« Appui à l'élevage cunicole » / « … ovin »): such a one took a dropped sibling's id, and its
    old links opened the wrong action (review r44, finding 1)."""
    x, y = content_words(a), content_words(b)
    return _dice(x, y) >= CLOSE and _shared(x, y) == min(len(x), len(y))


def content_words(title: str | None) -> set[str]:
    """A title's words that say what the action is: three letters or more, not a stop word
    (« des », « pour »: any two titles share them), without a plural's final s or x."""
    words = (w for w in fingerprint(title).split() if len(w) > 2 and w not in STOPWORDS)
    return {w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in words}


def _shared(x: set[str], y: set[str]) -> int:
    """How many words of the smaller set the other has, a long word (7 letters or more) also
    with one letter mended (« constrution », « construction »; the speller's edit_distance, so two
    neighbours swapped too: « constrcution »)."""
    small, big = sorted((x, y), key=len)
    return sum(w in big or (len(w) >= 7 and any(len(v) >= 7 and edit_distance(w, v, 1) <= 1 for v in big))
               for w in small)


def marks(a: Action) -> str:
    """What tells an action from another of the same title in its partnership (QA r44, audit 9,
    defect 1: two « Ecoles » rows): its years, its budget as written and a digest of its
    description, folded words."""
    years = [a.start, a.end] if a.start or a.end else a.years
    budget = a.budget
    spent = (f"{budget.amount:g}{budget.currency or ''}" if budget and budget.amount
             else _digest("b", budget.text if budget else None))
    words = [*(str(y) for y in years if y), spent, _digest("d", a.description)]
    return " ".join(w for w in words if w)


def _digest(kind: str, text: str | None) -> str:
    """A text as a short word (`kind` and 8 hex digits), so that a long one fits the ledger's line."""
    words = fingerprint(text)
    return f"{kind}{zlib.crc32(words.encode()):08x}" if words else ""


def _alike(a: str, b: str) -> float:
    """How alike two `marks` are, 0 to 1 (Dice on their words); 0 when either is unknown."""
    x, y = set(a.split()), set(b.split())
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


# --- the ledger file ---------------------------------------------------------

def read(path: Path | None = None) -> list[Entry]:
    """The ledger's entries; none when there is no file (every action is then new, numbered in
    document order from 1, as ids were before the ledger)."""
    path = path or LEDGER
    if not path.is_file():
        return []
    entries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:], start=2):
        if line.strip():
            if why := _malformed(line):
                raise LedgerError(f"{_shown(path)} : ligne {n} : {why} ; corrigez-la, puis relancez la commande")
            pid, aid, state, document, title, *rest = line.split("\t", 5)
            entries.append(Entry(pid, aid, title, document, state == RETIRED, rest[0] if rest else ""))
    return entries


class LedgerError(ValueError):
    """A line of the ledger that cannot be read (a merge's conflict marks, a hand edit): the build
    stops with this French line rather than a traceback (review r44, finding 3), since numbering
    against a ledger read in part would give its lost ids to other actions."""


def _malformed(line: str) -> str | None:
    """What is wrong with a ledger line, in French; None when it reads."""
    cols = line.split("\t", 5)
    if line.startswith(("<<<<<<<", "=======", ">>>>>>>")):
        return f"marque de conflit de fusion « {line[:20]} »"
    if len(cols) < 5:
        return f"{len(cols)} colonne{'s' if len(cols) > 1 else ''} au lieu de 5 ({', '.join(COLUMNS[:5])})"
    pid, aid, state = cols[:3]
    if not re.fullmatch(re.escape(pid) + r"--a\d+", aid):
        return f"l'id « {aid} » n'est pas celui d'une action de « {pid} » (« {pid}--a01 »…)"
    if state not in (ACTIVE, RETIRED):
        return f"état « {state} » inconnu (« {ACTIVE} » ou « {RETIRED} »)"
    return None


def _shown(path: Path) -> str:
    """The ledger's path as the user knows it (from the project's folder when it is in it)."""
    try:
        return str(path.resolve().relative_to(_PROJECT))
    except ValueError:
        return str(path)


def write(entries: Iterable[Entry], path: Path | None = None) -> None:
    """The ledger, one id a line, by partnership then number (a diff shows what was added)."""
    rows = ["\t".join(COLUMNS)] + [
        "\t".join((e.partnership_id, e.action_id, RETIRED if e.retired else ACTIVE, e.document,
                   one_line(e.title), e.marks))
        for e in sorted(entries, key=lambda e: (e.partnership_id, e.number))]
    (path or LEDGER).write_text("\n".join(rows) + "\n", encoding="utf-8")


# --- numbering a build's actions ---------------------------------------------

def _matched(acts: list[Action], free: list[Entry], gone: list[Entry]) -> dict[int, Entry]:
    """Which ledger entry each action (by its place in `acts`, document order) keeps: a free one
    with the same title (`_same_titles`), then a retired one with the same title (the action is
    back: its old id answers again, not a new one), then the likest free one of those `close` to it."""
    got = _same_titles(list(enumerate(acts)), free)
    got |= _same_titles([(i, a) for i, a in enumerate(acts) if i not in got], gone)
    for i, a in enumerate(acts):
        if i in got or not free:
            continue
        near = [e for e in free if close(a.title, e.title)]
        if near:
            best = max(near, key=lambda e: (likeness(a.title, e.title), -e.number))
            got[i] = best
            free.remove(best)
    return got


def _same_titles(acts: list[tuple[int, Action]], pool: list[Entry]) -> dict[int, Entry]:
    """The entries of `pool` (taken from it) with the same title as the actions `acts` (their
    places, actions). When a title repeats, the first title alone would give the first entry to
    whichever action comes first, and an action dropped before its namesake passed its id on
    (QA r44, audit 9, defect 1): pairs go by `marks` first, then by place among the namesakes."""
    got: dict[int, Entry] = {}
    theirs_of = _by_fingerprint(pool, lambda e: e.title)
    for key, mine in _by_fingerprint(acts, lambda ia: ia[1].title).items():
        theirs = sorted(theirs_of.get(key, []), key=lambda e: e.number)
        mine_marks = [marks(a) for _, a in mine]
        pairs = sorted(((r, s) for r in range(len(mine)) for s in range(len(theirs))),
                       key=lambda rs: (-_alike(mine_marks[rs[0]], theirs[rs[1]].marks), abs(rs[0] - rs[1]),
                                       rs[1], rs[0]))
        for r, s in pairs:
            i, e = mine[r][0], theirs[s]
            if i not in got and e in pool:
                got[i] = e
                pool.remove(e)
    return got


def _by_fingerprint(items: Iterable[T], title: Callable[[T], str | None]) -> dict[str, list[T]]:
    """`items` grouped by their title's fingerprint, in order: each fingerprint computed once (found
    again for each title and pool entry, it took ~32k calls a build: read 2, r44)."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(fingerprint(title(item)), []).append(item)
    return groups


def _where(a: Action) -> str:
    first = a.sources[0] if a.sources else None
    return f"{first.document}: ligne {first.first_line} : " if first else ": "


def number_actions(actions: list[Action], partnerships: Mapping[str, Partnership], ledger: list[Entry],
                   warnings: list[str], unread: Collection[str] = ()) -> list[Action]:
    """The actions of known partnerships, in document order, each with the id the ledger keeps for
    it or a new one; a warning (`document: …`) for each new id and each id no action answers (none
    for a document not read: `unread`, its ids are not retired)."""
    kept = [a for a in actions if a.partnership_id in partnerships]
    by_pid: dict[str, list[Action]] = {}
    for a in kept:
        by_pid.setdefault(a.partnership_id, []).append(a)
    known: dict[str, list[Entry]] = {}
    for e in ledger:
        known.setdefault(e.partnership_id, []).append(e)
    for pid in dict.fromkeys([*by_pid, *known]):
        new, left, back = _number(pid, by_pid.get(pid, []), known.get(pid, []))
        warnings += [IdWarning(f"{_where(a)}l'action « {a.title} » prend un id nouveau, {a.id} : le registre "
                               f"indexer/action_ids.tsv ne la connaît pas ({UPDATE} l'y inscrit)")
                     for a in new if ledger]
        warnings += [IdWarning(f"{e.document}: l'id {e.action_id} (« {e.title} ») ne répond plus à aucune action : "
                               f"il est retiré (410) ; {UPDATE} le marque retiré dans indexer/action_ids.tsv")
                     for e in left if e.document not in unread]
        warnings += [IdWarning(f"{_where(a)}l'action « {a.title} » est revenue : elle reprend son id retiré, {a.id} "
                               f"({UPDATE} le marque actif dans indexer/action_ids.tsv)") for a in back]
    return kept


def _number(pid: str, acts: list[Action], entries: list[Entry]
            ) -> tuple[list[Action], list[Entry], list[Action]]:
    """A partnership's actions numbered against its ledger `entries`: the actions given a new id
    (the partnership's numbers after the last issued), the active entries no action took, and the
    actions that took a retired id back."""
    free = [e for e in entries if not e.retired]
    got = _matched(acts, free, [e for e in entries if e.retired])
    last = max((e.number for e in entries), default=0)
    new = []
    for i, a in enumerate(acts):
        if i in got:
            a.id = got[i].action_id
        else:
            last += 1
            a.id = action_id(pid, last)
            new.append(a)
    return new, free, [acts[i] for i, e in got.items() if e.retired]


def lost_ids(ledger: list[Entry], actions: Iterable[Action],
             unread: Collection[str] = ()) -> tuple[dict[str, dict], dict[str, dict]]:
    """The ids of the ledger no action of the build answers, with their partnership and title, in
    two tables: the retired ones (before, or by this build), what /api/actions and the pages answer
    410 for; and those of a document the build could not read (`unread`, with the document), which
    nothing retired: only missing until the document is read again, as its records are (a first
    build with a document unreadable answered 410 « n'existe plus » for its 106 ids: review r44,
    finding 2)."""
    live = {a.id for a in actions}
    retired: dict[str, dict] = {}
    missing: dict[str, dict] = {}
    for e in ledger:
        if e.action_id in live:
            continue
        said = {"partnership_id": e.partnership_id, "title": e.title}
        if e.document in unread:
            missing[e.action_id] = dict(said, document=e.document)
        else:
            retired[e.action_id] = said
    return retired, missing


def updated(ledger: list[Entry], actions: Iterable[Action]) -> list[Entry]:
    """The ledger once it has seen the build's actions (numbered by `number_actions` against it):
    each action's entry with its current title and `marks` (kept only where the title repeats in
    its partnership: the only place they decide), new ids added, ids no action answers retired (an
    id a returning action took is active again). Nothing is renumbered: an id keeps its number for ever."""
    current = {a.id: a for a in actions}
    repeated = _repeated(current.values())
    out = [replace(e, title=one_line(current[e.action_id].title), retired=False,
                   document=_document(current[e.action_id]) or e.document,
                   marks=_kept_marks(current[e.action_id], repeated))
           if e.action_id in current else replace(e, retired=True) for e in ledger]
    issued = {e.action_id for e in ledger}
    out += [Entry(a.partnership_id, a.id, one_line(a.title), _document(a), marks=_kept_marks(a, repeated))
            for a in current.values() if a.id not in issued]
    return out


def _repeated(actions: Iterable[Action]) -> set[tuple[str, str]]:
    """The (partnership, title) pairs of more than one action."""
    seen: dict[tuple[str, str], int] = {}
    for a in actions:
        key = (a.partnership_id, fingerprint(a.title))
        seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n > 1}


def _kept_marks(a: Action, repeated: set[tuple[str, str]]) -> str:
    return marks(a) if (a.partnership_id, fingerprint(a.title)) in repeated else ""


def one_line(title: str | None) -> str:
    """A title as the ledger's line holds it (no tab, no line break)."""
    return " ".join((title or "").split())


def _document(a: Action) -> str:
    return a.sources[0].document if a.sources else ""


def _id_change(was: Entry | None, e: Entry) -> str | None:
    """How `updated` changed an id: added, retired or revived (answering again), or None; the one
    reading `changes` counts and `changed_ids` names."""
    if was is None:
        return "added"
    if e.retired != was.retired:
        return "retired" if e.retired else "revived"
    return None


def changes(before: list[Entry], after: list[Entry]) -> dict[str, int]:
    """What `updated` changed: ids added, ids retired, titles rewritten, retired ids answering
    again, marks of same-titled actions rewritten (`repertoires ids` says it)."""
    old = {e.action_id: e for e in before}
    kinds = Counter(_id_change(old.get(e.action_id), e) for e in after)
    both = [(old[e.action_id], e) for e in after if e.action_id in old]
    return {"added": kinds["added"], "retired": kinds["retired"],
            "retitled": sum(e.title != o.title for o, e in both),
            "revived": kinds["revived"],
            "marked": sum(e.marks != o.marks for o, e in both)}


def twins(active: Iterable[tuple[str, str | None]]) -> Callable[[str | None], str | None]:
    """The action a retired id of a title was a copy of: among its partnership's `active` (id, title), in
    order, the first whose title the ledger reads as its own (same fingerprint, each read once); None when no
    active action has it (a parsing fix copied an action's rows: montreuil--yelimane a44-a47 were
    a40-a43 again, review 1, r49, item 6)."""
    first: dict[str, str] = {}
    for aid, title in active:
        first.setdefault(fingerprint(title), aid)
    return lambda title: first.get(own) if (own := fingerprint(title)) else None


_SAID = {"added": "ajouté", "retired": "retiré", "revived": "rendu"}


def changed_ids(before: list[Entry], after: list[Entry]) -> list[str]:
    """Each id `updated` added, retired or gave back, named with its title: what `repertoires ids`
    will write, so that the ledger need not be diffed to see which links turn to 410 (QA r44,
    audit 9, defect 7)."""
    old = {e.action_id: e for e in before}
    return [f"{_SAID[kind]} : {e.action_id} (« {e.title} »)" for e in after
            if (kind := _id_change(old.get(e.action_id), e))]
