"""Parsed query -> Whoosh query.

Each word is looked for in every text field with the field's own analyzer and
weight (BM25F), so `Kayes` matches the places field of a partnership located
in the Kayes region, and `assainissement` the domains field as well as the
body. The field vocabulary adds its expansions (CSCOM <-> centre de santé
communautaire) as alternatives of the words they replace; a name word unknown
to the index also matches names within a few typos.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as Q

from analyzers import find_expansions, fold_text, max_typos
from indexer.facet_registry import registry
from indexer.ids import name_key
from indexer.schema import FIELD_BOOSTS, TEXT_FIELDS

from .fillers import is_filler
from .querylang import NAMES, Clause, ParsedQuery

FUZZY_BOOST = 0.35
EXPANSION_BOOST = 0.8
PROXIMITY_BOOST = 1.0
YEAR_RE = re.compile(r"(19[5-9]\d|20[0-2]\d)")
YEAR_SCORE = 4.0
NAME_SCORE = 50.0
PROXIMITY_FIELDS = ("title", "domains_text", "body")


@dataclass
class BuiltQuery:
    query: Q.Query | None  # None: no text condition (browse everything)
    any_word_query: Q.Query | None  # the OR fallback, when it differs
    filters: dict[str, list] = field(default_factory=dict)  # facet -> values (AND with facets)
    excluded_filters: dict[str, list] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    words: int = 0  # required word groups


def _tokens(schema, fieldname: str, text: str) -> list[tuple[int, str]]:
    analyzer = schema[fieldname].analyzer
    try:
        return [(t.pos, t.text) for t in analyzer(text, mode="query", positions=True)]
    except Exception:
        return []


def _field_query(schema, fieldname: str, text: str, phrase: bool, boost: float) -> Q.Query | None:
    toks = _tokens(schema, fieldname, text)
    if not toks:
        return None
    if phrase:
        seen, words = set(), []
        for pos, t in toks:  # first token at each position (analyzers may add joined forms)
            if pos not in seen:
                seen.add(pos)
                words.append(t)
        if len(words) == 1:
            return Q.Term(fieldname, words[0], boost=boost)
        return Q.Phrase(fieldname, words, slop=1, boost=boost)
    terms = list(dict.fromkeys(t for _, t in toks))
    if len(terms) == 1:
        return Q.Term(fieldname, terms[0], boost=boost)
    return Q.And([Q.Term(fieldname, t) for t in terms], boost=boost)


def text_query(schema, text: str, phrase: bool = False, fields=TEXT_FIELDS, scale: float = 1.0) -> Q.Query | None:
    parts = [_field_query(schema, f, text, phrase, FIELD_BOOSTS[f] * scale) for f in fields]
    parts = [p for p in parts if p is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Q.Or(parts)


def _fuzzy(schema, word: str, known, candidates) -> Q.Query | None:
    """Typo-tolerant match, for words the index does not know: the
    speller's close known words (Meilisearch's typo budget) as plain terms,
    which is far cheaper than Whoosh's FuzzyTerm walking the lexicon."""
    folded = fold_text(word)
    if known(folded) or candidates is None:
        return None
    dist = max_typos(folded)
    if dist <= 0:
        return None
    close = candidates(folded, dist)
    parts = []
    for f in TEXT_FIELDS:
        seen = set()
        for cand in close:
            for _, tok in _tokens(schema, f, cand)[:1]:
                if tok not in seen:  # close words may share a stem
                    seen.add(tok)
                    parts.append(Q.Term(f, tok, boost=FIELD_BOOSTS[f] * FUZZY_BOOST))
    return Q.Or(parts) if parts else None


def match_facet_value(values, text: str) -> list:
    """Facet values a prefix value designates: exact (folded) first, else those
    starting with it, else those containing it as a word."""
    key = fold_text(text).strip()
    if not key:
        return []
    exact = [v for v in values if fold_text(str(v)) == key]
    if exact:
        return exact
    starts = [v for v in values if fold_text(str(v)).startswith(key)]
    if starts:
        return starts
    return [v for v in values if f" {key}" in f" {fold_text(str(v))}"]


def _without_fillers(pq: ParsedQuery) -> ParsedQuery:
    """The query without question words, when other words remain."""
    def keep(c: Clause) -> bool:
        return not (c.kind == "word" and not c.negated and is_filler(c.text))

    groups = [[c for c in g if keep(c)] for g in pq.groups]
    groups = [g for g in groups if g]
    if not any(c.kind in ("word", "phrase") and not c.negated for g in groups for c in g):
        return pq
    return ParsedQuery(groups=groups, notices=pq.notices)


