"""The ranking rules on a small index written for the purpose: the typed word
before its family, before a synonym or narrower term; a rare expansion does
not outrank the word on rarity alone; typos only for unknown words; how many
of the words a result needs; the profile as the one source of the numbers. The places a query
names: test_ranking_places.py."""
from __future__ import annotations

import dataclasses

import pytest
from whoosh import index as whoosh_index

from analyzers import Speller, fold_text
from analyzers.wordtables import count_vocabulary
from engine import SearchRequest, groupscores, ranking, ranking_profile
from engine.matching import Evaluator, FieldLengths
from engine.querybuild import build_query
from engine.querylang import parse_query
from indexer.schema import TEXT_FIELDS, build_schema

FILLER = "coopération décentralisée entre les deux communes pour le développement local"
DOCS = {
    "literal": "programme d'assainissement du village",
    "narrower": "construction de latrines au village",
    "agri": "soutien à l'agriculture du village",
    "family": "soutien aux agriculteurs du village",
    "garden": "soutien au maraîchage du village",
    "all3": "puits et école à Kayes",
    "no-rare": "puits et école du village",
    "no-common": "puits à Kayes pour le village",
    "only-common": "école du village",
    "both": "création d'une bibliothèque",
    "one": "construction d'une bibliothèque",
    "tomb": "jumelage avec Tombouctou",
    "lib-twin": "bibliothèque du jumelage",
    "youth": "club de la jeunesse",
    "young": "un jeune du quartier",
    "near": "jumelage avec Mohammedia",
    "far": "Mohamed Mohamed Mohamed",
}
# `assainissement` made common, `latrines` left rare
COMMON = {f"common{i}": f"assainissement et {FILLER}" for i in range(30)}


def small_index(path, texts: dict[str, str]):
    """An index of partnerships whose body is each text (key -> text), searched with the profile's
    weighting: (searcher, ids, speller). Also test_twins.py's."""
    ix = whoosh_index.create_in(str(path), build_schema())
    w = ix.writer()
    for key, body in texts.items():
        w.add_document(id=key, type="partnership", pid=key, title="", parties="", places="",
                       domains_text="", body=body, sheet="")
    w.commit()
    searcher = ix.searcher(weighting=ranking_profile.current().weighting())
    ids = {searcher.stored_fields(d)["id"]: d for d in range(searcher.doc_count_all())}
    return searcher, ids, Speller(count_vocabulary([[t] for t in texts.values()]))


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    searcher, ids, speller = small_index(tmp_path_factory.mktemp("small"), {**DOCS, **COMMON})
    yield searcher, ids, speller
    searcher.close()


def run(small, q, listed=lambda docs: 100):
    searcher, ids, speller = small
    built = build_query(searcher.schema, parse_query(q), {}, known=speller.__contains__,
                        candidates=speller.candidates)
    ev = Evaluator(searcher, FieldLengths())
    r = ranking.rank(built, ev.scores, searcher.doc_count_all(), listed)
    names = {d: k for k, d in ids.items()}
    return {names[d]: s for d, s in r.scores.items()}, r, built


def test_the_word_before_its_narrower_term(small):
    scores, _, _ = run(small, "assainissement")
    assert scores["literal"] > scores["narrower"] > 0


def test_a_narrower_word_is_not_widened(small):
    scores, _, _ = run(small, "latrines")
    assert set(scores) == {"narrower"}


def test_a_rare_expansion_does_not_win_on_rarity(small, monkeypatch):
    # `latrines` is in one document, `assainissement` in 31: unblended, the rare
    # narrower term would outscore the literal word (this is what the blend prevents)
    scores, _, _ = run(small, "assainissement")
    assert scores["literal"] > scores["narrower"]
    monkeypatch.setattr(groupscores, "expansion_factors",
                        lambda group, score, n: [1.0] * len(group.alternatives))
    unblended, _, _ = run(small, "assainissement")
    assert unblended["narrower"] > unblended["literal"]


def test_the_ladder_word_family_narrower(small):
    scores, _, _ = run(small, "agriculture")
    assert scores["agri"] > scores["family"] > scores["garden"] > 0
    p = ranking_profile.current()
    assert p.stem > p.family > p.synonym > p.narrower >= p.typo > 0


