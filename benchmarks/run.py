"""`repertoires bench`: speed as users meet it, against SQLite FTS5, Tantivy
and Datasette, at several corpus scales; writes docs/benchmarks.md.

Cold first: hundreds of distinct queries generated from the corpus's words,
each asked once, our caches off, every system in a fresh process (in
process) or a freshly started server (over HTTP). Then start-up (a one-shot
`repertoires search`, `serve` ready), builds, and warm figures: a fixed
workload repeated, and HTTP throughput at 1, 8 and 32 clients."""
from __future__ import annotations

import compileall
import cProfile
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from engine import Engine, SearchRequest
from indexer.corpus import DEFAULT_DATA_DIR
from repertoires.args import ArgumentParser

from .coldproc import write_requests
from .load import run_load
from .machine import describe
from .peers import DB_NAME, TANTIVY_DIR, SqlitePeer, TantivyPeer, datasette_path
from .replicate import load_records, replicate, write_records
from .report import markdown
from .servers import start_datasette, start_ours
from .stats import summary_ms
from .workload import COLD_COUNT, PER_PAGE, REQUESTS, Request, cold_requests

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORK = ROOT / "benchmarks" / ".work"
DEFAULT_REPORT = ROOT / "docs" / "benchmarks.md"
CLIENTS = (1, 8, 32)
ONESHOT_RUNS = 5


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
    # ru_maxrss of the child: with forked helpers (parsing, speller tables) this is the largest process
    result["peak_mib"] = usage.ru_maxrss / 1024
    return result


def cold_pass(system: str, where: Path, requests_file: Path) -> dict:
    """The cold workload once, in a fresh process of `system`: its opening time and one latency a request."""
    proc = subprocess.run([sys.executable, "-m", "benchmarks.coldproc", system, str(where), str(requests_file)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"cold run of {system} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cold_summary(passes: list[dict], requests: list[Request]) -> dict:
    """The figures of one system's cold passes (each a fresh process asking every request once), over
    all their latencies: one pass on a shared machine moves its p95 by a millisecond or two."""
    seconds = [s for one in passes for s in one["seconds"]]
    out = {"open_seconds": statistics.median(one["open_seconds"] for one in passes), **summary_ms(seconds),
           "passes": len(passes)}
    by_kind: dict[str, list[float]] = {}
    for one in passes:
        for r, s in zip(requests, one["seconds"], strict=True):
            by_kind.setdefault(r.kind, []).append(s)
            if r.filters:
                by_kind.setdefault("with a filter", []).append(s)
    out["by_kind"] = {k: summary_ms(v) for k, v in by_kind.items()}
    out["first_ms"] = statistics.median(one["seconds"][0] for one in passes) * 1000
    return out


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


PACKAGES = ("analyzers", "engine", "indexer", "repertoires", "search_app")


def compile_project() -> None:
    """The project's bytecode written beforehand, as an installed package has it: under
    PYTHONDONTWRITEBYTECODE an editable checkout would otherwise compile its modules
    from source in every new process (about 0.1 s of a one-shot search)."""
    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=1)


def oneshot(index_dir: Path, requests: list[Request]) -> dict:
    """`repertoires search "…"` as a user runs it: a new process each time, a different query each time."""
    compile_project()
    script = Path(sys.executable).with_name("repertoires")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "repertoires.cli"]
    seconds = []
    for r in requests:
        t0 = time.perf_counter()
        proc = subprocess.run([*cmd, "search", r.q, "--index", str(index_dir)], cwd=ROOT, capture_output=True,
                              check=False)
        seconds.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise RuntimeError(f"repertoires search {r.q!r} failed: {proc.stderr.decode()[-1000:]}")
    return {"runs": len(seconds), "median": statistics.median(seconds), "max": max(seconds),
            "queries": [r.q for r in requests]}


