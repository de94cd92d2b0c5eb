"""The JSON API: every HTML page has a JSON twin here, plus CSV and OpenAPI."""
from __future__ import annotations

import csv
import hashlib
import io

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from . import get_engine, openapi
from .errors import error_response
from .links import add_facet_links, url_with
from .params import ParamError, check_query_string, check_text, parse_search_args
from .presenters import public_record

bp = Blueprint("api", __name__, url_prefix="/api")
MAX_SUGGEST_CHARS = 100


def _etag_response(resp: Response, version: str) -> Response:
    """ETag tied to the index version and the exact request, so clients and
    proxies revalidate after a rebuild and reuse answers until then."""
    tag = hashlib.sha1(f"{version}|{request.full_path}".encode()).hexdigest()[:20]
    resp.set_etag(tag, weak=True)
    resp.headers["Cache-Control"] = "public, max-age=60"
    return resp.make_conditional(request)


def run_search(strict: bool = True) -> dict:
    engine = get_engine()
    state = engine.state()
    check_query_string(request.query_string)
    req = parse_search_args(request.args, state.facet_values, strict=strict)
    response = engine.search(req)
    for hit in response["results"]:
        hit["url"] = url_for("pages.partnership", pid=hit["partnership_id"])
        if hit["type"] == "action":
            hit["url"] += f"#{hit['id']}"
    return response


@bp.errorhandler(ParamError)
def _param_error(exc: ParamError):
    return error_response(400, exc.code, exc.message, exc.parameter)


@bp.get("/search")
def search():
    response = run_search()
    add_facet_links(response["facets"], request.path, request.args)
    response["links"] = {
        "html": url_with(url_for("pages.search"), request.args, page=request.args.get("page")),
        "csv": url_with(url_for("api.search_csv"), request.args, page=request.args.get("page")),
    }
    if response["page"] < response["pages"]:
        response["links"]["next"] = url_with(request.path, request.args, page=response["page"] + 1)
    return _etag_response(jsonify(response), response["index_version"])


CSV_COLUMNS = ["id", "type", "title", "partnership_id", "french_party", "partner_party", "countries",
               "region", "domains", "years", "status", "score", "url", "document", "line"]


@bp.get("/search.csv")
def search_csv():
    response = run_search()
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    for h in response["results"]:
        w.writerow([h["id"], h["type"], h["title"], h["partnership_id"],
                    (h["french_party"] or {}).get("name", ""), (h["partner_party"] or {}).get("name", ""),
                    "; ".join(h["countries"]), h["region"] or "", "; ".join(h["domains"]),
                    " ".join(str(y) for y in h["years"]), h["status"] or "", h["score"],
                    request.host_url.rstrip("/") + h["url"], h["source"]["document"] or "",
                    h["source"]["line"] or ""])
    resp = Response("\ufeff" + out.getvalue(), mimetype="text/csv")
    resp.headers["Content-Disposition"] = 'attachment; filename="repertoires-recherche.csv"'
    return _etag_response(resp, response["index_version"])


@bp.get("/partnerships/<pid>")
def partnership(pid: str):
    engine = get_engine()
    rec = engine.partnership(pid)
    if rec is None:
        return error_response(404, "not_found", f"Aucun partenariat n'a l'identifiant « {pid[:80]} ».", "id")
    hide = current_app.config["HIDE_CONTACTS"]
    data = public_record(rec, hide)
    data["actions"] = [public_record(a, hide) for a in engine.actions_of(pid)]
    data["url"] = url_for("pages.partnership", pid=pid)
    return _etag_response(jsonify(data), engine.state().version)


@bp.get("/actions/<aid>")
def action(aid: str):
    engine = get_engine()
    rec = engine.action(aid)
    if rec is None:
        return error_response(404, "not_found", f"Aucune action n'a l'identifiant « {aid[:80]} ».", "id")
    data = public_record(rec, current_app.config["HIDE_CONTACTS"])
    data["url"] = url_for("pages.partnership", pid=rec["partnership_id"]) + f"#{aid}"
    return _etag_response(jsonify(data), engine.state().version)


@bp.get("/suggest")
def suggest():
    check_query_string(request.query_string)
    q = request.args.get("q", "")
    if len(q) > MAX_SUGGEST_CHARS:
        return error_response(400, "query_too_long", f"Le préfixe dépasse {MAX_SUGGEST_CHARS} caractères.", "q")
    check_text("q", q)
    engine = get_engine()
    return _etag_response(jsonify({"q": q, "suggestions": engine.suggest(q)}), engine.state().version)


@bp.get("/facets")
def facets():
    engine = get_engine()
    return _etag_response(jsonify({"facets": engine.facets()}), engine.state().version)


@bp.get("/status")
def status():
    resp = jsonify(get_engine().status())
    resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.get("/openapi.json", endpoint="openapi")
def openapi_document():
    state = get_engine().state()
    resp = Response(openapi.served(state.version, state.facet_values), mimetype="application/json")
    return _etag_response(resp, state.version)
