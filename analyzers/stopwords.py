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
        shift = 0
        pending: set[int] = set()
        kept_at = None
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
            p = t.pos
            if pending:  # (most tokens have none pending: no list to make)
                done = [s for s in pending if s < p]
                shift += len(done)
                pending.difference_update(done)
            if stop:
                if p != kept_at:
                    pending.add(p)
                if not t.removestops:
                    t.stopped = True
                    t.pos = p - shift
                    yield t
                continue
            pending.discard(p)
            kept_at = p
            t.stopped = False
            t.pos = p - shift
            yield t
