"""The plan a query becomes: word groups, the ways each word may be found, and the whole.

`querybuild.py` makes it from a parsed query; the ranker (`ranking.py`) scores it and `--explain`
reads it back. Each `Alternative` says how it was reached (`via`) and what the ranking profile's
grade for that way weighs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from whoosh import query as Q

from . import ranking_profile
from .bm25f import Fielded

_LEAVES = (Q.Term, Q.Phrase, Q.And)  # what a field's part of a word is (bm25f.py reads their frequencies)

# How a group's alternative was reached (the `via` of --explain), in grade order.
VIA_WORD = "word"  # the typed word, any inflection (same stem)
VIA_PHRASE = "phrase"  # a "quoted phrase" as typed
VIA_WORDS = "words"  # the typed words of a vocabulary span, each with its own alternatives
VIA_FAMILY = "family"
VIA_SYNONYM = "synonym"
VIA_NARROWER = "narrower"
VIA_TYPO = "typo"
VIA_YEAR = "year"
VIA_ACTIVE = "active"  # a year typed, for the records active that year that neither write nor began it
VIA_PLACE = "place"  # a place as if typed: the country or région an adjective names (`algériens`: Algérie),
# a territory's units (`Kabylie`: Tizi Ouzou…), a place spelled otherwise (`Timbuktu`: Tombouctou)
VIA_TRUNCATED = "truncated"  # the words beginning as typed before a star (`assainiss*`)
# what was typed, not an expansion (a place's adjective names the place as typed)
LITERAL = frozenset({VIA_WORD, VIA_PHRASE, VIA_WORDS, VIA_YEAR, VIA_ACTIVE, VIA_PLACE, VIA_TRUNCATED})


@dataclass
class Alternative:
    """One way a query word (or span of words) may be found.

    `parts` are (field, query) pairs whose scores add up (an OR), or, for a
    span of typed words, `children` are the words' own groups, all required."""

    via: str
    text: str
    parts: list[tuple[str, Q.Query]] = field(default_factory=list)
    children: list[Group] = field(default_factory=list)
    query: Q.Query | None = None
    grade: float = 1.0  # the profile's weight for this way of finding the word (shown by explain)
    scored: Q.Query | None = None  # what the ranker scores: its parts as one BM25F term (bm25f.py)
    otherwise: bool = False  # scored only for the documents the alternatives before it did not find
    corrects: str = ""  # the misspelt word's correction this expands (querybuild._corrected_expansions), or the
    # vocabulary phrase as corrected, for a phrase one word's correction completes (spans.corrected_spans)
    # the typo alternative of its word's `one_nearest` correction, which querybuild._typo marks (no init
    # argument: read from the class for every other alternative, at no cost to building one)
    nearest: bool = field(default=False, init=False, repr=False, compare=False)

    def __post_init__(self):
        if self.query is None:
            if self.children:
                qs = [g.query for g in self.children]
                self.query = qs[0] if len(qs) == 1 else Q.And(qs)
            elif self.parts:
                qs = [q for _, q in self.parts]
                self.query = qs[0] if len(qs) == 1 else Q.Or(qs)
        if self.scored is None:
            self.scored = fielded(self.parts, self.grade) or self.query


def fielded(parts: list[tuple[str, Q.Query]], scale: float) -> Fielded | None:
    """The parts as one BM25F term (bm25f.py), when they are all text fields' words or phrases."""
    profile = ranking_profile.current()
    weights = profile.field_weights
    if not profile.bm25f or not parts or not all(f in weights and type(q) in _LEAVES for f, q in parts):
        return None
    return Fielded(tuple(parts), tuple(weights[f] for f, _ in parts), profile.bm25f_k1, scale)


@dataclass
class Group:
    """What one query word (or an OR of words, or a vocabulary span) asks for."""

    text: str
    alternatives: list[Alternative]
    query: Q.Query | None = None
    light: bool = False  # an action noun (`création`): weighs less in the coverage (fillers.py)
    agreement: bool = False  # names a kind of agreement (`convention`): a year's formalisation has it (ranking.py)
    # a prefix's clause (`collectivité:"…"`, `region:` a cercle): a condition, never softened away (ranking.py)
    required: bool = False

    def __post_init__(self):
        qs = [a.query for a in self.alternatives if a.query is not None]
        self.alternatives = [a for a in self.alternatives if a.query is not None]
        if self.query is None and qs:
            self.query = qs[0] if len(qs) == 1 else Q.Or(qs)


def _looks_for(alt: Alternative) -> tuple | None:
    """What `alt` looks for, field by field, boosts aside (None for a span of words): each part's query
    itself, not only its terms, which a pattern (a wildcard, a range) has none of (review 1 r51)."""
    if alt.children or alt.otherwise or not alt.parts:
        return None
    return tuple(sorted((f, repr(_unboosted(q))) for f, q in alt.parts))


def _unboosted(q: Q.Query) -> Q.Query:
    q = q.copy()  # (a deep copy)
    for sub in _every_node(q):
        sub.boost = 1.0
    return q


def _every_node(q: Q.Query):
    yield q
    for child in q.children():
        yield from _every_node(child)


