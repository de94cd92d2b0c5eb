"""A year typed with a topic dates it where a text writes the year near the topic (profile.year_near)."""
from __future__ import annotations

import dataclasses

import pytest
from whoosh import index as whoosh_index

from engine import ranking, ranking_profile
from engine.matching import Evaluator, FieldLengths
from engine.querybuild import build_query
from engine.querylang import parse_query
from indexer.schema import build_schema

FILLER = "coopération décentralisée entre les deux communes pour le développement local"
DOCS = {
    # the year dates the training
    "dated": f"2006 : accueil en stage de deux médecins à l'hôpital. {FILLER}",
    # the same words, the year dating something else, far from the training
    "elsewhere": f"accueil en stage de deux médecins à l'hôpital. {FILLER} {FILLER} budget voté en 2006",
    # a health centre dated 2004 / a cultural centre dated 2004 and health elsewhere
    "health": f"construction du centre de santé en 2004. {FILLER}",
    "culture": f"centre culturel ouvert en 2004. {FILLER} {FILLER} santé des enfants",
    # a twinning signed in 2004, and one written far from the year
    "twinning": f"jumelage signé le 17 mai 2004. {FILLER}",
    "twinning-far": f"jumelage avec la commune. {FILLER} {FILLER} rapport de 2004",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    path = tmp_path_factory.mktemp("yearnear")
    ix = whoosh_index.create_in(str(path), build_schema())
    w = ix.writer()
    for key, body in {**DOCS, **{f"filler{i}": FILLER for i in range(20)}}.items():
        w.add_document(id=key, type="partnership", pid=key, title="", parties="", places="",
                       domains_text="", body=body, sheet="", began="1990")
    w.commit()
    return ix


def scores(ix, q: str, profile: ranking_profile.Profile) -> dict[str, tuple[float, float]]:
    """id -> (score, proximity bonus)."""
    with ranking_profile.use_profile(profile), ix.searcher(weighting=profile.weighting()) as searcher:
        built = build_query(searcher.schema, parse_query(q), {})
        r = ranking.rank(built, Evaluator(searcher, FieldLengths()).scores, searcher.doc_count_all(),
                         listed=lambda docs: 100)
        return {searcher.stored_fields(d)["id"]: (s, r.proximity.get(d, 0.0)) for d, s in r.scores.items()}


def test_a_year_written_near_the_topic_dates_it(index):
    p = ranking_profile.current()
    assert p.year_near > 0
    s = scores(index, "stage 2006", p)
    assert s["dated"][1] == pytest.approx(p.year_near) and s["elsewhere"][1] == 0.0
    assert s["dated"][0] > s["elsewhere"][0]
    # without the rule, the record that dates the training is not preferred for it
    off = scores(index, "stage 2006", dataclasses.replace(p, year_near=0.0))
    assert off["dated"][1] == off["elsewhere"][1] == 0.0
    assert s["dated"][0] - off["dated"][0] == pytest.approx(p.year_near)


def bonus(ix, q: str, profile: ranking_profile.Profile) -> dict[str, float]:
    """id -> what year_near added to its proximity bonus (the words' own phrase bonus taken out)."""
    on, off = scores(ix, q, profile), scores(ix, q, dataclasses.replace(profile, year_near=0.0))
    return {k: on[k][1] - off[k][1] for k in on}


def test_a_phrase_is_dated_as_a_whole_and_each_word_group_adds_its_share(index):
    p = ranking_profile.current()
    s = bonus(index, "centre de santé 2004", p)
    # `centre` near 2004 in a cultural centre dates no health centre
    assert s["health"] == pytest.approx(p.year_near) and s["culture"] == 0.0
    # two word groups, both dated near the year: the whole bonus; one of them: half of it
    two = bonus(index, "accueil hôpital 2006", p)
    assert two["dated"] == pytest.approx(p.year_near) and two["elsewhere"] == 0.0
    one = bonus(index, "accueil budget 2006", p)
    assert one["dated"] == pytest.approx(p.year_near / 2)
    assert one["elsewhere"] == pytest.approx(p.year_near / 2)


def test_a_partnership_word_with_a_year_asks_when_it_began_not_what_is_dated(index):
    # `jumelage 2004` is answered by `began` and the agreement words (ranking._formalised), not by this
    p = ranking_profile.current()
    s = scores(index, "jumelage 2004", p)
    assert set(s) >= {"twinning", "twinning-far"} and all(bonus == 0.0 for _, bonus in s.values())
    # a period is several years: no year to date the topic with
    assert all(bonus == 0.0 for _, bonus in scores(index, "stage 2005-2007", p).values())
