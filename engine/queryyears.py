"""A year among the query's words: the ways it is found (written, the year a partnership began, the
years a record was active). The query builder (`querybuild.py`) asks this for each year typed."""
from __future__ import annotations

from whoosh import query as Q

from indexer.facet_registry import YEAR as YEAR_FACET
from indexer.schema import facet_field

from . import ranking_profile
from .fieldquery import field_parts
from .fillers import names_partnership
from .querymodel import VIA_ACTIVE, VIA_WORD, VIA_YEAR, Alternative, Group, rebuilt


def active_years(groups: list[Group], pq) -> list[Group]:
    """A year next to a topic (`centre de santé 2004`) also finds the records active that year,
    last of its group's ways (`otherwise`: only for the records no other way found, another year
    of a period or an OR included); next to a partnership's or an agreement's word (`jumelage
    1988`, `convention 2001`), it asks when the partnership began, and only `began` and the texts
    answer."""
    gated = any(all(c.kind == "word" and not c.negated and names_partnership(c.text) for c in clauses)
                for clauses in pq.groups)  # a word, or an OR of such words (`jumelage OR santé` is not)
    return [rebuilt(g, [a for a in g.alternatives if a.via != VIA_ACTIVE]
                     + ([] if gated else [a for a in g.alternatives if a.via == VIA_ACTIVE])) for g in groups]


def year_alternatives(schema, year: str) -> list[Alternative]:
    """A year as a word of the texts, as the years a partnership was formalised or first contacted
    in (the `began` field), which the texts do not always write, and as the years a record was
    active (its year facet), for the records neither of those found (`active_years`)."""
    profile = ranking_profile.current()
    out = [Alternative(VIA_WORD, year, field_parts(schema, year, scale=profile.stem), grade=profile.stem),
           Alternative(VIA_YEAR, year, [("began", Q.ConstantScoreQuery(Q.Term("began", year), profile.year_score))],
                       grade=profile.year_score)]
    if profile.year_active:
        field = facet_field(YEAR_FACET)
        active = Q.ConstantScoreQuery(Q.Term(field, year), profile.year_active)
        out.append(Alternative(VIA_ACTIVE, year, [(field, active)], grade=profile.year_active, otherwise=True))
    return out
