"""The search itself: match, filter, count, group, sort, page, highlight.

By default results are partnerships, each with its matching actions nested
under it (a partnership is a hit when it matches or one of its actions does);
`type=action` lists actions on their own. The facet counts are those of the
listed kind of record, over the whole result set, disjunctive per facet.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from types import MappingProxyType

from indexer.facet_registry import YEAR, Registry, registry
from indexer.limits import DEFAULT_PER_PAGE

from . import ranking_profile
from .actionshare import action_context, add_actions, other_years, outside_domain
from .completions import by_vocabulary, completions, fill_notices, typed_prefixes
from .exactcounts import Decisions, exact_counts, listed_counter
from .explain import explain_result
from .facets import Selection, facet_items, filter_and_count
from .groupscores import ScoreFn
from .highlight import terms_by_field
from .matching import Evaluator, TimeLimit
from .openvalue import plan, selects
from .ordering import sort_hits
from .querylang import Clause, ParsedQuery, parse_query, read_forwards
from .querymodel import BuiltQuery
from .ranking import Ranking, rank
from .results import page_results
from .seeds import seeds_elsewhere
from .selections import against_parameters, listed_kinds, listing, why_empty, years_outside
from .state import IndexState
from .suggestion import Known, knows, suggest
from .surroundings import (
    Unit,
    named_place,
    notice as surroundings_notice,
    place_phrases,
    within_unnamed_place,
)

SORTS = ("relevance", "year_desc", "year_asc", "name")
SEARCH_TIME_LIMIT = 2.0  # seconds of matching per request before results are cut
CUT = "La recherche a été interrompue (trop longue) : les résultats peuvent être incomplets."
COUNTS_CUT = "La recherche a été interrompue (trop longue) : les nombres de l'autre type de fiche et des filtres " \
    "peuvent être incomplets."  # a search counting for this one was cut (_say_counts_cut), not this one (CUT)
Planned = tuple[ParsedQuery, BuiltQuery, Known, Ranking]  # a query read and built, what the index knows, its ranking


@dataclass
class SearchRequest:
    q: str = ""
    filters: dict[str, list] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    facets: bool = True
    snippets: bool = True
    explain: bool = False  # each result says how its score was made (explain.py)
    completions: bool = True  # a short filtered listing is completed below its results (completions.py)
    paged: bool = True  # False (the map shows the whole set): no page is past the last, only an empty listing completed

    def __post_init__(self) -> None:
        """A typed facet's value given as text is parsed as the API parses it (`year: ["2005"]`
        is the year 2005; `["20x5"]` a ValueError with the API's message), not a crash; a value
        given alone is a list of one (`year: "2005"` was read letter by letter)."""
        facets = registry()
        listed = {name: [values] if isinstance(values, (str, int)) else values for name, values in self.filters.items()}
        self.filters = {name: [facets[name].parse(v) if isinstance(v, str) else v for v in values]
                        if name in facets and facets[name].pattern else values
                        for name, values in listed.items()}


def _match(state: IndexState, query, evaluator: Evaluator | None = None) -> tuple[Mapping[int, float], bool]:
    """docnum -> score for every document matching `query`; flag when cut by the timer. Answers are cached
    per index generation (the state is), by the query's text form, with fields and boosts; a cut answer is
    not. The mapping is read-only: it is the cached answer itself, which a caller changing would change."""
    caching = state.match_cache.size > 0  # no cache: the key's text form is not worth making
    key = repr(query) if caching else ""
    hit = state.match_cache.get(key) if caching else None
    if hit is not None:
        return hit, False
    if evaluator is None:
        evaluator = _evaluator(state)
    try:
        scores = MappingProxyType(evaluator.scores(query))
    except TimeLimit:
        return MappingProxyType({}), True
    if caching:
        state.match_cache.put(key, scores)
    return scores, False


def _evaluator(state: IndexState) -> Evaluator:
    return Evaluator(state.searcher(), state.field_lengths, deadline=time.perf_counter() + SEARCH_TIME_LIMIT)


def read(state: IndexState, q: str, known: Known | None = None) -> ParsedQuery:
    """`q` as the search reads it (where a value left open ends): a record page's marks, the suggestion shown."""
    return parse_query(q, partial(selects, state, known or knows(state), _match))


