"""The build's fast path through the analyzers: each text field's words and
positions as Whoosh's `Positions` format makes them from the analyzer's
token stream, without the stream.

Indexing the corpus ran every token through seven generators (the tokenizer
and six filters, one `Token` object passed along), about a second of the
build. Most of a filter's work depends on the token's text alone (elision,
folding, saints, stemming): here that is done once per distinct word and
remembered, and what depends on a token's neighbours (a leading article,
the positions a compound adds, the stop filter's position gaps) is the
filters' own bookkeeping in one loop over the tokens. `Plan.positions` equals the
analyzer's own output in Whoosh's index mode (tests/test_fast_indexing.py
compares them over the whole corpus); an analyzer made of anything else has
no plan and is run as it is.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from whoosh.formats import Positions

from .filters import (
    LEADING_ARTICLES,
    CompoundSplitFilter,
    ElisionFilter,
    LeadingArticleFilter,
    SaintFilter,
    elide,
    normalize_saint,
)
from .folding import FoldFilter, fold_text
from .stemming import FrenchStemFilter, stem_word
from .stopwords import FrenchStopFilter
from .tokenizers import TOKEN_RE, FrenchTokenizer, normalize_token, numbered

# the filters that map a token's text alone, and whether they drop a token
# they map to "" (the stemmer keeps it)
_MAPS: dict[type, tuple[Callable[[str], str], bool]] = {
    ElisionFilter: (elide, True),
    FoldFilter: (fold_text, True),
    SaintFilter: (normalize_saint, True),
    FrenchStemFilter: (stem_word, False),
}


Piece = tuple[str | None, int, bool]  # a word's text (None: dropped after the stop filter), offset, stop word


class Plan:
    """One analyzer's indexing as one loop over the text's tokens. Its chain
    is read as: per-word filters (`pre`), a leading article filter or not,
    compound splitting or not, the stop filter or not, per-word filters
    (`post`). Each distinct token's text after `pre` and its pieces (the
    compound's joined form and parts with their offsets, stop words marked,
    `post` applied) are computed once; the loop only places them."""

    def __init__(self, pre: list[tuple[Callable[[str], str], bool]], article: bool, joined: bool | None,
                 stops: frozenset[str] | None, post: list[tuple[Callable[[str], str], bool]], gap: int = 0):
        self.pre, self.article, self.joined, self.stops, self.post = pre, article, joined, stops, post
        self.gap = gap  # the tokenizer's: positions skipped at a line break
        self._tokens: dict[str, tuple[str, tuple[Piece, ...], int] | None] = {}

    def _token(self, raw: str) -> tuple[str, tuple[Piece, ...], int] | None:
        """What the chain makes of one token: its text after `pre`, its pieces,
        and how many positions its compound adds; None when `pre` drops it."""
        text = normalize_token(raw)
        for fn, drops in self.pre:
            text = fn(text)
            if drops and not text:
                return None
        parts: tuple[str, ...] = ()
        if self.joined is not None and ("-" in text or "'" in text or " " in text):
            parts = tuple(p for p in text.replace("'", "-").replace(" ", "-").split("-") if p)
        if len(parts) > 1:
            words = ([("".join(parts), 0)] if self.joined else []) + [(part, i) for i, part in enumerate(parts)]
            extra = len(parts) - 1
        else:
            words, extra = [(parts[0] if parts else text, 0)], 0
        pieces: list[Piece] = []
        for word, offset in words:
            stop = self.stops is not None and word in self.stops
            pieces.append((None if stop else self._post(word), offset, stop))
        return text, tuple(pieces), extra

    def _post(self, word: str) -> str | None:
        for fn, drops in self.post:
            word = fn(word)
            if drops and not word:
                return None
        return word

    def prime(self, raws: Iterable[str]) -> None:
        """Each of `raws` (single tokens) worked out now rather than when met."""
        known = self._tokens
        for raw in raws:
            if raw not in known:
                known[raw] = self._token(raw)

    def positions(self, value: str) -> dict[str, list[int]]:
        """Each term of `value` with its positions, in the order of first occurrence
        (what the chain's tokens give Whoosh's Positions format in index mode)."""
        known = self._tokens
        out: dict[str, list[int]] = {}
        shift = 0  # positions added by compounds, less a dropped leading article
        held: tuple[int, tuple[Piece, ...], int] | None = None  # a first token that is an article
        first = True
        # the stop filter's renumbering (stopwords.StopGaps.place), inlined: it ran for every
        # piece of every token, a fifth of the positions' time as a method
        gap_shift, kept_at = 0, -1
        pending: set[int] = set()  # stop words' positions not closed yet
        if self.gap and "\n" in value:  # a names field's lines, each `gap` apart (tokenizers.numbered)
            tokens: Iterable[tuple[int, str]] = [(p, m.group(0)) for p, m in numbered(value, self.gap)]
        else:
            tokens = enumerate(TOKEN_RE.findall(value))
        for pos, raw in tokens:
            if raw in known:
                token = known[raw]
            else:
                token = known[raw] = self._token(raw)
            if token is None:
                continue
            text, pieces, extra = token
            if first:
                first = False
                if self.article and text in LEADING_ARTICLES:
                    held = (pos, pieces, extra)
                    continue
            if held is not None:  # another token follows the article: it goes, the others move back
                held = None
                shift -= 1
            base = pos + shift
            shift += extra
            for final, offset, stop in pieces:
                at = base + offset
                if pending:  # (most tokens have none pending)
                    done = [s for s in pending if s < at]
                    gap_shift += len(done)
                    pending.difference_update(done)
                if stop:
                    if at != kept_at:
                        pending.add(at)
                    continue
                pending.discard(at)
                kept_at = at
                if final is None:
                    continue
                p = at - gap_shift
                if final in out:
                    out[final].append(p)
                else:
                    out[final] = [p]
        if held is not None:  # the article was the only token: it stays
            _place(out, *held)
        return out


def _place(out: dict[str, list[int]], pos: int, pieces: tuple[Piece, ...], _extra: int) -> None:
    """A lone token's words at their positions (nothing before it to shift them)."""
    for final, offset, _ in pieces:
        if final is not None:
            out.setdefault(final, []).append(pos + offset)


