"""The JSON API: every HTML page has a JSON twin here, plus the exports and OpenAPI.

Each endpoint renders a data function of `views.py` (or `exports.py`)."""
from __future__ import annotations

import hashlib

from flask import Blueprint, Response, jsonify, request, stream_with_context, url_for

from . import exports, mapview, openapi, views
from .errors import error_response
from .index import get_engine
from .links import url_with, without_filters
from .params import ParamError, check_names, check_query_string, check_text, too_long

bp = Blueprint("api", __name__, url_prefix="/api")
MAX_SUGGEST_CHARS = 100


def _etag_response(resp: Response, version: str) -> Response:
    """ETag tied to the index version and the exact request, so clients and
    proxies revalidate after a rebuild and reuse answers until then."""
    tag = hashlib.sha1(f"{version}|{request.full_path}".encode()).hexdigest()[:20]
    resp.set_etag(tag, weak=True)
    resp.headers["Cache-Control"] = "public, max-age=60"
    resp.make_conditional(request)  # a 304 for a matching If-None-Match (it changes `resp` itself)
    return resp


@bp.errorhandler(ParamError)
def _param_error(exc: ParamError):
    return error_response(400, exc.code, exc.message, exc.parameter)


@bp.get("/search")
def search():
    response = views.search_view(request.args, strict=True, facet_path=request.path)
    page = request.args.get("page")
    response["links"] = {
        "html": url_with(url_for("pages.search"), request.args, page=page),
        "csv": url_with(url_for("api.search_csv"), request.args, page=page),
        "csv_all": url_with(url_for("api.search_csv"), request.args, all=1),
        "jsonl_all": url_with(url_for("api.search_jsonl"), request.args, all=1),
        "map": url_with(url_for("api.map_data"), request.args),
    }
    if response["page"] < response["pages"]:
        response["links"]["next"] = url_with(request.path, request.args, page=response["page"] + 1)
    if response["unfiltered_total"]:  # the page's « Sans les filtres, la recherche donne … »
        response["links"]["without_filters"] = without_filters(request.path, request.args)
    return _etag_response(jsonify(response), response["index_version"])


def _export(ext: str, mimetype: str) -> Response:
    args, export_all, rows, sep = exports.export_options(request.args, ext)
    state, req, results = exports.hits(args, export_all)
    pairs = exports.rows_of(state, results, rows)
    if ext == "csv":
        body = exports.csv_lines(state, pairs, rows, request.host_url.rstrip("/"), sep)
    else:
        body = exports.jsonl_lines(state, pairs, rows)
    resp = Response(stream_with_context(body), mimetype=mimetype)
    name = exports.filename(rows, ext, req, export_all)
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return _etag_response(resp, state.version)


@bp.get("/search.csv")
def search_csv():
    return _export("csv", "text/csv")


@bp.get("/search.jsonl")
def search_jsonl():
    return _export("jsonl", "application/jsonl")


@bp.get("/map")
def map_data():
    """The places of the whole result set (the page /carte draws them)."""
    data = mapview.map_view(request.args, request.path)
    data["links"] = {"html": url_with(url_for("pages.map_page"), request.args),
                     "search": url_with(url_for("api.search"), request.args)}
    return _etag_response(jsonify(data), data["index_version"])


def _action_url(aid: str) -> str:
    return url_for("api.action", aid=aid)


@bp.get("/partnerships/<pid>")
def partnership(pid: str):
    data = views.partnership_view(pid)
    if data is None:
        if why := views.not_here(pid, lambda owner: url_for("api.partnership", pid=owner), _action_url):
            return error_response(why["status"], why["code"], why["message"], "id")  # as /api/actions, the page
        if (missing := views.missing_action(pid)) is not None:
            return error_response(404, "not_found", missing[1], "id")
        meant = views.partnership_meant(pid)
        hint = "" if meant is None else (f" Vouliez-vous dire « {meant[0]} » ?" if meant[1] is None
                                         else f" C'est une action de « {meant[0]} » : /api/actions/{meant[1]}.")
        return error_response(404, "not_found", f"Aucun partenariat n'a l'identifiant « {pid[:80]} ».{hint}", "id")
    return _etag_response(jsonify(data), get_engine().state().version)


@bp.get("/actions/<aid>")
def action(aid: str):
    data = views.action_view(aid)
    if data is None and (why := views.not_here(aid, lambda pid: url_for("api.partnership", pid=pid), _action_url)):
        return error_response(why["status"], why["code"], why["message"], "id")
    if data is None:
        meant = views.action_meant(aid)
        hint = f" {meant}" if meant else ""
        return error_response(404, "not_found", f"Aucune action n'a l'identifiant « {aid[:80]} ».{hint}", "id")
    return _etag_response(jsonify(data), get_engine().state().version)


@bp.get("/suggest")
def suggest():
    check_query_string(request.query_string)
    check_names(request.args, {"q"}, {"q"})
    q = request.args.get("q", "")
    if len(q) > MAX_SUGGEST_CHARS:
        return error_response(400, "query_too_long", too_long("q", MAX_SUGGEST_CHARS, len(q)), "q")
    check_text("q", q)
    return _etag_response(jsonify({"q": q, "suggestions": views.suggest_view(q)}), get_engine().state().version)


@bp.get("/facets")
def facets():
    check_query_string(request.query_string)
    check_names(request.args, (), ())
    return _etag_response(jsonify(views.facets_view()), get_engine().state().version)


@bp.get("/status")
def status():
    check_query_string(request.query_string)
    check_names(request.args, (), ())
    resp = jsonify(get_engine().status())
    resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.get("/openapi.json", endpoint="openapi")
def openapi_document():
    state = get_engine().state()
    resp = Response(openapi.served(state.version, state.facet_values), mimetype="application/json")
    return _etag_response(resp, state.version)