def test_typos_only_for_words_the_index_does_not_know(small):
    scores, _, built = run(small, "Tombouctu")
    assert set(scores) == {"tomb"}
    assert [a.via for a in built.groups[0].alternatives][-1] == "typo"
    _, _, built = run(small, "Tombouctou")
    assert all(a.via != "typo" for a in built.groups[0].alternatives)


def test_the_fewest_typos_count_most(small):
    # `mohammedia` is one typo from `Mohamedia`, `mohamed` two: the closer word's
    # single mention outranks the farther word said three times (Meilisearch's typo rule)
    scores, _, built = run(small, "Mohamedia")
    assert scores["near"] > scores["far"] > 0
    typos = [a for a in built.groups[0].alternatives if a.via == "typo"]
    assert [a.text for a in typos] == ["mohammedia", "mohamed"] and typos[0].grade > typos[1].grade
    p = ranking_profile.current()
    with ranking_profile.use_profile(dataclasses.replace(p, typo_farther=1.0)):
        flat, _, _ = run(small, "Mohamedia")
    assert flat["far"] > flat["near"]


def test_three_words_need_most_of_their_weight(small):
    scores, r, _ = run(small, "puits école Kayes")
    assert scores["all3"] == max(scores.values())
    # missing the common word (école) costs less than missing the rare one (Kayes)
    assert scores["no-common"] > scores["no-rare"]
    assert "only-common" not in scores  # one common word of three is not enough
    assert r.partial and r.coverage(small[1]["all3"]) == 1.0


def test_a_long_query_weighs_its_rare_words_more_in_the_coverage(small):
    """From `long_from_words` word groups on, a word's coverage weight is its rarity raised to
    `long_rarity_power`: the rare words of a described need say what is sought, the common
    ones how it is phrased. A record with the rare words covers more of the query, one with
    only the common words less, than with plain rarities; a shorter query is unchanged."""
    p = ranking_profile.current()
    assert p.long_rarity_power > 1.0
    q = "latrines puits Kayes coopération communes"  # three rare words, two in every filler record
    ids = small[1]
    _, r, built = run(small, q)
    assert len(built.groups) >= p.long_from_words
    with ranking_profile.use_profile(dataclasses.replace(p, long_rarity_power=1.0)):
        _, flat, _ = run(small, q)
    assert r.cover[ids["no-common"]] > flat.cover[ids["no-common"]]  # puits, Kayes
    assert r.cover[ids["common0"]] < flat.cover[ids["common0"]]  # coopération, communes
    ratio = [w / f for w, f in zip(r.weights, flat.weights, strict=True)]
    assert ratio[0] > ratio[1] > ratio[3]  # latrines (one record) > puits (three) > coopération (thirty)
    _, short, _ = run(small, "latrines puits Kayes")
    with ranking_profile.use_profile(dataclasses.replace(p, long_rarity_power=1.0)):
        _, short_flat, _ = run(small, "latrines puits Kayes")
    assert short.weights == short_flat.weights

def test_few_results_are_widened_to_any_word(small):
    scores, r, _ = run(small, "jumelage bibliothèque", listed=len)
    assert scores["lib-twin"] > scores["one"] > 0 and scores["tomb"] > 0 and r.partial
    scores, _, _ = run(small, "jumelage bibliothèque", listed=lambda docs: 100)
    assert set(scores) == {"lib-twin"}  # enough results: both words required


def test_an_action_noun_weighs_little_in_the_coverage(small):
    # `création d'une bibliothèque`: a row that built or rehabilitated one is still wanted
    scores, r, built = run(small, "création bibliothèque", listed=lambda docs: 100)
    assert [g.light for g in built.groups] == [True, False]
    assert scores["both"] > scores["one"] > 0
    p = ranking_profile.current()
    assert r.coverage(small[1]["one"]) > p.min_coverage
    assert "tomb" not in scores  # neither word
    with ranking_profile.use_profile(dataclasses.replace(p, light_word=1.0)):
        heavy, r_heavy, _ = run(small, "création bibliothèque", listed=lambda docs: 100)
    # weighed like any word, `création` would make a row without it miss too much of the query
    assert r_heavy.coverage(small[1]["one"]) < p.min_coverage and "one" not in heavy


