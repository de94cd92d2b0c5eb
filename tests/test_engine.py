"""The search engine on the real corpus: ranking, places, facets, grouping,
sorting, paging, query language, highlighting, suggestions."""
from __future__ import annotations

import html

import pytest

from analyzers import french_analyzer
from engine import SearchRequest
from engine.highlight import FieldMarker, highlight
from engine.querylang import NOTHING_SEARCHABLE, parse_query

MALI_REGIONS = {"Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao", "Kidal",
                "District de Bamako"}


def ids(response):
    return [h["id"] for h in response["results"]]


def test_region_query_finds_the_communes_of_the_region(engine):
    r = engine.search(SearchRequest(q="Kayes", per_page=100))
    found = set(ids(r))
    # Diéma and Yélimané are communes of the Kayes region: their sheets never need to say "Kayes".
    assert "chilly-mazarin--diema" in found
    assert "montreuil--yelimane" in found
    kayes = [h for h in r["results"] if h["region"] == "Kayes"]
    assert len(kayes) >= 40


def test_assainissement_kayes_puts_kayes_water_partnerships_first(engine):
    r = engine.search(SearchRequest(q="assainissement Kayes", per_page=5))
    assert r["total"] >= 5
    for hit in r["results"]:
        assert hit["region"] == "Kayes"
        assert "Eau et assainissement" in hit["domains"]


def test_domain_filter_leaves_exactly_that_domain(engine):
    everything = engine.search(SearchRequest(q="", per_page=1))
    count = next(v["count"] for v in everything["facets"]["domain"] if v["value"] == "Eau et assainissement")
    r = engine.search(SearchRequest(q="", filters={"domain": ["Eau et assainissement"]}, per_page=100))
    assert r["total"] == count
    assert all("Eau et assainissement" in h["domains"] for h in r["results"])
    sel = [v for v in r["facets"]["domain"] if v["selected"]]
    assert [v["value"] for v in sel] == ["Eau et assainissement"]


@pytest.mark.parametrize("q", ["santé", ""])
def test_domain_counts_are_disjunctive(engine, q):
    """With one domain ticked, each other domain's count is what ticking it alone would give,
    and the country counts are those of the filtered result set."""
    selected = {"domain": ["Santé"], "country": ["Mali"]}
    r = engine.search(SearchRequest(q=q, filters=selected, per_page=1))
    for item in r["facets"]["domain"]:
        alone = engine.search(SearchRequest(q=q, filters={"domain": [item["value"]], "country": ["Mali"]},
                                            per_page=1, facets=False))
        assert item["count"] == alone["total"], item
    for item in r["facets"]["country"]:
        other = engine.search(SearchRequest(q=q, filters={"domain": ["Santé"], "country": [item["value"]]},
                                            per_page=1, facets=False))
        assert item["count"] == other["total"], item
    # OR within a facet: two domains give at least as many as each alone
    both = engine.search(SearchRequest(q=q, filters={"domain": ["Santé", "Tourisme"]}, per_page=1, facets=False))
    sante = engine.search(SearchRequest(q=q, filters={"domain": ["Santé"]}, per_page=1, facets=False))
    assert both["total"] >= sante["total"]


def test_facets_combine_with_and(engine):
    mali = engine.search(SearchRequest(q="", filters={"country": ["Mali"]}, per_page=1, facets=False))["total"]
    mali_sante = engine.search(SearchRequest(q="", filters={"country": ["Mali"], "domain": ["Santé"]},
                                             per_page=100, facets=False))
    assert 0 < mali_sante["total"] < mali
    assert all("Mali" in h["countries"] and "Santé" in h["domains"] for h in mali_sante["results"])


def test_year_filter_and_range(engine):
    r = engine.search(SearchRequest(q="", filters={"year": [1986]}, per_page=100, facets=False))
    assert r["total"] > 0 and all(1986 in h["years"] for h in r["results"])
    r = engine.search(SearchRequest(q="", year_from=2005, year_to=2006, per_page=100, facets=False))
    assert r["total"] > 0
    assert all(any(2005 <= y <= 2006 for y in h["years"]) for h in r["results"])


