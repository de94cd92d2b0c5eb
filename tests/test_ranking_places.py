"""How the places a query names weigh in its ranking (engine/queryplaces.py): a word names a place when its
records are mostly there; the place gates the records with the topic, a light word apart, and a place + topic
query may drop a topic word, not the place; a topic in two places is looked for in either; a place counts the
same however many places a record lists; every record has its French side's country among its places."""
from __future__ import annotations

import dataclasses

import pytest
from whoosh import index as whoosh_index

from engine import SearchRequest, queryplaces, ranking, ranking_profile
from engine.matching import Evaluator, FieldLengths
from engine.querybuild import build_query
from engine.querylang import parse_query
from indexer.schema import build_schema
from test_ranking import FILLER


def test_a_place_counts_the_same_however_many_places_a_record_lists(tmp_path):
    # `places` is a list of attributes: its length must not weigh a place match (profile.field_b)
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    w = ix.writer()
    for key, places in (("short", "Kayes\nMali"), ("long", "Kayes\nMali\nBretagne\nIlle-et-Vilaine\nRennes")):
        w.add_document(id=key, type="partnership", pid=key, title="", parties="", places=places,
                       domains_text="", body="", sheet="")
    w.commit()

    def scores(profile):
        with ix.searcher(weighting=profile.weighting()) as searcher:
            built = build_query(searcher.schema, parse_query("Kayes"), {})
            r = ranking.rank(built, Evaluator(searcher, FieldLengths()).scores, searcher.doc_count_all())
            return sorted(r.scores.values())

    p = ranking_profile.current()
    assert p.field_b["places"] == 0.0
    low, high = scores(p)
    assert low == pytest.approx(high)
    low, high = scores(dataclasses.replace(p, field_b={}))  # Whoosh's default B: the longer list loses
    assert low < high


def _in_place_fields(e: dict | None, word: str) -> bool:
    return bool(e) and any(w["text"] == word and any(f in ("parties", "places") for m in w["matches"]
                                                   for f in m.get("fields", {}))
                           for w in e["words"])


def _explained(index_dir, q: str, profile) -> dict:
    """Up to 100 explained results of `q` under a ranking profile."""
    with ranking_profile.use_profile(profile):
        from engine import Engine
        return Engine(index_dir).search(SearchRequest(q=q, per_page=100, explain=True))


def test_a_place_and_topic_query_may_drop_a_topic_word_not_the_place(index_dir):
    # most of the word weight is enough to be listed, but the place must be the record's
    # (profile.place_required); without the rule a sheet naming Kayes in passing is listed
    q = "qui construit des centres de santé dans la région de Kayes"

    p = ranking_profile.current()
    r = _explained(index_dir, q, p)
    assert r["total"] >= p.fill_below and r["query"]["partial_matches"]  # soft, not widened
    for h in r["results"]:
        e = h["explain"]
        action = (e.get("action") or {}).get("own")
        assert _in_place_fields(e["own"], "Kayes") or _in_place_fields(action, "Kayes"), h["id"]
    r = _explained(index_dir, q, dataclasses.replace(p, place_required=False))
    assert any(not _in_place_fields(h["explain"]["own"], "Kayes") for h in r["results"])


def test_a_topic_in_two_places_is_looked_for_in_either(engine):
    # `puits Kayes Mopti`: in one of the places named, not in both (few records are)
    r = engine.search(SearchRequest(q="puits Kayes Mopti", per_page=100, explain=True))
    own = [h["explain"]["own"] for h in r["results"] if h["explain"]["own"]]
    assert any(_in_place_fields(e, "Kayes") and not _in_place_fields(e, "Mopti") for e in own)
    assert any(_in_place_fields(e, "Mopti") and not _in_place_fields(e, "Kayes") for e in own)
    assert all(_in_place_fields(e, "Kayes") or _in_place_fields(e, "Mopti") for e in own
               if any(w["text"] == "puits" and w["matches"] for w in e["words"]) and e["coverage"] < 1)


@pytest.mark.parametrize("word, place", [("Kayes", True), ("Oujda", True), ("Rhône-Alpes", True),
                                         ("centre", False), ("grand", False), ("eau", False)])
def test_a_word_names_a_place_when_its_records_are_mostly_there(engine, word, place):
    # `centre` is also the French région Centre: as a word of `centre de formation` it must not
    # gate the results to that région (profile.place_share)
    from engine.search import _evaluator, _match

    st = engine.state()
    ev = _evaluator(st)
    built = build_query(st.schema, parse_query(word), st.facet_values)
    cap = queryplaces.place_cap(built.groups[0], lambda q: _match(st, q, ev)[0], len(st.docs))
    assert (cap is not None) is place


def test_the_place_gates_records_that_lack_only_a_light_word(tmp_path):
    # `construction école Koulikoro`: the town named Koulikoro with a school, not said to be
    # built, must not outrank a Koulikoro-region record building one on the strength of its
    # name: the cap applies to every record with the topic, a light word apart
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    w = ix.writer()
    docs = [("town", "Koulikoro", "Koulikoro\nMali", "Koulikoro : une école à Koulikoro, la mairie de Koulikoro"),
            ("region", "Kati", "Koulikoro\nKati\nMali", "construction d'une école à Kati")]
    docs += [(f"other{i}", "Ségou", "Ségou\nMali", f"{FILLER} {i}") for i in range(20)]
    for key, parties, places, body in docs:
        w.add_document(id=key, type="partnership", pid=key, title="", parties=parties, places=places,
                       domains_text="", body=body, sheet="")
    w.commit()
    with ix.searcher(weighting=ranking_profile.current().weighting()) as searcher:
        built = build_query(searcher.schema, parse_query("construction école Koulikoro"), {})
        r = ranking.rank(built, Evaluator(searcher, FieldLengths()).scores, searcher.doc_count_all())
        names = {searcher.stored_fields(d)["id"]: s for d, s in r.scores.items()}
        gated = {searcher.stored_fields(d)["id"] for d in r.gated}
    assert {"town", "region"} <= gated  # the town lacks only `construction`: gated all the same
    assert names["region"] > names["town"] > 0


def test_every_record_has_its_french_sides_country_among_its_places(corpus):
    # `leurs études en France`: France is where every French collectivity is, not only the régions
    # named Île-de-France or Franche-Comté (which alone had the word in their places)
    from indexer.documents import partnership_document

    sides = [p for p in corpus.partnerships if p.french_party is not None and p.french_party.country]
    assert len(sides) > 200
    for p in sides:
        assert p.french_party.country in partnership_document(p)["places"], p.id
    abroad = [p for p in sides if p.french_party.country != "France"]
    assert abroad and all("France" not in partnership_document(p)["places"] for p in abroad)
