"""The peers, on the same records and the same requests.

- SQLite FTS5: one row per partnership (its sheet's raw text, as in the
  evaluation baseline), bm25, facet counts by GROUP BY over a facet table.
- Datasette: the same SQLite file served over HTTP (its `_search` and
  `_facet_array`/`_facet`), started by the benchmark.
- Tantivy: the same rows, lowercase + ASCII folding, facets as multi-valued
  fast fields counted by a terms aggregation.

Every peer ANDs the words and falls back to any word when nothing matches,
as our engine does. Facet counts are conjunctive (no per-facet exclusion of
its own filter, which ours does): peers do a little less work.
"""
from __future__ import annotations

import json
import re
import shutil
import sqlite3
import time
from pathlib import Path
from urllib.parse import urlencode

from evaluation.fts_baseline import TOKENIZER, match_expression, partnership_text

from .workload import PEER_FACETS, PER_PAGE, Request

DB_NAME = "bench.db"
TANTIVY_DIR = "tantivy"
_WORD = re.compile(r"\w+", re.UNICODE)


def facet_values(p: dict) -> dict[str, list[str]]:
    region = (p.get("partner_party") or {}).get("region")
    return {"country": list(p.get("countries") or []), "domain": list(p.get("domains") or []),
            "year": [str(y) for y in p.get("years") or []], "region": [region] if region else []}


def _rows(partnerships: list[dict], actions: list[dict]):
    by_pid: dict[str, list[dict]] = {}
    for a in actions:
        by_pid.setdefault(a["partnership_id"], []).append(a)
    for p in partnerships:
        title = p.get("title") or p["id"]
        yield p["id"], title, partnership_text(p, by_pid.get(p["id"], [])), facet_values(p)


# --- SQLite FTS5 (also Datasette's database) ------------------------------

def build_sqlite(partnerships: list[dict], actions: list[dict], path: Path) -> float:
    start = time.perf_counter()
    if path.exists():
        path.unlink()
    db = sqlite3.connect(path)
    db.executescript(f"""
        CREATE TABLE partnerships (rowid INTEGER PRIMARY KEY, pid TEXT UNIQUE, title TEXT, body TEXT,
                                   country TEXT, domain TEXT, year TEXT, region TEXT);
        CREATE VIRTUAL TABLE partnerships_fts USING fts5(title, body, content="partnerships",
                                                          content_rowid="rowid", tokenize='{TOKENIZER}');
        CREATE TABLE facet (rid INTEGER, name TEXT, value TEXT);
    """)
    for i, (pid, title, body, facets) in enumerate(_rows(partnerships, actions), 1):
        db.execute("INSERT INTO partnerships VALUES (?,?,?,?,?,?,?,?)",
                   (i, pid, title, body, json.dumps(facets["country"], ensure_ascii=False),
                    json.dumps(facets["domain"], ensure_ascii=False), json.dumps(facets["year"]),
                    facets["region"][0] if facets["region"] else None))
        db.executemany("INSERT INTO facet VALUES (?,?,?)", [(i, k, v) for k, vs in facets.items() for v in vs])
    db.executescript("""
        INSERT INTO partnerships_fts(partnerships_fts) VALUES ('rebuild');
        CREATE INDEX facet_nvr ON facet(name, value, rid);
        CREATE INDEX facet_rid ON facet(rid, name, value);
        ANALYZE;
    """)
    db.commit()
    db.close()
    return time.perf_counter() - start


