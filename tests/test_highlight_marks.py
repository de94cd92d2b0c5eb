"""What the marks of a result cover (engine/highlight.py, engine/snippets.py), from a QA audit:

- `Evry-Kayes` found its partnership by the two names, each looked for alone in the names, but
  marked them only as a phrase: nothing was marked, not even in its title;
- `segou` found partnerships by their partner's région, shown only on the parties line
  « (San, Ségou) », which was never marked: most results had no mark at all;
- `ecole` showed the start of a partnership's body, without the word, when only its sheet (its
  actions' table) had it;
- a mark took in the elided article (`<mark>l’école</mark>`) and a trailing apostrophe
  (`-<mark>école`</mark>`, a backtick closing a quote).
"""
from __future__ import annotations

import re

import pytest

from analyzers import french_analyzer, names_analyzer
from engine import SearchRequest
from engine.highlight import FieldMarker, kept_part, mark_all, terms_by_field
from engine.querylang import parse_query
from engine.search import plan

MARK = re.compile(r"<mark>([^<]*)</mark>")
APOSTROPHES = "'’`´ʼ"


def _marked_words(html: str) -> list[str]:
    return MARK.findall(html)


def _all_html(hit: dict) -> list[str]:
    """Every HTML piece a result shows: title, snippet, parties line, nested actions' snippets."""
    f = hit["formatted"]
    parties = [p[k] for p in (f["french_party"], f["partner_party"]) if p for k in ("name", "place")]
    return [f["title"], hit["snippet"], f["countries"], *parties,
            *(a["snippet"] for a in hit.get("actions", []))]


# --- 4. where a mark starts and ends -------------------------------------------------------------

@pytest.mark.parametrize(("text", "terms", "expected"), [
    ("Accès à l’école", {"ecol"}, "Accès à l’<mark>école</mark>"),
    ("Accès à l'école", {"ecol"}, "Accès à l'<mark>école</mark>"),
    ("Construction d’écoles", {"ecol"}, "Construction d’<mark>écoles</mark>"),
    ("adduction d’eau", {"eau"}, "adduction d’<mark>eau</mark>"),
    ("L’École du Plateau", {"ecol"}, "L’<mark>École</mark> du Plateau"),
    ("jusqu’à l’école qu’elle fréquente", {"ecol"}, "jusqu’à l’<mark>école</mark> qu’elle fréquente"),
    ("Construction d`école", {"ecol"}, "Construction d`<mark>école</mark>"),
    ("Fourniture -école` partenariat", {"ecol"}, "Fourniture -<mark>école</mark>` partenariat"),
    ("la ville d’Ille-et-Vilaine", {"vilain"}, "la ville d’<mark>Ille-et-Vilaine</mark>"),
])
def test_a_mark_leaves_out_the_elided_article_and_a_trailing_apostrophe(text, terms, expected):
    assert mark_all(text, terms, FieldMarker(french_analyzer())) == expected


def test_what_the_analyzer_keeps_of_a_word_is_what_is_marked():
    """`kept_part` follows the analyzer's elision (analyzers/filters.elide), not a list of its own:
    a consonant after the apostrophe (`N'Gabakoro`) and `aujourd’hui` are kept whole."""
    assert kept_part("l’école") == (2, 7)
    assert kept_part("qu'il") == (3, 5)
    assert kept_part("jusqu`à") == (6, 7)
    assert kept_part("école`") == (0, 5)
    assert kept_part("N'Gabakoro") == (0, 10)
    assert kept_part("aujourd’hui") == (0, 11)
    names = FieldMarker(names_analyzer())
    assert mark_all("Communauté d'agglomération d'Evry", names.keys("Evry"), names) == \
        "Communauté d'agglomération d'<mark>Evry</mark>"


