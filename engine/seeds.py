"""What an empty filtered listing's completions are to be like: the partnerships outside the
filter that have the query's words (engine/completions.py orders the filter's partnerships by their
likeness to these seeds).

A seed has every word the query asks for, not some of them: `informatisation Kayes` with
country=Algérie listed as seeds Kayes's partnerships that have only « Kayes », and the notice said
they had the words. A word most partnerships have (`coopération`, `partenariat`, `jumelage`: in
more than COMMON_SHARE of them) says nothing about what was done: it is not asked of the seeds,
and it does not make a query that otherwise only names a collectivity or a place (`Belfort
coopération`) ask for something done: such a query's completions would be partnerships like the
named collectivity's, not like anything done.
"""
from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence

from .groupscores import ScoreFn
from .querymodel import BuiltQuery
from .queryplaces import names_who_or_where
from .ranking import Ranking

COMMON_SHARE = 0.5  # a word more than this share of the partnerships have is common


def seeds_elsewhere(built: BuiltQuery, ranking: Ranking, score_fn: ScoreFn | None, part_scores: Mapping[int, float],
                    owner_docnum: Sequence[int | None], partnerships: int, page: int) -> list[int]:
    """Up to `page` partnerships (best first) that have, in their sheet or their actions, every
    word of the query but the common ones; none when those words only name collectivities or
    places (`Douentza pays:maroc`, `Belfort coopération`), or when a word no document has
    (`Tessalit`): nothing is then asked that other partnerships could do too."""
    if score_fn is None or ranking.missing or ranking.unknown or len(ranking.parts) != len(built.groups):
        return []
    held = [{owner_docnum[d] for d in part} - {None} for part in ranking.parts]
    content = [i for i, h in enumerate(held) if len(h) <= COMMON_SHARE * partnerships]
    if not any(not names_who_or_where(built.groups[i], score_fn) for i in content):
        return []
    having = set(part_scores).intersection(*(held[i] for i in content))
    return heapq.nlargest(page, having, key=lambda d: (part_scores[d], -d))
