"""A query's truncations share a budget of words (indexer/limits.py, engine/truncations.py): each was
expanded to its own 50 words and every word scored in every field, so 65 distinct two-letter
truncations (259 characters) held a core for 1,1 s on a first request (review r46). Past the budget,
each gets an equal share, the most frequent words first, and the answer says so in every format."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine import Engine, SearchRequest, truncations
from engine.querylang import Clause, parse_query
from engine.search import plan
from engine.truncations import Truncations
from indexer.limits import MAX_TRUNCATED_PHRASES, MAX_TRUNCATED_WORDS, TRUNCATED_WORDS_PER_QUERY
from repertoires.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIVE = "co* re* ma* de* pr*"  # five beginnings of more than 200 words each: 250 wanted
FOUR = "co* re* ma* de*"  # four: 200 wanted, as many as the budget
SAID = f"Les débuts de mots de cette recherche sont développés en {TRUNCATED_WORDS_PER_QUERY} mots au plus en tout"


def fake_starting(sizes: dict[str, int]):
    """The word tables' starting_with over a made-up vocabulary: `sizes[beginning]` words each."""
    def starting(begins: str, limit: int, after: tuple[str, ...] = ()) -> tuple[list[str], int]:
        n = sizes.get(begins, 0)
        return [f"{begins}{i:03d}" for i in range(min(n, limit))], n
    return starting


def words(text: str) -> list[Clause]:
    return [Clause("word", w) for w in text.split()]


def used(t: Truncations, clauses: list[Clause]) -> int:
    return sum(len(e.words) for c in clauses if (e := t.expansion(c)) is not None)


def test_truncations_wanting_no_more_than_the_budget_keep_their_own_words():
    clauses = words("aa* bb* cc*") + [Clause("phrase", "eau dd*")]
    t = Truncations(clauses, fake_starting({"aa": 500, "bb": 50, "cc": 7, "dd": 40}), budget=200)
    assert [len(t.expansion(c).words) for c in clauses] == [MAX_TRUNCATED_WORDS, 50, 7, MAX_TRUNCATED_PHRASES]
    assert t.notice() is None and not any(t.expansion(c).cut for c in clauses)


def test_past_the_budget_each_truncation_gets_an_equal_share_and_the_small_ones_theirs():
    clauses = words("aa* bb* cc* dd* ee* ff*")
    sizes = {"aa": 900, "bb": 300, "cc": 60, "dd": 55, "ee": 3, "ff": 0}
    t = Truncations(clauses, fake_starting(sizes), budget=100)
    got = {c.text: len(t.expansion(c).words) for c in clauses}
    assert got["ee*"] == 3 and got["ff*"] == 0  # fewer than a share: all of them
    assert sorted(got[w] for w in ("aa*", "bb*", "cc*", "dd*")) == [24, 24, 24, 25]  # (100 - 3) / 4
    assert used(t, clauses) <= 100
    assert t.expansion(clauses[0]).words == fake_starting(sizes)("aa", 24 + 1)[0][:got["aa*"]]  # the most frequent
    assert t.notice() == (f"Les débuts de mots de cette recherche sont développés en 100 mots au plus en tout, les "
                          f"plus fréquents de chacun : « aa* » {got['aa*']} mots sur 900, « bb* » {got['bb*']} mots "
                          f"sur 300, « cc* » {got['cc*']} mots sur 60 et « dd* » {got['dd*']} mots sur 55.")


def test_every_truncation_keeps_its_most_frequent_word_and_the_others_are_counted():
    beginnings = [a + b for a in "abcdefgh" for b in "xyz"]  # 24 truncations, a budget of 10
    clauses = words(" ".join(b + "*" for b in beginnings))
    t = Truncations(clauses, fake_starting({b: 1_500 for b in beginnings}), budget=10)
    assert all(len(t.expansion(c).words) == 1 for c in clauses)
    one = "1 mot sur 1\u202f500"  # singular, and the thousands' narrow space
    said = t.notice()
    assert said.endswith(f"« ax* » {one}, « ay* » {one}, « az* » {one}, « bx* » {one} et 20 autres (1 mot chacun).")


def test_a_truncation_typed_in_two_groups_counts_twice_and_gets_the_same_words():
    pq = parse_query("co* OR eau co* OR santé ma*")
    clauses = [c for g in pq.groups for c in g]
    t = Truncations(clauses, fake_starting({"co": 400, "ma": 400}), budget=90)
    co = [t.expansion(c) for c in clauses if c.text == "co*"]
    assert len(co) == 2 and co[0] == co[1] and len(co[0].words) == 30 == len(t.expansion(clauses[-1]).words)
    assert used(t, clauses) == 90


def test_the_budget_holds_on_the_index(engine):
    """65 distinct two-letter truncations: 65 x 50 words before (3 250), now at most the budget."""
    state = engine.state()
    pairs = sorted((state.vocabulary.starting_with(a + b, 0)[1], a + b) for a in "abcdefghilmnoprstuv"
                   for b in "aeiorun")[-65:]
    q = " ".join(p + "*" for _, p in pairs)
    assert len(q) <= 260
    built = plan(state, parse_query(q))
    searched = {str(term.text) for g in built.groups for a in g.alternatives if a.via == "truncated"
                for f, term in a.parts if f == "body"}
    assert 65 <= len(searched) <= TRUNCATED_WORDS_PER_QUERY  # (a word's stem once; each beginning its first)
    assert any(n.startswith(SAID) and "et 61 autres" in n for n in built.notices)