def test_no_mark_of_the_ecole_page_holds_an_apostrophe(engine):
    """The snippets of the word tables' fast path (matches_at) too: la-fleche--markala's action
    showed `-<mark>école`</mark>` (its list mark since dropped: the row's one item, l.7161)."""
    r = engine.search(SearchRequest(q="ecole", per_page=20))
    marks = [w for h in r["results"] for html in _all_html(h) for w in _marked_words(html)]
    assert marks and not [w for w in marks if any(a in w for a in APOSTROPHES)]
    fleche = next(h for h in r["results"] if h["id"] == "la-fleche--markala")
    assert any(a["snippet"].startswith("<mark>école</mark>`") for a in fleche["actions"])
    assert any("l’<mark>école</mark>" in html for h in r["results"] for html in _all_html(h))


# --- 1. a hyphen between two names --------------------------------------------------------------

def test_a_pair_of_names_is_marked_word_by_word(engine):
    state = engine.state()
    query = plan(state, parse_query("Evry-Kayes")).query
    plain = terms_by_field(query)
    assert ("evry", "kay") in plain["body"] and "kay" not in plain["body"]  # a phrase, as searched
    terms = terms_by_field(query, state.markers)
    assert {"evry", "kay"} <= terms["body"] and {"evry", "kay"} <= terms["title"]
    # a compound some record writes is no pair of names: its parts stay a phrase
    rhone = terms_by_field(plan(state, parse_query("Rhône-Alpes")).query, state.markers)
    assert not {"rhon", "alp"} & {t for t in rhone["body"] if isinstance(t, str)}

    r = engine.search(SearchRequest(q="Evry-Kayes"))
    hit = next(h for h in r["results"] if h["id"] == "ca-evry-centre-essonne--kayes")
    assert {"Evry", "Kayes"} <= set(_marked_words(hit["formatted"]["title"]))
    assert {"Evry", "Kayes"} <= set(_marked_words(hit["snippet"]))
    assert _marked_words(hit["formatted"]["french_party"]["name"]) == ["Evry"]


def test_the_record_page_marks_a_pair_of_names(client):
    html = client.get("/partenariats/ca-evry-centre-essonne--kayes",
                      query_string={"q": "Evry-Kayes"}).get_data(as_text=True)
    assert "<mark>Evry</mark>" in html and "<mark>Kayes</mark>" in html


# --- 2. a partner's région ----------------------------------------------------------------------

def test_the_place_line_is_marked(engine, client, check_search_contract):
    data = client.get("/api/search", query_string={"q": "segou"}).get_json()
    check_search_contract(data)
    assert data["results"]
    for hit in data["results"]:
        assert "<mark>" in hit["formatted"]["partner_party"]["place"], hit["id"]
    chaumont = next(h for h in data["results"] if h["id"] == "chaumont--san")
    assert chaumont["formatted"]["partner_party"] == {"name": "San", "place": "San, <mark>Ségou</mark>"}
    # the place is on the parties line: the sheet's heading (its contacts' block, where the
    # région is written) is no snippet for it
    assert "Coordonnées" not in chaumont["snippet"]

    html = client.get("/", query_string={"q": "segou"}).get_data(as_text=True)
    hits = re.findall(r'<li class="hit" data-id="([^"]+)"[^>]*>(.*?)<p class="source', html, re.DOTALL)
    assert len(hits) == len(data["results"]) and all("<mark>" in body for _, body in hits), \
        [pid for pid, body in hits if "<mark>" not in body]
    assert '<span class="place">(San, <mark>Ségou</mark>)</span>' in html


def test_a_country_and_a_name_are_marked_on_the_parties_line(engine):
    r = engine.search(SearchRequest(q="Maroc Agadir", per_page=5))
    hit = next(h for h in r["results"] if h["partner_party"] and "Agadir" in h["partner_party"]["name"])
    assert "<mark>Maroc</mark>" in hit["formatted"]["countries"]
    assert "<mark>Agadir</mark>" in hit["formatted"]["partner_party"]["name"]


# --- 3. the main snippet has the word when the record's texts have it ---------------------------