def without_twins(alternatives: list[Alternative]) -> list[Alternative]:
    """A group's alternatives that look for the same terms in every field made one: the same evidence,
    scored apart, counted twice (`CSR`: « CSREF » and « CSRéf » fold alike, 2 × 0,55 outranked the
    sheet writing CSR: issue 12, an expansion never beats the word). The one kept is the typed word if
    it is one, else the best graded (the first of equals), at the first one's place. Inflections
    (« zone côtière », « zones côtières ») differ in the names fields, which are not stemmed: two, so such
    a meaning counts about twice in the stemmed fields. Known and measured: made one (all twins, or the
    vocabulary's only), more never-tuned queries went down than up (round 54, T1a/T1b): they stay two.
    Each search asks it of every group: the parts' terms rule most groups out, and only those sharing
    them are compared in full (the full key was a third of the query's planning: read1 r51)."""
    terms = [_terms_of(a) for a in alternatives]
    if len({t for t in terms if t is not None}) == sum(t is not None for t in terms):
        return alternatives
    keys = [_looks_for(a) for a in alternatives]
    twins: dict[tuple, list[Alternative]] = {}
    for a, key in zip(alternatives, keys, strict=True):
        if key is not None:
            twins.setdefault(key, []).append(a)
    out: list[Alternative] = []
    for a, key in zip(alternatives, keys, strict=True):
        same = twins[key] if key is not None else [a]
        if a is same[0]:
            out.append(max(same, key=lambda b: (b.via in LITERAL, b.grade)))  # max keeps the first of equals
    return out


def _terms_of(alt: Alternative) -> tuple | None:
    """What `_looks_for` compares, cheaply: two alternatives alike have the same (a pattern has no terms)."""
    if alt.children or alt.otherwise or not alt.parts:
        return None
    return tuple(sorted((f, type(q).__name__, tuple(sorted(q.iter_all_terms()))) for f, q in alt.parts))


def one_nearest(away: dict[str, int]) -> str | None:
    """A misspelt word's one nearest correction, what the user meant (`irigation`: irrigation): of its close
    known words (`away`: each one's typo distance, in the speller's order), the one at the least distance,
    when it is alone there, which querybuild._typo weighs at the typo grade (an alternative of its own,
    marked `nearest`). None when two words are equally near (`forrage`: forage or fourrage: a guess, not
    a correction) or none is close; a farther word is never it (`mohamedia`: mohammedia is one typo away,
    mohamed two). The one definition: _typo expands this word's vocabulary, _correction completes the
    vocabulary's phrases with it, spans._nearest_correction lets it stand for the word it corrects."""
    least = min(away.values(), default=0)
    nearest = [c for c, d in away.items() if d == least]
    return nearest[0] if len(nearest) == 1 else None


def rebuilt(group: Group, alternatives: list[Alternative]) -> Group:
    """`group` with these alternatives (itself when they are its own, in its order)."""
    if alternatives == group.alternatives:
        return group
    return Group(group.text, alternatives, light=group.light, agreement=group.agreement, required=group.required)


# the filter value of a prefix whose value names none: no record holds it, so the facet lets nothing
# through (BuiltQuery.shown_filters leaves it out)
NO_VALUE = "\x00none"


@dataclass
class BuiltQuery:
    groups: list[Group] = field(default_factory=list)  # positive word groups (AND, softened by the ranker)
    excluded: Q.Query | None = None  # -words: documents matching it are dropped
    proximity: Q.Query | None = None  # the words together, in order (bonus)
    name: Q.Query | None = None  # the whole query is a collectivity's name (bonus)
    french_side: bool = False  # the query says the collectivity sought is French (`françaises`)
    french_kind: str | None = None  # the kind of French collectivity a question asks for (`quels départements`)
    filters: dict[str, list] = field(default_factory=dict)  # facet -> values (AND with facets)
    excluded_filters: dict[str, list] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    conditions: dict[str, int] = field(default_factory=dict)  # a prefix's target -> its required group

    @property
    def words(self) -> int:
        return len(self.groups)

    def add_group(self, group: Group, condition: str | None = None) -> None:
        """A group of the words; a prefix's condition (`condition`, its target) joins the one of the
        same kind already there, as either of them (two collectivities picked, as two values of one
        facet), instead of a second condition both must meet."""
        at = self.conditions.get(condition) if condition is not None else None
        if at is None:
            if condition is not None:
                self.conditions[condition] = len(self.groups)
            self.groups.append(group)
            return
        had = self.groups[at]
        self.groups[at] = Group(f"{had.text} OR {group.text}", had.alternatives + group.alternatives, required=True)

    @property
    def shown_filters(self) -> dict[str, list]:
        """The prefixes' filters as a response shows them (`query.prefix_filters`): a value that
        named none (`annee:20x5`, `pays:atlantis`) adds none, and its notice says why; a facet
        left with none, `[]`, lets no record through. The placeholder that filters it so
        (NO_VALUE) is never shown: a NUL in a value can break a client."""
        return {f: [v for v in values if v != NO_VALUE] for f, values in self.filters.items()}

    @property
    def has_text(self) -> bool:
        return bool(self.groups) or self.excluded is not None

    @property
    def query(self) -> Q.Query | None:
        """The whole plan as one Whoosh query with every word required (its
        terms are what snippets mark; tests compare its scores with Whoosh's)."""
        if not self.has_text:
            return None
        qs = [g.query for g in self.groups]
        q = (qs[0] if len(qs) == 1 else Q.And(qs)) if qs else None
        if q is not None and self.proximity is not None:
            q = Q.AndMaybe(q, self.proximity)
        if q is not None and self.name is not None:
            q = Q.AndMaybe(q, self.name)
        if self.excluded is not None:
            # And([x, Not(y)]) rather than AndNot(x, y): Whoosh 2.7's AndNot
            # matcher lets excluded documents through when y is a union of terms.
            q = Q.And([q if q is not None else Q.Every(), Q.Not(self.excluded)])
        return q

    @property
    def any_word_query(self) -> Q.Query | None:
        """Any of the words (the fallback), when it differs from `query`."""
        if len(self.groups) < 2:
            return None
        q = Q.Or([g.query for g in self.groups])
        if self.proximity is not None:
            q = Q.AndMaybe(q, self.proximity)
        if self.excluded is not None:
            q = Q.And([q, Q.Not(self.excluded)])
        return q
