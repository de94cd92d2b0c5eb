"""French stop words, read from `stopwords_fr.txt` (data, folded)."""
from __future__ import annotations

from pathlib import Path

from whoosh.analysis import Filter

_PATH = Path(__file__).with_name("stopwords_fr.txt")


def load_stopwords() -> frozenset[str]:
    lines = _PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


STOPWORDS = load_stopwords()


class FrenchStopFilter(Filter):
    """Removes stop words (folded tokens) and closes the gaps in positions.

    Whoosh's StopFilter renumbers token by token, which would pull apart a
    compound's joined form and its first part (same position); here a
    position is only dropped when every token at it was a stop word."""

    def __init__(self, stoplist=STOPWORDS):
        self.stops = frozenset(stoplist)

    def __eq__(self, other):
        return other.__class__ is self.__class__ and other.stops == self.stops

    def __call__(self, tokens):
        gaps = StopGaps()
        for t in tokens:
            stop = t.text in self.stops
            if not t.positions:
                if not stop:
                    t.stopped = False
                    yield t
                elif not t.removestops:
                    t.stopped = True
                    yield t
                continue
            pos = gaps.place(t.pos, stop)
            if stop and t.removestops:
                continue
            t.stopped = stop
            t.pos = pos
            yield t


class StopGaps:
    """The stop filter's renumbering, token by token: a position is dropped
    only once every token at it was a stop word (a compound's parts share
    their joined form's position). The build's analyzer plans
    (analyzers/indexing.py) number alike with the same rule inlined
    (tests/test_fast_indexing.py compares them with this filter)."""

    __slots__ = ("kept_at", "pending", "shift")

    def __init__(self) -> None:
        self.shift = 0
        self.pending: set[int] = set()  # stop words' positions not closed yet
        self.kept_at = -1

    def place(self, pos: int, stop: bool) -> int:
        """The new position of a token at `pos` (a stop word's, should it be kept)."""
        pending = self.pending
        if pending:  # (most tokens have none pending: no list to make)
            done = [s for s in pending if s < pos]
            self.shift += len(done)
            pending.difference_update(done)
        if stop:
            if pos != self.kept_at:
                pending.add(pos)
        else:
            pending.discard(pos)
            self.kept_at = pos
        return pos - self.shift
