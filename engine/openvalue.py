"""Whether a prefix's value selects any record, as the search reads it: where a value left open
(`pays:"Maroc eau`) ends, when the words after it are no part of it (querytext.quotes_closed). Asked
only of a query with a quote left open on a value, of its value and its beginnings of at most MAX_VALUE_WORDS
words."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from .querybuild import build_query
from .querylang import NAMES, parse_query, prefix_target
from .querymodel import BuiltQuery
from .state import IndexState
from .suggestion import knows

Match = Callable[[IndexState, object], tuple[Mapping[int, float], bool]]  # search._match


def plan(state: IndexState, pq, known=None) -> BuiltQuery:
    """The query as the search builds it (the words the index knows, their close spellings, the
    words a truncation begins): a record page marks what the search matched with it."""
    return build_query(state.schema, pq, state.facet_values, known=known or knows(state),
                       candidates=lambda w, d: state.speller.candidates(w, d), starting=state.truncation_words)


def selects(state: IndexState, known, match: Match, prefix: str, value: str, whole: bool = True) -> bool:
    """Whether `prefix:"value"` selects a record: a facet value it names, or a name (or a region's
    text) some record has. A beginning of the value typed (not `whole`) naming a collectivity must end
    where a name does: `collectivite:"Saint Dennis eau` read « Saint » and listed every Saint…, and
    `"Conseil général de Dordogne eau` every conseil général (review 2 r51, M1)."""
    if not whole and prefix_target(prefix) == NAMES and not state.ends_a_name(value):
        return False
    built = plan(state, parse_query(f'{prefix}:"{value}"'), known)
    if any(built.shown_filters.values()):  # (a value left open is never negated here: the minus stays outside)
        return True
    return any(g.query is not None and match(state, g.query)[0] for g in built.groups)
