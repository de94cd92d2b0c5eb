"""A quote left open on a prefix's value (review 2 r50, M1, L3, L4) and a name's truncation after its
first words (L1, L2): where the value ends, and what the notices say, the same in the API and the page."""
from __future__ import annotations

from html import unescape

import pytest

from engine import SearchRequest
from engine.querylang import parse_query

TO_THE_END = "Guillemet non fermé : la valeur est lue jusqu'à la fin de la requête."


def cut_at(value: str, rest: str) -> str:
    return (f"Guillemet non fermé : la valeur lue est « {value} » ; la suite, « {rest} », est lue comme des "
            "mots simples.")


def known(*values: str):
    """A `selects` knowing these values (of any prefix), recording what it was asked."""
    asked: list[tuple[str, str]] = []

    def selects(prefix: str, value: str, whole: bool) -> bool:
        asked.append((prefix, value))
        return value in values
    selects.asked = asked  # type: ignore[attr-defined]
    return selects


def total(engine, q: str) -> int:
    return engine.search(SearchRequest(q=q, per_page=1, facets=False))["total"]


@pytest.mark.parametrize("q, read, rest", [
    ('pays:"Maroc eau', "pays:Maroc eau", "eau"),
    ('-pays:"Maroc eau potable', "-pays:Maroc eau potable", "eau potable"),
    ('collectivite:"Saint-Denis (eau OR santé)', "collectivité:Saint-Denis eau OR santé", "(eau OR santé)"),
    # in the prefix's group, the rest leaves it, whether the user closed it or not
    ('pays:(Mali OR "Maroc eau', "pays:Mali OR pays:Maroc eau", "eau"),
    ('pays:(Mali OR "Maroc eau) santé', "pays:Mali OR pays:Maroc eau santé", "eau"),
])
def test_an_open_value_that_names_nothing_ends_with_its_longest_known_beginning(q, read, rest):
    """`pays:"Maroc eau` read « Maroc eau » as the country and listed 0 (review 2 r50, M1)."""
    value = "Saint-Denis" if "Saint" in q else "Maroc"
    pq = parse_query(q, known(value))
    assert (pq.render(), pq.notices) == (read, [cut_at(value, rest)])


def test_an_open_value_that_names_something_whole_is_kept_whole():
    selects = known("Burkina Faso", "Burkina")
    pq = parse_query('pays:"Burkina Faso', selects)
    assert (pq.render(), pq.notices) == ('pays:"Burkina Faso"', [TO_THE_END])
    assert selects.asked == [("pays", "Burkina Faso")]  # its beginnings are not asked
    nothing = parse_query('pays:"Atlantis eau', known())  # no beginning either: read to the end, as before
    assert (nothing.render(), nothing.notices) == ('pays:"Atlantis eau"', [TO_THE_END])


LONG = "eau potable assainissement santé éducation formation culture jeunesse sport femmes agriculture élevage"


def test_an_open_value_of_many_words_still_reaches_its_known_beginning():
    """Only the 10 longest beginnings were asked: a value of 13 words never reached « Maroc » (review 2
    r51, L2); a value of 11 words asks what it asked."""
    pq = parse_query(f'pays:"Maroc {LONG}', known("Maroc"))
    assert (pq.render(), pq.notices) == (f"pays:Maroc {LONG}", [cut_at("Maroc", LONG)])
    selects = known("Maroc")
    parse_query('pays:"Maroc ' + " ".join(LONG.split()[:10]), selects)
    assert len(selects.asked) == 11  # the whole, then its 10 beginnings, « Maroc » last


def test_no_value_has_more_words_than_an_open_value_s_beginnings_asked(engine):
    """MAX_VALUE_WORDS bounds the beginnings asked: a longer name or value of the index could not end one."""
    from engine.querytext import MAX_VALUE_WORDS
    state = engine.state()
    values = [n.name for n in state.names] + [str(v) for vs in state.facet_values.values() for v in vs]
    values += list(state.partner_subdivisions)
    assert max(len(v.split()) for v in values) <= MAX_VALUE_WORDS


