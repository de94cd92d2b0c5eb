"""The build's fast path through the analyzers: each text field's words and
positions as Whoosh's `Positions` format makes them from the analyzer's
token stream, without the stream.

Indexing the corpus ran every token through seven generators (the tokenizer
and six filters, one `Token` object passed along), about a second of the
build. Most of a filter's work depends on the token's text alone (elision,
folding, saints, stemming): here that is done once per distinct word and
remembered, and the filters that depend on a token's neighbours (a leading
article, compound splitting, the stop filter's position gaps) are the same
loops over plain (text, position) pairs. `Plan.positions` equals the
analyzer's own output in Whoosh's index mode (tests/test_fast_indexing.py
compares them over the whole corpus); an analyzer made of anything else has
no plan and is run as it is.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
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
from .tokenizers import TOKEN_RE, FrenchTokenizer, normalize_token

Pairs = list[tuple[str, int]]

# the filters that map a token's text alone, and whether they drop a token
# they map to "" (the stemmer keeps it)
_MAPS: dict[type, tuple[Callable[[str], str], bool]] = {
    ElisionFilter: (elide, True),
    FoldFilter: (fold_text, True),
    SaintFilter: (normalize_saint, True),
    FrenchStemFilter: (stem_word, False),
}
_DROPPED = "\x00"  # the memo's mark of a dropped token (no token text holds it)


def _leading_article(tokens: Pairs) -> Pairs:
    """LeadingArticleFilter at indexing time: a first token that is an article
    is dropped and the others move back by one, unless it is the only token."""
    if not tokens or tokens[0][0] not in LEADING_ARTICLES:
        return tokens
    if len(tokens) == 1:
        return tokens
    return [(text, pos - 1) for text, pos in tokens[1:]]


def _compound_splitter(joined: bool) -> Callable[[Pairs], Pairs]:
    """CompoundSplitFilter at indexing time: the joined form, then the parts at
    consecutive positions; the tokens after a compound move on by its extra parts."""
    parts_of: dict[str, tuple[str, ...]] = {}

    def split(tokens: Pairs) -> Pairs:
        out: Pairs = []
        shift = 0
        for text, pos in tokens:
            pos += shift
            if "-" not in text and "'" not in text and " " not in text:
                out.append((text, pos))
                continue
            parts = parts_of.get(text)
            if parts is None:
                parts = parts_of[text] = tuple(p for p in text.replace("'", "-").replace(" ", "-").split("-") if p)
            if len(parts) <= 1:
                out.append((parts[0] if parts else text, pos))
                continue
            if joined:
                out.append(("".join(parts), pos))
            out.extend((part, pos + i) for i, part in enumerate(parts))
            shift += len(parts) - 1
        return out

    return split


def _stop_remover(stops: frozenset[str]) -> Callable[[Pairs], Pairs]:
    """FrenchStopFilter at indexing time: stop words removed, a position
    closed up only when every token at it was a stop word."""

    def remove(tokens: Pairs) -> Pairs:
        out: Pairs = []
        shift = 0
        pending: set[int] = set()
        kept_at = None
        for text, p in tokens:
            if pending:
                done = [s for s in pending if s < p]
                shift += len(done)
                pending.difference_update(done)
            if text in stops:
                if p != kept_at:
                    pending.add(p)
                continue
            pending.discard(p)
            kept_at = p
            out.append((text, p - shift))
        return out

    return remove


def _fused(maps: list[tuple[Callable[[str], str], bool]]) -> Callable[[Pairs], Pairs]:
    """Consecutive per-text filters as one step, each distinct text mapped once."""
    memo: dict[str, str] = {}

    def apply(tokens: Pairs) -> Pairs:
        out: Pairs = []
        for text, pos in tokens:
            new = memo.get(text)
            if new is None:
                new = text
                for fn, drops in maps:
                    new = fn(new)
                    if drops and not new:
                        new = _DROPPED
                        break
                memo[text] = new
            if new is not _DROPPED:
                out.append((new, pos))
        return out

    return apply


class Plan:
    """One analyzer's indexing as steps over (text, position) pairs."""

    def __init__(self, steps: list[Callable[[Pairs], Pairs]]):
        self.steps = steps
        self._raw: dict[str, str] = {}

    def positions(self, value: str) -> dict[str, list[int]]:
        """Each term of `value` with its positions, in the order of first occurrence."""
        raw = self._raw
        tokens: Pairs = []
        for pos, match in enumerate(TOKEN_RE.findall(value)):
            text = raw.get(match)
            if text is None:
                text = raw[match] = normalize_token(match)
            tokens.append((text, pos))
        for step in self.steps:
            tokens = step(tokens)
        out: dict[str, list[int]] = {}
        for text, pos in tokens:
            poses = out.get(text)
            if poses is None:
                out[text] = [pos]
            else:
                poses.append(pos)
        return out


def plan_for(analyzer) -> Plan | None:
    """The plan of a composed analyzer made of the French tokenizer and this
    package's filters; None for any other analyzer."""
    items = getattr(analyzer, "items", None)
    if not items or type(items[0]) is not FrenchTokenizer:
        return None
    steps: list[Callable[[Pairs], Pairs]] = []
    maps: list[tuple[Callable[[str], str], bool]] = []
    for item in items[1:]:
        kind = type(item)
        if kind in _MAPS:
            maps.append(_MAPS[kind])
            continue
        if maps:
            steps.append(_fused(maps))
            maps = []
        if kind is LeadingArticleFilter:
            steps.append(_leading_article)
        elif kind is CompoundSplitFilter:
            steps.append(_compound_splitter(item.joined))
        elif kind is FrenchStopFilter:
            steps.append(_stop_remover(item.stops))
        else:
            return None
    if maps:
        steps.append(_fused(maps))
    return Plan(steps)


class PlannedPositions(Positions):
    """Whoosh's Positions format whose `word_values` reads a field's words
    from its analyzer's plan when it is asked in index mode (what a writer's
    `add_document` asks), and runs the analyzer in any other case."""

    def __init__(self, base: Positions, plan: Plan):
        super().__init__(field_boost=base.field_boost)
        self.__dict__.update(base.__dict__)
        self.plan = plan

    def word_values(self, value, analyzer, **kwargs) -> Iterator[tuple[str, int, float, bytes]]:
        if kwargs != {"mode": "index"} or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        fb = self.field_boost
        for word, poslist in self.plan.positions(value).items():
            yield word, len(poslist), float(len(poslist)) * fb, self.encode(poslist)


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