def bench_scale(factor: int, base: tuple[list, list], cold: list[Request], args, work: Path, log) -> dict:
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
    log(f"[{factor}x]   {res['build_ours']['seconds']:.1f} s, peak {res['build_ours']['peak_mib']:.0f} MiB; "
        "building peers")
    res["build_peers"] = run_build("peers", rec_file, peers_dir)

    # --- cold: each system in a fresh process, each request once ------------
    cold_file = work / "cold-requests.json"
    systems = (("ours", index_dir), ("sqlite", peers_dir), ("tantivy", peers_dir))
    passes: dict[str, list[dict]] = {name: [] for name, _ in systems}
    for n in range(args.cold_passes):  # the systems alternated, so that the machine's load falls on each alike
        for name, where in systems:
            log(f"[{factor}x] cold, in process: {name} (pass {n + 1} of {args.cold_passes})")
            passes[name].append(cold_pass(name, where, cold_file))
    res["cold_inproc"] = {name: cold_summary(passes[name], cold) for name, _ in systems}
    res["cold_http"] = {}
    if not args.no_http:
        servers = [("ours", lambda: start_ours(index_dir, args.data, work / f"serve-cold-{factor}x.log", cache=False),
                    api_path)]
        if not args.no_datasette:
            servers.append(("datasette",
                            lambda: start_datasette(peers_dir / DB_NAME, work / f"datasette-cold-{factor}x.log"),
                            datasette_path))
        for name, start, to_path in servers:
            log(f"[{factor}x] cold, over HTTP: {name}")
            paths = [to_path(r) for r in cold]
            with start() as server:
                res.setdefault("ready_seconds", {})[name] = server.wait_ready()
                res["cold_http"][name] = run_load(server.base_url, paths, 1, len(paths), args.cold_http_seconds)
    log(f"[{factor}x] one-shot `repertoires search`")
    res["oneshot"] = oneshot(index_dir, cold[:ONESHOT_RUNS])

    # --- warm: a fixed workload repeated ---------------------------------------
    engine = Engine(index_dir)
    t0 = time.perf_counter()
    engine.state()
    res["open_seconds"] = time.perf_counter() - t0
    sqlite_peer = SqlitePeer(peers_dir / DB_NAME)
    tantivy_peer = TantivyPeer(peers_dir / TANTIVY_DIR)
    res["inproc"] = {}
    per_request = {}
    for name, fn in (("ours", ours_fn(engine)), ("sqlite", sqlite_peer.search), ("tantivy", tantivy_peer.search)):
        log(f"[{factor}x] warm, in process: {name}")
        res["inproc"][name], per_request[name] = _timed(fn, REQUESTS, args.inproc_seconds, args.rounds)

    def med(v: list[float]) -> float:
        return sorted(v)[len(v) // 2] * 1000 if v else float("nan")

    slow = sorted(per_request["ours"].items(), key=lambda kv: -med(kv[1]))[:6]
    res["slowest_ours"] = [(label, med(v), med(per_request["sqlite"].get(label, [])),
                            med(per_request["tantivy"].get(label, []))) for label, v in slow]
    if factor == max(args.scales):
        res["profile"] = profile_ours(Engine(index_dir, caching=False), cold)
    del engine

    res["http"] = {}
    if not args.no_http:
        budgets = dict(zip(CLIENTS, args.http_requests, strict=True))  # same length: checked in main
        servers = [("ours", lambda: start_ours(index_dir, args.data, work / f"serve-{factor}x.log"), api_path)]
        if not args.no_datasette:
            servers.append(("datasette",
                            lambda: start_datasette(peers_dir / DB_NAME, work / f"datasette-{factor}x.log"),
                            datasette_path))
        for name, start, to_path in servers:
            paths = [to_path(r) for r in REQUESTS]
            with start() as server:
                server.wait_ready()
                res["http"][name] = {}
                for clients in CLIENTS:
                    log(f"[{factor}x] warm, HTTP {name}: {clients} client(s)")
                    first = clients == CLIENTS[0]
                    res["http"][name][clients] = run_load(server.base_url, paths, clients, budgets[clients],
                                                          args.http_seconds, warmup=len(paths) if first else 0)
    return res


def _write_report(results: dict, args) -> None:
    md = markdown(results)
    if args.no_report:
        print(md)
    else:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(md, encoding="utf-8")
        print(f"wrote {args.report}", file=sys.stderr)


DESCRIPTION = """`repertoires bench` : la vitesse telle que les utilisateurs la rencontrent, face à SQLite FTS5,
Tantivy et Datasette, à plusieurs tailles de corpus ; écrit docs/benchmarks.md. D'abord à froid :
des centaines de requêtes distinctes tirées des mots du corpus, chacune posée une fois, nos caches
coupés, chaque système dans un processus neuf (en processus) ou un serveur tout juste démarré (en
HTTP). Puis le démarrage, les constructions, et les chiffres à chaud. Outil de développement : son
rapport est en anglais, comme docs/benchmarks.md."""

EPILOG = """exemples :
  repertoires bench                                 à 1× et 10× le corpus ; écrit docs/benchmarks.md
  repertoires bench --scales 1 --no-http --no-report   en mémoire seulement, à 1×, le rapport affiché"""


def main(argv: list[str] | None = None) -> int:
    p = ArgumentParser(prog="repertoires bench", description=DESCRIPTION, epilog=EPILOG)
    p.add_argument("--scales", default="1,10", metavar="FACTEURS",
                   help="facteurs de réplication du corpus, séparés par des virgules (par défaut 1,10 ; "
                        "1,10,100 prend environ une demi-heure sur 2 cœurs)")
    p.add_argument("--data", type=Path, default=Path(DEFAULT_DATA_DIR), metavar="DOSSIER",
                   help="dossier des documents sources (par défaut : le dossier data/ du projet)")
    p.add_argument("--work", type=Path, default=DEFAULT_WORK, metavar="DOSSIER",
                   help="où vont les index, les fiches répliquées et les journaux des serveurs "
                        "(par défaut benchmarks/.work)")
    p.add_argument("--report", type=Path, default=DEFAULT_REPORT, metavar="FICHIER",
                   help="rapport Markdown écrit (par défaut docs/benchmarks.md)")
    p.add_argument("--no-report", action="store_true", help="affiche le Markdown au lieu de l'écrire")
    p.add_argument("--cold", type=int, default=COLD_COUNT, metavar="N",
                   help=f"requêtes froides distinctes (par défaut {COLD_COUNT})")
    p.add_argument("--cold-passes", type=int, default=3, metavar="N",
                   help="processus neufs posant les requêtes froides à chaque système, en alternance (par défaut 3)")
    p.add_argument("--cold-http-seconds", type=float, default=300.0, metavar="S",
                   help="durée permise d'un passage froid en HTTP (par défaut 300)")
    p.add_argument("--rounds", type=int, default=10, metavar="N",
                   help="passages chauds sur la charge fixe, en processus (par défaut 10)")
    p.add_argument("--inproc-seconds", type=float, default=20.0, metavar="S",
                   help="durée permise par système, en processus (par défaut 20)")
    p.add_argument("--http-requests", default="300,800,1600", metavar="N,N,N",
                   help="requêtes chaudes à 1, 8 et 32 clients (par défaut 300,800,1600)")
    p.add_argument("--http-seconds", type=float, default=20.0, metavar="S",
                   help="durée permise par niveau de concurrence (par défaut 20)")
    p.add_argument("--no-http", action="store_true", help="sans les mesures en HTTP")
    p.add_argument("--no-datasette", action="store_true", help="sans Datasette")
    p.add_argument("--from-results", type=Path, metavar="FICHIER",
                   help="écrit le rapport depuis le results.json d'une mesure antérieure, sans mesurer")
    args = p.parse_args(argv)
    if args.from_results:
        results = json.loads(args.from_results.read_text(encoding="utf-8"))
        for s in results["scales"]:  # JSON turned the client counts into strings
            s["http"] = {k: {int(c): v for c, v in d.items()} for k, d in s.get("http", {}).items()}
        _write_report(results, args)
        return 0
    try:
        args.scales = sorted({int(x) for x in args.scales.split(",") if x.strip()})
        args.http_requests = [int(x) for x in args.http_requests.split(",")]
    except ValueError:
        p.error("--scales et --http-requests sont des nombres entiers séparés par des virgules (--scales 1,10)")
    if len(args.http_requests) != len(CLIENTS) or not args.scales or min(args.scales) < 1 or args.cold < 1 \
            or args.cold_passes < 1:
        p.error("--http-requests demande trois nombres, --scales des entiers positifs, --cold et --cold-passes "
                "des nombres positifs")

    started = time.perf_counter()
    work = args.work
    work.mkdir(parents=True, exist_ok=True)

    def log(msg: str) -> None:
        print(f"{time.perf_counter() - started:7.1f} s  {msg}", file=sys.stderr, flush=True)

    results = {"machine": describe(), "scales": [], "command": "repertoires bench " + " ".join(argv or [])}
    corpus_index = work / "index-corpus"
    shutil.rmtree(corpus_index, ignore_errors=True)
    log("building the whole corpus (parsing + indexing)")
    results["corpus_build"] = run_build("corpus", args.data, corpus_index)
    log(f"  {results['corpus_build']['seconds']:.1f} s, peak {results['corpus_build']['peak_mib']:.0f} MiB")
    base = load_records(corpus_index)
    cold = cold_requests(*base, count=args.cold)
    write_requests(work / "cold-requests.json", cold)
    results["cold_workload"] = {"count": len(cold), "kinds": {k: sum(1 for r in cold if r.kind == k)
                                                              for k in dict.fromkeys(r.kind for r in cold)},
                                "filtered": sum(1 for r in cold if r.filters),
                                "examples": [r.label() for r in cold[:8]]}
    for factor in args.scales:
        try:
            results["scales"].append(bench_scale(factor, base, cold, args, work, log))
        except Exception as exc:  # noqa: BLE001 (keep what the smaller scales measured)
            log(f"[{factor}x] failed: {type(exc).__name__}: {exc}")
            results.setdefault("failures", []).append(f"{factor}×: {type(exc).__name__}: {exc}")
        results["seconds"] = time.perf_counter() - started
        (work / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str),
                                           encoding="utf-8")
    results["seconds"] = time.perf_counter() - started
    results["load_average_end"] = os.getloadavg()
    (work / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    _write_report(results, args)
    log("done")
    return 0
