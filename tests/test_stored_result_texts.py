"""What the build stores for a result's highlighting besides its body (analyzers.wordtables: the
parties lines with their folded forms, where the tables' words stand in each sheet) and the
shortcuts the search takes with it: each gives what the search made without it.
"""
from __future__ import annotations

from html import escape

import pytest

from analyzers.tokenizers import TOKEN_RE
from analyzers.wordtables import Locator, MarkedWords, WordPlaces, found_apart, snippet_source
from engine.highlight import _render, terms_by_field
from engine.querylang import parse_query
from engine.search import plan
from engine.snippets import _from_sheet, names_and_places
from indexer.partiesline import folded_forms, parties_line_text

QUERIES = ("ecole", "eau potable", "Île-de-France", "forage Kayes", "15 000", "l'assainissement")


def _terms(state, text: str) -> dict:
    return terms_by_field(plan(state, parse_query(text)).query, state.markers)


def test_the_locator_finds_what_a_string_search_finds():
    """A word of letters alone is found only as a whole run of them; a compound where it stands
    whole, a hyphen or an apostrophe inside; occurrences after one that does not stand alone are
    taken as str.find takes them (`a-a` in `a-a-a`: the second is not)."""
    text = "L'eau de Rhône-Alpes, les eaux; Rhône et rhône-alpes. a-a-a 15 000 000 écoles école"
    words = ["eau", "L'eau", "Rhône", "Rhône-Alpes", "rhône-alpes", "eaux", "Alpes", "a-a", "15 000",
             "000", "école", "écoles", "absent", "cole"]
    places = Locator(words).places(text)
    assert places == {w: found_apart(text, w) for w in words if found_apart(text, w)}
    assert places["Rhône"] == [text.index("Rhône-"), text.index("Rhône et")]
    assert places["a-a"] == [text.index("a-a-a")] and "cole" not in places and "absent" not in places


def test_stored_sheet_places_locate_what_the_sheet_search_locates(engine):
    """Every document's stored sheet places give `locate` the spans it finds by searching the
    sheet, for the words of varied queries (the sheets hold them often)."""
    state = engine.state()
    marker = state.markers["sheet"]
    found = 0
    for query in QUERIES:
        words = frozenset(w for t in _terms(state, query).get("sheet", ()) for w in ((t,) if isinstance(t, str) else t))
        for docnum, d in enumerate(state.docs):
            record = (state.partnerships if d.type == "partnership" else state.actions)[d.id]
            sheet = record.get("original_text") or ""
            searched = marker.locate(sheet, words)
            assert marker.locate(sheet, words, places=state.vocabulary.sheet(docnum)) == searched, (query, d.id)
            found += bool(searched)
    assert found > 200


def test_a_sheet_passage_is_the_same_from_the_stored_places(engine):
    """The passage a result's snippet takes from its sheet, marked, is the one the sheet's search
    gave, for every partnership and query (None alike when the sheet lacks the words)."""
    state = engine.state()
    shown = 0
    for query in QUERIES:
        terms = frozenset(_terms(state, query).get("sheet", ()))
        for docnum in state.partnership_docnums:
            record = state.partnerships[state.docs[docnum].id]
            besides = lambda r=record: f"{r['title']} ; {names_and_places(r)}"
            html = _from_sheet(state, record, terms, besides, docnum)
            assert html == _from_sheet(state, record, terms, besides), (query, record["id"])
            shown += html is not None
    assert shown > 50


def test_stored_parties_lines_are_those_of_the_records(engine):
    """The line and its folded forms the build stored for each partnership are those of its record."""
    state = engine.state()
    lines = state.vocabulary.lines(state.partnership_docnums)
    assert len(lines) == len(state.partnership_docnums)
    for docnum, (line, folded, joined) in lines.items():
        assert line == parties_line_text(state.partnerships[state.docs[docnum].id])
        assert (folded, joined) == folded_forms(line)


def test_every_word_of_a_title_is_in_the_word_tables(engine):
    """What marked_title's shortcut rests on: a title none of whose words is a form the terms mark
    in the tables has no word to mark."""
    state = engine.state()
    known = state.vocabulary.terms_of({w for d in state.docs for w in TOKEN_RE.findall(
        (state.partnerships if d.type == "partnership" else state.actions)[d.id]["title"])})
    titles = [(state.partnerships if d.type == "partnership" else state.actions)[d.id]["title"] for d in state.docs]
    assert all(w in known for t in titles for w in TOKEN_RE.findall(t))


