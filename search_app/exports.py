"""CSV and JSON Lines renderers of a search: one page, or the whole result set.

`all=1` exports every result of the search and its filters (not one page),
streamed: results are read from the engine in chunks (`views.all_results`) and
written as they come, so memory stays bounded whatever the size of the result
set. `rows=action` writes one row per action instead of one per partnership.
Every record goes through `presenters.public_record` (HIDE_CONTACTS holds here
too); the rows are built from the same data as the page and the API.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from werkzeug.datastructures import MultiDict

from analyzers import fold_text
from engine.search import SearchRequest, search as run_search
from engine.state import IndexState
from indexer.facet_registry import registry
from indexer.limits import DEFAULT_PER_PAGE

from .index import get_engine
from .params import ParamError, named, refuse_empty
from .presenters import public_record
from .views import all_results, hide_contacts, partnership_url, search_request

EXPORT_PARAMS = ("all", "rows")
CSV_PARAMS = EXPORT_PARAMS + ("sep",)  # the CSV's own: its separator
ROWS = ("partnership", "action")
# the CSV's separator: RFC 4180's comma (what tools read), or a French spreadsheet's semicolon, which
# goes with the decimal comma (a French Excel opened the comma file as one column, the scores as text)
SEPARATORS = (",", ";")

CSV_COLUMNS = ["id", "type", "title", "partnership_id", "french_party", "partner_party", "countries",
               "region", "domains", "years", "status", "score", "url", "document", "line"]
# the budget as written, then as a spreadsheet sums and sorts it: its amount (a number, the « ; »
# file's with a decimal comma), currency and kind (the JSON's `budget`; QA r43, audit 7, #7)
ACTION_COLUMNS = ["action_id", "action_title", "action_domains", "action_years", "action_status",
                  "action_budget", "action_budget_amount", "action_budget_currency", "action_budget_kind"]
# what opens a formula in a spreadsheet: a cell starting so is read as text, after an apostrophe
# (OWASP's CSV injection rule; « - 64 370 /an (moyenne) » was read as a formula, an error)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_options(args: MultiDict, ext: str = "csv") -> tuple[MultiDict, bool, str, str]:
    """The search parameters without the export's own, and (all, rows, the CSV's separator)."""
    own = CSV_PARAMS if ext == "csv" else EXPORT_PARAMS
    rest = MultiDict([(k, v) for k, v in args.items(multi=True) if k not in own])
    for name in own:
        if len(args.getlist(name)) > 1:
            raise ParamError("repeated_parameter", f"Le paramètre {named(name)} ne peut être donné qu'une fois.",
                             name)
    refuse_empty(args, own)
    raw_all = args.get("all", "0").strip().lower()
    if raw_all not in ("0", "1", "true", "false", ""):
        raise ParamError("invalid_boolean", f"Le paramètre {named('all')} vaut 1 ou 0 (reçu : « {raw_all[:20]} »).",
                         "all")
    rows = args.get("rows", "partnership")
    if rows not in ROWS:
        raise ParamError("invalid_rows", f"Le paramètre {named('rows')} vaut partnership ou action "
                                         f"(reçu : « {rows[:40]} »).", "rows")
    sep = args.get("sep", ",")
    if sep not in SEPARATORS:
        raise ParamError("invalid_separator", f"Le paramètre {named('sep')} vaut « , » ou « ; » "
                                              f"(reçu : « {sep[:20]} »).", "sep")
    return rest, raw_all in ("1", "true"), rows, sep


def hits(args: MultiDict, export_all: bool) -> tuple[IndexState, SearchRequest, Iterator[dict]]:
    """(index generation, the request read from `args`, the results in order): the requested page, or every
    result read chunk by chunk from that one generation (a rebuild during the
    export does not mix two versions: the records and contacts are read from it too)."""
    req = search_request(args, strict=True)
    state = get_engine().state()
    if not export_all:
        return state, req, iter(run_search(state, replace(req, facets=False, snippets=False,
                                                              completions=False))["results"])
    return state, req, all_results(state, req)


def rows_of(state: IndexState, results: Iterator[dict], rows: str) -> Iterator[tuple[dict, dict | None]]:
    """(hit, action) pairs: the hit alone, or one per action of each partnership
    (an action search gives its actions; a partnership without actions one row)."""
    for hit in results:
        hit["url"] = partnership_url(hit["partnership_id"]) + (f"#{hit['id']}" if hit["type"] == "action" else "")
        if rows == "partnership":
            yield hit, None
        elif hit["type"] == "action":
            yield hit, state.actions.get(hit["id"])  # the stored record: public_record copies it
        else:
            actions = [state.actions[a] for a in state.actions_of.get(hit["id"], [])]
            if not actions:
                yield hit, None
            for a in actions:
                yield hit, a


def as_text(cell) -> str:
    """A CSV cell no spreadsheet reads as a formula."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_START) else text


def amount_cell(amount: float | None, decimal: str) -> str:
    """An amount as a spreadsheet reads a number: `64370`, `8004.27` (`8004,27` in the « ; » file)."""
    if amount is None:
        return ""
    return str(int(amount)) if amount == int(amount) else repr(amount).replace(".", decimal)


def action_cells(a: dict, decimal: str) -> list:
    """The action columns of a row (empty for a partnership without actions)."""
    budget = a.get("budget") or {}
    return [a.get("id", ""), a.get("title", ""), "; ".join(a.get("domains", [])),
            " ".join(str(y) for y in a.get("years", [])), a.get("status") or "", budget.get("text", ""),
            amount_cell(budget.get("amount"), decimal), budget.get("currency") or "", budget.get("kind") or ""]