def respelled_notices(state: IndexState, known, pq: ParsedQuery, notices: list[str]) -> list[str]:
    """The notices with « `Rhone Alpes` est lu comme « Rhône-Alpes » » for each place the parser read
    as its table spells it (`pq.respelled`), where the parser's own notices would have it, unless the
    words find the records the spelling finds (_same_reading). The parser said it, and the search
    took it back after planning both readings; it is said here, once."""
    out = list(notices)
    for said, (typed, name, at) in enumerate(r for r in pq.respelled if not _same_reading(state, known, *r[:2])):
        out.insert(at + said, f"« {typed} » est lu comme « {name} ».")
    return out


def _same_reading(state: IndexState, known, typed: str, name: str) -> bool:
    """Whether a place's words find the records its table's spelling finds (`Saint Denis`, `Souss
    Massa Draa`, which records write so: « est lu comme « Saint-Denis » » was noise on nearly every
    spaced name), unlike `Rhone Alpes` (42, then Rhône-Alpes's 33). Review 2 r43, #7."""
    def found(text: str) -> set[int]:
        built = plan(state, ParsedQuery(groups=[[Clause("word", w)] for w in text.split()]), known)
        docs = [set(_match(state, g.query)[0]) for g in built.groups if g.query is not None]
        return set.intersection(*docs) if docs else set()
    return found(typed) == found(name)


def _period(req: SearchRequest) -> tuple[SearchRequest, list[str]]:
    """A period given backwards (`year_from=2008&year_to=2001`) is read the right way, and said: the
    API swapped it silently, and the page showed a period the user had not typed."""
    if req.year_from is None or req.year_to is None or req.year_from <= req.year_to:
        return req, []
    return replace(req, year_from=req.year_to, year_to=req.year_from), [read_forwards(req.year_from, req.year_to)]


