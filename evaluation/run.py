"""`repertoires eval`: run the judged queries through the engine and the FTS5
baseline, print the measures per split and per kind of query, and write
docs/evaluation.md and docs/evaluation.json."""
from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from repertoires.args import ArgumentParser

from .compare import batch_classes, comparison, load_run, save_run
from .fts_baseline import TOKENIZER, FtsBaseline
from .judged import QUERIES_FILE, JudgedQuery, JudgedSetError, load_queries, unknown_filter_values, unknown_ids
from .metrics import DEPTH, MissingDependency, require_ir_measures, score_runs
from .report import FIGURES_FILE, ROOT, System, figures, markdown_report, text_report, write_figures

DEFAULT_REPORT = ROOT / "docs" / "evaluation.md"
ACTION_DEPTH = 100  # action hits read for a type=action query (the API's largest page)
BASELINE = (f"SQLite {sqlite3.sqlite_version} FTS5, one row per partnership (its sheet's raw text) and one per action "
            f"(for `type=action` queries), tokenizer `{TOKENIZER}`, bm25, words ANDed with an any-word fallback when "
            "nothing matches. Facet filters are applied to it through the facet values the engine indexes (so both "
            "systems are filtered alike); it has no stemming, synonyms, spelling correction nor query language "
            "(prefixes, phrases, OR and exclusions would be read as plain words; no judged query uses them), "
            "nor the listing rules that follow a place's results with its surroundings' or a short filtered "
            "listing with its completions")


def first_partnerships(pids: Iterable[str], depth: int = DEPTH) -> list[str]:
    """Partnership ids in order of first appearance, at most `depth` of them
    (how a list of action hits is scored against partnership judgments)."""
    out: list[str] = []
    for pid in pids:
        if pid not in out:
            out.append(pid)
            if len(out) == depth:
                break
    return out


def request_for(q: JudgedQuery, per_page: int):
    from engine import SearchRequest

    filters = {name: list(values) for name, values in q.filters.items()}
    if q.type == "action":
        filters["type"] = ["action"]
    return SearchRequest(q=q.q, filters=filters, per_page=per_page, facets=False, snippets=False)


def engine_rankings(engine, queries: list[JudgedQuery], depth: int = DEPTH) -> dict[str, list[str]]:
    """Each query's partnership ids as the search page would list them (action
    hits mapped to their partnerships)."""
    out = {}
    for q in queries:
        if q.type == "action":
            r = engine.search(request_for(q, ACTION_DEPTH))
            out[q.id] = first_partnerships((hit["partnership_id"] for hit in r["results"]), depth)
        else:
            r = engine.search(request_for(q, depth))
            # a filtered listing of few results goes on with its completions, as the page lists them
            out[q.id] = [hit["id"] for hit in r["results"] + r.get("completions", [])]
    return out


def baseline_for(engine) -> FtsBaseline:
    st = engine.state()
    return FtsBaseline(st.partnerships.values(), st.actions.values())


def allowed_ids(state, q: JudgedQuery) -> set[str] | None:
    """Ids of the records (of the query's type) that pass its filters, by the
    engine's own facet values and rules; None when the query has no filter."""
    if not q.filters:
        return None
    wanted = {name: set(values) for name, values in q.filters.items()}
    # OR within a facet, AND across facets, as the engine's Selection does
    values = {name: state.facet_bits.values_per_doc(name) for name in wanted}
    return {d.id for i, d in enumerate(state.docs)
            if d.type == q.type and all(wanted[name] & set(values[name][i]) for name in wanted)}


def baseline_rankings(baseline: FtsBaseline, queries: list[JudgedQuery], state=None,
                      depth: int = DEPTH) -> dict[str, list[str]]:
    out = {}
    for q in queries:
        allowed = allowed_ids(state, q) if state is not None else None
        if q.type == "action":
            out[q.id] = first_partnerships((pid for _, pid in baseline.search_actions(q.q, None, allowed)), depth)
        else:
            out[q.id] = baseline.search(q.q, depth, allowed)
    return out


def evaluate(engine, queries: list[JudgedQuery]) -> tuple[System, System]:
    """Both systems scored on the same judgments."""
    judgments = {q.id: q.relevant for q in queries}
    ours_rank = engine_rankings(engine, queries)
    base_rank = baseline_rankings(baseline_for(engine), queries, engine.state())
    ours = System("ours", *score_runs(judgments, ours_rank), ours_rank)
    base = System("FTS5", *score_runs(judgments, base_rank), base_rank)
    return ours, base


def _ndcg(system: System) -> dict[str, float]:
    return {q: m["nDCG@10"] for q, m in system.per_query.items()}


def select(queries: list[JudgedQuery], split: str) -> list[JudgedQuery]:
    return queries if split == "all" else [q for q in queries if q.split == split]


EPILOG = """exemples :
  repertoires eval                                  toutes les requêtes ; écrit docs/evaluation.md et .json
  repertoires eval --split dev --save avant.json    le lot dev seul, la note de chaque requête gardée
  repertoires eval --split dev --against avant.json ce qu'un changement a déplacé, requête par requête"""