def csv_lines(state: IndexState, pairs: Iterator[tuple[dict, dict | None]], rows: str, host: str,
              sep: str = ",") -> Iterator[str]:
    """CSV text in pieces: a BOM (spreadsheets then read the accents), the
    header, then a few rows at a time; with `sep` « ; », the score's decimal comma."""
    hide = hide_contacts()
    out = io.StringIO()
    w = csv.writer(out, delimiter=sep)
    decimal = "," if sep == ";" else "."
    w.writerow(CSV_COLUMNS + (ACTION_COLUMNS if rows == "action" else []))
    yield "\ufeff" + out.getvalue()
    n = 0
    for hit, action in pairs:
        if n % 50 == 0:
            out.seek(0)
            out.truncate()
        h = public_record(hit, hide, state)
        row = [h["id"], h["type"], h["title"], h["partnership_id"],
               (h["french_party"] or {}).get("name", ""), (h["partner_party"] or {}).get("name", ""),
               "; ".join(h["countries"]), h["region"] or "", "; ".join(h["domains"]),
               " ".join(str(y) for y in h["years"]), h["status"] or "", str(h["score"]).replace(".", decimal),
               host + h["url"], h["source"]["document"] or "", h["source"]["line"] or ""]
        if rows == "action":
            row += action_cells(public_record(action, hide, state) if action else {}, decimal)
        w.writerow([as_text(cell) for cell in row])
        n += 1
        if n % 50 == 0:
            yield out.getvalue()
    if n % 50:
        yield out.getvalue()


def jsonl_lines(state: IndexState, pairs: Iterator[tuple[dict, dict | None]], rows: str) -> Iterator[str]:
    """One JSON object a line: the whole public record of each partnership
    (with `score` and `url`), or of each action (with its partnership's id and
    title), as /api/partnerships and /api/actions give them."""
    hide = hide_contacts()
    for hit, action in pairs:
        if rows == "partnership" and hit["type"] == "partnership":
            rec = dict(state.partnerships.get(hit["id"]) or {})  # shallow: public_record copies the rest
        elif rows == "partnership":
            rec = dict(state.actions.get(hit["id"]) or {})
        elif action is None:
            continue
        else:
            rec = dict(action)
        if rec.get("type") == "action":
            owner = state.partnerships.get(rec["partnership_id"])
            rec["partnership_title"] = (owner or {}).get("title")
            rec["detail"] = rec.pop("detail", None)  # after the title, where the lines have it
            rec["url"] = partnership_url(rec["partnership_id"]) + f"#{rec['id']}"
        else:
            rec["url"] = partnership_url(rec["id"])
        rec["score"] = hit["score"]
        yield json.dumps(public_record(rec, hide, state), ensure_ascii=False) + "\n"


FILENAME_WORDS = 60  # the most characters of the search's words in an export's file name


def _filter_words(req: SearchRequest, rows: str) -> list[str]:
    """The filters' values in an export's name, in French as the page labels them (review 2 r49, L5):
    `type=partnership` « Partenariats », `year=none` « Sans année » (were `partnership`, `none`); a
    source document by its file's name without extension (`mali-repertoire-2008`, was `…-2008-txt`);
    `type=action` not again after the `actions-` of one row per action."""
    facets = registry()
    out = []
    for name, values in req.filters.items():
        for v in values:
            if name == "source":
                out.append(re.sub(r"\.[A-Za-z0-9]+$", "", str(v)))
            elif name == "type" and v == "action" and rows == "action":
                continue
            else:
                out.append(facets[name].label_of(v) if name in facets else str(v))
    return out


def _period_words(req: SearchRequest) -> list[str]:
    """The period in an export's name: `2005-2007`, `depuis 2005`, `jusqu'à 2007`, one year alone
    (`year_from` alone read as a date: `2005-2026-12-07`; review 2 r49, L5)."""
    first, last = req.year_from, req.year_to
    if first and last:
        return [str(first)] if first == last else [f"{first}-{last}"]
    return [f"depuis {first}"] if first else [f"jusqu'à {last}"] if last else []


def filename(rows: str, ext: str, req: SearchRequest, export_all: bool = True, today: date | None = None) -> str:
    """An export's file name, from its search and the day (QA r48, QA17, defect 7: every export was
    `repertoires-recherche.csv`, two exports the same name): `repertoires-assainissement-kayes-2026-12-07.csv`
    for `q=assainissement&region=Kayes` — its words, then its filters' values, ASCII-folded, at most
    FILENAME_WORDS characters cut between words; an excluded clause written `sans` (`-pays:mali`:
    `sans-pays-mali`); `actions-` for one row per action; `recherche` when the search has no words
    nor filters; `page-2` when one page past the first is exported, `par-50` when a page of another size than
    the default is (two pages 2 of 20 and of 50 were one name, QA19 r49, D5); then the server's date."""
    typed = re.sub(r"(^|\s)-(?=\S)", r"\1sans ", req.q)
    words = "-".join(re.findall(r"[a-z0-9]+", fold_text(" ".join(
        [typed, *_filter_words(req, rows), *_period_words(req)]))))
    if len(words) > FILENAME_WORDS:
        words = words[:FILENAME_WORDS + 1].rsplit("-", 1)[0] if "-" in words[:FILENAME_WORDS + 1] \
            else words[:FILENAME_WORDS]
    page = "-".join(([f"page-{req.page}"] if req.page > 1 else [])
                    + ([f"par-{req.per_page}"] if req.per_page != DEFAULT_PER_PAGE else [])) if not export_all else ""
    parts = ["repertoires", "actions" if rows == "action" else "", words or ("" if rows == "action" else "recherche"),
             page, (today or date.today()).isoformat()]
    return "-".join(p for p in parts if p) + f".{ext}"
