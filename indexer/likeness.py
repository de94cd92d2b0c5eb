"""How alike two partnerships are by what their texts say: built with the index, read by the
engine to complete a short filtered listing with the partnerships most like its results
(engine/completions.py) and to list, on a partnership's page, the five most like it
(`Engine.alike`).

A partnership is the bag of the French analyzer's terms of its sheet as written, its domains and its
actions (titles, descriptions, their lines in the source). The names of the parties and places
count as far as the sheet writes them, not once more from the record's name fields. (Leaving out
every term of a name or a place, so that likeness would say only what and the filter where, was
measured on the tuned filter queries: 0.8933 -> 0.8902; the sheets of one cercle or one
programme share more than their names.) Each term weighs (1 + log tf) x log(N / df),
over N partnerships; the bag is normalised to length 1, so that two partnerships' likeness is the
cosine of their bags, from 0 (no term in common) to 1. A rare term shared (`aviculteurs`,
`motopompe`) counts much; a term of every sheet (`coopération`) nothing. Each partnership then keeps
its TOP_TERMS heaviest terms, as more-like-this searches do (Lucene's keeps 25 of a query): the
light ones add little to a cosine but most of its cost, as they are the common ones (the weights
stay those of the whole bag: two partnerships' likeness is their cosine over the terms both
keep). With every
term, the build of a corpus replicated ten times took 43.8 s instead of 11.1 s (`repertoires
bench`), with the top 100 12.3 s; on the tuned filter queries, every term gave 0.8933 nDCG@10, the
top 100 0.8926.

The likeness of every pair sharing a kept term is computed once here (a sparse product over the
terms' postings: a fraction of a second) and stored in the generation's `likeness.sqlite`, one row
per partnership's document with its MAX_NEIGHBOURS nearest, most alike first. The engine reads the
rows of a listing's results only (a few rows per request).
"""
from __future__ import annotations

import math
import sqlite3
import threading
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from analyzers.chains import french_analyzer
from analyzers.tokenizers import TOKEN_RE

# the fields of an index document (indexer/documents.py) that say what a partnership does
FIELDS = ("title", "domains_text", "body", "sheet")
TOP_TERMS = 100  # the terms a partnership is compared by
MAX_NEIGHBOURS = 300  # the neighbours a row keeps (every one, in the corpus as it is: 297 partnerships)
_NEIGHBOURS, _WEIGHTS = "I", "f"  # array types of a stored row: document numbers, likenesses
# what the engine reads: partnership documents -> {other partnership document: likeness}
LikenessRows = Callable[[Iterable[int]], dict[int, dict[int, float]]]


def term_bags(docs: Iterable[Mapping]) -> dict[str, Counter]:
    """Partnership id -> its terms with their frequencies, over the FIELDS of its own index
    document and of its actions' (each document's `pid`). Each distinct token is analysed once."""
    analyzer = french_analyzer()
    terms_of: dict[str, list[str]] = {}
    bags: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        bag = bags[doc["pid"]]
        found: list[str] = []  # counted at once: a Counter.update a token cost the build 0.2 s
        for name in FIELDS:
            for raw in TOKEN_RE.findall(doc.get(name) or ""):
                terms = terms_of.get(raw)
                if terms is None:
                    terms = terms_of[raw] = [t.text for t in analyzer(raw)]
                found += terms
        bag.update(found)
    return dict(bags)


def unit_vectors(bags: Mapping[str, Counter], top: int | None = TOP_TERMS) -> dict[str, dict[str, float]]:
    """Each bag as tf-idf weights normalised to length 1, then cut to its `top` heaviest terms (an
    empty bag, or one of terms every partnership has, stays empty: it is like nothing)."""
    n = len(bags)
    df: Counter = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    out: dict[str, dict[str, float]] = {}
    for pid, bag in bags.items():
        weights = {t: (1 + math.log(k)) * math.log(n / df[t]) for t, k in bag.items() if df[t] < n}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        kept = sorted(weights.items(), key=lambda x: (-x[1], x[0]))[:top] if top is not None else weights.items()
        out[pid] = {t: w / norm for t, w in kept} if norm else {}
    return out


def likeness(vectors: Mapping[str, Mapping[str, float]]) -> Iterator[tuple[str, dict[str, float]]]:
    """Each partnership id with its row, {other partnership id: cosine > 0}: every partnership
    sharing a term with it. Rows come one at a time, so that a caller keeping only part of each
    holds no more than that (the whole table of a corpus replicated ten times is millions of pairs)."""
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for pid, vector in vectors.items():
        for term, w in vector.items():
            postings[term].append((pid, w))
    for a, vector in vectors.items():
        row: dict[str, float] = {}
        for term, wa in vector.items():
            for b, wb in postings[term]:
                if b != a:
                    row[b] = row.get(b, 0.0) + wa * wb
        yield a, row


def write_likeness(path: Path, docs: Sequence[Mapping]) -> None:
    """The likeness table of the partnerships among `docs` (the index documents in document-number
    order), keyed by the partnerships' document numbers."""
    docnum = {d["id"]: i for i, d in enumerate(docs) if d["type"] == "partnership"}
    rows = []
    for pid, row in likeness(unit_vectors(term_bags(docs))):
        if pid not in docnum:
            continue
        ranked = sorted(((docnum[b], s) for b, s in row.items() if b in docnum),
                        key=lambda x: (-x[1], x[0]))[:MAX_NEIGHBOURS]
        rows.append((docnum[pid], array(_NEIGHBOURS, [b for b, _ in ranked]).tobytes(),
                     array(_WEIGHTS, [s for _, s in ranked]).tobytes()))
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = OFF")  # a new file in an unpublished generation
        db.execute("PRAGMA synchronous = OFF")  # the build fsyncs the generation before publishing it
        db.execute("CREATE TABLE likeness (docnum INTEGER PRIMARY KEY, neighbours BLOB, weights BLOB)")
        db.executemany("INSERT INTO likeness VALUES (?, ?, ?)", rows)
        db.commit()
    finally:
        db.close()


class LikenessTable:
    """A generation's likeness table, opened read-only; safe to share between threads."""

    def __init__(self, path: Path):
        self._db = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
        self._lock = threading.Lock()

    def rows(self, docnums: Iterable[int]) -> dict[int, dict[int, float]]:
        """Partnership document -> {other partnership document: likeness}, for `docnums` (a
        document with no row, an action or a partnership like no other, maps to {})."""
        wanted = list(dict.fromkeys(docnums))
        out: dict[int, dict[int, float]] = {d: {} for d in wanted}
        if not wanted:
            return out
        marks = ",".join("?" * len(wanted))
        try:
            with self._lock:
                found = self._db.execute(f"SELECT docnum, neighbours, weights FROM likeness "
                                         f"WHERE docnum IN ({marks})", wanted).fetchall()
            for d, neighbours, weights in found:
                out[d] = dict(zip(array(_NEIGHBOURS, neighbours), array(_WEIGHTS, weights), strict=True))
        except (sqlite3.Error, ValueError):  # a damaged table is like nothing: listings complete by domain
            return {d: {} for d in wanted}
        return out


def open_likeness(path: Path) -> LikenessRows | None:
    """The row reader of the table at `path`, or None when the generation has none (an index
    built before it existed: its listings are then completed by domain only)."""
    return LikenessTable(path).rows if Path(path).is_file() else None
