"""The benchmark's pure parts (no server, no timing): percentiles, corpus
replication, the peers' answers on a tiny record set, the URLs they are sent."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from benchmarks.load import run_load
from benchmarks.peers import SqlitePeer, TantivyPeer, build_sqlite, build_tantivy, datasette_path
from benchmarks.replicate import replicate
from benchmarks.run import api_path
from benchmarks.stats import percentile
from benchmarks.workload import REQUESTS, Request


def test_percentile_nearest_rank():
    values = [float(x) for x in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 95) == 95.0
    assert percentile(values, 99) == 99.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0


def _p(pid, text, countries=("Mali",), domains=(), years=(), region=None):
    return {"id": pid, "type": "partnership", "title": pid, "original_text": text, "countries": list(countries),
            "domains": list(domains), "years": list(years), "french_party": {"name": "A"},
            "partner_party": {"name": "B", "region": region}}


RECORDS = [
    _p("kayes", "Puits et forages à Kayes\nligne 2\nligne 3\nligne 4\nligne 5", domains=["Eau et assainissement"],
       years=[2004], region="Kayes"),
    _p("segou", "École de Ségou", domains=["Éducation et formation"], years=[2004, 2006], region="Ségou"),
    _p("fes", "Médina de Fès", countries=["Maroc"], domains=["Culture et patrimoine"], region="Fès-Boulemane"),
]
ACTIONS = [{"id": "kayes--a01", "partnership_id": "kayes", "type": "action", "title": "Puits",
            "original_text": "Puits", "description": "Puits\nà\ngrand\ndiamètre\nKayes"}]


def test_replicate_makes_new_ids_and_varied_text():
    ps, acts = replicate(RECORDS, ACTIONS, 3)
    assert [p["id"] for p in ps] == ["kayes", "segou", "fes", "kayes-x1", "segou-x1", "fes-x1",
                                     "kayes-x2", "segou-x2", "fes-x2"]
    assert [a["id"] for a in acts] == ["kayes--a01", "kayes--a01-x1", "kayes--a01-x2"]
    assert acts[2]["partnership_id"] == "kayes-x2"
    # copy 1 drops line (7 % 5) = 2 of a long text and adds its marker; short texts keep their lines
    assert ps[3]["original_text"] == "Puits et forages à Kayes\nligne 2\nligne 4\nligne 5 variante1"
    assert ps[4]["original_text"] == "École de Ségou variante1"
    assert ps[3]["french_party"]["name"] == "A 1" and RECORDS[0]["french_party"]["name"] == "A"
    assert replicate(RECORDS, ACTIONS, 1) == (RECORDS, ACTIONS)


@pytest.fixture(scope="module")
def peers(tmp_path_factory):
    d = tmp_path_factory.mktemp("peers")
    build_sqlite(RECORDS, ACTIONS, d / "bench.db")
    try:
        import tantivy  # noqa: F401  (in the bench extra, not the test extra)
    except ImportError:
        return SqlitePeer(d / "bench.db"), None
    build_tantivy(RECORDS, ACTIONS, d / "tantivy")
    return SqlitePeer(d / "bench.db"), TantivyPeer(d / "tantivy")


@pytest.mark.parametrize("which", [0, 1])
def test_peers_answer_alike(peers, which):
    peer = peers[which]
    if peer is None:
        pytest.skip("tantivy is not installed (pip install -e '.[bench]')")
    r = peer.search(Request("ecole segou"))
    assert (r["total"], [h["id"] for h in r["results"]]) == (1, ["segou"])
    assert r["facets"]["year"] == {"2004": 1, "2006": 1}
    r = peer.search(Request("puits tombouctou"))  # no sheet has both words: any-word fallback
    assert [h["id"] for h in r["results"]] == ["kayes"]
    r = peer.search(Request("", {"year": (2004,)}))
    assert r["total"] == 2
    assert r["facets"]["country"] == {"Mali": 2}
    assert r["facets"]["domain"] == {"Eau et assainissement": 1, "Éducation et formation": 1}
    r = peer.search(Request("", {"country": ("Maroc",)}))
    assert [h["id"] for h in r["results"]] == ["fes"] and r["facets"]["region"] == {"Fès-Boulemane": 1}


def test_urls_carry_the_same_request():
    req = Request("santé", {"country": ("Mali",), "region": ("Kayes",)})
    ours = parse_qsl(urlsplit(api_path(req)).query)
    assert ours == [("q", "santé"), ("country", "Mali"), ("region", "Kayes"), ("per_page", "20")]
    ds = urlsplit(datasette_path(req))
    assert ds.path == "/bench/partnerships.json"
    assert parse_qsl(ds.query) == [("_search", "santé"), ("_facet_array", "country"), ("_facet_array", "domain"),
                                   ("_facet_array", "year"), ("_facet", "region"), ("country__arraycontains", "Mali"),
                                   ("region__exact", "Kayes"), ("_size", "20"), ("_col", "pid"), ("_col", "title")]
    assert len(REQUESTS) == 34


def test_load_generator_refuses_other_hosts():
    with pytest.raises(ValueError):
        run_load("http://10.0.0.1:80", ["/"], 1, 1, 1.0)
