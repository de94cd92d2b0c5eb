"""What actions and their partnerships lend each other's score.

A partnership listing ranks a partnership by its own match and a share of its best action's
(`action_share`): an action is part of the partnership, not the whole of it. With a year filter,
its actions of other years count too, at `other_year_action`: a year selects the partnerships
active that year, and the topic may be in any of their actions. An action listing ranks an action
by its own match and a share of its partnership's (`action_context`): of two actions with the
words, the one whose partnership is about them is the likelier answer. A domain filter narrows what
was done: a partnership none of whose actions in the domain has the words keeps `outside_domain` of its
score.
"""
from __future__ import annotations

from typing import NamedTuple

from indexer.facet_registry import registry

from . import ranking_profile
from .facets import Selection, filter_and_count
from .groupscores import ScoreFn
from .queryplaces import names_who_or_where
from .ranking import Ranking
from .state import IndexState

_NONE = (0.0, -1, 1.0)  # no action yet: any positive score beats it


class BestAction(NamedTuple):
    """A partnership's best matching action: its score, its docnum, and the factor its score
    counts with (the profile's `other_year_action` for an action outside a year filter's years)."""

    score: float
    docnum: int
    factor: float = 1.0


def other_years(state: IndexState, selection: Selection, action_cands: list[int],
                 kept_actions: list[int]) -> list[int]:
    """With a year filter, the matched actions of other years that pass every other filter: a year
    selects the partnerships active that year, and what they did in other years still says what
    they are about (`centre de santé` [2005]: a partnership active in 2005 whose health centre was
    built in 2003)."""
    if not selection.has_years or not ranking_profile.current().other_year_action:
        return []
    kept = set(kept_actions)
    return [a for a in filter_and_count(action_cands, state.facet_bits, selection.without_years())[0] if a not in kept]


def add_actions(state: IndexState, built, ranking: Ranking, score_fn: ScoreFn | None, action_cands: list[int],
                kept_actions: list[int], part_scores: dict[int, float],
                other_years: list[int] | None = None, raised: bool = True) -> dict[str, BestAction]:
    """Partnerships matched through their actions join `part_scores`, each
    raised by a share of its best action's score (an action of `other_years`
    counting with the profile's `other_year_action`); returns pid -> its best
    action. A partnership listing's only (search.search does not call it for an
    action listing, which lists no partnership). Not `raised`: they join, none is
    raised (a search counting for another answers what it lists, not in which order)."""
    docs, scores = state.docs, ranking.scores
    if scores is None:
        return {}
    parent = state.parent_docnum
    for a in action_cands:  # a partnership matched through any of its actions
        pnum = parent[a]
        if pnum is not None and pnum not in part_scores:
            part_scores[pnum] = 0.0
    if not raised:
        return {}
    profile = ranking_profile.current()

    # an action adds to its partnership when it matches a word in its own text, not only in
    # the names and places it carries from it (Ranking.own_matches)
    def own(actions):
        if score_fn is None or not profile.action_own_text:
            return actions
        return ranking.own_matches(built, score_fn, len(docs), actions)
    counted: dict[str, tuple[float, int, float]] = {}  # pid -> (score as counted, docnum, factor)
    for a in own(kept_actions):  # the hot loop of a common word: plain tuples
        pid = docs[a].pid
        if scores[a] > counted.get(pid, _NONE)[0]:
            counted[pid] = (scores[a], a, 1.0)
    if other_years:
        factor = profile.other_year_action
        for a in own(other_years):
            pid = docs[a].pid
            if scores[a] * factor > counted.get(pid, _NONE)[0]:
                counted[pid] = (scores[a] * factor, a, factor)
    best_action = {pid: BestAction(scores[a], a, f) for pid, (_, a, f) in counted.items()}
    share = profile.action_share
    # (a partnership without a best action would add share * 0.0: nothing; scores are never -0.0)
    for pid, best in best_action.items():
        pnum = state.docnum_of.get(pid)
        if pnum is not None and pnum in part_scores and docs[pnum].id == pid:
            part_scores[pnum] += share * best.factor * best.score
    return best_action


def action_context(state: IndexState, kept_actions: list[int],
                   part_scores: dict[int, float]) -> dict[int, tuple[float, float]]:
    """In an action listing, what each action gets from its partnership: (the partnership's own
    score, from `part_scores` before any action adds to it; the profile's `action_context` share
    of it). An action whose partnership did not match gets nothing."""
    share = ranking_profile.current().action_context
    if not share:
        return {}
    parent = state.parent_docnum
    out = {}
    for a in kept_actions:
        p = parent[a]
        if p is not None and part_scores.get(p):
            out[a] = (part_scores[p], share * part_scores[p])
    return out


def asks_what(built, score_fn: ScoreFn) -> bool:
    """The query names something done, not only collectivities or places (`formation`, not
    `Kayes`): what the partnerships' actions say can then order them."""
    return any(not names_who_or_where(g, score_fn) for g in built.groups)


def outside_domain(state: IndexState, selection: Selection, built, score_fn: ScoreFn,
                   best_action: dict[str, BestAction], part_scores: dict[int, float]) -> set[int]:
    """With a domain filter, the partnerships whose parsed actions have none in
    the selected domains matching the query's words keep the profile's
    `outside_domain` share of their score (best_action holds only actions that
    pass the filters, but for the year); returns those scaled."""
    narrowing = [f.name for f in registry().facets if f.of_actions]
    if not any((selection.values.get(n) or (selection.required or {}).get(n)) for n in narrowing) \
            or not asks_what(built, score_fn):  # the filter first: most searches have none
        return set()
    share = ranking_profile.current().outside_domain
    docs, actions_of = state.docs, state.actions_of
    scaled = {p for p in part_scores if actions_of.get(docs[p].id) and docs[p].id not in best_action}
    for p in scaled:
        part_scores[p] *= share
    return scaled