def test_the_main_snippet_comes_from_the_sheet_when_the_body_lacks_the_word(engine):
    """Every result shows the word: in its main snippet, or in an action listed under it; when
    neither its body nor those actions have it, the main snippet is the passage of its sheet that
    does. The sheet is not searched when an action
    under the result shows the word already: on a cold request, a page's sheets cost more
    than its search."""
    from analyzers import fold_text

    state = engine.state()
    from_sheet = []
    for q in ("ecole", "forage"):
        r = engine.search(SearchRequest(q=q, per_page=20))
        assert len(r["results"]) == 20
        for h in r["results"]:
            below = any("<mark>" in a["snippet"] for a in h["actions"])
            assert "<mark>" in h["snippet"] or below, (q, h["id"])
            body = fold_text(state.body(state.docnum_of[h["id"]])[0])
            if not below and "<mark>" in h["snippet"] and fold_text(q)[:5] not in body:
                from_sheet.append(h["id"])
    assert "marolles--lakamane" in from_sheet  # its boreholes are in its sheet's actions table


def test_a_record_with_text_always_shows_some(engine):
    """A body left empty by the parser, a sheet with text: the start of the sheet."""
    state = engine.state()
    rec = state.partnerships["cr-auvergne--cr-tombouctou"]
    assert not state.body(state.docnum_of[rec["id"]])[0] and rec["original_text"]
    r = engine.search(SearchRequest(q="Auvergne Tombouctou"))
    hit = next(h for h in r["results"] if h["id"] == rec["id"])
    assert "Tombouctou" in hit["snippet"]


def test_a_sheet_passage_shows_no_phone_number_its_spaces_would_join(engine):
    """A passage is cleaned of contacts as the index cleans the sheet, and again once its spaces are
    collapsed as the snippet shows them: `Tél : 674 42 48    222 34 65` read as one number then."""
    from engine.highlight import terms_by_field
    from engine.querylang import parse_query
    from engine.search import plan
    from engine.snippets import _from_sheet

    state = engine.state()
    built = plan(state, parse_query("forage"))
    terms = terms_by_field(built.query, state.markers)
    record = {"original_text": "Historique.\nContacts : M. Diarra, Tél : 674 42 48    222 34 65 ; "
                               "un forage a été réalisé à Niamana en 2004 avec le comité de jumelage."}
    html = _from_sheet(state, record, frozenset(terms["sheet"]), lambda: "Hennebont ; Niamana")
    assert html and "<mark>forage</mark>" in html
    assert "674" not in html and "222 34 65" not in html


# --- 5. a sheet's headings in capitals, its compounds ------------------------------------------------
def _sheet_passage(state, text: str, query: str, record: dict | None = None,
                   shown: str = "Hennebont ; Niamana") -> str | None:
    """The passage of a sheet a result shows for `query`, the result showing `shown` besides."""
    from engine.snippets import _from_sheet

    terms = terms_by_field(plan(state, parse_query(query)).query, state.markers)
    return _from_sheet(state, record or {"original_text": text}, frozenset(terms["sheet"]), lambda: shown)


def test_a_heading_in_capitals_is_marked_in_a_sheet_passage(engine):
    """The Maroc sheets head each project with its domains in capitals, which the word tables (made
    of bodies and titles) do not have: « APPUI INSTITUTIONNEL, CULTURE » was left unmarked under a
    marked « Culture »."""
    state = engine.state()
    html = _sheet_passage(state, "", "culture", state.partnerships["boulogne-sur-mer--safi"])
    assert "APPUI INSTITUTIONNEL, <mark>CULTURE</mark>" in html


def test_a_name_in_capitals_on_a_contact_line_is_not_marked(engine):
    """Only a line all in capitals is a heading: a contact's surname in capitals (a search blind to
    case marked « Mme Patricia BOURGES » for the town) stays unmarked, the town is marked."""
    html = _sheet_passage(engine.state(), "CONTACTS\nMme Catherine ALTEIRAC, Mme Patricia BOURGES\nPROJETS\n"
                                          "Un jumelage avec la ville de Bourges depuis 1990.", "Bourges")
    assert "<mark>Bourges</mark>" in html and "Patricia BOURGES" in html