def test_an_expansion_that_is_another_typed_word_does_not_count_twice(small):
    # `latrines` is a narrower term of `assainissement`: typed as a word of its own, a record's
    # one `latrines` stands for that word, not for assainissement as well
    _, r, built = run(small, "assainissement latrines")
    assert all(a.text != "latrines" for a in built.groups[0].alternatives)
    assert r.fallback and r.coverage(small[1]["narrower"]) < 1.0  # no record has both words
    off = dataclasses.replace(ranking_profile.current(), own_words_only=False)
    with ranking_profile.use_profile(off):
        scores_off, r_off, built_off = run(small, "assainissement latrines")
    assert any(a.text == "latrines" for a in built_off.groups[0].alternatives)
    assert not r_off.fallback and set(scores_off) == {"narrower"}  # it had "both" through one word


def test_no_result_with_every_word_falls_back_to_any(small):
    scores, r, _ = run(small, "Tombouctou latrines", listed=lambda docs: 100)
    assert r.fallback and set(scores) == {"tomb", "narrower"}


def test_profile_is_the_one_source(small):
    p = ranking_profile.current()
    assert set(p.field_weights) == set(TEXT_FIELDS)
    base, _, _ = run(small, "agriculture")
    with ranking_profile.use_profile(dataclasses.replace(p, family=0.1)):
        lower, _, _ = run(small, "agriculture")
    assert lower["family"] < base["family"] and lower["agri"] == pytest.approx(base["agri"])
    assert ranking_profile.current() is p
    described = p.describe()
    assert described["bm25_b"] == p.bm25_b and described["field_weights"]["places"] == p.field_weights["places"]
    w = p.weighting()
    assert (w.B, w.K1) == (p.bm25_b, p.bm25_k1)


def test_no_typo_for_a_word_whose_family_the_index_knows(small):
    # `jeunesses` is written nowhere, but its stem and family are: found through them,
    # not through a close spelling
    scores, _, built = run(small, "jeunesses")
    vias = [a.via for a in built.groups[0].alternatives]
    assert "family" in vias and "typo" not in vias
    assert scores["youth"] > scores["young"] > 0
    _, _, built = run(small, "Tombouctu")  # no family: a close spelling is tried
    assert [a.via for a in built.groups[0].alternatives][-1] == "typo"


@pytest.mark.parametrize("q, words", [
    ("où Lyon coopère-t-elle", ["Lyon"]),  # the inverted verb of a question is a question word
    ("quelles villes existe-t-il avec Tombouctou", ["Tombouctou"]),
    ("en quelle année Alençon a signé avec Koutiala", ["Alençon", "signé", "Koutiala"]),  # what is asked
    ("année 2005 jumelage", ["année", "2005", "jumelage"]),  # no question: the word is the user's
    ("depuis quand Angers travaille avec Bamako", ["Angers", "Bamako"]),
    ("étudiants qui viennent faire leurs études", ["étudiants", "études"]),  # venir says nothing of the topic
    # inside a phrase of the vocabulary a filler is a word of the phrase (the AFD's name, emergency aid)
    ("Agence française de développement", ["Agence française de développement"]),
    ("aide d'urgence Mopti", ["aide d'urgence", "Mopti"]),
    ("aide Mopti", ["Mopti"]),
    # a request typed as a sentence: its verbs weighed most, being rare in the records (QA r43 audit 7, #2)
    ("je voudrais trouver les projets de santé à Kayes", ["projets", "santé", "Kayes"]),
    ("qui s'occupe de l'eau potable à Gao ?", ["l'eau potable", "Gao"]),
])
def test_question_words_are_left_out(small, q, words):
    _, _, built = run(small, q)
    assert [g.text for g in built.groups] == words


def test_a_request_verb_alone_is_searched_and_found(engine):
    """The fillers are left out of a longer query for saying nothing of the need, not for being in no
    record, as their comment said: `trouver` is in some records and, alone, finds them (review 2 r43, #10)."""
    assert engine.search(SearchRequest(q="trouver"))["total"] >= 1


def test_french_in_a_name_puts_no_collectivity_in_france(small):
    # `française` of the AFD's name is no `collectivités françaises`: nothing is set aside as abroad
    assert not run(small, "Agence française de développement")[2].french_side
    assert run(small, "collectivités françaises Tlemcen")[2].french_side