def search(state: IndexState, req: SearchRequest, planned: Planned | None = None,
           decided: tuple[bool, ...] | None = None, evaluator: Evaluator | None = None,
           explainer: bool = False) -> dict:
    """The response to `req`. `planned`: the query read, built and ranked by the search whose other kind, or facet
    values, this one counts (it counts no other and answers only its total, counts and decisions); `decided`:
    `Ranking.decisions` to take; `evaluator`: that search's, so the scores it read are read once; `explainer`:
    by_vocabulary's terms search: answers only what it lists (`listed`, docnums) and `explained`, which gives a
    listed result's explain when asked (no other kind counted, no results made)."""
    started = time.perf_counter()
    if planned is None:
        known = knows(state)
        pq = place_phrases(read(state, req.q, known), known.written, lambda key: key in state.partner_place_keys)
        built = plan(state, pq, known)
        made = None
    else:
        pq, built, known, made = planned
    req, said = _period(req)
    notices = respelled_notices(state, known, pq, built.notices) + said

    docs = state.docs
    facets = registry()
    filtering = facets.filtering
    selection = Selection(
        values={f: set(v) for f, v in req.filters.items() if f in filtering and v},
        year_from=req.year_from, year_to=req.year_to,
        required={f: set(v) for f, v in built.filters.items() if f in filtering},
        excluded={f: set(v) for f, v in built.excluded_filters.items() if f in filtering},
    )
    kinds = listed_kinds(facets, req.filters, built)
    mode = listing(kinds)
    ranking, score_fn, evaluator = _scores(state, built, notices, listed_counter(state, selection, mode), decided,
                                           evaluator, made)
    scores, fallback = ranking.scores, ranking.fallback

    action_cands, part_scores = _candidates(state, scores, kinds)

    if mode == "partnership" and built.excluded is not None and scores is not None:
        # a partnership the query excludes (its record has `-assainissement`) is about it: none
        # of its actions lists it again
        gone, owner = _excluded_partnerships(state, built), state.owner_docnum
        action_cands = [a for a in action_cands if owner[a] not in gone]
    # notices that promise results (surroundings.py) -> what each says of an empty listing ('': nothing)
    promised: dict[str, str] = {}
    if ranking.missing:  # a place no sheet names: its other words where it is (surroundings.py)
        action_cands, part_scores = within_unnamed_place(ranking.missing, state.facet_bits, action_cands,
                                                         part_scores, notices, promised)

    counted = list(filtering) if req.facets else []
    kept_actions, action_counts = filter_and_count(
        action_cands, state.facet_bits, selection, counted if mode == "action" else [])

    # an action listing: each action with a share of its partnership's own score (before the
    # partnerships get their actions'); a search counting for another (`planned`) answers what it lists,
    # not in which order: it scores none of it
    ranked = planned is None
    context = action_context(state, kept_actions, part_scores) \
        if mode == "action" and scores is not None and ranked else {}
    later = other_years(state, selection, action_cands, kept_actions) \
        if mode == "partnership" and scores is not None and ranked else []
    best_action = add_actions(state, built, ranking, score_fn, action_cands, kept_actions, part_scores, later,
                              raised=ranked) \
        if mode == "partnership" else {}  # an action listing lists no partnership: none raised
    around = _add_surroundings(state, pq, built, ranking, part_scores, notices, promised) \
        if mode == "partnership" else {}
    outside = outside_domain(state, selection, built, score_fn, best_action, part_scores) \
        if mode == "partnership" and score_fn is not None and ranked else set()

    if mode == "action":
        hits, counts = kept_actions, action_counts
        hit_scores = {a: scores[a] + context[a][1] if a in context else scores[a] for a in hits} \
            if scores is not None and ranked else {}
    else:
        hits, counts = filter_and_count(part_scores, state.facet_bits, selection, counted)
        hit_scores = part_scores
    total = len(hits)
    # the other kind's count is what its own listing holds, whose ranking widens to partial matches and reads an
    # exclusion its own way (`assainissement Kayes` said 270 actions, that listing holds 15; `-eau` 289, not 830)
    # (an empty listing's notices say the other's count; by_vocabulary's terms search asks only what it lists)
    listed_too = planned is None and not explainer and (req.facets or not total)
    listings, listings_cut = _listings(state, req, mode if kinds else None, total, (pq, built, known, ranking),
                                       evaluator) if listed_too else (Counter(), False)
    counts.update({facets.kind.name: listings} if facets.kind is not None else {})  # what each listing holds
    if planned is not None:  # a search counting for another: `cut`, the time limit cut its ranking
        return {"total": total, "counts": counts, "decisions": ranking.decisions, "cut": CUT in notices}
    _say_counts_cut(notices, _count_clicks(state, req, (pq, built, known, ranking), selection, mode,
                                           ranking.decisions, counts, evaluator) or listings_cut)

    for unfounded in ranking.unfounded(hits):
        notices.remove(unfounded)
    if not total:  # a filter emptied it: what promised results says only what stays true
        notices[:] = [promised.get(n, n) for n in notices if promised.get(n, n)]
        # (said once: the notices are listed without repeats)
        notices += why_empty(pq, facets, mode, listings["action" if mode == "partnership" else
                                                                 "partnership"], ranking.unknown)
        notices += against_parameters(pq, facets, req.filters, built, selection.has_range)
        notices += filter(None, [years_outside(state.facet_values.get(YEAR, []), req.filters, req.year_from,
                                               req.year_to)])
    pages = max(1, -(-total // req.per_page))
    if req.paged and req.page > pages:  # a bookmark from an older index, an edited URL (an empty listing said nothing)
        notices.append(f"La page {req.page} n'existe pas : " + (f"la dernière page est la page {pages}." if total
                                                                 else "la recherche ne donne aucun résultat."))
    start = (req.page - 1) * req.per_page
    ordered = sort_hits(state, hits, hit_scores, req.sort, browsing=scores is None, upto=start + req.per_page)
    page_hits = ordered[start:start + req.per_page]
    explained = _explainer(state, built, ranking, score_fn, mode, best_action, context, outside, around, hit_scores)
    if explainer:  # the terms' search of by_vocabulary: what it lists, each explained when it is taken
        return {"listed": page_hits, "explained": explained}

    nested: dict[str, list[int]] = {}
    if mode == "partnership" and (scores is not None or selection.active):
        for a in sorted(kept_actions, key=lambda a: -(scores or {}).get(a, 0.0)):
            nested.setdefault(docs[a].pid, []).append(a)

    terms = terms_by_field(built.query, state.markers) if req.snippets else None  # None: no snippets asked
    results = page_results(state, page_hits, [hit_scores.get(d, 0.0) for d in page_hits], terms, nested, mode)
    if req.explain and scores is not None and score_fn is not None:
        for d, hit in zip(page_hits, results, strict=True):
            hit["explain"] = explained(d)

    completed = _completions(state, req, pq, built, selection, part_scores, hits, page_hits, terms, notices,
                             kept_actions, ranking, score_fn, evaluator) \
        if req.completions and (req.page == pages if req.paged else not total) and mode == "partnership" \
        and scores is not None and _narrowed(facets, selection) else []  # (unpaged, the map: any `page`)

    suggestion = suggest(state, pq.text_words(), known)
    facet_lists, facet_info = facet_items(facets, counts, req.filters, mode, req.year_from, req.year_to) \
        if req.facets else ({}, {})

    response = {
        "query": {
            "q": req.q,
            "understood": pq.render(),
            "filters": {f: sorted(v, key=str) for f, v in req.filters.items() if v},
            "prefix_filters": built.shown_filters,
            "year_from": req.year_from,
            "year_to": req.year_to,
            "type": mode,
            # browsing (no text to rank by) lists by name: say so
            "sort": "name" if req.sort == "relevance" and scores is None else req.sort,
            "fallback_any_word": fallback,
            "partial_matches": ranking.partial,  # (cleared by `unfounded`)
            "notices": list(dict.fromkeys(notices)),  # each once (`eau NOT NOT` said its notice twice)
            "unknown_words": list(dict.fromkeys(map(pq.as_typed, ranking.absent_words()))),
        },
        "total": total,
        "page": req.page,
        "per_page": req.per_page,
        "pages": pages,
        "took_ms": round((time.perf_counter() - started) * 1000, 2),
        "results": results,
        "completions": completed,
        "facets": facet_lists,
        "facet_info": facet_info,
        "suggestion": suggestion,
        "index_version": state.version,
    }
    if req.explain:
        response["profile"] = ranking_profile.current().describe()  # the numbers explain refers to
    return response


def _add_surroundings(state: IndexState, pq, built, ranking: Ranking, part_scores: dict[int, float],
                      notices: list[str], promised: dict[str, str]) -> dict[int, Unit]:
    """The partnerships of the units enclosing a place named alone, or named with a topic (then those
    with the topic's words), join `part_scores` after all of its own (engine/surroundings.py);
    returns docnum -> the unit it was listed for."""
    profile = ranking_profile.current()
    found = named_place(pq.text_words(), built, state.partner_place) if profile.surroundings else None
    topic: dict[int, float] | None = None  # a place + topic query: the enclosing units' partnerships with the topic
    if found is None and ranking.gates and any(c is not None for c in ranking.gates) \
            and any(c is None for c in ranking.gates):
        # the kind of a place before its name is no topic (`cercle Bandiagara`: Bandiagara named alone)
        topical = any(c is None and not g.light for g, c in zip(built.groups, ranking.gates, strict=True))
        wanted = profile.surroundings_with_topic if topical else profile.surroundings
        if wanted:
            places = [g for g, c in zip(built.groups, ranking.gates, strict=True) if c is not None]
            found = named_place([g.text for g in places], BuiltQuery(groups=places), state.partner_place)
            topic = _topic_scores(state, ranking) if found is not None and topical else None
    if found is None:
        return {}
    place, units = found
    # below the place's own results: those with every word (the others, missing some, are scored
    # down by what they miss and were not asked for)
    cover = ranking.cover or {}
    own = [s for d, s in part_scores.items() if cover.get(d, 1.0) >= 1.0]
    floor = min(own, default=1.0) * profile.surroundings_share
    listed_before = bool(part_scores)  # the place's own results, all its words or not
    added: dict[int, Unit] = {}
    for unit in units:  # nearest first, then in the records' order (with a topic: by the topic's score)
        docs = [d for d in map(state.docnum_of.get, state.partnerships_by_unit.get(unit, []))
                if d is not None and d not in part_scores and (topic is None or topic.get(d, 0.0) > 0)]
        if topic is not None:
            docs.sort(key=lambda d: -topic[d])
        for d in docs:
            part_scores[d] = floor * 0.99 ** len(added)
            added[d] = unit
    if added:
        notices.append(surroundings_notice(place, [u for u in units if u in added.values()], topic is not None,
                                           own=listed_before))
        promised[notices[-1]] = ""
    return added


def _topic_scores(state: IndexState, ranking: Ranking) -> dict[int, float]:
    """Partnership -> the best score its own document or one of its actions has for the words of
    a place + topic query that are not the place."""
    topic: dict[int, float] = {}
    owner_of = state.owner_docnum
    for part, cap in zip(ranking.parts, ranking.gates, strict=True):
        if cap is None:
            for d, x in part.items():
                owner = owner_of[d]
                if owner is not None:
                    topic[owner] = max(topic.get(owner, 0.0), x)
    return topic


def _completions(state: IndexState, req: SearchRequest, pq, built: BuiltQuery, selection: Selection,
                 part_scores: dict[int, float], hits: list[int], page_hits: list[int], terms, notices: list[str],
                 kept_actions, ranking: Ranking, score_fn: ScoreFn | None, evaluator: Evaluator | None) -> list[dict]:
    """The partnerships completing a filtered listing of less than a page (engine/completions.py),
    as results, each below the last result and saying why it is there. What the query excludes
    (`-maraîchage`) is no completion either."""
    profile = ranking_profile.current()
    if not profile.domain_fill or any(g.required for g in built.groups):
        return []  # a prefix's clause (`collectivité:"…"`) asks for what it names, nothing like it
    ruled_out: Collection[int] = part_scores
    if built.excluded is not None and len(hits) < profile.fill_below:
        ruled_out = part_scores.keys() | _excluded_partnerships(state, built)
    seeds = hits or seeds_elsewhere(built, ranking, score_fn, part_scores, state.owner_docnum,
                                    len(state.partnership_docnums), profile.fill_below)
    scoped = typed_prefixes(pq)  # the terms' search in the query's scope, its typed prefixes too
    near, written = by_vocabulary(pq.text_words(),
                                  lambda q: _listed_for(state, req, selection, f"{q} {scoped}", evaluator), ruled_out,
                                  profile.fill_below - len(hits)) if profile.fill_vocabulary else ([], [])
    found, follows = completions(pq.text_words(), selection, state.facet_bits,
                                {*ruled_out, *(c.docnum for c in near)} if near else ruled_out, len(hits),
                                state.owner_docnum, profile.fill_below, kept_actions, seeds=seeds,
                                likeness=state.likeness if profile.fill_likeness else None, taken=len(near),
                                domain_boost=profile.fill_domain_boost, partnerships=len(state.partnership_docnums))
    notices.extend(fill_notices(written, len(hits), profile.fill_below, follows))
    found = near + found
    floor = min((part_scores[d] for d in page_hits), default=1.0) * profile.fill_share
    docs = state.docs
    nested = {docs[c.docnum].id: c.actions for c in found}
    out = page_results(state, [c.docnum for c in found], [floor * 0.99 ** i for i in range(len(found))], terms,
                       nested, "partnership")
    for c, hit in zip(found, out, strict=True):
        hit["completes_domain"], hit["completes_term"] = c.domain, c.term
        hit["similar_to"] = None if c.like is None else \
            {"id": docs[c.like].id, "title": state.partnerships[docs[c.like].id]["title"]}
    return out


def _explainer(state: IndexState, built: BuiltQuery, ranking: Ranking, score_fn: ScoreFn | None, mode: str,
               best_action: dict, context: dict, outside: set, around: dict, hit_scores: dict) -> Callable[[int], dict]:
    """How a listed result's score was made (explain=1; by_vocabulary's terms, asked of those it takes)."""
    docs = state.docs
    def explained(d: int) -> dict:
        if ranking.scores is None or score_fn is None:
            return {}
        best = best_action.get(docs[d].id) if mode == "partnership" else None
        action = (docs[best.docnum].id, best.docnum, best.score, best.factor) if best else None
        lent = (docs[d].pid, context[d][0]) if d in context else None
        out = explain_result(built, ranking, d, hit_scores.get(d, 0.0), score_fn, len(docs), action,
                             outside_domain=d in outside, partnership=lent)
        return out | ({"surrounds": around[d].label()} if d in around else {})
    return explained


def _listed_for(state: IndexState, req: SearchRequest, selection: Selection, q: str,
                evaluator: Evaluator | None) -> list[tuple[int, Callable[[], dict]]]:
    """The partnerships a search for `q` (with the query's prefixes, `region:Kayes`) lists first in the request's
    scope (`selection`), each with what gives its `explain` (made only for those taken), itself not completed
    (completions.by_vocabulary), under the request's `evaluator`: its time limit, not a second one. Filtered
    again: a prefix OR'ed with words filters all the same (`artisans OR region:Kayes`, build_query), but
    typed_prefixes leaves it out."""
    got = search(state, replace(req, q=q, page=1, per_page=ranking_profile.current().fill_below, sort="relevance",
                                facets=False, snippets=False, explain=False, completions=False),
                 evaluator=evaluator, explainer=True)
    listed = got["listed"]
    kept = set(filter_and_count(listed, state.facet_bits, selection)[0])
    return [(d, partial(got["explained"], d)) for d in listed if d in kept]


def _count_clicks(state: IndexState, req: SearchRequest, planned: Planned, selection: Selection, mode: str,
                  decisions: Decisions, counts: dict[str, Counter], evaluator: Evaluator | None) -> bool:
    """Each facet value counts what its click lists (engine/exactcounts.py), by searches told other
    decisions, which reuse the scores read (`evaluator`) and answer their counts and decisions; whether
    the time limit cut one of those searches (its counts may be short)."""
    cut = False

    def recount(decided: tuple[bool, ...]) -> tuple[dict[str, Counter], Decisions]:
        nonlocal cut
        got = search(state, replace(req, page=1, per_page=1, snippets=False, explain=False), planned, decided,
                     evaluator)
        cut = cut or got["cut"]
        return got["counts"], got["decisions"]
    if not (req.facets and decisions):
        return False
    kind = registry().kind
    exact_counts(state, selection, mode, decisions, counts, [f for f in counts if kind is None or f != kind.name],
                 recount)
    return cut


def _listings(state: IndexState, req: SearchRequest, listed: str | None, total: int, planned: Planned,
              evaluator: Evaluator | None) -> tuple[Counter, bool]:
    """How many records each kind's listing of this search holds (its kind toggled: `type`); the kind
    listed (None: none is) holds `total`. Those searches reuse the scores read (`evaluator`). And whether
    the time limit cut one of them (its count may be short)."""
    if (kind := registry().kind) is None:
        return Counter(), False
    got = {k: search(state, replace(req, filters={**req.filters, kind.name: [k]}, page=1, per_page=1, facets=False,
                                    snippets=False, explain=False), planned, None, evaluator)
           for k in kind.closed if k != listed}
    cut = any(g["cut"] for g in got.values())
    return Counter({k: got[k]["total"] if k in got else total for k in kind.closed}), cut


def _say_counts_cut(notices: list[str], cut: bool) -> None:
    """A count that the time limit cut (a search counting for this one: the other kind's listing, a facet value's
    click) is said once, unless the search's own cut is (CUT: its results, and all it counts, may be short)."""
    if cut and CUT not in notices:
        notices.append(COUNTS_CUT)


def _candidates(state: IndexState, scores: Mapping[int, float] | None, kinds: set[str]
                ) -> tuple[list[int], dict[int, float]]:
    """The candidate actions and the partnerships' scores (every record when browsing: `scores` None);
    none when no kind of record may be listed (`type:foo`, `type:action` with `type=partnership`)."""
    if not kinds:
        return [], {}
    if scores is None:
        return state.action_docnums, dict.fromkeys(state.partnership_docnums, 0.0)
    is_action, is_partnership = state.action_flags, state.partnership_flags
    return [i for i in scores if is_action[i]], {i: s for i, s in scores.items() if is_partnership[i]}


def _excluded_partnerships(state: IndexState, built: BuiltQuery) -> set[int]:
    """The partnerships whose record has what the query excludes (`-assainissement`)."""
    excluded, _ = _match(state, built.excluded)
    return {d for d in excluded if state.partnership_flags[d]}


def _narrowed(facets: Registry, selection: Selection) -> bool:
    """A filter other than the kind of record narrows the listing (a facet value, a year range, a
    query prefix)."""
    kind = facets.kind.name if facets.kind is not None else None
    return any(f != kind for f in selection.active) or any(f != kind for f in (selection.required or {}))


def _scores(state: IndexState, built, notices: list[str], listed, decided=None, evaluator: Evaluator | None = None,
            made: Ranking | None = None) -> tuple[Ranking, ScoreFn | None, Evaluator | None]:
    """The ranking of the matching documents (`ranking.rank`; its scores are None when browsing, no
    text), the function that read the scores and the evaluator it read them with (`evaluator`, given);
    `made`: the ranking of the search this one counts for, taken when it decides alike."""
    if not built.has_text:
        return Ranking(None), None, evaluator
    # one per request: parts shared by the groups, and by the searches counting for it, are read once
    evaluator = evaluator or _evaluator(state)
    cut = False

    def score(query) -> Mapping[int, float]:
        nonlocal cut
        scores, was_cut = _match(state, query, evaluator)
        cut = cut or was_cut
        return scores

    ruled_out = state.french_abroad if built.french_side else frozenset()
    if built.french_kind:  # a question asking for a kind of French collectivity: the others after
        ruled_out = ruled_out | state.french_other_kind(built.french_kind)
    ranking = rank(built, score, len(state.docs), listed, abroad=ruled_out, decided=decided, made=made)
    notices.extend(ranking.notices)
    if cut:
        notices.append(CUT)
    return ranking, score, evaluator
