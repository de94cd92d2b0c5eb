"""docs/benchmarks.md from the results of `repertoires bench`: cold figures
first, then start-up, builds, and warm figures; a ratio to each peer beside
each of our figures (ours ÷ peer: above 1, we are slower)."""
from __future__ import annotations

from .workload import COLD_SEED, PER_PAGE, REQUESTS

CLIENTS = (1, 8, 32)
# (what, scale, limit): the targets of issue 13
COLD_INPROC_P95_MS = {1: 10.0, 10: 40.0}
COLD_HTTP_P95_MS = {1: 15.0}
BUILD_SECONDS = {1: 4.0, 10: 30.0}
ONESHOT_SECONDS = {1: 0.3}
PEERS = (("sqlite", "SQLite FTS5 + SQL facets"), ("tantivy", "Tantivy"))


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def targets(results: dict) -> list[str]:
    """The targets, each with the figure measured in this run."""
    out = ["## Against the targets", ""]

    def line(ok: bool | None, text: str) -> None:
        out.append(f"- {'met' if ok else 'NOT met' if ok is not None else 'not measured'}: {text}")

    by = {s["factor"]: s for s in results["scales"]}
    for factor, limit in COLD_INPROC_P95_MS.items():
        c = (by.get(factor) or {}).get("cold_inproc", {}).get("ours")
        line(c["p95"] <= limit if c else None,
             f"cold, in process, p95 ≤ {limit:.0f} ms at {factor}×" + (f" ({c['p95']:.1f} ms)" if c else ""))
    for factor, limit in COLD_HTTP_P95_MS.items():
        h = (by.get(factor) or {}).get("cold_http", {}).get("ours")
        if h and h["errors"]:
            line(None, f"cold, over HTTP, p95 ≤ {limit:.0f} ms at {factor}×: {h['errors']} errors")
        else:
            line(h["p95"] <= limit if h else None,
                 f"cold, over HTTP, p95 ≤ {limit:.0f} ms at {factor}×" + (f" ({h['p95']:.1f} ms)" if h else ""))
    b = results.get("corpus_build")
    line(b["seconds"] <= BUILD_SECONDS[1] if b else None,
         f"build ≤ {BUILD_SECONDS[1]:.0f} s at 1× (parsing data/ and indexing)"
         + (f" ({b['seconds']:.1f} s)" if b else ""))
    for factor, limit in BUILD_SECONDS.items():
        if factor == 1:
            continue
        o = (by.get(factor) or {}).get("build_ours")
        line(o["seconds"] <= limit if o else None,
             f"build ≤ {limit:.0f} s at {factor}× (indexing the replicated records)"
             + (f" ({o['seconds']:.1f} s)" if o else ""))
    for factor, limit in ONESHOT_SECONDS.items():
        o = (by.get(factor) or {}).get("oneshot")
        line(o["median"] <= limit if o else None,
             f"one-shot `repertoires search` ≤ {limit} s at {factor}×"
             + (f" (median {o['median']:.2f} s, worst {o['max']:.2f} s of {o['runs']})" if o else ""))
    for f, s in sorted(by.items()):
        h32 = s.get("http", {}).get("ours", {}).get(32)
        if h32:
            line(h32["errors"] == 0, f"warm: no errors at 32 concurrent clients, {f}× ({h32['errors']} errors in "
                                     f"{h32['requests']} requests)")
        d, o = s.get("http", {}).get("datasette", {}), s.get("http", {}).get("ours", {})
        if d and o and not any(o[c]["errors"] for c in CLIENTS if c in o):
            slower = [c for c in CLIENTS if c in d and c in o and o[c]["rps"] < d[c]["rps"]]
            line(not slower, f"warm: no slower than Datasette at {f}× (req/s ours ÷ Datasette at 1/8/32 clients: "
                             + ", ".join(_ratio(o[c]["rps"], d[c]["rps"]) for c in CLIENTS if c in d and c in o) + ")")
    out += [("- ranking: the judged set's nDCG@10 is in docs/evaluation.md (the speed work changed no ranking: "
             "tests/test_fast_paths.py compares the scores with Whoosh's own)."), ""]
    return out


def _passes(results: dict) -> str:
    """How many fresh processes the in-process cold figures pool (older results: one)."""
    n = max((x.get("passes", 1) for s in results["scales"] for x in (s.get("cold_inproc") or {}).values()),
            default=1)
    if n == 1:
        return "each system is asked once, in one process"
    return (f"each system is asked in {n} fresh processes, the systems alternated so that the machine's load "
            f"falls on each alike; the figures are over all {n} passes' latencies (\"requests\"), the opening "
            "time and the first query's their medians")