def test_the_search_reads_a_long_open_value_as_the_closed_one(engine):
    assert total(engine, f'pays:(Mali OR "Maroc {LONG}') == total(engine, f"pays:(Mali OR Maroc) {LONG}") \
        != total(engine, f'pays:Mali {LONG}')


@pytest.mark.parametrize("q", ['pays:"Maroc" eau', "pays:Maroc eau", 'eau "potable', 'foo:"bar eau', "eau"])
def test_a_query_without_a_value_left_open_asks_nothing(q):
    """The cold cost stays flat: only a value left open on a known prefix is looked up."""
    selects = known()
    parse_query(q, selects)
    assert selects.asked == []


def test_the_search_reads_the_open_value_as_the_closed_one(engine):
    assert total(engine, 'pays:"Maroc eau') == total(engine, 'pays:"Maroc" eau') > 0
    saint_denis = 'collectivite:"Saint-Denis (eau OR santé)'
    assert total(engine, saint_denis) == total(engine, 'collectivite:"Saint-Denis" (eau OR santé)') > 0
    assert total(engine, 'pays:(Mali OR "Maroc eau') == total(engine, "pays:(Mali OR Maroc) eau") > 0


@pytest.mark.parametrize("q, closed", [
    ('collectivite:"Saint Dennis eau', 'collectivite:"Saint Dennis eau"'),  # not « Saint »: every Saint…
    ('collectivite:"Conseil général de Dordogne eau', 'collectivite:"Conseil général de Dordogne eau"'),
    ('collectivite:"de m* eau santé', 'collectivite:"de m* eau santé"'),  # not « de »
])
def test_a_name_s_value_left_open_ends_only_where_a_name_ends(engine, q, closed):
    """A beginning of a collectivity's value is the value only where a name ends (review 2 r51, M1)."""
    r = engine.search(SearchRequest(q=q, per_page=1, facets=False))
    assert not any("la valeur lue est" in n for n in r["query"]["notices"]), r["query"]["notices"]
    assert r["total"] == total(engine, closed)


@pytest.mark.parametrize("q, value", [
    ('collectivite:"St-Denis eau', "St-Denis"), ('collectivite:"Essonne eau', "Essonne"),
    ('collectivite:"St Maximin eau', "St Maximin"),  # a name written « St »: it listed 0
    ('collectivite:"Saint Maximin eau', "Saint Maximin")])
def test_a_name_s_value_left_open_may_end_where_a_name_ends(engine, q, value):
    r = engine.search(SearchRequest(q=q, per_page=1, facets=False))
    assert cut_at(value, "eau") in r["query"]["notices"] and r["total"] > 0


def test_the_api_and_the_page_say_where_the_value_ended(client):
    said = cut_at("Maroc", "eau")
    api = client.get("/api/search", query_string={"q": 'pays:"Maroc eau', "per_page": 1}).get_json()
    assert said in api["query"]["notices"] and api["total"] > 0
    page = unescape(client.get("/", query_string={"q": 'pays:"Maroc eau'}).get_data(as_text=True))
    assert said in page.replace("\u202f", " ").replace("\xa0", " ")


def test_a_quote_alone_after_a_prefix_says_one_thing(client):
    """`pays:"` said both that the value ran to the end and that the prefix was followed by nothing (L3)."""
    empty = "Le préfixe « pays: » n'est suivi de rien : il a été ignoré."
    notices = parse_query('pays:"').notices
    assert empty in notices and not [n for n in notices if "Guillemet" in n]
    page = unescape(client.get("/", query_string={"q": 'pays:"'}).get_data(as_text=True))
    page = page.replace("\u202f", " ").replace("\xa0", " ")
    assert empty in page and "Guillemet non fermé" not in page


@pytest.mark.parametrize("q, read, before", [
    ('pays:"Maroc pays:"Mali"', "pays:Maroc pays:Mali", "pays:"),
    ('pays:"Maroc domaine:Santé', "pays:Maroc domaine:Santé", "domaine:"),
    ('pays:"Maroc -pays:"Mali"', "pays:Maroc -pays:Mali", "-pays:"),
    ('pays:(Mali OR "Maroc pays:"Algérie"', "pays:Mali OR pays:Maroc pays:Algérie", "pays:"),
])
def test_an_open_value_stops_at_the_next_prefix(q, read, before):
    """`pays:"Maroc pays:"Mali"` read « Maroc pays: » as the country, 0 results (L4)."""
    pq = parse_query(q)
    said = f"Guillemet non fermé : la valeur lue est « Maroc », jusqu'au préfixe « {before} » qui la suit."
    assert (pq.render(), pq.notices) == (read, [said])


