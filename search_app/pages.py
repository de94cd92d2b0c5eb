"""HTML pages (French): search, partnership, about. Each has a JSON twin in api.py."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, url_for

from indexer.facet_registry import SOURCE_LABELS, registry

from . import get_engine
from .api import run_search
from .links import add_facet_links, url_with
from .params import ParamError
from .presenters import public_record

bp = Blueprint("pages", __name__)

SORT_LABELS = {"relevance": "Pertinence", "year_desc": "Plus récents", "year_asc": "Plus anciens",
               "name": "Nom"}


def value_label(facet: str, value) -> str:
    """A facet value as shown (coded values have French labels in the registry)."""
    f = registry().get(facet)
    return f.label_of(value) if f is not None else str(value)


def year_bars(items: list[dict], height: int = 64, step: int = 10) -> dict:
    """The year facet as SVG bar geometry, one slot per calendar year between the
    first and the last (gaps show as empty slots). Heights are attributes, not
    inline styles, which the Content-Security-Policy would block."""
    by_year = {int(it["value"]): it for it in items}
    first, last = min(by_year), max(by_year)
    top = max(it["count"] for it in items) or 1
    bars = []
    for i, year in enumerate(range(first, last + 1)):
        it = by_year.get(year)
        count = it["count"] if it else 0
        bars.append({"year": year, "count": count, "selected": bool(it and it["selected"]),
                     "url": it["toggle_url"] if it else None, "x": i * step,
                     "h": max(1, round((height - 2) * count / top)) if count else 0})
    return {"bars": [b for b in bars if b["url"]], "width": len(bars) * step, "step": step,
            "first": first, "last": last, "max": top}


def hbar_rows(rows: list[tuple[str, int]]) -> list[dict]:
    """Rows of a horizontal bar chart with their width in percent of the largest."""
    top = max((n for _, n in rows), default=0) or 1
    return [{"label": k, "count": n, "pct": round(100 * n / top, 1)} for k, n in rows]


@bp.app_context_processor
def _labels():
    facets = registry()
    return {"FACETS": facets, "FACET_LABELS": {f.name: f.label for f in facets},
            "value_label": value_label, "SORT_LABELS": SORT_LABELS, "SOURCE_LABELS": SOURCE_LABELS,
            "year_bars": year_bars, "hbar_rows": hbar_rows}


@bp.get("/")
def search():
    error = None
    response = None
    try:
        response = run_search(strict=False)
        add_facet_links(response["facets"], request.path, request.args)
    except ParamError as exc:
        error = exc.message
    args = request.args
    return render_template(
        "search.html", r=response, error=error, args=args, q=args.get("q", ""),
        url_with=url_with, path=request.path,
        json_url=url_with(url_for("api.search"), args, page=args.get("page")),
        csv_url=url_with(url_for("api.search_csv"), args, page=args.get("page")),
    ), (400 if error else 200)


@bp.get("/partenariats/<pid>")
def partnership(pid: str):
    engine = get_engine()
    rec = engine.partnership(pid)
    if rec is None:
        abort(404)
    rec = public_record(rec, current_app.config["HIDE_CONTACTS"])
    actions = engine.actions_of(pid)
    same_french, same_partner = engine.related(pid)
    return render_template("partnership.html", p=rec, actions=actions, same_french=same_french,
                           same_partner=same_partner,
                           json_url=url_for("api.partnership", pid=pid))


@bp.get("/a-propos")
def about():
    engine = get_engine()
    st = engine.state()
    by_country: dict[str, int] = {}
    by_domain: dict[str, int] = {}
    by_decade: dict[str, int] = {}
    for p in st.partnerships.values():
        for c in p.get("countries", []):
            by_country[c] = by_country.get(c, 0) + 1
        for d in p.get("domains", []):
            by_domain[d] = by_domain.get(d, 0) + 1
        first = p.get("formalized") or (p.get("years") or [None])[0]
        if first:
            dec = f"{first // 10 * 10}s"
            by_decade[dec] = by_decade.get(dec, 0) + 1
    return render_template(
        "about.html", status=engine.status(),
        by_country=sorted(by_country.items(), key=lambda x: -x[1]),
        by_domain=sorted(by_domain.items(), key=lambda x: -x[1]),
        by_decade=sorted(by_decade.items()),
        n_partnerships=len(st.partnerships), n_actions=len(st.actions))