@pytest.mark.parametrize("word, typo", [("départements", False), ("Tombouctu", True)])
def test_an_inflection_of_an_indexed_word_is_no_typo(engine, word, typo):
    # no sheet writes `départements`, but the index holds its stem (that of `département`):
    # close spellings would only repeat that stem at a typo's grade
    from engine.suggestion import knows

    st = engine.state()
    assert word.lower() not in st.vocabulary
    assert knows(st)(fold_text(word)) is not typo
    r = engine.search(SearchRequest(q=word, per_page=10, explain=True))
    vias = {m["via"] for h in r["results"] for w in (h["explain"]["own"] or {}).get("words", [])
            for m in w["matches"]}
    assert r["results"] and ("typo" in vias) is typo


def _own_text_fields(doc: dict) -> set[str]:
    out: set[str] = set()
    for w in doc["words"]:
        for m in w["matches"]:
            out.update(f for f, v in m.get("fields", {}).items() if v > 0)
            for c in m.get("words", []):
                out.update(_own_text_fields({"words": [c]}))
    return out - {"parties", "places"}


def test_an_action_adds_to_its_partnership_only_what_it_says_itself(engine):
    # every action of a Koulikoro partnership carries the place: that alone adds nothing
    r = engine.search(SearchRequest(q="Koulikoro", per_page=50, explain=True))
    with_actions = [h for h in r["results"] if h["actions_total"]]
    assert with_actions
    for h in r["results"]:
        a = h["explain"].get("action")
        if a is not None:
            assert _own_text_fields(a["own"]), h["id"]
    assert any("action" not in h["explain"] for h in with_actions)
    # a topic word in the action's own text: the action adds its share
    r = engine.search(SearchRequest(q="puits Kayes", per_page=20, explain=True))
    assert any(h["explain"].get("action") for h in r["results"])


def test_an_agreement_word_with_a_year_is_had_by_a_record_formalised_that_year(tmp_path):
    # `convention 2006`: a partnership formalised in 2006 by a protocol is one (profile.year_formalises);
    # a convention of another year is not; a twinning is a kind of partnership of its own: a
    # protocol of 2006 is no answer to `jumelage 2006`
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    w = ix.writer()
    for key, body, began in (("protocol", "protocole d'amitié avec Fès", "2006"),
                             ("convention", "convention signée avec Fès en 2006", "2006"),
                             ("other-year", "convention de jumelage avec Fès", "2004"),
                             ("twinning", "jumelage avec Fès", "2006"),
                             ("filler", FILLER, "1999")):
        w.add_document(id=key, type="partnership", pid=key, title="", parties="", places="",
                       domains_text="", body=body, sheet="", began=began)
    w.commit()

    def matched(q, profile):
        with ranking_profile.use_profile(profile), ix.searcher(weighting=profile.weighting()) as searcher:
            built = build_query(searcher.schema, parse_query(q), {})
            r = ranking.rank(built, Evaluator(searcher, FieldLengths()).scores, searcher.doc_count_all(),
                             listed=lambda docs: 100)
            names = {d: searcher.stored_fields(d)["id"] for d in r.scores}
            return {names[d]: s for d, s in r.scores.items()}, {names[d] for d in r.formalised}

    p = ranking_profile.current()
    assert p.year_formalises
    scores, formalised = matched("convention 2006", p)
    assert set(scores) == {"protocol", "convention", "twinning"} == formalised
    assert scores["convention"] > scores["protocol"]  # the word itself still counts
    # the protocol has `convention` as surely as its year: both score the profile's year_score
    higher, _ = matched("convention 2006", dataclasses.replace(p, year_score=2 * p.year_score))
    assert higher["protocol"] - scores["protocol"] == pytest.approx(2 * p.year_score)
    assert set(matched("convention 2006", dataclasses.replace(p, year_formalises=False))[0]) == {"convention"}
    assert set(matched("jumelage 2006", p)[0]) == {"twinning"}
    # `signé en 2006` asks when it was signed, whatever was signed: every record formalised in 2006
    assert set(matched("jumelage signé en 2006", p)[1]) == {"protocol", "convention", "twinning"}


@pytest.mark.parametrize("word, names", [("convention", True), ("signée", True), ("signés", True),
                                         ("signature", True), ("formalisé", True), ("signalisation", False),
                                         ("jumelage", False), ("2006", False)])
def test_words_asking_when_a_partnership_was_formalised(word, names):
    from engine.fillers import names_agreement

    assert names_agreement(word) is names