def test_a_next_prefix_stops_the_search_s_value_too(engine):
    assert total(engine, 'pays:"Maroc pays:"Mali"') == total(engine, 'pays:"Maroc" pays:"Mali"') > 0


@pytest.mark.parametrize("q, read, notices", [
    ('pays:"Maroc domaine:Santé"', 'pays:Maroc domaine:Santé', 1),  # its closing quote is the next value's
    ('pays:"Maroc pays:"Mali', 'pays:Maroc pays:Mali', 2),  # the next value's opening quote paired it
    ('pays:"Maroc domaine:"Santé', 'pays:Maroc domaine:Santé', 2),
    ('collectivite:"saint d* pays:"France', 'collectivité:"saint d*" pays:France', 2),
    ('pays:"Maroc pays:"Mali pays:"Algérie', 'pays:Maroc pays:Mali pays:Algérie', 3),  # each in turn
])
def test_a_next_prefix_stops_an_open_value_whatever_the_count_of_quotes(q, read, notices):
    """With an even count of quotes, the value read « Maroc domaine:Santé », « Maroc pays: », 0 results
    (review 2 r51, L1)."""
    pq = parse_query(q)
    said = [n for n in pq.notices if "jusqu'au préfixe" in n]
    assert (pq.render(), len(pq.notices)) == (read, notices)
    assert said and said[0].startswith("Guillemet non fermé : la valeur lue est « Maroc »" if "pays:\"Maroc" in q
                                       else "Guillemet non fermé : la valeur lue est « saint d* »")


@pytest.mark.parametrize("q, closed", [
    ('pays:"Maroc domaine:Santé"', 'pays:"Maroc" domaine:"Santé"'),
    ('pays:"Maroc pays:"Mali', 'pays:"Maroc" pays:"Mali"'),
    ('pays:"Maroc domaine:"Santé', 'pays:"Maroc" domaine:"Santé"'),
])
def test_the_api_and_the_page_read_a_stopped_value_whatever_the_count_of_quotes(client, q, closed):
    said = "Guillemet non fermé : la valeur lue est « Maroc », jusqu'au préfixe « {} » qui la suit."
    said = said.format(q.split()[1].split(":")[0] + ":")
    api = client.get("/api/search", query_string={"q": q, "per_page": 1}).get_json()
    shut = client.get("/api/search", query_string={"q": closed, "per_page": 1}).get_json()
    assert said in api["query"]["notices"] and api["total"] == shut["total"] > 0
    page = unescape(client.get("/", query_string={"q": q}).get_data(as_text=True))
    assert said in page.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("q, closed", [
    ('domaine:"Santé pays:(Mali OR "Maroc', 'domaine:"Santé" pays:(Mali OR "Maroc")'),
    ('domaine:"Santé -pays:(Mali OR "Maroc', 'domaine:"Santé" -pays:(Mali OR "Maroc")'),
])
def test_a_value_stopped_before_a_group_leaves_the_group_s_quote_to_it(engine, q, closed):
    """The quote pairing the open one is a value's in the next prefix's group, not the group's: it read
    pays:"(Mali OR" Maroc, 0 results (review 2 r52)."""
    assert parse_query(q).render() == parse_query(closed).render()
    assert total(engine, q) == total(engine, closed) > 0


@pytest.mark.parametrize("head, last", [("saint", "sa"), ("saint", "x")])
def test_a_name_s_words_no_name_continues_so_say_it(engine, head, last):
    """`collectivite:"saint sa*"` fell back to the index's 114 `sa*` words, none after « saint » (L1);
    `"saint x*"`, one letter after a name's first words, said « deux lettres » (review 2 r51, low)."""
    notices = engine.search(SearchRequest(q=f'collectivite:"{head} {last}*"', per_page=1))["query"]["notices"]
    assert f"Aucun nom ne continue « {head} » par « {last}… »." in notices
    assert not [n for n in notices if "commencent ainsi" in n or "deux lettres" in n]


