"""A phrase's words are marked only where they stand together: an expansion `groupe scolaire` of
`école` marked every `groupe`, and `école primaire Gao` showed Grand Nancy's « groupe de
coordination » as its snippet; `adduction d'eau potable`, an expansion of `AEP`, marked every
`eau`. What the query excludes marks nothing."""
from analyzers import french_analyzer
from engine import SearchRequest
from engine.highlight import FieldMarker, mark_all, terms_by_field
from engine.querybuild import build_query
from engine.querylang import parse_query
from indexer.schema import build_schema


def _terms(q: str) -> set:
    return terms_by_field(build_query(build_schema(), parse_query(q), {}).query).get("body", set())


def test_a_phrase_marks_its_words_where_they_stand_together():
    marker = FieldMarker(french_analyzer())
    terms = {"ecol", ("group", "scolair")}
    assert mark_all("un groupe de coordination", terms, marker) == "un groupe de coordination"
    assert mark_all("le groupe scolaire et l'école", terms, marker) == \
        "le <mark>groupe</mark> <mark>scolaire</mark> et l'<mark>école</mark>"
    assert mark_all("un jardin d'enfants", {("jardin", "enfant")}, marker) == \
        "un <mark>jardin</mark> d'<mark>enfants</mark>"  # a stop word between


def test_the_query_says_which_terms_are_phrases_and_excludes_nothing_it_drops():
    terms = _terms("école -puits")
    assert "ecol" in terms and ("group", "scolair") in terms
    assert not any("puit" in (t if isinstance(t, str) else " ".join(t)) for t in terms)


def test_the_snippet_goes_to_what_matched(engine):
    r = engine.search(SearchRequest(q="école primaire Gao", per_page=20))
    nancy = [h for h in r["results"] if h["id"] == "cu-nancy--conseil-communal-d-anderamboukane"]
    assert nancy and "<mark>" not in nancy[0]["snippet"]  # its body has no school: no false mark
    assert any("<mark>école</mark>" in h["snippet"] for h in r["results"])


def test_a_phrase_is_found_wherever_it_starts_among_its_own_words():
    """Its first word alone, its other words alone, and the phrase right after its first word: only
    the phrase is marked (each start is tried, its first word looked at first)."""
    marker = FieldMarker(french_analyzer())
    terms = {("group", "scolair", "primair")}
    assert mark_all("un groupe du comité, une classe scolaire primaire ; groupe groupe scolaire primaire", terms,
                    marker) == "un groupe du comité, une classe scolaire primaire ; groupe <mark>groupe</mark> " \
        "<mark>scolaire</mark> <mark>primaire</mark>"
    assert mark_all("primaire groupe scolaire", terms, marker) == "primaire groupe scolaire"