def _cold(results: dict) -> list[str]:
    w = results.get("cold_workload") or {}
    kinds = ", ".join(f"{n} {k}" for k, n in (w.get("kinds") or {}).items())
    md = ["## Cold: distinct queries, each asked once", "",
          (f"{w.get('count', '?')} distinct queries generated from the corpus's own words (seed {COLD_SEED}, "
           f"`benchmarks/workload.py`): {kinds}; {w.get('filtered', '?')} of them with a facet filter. "
           f"Examples: {', '.join('`' + e + '`' for e in w.get('examples', []))}. "
           f"{PER_PAGE} results per page with facet counts. Each system answers them in a fresh process "
           "(in process) or a freshly started server (over HTTP), each query once, in the same order; our "
           "caches of matches, snippets and bodies are off (`Engine(caching=False)`, `serve --no-cache`). "
           f"In process, {_passes(results)}."), "",
          "### In process", "",
          "| scale | system | requests | p50 ms | p95 ms | p99 ms | ours ÷ peer p50 | ours ÷ peer p95 | open s |",
          "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for s in results["scales"]:
        c = s.get("cold_inproc") or {}
        o = c.get("ours")
        for name, label in (("ours", "ours (`Engine`, caches off)"), *PEERS):
            x = c.get(name)
            if not x:
                continue
            r50 = _ratio(o["p50"], x["p50"]) if o and name != "ours" else ""
            r95 = _ratio(o["p95"], x["p95"]) if o and name != "ours" else ""
            md.append(f"| {s['factor']}× | {label} | {x['n']} | {x['p50']:.2f} | {x['p95']:.2f} | {x['p99']:.2f} | "
                      f"{r50} | {r95} | {x['open_seconds']:.2f} |")
    md += ["", ("Ours by kind of query (in process; the first query also pays for what the engine makes on "
                "first use):"), "",
           "| scale | kind | requests | p50 ms | p95 ms | p99 ms |", "|---|---|---:|---:|---:|---:|"]
    for s in results["scales"]:
        o = (s.get("cold_inproc") or {}).get("ours")
        for kind, x in sorted(((o or {}).get("by_kind") or {}).items()):
            md.append(f"| {s['factor']}× | {kind} | {x['n']} | {x['p50']:.2f} | {x['p95']:.2f} | {x['p99']:.2f} |")
        if o:
            md.append(f"| {s['factor']}× | the first query | 1 | {o['first_ms']:.2f} |  |  |")
    if any(s.get("cold_http") for s in results["scales"]):
        md += ["", "### Over HTTP (one client, keep-alive)", "",
               ("| scale | server | requests | p50 ms | p95 ms | p99 ms | errors | ours ÷ Datasette p50 "
                "| ours ÷ Datasette p95 |"),
               "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
        for s in results["scales"]:
            h = s.get("cold_http") or {}
            o, d = h.get("ours"), h.get("datasette")
            for name, label in (("ours", "`repertoires serve --no-cache`"), ("datasette", "Datasette")):
                x = h.get(name)
                if not x:
                    continue
                valid = name == "ours" and d and not x["errors"]
                md.append(f"| {s['factor']}× | {label} | {x['requests']} | {x['p50']:.1f} | {x['p95']:.1f} | "
                          f"{x['p99']:.1f} | {x['errors']} | {_ratio(o['p50'], d['p50']) if valid else ''} | "
                          f"{_ratio(o['p95'], d['p95']) if valid else ''} |")
    return md + [""]


def _startup(results: dict) -> list[str]:
    md = ["## Start-up", "",
          ("A one-shot `repertoires search QUERY --index DIR` in a new process (interpreter, imports, opening the "
           "index, one search, printing), each run a different cold query, with the project's bytecode compiled "
           "first as an installed package has it (this machine sets PYTHONDONTWRITEBYTECODE, so an editable "
           "checkout would otherwise recompile its modules in every process); `repertoires serve` from process start "
           "to its first answer of `/api/status` (it checks the index is fresh first); opening the index in a "
           "running process."), "",
          ("| scale | one-shot search: median s | worst s | runs | `serve` ready s | Datasette ready s "
           "| engine open s |"),
          "|---|---:|---:|---:|---:|---:|---:|"]
    for s in results["scales"]:
        o = s.get("oneshot") or {}
        r = s.get("ready_seconds") or {}

        def fmt(x):
            return f"{x:.2f}" if isinstance(x, (int, float)) else ""
        md.append(f"| {s['factor']}× | {fmt(o.get('median'))} | {fmt(o.get('max'))} | {o.get('runs', '')} | "
                  f"{fmt(r.get('ours'))} | {fmt(r.get('datasette'))} | {fmt(s.get('open_seconds'))} |")
    return md + [""]


def _builds(results: dict) -> list[str]:
    md = ["## Builds", ""]
    b = results.get("corpus_build")
    if b:
        md += [(f"Whole corpus, `build_index(data/, …)` in its own process (parsing the five documents, two at a "
                f"time, and indexing): **{b['seconds']:.2f} s**, {b['documents']} index documents, peak memory "
                f"**{b['peak_mib']:.0f} MiB** (largest process: the build forks a helper for the speller's "
                "tables)."), ""]
    md += [("| scale | partnerships | actions | ours: s | ours: peak MiB | SQLite FTS5: s | Tantivy: s | "
            "peers' process peak MiB | ours ÷ SQLite | ours ÷ Tantivy |"),
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in results["scales"]:
        o, p = s["build_ours"], s["build_peers"]
        md.append(f"| {s['factor']}× | {s['partnerships']} | {s['actions']} | {o['seconds']:.2f} | "
                  f"{o['peak_mib']:.0f} | {p['sqlite_seconds']:.2f} | {p['tantivy_seconds']:.2f} | "
                  f"{p['peak_mib']:.0f} | "
                  f"{_ratio(o['seconds'], p['sqlite_seconds'])} | {_ratio(o['seconds'], p['tantivy_seconds'])} |")
    return md + [""]


def _warm(results: dict) -> list[str]:
    md = ["## Warm: a fixed workload, repeated", "",
          (f"{len(REQUESTS)} fixed requests (`benchmarks/workload.py`): "
           f"{sum(1 for r in REQUESTS if r.q and not r.filters)} text queries of the judged set, "
           f"{sum(1 for r in REQUESTS if r.q and r.filters)} with facet filters, {sum(1 for r in REQUESTS if not r.q)} "
           "browses; one pass to warm up, then repeated; our caches on."), "",
          "### In process", "",
          "| scale | system | requests | p50 ms | p95 ms | p99 ms | ours ÷ peer p50 | ours ÷ peer p95 |",
          "|---|---|---:|---:|---:|---:|---:|---:|"]
    for s in results["scales"]:
        o = s["inproc"]["ours"]
        for name, label in (("ours", "ours (Engine.search)"), *PEERS):
            x = s["inproc"][name]
            r50 = "" if name == "ours" else _ratio(o["p50"], x["p50"])
            r95 = "" if name == "ours" else _ratio(o["p95"], x["p95"])
            md.append(f"| {s['factor']}× | {label} | {x['n']} | {x['p50']:.2f} | {x['p95']:.2f} | {x['p99']:.2f} "
                      f"| {r50} | {r95} |")
    md += ["", "Our slowest requests (median ms; peers' medians on the same request):", "",
           "| scale | request | ours | SQLite | Tantivy |", "|---|---|---:|---:|---:|"]
    for s in results["scales"]:
        for label, a, sq, tv in s["slowest_ours"]:
            md.append(f"| {s['factor']}× | `{label}` | {a:.1f} | {sq:.1f} | {tv:.1f} |")
    if any(s["http"] for s in results["scales"]):
        md += ["", "### Over HTTP", "",
               ("| scale | server | clients | requests | req/s | p50 ms | p95 ms | p99 ms | errors "
                "| ours ÷ Datasette req/s | ours ÷ Datasette p50 |"),
               "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        if any(x["errors"] for s in results["scales"] for d in s["http"].values() for x in d.values()):
            md[-2:-2] = [("A row with errors does not measure search: its rate and latencies are those of the "
                          "error responses (the server's log in the work directory says why)."), ""]
        for s in results["scales"]:
            for name, label in (("ours", "`repertoires serve`"), ("datasette", "Datasette")):
                for clients, x in (s["http"].get(name) or {}).items():
                    d = (s["http"].get("datasette") or {}).get(clients)
                    valid = d and name == "ours" and not x["errors"]
                    rr = _ratio(x["rps"], d["rps"]) if valid else ""
                    rp = _ratio(x["p50"], d["p50"]) if valid else ""
                    md.append(f"| {s['factor']}× | {label} | {clients} | {x['requests']} | {x['rps']:.1f} "
                              f"| {x['p50']:.1f} | {x['p95']:.1f} | {x['p99']:.1f} | {x['errors']} | {rr} | {rp} |")
                    if x["error_examples"]:
                        md.append(f"|  |  |  | errors: {'; '.join(x['error_examples'])} |  |  |  |  |  |  |  |")
    return md + [""]


def _method() -> list[str]:
    return ["## What is measured", "",
            ("- Ours: `Engine.search` in process and `/api/search` over HTTP (`repertoires serve`, waitress, "
             "8 threads): BM25F over partnerships and actions in six fields with the field vocabulary's "
             "expansions, typo tolerance, grouping, snippets, 8 disjunctive facets."),
            ("- SQLite FTS5: one row per partnership (raw sheet text), bm25, counts of country/domain/year/region "
             "by `GROUP BY` over a facet table, in process."),
            ("- Datasette: the same SQLite file served by `datasette serve -i` (its `_search`, `_facet_array` for "
             "country/domain/year, `_facet` for region, array filters), over HTTP."),
            "- Tantivy: the same rows, lowercase + ASCII folding, the 4 facets by a terms aggregation, in process.",
            ("- Peers do less than ours: no snippets, no nested actions, no expansions or typo tolerance, "
             "conjunctive facet counts, 4 facets instead of 8. Every peer ANDs the words and falls back to any "
             "word when nothing matches, as ours does."),
            ("- Scale: the corpus replicated ×N (`benchmarks/replicate.py`): new ids, one line dropped and a marker "
             "word added per copy; every system is built from the same replicated records. The cold queries come "
             "from the 1× records, so they are the same at every scale."),
            ("- HTTP: a bounded load generator on 127.0.0.1 (`benchmarks/load.py`), keep-alive connections; a request "
             "taking over 30 s counts as an error."),
            "- Builds and cold runs are separate processes; peak memory is the child's `ru_maxrss`.",
            ("- What is not turned off in the cold runs: the per-process memos of word analysis (folding, stems, "
             "token normalisation, the highlighter's word terms) and of the records read so far; they start empty "
             "in each fresh process and fill as the queries meet words and results. The word tables, the record "
             "table and the document table are files of the index generation, made by the build."),
            ("- Each process imports the code when it starts: a work tree edited during a run makes later phases "
             "measure later code (the commit above is the one at the start)."), ""]


def _loads(values) -> str:
    return ", ".join(f"{x:.2f}" for x in values) if values else "not recorded"


def markdown(results: dict) -> str:
    m = results["machine"]
    md = ["# Benchmarks", "", ("Written by `repertoires bench` (rerun it rather than editing; "
           f"this run: `{results['command'].strip()}`, {results['seconds']:.0f} s)."), "",
          "## How to run", "",
          "```",
          "pip install -e '.[bench]'        # tantivy, datasette, ir-measures",
          "repertoires bench                     # 1x and 10x, about 5 minutes on 2 cores",
          "repertoires bench --scales 1,10,100   # adds 100x",
          "repertoires bench --from-results benchmarks/.work/results.json   # re-render this file only",
          "```", "",
          ("Options: `--cold N` (distinct cold queries), `--cold-passes N` (fresh processes per system, "
           "alternated), `--rounds`, `--inproc-seconds`, "
           "`--http-requests 300,800,1600` (warm budgets at 1/8/32 clients), `--http-seconds`, "
           "`--cold-http-seconds`, `--no-http`, `--no-datasette`, `--work DIR`. Servers listen on 127.0.0.1 "
           "on free ports and are stopped at the end; nothing leaves the machine. Never run by the unit tests."), "",
          "## Machine", "",
          f"- CPU: {m['cpu']}, {m['cores']} cores; memory {m['memory_gib']} GiB; {m['os']}",
          (f"- Python {m['python']}, SQLite {m['sqlite']}, Whoosh {m['whoosh']}, waitress {m['waitress']}, "
           f"Datasette {m['datasette']}, Tantivy (Python) {m['tantivy']}"),
          f"- Code measured: {m.get('revision', 'unknown')}",
          (f"- Load average at start: {_loads(m['load_average'])}; "
           f"at the end: {_loads(results.get('load_average_end'))} (the machine is shared with other work: "
           "every figure is inflated alike, peers' too)"), ""]
    md += targets(results)
    md += _cold(results)
    md += _startup(results)
    md += _builds(results)
    md += _warm(results)
    for f in results.get("failures", []):
        md += ["", f"**Scale not measured** — {f}"]
    md += _method()
    prof = [s for s in results["scales"] if s.get("profile")]
    if prof:
        s = prof[-1]
        md += [f"## Profile of a cold pass at {s['factor']}× (cProfile, caches off, each cold query once)", "",
               "```", s["profile"], "```", ""]
    return "\n".join(md)
