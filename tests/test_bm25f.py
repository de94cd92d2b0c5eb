"""BM25F (engine/bm25f.py): a word's frequencies are added across fields and
saturated once, so a word said once in three fields does not outweigh the
same word said three times in the text; each field's share of the score adds
up to it (what --explain shows)."""
from __future__ import annotations

import dataclasses
import math

import pytest
from whoosh import index as whoosh_index

from engine import ranking, ranking_profile
from engine.bm25f import Fielded, combine, idf
from engine.matching import Evaluator, FieldLengths
from engine.querybuild import build_query
from engine.querylang import parse_query
from indexer.schema import build_schema

PAD = "coopération entre les deux communes pour le développement local du cercle"


def test_one_saturation_bounded_by_the_words_idf():
    tfs = [{1: 1.0, 2: 10.0}, {1: 1.0, 3: 100.0}]
    scores, shares = combine(tfs, (2.0, 1.0), doc_count=100, k1=5.0, scale=0.5)
    cap = 0.5 * idf(100, 3) * 6.0
    assert all(0 < s < cap for s in scores.values())
    assert scores[3] > scores[2] > scores[1]
    for d, s in scores.items():  # the fields' shares add up to the score
        assert math.isclose(sum(p.get(d, 0.0) for p in shares), s)
    assert shares[0][1] == pytest.approx(2 * shares[1][1])  # in proportion to w_f * tf_f


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    ix = whoosh_index.create_in(str(tmp_path_factory.mktemp("bm25f")), build_schema())
    w = ix.writer()
    # `spread` says puits once in its title and once in its body, `repeated` three times in its
    # body; every title and every body is of the same length
    docs = {
        "spread": {"title": f"puits {PAD}", "body": f"puits {PAD} {PAD} {PAD}"},
        "repeated": {"title": f"forage {PAD}", "body": f"puits {PAD} puits {PAD} puits {PAD}"},
    }
    for i in range(20):
        docs[f"other{i}"] = {"title": f"forage {PAD}", "body": f"forage {PAD} {PAD} {PAD}"}
    for key, f in docs.items():
        w.add_document(id=key, type="partnership", pid=key, parties="", places="", domains_text="", sheet="", **f)
    w.commit()
    return ix


def _scores(ix, profile) -> dict[str, float]:
    with ranking_profile.use_profile(profile), ix.searcher(weighting=profile.weighting()) as searcher:
        built = build_query(searcher.schema, parse_query("puits"), {})
        if profile.bm25f:
            assert isinstance(built.groups[0].alternatives[0].scored, Fielded)
        r = ranking.rank(built, Evaluator(searcher, FieldLengths()).scores, searcher.doc_count_all())
        names = {d: searcher.stored_fields(d)["id"] for d in range(searcher.doc_count_all())}
        return {names[d]: s for d, s in (r.scores or {}).items()}


def test_a_word_in_several_fields_is_not_counted_several_times(index):
    p = ranking_profile.current()
    assert p.bm25f
    s = _scores(index, p)
    assert s["repeated"] > s["spread"] > 0  # 3 x body (1.0) > title (1.5) + body
    # the per-field sum saturates each field on its own: the word once in two fields wins
    old = _scores(index, dataclasses.replace(p, bm25f=False))
    assert old["spread"] > old["repeated"]


def test_a_fielded_term_writes_its_text_form_once():
    """The text form keys the match cache and an explanation asks each part's share: written out again
    each time, a truncation's 264 parts made `co*`'s explanation take 6 to 15 s (round 46)."""
    from whoosh import query as Q

    f = Fielded((("body", Q.Term("body", "eau")), ("title", Q.Term("title", "eau"))), (1.0, 2.0), 1.2)
    share = f.share(1)
    first, first_share = repr(f), repr(share)
    assert repr(f) is first and repr(share) is first_share
    assert repr(f) == "Fielded((('body', Term('body', 'eau')), ('title', Term('title', 'eau'))), (1.0, 2.0), 1.2, 1.0)"
    assert f.share(0) == f.share(0) and f.share(0) != f.share(1)