def _run(engine: Engine, q: str) -> dict:
    return engine.search(SearchRequest(q=q, per_page=100, facets=False))


def test_an_ordinary_truncation_is_untouched(index_dir, monkeypatch):
    """Truncations wanting the budget or less search the words they searched alone, with their own notices."""
    fresh = Engine(index_dir, caching=False)
    for q in ("co* eau", FOUR, "assainiss* sant* mali", '"eau pot*" agri*'):
        r = _run(fresh, q)
        assert not any(n.startswith(SAID) for n in r["query"]["notices"])
        monkeypatch.setattr(truncations, "TRUNCATED_WORDS_PER_QUERY", 10_000)
        unbounded = _run(fresh, q)
        monkeypatch.undo()
        assert [h["id"] for h in r["results"]] == [h["id"] for h in unbounded["results"]] != []
        assert r["query"]["notices"] == unbounded["query"]["notices"]
    four = _run(fresh, FOUR)["query"]["notices"]
    assert sum("la recherche porte sur les 50 plus fréquents." in n for n in four) == 4


def test_a_query_past_the_budget_lists_other_results_than_unbounded(index_dir, monkeypatch):
    fresh = Engine(index_dir, caching=False)
    cut = _run(fresh, FIVE)
    monkeypatch.setattr(truncations, "TRUNCATED_WORDS_PER_QUERY", 10_000)
    unbounded = _run(fresh, FIVE)
    assert [(h["id"], h["score"]) for h in cut["results"]] != [(h["id"], h["score"]) for h in unbounded["results"]]
    assert not any(n.startswith(SAID) for n in unbounded["query"]["notices"])


@pytest.fixture(scope="module")
def five_said(engine) -> str:
    """The budget's notice for FIVE, from the word tables: each beginning its equal share."""
    from indexer.text import french_list

    tables, per = engine.state().vocabulary, TRUNCATED_WORDS_PER_QUERY // 5
    counts = [tables.starting_with(w.rstrip("*"), 0)[1] for w in FIVE.split()]
    assert min(counts) > MAX_TRUNCATED_WORDS  # each alone would be cut to its 50 words: 250 wanted
    each = [f"« {w} » {per} mots sur {n:,}".replace(",", "\u202f") for w, n in zip(FIVE.split(), counts, strict=True)]
    return f"{SAID}, les plus fréquents de chacun : {french_list(each)}."


def test_the_api_says_the_budget(client, five_said):
    notices = client.get("/api/search", query_string={"q": FIVE}).get_json()["query"]["notices"]
    assert five_said in notices
    assert not any("commencent ainsi" in n for n in notices)  # the budget's notice says it for each


def test_the_page_says_the_budget(client, five_said):
    from search_app.typography import french_spacing

    html = client.get("/", query_string={"q": FIVE}).get_data(as_text=True)
    assert f'<p class="notice">{french_spacing(five_said)}</p>' in html


def test_the_command_line_says_the_budget(index_dir, capsys, five_said):
    assert main(["search", FIVE, "--index", str(index_dir), "--per-page", "1"]) == 0
    assert f"note : {five_said}" in capsys.readouterr().out


def test_the_docs_say_the_budget():
    api = (ROOT / "docs" / "api.md").read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    about = (ROOT / "search_app" / "templates" / "about.html").read_text("utf-8")
    assert f"at most {TRUNCATED_WORDS_PER_QUERY} words for all of a query's truncations" in api
    assert f"{TRUNCATED_WORDS_PER_QUERY} for all of a query's truncations" in " ".join(readme.split())
    spelled = {200: "deux cents"}[TRUNCATED_WORDS_PER_QUERY]  # the page writes its numbers in words
    assert f"{spelled} au plus pour tous les débuts de mots d'une recherche" in about


def test_the_truncation_bounds_and_q_length_have_one_home():
    from engine import querybuild
    from indexer import limits
    from search_app import openapi, params

    assert not hasattr(querybuild, "MAX_TRUNCATED_WORDS")  # it wrote its own 50 and 10
    # small integers are one object however written (review 3 of r47): read that no module writes its own
    written = re.compile(r"^\s*(MAX_TRUNCATED_WORDS|MAX_TRUNCATED_PHRASES|TRUNCATED_WORDS_PER_QUERY|MAX_QUERY_CHARS)"
                         r"\s*=|maxlength=\"\d|len\(q\) <= \d", re.MULTILINE)
    own = [str(path.relative_to(ROOT)) for folder in ("engine", "search_app", "indexer", "repertoires")
           for path in (ROOT / folder).rglob("*.*") if path.suffix in (".py", ".html")
           and path.name != "limits.py" and written.search(path.read_text("utf-8"))]
    assert own == []
    assert params.MAX_QUERY_CHARS is openapi.MAX_QUERY_CHARS is limits.MAX_QUERY_CHARS


def test_a_phrase_s_truncation_is_named_by_its_phrase():
    """`"eau co*" co* …`: two different « co* » counts in one notice (review 3 of r47, L2)."""
    clauses = [Clause("phrase", "eau co*")] + words("co* re* ma* de* pr*")
    t = Truncations(clauses, fake_starting({b: 300 for b in ("co", "re", "ma", "de", "pr")}), budget=20)
    said = t.notice()
    assert said is not None and "« eau co* » " in said and said.count("« co* » ") == 1
