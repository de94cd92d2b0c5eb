"""Errors never leak a stack trace: JSON with a code under /api, a French page elsewhere."""
from __future__ import annotations

from flask import Flask, jsonify, redirect, render_template, request
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from indexer.store import IndexError_

from .params import INDEX_UNAVAILABLE, error_body

MESSAGES = {
    400: "Requête invalide.",
    404: "Page introuvable.",
    405: "Méthode non autorisée.",
    410: "Cette page n'existe plus.",
    429: "Trop de requêtes.",
    500: "Erreur interne : l'incident a été enregistré.",
    503: "L'index de recherche est indisponible pour le moment.",
}
HEADINGS = {  # an error page's heading says what happened in words; its code follows it (QA12: « Erreur 404 »)
    400: "Requête invalide",
    404: "Page introuvable",
    405: "Méthode non autorisée",
    410: "Page retirée",
    429: "Trop de requêtes",
    500: "Erreur interne",
    503: "Service momentanément indisponible",
}
CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 410: "gone", 429: "rate_limited",
         500: "internal_error", 503: INDEX_UNAVAILABLE}


def wants_json() -> bool:
    """Under /api, errors are JSON: `/api` itself too (it answered the HTML page, `/api/` JSON)."""
    return request.path == "/api" or request.path.startswith("/api/")


def error_response(status: int, code: str | None = None, message: str | None = None, parameter=None):
    code = code or CODES.get(status, "error")
    message = message or MESSAGES.get(status, "Erreur.")
    if wants_json():
        resp = jsonify(error_body(code, message, parameter))
        resp.status_code = status
        return resp
    return render_template("error.html", status=status, message=message), status


def without_trailing_slash(app: Flask):
    """`/a-propos/` for `/a-propos`: a 301 to the address without the slash when that one is a
    route (the query string kept); None otherwise."""
    path = request.path
    if path == "/" or not path.endswith("/"):
        return None
    target = path.rstrip("/") or "/"
    try:
        app.url_map.bind("localhost").match(target, method=request.method)
    except HTTPException:
        return None
    query = request.query_string.decode("utf-8", "replace")
    return french_redirect(target + (f"?{query}" if query else ""), "La page est à")


def french_redirect(url: str, says: str, status: int = 301):
    """A redirect (301 unless said) to `url` whose body, for the few clients that show it, is French (Werkzeug's
    is English): `says` then the link (« La fiche est à … »)."""
    resp = redirect(url, status)
    resp.set_data(f'<!doctype html><html lang="fr"><title>Redirection</title><p>{says} '
                  f'<a href="{escape(url)}">{escape(url)}</a>.</p>')
    return resp


def init_app(app: Flask) -> None:
    app.add_template_filter(lambda status: HEADINGS.get(status, "Erreur"), "error_heading")

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        if exc.code == 404 and (moved := without_trailing_slash(app)) is not None:
            return moved
        resp = error_response(exc.code or 500)
        allowed = getattr(exc, "valid_methods", None)
        if allowed:  # a 405 must say what is allowed (RFC 9110)
            resp = app.make_response(resp)
            resp.headers["Allow"] = ", ".join(sorted(allowed))
        return resp

    @app.errorhandler(IndexError_)
    def _index(exc: IndexError_):
        app.logger.error("index unavailable: %s", exc)
        return error_response(503, INDEX_UNAVAILABLE, MESSAGES[503])

    @app.errorhandler(Exception)
    def _any(exc: Exception):
        app.logger.exception("unhandled error on %s", request.path)
        return error_response(500)