@pytest.mark.parametrize("line", ["44 640 SAINT-JEAN-DE-BOISEAU", "Mme Patricia BOURGES", "CONTACT@MAIRIE.FR", "X"])
def test_a_line_with_digits_small_letters_or_an_address_is_no_heading(line):
    from engine.snippets import _headings

    assert _headings(f"PROJETS EN COURS\n{line}\nCULTURE, ÉDUCATION") == ["PROJETS EN COURS", "CULTURE, ÉDUCATION"]


def test_a_compound_is_marked_whole_in_a_sheet_passage(engine):
    """A compound whose parts the tables know alone (`Maine`, `Loire`) was marked by halves in a
    sheet, « <mark>Maine</mark>-et-<mark>Loire</mark> »; a body marks it whole, and now a sheet too."""
    state = engine.state()
    html = _sheet_passage(state, "", "Maine-et-Loire", state.partnerships["angers--bamako"])
    assert "<mark>Maine-et-Loire</mark>" in html and "<mark>Maine</mark>" not in html


def test_a_phrase_of_a_compound_s_parts_marks_the_compound(engine):
    """The parts of « Ile-de-France » as a phrase of the query (the result's places showing the
    joined name already) mark the compound whole, as its parts marked it by halves."""
    html = _sheet_passage(engine.state(), "Département/Région : 93/Ile-de-France\nCollectivités maliennes",
                          "Île-de-France", shown="Saint-Denis ; Seine-Saint-Denis, Île-de-France")
    assert "93/<mark>Ile-de-France</mark>" in html


class _Tokens:
    """A tokenizer without its pattern: FieldMarker.matches goes through its tokens instead."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text, **kwargs):
        return self.tokenizer(text, **kwargs)


def test_marks_found_in_one_pass_of_the_pattern_are_those_of_the_tokens():
    """The words a field's pattern finds, with their starts, in one pass (the hot path), are marked
    where the tokenizer's tokens are: every place of a repeated word, not the first alone, nor a
    digit the pattern skipped (`.5`) for the token after it (`5`)."""
    texts = ["L'école et l'école, puis les écoles d'Ecole-Kayes : école. Kayes !",
             "Kayes\nKayes-Ségou ; Ségou, Kayes .5 5 et 5, 1.5"]
    for analyzer in (french_analyzer(), names_analyzer()):
        terms = frozenset(t.text for t in analyzer("école Kayes Ségou 5"))
        fast, slow = FieldMarker(analyzer), FieldMarker(analyzer)
        slow.tokenizer = _Tokens(slow.tokenizer)
        spans = [fast.matches(text, terms) for text in texts]
        assert spans == [slow.matches(text, terms) for text in texts]
        assert len(spans[0]) >= 5 and len(spans[1]) >= 6, spans


def test_a_sheet_passage_is_cut_between_the_same_letters_as_by_the_plain_pattern():
    """snippets._BETWEEN_LETTERS opens with the space (the regex engine skips to it) rather than the
    look-behind of the letter before it: within any bounds, it finds what the plain pattern finds."""
    import random
    import re

    from engine.snippets import _BETWEEN_LETTERS

    plain = re.compile(r"(?<=[^\W\d_])\s+(?=[^\W\d_])")
    rng = random.Random(55)
    texts = ["a b", " a", "a  \n 1 b", "é\t\tb", "a_ b", "a ", "\u00a0a\u00a0b\u2003c", "x \n\n y", "Tél : 674 42 48"]
    texts += ["".join(rng.choice("ab1_ \n\t\u00a0é.-") for _ in range(rng.randint(0, 24))) for _ in range(3000)]
    for text in texts:
        for a in range(len(text) + 1):
            b = rng.randint(a, len(text))
            assert [m.span() for m in _BETWEEN_LETTERS.finditer(text, a, b)] == \
                [m.span() for m in plain.finditer(text, a, b)], (text, a, b)


def test_a_sheet_passage_shows_no_column_heads_of_its_actions_table():
    """The Mali form heads its actions table with its columns, wrapped in their cells: form
    furniture, which a snippet showed before the first row (Dourdan-Troumgoumbé, l.6116-6131):
    `… réalisées Date de début et périodicité Budget Eau et assainissement - Creusement d’un puits`.
    Blanked, lines and lengths kept; a `Budget` alone above a project's amount (Maroc l.3439) stays."""
    from engine.snippets import without_column_heads

    lines = [" Actions de coopération réalisées depuis 2000 (au Mali et en France) ", "",
             "Domaines ", "d’intervention ", "", "                Actions réalisées ", "", "",
             "Date de début et ", "périodicité ", "", "  Budget  ", "", "",
             "Eau et assainissement - Creusement d’un puits dans le village ", "de Takoutala. "]
    sheet = "\n".join(lines)
    at = sheet.index("réalisées \n")  # the passage began inside the heads
    cut = without_column_heads(sheet, at, len(sheet))
    assert len(cut) == len(sheet) - at
    assert " ".join(cut.split()) == "Eau et assainissement - Creusement d’un puits dans le village de Takoutala."
    whole = without_column_heads(sheet, 0, len(sheet))
    assert " ".join(whole.split()).startswith("Actions de coopération réalisées depuis 2000 (au Mali et en France) Eau")
    maroc = "Description du projet\n\nParticipation de l'ensemble des collectivités\n\nBudget\n\nBudget estimé : 5 000€"
    assert without_column_heads(maroc, 0, len(maroc)) == maroc
    # a passage far enough before the table is its slice, untouched; one reaching the heads is blanked
    long = "Historique du jumelage, commencé en 1985.\n" * 12 + sheet
    far = long.index("commencé", 100)
    assert without_column_heads(long, far, far + 60) == long[far:far + 60]
    near = long.index(" Actions de coopération")
    assert "périodicité" not in without_column_heads(long, near - 50, len(long))