_PLANS: dict[tuple, Plan | None] = {}


def plan_for(analyzer) -> Plan | None:
    """The plan of a composed analyzer made of the French tokenizer and this
    package's filters in the order the chains use them; None for any other
    analyzer (it is then run as it is). Equal chains share one plan, and so
    what it remembers of each token (the schema's fields, the word tables,
    `prime`)."""
    items = getattr(analyzer, "items", None)
    if not items or type(items[0]) is not FrenchTokenizer:
        return None
    key = tuple((type(item), getattr(item, "joined", None), getattr(item, "stops", None), getattr(item, "gap", None))
                for item in items)
    if key not in _PLANS:
        _PLANS[key] = _plan(items)
    return _PLANS[key]


def prime(texts: Iterable[str], analyzers: Iterable) -> None:
    """Work out, for each distinct token of `texts`, what the plans of
    `analyzers` make of it, as they would when first meeting it. The build
    calls it on the source documents while the longest one is still being
    parsed and a core is free (indexer.build): the records' texts are made
    of those tokens, so indexing them later finds most tokens done, and so
    does the word tables' process, forked after it."""
    raws: set[str] = set()
    for text in texts:
        raws.update(TOKEN_RE.findall(text))
    for analyzer in analyzers:
        plan = plan_for(analyzer)
        if plan is not None:
            plan.prime(raws)


def _plan(items) -> Plan | None:
    pre: list[tuple[Callable[[str], str], bool]] = []
    post: list[tuple[Callable[[str], str], bool]] = []
    article, joined, stops = False, None, None
    stage = 0  # 0: per-word filters, 1: after the article filter, 2: after the compounds, 3: after the stops
    for item in items[1:]:
        kind = type(item)
        if kind in _MAPS:
            (pre if stage == 0 else post).append(_MAPS[kind])
            if stage == 1:
                return None
        elif kind is LeadingArticleFilter and stage == 0:
            article, stage = True, 1
        elif kind is CompoundSplitFilter and stage <= 1 and not post:
            joined, stage = item.joined, 2
        elif kind is FrenchStopFilter and stage <= 2 and not post:
            stops, stage = item.stops, 3
        else:
            return None
    return Plan(pre, article, joined, stops, post, gap=items[0].gap)


class PlannedPositions(Positions):
    """Whoosh's Positions format whose `word_values` reads a field's words
    from its analyzer's plan when it is asked in index mode (what a writer's
    `add_document` asks), and runs the analyzer in any other case."""

    def __init__(self, base: Positions, plan: Plan):
        super().__init__(field_boost=base.field_boost)
        self.__dict__.update(base.__dict__)
        self.plan = plan
        self._single: dict[int, bytes] = {}  # a word met once: its encoded position, by position

    def word_values(self, value, analyzer, **kwargs) -> Iterable[tuple[str, int, float, bytes]]:
        if kwargs != {"mode": "index"} or not isinstance(value, str):
            return super().word_values(value, analyzer, **kwargs)
        fb = self.field_boost
        single, encode = self._single, self.encode
        out = []
        for word, poslist in self.plan.positions(value).items():
            if len(poslist) == 1:  # most words of a field: the same few encodings again and again
                p = poslist[0]
                if p not in single:
                    single[p] = encode(poslist)
                out.append((word, 1, 1.0 * fb, single[p]))
            else:
                out.append((word, len(poslist), float(len(poslist)) * fb, encode(poslist)))
        return out


@contextmanager
def planned_indexing(schema) -> Iterator[None]:
    """Within the block, the text fields of `schema` (a writer's own copy) with
    a plan index through it; their formats are put back on leaving, before the
    writer commits the schema."""
    swapped = []
    plans: dict[int, Plan | None] = {}
    for name in schema.names():
        field = schema[name]
        fmt = getattr(field, "format", None)
        if type(fmt) is not Positions:
            continue
        key = id(field.analyzer)
        if key not in plans:
            plans[key] = plan_for(field.analyzer)
        plan = plans[key]
        if plan is not None:
            swapped.append((field, fmt))
            field.format = PlannedPositions(fmt, plan)
    try:
        yield
    finally:
        for field, fmt in swapped:
            field.format = fmt