@pytest.mark.parametrize("typed, names", [
    ('collectivite:"saint d*"', ['collectivite:"Saint-Denis"']),
    ('collectivite:"st d*"', ['collectivite:"Saint-Denis"']),
    ('collectivite:"conseil g*"', ['collectivite:"conseil général"']),
])
def test_one_letter_after_a_name_s_first_words_is_enough(engine, typed, names):
    """The names bound it (`saint d` goes on as denis, die…): it was refused, 0 results (L2)."""
    found = engine.search(SearchRequest(q=typed, per_page=100, facets=False))
    ids = {r["id"] for r in found["results"]}
    for name in names:
        assert {r["id"] for r in engine.search(SearchRequest(q=name, per_page=100))["results"]} <= ids != set()
    assert not [n for n in found["query"]["notices"] if "deux lettres" in n]


def test_one_letter_after_a_name_s_inner_words_is_enough(engine):
    """`"de m*"` asked for two letters where the names bound it (Marrakech, Meknès… follow « de »: review 2
    r51, L3): it lists what those names list."""
    found = engine.search(SearchRequest(q='collectivite:"de m*"', per_page=100, facets=False))
    ids = {r["id"] for r in found["results"]}
    for name in ("Commune urbaine de Marrakech", "Région de Mopti"):
        assert {r["id"] for r in engine.search(SearchRequest(q=f'collectivite:"{name}"', per_page=100))["results"]} \
            <= ids != set()
    assert not found["query"]["notices"]


def test_one_letter_after_words_no_name_has_is_still_too_few(engine):
    notices = engine.search(SearchRequest(q='collectivite:"zzz m*"', per_page=1))["query"]["notices"]
    assert "« m* » : il faut au moins deux lettres avant l'astérisque ; le mot est cherché tel quel." in notices


@pytest.mark.parametrize("q", ['collectivite:"le m*"', 'collectivite:"le m*" eau', 'collectivite:"saint x*"'])
def test_no_name_continuing_so_lists_nothing(engine, q):
    """`"le m*"` said « Aucun nom ne continue « le » par « m… » » and listed 3 (the beginning as typed, « le
    m », is « m » to the names' analyzer, which drops the article: M'Chedallah; review 2 r51, L3)."""
    found = engine.search(SearchRequest(q=q, per_page=1, facets=False))
    head = q.split('"')[1].split()[0]
    assert (found["total"], f"Aucun nom ne continue « {head} »" in " ".join(found["query"]["notices"])) == (0, True)


@pytest.mark.parametrize("q, value", [
    ('collectivite:"Kayes (Commune)', "Kayes (Commune)"),  # the name's own bracket
    ('(eau OR collectivite:"Saint-Denis)', "Saint-Denis"),  # a group's
    ('collectivite:"Kayes (Commune))', "Kayes (Commune)"),
])
def test_an_open_value_keeps_its_own_closing_bracket(engine, q, value):
    """`collectivite:"Kayes (Commune)` read « Kayes (Commune » (review 2 r51, L3)."""
    found = engine.search(SearchRequest(q=q, per_page=1, facets=False))
    assert f'collectivité:"{value}"' in found["query"]["understood"] or \
        f"collectivité:{value}" in found["query"]["understood"]
    assert found["total"] > 0


def test_the_record_page_marks_the_words_after_the_value_left_open(client):
    """`pays:"Maroc eau` lists what `pays:"Maroc" eau` lists; the record page it opens marks « eau » as
    the closed query's does (it read « Maroc eau » as one value, and marked nothing)."""
    import re
    hit = client.get("/api/search", query_string={"q": 'pays:"Maroc eau', "per_page": 1}).get_json()["results"][0]
    marked = {}
    for q in ('pays:"Maroc eau', 'pays:"Maroc" eau'):
        page = client.get(hit["url"].split("#")[0], query_string={"q": q}).get_data(as_text=True)
        marked[q] = re.findall(r"<mark>([^<]*)</mark>", page)
    assert marked['pays:"Maroc" eau'] and marked['pays:"Maroc eau'] == marked['pays:"Maroc" eau']