def test_a_hyphenated_word_is_its_parts_in_sequence(tmp_path):
    # `micro-crédit` is one word: its parts next to each other, not each anywhere in the text
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    w = ix.writer()
    for key, body in (("compound", "caisses locales de micro-crédit"), ("spaced", "un micro crédit aux femmes"),
                      ("apart", "des micro-projets et un crédit agricole")):
        w.add_document(id=key, type="partnership", pid=key, title="", parties="", places="",
                       domains_text="", body=body, sheet="")
    w.commit()
    with ix.searcher(weighting=ranking_profile.current().weighting()) as searcher:
        for q in ("micro-crédit", "micro-credits"):
            built = build_query(searcher.schema, parse_query(q), {})
            r = ranking.rank(built, Evaluator(searcher, FieldLengths()).scores, searcher.doc_count_all())
            assert {searcher.stored_fields(d)["id"] for d in r.scores} == {"compound", "spaced"}, q


@pytest.mark.parametrize("word, light", [("personnes", True), ("personne", True), ("création", True),
                                         ("handicapées", False), ("personnel", False), ("lutte", True),
                                         ("dons", True), ("acheminement", True), ("sida", False),
                                         ("commune", True), ("communes", True), ("communal", False),
                                         ("communauté", False), ("ville", True), ("villes", True),
                                         ("village", False)])
def test_generic_nouns_are_light(word, light):
    # `personnes handicapées`: the people are named by what qualifies them; `personne` alone is a
    # form label of every Moroccan sheet (`Personne responsable`) and counts delegations
    from engine.fillers import is_light

    assert is_light(word) is light


def test_a_fight_against_is_about_what_it_fights(engine):
    # `lutte contre le sida`: "contre" is a filler and "lutte" a light word, so that rows saying
    # "lutte contre la pauvreté" no longer cover the query without the disease it names
    from engine.fillers import is_filler

    assert is_filler("contre")
    r = engine.search(SearchRequest(q="lutte contre le sida", filters={"type": ["action"]}, per_page=5,
                                    explain=True))
    assert r["results"]
    for hit in r["results"][:3]:
        words = {w["text"]: w for w in hit["explain"]["own"]["words"]}
        assert set(words) == {"lutte", "sida"} and words["sida"]["matches"]


def test_people_named_by_what_qualifies_them(engine):
    # rows on disabled people that never write "personnes" are not cut down for lacking it
    r = engine.search(SearchRequest(q="personnes handicapées", per_page=5, explain=True))
    own = [h["explain"]["own"] for h in r["results"][:3]]
    assert all(e is None or any(w["text"] == "handicapées" and w["matches"] for w in e["words"]) for e in own)
    assert [w.get("light", False) for w in r["results"][0]["explain"]["own"]["words"]] == [True, False]


def _vias(explain) -> set[str]:
    parts = [explain.get("own"), (explain.get("action") or {}).get("own")]
    return {m["via"] for p in parts if p for w in p.get("words", []) for m in w["matches"]}


def test_a_topic_finds_the_rows_that_name_only_its_equipment(engine):
    # Montereau-Safi sends wheelchairs and a braille computer to associations of the blind and
    # never writes `handicapés`: it is found through the narrower terms, below the literal word
    r = engine.search(SearchRequest(q="handicapés", per_page=20, explain=True))
    ids = [h["id"] for h in r["results"]]
    assert "montereau-fault-yonne--safi" in ids
    assert _vias(r["results"][ids.index("montereau-fault-yonne--safi")]["explain"]) == {"narrower"}
    assert "word" in _vias(r["results"][0]["explain"])