def test_the_table_heads_search_starts_each_head_with_a_letter_and_finds_what_the_heads_find():
    """Whether a passage's surroundings name the actions or the dates (_TABLE_HEAD) is asked of every
    passage taken from a sheet: each head is searched from its first letter, which the search looks for
    first; an optional start (`(?:et )?périodicité`) made it try a match at every « e » of the text, 20
    times slower. It finds a head where the head words' own reading (indexer/column_heads.py) finds one."""
    from pathlib import Path

    from engine.snippets import _HEAD, _TABLE_HEAD

    for branch in re._parser.parse(_TABLE_HEAD.pattern)[0][1][1]:  # type: ignore[attr-defined]
        assert branch[0][0] == re._constants.LITERAL, branch  # type: ignore[attr-defined]
    heads = re.compile(f"{_HEAD.actions}|{_HEAD.periodicity}")
    lines = [line for p in sorted(Path("data").glob("*.txt")) for line in p.read_text(encoding="utf-8").split("\n")]
    lines += ["Date de début et périodicité", "et périodicité", "périodicités", "Actions réalisés", "Action réalisées"]
    assert sum(bool(_TABLE_HEAD.search(x)) for x in lines) > 50
    assert [bool(_TABLE_HEAD.search(x)) for x in lines] == [bool(heads.search(x)) for x in lines]


def test_no_snippet_shows_the_column_heads_of_an_actions_table(engine):
    """Dourdan-Troumgoumbé, found by `assainissement Kayes` through its sheet's actions table, showed
    the table's heads before its first row; Quetigny-Koulikoro by `santé` too."""
    for q, rid in (("assainissement Kayes", "dourdan--troumgoumbe"), ("santé", "quetigny--koulikoro")):
        r = engine.search(SearchRequest(q=q, per_page=50))
        snippet = next(h["snippet"] for h in r["results"] if h["id"] == rid)
        assert "<mark>" in snippet and "périodicité" not in snippet and "réalisées" not in snippet, snippet