def test_empty_query_lists_every_partnership(engine, corpus):
    r = engine.search(SearchRequest(q="", per_page=1))
    assert r["total"] == len(corpus.partnerships)
    types = {v["value"]: v["count"] for v in r["facets"]["type"]}
    assert types == {"partnership": len(corpus.partnerships), "action": len(corpus.actions)}


def test_grouping_nests_matching_actions_and_type_action_lists_them(engine):
    r = engine.search(SearchRequest(q="forage", per_page=20))
    nested = [a for h in r["results"] for a in h["actions"]]
    assert nested, "wells are drilled by actions: they must appear under their partnership"
    for h in r["results"]:
        for a in h["actions"]:
            assert a["id"].startswith(h["id"] + "--a")
    acts = engine.search(SearchRequest(q="forage", filters={"type": ["action"]}, per_page=100))
    assert acts["total"] >= len(nested)
    assert all(h["type"] == "action" for h in acts["results"])
    assert acts["query"]["type"] == "action"


def test_sorting(engine):
    r = engine.search(SearchRequest(q="", sort="year_desc", per_page=50, facets=False))
    latest = [max(h["years"]) for h in r["results"] if h["years"]]
    assert latest == sorted(latest, reverse=True)
    r = engine.search(SearchRequest(q="", sort="year_asc", per_page=50, facets=False))
    earliest = [min(h["years"]) for h in r["results"] if h["years"]]
    assert earliest == sorted(earliest)
    r = engine.search(SearchRequest(q="eau", sort="name", per_page=50, facets=False))
    from analyzers import fold_text
    names = [fold_text(h["title"]) for h in r["results"]]
    assert names == sorted(names)