def test_the_suggestion_keeps_the_value_left_open(client):
    """A misspelt word after a value left open is corrected where it stands: the suggestion was the
    corrected word alone (« assainissement »), and following it dropped the country."""
    api = client.get("/api/search", query_string={"q": 'pays:"Maroc assainisment', "per_page": 1}).get_json()
    assert api["suggestion"] == 'pays:"Maroc assainissement'
    assert api["corrections"] == [{"typed": "assainisment", "shown": "assainissement"}]
    after = client.get("/api/search", query_string={"q": api["suggestion"], "per_page": 1}).get_json()
    closed = client.get("/api/search", query_string={"q": 'pays:"Maroc" assainissement', "per_page": 1}).get_json()
    assert after["total"] == closed["total"] > 0


@pytest.mark.parametrize("q, read", [
    ('PAY:0""PAY:', "pays:0"),  # hypothesis found it: « 0 PAY: », written `pays:"0 PAY:"`, read back as pays:0
    ('pays:Maroc"domaine:Santé', "pays:Maroc domaine:Santé"),
    ('pays:"Maroc domaine:"', "pays:Maroc"),  # typing the next value's quote
])
def test_a_next_prefix_in_a_value_typed_without_space_stops_it_and_reads_back(q, read):
    """The query understood parses back to the same clauses, now that a quote's value stops at a next prefix."""
    pq = parse_query(q)
    clauses = [(c.kind, c.text, c.negated, c.target) for c in pq.clauses]
    assert pq.render() == read
    assert [(c.kind, c.text, c.negated, c.target) for c in parse_query(read).clauses] == clauses


ELIDED = [  # (a name's truncation over an elided article, a name it means, another it must not list)
    ("conseil régional d'au*", "Conseil régional d'Auvergne", "Conseil régional d'Aquitaine"),
    ("conseil régional d’au*", "Conseil régional d'Auvergne", "Conseil régional d'Aquitaine"),  # (typographic)
    ("général de l'a*", "Conseil général de l'Ain", "Conseil général de l'Essonne"),
    ("de l'e*", "Conseil général de l'Essonne", "Conseil général de l'Ain"),
]


def _ids(engine, q: str) -> set[str]:
    return {r["id"] for r in engine.search(SearchRequest(q=q, per_page=100, facets=False))["results"]}


@pytest.mark.parametrize("typed, name, other", ELIDED)
def test_a_name_s_truncation_after_an_elided_article_lists_the_names_so_continued(engine, typed, name, other):
    """`collectivite:"conseil régional d'au*"` listed 0 and said « Aucun nom ne continue « conseil régional »
    par « d'au… » », where `"régional d'auvergne"` lists 1: the `d` was dropped from the words before the
    star, and the phrase built without it (review 2 r52, M2)."""
    found = engine.search(SearchRequest(q=f'collectivite:"{typed}"', per_page=100, facets=False))
    ids = {r["id"] for r in found["results"]}
    assert _ids(engine, f'collectivite:"{name}"') <= ids != set()
    assert not ids & _ids(engine, f'collectivite:"{other}"')
    assert not [n for n in found["query"]["notices"] if "Aucun" in n]


def test_an_elided_article_no_name_continues_so_still_says_it(engine):
    notices = engine.search(SearchRequest(q='collectivite:"régional d\'x*"', per_page=1))["query"]["notices"]
    assert "Aucun nom ne continue « régional » par « d'x… »." in notices


@pytest.mark.parametrize("typed, name, other", ELIDED[::2])
def test_the_api_and_the_page_list_a_name_s_truncation_after_an_elided_article(client, typed, name, other):
    q = f'collectivite:"{typed}"'
    api = client.get("/api/search", query_string={"q": q, "per_page": 20}).get_json()
    assert any(r["title"].startswith(name) for r in api["results"])
    assert not [n for n in api["query"]["notices"] if "Aucun" in n]
    page = unescape(client.get("/", query_string={"q": q}).get_data(as_text=True))
    assert name in page and "Aucun nom ne continue" not in page