class SqlitePeer:
    def __init__(self, path: Path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def _hits_sql(self, req: Request, any_word: bool) -> tuple[str, list]:
        where, args = [], []
        expr = match_expression(req.q, any_word)
        if expr:
            sql = ("SELECT rowid AS rid, bm25(partnerships_fts) AS score FROM partnerships_fts "
                   "WHERE partnerships_fts MATCH ?")
            args.append(expr)
        else:
            sql = "SELECT rowid AS rid, 0.0 AS score FROM partnerships WHERE 1"
        for name, vals in req.filters.items():
            where.append(f"rowid IN (SELECT rid FROM facet WHERE name = ? AND value IN ({','.join('?' * len(vals))}))")
            args += [name, *map(str, vals)]
        return sql + "".join(" AND " + w for w in where), args

    def search(self, req: Request) -> dict:
        for any_word in (False, True):
            hits, args = self._hits_sql(req, any_word)
            names = ",".join("?" * len(PEER_FACETS))
            counts = self.db.execute(
                f"WITH hits AS ({hits}) SELECT '', '', count(*) FROM hits UNION ALL "
                f"SELECT f.name, f.value, count(*) FROM facet f JOIN hits ON f.rid = hits.rid "
                f"WHERE f.name IN ({names}) GROUP BY f.name, f.value", args + list(PEER_FACETS)).fetchall()
            total = counts[0][2]
            if total or not req.q or any_word:
                break
        order = "hits.score, p.title" if req.q else "p.title"
        top = self.db.execute(f"WITH hits AS ({hits}) SELECT p.pid, p.title FROM hits JOIN partnerships p "
                              f"ON p.rowid = hits.rid ORDER BY {order} LIMIT {PER_PAGE}", args).fetchall()
        facets: dict[str, dict[str, int]] = {}
        for name, value, n in counts[1:]:
            facets.setdefault(name, {})[value] = n
        return {"total": total, "results": [{"id": pid, "title": t} for pid, t in top], "facets": facets}


def datasette_path(req: Request) -> str:
    """The Datasette URL answering `req` with the same facets."""
    params: list[tuple[str, str]] = []
    if req.q:
        params.append(("_search", req.q))
    for f in ("country", "domain", "year"):
        params.append(("_facet_array", f))
    params.append(("_facet", "region"))
    for name, vals in req.filters.items():
        for v in vals:  # one value per facet in the workload
            params.append((f"{name}__exact" if name == "region" else f"{name}__arraycontains", str(v)))
    params += [("_size", str(PER_PAGE)), ("_col", "pid"), ("_col", "title")]
    return "/bench/partnerships.json?" + urlencode(params)


# --- Tantivy ---------------------------------------------------------------

def _tantivy_schema():
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("pid", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=True, tokenizer_name="fr")
    sb.add_text_field("body", tokenizer_name="fr")
    for f in PEER_FACETS:
        sb.add_text_field(f, fast=True, tokenizer_name="raw")
    return sb.build()


def _register(index) -> None:
    import tantivy

    index.register_tokenizer("fr", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                             .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold()).build())


def build_tantivy(partnerships: list[dict], actions: list[dict], path: Path) -> float:
    import tantivy

    start = time.perf_counter()
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    index = tantivy.Index(_tantivy_schema(), path=str(path))
    _register(index)
    writer = index.writer(200_000_000, 1)
    for pid, title, body, facets in _rows(partnerships, actions):
        writer.add_document(tantivy.Document(pid=pid, title=title, body=body, **{k: v for k, v in facets.items() if v}))
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - start


class TantivyPeer:
    def __init__(self, path: Path):
        import tantivy

        self.t = tantivy
        self.index = tantivy.Index.open(str(path))
        _register(self.index)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def _query(self, req: Request, any_word: bool):
        t = self.t
        words = _WORD.findall(req.q or "")
        must = []
        if words:
            text = " ".join(f'"{w}"' for w in words)
            must.append(self.index.parse_query(text, ["title", "body"], conjunction_by_default=not any_word))
        for name, vals in req.filters.items():
            must.append(t.Query.term_set_query(self.schema, name, [str(v) for v in vals]))
        if not must:
            return t.Query.all_query()
        return t.Query.boolean_query([(t.Occur.Must, q) for q in must])

    def search(self, req: Request) -> dict:
        for any_word in (False, True):
            query = self._query(req, any_word)
            res = self.searcher.search(query, PER_PAGE, count=True)
            if res.count or not req.q or any_word:
                break
        aggs = self.searcher.aggregate(query, {f: {"terms": {"field": f, "size": 500}} for f in PEER_FACETS})
        facets = {f: {b["key"]: b["doc_count"] for b in aggs[f]["buckets"]} for f in PEER_FACETS}
        results = []
        for _score, addr in res.hits:
            doc = self.searcher.doc(addr)
            results.append({"id": doc["pid"][0], "title": doc["title"][0]})
        return {"total": res.count, "results": results, "facets": facets}


def build_peers(partnerships: list[dict], actions: list[dict], work_dir: Path) -> dict:
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    return {"sqlite_seconds": build_sqlite(partnerships, actions, work_dir / DB_NAME),
            "tantivy_seconds": build_tantivy(partnerships, actions, work_dir / TANTIVY_DIR),
            "rows": len(partnerships)}