def test_paging(engine):
    p1 = engine.search(SearchRequest(q="eau", per_page=10, page=1, facets=False))
    p2 = engine.search(SearchRequest(q="eau", per_page=10, page=2, facets=False))
    assert p1["total"] == p2["total"] > 20
    assert not set(ids(p1)) & set(ids(p2))
    assert p1["pages"] == -(-p1["total"] // 10)


def test_phrase_exclusion_or_and_prefixes(engine):
    phrase = engine.search(SearchRequest(q='"eau potable"', per_page=100, facets=False))
    words = engine.search(SearchRequest(q="eau potable", per_page=100, facets=False))
    assert 0 < phrase["total"] <= words["total"]
    excl = engine.search(SearchRequest(q='"eau potable" -Kayes', per_page=100, facets=False))
    assert excl["total"] < phrase["total"]
    assert all(h["region"] != "Kayes" for h in excl["results"])
    either = engine.search(SearchRequest(q="Tombouctou OR Fès", per_page=100, facets=False))
    regions = {h["region"] for h in either["results"]}
    assert "Tombouctou" in regions and "Fès-Boulemane" in regions
    mali_sante = engine.search(SearchRequest(q="pays:mali domaine:santé", per_page=100, facets=False))
    assert mali_sante["total"] > 0
    assert all("Mali" in h["countries"] and "Santé" in h["domains"] for h in mali_sante["results"])
    assert engine.search(SearchRequest(q="region:kayes", per_page=100))["total"] >= 40
    belfort = engine.search(SearchRequest(q="collectivite:belfort", per_page=100, facets=False))
    assert {h["french_party"]["name"] for h in belfort["results"]} == {"Belfort"}
    assert {"Maroc", "Algérie"} <= {c for h in belfort["results"] for c in h["countries"]}
    y = engine.search(SearchRequest(q="annee:1986", per_page=100, facets=False))
    assert y["total"] > 0 and all(1986 in h["years"] for h in y["results"])


def test_a_year_span_typed_in_the_text_names_each_of_its_years(engine):
    """`jumelage 1980-1985` was a word no sheet writes (« Aucun document ne contient « 1980-1985 » »,
    then every twinning). Each of its years now counts as a year typed alone does: in the text,
    or as the year the partnership began."""
    r = engine.search(SearchRequest(q="jumelage 1980-1985", per_page=100, facets=False, explain=True))
    assert 0 < r["total"] < engine.search(SearchRequest(q="jumelage", per_page=1))["total"]
    assert r["query"]["notices"] == []
    for hit in r["results"]:
        span = next(w for w in hit["explain"]["own"]["words"] if w["text"] == "1980-1985")
        assert span["matches"] and all(1980 <= int(m["text"]) <= 1985 for m in span["matches"])
    reversed_ = engine.search(SearchRequest(q="jumelage 1985..1980", per_page=100, facets=False))
    assert [h["id"] for h in reversed_["results"]] == [h["id"] for h in r["results"]]
    # a span of more than 30 years is read as typed
    assert any("1900-2000" in n for n in engine.search(SearchRequest(q="jumelage 1900-2000"))["query"]["notices"])


@pytest.mark.parametrize("typed, span", [("jumelage années 1980", "1980-1989"), ("jumelage annees 80", "1980-1989"),
                                         ("Années 2000 jumelage", "2000-2009"), ("jumelage 1980 à 1985", "1980-1985"),
                                         ("jumelage de 1985 au 1980", "1980-1985"),
                                         ("jumelage entre 1980 et 1985", "1980-1985")])
def test_a_period_said_in_words_is_the_span_of_its_years(engine, typed, span):
    """`jumelage années 1980` looked for `années` (in every sheet that dates something) and for 1980
    alone, and listed 148 partnerships, half of them lacking a word; a decade is its ten years, and
    `1980 à 1985` the span typed `1980-1985`, ranked alike."""
    r = engine.search(SearchRequest(q=typed, per_page=100, facets=False))
    as_span = engine.search(SearchRequest(q=" ".join(w for w in ("jumelage", span)), per_page=100, facets=False))
    assert [h["id"] for h in r["results"]] == [h["id"] for h in as_span["results"]] and r["total"] > 0
    assert span in r["query"]["understood"] and not r["query"]["partial_matches"]
    low = span.split("-")[0]
    decade = "nnées" in typed or "nnees" in typed
    assert any(f"de {low} à" in n for n in r["query"]["notices"]) == decade


@pytest.mark.parametrize("value", ['"années 1980"', '"annees 80"'])
def test_a_prefix_decade_lists_what_its_year_range_lists(engine, value):
    """`annee:"années 1980"` read « Aucune valeur » and listed nothing; it is the decade's ten years."""
    typed = engine.search(SearchRequest(q=f"jumelage annee:{value}", per_page=100, facets=False))
    ranged = engine.search(SearchRequest(q="jumelage", year_from=1980, year_to=1989, per_page=100, facets=False))
    assert typed["total"] == ranged["total"] > 0 and not typed["query"]["notices"]
    assert {h["id"] for h in typed["results"]} == {h["id"] for h in ranged["results"]}


@pytest.mark.parametrize("q", ["année 1980", "années 1930", '"années 1980"', "-années 1980", "1980 à 2020",
                               "1980 et 1985"])
def test_what_says_no_period_is_read_as_typed(q):
    """One year (`année 1980`), a decade outside the documents' years, a phrase, an exclusion, a
    span longer than MAX_SPAN and two years without `entre` (`1980 et 1985`: both) keep their words."""
    pq = parse_query(q)
    assert not any("-" in c.text.strip("-") and c.text[:1].isdigit() for c in pq.clauses)
    assert not any("période" in n for n in pq.notices)


@pytest.mark.parametrize("span", ["1980-1985", "1980..1985", '"1980 à 1985"', "1985-1980"])
def test_a_prefix_year_span_lists_what_the_year_range_lists(engine, span):
    """`annee:1980-1985` read « Aucune valeur de « année:1980-1985 » dans le répertoire » and listed
    nothing; it is the span the API's year_from and year_to ask for."""
    typed = engine.search(SearchRequest(q=f"jumelage annee:{span}", per_page=100, facets=False))
    ranged = engine.search(SearchRequest(q="jumelage", year_from=1980, year_to=1985, per_page=100, facets=False))
    said = ["La période de 1985 à 1980 est lue de 1980 à 1985."] if span == "1985-1980" else []
    assert typed["total"] == ranged["total"] > 0 and typed["query"]["notices"] == said
    assert {h["id"] for h in typed["results"]} == {h["id"] for h in ranged["results"]}
    assert all(any(1980 <= y <= 1985 for y in h["years"]) for h in typed["results"])
    outside = engine.search(SearchRequest(q="jumelage -annee:1980-1985", per_page=100, facets=False))
    assert not {h["id"] for h in outside["results"]} & {h["id"] for h in typed["results"]}


@pytest.mark.parametrize("q", ['"unclosed', "AND OR", "pays:", "OR", "-", '""', "((", "a:b:c", "*", "?",
                               "domaine:", "collectivite:", "-pays:mali", "NOT", "\\", "' OR 1=1 --",
                               "é" * 300, "<script>alert(1)</script>"])
def test_malformed_queries_never_raise_and_say_how_they_were_read(engine, q):
    r = engine.search(SearchRequest(q=q, per_page=5))
    assert isinstance(r["total"], int)
    assert "understood" in r["query"]
    if q in ('"unclosed', "AND OR", "pays:"):
        assert r["query"]["notices"], q


@pytest.mark.parametrize("q", ["le la les", "(((", "...", "quels"])
def test_a_query_with_nothing_to_search_lists_all_and_says_why(engine, q):
    r = engine.search(SearchRequest(q=q, per_page=5, facets=False))
    assert r["total"] == engine.search(SearchRequest(q="", per_page=5, facets=False))["total"]
    assert [n for n in r["query"]["notices"] if n.startswith("Aucun mot à chercher")] == [NOTHING_SEARCHABLE]


@pytest.mark.parametrize("q", ["", "eau", "le pays:Mali", "la -eau", "-eau", '"le la"'])
def test_nothing_to_search_is_said_only_when_true(engine, q):
    r = engine.search(SearchRequest(q=q, per_page=5, facets=False))
    assert NOTHING_SEARCHABLE not in r["query"]["notices"]


def test_a_page_past_the_last_says_which_page_is_the_last(engine):
    r = engine.search(SearchRequest(q="eau", per_page=20, page=999, facets=False))
    assert r["results"] == [] and r["pages"] == -(-r["total"] // 20) > 1
    assert f"La page 999 n'existe pas : la dernière page est la page {r['pages']}." in r["query"]["notices"]
    last = engine.search(SearchRequest(q="eau", per_page=20, page=r["pages"], facets=False))
    assert last["results"] and not any("n'existe pas" in n for n in last["query"]["notices"])


def test_fallback_to_any_word_is_announced(engine):
    r = engine.search(SearchRequest(q="Tombouctou Mohammedia", per_page=20))
    assert r["query"]["fallback_any_word"] is True
    assert r["total"] > 0
    assert any("au moins un" in n for n in r["query"]["notices"])


def test_snippets_mark_matches_and_escape_everything_else(engine):
    r = engine.search(SearchRequest(q="assainissement", per_page=5))
    assert any("<mark>" in h["snippet"] for h in r["results"])
    r = engine.search(SearchRequest(q='<script>alert("x")</script> Kayes', per_page=5))
    for h in r["results"]:
        assert "<script" not in h["snippet"] and "<script" not in h["formatted"]["title"]


def test_highlight_escapes_source_text():
    text = 'Forage <script>alert(1)</script> et "puits" <img src=x onerror=alert(1)> à Kayes'
    out = highlight(text, {"forag", "kay"}, FieldMarker(french_analyzer()))
    assert "<mark>Forage</mark>" in out and "<mark>Kayes</mark>" in out
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_highlight_marks_every_form_of_a_stem_and_picks_the_densest_passage():
    text = ("Introduction sans rapport. " * 20 + "Les écoles de Ségou et une ECOLE rurale, "
            "scolarisation. " + "Fin sans rapport. " * 20)
    marker = FieldMarker(french_analyzer())
    out = highlight(text, {"ecol", "segou"}, marker)
    assert "<mark>écoles</mark>" in out and "<mark>ECOLE</mark>" in out and "<mark>Ségou</mark>" in out
    assert out.startswith("… ") and out.endswith(" …")
    assert len(out) < 400
    assert highlight(text, {"absent"}, marker) is None


def test_spelling_suggestion_for_unknown_words(engine):
    r = engine.search(SearchRequest(q="Tombouctu"))
    assert r["suggestion"] == "tombouctou"
    assert r["total"] > 0  # typo-tolerant name matching found them anyway
    assert engine.search(SearchRequest(q="assainisement"))["suggestion"] == "assainissement"
    assert engine.search(SearchRequest(q="Kayes"))["suggestion"] is None


def test_no_suggestion_of_a_form_the_search_reads_as_the_same_term(engine):
    """The corpus writes `plateforme multifonctionnelle`; the search finds it from the plural,
    so « Vouliez-vous dire : plateforme multifonctionnelle ? » corrected nothing (nor `gère`
    for `gérer`, `porte` for `portée`). A name one letter off is still corrected: the names
    fields have no stems, so the results differ."""
    for q in ("plateformes multifonctionnelles", "radios rurales", "musées", "gérer leurs déchets",
              "coopération portée par la diaspora",
              # nor another word for a word the texts' stems know: `mères` is written, `meme` misled
              "santé de la mère et de l'enfant", "échanges entre troupes de théâtre"):
        r = engine.search(SearchRequest(q=q, per_page=1))
        assert r["total"] > 0 and r["suggestion"] is None, q
    assert engine.search(SearchRequest(q="Ouarzazat", per_page=1))["suggestion"] == "ouarzazate"
    # a real typo in the plural is still corrected, the plural kept as typed
    r = engine.search(SearchRequest(q="plateformes multifonctionelles", per_page=1))
    assert r["suggestion"] is not None and r["suggestion"].startswith("plateformes multifonctionnel")


def test_no_suggestion_two_edits_away_in_a_short_word(engine):
    """`oasis` was offered `paris`, `médias` `medical`: two edits in a word of eight letters or
    fewer make another word. A transposition is one edit, and long words still get two."""
    for q in ("oasis", "médias locaux"):
        assert engine.search(SearchRequest(q=q, per_page=1))["suggestion"] is None, q
    assert engine.search(SearchRequest(q="Oudja", per_page=1))["suggestion"] == "oujda"
    assert engine.search(SearchRequest(q="assainisemnet", per_page=1))["suggestion"] == "assainissement"


def test_an_empty_filtered_listing_says_nothing_of_partial_matches(engine):
    """Both words are found only in Mali (and one of them in Morocco): in Algeria the listing is
    empty, and « Certains résultats ne contiennent pas tous les mots » described no listed result."""
    from engine.ranking import FALLBACK_NOTICE, PARTIAL_NOTICE

    r = engine.search(SearchRequest(q="plateformes multifonctionnelles",
                                    filters={"country": ["Algérie"]}, per_page=5))
    assert r["total"] == 0
    assert not r["query"]["partial_matches"] and PARTIAL_NOTICE not in r["query"]["notices"]
    unfiltered = engine.search(SearchRequest(q="plateformes multifonctionnelles", per_page=5))
    assert unfiltered["total"] > 0 and unfiltered["query"]["partial_matches"]  # some listed lack a word
    # no partnership names both; none in Kidal names either: the any-word notice promised
    # results (« voici ceux qui en contiennent au moins un ») it did not list
    assert FALLBACK_NOTICE in engine.search(SearchRequest(q="Kolobo Tlemcen", per_page=5))["query"]["notices"]
    r = engine.search(SearchRequest(q="Kolobo Tlemcen", filters={"region": ["Kidal"]}, per_page=5))
    assert r["total"] == 0 and FALLBACK_NOTICE not in r["query"]["notices"]


def test_a_word_no_document_has_is_named_and_the_others_searched(engine):
    """No sheet writes `ksour` (nor a word a typo away that the search would take): it weighed
    nothing, so the listing was that of `réhabilitation` alone, said to have every word. The
    notice names it, `partial_matches` says the results lack it, and no stop word is offered
    for it (`ksour` -> « Vouliez-vous dire : pour ? »)."""
    from engine.ranking import FALLBACK_NOTICE, missing_notice

    r = engine.search(SearchRequest(q="réhabilitation des ksour", per_page=5))
    alone = engine.search(SearchRequest(q="réhabilitation", per_page=5))
    assert r["total"] == alone["total"] > 0
    assert missing_notice(["ksour"]) in r["query"]["notices"] and r["query"]["partial_matches"]
    assert r["suggestion"] is None and engine.search(SearchRequest(q="ksour"))["suggestion"] is None
    # two words, one unknown: the other's results, without the any-word fallback's notice
    r = engine.search(SearchRequest(q="ksour Tlemcen", per_page=5))
    assert r["total"] == engine.search(SearchRequest(q="Tlemcen", per_page=5))["total"]
    assert missing_notice(["ksour"]) in r["query"]["notices"] and FALLBACK_NOTICE not in r["query"]["notices"]
    assert not r["query"]["fallback_any_word"]
    # no word known at all: no other words to search, and the words are said to be in no document
    r = engine.search(SearchRequest(q="xqzwv zzqyk"))
    assert r["total"] == 0 and r["query"]["notices"] == [missing_notice(["xqzwv", "zzqyk"], searched=False)]


def test_autocomplete_on_names(engine):
    names = [s["name"] for s in engine.suggest("Kou")]
    assert "Koulikoro" in names and "Koutiala" in names
    assert len(names) == len(set(names))
    assert engine.suggest("") == []
    assert any(s["name"] == "Belfort" for s in engine.suggest("belf"))


def test_facet_lists_are_bounded_but_keep_the_selection(engine, monkeypatch):
    import sys

    monkeypatch.setattr(sys.modules["engine.facets"], "MAX_FACET_VALUES", 3)
    r = engine.search(SearchRequest(q="", filters={"region": ["Kidal"]}, per_page=1))
    regions = r["facets"]["region"]
    assert len(regions) == 3
    assert any(v["value"] == "Kidal" and v["selected"] for v in regions)
    # the answer says the list was cut, and how many values there are
    every = engine.state().facet_values["region"]
    assert r["facet_info"]["region"] == {"values": len(set(every)), "truncated": True}
    assert r["facet_info"]["type"] == {"values": 2, "truncated": False}
    assert all(not info["truncated"] for name, info in r["facet_info"].items()
               if len(r["facets"][name]) < 3)


def test_facet_lists_are_not_said_cut_when_whole(engine):
    from engine.facets import MAX_FACET_VALUES

    r = engine.search(SearchRequest(q="", per_page=1))
    for name, items in r["facets"].items():
        info = r["facet_info"][name]
        # whole lists are said whole; a longer one (the French collectivities) is said cut
        assert info["truncated"] == (info["values"] > MAX_FACET_VALUES), name
        assert len(items) == min(info["values"], MAX_FACET_VALUES), name


def test_no_snippets_when_none_are_asked_for(engine, monkeypatch):
    import sys

    def refuse(*args, **kwargs):
        raise AssertionError("highlighting ran")

    module = sys.modules["engine.snippets"]  # what a result shows of its record
    for name in ("highlight", "plain_snippet", "mark_all"):
        monkeypatch.setattr(module, name, refuse)
    r = engine.search(SearchRequest(q="assainissement Kayes", snippets=False))
    assert r["total"] > 0
    nested = [a for h in r["results"] for a in h.get("actions", [])]
    assert nested  # the nested actions were listed, without snippets either
    assert all(h["snippet"] == "" for h in r["results"] + nested)
    assert all(h["formatted"]["title"] == html.escape(h["title"], quote=False) for h in r["results"])


def test_the_match_cache_cannot_be_changed_by_a_caller(engine):
    import sys

    from engine.querybuild import build_query
    from engine.querylang import parse_query

    st = engine.state()
    query = build_query(st.schema, parse_query("puits Kayes"), st.facet_values).query
    match = sys.modules["engine.search"]._match
    first, _ = match(st, query)
    before = dict(first)
    assert before
    with pytest.raises(TypeError):
        first[next(iter(first))] = -1.0  # read-only: it is the cached answer
    with pytest.raises(AttributeError):
        first.clear()
    again, _ = match(st, query)
    assert dict(again) == before


def test_filters_and_disjunctive_counts_on_bitsets():
    """The one implementation of filtering (Selection's duplicate predicates are gone)."""
    from engine.facets import FacetBits, Selection, filter_and_count
    from indexer.doctable import postings_of

    docs = [
        {"country": ("Mali",), "year": (2001, 2005), "domain": ("Santé",)},
        {"country": ("Mali",), "year": (1990,), "domain": ("Eau",)},
        {"country": ("Maroc",), "year": (2005,), "domain": ("Santé", "Eau")},
        {"country": ("Algérie",), "year": (), "domain": ()},
    ]
    bits = FacetBits(len(docs), postings_of(docs))
    assert not hasattr(Selection, "facet_passes") and not hasattr(Selection, "hard_passes")
    sel = Selection(values={"country": {"Mali", "Maroc"}}, year_from=2000)
    kept, counts = filter_and_count(range(4), bits, sel, ["country", "domain"])
    assert kept == [0, 2]
    assert counts["country"] == {"Mali": 1, "Maroc": 1}  # ignores its own selection, not the years'
    assert counts["domain"] == {"Santé": 2, "Eau": 1}
    sel = Selection(values={}, required={"domain": {"Eau"}}, excluded={"country": {"Maroc"}})
    assert filter_and_count(range(4), bits, sel)[0] == [1]
    assert filter_and_count([3], bits, Selection(values={}, year_to=2100))[0] == []  # no year, out of range


def test_related_partnerships_share_a_party(engine):
    same_french, same_partner = engine.related("belfort--skikda")
    assert {p["id"] for p in same_french} >= {"belfort--mohammedia"}
    assert all(p["french_party"]["name"] == "Belfort" for p in same_french)
    assert "belfort--skikda" not in {p["id"] for p in same_french + same_partner}


# --- highlighting: what is marked is what matched ------------------------------

def _query_terms(text: str) -> set[str]:
    """The body terms of a query, as the engine asks the index for them."""
    from engine.highlight import terms_by_field
    from engine.querybuild import build_query
    from engine.querylang import parse_query
    from indexer.schema import build_schema

    built = build_query(build_schema(), parse_query(text), {})
    return terms_by_field(built.query).get("body", set())


def test_highlight_marks_by_the_fields_own_analysis():
    """Forms a fold-and-stem shortcut missed: a saint's abbreviation, a grouped
    amount, an elided article, a hyphenated compound."""
    from engine.highlight import mark_all

    marker = FieldMarker(french_analyzer())
    assert mark_all("Jumelage avec St-Étienne", _query_terms("Saint-Étienne"), marker) == \
        "Jumelage avec <mark>St-Étienne</mark>"
    assert mark_all("Budget : 15 000 euros", _query_terms("15000"), marker) == \
        "Budget : <mark>15 000</mark> euros"
    assert mark_all("Travaux d'assainissement", _query_terms("assainissements"), marker) == \
        "Travaux d'<mark>assainissement</mark>"
    assert mark_all("des écoles et la santé", _query_terms("la santé des écoles"), marker) == \
        "des <mark>écoles</mark> et la <mark>santé</mark>"  # stop words never match, never marked


def test_highlight_works_with_any_tokenizer():
    from whoosh.analysis import StandardAnalyzer

    from engine.highlight import mark_all

    marker = FieldMarker(StandardAnalyzer())
    assert mark_all("The Wells of <Kayes>", {"wells", "kayes"}, marker) == \
        "The <mark>Wells</mark> of &lt;<mark>Kayes</mark>&gt;"


def test_snippet_markers_are_the_index_fields_analyzers(engine):
    from engine.highlight import Markers
    from indexer.schema import build_schema

    st = engine.state()
    # equal, maybe not identical: a marker is shared by the generations with equal analyzers
    assert st.markers["body"].analyzer == st.schema["body"].analyzer
    assert st.markers["parties"].analyzer == st.schema["parties"].analyzer
    assert st.markers["title"] is st.markers["body"]  # one analyzer, one word cache
    assert st.markers["parties"] is not st.markers["body"]
    assert Markers(build_schema())["body"]._keys is st.markers["body"]._keys  # a rebuilt index keeps the cache
    r = engine.search(SearchRequest(q="Saint-Étienne", per_page=5))
    marked = [h["formatted"]["title"] for h in r["results"] if "<mark>" in h["formatted"]["title"]]
    assert marked and all("tienne</mark>" in t for t in marked)


def test_one_fold_function():
    from analyzers import fold_text
    from indexer import text

    assert text.fold is fold_text
    assert fold_text("SÉGOU Œuvre") == "segou oeuvre" and fold_text(None) == ""


def test_the_suggestion_leaves_question_words_as_typed(engine):
    # `coopèrent` is no word of the index, but the search ignores it: no correction of it
    r = engine.search(SearchRequest(q="quelles collectivités françaises coopèrent avec Tlemcen", per_page=1))
    assert r["suggestion"] is None
    r = engine.search(SearchRequest(q="quelles collectivités coopèrent avec Tlemcem", per_page=1))
    assert r["suggestion"] is not None and "coopèrent" in r["suggestion"]
    assert "tlemcen" in r["suggestion"].lower()


def test_records_handed_out_are_copies_that_cannot_corrupt_the_generation(engine):
    """The stored records are shared by every request; editing what the engine returned (as a
    template or an export might) must leave the next request's record intact."""
    pid = ids(engine.search(SearchRequest(q="Kayes")))[0]
    first = engine.partnership(pid)
    first["title"] = "modifié"
    first["french_party"]["name"] = "modifié"
    acts = engine.actions_of(pid)
    if acts:
        acts[0]["title"] = "modifié"
    same_french, _ = engine.related(pid)
    for p in same_french:
        p["title"] = "modifié"
    again = engine.partnership(pid)
    assert again["title"] != "modifié" and again["french_party"]["name"] != "modifié"
    assert all(a["title"] != "modifié" for a in engine.actions_of(pid))
    assert all(p["title"] != "modifié" for p in engine.related(pid)[0])


def test_a_budget_reads_as_a_budget_in_a_snippet(engine):
    # the Diéma table's bare amounts (`4970`, no currency) follow the action's words in its body:
    # labelled, they no longer read as a year after the title
    r = engine.search(SearchRequest(q="latrines marché Diéma", filters={"type": ["action"]}, per_page=5))
    hit = next(h for h in r["results"] if h["id"].startswith("chilly-mazarin--diema"))
    assert "Budget : 4970" in hit["snippet"]
    from indexer.documents import _budget_text
    from indexer.records import Budget

    assert _budget_text(Budget(text="Budget annuel : 331 000 €")) == "Budget annuel : 331 000 €"
    assert _budget_text(None) is None


def test_a_contacts_name_is_found_when_typed_and_never_offered_for_another_word(engine):
    """`dunes` found Chilly-Mazarin – Diéma through its mayor's surname (FUNES, in the sheet's
    contact block) at a typo's grade, and « Vouliez-vous dire : funes ? »; `Sahara`, a woman's
    first name elsewhere (Zahara). The name, typed, still finds its sheet."""
    for q in ("dunes", "Sahara"):
        r = engine.search(SearchRequest(q=q, per_page=5))
        assert r["total"] == 0 and r["suggestion"] is None, q
    named = engine.search(SearchRequest(q="Funes", per_page=5))
    assert [h["id"] for h in named["results"]] == ["chilly-mazarin--diema"]
    # a name some parsed field also writes stays a correction: the towns, the places
    assert engine.search(SearchRequest(q="kaye", per_page=1))["suggestion"] == "kayes"



def test_an_excluded_word_excludes_the_partnerships_whose_record_has_it(engine):
    """`-assainissement` listed 294 of the 297 partnerships, 30 of the 33 that have the word among
    them: a partnership whose record has it came back through its actions that do not. Excluding
    is about the partnership; an action listing excludes the actions that have the word."""
    def run(q, **kw):
        return engine.search(SearchRequest(q=q, per_page=100, facets=False, **kw))
    every = run("")["total"]
    has = set(ids(run("assainissement")))
    assert 0 < len(has) < 100
    assert run("-assainissement")["total"] == every - len(has)
    assert not set(ids(run("eau -assainissement"))) & has
    actions = run("eau -assainissement", filters={"type": ["action"]})["results"]
    assert {h["partnership_id"] for h in actions} & has
    having = run("assainissement", filters={"type": ["action"]})["results"]
    assert not {h["id"] for h in actions} & {h["id"] for h in having}


def test_an_empty_listing_says_when_the_other_kind_of_record_meets_its_filters(engine):
    """`statut:réalisé` is an action's status: a listing of partnerships was empty, without a word."""
    r = engine.search(SearchRequest(q="statut:réalisé puits", per_page=5))
    actions = engine.search(SearchRequest(q="statut:réalisé type:action puits", per_page=5))["total"]
    assert r["total"] == 0 < actions
    said = (f"Aucun partenariat ne répond à ces filtres, mais {actions} actions y répondent : "
            "choisissez « Actions » dans « Type de fiche » (ou tapez type:action).")
    assert r["query"]["notices"] == [said]