def main(argv: list[str] | None = None) -> int:
    from indexer.corpus import DEFAULT_DATA_DIR
    from indexer.store import DEFAULT_INDEX_DIR

    p = ArgumentParser(prog="repertoires eval",
                       description="Mesure la qualité du classement (nDCG@10, MRR, rappel@10, P@5) sur les requêtes\n"
                                   "jugées, par lot et par sorte de requête, face à un index SQLite FTS5 simple, et\n"
                                   "écrit docs/evaluation.md et docs/evaluation.json. Outil de développement : son\n"
                                   "rapport est en anglais, comme docs/evaluation.md.",
                       epilog=EPILOG)
    p.add_argument("--split", choices=("dev", "test", "all"), default="all",
                   help="requêtes lancées : dev (réglage), test (rapport seulement) ou all (par défaut ; le seul "
                        "qui écrit le rapport)")
    p.add_argument("--index", type=Path, default=DEFAULT_INDEX_DIR, metavar="DOSSIER",
                   help="index mesuré (construit d'abord s'il manque ou est périmé ; par défaut index/)")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, metavar="DOSSIER",
                   help="dossier des documents sources (par défaut : le dossier data/ du projet)")
    p.add_argument("--queries", type=Path, default=QUERIES_FILE, metavar="FICHIER",
                   help="requêtes jugées (par défaut evaluation/queries.json)")
    p.add_argument("--report", type=Path, default=DEFAULT_REPORT, metavar="FICHIER",
                   help="rapport Markdown écrit (par défaut docs/evaluation.md)")
    p.add_argument("--figures", type=Path, default=FIGURES_FILE, metavar="FICHIER",
                   help="chiffres JSON écrits (par défaut docs/evaluation.json ; le test du plancher les lit)")
    p.add_argument("--no-report", action="store_true", help="affiche seulement, n'écrit rien")
    p.add_argument("--save", type=Path, metavar="FICHIER",
                   help="avec --split dev : écrit le nDCG@10 de chaque requête dans FICHIER, pour un --against")
    p.add_argument("--against", type=Path, metavar="FICHIER",
                   help="avec --split dev : ce qui a bougé depuis la mesure gardée dans FICHIER, requête par "
                        "requête")
    p.add_argument("--batch", metavar="NOM",
                   help="avec --split dev : le lot écrit après le partage nommé NOM (ou finissant ainsi : "
                        "'fiftieth batch'), par sorte")
    args = p.parse_args(argv)
    if (args.save or args.against or args.batch) and args.split != "dev":
        print("erreur : --save, --against et --batch vont avec --split dev seulement (le lot test n'est "
              "jamais montré requête par requête)", file=sys.stderr)
        return 1

    try:
        require_ir_measures()
        queries = select(load_queries(args.queries), args.split)
    except (MissingDependency, JudgedSetError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1

    from engine import Engine
    from indexer.build import BuildError
    from indexer.freshness import ensure_index

    try:
        built = ensure_index(args.data, args.index,
                             on_rebuild=lambda why: print(f"{why} — building the index now…", file=sys.stderr))
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if built is not None:
        print(f"Index built in {built.seconds:.1f} s: {len(built.corpus.partnerships)} partnerships, "
              f"{len(built.corpus.actions)} actions", file=sys.stderr)
    engine = Engine(args.index)
    st = engine.state()
    missing = unknown_ids(queries, set(st.partnerships))
    for qid, ids in missing.items():
        print(f"warning: query {qid}: judged ids not in the index: {', '.join(ids)}", file=sys.stderr)
    no_value = unknown_filter_values(queries, st.facet_values)
    for qid, values in no_value.items():
        print(f"warning: query {qid}: filter values no record carries: {', '.join(values)}", file=sys.stderr)

    started = time.perf_counter()
    ours, base = evaluate(engine, queries)
    print(text_report(queries, ours, base))
    print(f"\n({len(queries)} queries in {time.perf_counter() - started:.1f} s)")
    if args.against:
        try:
            print("\n" + comparison(queries, load_run(args.against), _ndcg(ours)))
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    if args.batch:
        try:
            print("\n" + batch_classes(queries, _ndcg(ours), _ndcg(base), args.batch))
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    if args.save:
        save_run(args.save, ours.per_query)
        print(f"wrote {args.save}")
    if not args.no_report:
        if args.split != "all":
            print(f"(report not written: only `repertoires eval` with --split all writes {args.report.name})")
        else:
            meta = {"index_version": st.version, "partnerships": len(st.partnerships), "actions": len(st.actions),
                    "ir_measures": metadata.version("ir-measures"), "depth": DEPTH, "action_depth": ACTION_DEPTH,
                    "baseline": BASELINE}
            args.report.parent.mkdir(parents=True, exist_ok=True)
            args.report.write_text(markdown_report(queries, ours, base, meta), encoding="utf-8")
            write_figures(figures(queries, ours, base, meta), args.figures)
            print(f"wrote {args.report} and {args.figures}")
    return 0 if not (missing or no_value) else 2
