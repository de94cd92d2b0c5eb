"""A year among the query's words: the ways it is found (written, the year a partnership began, the
years a record was active) and what it dates (a topic written near it). The query builder
(`querybuild.py`) asks this for each year typed."""
from __future__ import annotations

from whoosh import query as Q
from whoosh.query.spans import SpanNear2

from indexer.facet_registry import YEAR as YEAR_FACET
from indexer.schema import facet_field

from . import ranking_profile
from .fieldquery import field_parts, tokens
from .fillers import names_partnership
from .querymodel import VIA_ACTIVE, VIA_WORD, VIA_YEAR, Alternative, Group


class _Near(SpanNear2):
    """Whoosh's SpanNear2, whose size estimate (read when Whoosh itself runs a query holding it)
    names an undefined `q` in Whoosh 2.7.4."""

    def _and_query(self):
        return Q.And(self.qs)


def year_near(schema, groups: list[Group], profile: ranking_profile.Profile) -> Q.Query | None:
    """A year typed with a topic (`stages de formation en France en 2006`, `centre de santé 2004`) asks
    what was done that year: a text writing the year within `year_near_window` words of a typed word (a
    vocabulary phrase's words together) dates it (« 2006 : Accueil en stage de médecins »), where a year
    anywhere else in a sheet may date anything. Each other word group so dated adds its share of
    `year_near`, once however many such places. None for a period (several years) or an OR."""
    if not profile.year_near or len(groups) < 2:
        return None
    years = [a.text for g in groups for a in g.alternatives if a.via == VIA_YEAR]
    others = [g for g in groups if not any(a.via in (VIA_YEAR, VIA_ACTIVE) for a in g.alternatives)]
    if len(years) != 1 or not others or any(" OR " in g.text for g in others):
        return None
    share = profile.year_near / len(others)
    dated: list[Q.Query] = []
    for g in others:
        spans: list[Q.Query] = []
        for f in profile.year_near_fields:
            year = tokens(schema, f, years[0])
            words = list(dict.fromkeys(t for _, t in tokens(schema, f, g.text)))
            if not year or not words:
                continue
            near = [_Near([Q.Term(f, t) for t in words], slop=2)] if len(words) > 1 else [Q.Term(f, words[0])]
            spans += [_Near([w, Q.Term(f, year[0][1])], slop=profile.year_near_window, ordered=False) for w in near]
        if spans:
            dated.append(Q.ConstantScoreQuery(spans[0] if len(spans) == 1 else Q.Or(spans), share))
    if not dated:
        return None
    return dated[0] if len(dated) == 1 else Q.Or(dated)


def asks_when_begun(pq) -> bool:
    """A word naming a partnership or an agreement (`jumelage 1988`, `convention 2001`), or an OR of
    such words (`jumelage OR santé` is not), next to a year asks when the partnership began."""
    return any(all(c.kind == "word" and not c.negated and names_partnership(c.text) for c in clauses)
               for clauses in pq.groups)


def active_years(groups: list[Group], pq) -> list[Group]:
    """A year next to a topic (`centre de santé 2004`) also finds the records active that year,
    last of its group's ways (`otherwise`: only for the records no other way found, another year
    of a period or an OR included); next to a partnership's or an agreement's word (`jumelage
    1988`, `convention 2001`), it asks when the partnership began, and only `began` and the texts
    answer."""
    gated = asks_when_begun(pq)
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


def rebuilt(group: Group, alternatives: list[Alternative]) -> Group:
    """`group` with these alternatives (itself when they are its own, in its order)."""
    if alternatives == group.alternatives:
        return group
    return Group(group.text, alternatives, light=group.light, agreement=group.agreement, required=group.required)
