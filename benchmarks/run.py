"""`repertoires bench`: build times and peak memory, in-process latency, HTTP
throughput at 1/8/32 clients, against SQLite FTS5, Datasette and Tantivy, at
several corpus scales; writes docs/benchmarks.md."""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from .machine import describe
from .stats import summary_ms
from .workload import PER_PAGE, REQUESTS, Request

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORK = ROOT / "benchmarks" / ".work"
DEFAULT_REPORT = ROOT / "docs" / "benchmarks.md"
CLIENTS = (1, 8, 32)


def run_build(kind: str, src: Path, dst: Path) -> dict:
    """A build in a child process: its own figures plus its peak resident memory."""
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.buildproc", kind, str(src), str(dst)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"build {kind} {src} failed ({proc.returncode}): {err[-2000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_mib"] = usage.ru_maxrss / 1024
    return result


def _timed(fn, requests: list[Request], max_seconds: float, rounds: int) -> tuple[dict, dict[str, list[float]]]:
    for r in requests:  # warm caches, open searchers
        fn(r)
    samples: list[float] = []
    per_request: dict[str, list[float]] = {}
    deadline = time.perf_counter() + max_seconds
    for _ in range(rounds):
        for r in requests:
            t0 = time.perf_counter()
            fn(r)
            dt = time.perf_counter() - t0
            samples.append(dt)
            per_request.setdefault(r.label(), []).append(dt)
        if time.perf_counter() > deadline:
            break
    return summary_ms(samples), per_request


def ours_fn(engine):
    from engine import SearchRequest

    def run(r: Request):
        return engine.search(SearchRequest(q=r.q, filters={k: list(v) for k, v in r.filters.items()},
                                           per_page=PER_PAGE))
    return run


def api_path(r: Request) -> str:
    params = [("q", r.q)] + [(k, str(v)) for k, vs in r.filters.items() for v in vs] + [("per_page", str(PER_PAGE))]
    return "/api/search?" + urlencode(params)


def profile_ours(engine, requests: list[Request], top: int = 18) -> str:
    fn = ours_fn(engine)
    prof = cProfile.Profile()
    prof.enable()
    for r in requests:
        fn(r)
    prof.disable()
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    st.sort_stats("cumulative").print_stats(top)
    buf.write("\n--- by own time ---\n")
    st.sort_stats("tottime").print_stats(top)
    text = buf.getvalue().replace(str(ROOT) + "/", "")
    return "\n".join(line for line in text.splitlines() if line.strip() and not line.startswith("   Ordered by"))


def bench_scale(factor: int, base: tuple[list, list], args, work: Path, log) -> dict:
    from engine import Engine

    from .load import run_load
    from .peers import DB_NAME, TANTIVY_DIR, SqlitePeer, TantivyPeer, datasette_path
    from .replicate import replicate, write_records
    from .servers import start_datasette, start_ours

    res: dict = {"factor": factor}
    ps, acts = replicate(*base, factor)
    res["partnerships"], res["actions"] = len(ps), len(acts)
    rec_file = work / f"records-{factor}x.jsonl"
    write_records(rec_file, ps, acts)
    del ps, acts
    index_dir, peers_dir = work / f"index-{factor}x", work / f"peers-{factor}x"
    shutil.rmtree(index_dir, ignore_errors=True)
    log(f"[{factor}x] building our index from {res['partnerships']} partnerships, {res['actions']} actions")
    res["build_ours"] = run_build("records", rec_file, index_dir)
    log(f"[{factor}x]   {res['build_ours']['seconds']:.1f} s, peak {res['build_ours']['peak_mib']:.0f} MiB; building peers")
    res["build_peers"] = run_build("peers", rec_file, peers_dir)

    engine = Engine(index_dir)
    t0 = time.perf_counter()
    engine.state()
    res["open_seconds"] = time.perf_counter() - t0
    sqlite_peer = SqlitePeer(peers_dir / DB_NAME)
    tantivy_peer = TantivyPeer(peers_dir / TANTIVY_DIR)
    res["inproc"] = {}
    per_request = {}
    for name, fn in (("ours", ours_fn(engine)), ("sqlite", sqlite_peer.search), ("tantivy", tantivy_peer.search)):
        log(f"[{factor}x] in-process latency: {name}")
        res["inproc"][name], per_request[name] = _timed(fn, REQUESTS, args.inproc_seconds, args.rounds)
    def med(v: list[float]) -> float:
        return sorted(v)[len(v) // 2] * 1000 if v else float("nan")

    slow = sorted(per_request["ours"].items(), key=lambda kv: -med(kv[1]))[:6]
    res["slowest_ours"] = [(label, med(v), med(per_request["sqlite"].get(label, [])),
                            med(per_request["tantivy"].get(label, []))) for label, v in slow]
    if factor == max(args.scales):
        res["profile"] = profile_ours(engine, REQUESTS)
    del engine

    res["http"] = {}
    if not args.no_http:
        budgets = dict(zip(CLIENTS, args.http_requests))
        servers = [("ours", lambda: start_ours(index_dir, args.data, work / f"serve-{factor}x.log"), api_path)]
        if not args.no_datasette:
            servers.append(("datasette", lambda: start_datasette(peers_dir / DB_NAME, work / f"datasette-{factor}x.log"),
                            datasette_path))
        for name, start, to_path in servers:
            paths = [to_path(r) for r in REQUESTS]
            with start() as server:
                server.wait_ready()
                res["http"][name] = {}
                for clients in CLIENTS:
                    log(f"[{factor}x] HTTP {name}: {clients} client(s)")
                    first = clients == CLIENTS[0]
                    res["http"][name][clients] = run_load(server.base_url, paths, clients, budgets[clients],
                                                          args.http_seconds, warmup=len(paths) if first else 0)
    return res


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def targets(results: dict) -> list[str]:
    """The issue's targets, each with the figure measured in this run."""
    out = ["## Against the targets", ""]

    def line(ok: bool | None, text: str) -> None:
        out.append(f"- {'met' if ok else 'NOT met' if ok is not None else 'not measured'}: {text}")

    b = results.get("corpus_build")
    line(b["seconds"] < 10 if b else None, f"whole-corpus build under 10 s ({b['seconds']:.1f} s)" if b else "whole-corpus build")
    by = {s["factor"]: s for s in results["scales"]}
    for factor, limit in ((1, 15), (10, 60)):
        s = by.get(factor)
        h = (s or {}).get("http", {}).get("ours", {}).get(1) if s else None
        if h and h["errors"]:
            line(None, f"`/api/search` p95 under {limit} ms at {factor}×: the server answered errors over HTTP; "
                       f"in-process p95 {s['inproc']['ours']['p95']:.1f} ms")
        elif h:
            line(h["p95"] < limit, f"`/api/search` with facets, p95 under {limit} ms at {factor}× "
                                   f"({h['p95']:.1f} ms over HTTP, 1 client; in-process {s['inproc']['ours']['p95']:.1f} ms)")
        else:
            line(None, f"`/api/search` p95 under {limit} ms at {factor}×")
    for f, s in sorted(by.items()):
        h32 = s.get("http", {}).get("ours", {}).get(32)
        if h32:
            line(h32["errors"] == 0, f"no errors at 32 concurrent clients, {f}× ({h32['errors']} errors in {h32['requests']} requests)")
        d = s.get("http", {}).get("datasette", {})
        o = s.get("http", {}).get("ours", {})
        if d and o and any(o[c]["errors"] for c in CLIENTS if c in o):
            line(None, f"no slower than Datasette at {f}×: our server answered errors, so its rates measure "
                       "error responses (see the HTTP table)")
        elif d and o:
            slower = [c for c in CLIENTS if c in d and c in o and o[c]["rps"] < d[c]["rps"]]
            line(not slower, f"no slower than Datasette at {f}× (req/s ours ÷ Datasette at 1/8/32 clients: "
                             + ", ".join(_ratio(o[c]["rps"], d[c]["rps"]) for c in CLIENTS if c in d and c in o) + ")")
    out.append("- nDCG@10 at least 25% above the SQLite FTS5 baseline: see docs/evaluation.md.")
    out.append("")
    return out


def markdown(results: dict) -> str:
    m = results["machine"]
    md = ["# Benchmarks", "", "Written by `repertoires bench` (rerun it rather than editing; "
          f"this run: `{results['command']}`, {results['seconds']:.0f} s).", "",
          "## How to run", "",
          "```",
          "pip install -e '.[bench]'        # tantivy, datasette, ir-measures",
          "repertoires bench                     # 1x and 10x, about 9 minutes on 2 cores",
          "repertoires bench --scales 1,10,100   # adds 100x, about 25 minutes more",
          "repertoires bench --from-results benchmarks/.work/results.json   # re-render this file only",
          "```", "",
          "Options: `--rounds`, `--inproc-seconds`, `--http-requests 300,800,1600` "
          "(budgets at 1/8/32 clients), `--http-seconds`, `--no-http`, `--no-datasette`, `--work DIR`. "
          "Servers listen on 127.0.0.1 on free ports and are stopped at the end; nothing leaves the machine. "
          "Never run by the unit tests.", "",
          "## Machine", "",
          f"- CPU: {m['cpu']}, {m['cores']} cores; memory {m['memory_gib']} GiB; {m['os']}",
          f"- Python {m['python']}, SQLite {m['sqlite']}, Whoosh {m['whoosh']}, waitress {m['waitress']}, "
          f"Datasette {m['datasette']}, Tantivy (Python) {m['tantivy']}",
          f"- Code measured: {m.get('revision', 'unknown')}",
          f"- Load average at start: {', '.join(f'{x:.2f}' for x in m['load_average'])} "
          "(the machine is shared: other work running at the same time inflates every figure alike)", "",
          "## What is measured", "",
          f"- Workload: {len(REQUESTS)} fixed requests (`benchmarks/workload.py`): {sum(1 for r in REQUESTS if r.q and not r.filters)} "
          f"text queries from the judged set, {sum(1 for r in REQUESTS if r.q and r.filters)} text queries with facet "
          f"filters, {sum(1 for r in REQUESTS if not r.q)} filtered or unfiltered browses; {PER_PAGE} results per page, "
          "facet counts on every request.",
          "- Ours: `Engine.search` (in-process) and `/api/search` over HTTP (`repertoires serve`, waitress, 8 threads): "
          "BM25F over partnerships and actions, grouping, snippets, 8 disjunctive facets.",
          "- SQLite FTS5: one row per partnership (raw sheet text), bm25, counts of country/domain/year/region "
          "by `GROUP BY` over a facet table, in the same process.",
          "- Datasette: the same SQLite file served by `datasette serve -i` (its `_search`, `_facet_array` for "
          "country/domain/year, `_facet` for region, array filters), over HTTP.",
          "- Tantivy: the same rows, lowercase + ASCII folding, the 4 facets by a terms aggregation, in-process.",
          "- Peers do a little less than ours: no snippets, no nested actions, conjunctive facet counts, 4 facets "
          "instead of 8. Ratios are ours ÷ peer for latencies (above 1: we are slower) and for requests per second "
          "(below 1: we serve fewer).",
          "- Scale: the corpus replicated ×N (`benchmarks/replicate.py`): new ids, one line dropped and a marker word "
          "added per copy; every system is built from the same replicated records.",
          "- HTTP: a bounded load generator on 127.0.0.1 (`benchmarks/load.py`), keep-alive connections, "
          "a warm-up pass before the first level, then a request budget or a time budget per level, whichever "
          "ends first; a request taking over 30 s counts as an error.",
          "- Each build process and server imports the code when it starts: a work tree edited during a run "
          "makes later phases measure later code (the commit above is the one at the start).", ""]
    md += targets(results)
    b = results.get("corpus_build")
    if b:
        md += ["## Whole-corpus build", "",
               f"`build_index(data/, …)` in its own process (parsing the five documents and indexing): "
               f"**{b['seconds']:.2f} s**, {b['documents']} index documents, peak memory **{b['peak_mib']:.0f} MiB**.", ""]
    md += ["## Builds by scale", "",
           "| scale | partnerships | actions | ours: seconds | ours: peak MiB | SQLite FTS5: s | Tantivy: s | peers' process peak MiB | our index open (s) |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in results["scales"]:
        o, p = s["build_ours"], s["build_peers"]
        md.append(f"| {s['factor']}× | {s['partnerships']} | {s['actions']} | {o['seconds']:.2f} | {o['peak_mib']:.0f} | "
                  f"{p['sqlite_seconds']:.2f} | {p['tantivy_seconds']:.2f} | {p['peak_mib']:.0f} | {s['open_seconds']:.2f} |")
    md += ["", "## In-process latency (ms, all requests of the workload)", "",
           "| scale | system | requests | p50 | p95 | p99 | ours ÷ peer p50 | ours ÷ peer p95 |", "|---|---|---:|---:|---:|---:|---:|---:|"]
    for s in results["scales"]:
        o = s["inproc"]["ours"]
        for name, label in (("ours", "ours (Engine.search)"), ("sqlite", "SQLite FTS5 + SQL facets"), ("tantivy", "Tantivy")):
            x = s["inproc"][name]
            r50 = "" if name == "ours" else _ratio(o["p50"], x["p50"])
            r95 = "" if name == "ours" else _ratio(o["p95"], x["p95"])
            md.append(f"| {s['factor']}× | {label} | {x['n']} | {x['p50']:.2f} | {x['p95']:.2f} | {x['p99']:.2f} | {r50} | {r95} |")
    md += ["", "### Our slowest requests (median ms; peers' medians on the same request)", "",
           "| scale | request | ours | SQLite | Tantivy |", "|---|---|---:|---:|---:|"]
    for s in results["scales"]:
        for label, a, sq, tv in s["slowest_ours"]:
            md.append(f"| {s['factor']}× | `{label}` | {a:.1f} | {sq:.1f} | {tv:.1f} |")
    if any(s["http"] for s in results["scales"]):
        md += ["", "## Over HTTP", "",
               "| scale | server | clients | requests | req/s | p50 ms | p95 ms | p99 ms | errors | ours ÷ Datasette req/s | ours ÷ Datasette p50 |",
               "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        if any(x["errors"] for s in results["scales"] for d in s["http"].values() for x in d.values()):
            md[-2:-2] = ["A row with errors does not measure search: its rate and latencies are those of the "
                         "error responses (the server's log in the work directory says why).", ""]
        for s in results["scales"]:
            for name, label in (("ours", "`repertoires serve`"), ("datasette", "Datasette")):
                for clients, x in (s["http"].get(name) or {}).items():
                    d = (s["http"].get("datasette") or {}).get(clients)
                    valid = d and name == "ours" and not x["errors"]
                    rr = _ratio(x["rps"], d["rps"]) if valid else ""
                    rp = _ratio(x["p50"], d["p50"]) if valid else ""
                    md.append(f"| {s['factor']}× | {label} | {clients} | {x['requests']} | {x['rps']:.1f} | {x['p50']:.1f} | "
                              f"{x['p95']:.1f} | {x['p99']:.1f} | {x['errors']} | {rr} | {rp} |")
                    if x["error_examples"]:
                        md.append(f"|  |  |  | errors: {'; '.join(x['error_examples'])} |  |  |  |  |  |  |  |")
    for f in results.get("failures", []):
        md += ["", f"**Scale not measured** — {f}"]
    prof = [s for s in results["scales"] if s.get("profile")]
    if prof:
        s = prof[-1]
        md += ["", f"## Profile of our search at {s['factor']}× (cProfile, one pass over the workload)", "",
               "```", s["profile"], "```", ""]
    md.append("")
    return "\n".join(md)


def main(argv: list[str] | None = None) -> int:
    from indexer.corpus import DEFAULT_DATA_DIR

    p = argparse.ArgumentParser(prog="repertoires bench", description=__doc__)
    p.add_argument("--scales", default="1,10", help="corpus replication factors, comma-separated (default 1,10; "
                                                     "1,10,100 takes about half an hour on 2 cores)")
    p.add_argument("--data", type=Path, default=Path(DEFAULT_DATA_DIR), metavar="DIR")
    p.add_argument("--work", type=Path, default=DEFAULT_WORK, metavar="DIR",
                   help="where indexes, replicated records and server logs go (default benchmarks/.work)")
    p.add_argument("--report", type=Path, default=DEFAULT_REPORT, metavar="FILE")
    p.add_argument("--no-report", action="store_true", help="print the Markdown instead of writing it")
    p.add_argument("--rounds", type=int, default=10, help="passes over the workload in-process (default 10)")
    p.add_argument("--inproc-seconds", type=float, default=20.0, help="time budget per system in-process (default 20)")
    p.add_argument("--http-requests", default="300,800,1600", help="request budgets at 1,8,32 clients")
    p.add_argument("--http-seconds", type=float, default=20.0, help="time budget per concurrency level (default 20)")
    p.add_argument("--no-http", action="store_true")
    p.add_argument("--no-datasette", action="store_true")
    p.add_argument("--from-results", type=Path, metavar="FILE",
                   help="render the report from a results.json of an earlier run, without measuring")
    args = p.parse_args(argv)
    if args.from_results:
        results = json.loads(args.from_results.read_text(encoding="utf-8"))
        for s in results["scales"]:  # JSON turned the client counts into strings
            s["http"] = {k: {int(c): v for c, v in d.items()} for k, d in s.get("http", {}).items()}
        md = markdown(results)
        if args.no_report:
            print(md)
        else:
            args.report.write_text(md, encoding="utf-8")
            print(f"wrote {args.report}", file=sys.stderr)
        return 0
    args.scales = sorted({int(x) for x in args.scales.split(",") if x.strip()})
    args.http_requests = [int(x) for x in args.http_requests.split(",")]
    if len(args.http_requests) != len(CLIENTS) or not args.scales or min(args.scales) < 1:
        p.error("--http-requests needs three numbers, --scales positive integers")

    started = time.perf_counter()
    work = args.work
    work.mkdir(parents=True, exist_ok=True)

    def log(msg: str) -> None:
        print(f"{time.perf_counter() - started:7.1f} s  {msg}", file=sys.stderr, flush=True)

    from .replicate import load_records

    results = {"machine": describe(), "scales": [],
               "command": "repertoires bench " + " ".join(argv or [])}
    corpus_index = work / "index-corpus"
    shutil.rmtree(corpus_index, ignore_errors=True)
    log("building the whole corpus (parsing + indexing)")
    results["corpus_build"] = run_build("corpus", args.data, corpus_index)
    log(f"  {results['corpus_build']['seconds']:.1f} s, peak {results['corpus_build']['peak_mib']:.0f} MiB")
    base = load_records(corpus_index)
    for factor in args.scales:
        try:
            results["scales"].append(bench_scale(factor, base, args, work, log))
        except Exception as exc:  # keep what the smaller scales measured
            log(f"[{factor}x] failed: {type(exc).__name__}: {exc}")
            results.setdefault("failures", []).append(f"{factor}×: {type(exc).__name__}: {exc}")
        results["seconds"] = time.perf_counter() - started
        (work / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str),
                                           encoding="utf-8")
    results["seconds"] = time.perf_counter() - started
    (work / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    md = markdown(results)
    if args.no_report:
        print(md)
    else:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(md, encoding="utf-8")
        log(f"wrote {args.report}")
    return 0