def test_a_domain_filter_ranks_first_the_partnerships_with_a_matching_action_in_it(index_dir):
    # `formation` [Tourisme]: a partnership in the domain whose parsed actions have none in it
    # with the word keeps profile.outside_domain of its score; one without parsed actions is not judged
    from engine import Engine

    def run(profile, q="formation", filters=None):
        with ranking_profile.use_profile(profile):
            r = Engine(index_dir).search(SearchRequest(q=q, filters=filters if filters is not None
                                                       else {"domain": ["Tourisme"]}, per_page=100, explain=True))
        return {h["id"]: h for h in r["results"]}

    p = ranking_profile.current()
    assert 0 < p.outside_domain < 1
    actions_of = Engine(index_dir).state().actions_of
    scaled, plain = run(p), run(dataclasses.replace(p, outside_domain=1.0))
    assert scaled.keys() == plain.keys()
    outside = {pid for pid, h in scaled.items() if "outside_domain" in h["explain"]}
    assert outside and outside != set(scaled)
    for pid, h in scaled.items():
        if pid in outside:
            assert actions_of.get(pid) and "action" not in h["explain"], pid
            assert h["score"] == pytest.approx(p.outside_domain * plain[pid]["score"], rel=1e-3), pid
        else:
            assert h["score"] == pytest.approx(plain[pid]["score"], rel=1e-3), pid
    # the same through the query's prefix; none without a domain
    prefixed = run(p, "formation domaine:tourisme", {})
    assert {pid for pid, h in prefixed.items() if "outside_domain" in h["explain"]} == outside
    assert not any("outside_domain" in h["explain"] for h in run(p, filters={"country": ["Maroc"]}).values())
    # a place or a name alone says nothing of what was done: its actions do not order the domain's records
    for q in ("Kayes", "Marseille"):
        found = run(p, q, {"domain": ["Santé"]})
        assert found and not any("outside_domain" in h["explain"] for h in found.values()), q


def test_a_vocabulary_phrase_typed_alone_ranks_its_words_together_first(tmp_path):
    # `économie solidaire` is one word group (a phrase of the vocabulary), also found through its
    # typed words anywhere: the record with the words together gets the proximity bonus
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    w = ix.writer()
    for key, body in (("together", "un projet d'économie solidaire avec les associations"),
                      ("apart", "l'économie du village et un voyage solidaire avec les associations"),
                      ("filler", FILLER)):
        w.add_document(id=key, type="partnership", pid=key, title="", parties="", places="",
                       domains_text="", body=body, sheet="")
    w.commit()
    with ix.searcher(weighting=ranking_profile.current().weighting()) as searcher:
        built = build_query(searcher.schema, parse_query("économie solidaire"), {})
        assert len(built.groups) == 1 and built.proximity is not None
        r = ranking.rank(built, Evaluator(searcher, FieldLengths()).scores, searcher.doc_count_all(),
                         listed=lambda docs: 100)
        scores = {searcher.stored_fields(d)["id"]: s for d, s in r.scores.items()}
    assert set(scores) == {"together", "apart"}
    assert scores["together"] > scores["apart"]
    # a single word has nothing to be together with
    with ix.searcher(weighting=ranking_profile.current().weighting()) as searcher:
        assert build_query(searcher.schema, parse_query("solidaire"), {}).proximity is None



def test_an_or_joins_no_words_into_a_vocabulary_entry(engine):
    """`micro OR finance` was read as microfinance (21 results: those with only one of the words were
    dropped) and `inter OR net` as internet (the round's review): an OR's words stand apart."""
    def ids(q):
        return {h["id"] for h in engine.search(SearchRequest(q=q, per_page=100))["results"]}
    assert ids("micro") | ids("finance") == ids("micro OR finance")
    assert ids("inter") | ids("net") == ids("inter OR net")
    assert ids("micro finance") >= ids("microfinance")  # typed apart, the compound's records are found


@pytest.mark.parametrize("each_has_all", [True, False])
def test_words_scores_add_in_the_parts_order_and_keep_the_documents_order(each_has_all):
    """Both ways of adding the words' scores give the sums added part after part from 0.0 (to the
    last bit: rankings tie-break on them), keyed in the order of the matched documents."""
    from types import MappingProxyType
    parts = [MappingProxyType({d: 0.1 * (d % 7 + k) + 1e-3 * k for d in range(k, 90, k + 1)}) for k in range(1, 6)]
    if each_has_all:
        parts = [MappingProxyType({**p, **dict.fromkeys(range(60, 40, -1), 0.3)}) for p in parts]
    matched = set(range(60, 40, -1)) if each_has_all else {3, 88, 5, 41, 64, 12, 59}
    got = ranking._words_scores(parts, matched, each_has_all)
    want = {}
    for d in matched:
        want[d] = 0.0
        for p in parts:
            want[d] += p.get(d, 0.0)
    assert list(got) == list(matched) and all(got[d] == want[d] for d in matched)
