"""The benchmark's pure parts (no server, no timing): percentiles, corpus
replication, the peers' answers on a tiny record set, the URLs they are sent,
the cold workload's generator and the report's layout."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from analyzers import fold_text
from benchmarks.load import run_load
from benchmarks.peers import SqlitePeer, TantivyPeer, build_sqlite, build_tantivy, datasette_path
from benchmarks.replicate import load_records, replicate
from benchmarks.report import markdown
from benchmarks.run import api_path, cold_summary
from benchmarks.stats import percentile
from benchmarks.workload import COLD_COUNT, COLD_SEED, FAMILIES, PEER_FACETS, REQUESTS, Request, cold_requests


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


# --- the cold workload ---------------------------------------------------------

@pytest.fixture(scope="module")
def records(index_dir):
    return load_records(index_dir)


def test_cold_queries_are_distinct_and_of_every_family(records):
    reqs = cold_requests(*records)
    assert len(reqs) == COLD_COUNT >= 300
    assert len({fold_text(r.q) for r in reqs}) == len(reqs)  # distinct texts: no cache could answer another
    assert {r.kind for r in reqs} == {family for family, _ in FAMILIES}
    filtered = [r for r in reqs if r.filters]
    assert 0.25 * len(reqs) < len(filtered) < 0.45 * len(reqs)
    assert all(set(r.filters) <= set(PEER_FACETS) for r in filtered)  # every peer can apply them
    assert all(len(r.q.split()) >= 3 for r in reqs if r.kind == "three words")


def test_cold_queries_are_reproducible_across_processes(records, index_dir):
    labels = [r.label() for r in cold_requests(*records)]
    assert labels == [r.label() for r in cold_requests(*records)]
    assert labels != [r.label() for r in cold_requests(*records, seed=COLD_SEED + 1)]
    # string hashing differs between processes: the order of the words must not depend on it
    code = ("import json, sys; from benchmarks.replicate import load_records; "
            "from benchmarks.workload import cold_requests; "
            "print(json.dumps([r.label() for r in cold_requests(*load_records(sys.argv[1]))]))")
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code, str(index_dir)], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, cwd=Path(__file__).resolve().parent.parent,
                             check=True).stdout
        assert json.loads(out) == labels


def test_cold_passes_pool_their_latencies_and_take_medians_of_the_rest():
    requests = [Request("eau", {}, "single name"), Request("eau Gao", {"country": ("Mali",)}, "topic × place")]
    passes = [{"open_seconds": 0.02, "seconds": [0.010, 0.002]}, {"open_seconds": 0.05, "seconds": [0.030, 0.004]},
              {"open_seconds": 0.03, "seconds": [0.020, 0.006]}]
    out = cold_summary(passes, requests)
    assert (out["n"], out["passes"], out["open_seconds"]) == (6, 3, 0.03)
    assert out["first_ms"] == pytest.approx(20.0)  # the median first query, not the slowest
    assert out["by_kind"]["topic × place"]["n"] == 3 and out["by_kind"]["with a filter"]["n"] == 3
    assert out["p95"] == pytest.approx(30.0)


def test_report_puts_cold_figures_first_with_ratios():
    def summary(p50, p95):
        return {"n": 360, "p50": p50, "p95": p95, "p99": p95 * 2, "mean": p50}

    scale = {"factor": 1, "partnerships": 300, "actions": 562,
             "build_ours": {"seconds": 3.5, "peak_mib": 100}, "build_peers": {"sqlite_seconds": 0.05,
                                                                             "tantivy_seconds": 0.07, "peak_mib": 60},
             "cold_inproc": {"ours": {**summary(4.0, 8.0), "open_seconds": 0.05, "first_ms": 30.0,
                                      "by_kind": {"typo": summary(3.0, 6.0)}},
                             "sqlite": {**summary(2.0, 4.0), "open_seconds": 0.0},
                             "tantivy": {**summary(1.0, 2.0), "open_seconds": 0.0}},
             "cold_http": {"ours": {**summary(6.0, 20.0), "requests": 360, "errors": 0},
                           "datasette": {**summary(12.0, 40.0), "requests": 360, "errors": 0}},
             "oneshot": {"runs": 5, "median": 0.25, "max": 0.4, "queries": []},
             "ready_seconds": {"ours": 0.8, "datasette": 1.5}, "open_seconds": 0.05,
             "inproc": {k: summary(1.0, 2.0) for k in ("ours", "sqlite", "tantivy")}, "slowest_ours": [], "http": {}}
    md = markdown({"machine": {"cpu": "x", "cores": 2, "memory_gib": 1, "os": "Linux", "python": "3.11",
                               "sqlite": "3", "whoosh": "2.7.4", "waitress": "3", "datasette": "0.65",
                               "tantivy": "0.27", "load_average": (1.0, 1.0, 1.0)},
                   "command": "repertoires bench", "seconds": 60, "corpus_build": {"seconds": 3.9, "documents": 862,
                                                                                 "peak_mib": 100},
                   "scales": [scale]})
    assert md.index("## Cold") < md.index("## Start-up") < md.index("## Builds") < md.index("## Warm")
    assert "- met: cold, in process, p95 ≤ 10 ms at 1× (8.0 ms)" in md
    assert "- NOT met: cold, over HTTP, p95 ≤ 15 ms at 1× (20.0 ms)" in md
    assert "- met: one-shot `repertoires search` ≤ 0.3 s at 1× (median 0.25 s" in md
    assert "| 1× | SQLite FTS5 + SQL facets | 360 | 2.00 | 4.00 | 8.00 | 2.00 | 2.00 | 0.00 |" in md
    assert "| 1× | `repertoires serve --no-cache` | 360 | 6.0 | 20.0 | 40.0 | 0 | 0.50 | 0.50 |" in md
    assert "not measured: cold, in process, p95 ≤ 40 ms at 10×" in md