@pytest.mark.parametrize("words", [["eaux", "zzz"], ["", "Les"], ["eaux\ndu", "puits"], ["200 000"], []])
def test_a_few_marked_words_are_found_in_a_body_as_its_word_set_finds_them(words):
    """WordPlaces.common looks a request's few words up in the stored word list as a string; the
    words it finds, and their starts, are those of the list split."""
    _, *stored = snippet_source("Les  eaux\n du 200 000  puits, les eaux.")
    places, listed = WordPlaces(*stored), WordPlaces(*stored)
    marked = MarkedWords((w, "t") for w in words)
    assert places.common(marked) == set(listed) & set(words)
    for w in places.common(marked):
        assert places[w] == dict(listed)[w]
    assert "eaux\ndu" not in places


def test_a_passage_is_escaped_with_or_without_markup_in_it():
    """The marks are added to the passage as it is when nothing in it needs escaping, and every
    piece is escaped when something does (a `<mark>` written in a source stays text)."""
    assert _render("un puits ici", 0, 12, [(3, 8, "puit")]) == "un <mark>puits</mark> ici"
    text = "<mark>x</mark> & puits"
    assert _render(text, 0, len(text), [(17, 22, "puit")]) == "&lt;mark&gt;x&lt;/mark&gt; &amp; <mark>puits</mark>"


def test_a_passage_is_escaped_for_each_character_escape_replaces_and_only_for_those():
    """Each of the characters html.escape replaces, alone in the passage, has it escaped (the test
    for them is string searches: one left out would leave it raw); one outside the passage does not."""
    for char in map(chr, range(0x3000)):
        text = f"un puits {char} ici"
        assert _render(text, 0, len(text), [(3, 8, "puit")]) == \
            f"un <mark>puits</mark> {escape(char, quote=False)} ici", char
    assert _render("un puits ici & là", 0, 12, [(3, 8, "puit")]) == "un <mark>puits</mark> ici"


def test_marked_words_asked_term_by_term_are_those_asked_as_a_set(index_dir):
    """The tables' words a term set marks, and their order, are those one query for the set gave,
    whichever terms were asked before (the table keeps each term's words)."""
    import random

    from analyzers.wordtables import WordTables, marked_term
    from indexer.store import WORDS, current_generation

    tables = WordTables(current_generation(index_dir).path / WORDS)
    terms = [t for (t,) in tables._db.execute("SELECT DISTINCT term FROM term_words")]
    rng = random.Random(40)
    for size in (1, 3, 12, 60, 600):
        for _ in range(20):
            asked = frozenset(rng.sample(terms, size))
            found: dict[str, list[str]] = {}
            for term, word in tables._db.execute(
                    f"SELECT term, word FROM term_words WHERE term IN ({','.join('?' * len(asked))})", sorted(asked)):
                found.setdefault(word, []).append(term)
            expected = [(w, marked_term(ts)) for w, ts in found.items()]
            assert list(tables.marked_words(asked).items()) == expected
    assert any(len(ts) > 1 for ts in found.values())  # words that two terms mark, the longest chosen


class _OtherTables:
    """Another generation's word tables, made from other texts: they know none of these words."""

    def marked_words(self, terms):
        return {}

    def terms_of(self, words):
        return {}


def test_each_generation_marks_with_its_own_tables(engine):
    """The fields' markers are shared by equal analyzers, and the tables were set on the shared one
    by whichever generation asked last: once a test had opened an index of other texts, every
    sheet passage of the served one was lost (39 for 221). Each generation keeps its own."""
    from engine.highlight import Markers

    state = engine.state()
    before = state.markers["sheet"]
    other = Markers(state.schema, _OtherTables())
    assert other["sheet"].table is not state.vocabulary
    assert state.markers["sheet"] is before and before.table is state.vocabulary
    terms = frozenset(_terms(state, "ecole").get("sheet", ()))
    found = sum(_from_sheet(state, state.partnerships[state.docs[d].id], terms,
                            lambda: "", d) is not None for d in state.partnership_docnums)
    assert found > 20
