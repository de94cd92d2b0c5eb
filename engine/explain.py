"""Why a result scored what it scored (`--explain`, `explain=1`).

For one document, each query word (group): how rare it is (its weight in the
coverage), and every way it was found in this document: the word itself or
an expansion (`via`), the profile's grade for that way, the rarity blend
(`factor`, groupscores.expansion_factors) and the score each field gave, and for a
place word of a place + topic query the cap on its score (`place_cap`). Then
the coverage of the query's words, the coordination multiplier it brings,
the proximity and name bonuses. For a partnership, the share of its best
matching action. The parts add up to the result's score (tested).
"""
from __future__ import annotations

from . import ranking_profile
from .bm25f import Fielded
from .groupscores import ScoreFn, alternative_scores, expansion_factors
from .querymodel import Alternative, BuiltQuery, Group
from .ranking import Ranking

DIGITS = 4


def _r(x: float) -> float:
    return round(x, DIGITS)


def _alternative(alt: Alternative, factor: float, doc: int, score: ScoreFn, doc_count: int) -> dict | None:
    own = alternative_scores(alt, score, doc_count).get(doc)
    if own is None:
        return None
    out = {"via": alt.via, "text": alt.text, "grade": alt.grade, "factor": _r(factor), "score": _r(own * factor)}
    if alt.corrects:  # a misspelt word's correction's expansion, or a phrase a correction completes (spans.py):
        # grade = typo × the expansion's own
        out["corrects"] = alt.corrects
    if alt.children:
        out["words"] = [w for w in (_group(c, doc, score, doc_count) for c in alt.children) if w is not None]
    else:
        fields: dict[str, float] = {}
        # each field's share of the word's BM25F score (bm25f.py), or its own score
        shares = [alt.scored.share(i) if isinstance(alt.scored, Fielded) else q
                  for i, (_, q) in enumerate(alt.parts)]
        for (fname, _), q in zip(alt.parts, shares, strict=True):
            s = score(q).get(doc)
            if s is not None:
                fields[fname] = fields.get(fname, 0.0) + s * factor
        out["fields"] = {f: _r(v) for f, v in fields.items()}
    return out


def _group(group: Group, doc: int, score: ScoreFn, doc_count: int, total: float | None = None) -> dict | None:
    factors = expansion_factors(group, score, doc_count)
    matches: list[dict] = []
    for alt, f in zip(group.alternatives, factors, strict=True):  # one factor per alternative
        if alt.otherwise and matches:  # found by an alternative before it: not scored (groupscores.group_scores)
            continue
        e = _alternative(alt, f, doc, score, doc_count)
        if e is not None:
            matches.append(e)
    if not matches:
        return None
    if total is None:
        total = sum(m["score"] for m in matches)
    # (a place word's total may be its cap, below its matches' sum: `place_cap`)
    return {"text": group.text, "score": _r(total), "matches": matches}


def explain_document(built: BuiltQuery, ranking: Ranking, doc: int, score: ScoreFn, doc_count: int) -> dict | None:
    """How `doc`'s own score was made (None when the document itself did not
    match: a partnership found only through its actions)."""
    if ranking.scores is None or doc not in ranking.scores:
        return None
    words = []
    words_sum = 0.0
    for i, g in enumerate(built.groups):
        total = ranking.parts[i].get(doc)
        entry = _group(g, doc, score, doc_count, total) if total is not None else None
        if entry is None:  # not found (or an agreement word had by the year: ranking._formalised)
            entry = {"text": g.text, "score": _r(total or 0.0), "matches": []}
        entry["weight"] = _r(ranking.weights[i])
        gate = ranking.gates[i] if i < len(ranking.gates) else None
        if gate is not None and doc in ranking.gated and entry["matches"]:
            # a place word of a place + topic query: its matches' sum, capped (queryplaces.gate_places)
            entry["place_cap"] = _r(gate)
        if doc in ranking.formalised and g.agreement:
            entry["formalised"] = True  # an agreement word: the record was formalised in the query's year
        if g.light:
            entry["light"] = True  # an action noun or a generic one: its rarity times the profile's light_word
        words.append(entry)
        words_sum += total or 0.0
    coordination = ranking.coordination(doc)
    prox = ranking.proximity.get(doc, 0.0)
    name = ranking.name.get(doc, 0.0)
    out = {
        "score": _r(ranking.scores[doc]),
        "words": words,
        "words_matched": sum(1 for w in words if w["matches"]),
        "coverage": _r(ranking.coverage(doc)),
        "coordination": _r(coordination),
        "words_score": _r(words_sum * coordination),
        "proximity": _r(prox),
        "name": _r(name),
    }
    answer = ranking.answer(doc)
    if answer != 1.0:  # the query calls the collectivity French, this one is abroad
        out["abroad"] = answer  # score = (words_score + proximity + name) × abroad
    if doc in ranking.off_domain:  # a short page's fill (fallback in the place): no topic, not filed under its domain
        out["off_domain"] = ranking_profile.current().tail_off_domain  # score = (…) × abroad × off_domain
    return out


def explain_result(built: BuiltQuery, ranking: Ranking, doc: int, score: float, score_fn: ScoreFn,
                   doc_count: int, action: tuple[str, int, float, float] | None = None,
                   outside_domain: bool = False, partnership: tuple[str, float] | None = None) -> dict:
    """The explanation of one listed result: its own match; for a partnership, the action whose
    share was added (id, docnum, its score, the factor it counts with: 1, or the profile's
    other_year_action for an action outside the filtered years) and whether the domain filter's
    `outside_domain` share was applied; for an action, its partnership's own score (id, score)
    when it lent it a share."""
    out = {"score": _r(score), "own": explain_document(built, ranking, doc, score_fn, doc_count)}
    if outside_domain:  # score = (own + action's share) × outside_domain
        out["outside_domain"] = ranking_profile.current().outside_domain
    if action is not None:
        share = ranking_profile.current().action_share
        aid, adoc, ascore, factor = action
        best: dict = {"id": aid, "score": _r(ascore), "share": share, "added": _r(share * factor * ascore),
                      "own": explain_document(built, ranking, adoc, score_fn, doc_count)}
        if factor != 1.0:  # added = share × other_year × score
            best["other_year"] = factor
        out["action"] = best
    if partnership is not None:  # an action listing: score = own.score + partnership.added
        pid, pscore = partnership
        lent = ranking_profile.current().action_context
        out["partnership"] = {"id": pid, "score": _r(pscore), "share": lent, "added": _r(lent * pscore)}
    return out