def build_query(schema, pq: ParsedQuery, facet_values: dict[str, list], known=lambda w: True,
                candidates=None) -> BuiltQuery:
    built = BuiltQuery(None, None, notices=list(pq.notices))
    pq = _without_fillers(pq)
    words = pq.text_words()
    expansions = find_expansions(words) if words else []

    must: list[Q.Query] = []
    must_not: list[Q.Query] = []
    any_word: list[Q.Query] = []
    word_index = 0
    consumed_by_span: dict[int, tuple[int, int, list[str]]] = {}
    for start, end, alts in expansions:
        if all(i not in consumed_by_span for i in range(start, end)):
            for i in range(start, end):
                consumed_by_span[i] = (start, end, alts)
    span_parts: dict[int, list[Q.Query]] = {}

    for group in pq.groups:
        alternatives: list[Q.Query] = []
        for clause in group:
            q = _clause_query(schema, clause, facet_values, built, known, candidates)
            if clause.kind == "word" and not clause.negated:
                span = consumed_by_span.get(word_index)
                word_index += 1
                if span is not None and q is not None:
                    start, end, alts = span
                    span_parts.setdefault(start, []).append(q)
                    if word_index == end:  # last word of the span: emit the span
                        original = Q.And(span_parts[start]) if len(span_parts[start]) > 1 else span_parts[start][0]
                        alt_qs = [text_query(schema, a, phrase=True, scale=EXPANSION_BOOST) for a in alts]
                        q = Q.Or([original] + [a for a in alt_qs if a is not None])
                    else:
                        continue
            if q is None:
                continue
            if clause.negated:
                must_not.append(q)
            else:
                alternatives.append(q)
        if alternatives:
            group_q = alternatives[0] if len(alternatives) == 1 else Q.Or(alternatives)
            must.append(group_q)
            any_word.append(group_q)

    built.words = len(must)
    if must:
        built.query = must[0] if len(must) == 1 else Q.And(must)
        if len(must) > 1:
            built.any_word_query = Q.Or(any_word)
            # words found together, in order, rank higher (proximity), without being required
            together = text_query(schema, " ".join(words), phrase=True, fields=PROXIMITY_FIELDS,
                                  scale=PROXIMITY_BOOST) if len(words) > 1 else None
            if together is not None:
                built.query = Q.AndMaybe(built.query, together)
                built.any_word_query = Q.AndMaybe(built.any_word_query, together)
        if words:
            # the whole query is a collectivity's name: its partnerships first
            exact = Q.ConstantScoreQuery(Q.Term("name_keys", name_key(" ".join(words))), NAME_SCORE)
            built.query = Q.AndMaybe(built.query, exact)
    if must_not:
        base = built.query if built.query is not None else Q.Every()
        neg = Q.Or(must_not) if len(must_not) > 1 else must_not[0]
        # And([x, Not(y)]) rather than AndNot(x, y): Whoosh 2.7's AndNot
        # matcher lets excluded documents through when y is a union of terms.
        built.query = Q.And([base, Q.Not(neg)])
        if built.any_word_query is not None:
            built.any_word_query = Q.And([built.any_word_query, Q.Not(neg)])
    return built


def _clause_query(schema, clause: Clause, facet_values, built: BuiltQuery, known, candidates) -> Q.Query | None:
    if clause.kind == "field":
        if clause.target == NAMES:
            return text_query(schema, clause.text, phrase=True, fields=("parties",))
        values = match_facet_value(facet_values.get(clause.target, []), clause.text)
        facet = registry().get(clause.target or "")
        if not values and facet is not None and facet.text_field:
            # not a value of the facet (`region:` a cercle): looked for in the facet's text field
            return text_query(schema, clause.text, phrase=True, fields=(facet.text_field,))
        if not values:
            built.notices.append(f"Aucune valeur de « {clause.render()} » dans le répertoire.")
            values = ["\x00none"]
        target = built.excluded_filters if clause.negated else built.filters
        target.setdefault(clause.target, []).extend(v for v in values if v not in target.get(clause.target, []))
        return None
    if clause.kind == "word" and not _tokens(schema, "body", clause.text):
        # a stop word of the text analyzer (`des`, `la`): the names analyzer keeps
        # it, but requiring it in a name would lose every other match
        return None
    q = text_query(schema, clause.text, phrase=clause.kind == "phrase")
    if clause.kind == "word" and YEAR_RE.fullmatch(clause.text) and q is not None:
        # a year names the years a partnership was formalised or acted in, not only the text
        q = Q.Or([q, Q.ConstantScoreQuery(Q.Term("began", clause.text), YEAR_SCORE)])
    if clause.kind == "word" and not clause.negated:
        fz = _fuzzy(schema, clause.text, known, candidates)
        if fz is not None:
            q = fz if q is None else Q.Or([q, fz])
    return q
