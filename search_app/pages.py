"""HTML pages (French): search, map, partnership, about. Each renders the data
function of `views.py` that its JSON twin in `api.py` renders too."""
from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, current_app, render_template, request, url_for
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from indexer.action_ids import fingerprint
from indexer.facet_registry import SOURCE_LABELS, registry
from indexer.limits import MAX_QUERY_CHARS, YEAR_MAX, YEAR_MIN
from indexer.records import PARTY_FACTS, SHOWN_ONLY
from indexer.text import french_date, french_list

from . import accessibility, mapview, marking, views
from .contacts import contact_groups
from .errors import french_redirect
from .formatting import TEMPLATE_FILTERS, number
from .index import get_engine
from .links import not_filters, url_with, without_filters
from .params import (
    SORT_LABELS,
    ParamError,
    facet_value,
    first_of_once,
    known_params,
    named,
    near_value,
    without_control,
)

bp = Blueprint("pages", __name__)

EXAMPLES = ["assainissement Kayes", "santé Ségou", "jumelage 1986", "pays:maroc eau potable",
            "école OU scolarisation", "collectivite:belfort"]
FILTER_BOX_MIN = 12  # a facet with more values than this gets a box to filter them

for _name, _filter in TEMPLATE_FILTERS.items():
    bp.add_app_template_filter(_filter, _name)


@bp.app_template_filter("no_french_badge")
def no_french_badge(hit: dict) -> str:
    """The title of a result's « Sans collectivité française » badge (views.no_french_party_note)."""
    return (views.no_french_party_note(hit) or ("", ""))[1]


def value_label(facet: str, value) -> str:
    """A facet value as shown (coded values have French labels in the registry)."""
    f = registry().get(facet)
    return f.label_of(value) if f is not None else str(value)


def year_bars(items: list[dict], height: int = 64, step: int = 10) -> dict:
    """The year facet as SVG bar geometry, one slot per calendar year between the
    first and the last (gaps show as empty slots). Heights are attributes, not
    inline styles, which the Content-Security-Policy would block. `items` are the
    years only (not « Sans année »: year_items)."""
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


def year_items(facet, items: list[dict]) -> tuple[list[dict], list[dict]]:
    """A chart facet's values: (its years, for the chart and the list of years; its missing value
    « Sans année », shown apart, after them)."""
    missing = [it for it in items if facet.missing is not None and it["value"] == facet.missing]
    return [it for it in items if it not in missing], missing


def hbar_rows(rows: list[tuple[str, int]]) -> list[dict]:
    """Rows of a horizontal bar chart with their width in percent of the largest."""
    top = max((n for _, n in rows), default=0) or 1
    return [{"label": k, "count": n, "pct": round(100 * n / top, 1)} for k, n in rows]


def page_numbers(page: int, pages: int, around: int = 2) -> list[int | None]:
    """Page numbers to link: the first, the last and those around the current
    one; None where pages are skipped (shown as …)."""
    keep = {1, pages} | set(range(max(1, page - around), min(pages, page + around) + 1))
    out: list[int | None] = []
    for n in sorted(keep):
        if out and n - (out[-1] or 0) > 1:
            out.append(None)
        out.append(n)
    return out


def search_state(args: MultiDict) -> str:
    """The search a record page was reached from, as a query string to carry along."""
    return url_with("", _known(args), page=args.get("page"))


def with_state(url: str, state: str) -> str:
    """A record URL carrying the search state, before its #fragment."""
    if not state:
        return url
    base, sep, frag = url.partition("#")
    return base + state + sep + frag


@bp.app_context_processor
def _labels():
    facets = registry()
    return {"FACETS": facets, "FACET_LABELS": {f.name: f.label for f in facets},
            "value_label": value_label, "SORT_LABELS": SORT_LABELS, "SOURCE_LABELS": SOURCE_LABELS,
            "year_bars": year_bars, "year_items": year_items, "hbar_rows": hbar_rows,
            "ACCESSIBILITY_STATUS": accessibility.STATUS, "unread_documents": _unread_documents,
            "YEAR_MIN": YEAR_MIN, "YEAR_MAX": YEAR_MAX,
            "region_words": mapview.region_words}


def _unread_documents() -> list[dict]:
    """The documents the served index could not read (indexer.unread), for the search page's notice:
    called by the template that shows it, so that no other page opens the engine for it."""
    return get_engine().status()["unread_documents"]


def _value_fixes(args: MultiDict) -> tuple[MultiDict, MultiDict | None, list[str]]:
    """For facet values the index does not know: the parameters without them, the parameters with
    each replaced by the one it was meant as (`country=mali`: Mali; None when one names none), and
    those meant values."""
    known = get_engine().state().facet_values
    facets = registry()
    without: list[tuple[str, str]] = []
    corrected: list[tuple[str, str]] = []
    meant: list[str] = []
    every_one_meant = True
    for k, v in args.items(multi=True):
        facet = facets.get(k)
        if facet is None or not facet.from_index or v in set(map(str, known.get(k, []))):
            without.append((k, v))
            corrected.append((k, v))
        elif (near := near_value(v, known.get(k, []))) is not None:
            corrected.append((k, near))
            meant.append(near)
        else:
            every_one_meant = False
    return MultiDict(without), (MultiDict(corrected) if every_one_meant else None), meant


def _without_mistake(args: MultiDict, name: str) -> tuple[MultiDict, int]:
    """The parameters without the wrong values of `name` (`year=20x5&year=2005`: 2005 is kept), or
    without `name` at all when none of its values is right or it takes one value; and how many
    values were dropped when some were kept (0 otherwise)."""
    facet = registry().get(name)
    values = args.getlist(name)
    kept = [v for v in values if v and _parses(facet, v)] if facet is not None else []
    some = bool(kept) and len(kept) < len(values)
    return MultiDict([(k, v) for k, v in args.items(multi=True)
                      if k != name or (some and v in kept)]), (len(values) - len(kept) if some else 0)


def _shortened(args: MultiDict) -> MultiDict:
    """The parameters with a query longer than the search takes cut to its length, at a word's end
    (a pasted link with a paragraph for its words: the page said « dépasse 500 caractères » and gave
    the box back too long, its « Rechercher » refused again)."""
    q = args.get("q", "")
    cut = q[:MAX_QUERY_CHARS]
    if len(q) > MAX_QUERY_CHARS and not q[MAX_QUERY_CHARS].isspace() and " " in cut.strip():
        cut = cut.rstrip().rsplit(" ", 1)[0]
    return MultiDict([(k, " ".join(cut.split()) if k == "q" else v) for k, v in args.items(multi=True)])


def _known(args: MultiDict) -> MultiDict:
    """The parameters the search knows (the page ignores the others: copied into its forms, an
    unknown one's name came raw, control characters included)."""
    known = known_params()
    return MultiDict([(k, v) for k, v in args.items(multi=True) if k in known])


def _parses(facet, value: str) -> bool:
    try:
        facet_value(facet, value)
    except ParamError:
        return False
    return True


FRENCH_SHEET = "CSV pour un tableur en français (séparateur « ; »)"


def export_menu(args: MultiDict, listing: str) -> list[dict]:
    """The export menu's files (`label`, `url`, `id`), each label saying what a line holds. An
    action search lists actions: its files have one action a line with the action columns (its
    budget), in both separators; its « un partenariat par ligne » file had an action a line without
    them, and no « ; » file had them (QA r43, audit 7, #6)."""
    def csv(**kw) -> str:
        return url_with(url_for("api.search_csv"), args, all=1, **kw)

    def jsonl(**kw) -> str:
        return url_with(url_for("api.search_jsonl"), args, all=1, **kw)

    if listing == "action":
        files = [("CSV, une action par ligne", csv(rows="action"), "export-csv"),
                 (f"{FRENCH_SHEET}, une action par ligne", csv(rows="action", sep=";"), None),
                 ("JSON Lines, actions", jsonl(rows="action"), "export-jsonl")]
    else:
        files = [("CSV, un partenariat par ligne", csv(), "export-csv"),
                 ("CSV, une action par ligne (les actions des partenariats trouvés)", csv(rows="action"), None),
                 (f"{FRENCH_SHEET}, un partenariat par ligne", csv(sep=";"), None),
                 (f"{FRENCH_SHEET}, une action par ligne", csv(rows="action", sep=";"), None),
                 ("JSON Lines, fiches complètes", jsonl(), "export-jsonl"),
                 ("JSON Lines, actions", jsonl(rows="action"), None)]
    return [{"label": label, "url": url, "id": id_} for label, url, id_ in files]


def _search_page(template: str, view: str):
    args = first_of_once(request.args)  # what the page reads, and so what its links carry on
    error = fix_url = fix_label = meant_url = meant_label = None
    r = None
    unfiltered = None
    # what the search form carries on: the known parameters, and on an error, the search without the mistake
    form_args = _known(args)
    try:
        # the map shows the whole result set: no page past the last, no completions beside it (an empty listing's
        # are shown under « Aucun résultat », map or not)
        r = views.search_view(args, strict=False, facet_path=request.path, paged=view != "map")
        unfiltered = r["unfiltered_total"]
    except ParamError as exc:
        error = exc.message
        if exc.code == "unknown_facet_value":
            without, corrected, meant = _value_fixes(args)
            form_args, fix_url = _known(without), url_with(request.path, without)
            if corrected is not None and meant:
                meant_url = url_with(request.path, corrected, page=args.get("page"))  # the same list: its page kept
                meant_label = french_list([f"« {m} »" for m in meant])
        elif exc.code == "invalid_characters":  # (`?q=%00eau`): echoed raw, they would break the page
            cleaned = MultiDict([(k, without_control(v)) for k, v in args.items(multi=True)])
            form_args, fix_url = _known(cleaned), url_with(request.path, cleaned)
            fix_label = "les caractères de contrôle"
        elif exc.code == "query_too_long":
            shortened = _shortened(args)
            form_args, meant_url = _known(shortened), url_with(request.path, shortened)
            meant_label = f"les {number(len(shortened['q']))} premiers caractères"
        elif exc.parameter and exc.parameter != "q" and exc.parameter in args:
            # a wrong page, year or sort in a hand-edited link: the same search without it (the words kept)
            without, dropped = _without_mistake(args, exc.parameter)
            form_args, fix_url = _known(without), url_with(request.path, without)
            fix_label = {0: f"le paramètre {named(exc.parameter)}", 1: "cette valeur"}.get(dropped, "ces valeurs")
    state = search_state(args)
    ctx: dict[str, Any] = {
        "r": r, "error": error, "fix_url": fix_url, "fix_label": fix_label, "form_args": form_args,
        "meant_url": meant_url, "meant_label": meant_label, "args": args,
        "q": without_control(form_args.get("q", "") if error else args.get("q", "")), "url_with": url_with,
        "without_filters": without_filters, "NOT_FILTERS": not_filters(),
        "path": request.path, "view": view, "state": state,
        "with_state": with_state, "unfiltered": unfiltered,
        "examples": EXAMPLES, "filter_box_min": FILTER_BOX_MIN, "max_query_chars": MAX_QUERY_CHARS,
        # the page kept both ways (the map ignores it): list page 3 -> Carte -> Liste was page 1
        "list_url": url_with(url_for("pages.search"), args, page=args.get("page")),
        "map_url": url_with(url_for("pages.map_page"), args, page=args.get("page")),
        "json_url": url_with(url_for("api.search"), args, page=args.get("page")),
        "csv_url": url_with(url_for("api.search_csv"), args, page=args.get("page")),
        "exports": export_menu(args, r["query"]["type"] if r is not None else "partnership"),
    }
    if r is not None:
        # with no text to rank by, the engine lists by name and says so: no "Pertinence" then
        browsing = r["query"]["sort"] == "name" and args.get("sort", "relevance") in ("", "relevance")
        ctx["sorts"] = {k: v for k, v in SORT_LABELS.items() if not (k == "relevance" and browsing)}
        ctx["page_numbers"] = page_numbers(min(r["page"], r["pages"]), r["pages"])  # past the last: around it
        if view == "map":
            m = mapview.map_view(args, request.path)
            ctx["m"], ctx["geo"] = m, mapview.map_geometry(m)
            ctx["map_note"] = mapview.left_off_note(m["unplaced"])
    return render_template(template, **ctx), (400 if error else 200)


@bp.get("/")
def search():
    return _search_page("search.html", "list")


@bp.get("/carte")
def map_page():
    return _search_page("search.html", "map")


# A partnership's texts in the order its page shows them, with their French headings (one list
# for the view and the template).
# the Moroccan sheets' « Date : » line, which follows « Cadre juridique : » and dates the act
# (« 24 octobre 1999 à Essaouira, 25 mai 2000 à La Rochelle ») : shown beside it, not as a bare « Date »
ACT_DATE = "Date"
TEXT_SECTIONS = (("history", "Historique"), ("objectives", "Objectifs"), ("perspectives", "Perspectives"),
                 ("documents", "Documents de capitalisation"), ("other_partnerships", "Autres partenariats"))


def _paragraphs(text: str | None, key: str, mark) -> list[Markup]:
    """Paragraphs of a text, escaped, with the search's words marked as the record's other texts
    are (marking.PARTNERSHIP_FIELDS)."""
    if not text:
        return []
    return [marking.marked(para, marking.PARTNERSHIP_FIELDS[key], mark) for para in text.split("\n") if para.strip()]


def _partnership_meant(pid: str):
    """An address naming a partnership otherwise than its id (views.partnership_meant) redirects
    to its page, at the action's row for an action's id; None otherwise."""
    meant = views.partnership_meant(pid)
    if meant is None:
        return None
    target, action = meant
    url = url_with(url_for("pages.partnership", pid=target), request.args, page=request.args.get("page")) + (
        f"#{action}" if action else "")  # the page of results kept: « Retour aux résultats » goes back to it
    return french_redirect(url, "La fiche est à")


def _not_here(pid: str):
    """An id issued once that no record answers (views.not_here): the 410 page of a retired action's
    id, with a link to its partnership (or a search for its title, the partnership gone too), or the
    404 page of an action of a document the last build could not read; None for any other id."""
    why = views.not_here(pid)  # the link below goes to its partnership: no path in the sentence
    if why is None:
        return None
    back_url = url_for("pages.search") + search_state(request.args)
    if why["status"] != 410:
        status = why["status"]  # the page's heading and the response's status are the same number
        return render_template("error.html", status=status, message=why["message"], back_url=back_url), status
    owner = why["partnership_id"]
    record_url = url_for("pages.partnership", pid=owner) + search_state(request.args) if owner else None
    words = "" if owner else why["title"]  # the partnership gone too: its title is how to find it again
    twin = why.get("twin")  # the action of its partnership bearing its title (action_ids.twin)
    twin_url = f"{record_url}#{twin}" if twin and record_url else None
    page = render_template("error.html", status=410, message=why["message"], back_url=back_url,
                           record_url=record_url, record_title=why["partnership_title"], twin=twin, twin_url=twin_url,
                           search_url=url_for("pages.search", q=words) if words else None, search_words=words)
    return page, 410


def _unknown_partnership(pid: str):
    """No partnership has this id: the page says so and offers a search for its words; an action its
    partnership does not have (`paris--rabat--a99`) is said so, with a link to that partnership."""
    pid = without_control(pid)
    back = url_for("pages.search") + search_state(request.args)  # the search it was reached from, if any
    missing = views.missing_action(pid)
    if missing is not None:
        owner = views.partnership_view(missing[0]) or {}
        return render_template("error.html", status=404, message=missing[1], back_url=back,
                               record_url=url_for("pages.partnership", pid=missing[0]) + search_state(request.args),
                               record_title=owner.get("title")), 404
    words = " ".join(w for w in re.split(r"[-_\s/]+", pid[:80]) if w)
    search = url_for("pages.search", q=words) if words else None
    message = f"Aucun partenariat n'a l'identifiant « {pid[:80]} »."
    return render_template("error.html", status=404, message=message, search_url=search, search_words=words,
                           back_url=back), 404


def _says_more(action: dict) -> bool:
    """Whether an action's description says more than its title: most repeat it, give or take a
    bullet and a full stop (617 of 962: `- Creusement d'un puits … Takoutala.` under `Creusement
    d'un puits … Takoutala`), which the table would show twice; some repeat a part of it
    (`Deuxième partie` under `Reconstruction du marché : Deuxième partie`)."""
    words = [fingerprint(action.get(k)) for k in ("title", "description")]  # as the id ledger compares titles
    return bool(words[1]) and f" {words[1]} " not in f" {words[0]} "


def _countries_not_in_parties(p: dict) -> list[str]:
    """The record's countries that neither party's block shows (« Pays » was printed in the partner's
    block and again in the record's facts, on every page): a partner the document does not name (Bron,
    Mali)."""
    shown = {(p.get(side) or {}).get("country") for side in ("french_party", "partner_party")}
    return [c for c in p.get("countries", []) if c not in shown]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _dates_in_french(extra: dict) -> dict:
    """The sheet's extra facts, an ISO date among them as « 20 juillet 1999 » (QA r48, QA17, defect 2:
    the MICL's « Date de signature » read `1999-07-20` on the page)."""
    return {k: french_date(v) if isinstance(v, str) and _ISO_DATE.fullmatch(v) else v for k, v in extra.items()}


_BARE_NUMBER = re.compile(r"\d{1,3}(?:[ .\u00a0\u202f]?\d{3})*")


def _population_in_french(party: dict) -> dict:
    """A party whose population the sheet writes as a bare number (`33000`, `139 800`) with French
    thousands, unbreakable (QA r48, QA17, defect 3); one in words or with a comment as written."""
    text, value = party.get("population_text"), party.get("population")
    if not (text and isinstance(value, int) and _BARE_NUMBER.fullmatch(text)
            and re.sub(r"\D", "", text) == str(value)):
        return party
    return dict(party, population_text=number(value))


@bp.get("/partenariats/<pid>")
def partnership(pid: str):
    p = views.partnership_view(pid)
    if p is None:
        return _partnership_meant(pid) or _not_here(pid) or _unknown_partnership(pid)
    args = request.args
    q = args.get("q", "")
    mark = views.record_marks(q if len(q) <= MAX_QUERY_CHARS else "")
    state = search_state(args)
    sections = [(label, paras) for key, label in TEXT_SECTIONS if (paras := _paragraphs(p.get(key), key, mark))]
    actions = [dict(marking.marked_action(a, mark), says_more=_says_more(a)) for a in p["actions"]]
    # (those, by paragraph); an agreement's date as a French reader writes it (the JSON keeps ISO)
    shown = dict(p, extra=_dates_in_french(p.get("extra") or {}),
                 **{side: _population_in_french(p[side]) for side in ("french_party", "partner_party") if p.get(side)})
    m = marking.marked_partnership(shown, mark, apart=[key for key, _ in TEXT_SECTIONS])
    # short facts, beside the budget, and those of a party's card (a group's members, the partner's commune)
    facts = {k: v for k, v in m["extra"].items() if k in SHOWN_ONLY and k not in PARTY_FACTS}
    party_facts = {side: {k: v for k, v in m["extra"].items() if PARTY_FACTS.get(k) == side}
                   for side in ("french", "partner")}
    return render_template(
        "partnership.html", p=p, m=m, actions=actions, related=p["related"], sections=sections, facts=facts,
        party_facts=party_facts, retired=views.retired_anchors(pid),
        act_date=m["extra"].get(ACT_DATE),
        stale=[u for u in _unread_documents() if u["document"] in {s["document"] for s in p["sources"]}],
        extra_texts={k: v for k, v in m["extra"].items() if k not in SHOWN_ONLY and k != ACT_DATE},
        has_french_party=views.has_french_party(p),
        contact_groups=marking.marked_contact_groups(contact_groups(p), mark),
        other_countries=marking.marked(_countries_not_in_parties(p), marking.PARTNERSHIP_FIELDS["countries"], mark),
        no_french_note=(views.no_french_party_note(p) or (None,))[0],
        back_url=url_for("pages.search") + state, state=state, from_search=bool(state),
        json_url=url_for("api.partnership", pid=pid))


@bp.get("/actions/<rid>")
@bp.get("/partnerships/<rid>")
def api_path_without_api(rid: str):
    """The JSON API's record address without its /api (/actions/<id>, /partnerships/<id>), as a reader
    shortens /api/actions/<id> by hand: the record's page (its action's row, a retired id's 410) and not
    a bare « Page introuvable » (QA19, r49). A 302: any text is redirected, and a browser keeps a 301 (review 4, L1)."""
    url = url_for("pages.partnership", pid=rid) + search_state(request.args)  # the search's own parameters only
    return french_redirect(url, "La fiche est à", 302)


@bp.get("/a-propos")
def about():
    engine = get_engine()
    st = engine.state()
    by_country: dict[str, int] = {}
    by_domain: dict[str, int] = {}
    for p in st.partnerships.values():
        for c in p.get("countries", []):
            by_country[c] = by_country.get(c, 0) + 1
        for d in p.get("domains", []):
            by_domain[d] = by_domain.get(d, 0) + 1
    by_decade, unformalised = _by_decade_of_formalisation(st.partnerships.values())
    return render_template(
        "about.html", status=engine.status(),
        by_country=sorted(by_country.items(), key=lambda x: -x[1]),
        by_domain=sorted(by_domain.items(), key=lambda x: -x[1]),
        by_decade=by_decade, unformalised=unformalised,
        n_partnerships=len(st.partnerships), n_actions=len(st.actions))


def _by_decade_of_formalisation(partnerships) -> tuple[list[tuple[str, int]], int]:
    """The chart « Partenariats par décennie de formalisation » and how many partnerships it leaves
    out: only a formalisation year counts (a sheet's first year of activity counted 21 partnerships
    with no convention, « Il n'y a pas de convention » among them: QA r42, audit 5, defect 9)."""
    by_decade: dict[int, int] = {}
    unformalised = 0
    for p in partnerships:
        year = p.get("formalized")
        if year:
            by_decade[year // 10 * 10] = by_decade.get(year // 10 * 10, 0) + 1
        else:
            unformalised += 1
    return [(TEMPLATE_FILTERS["decade"](d), n) for d, n in sorted(by_decade.items())], unformalised


@bp.get("/accessibilite")
def accessibility_statement():
    a = accessibility
    return render_template(
        "accessibility.html", status=a.STATUS, rgaa_version=a.RGAA_VERSION, date=a.STATEMENT_DATE,
        updated=a.STATEMENT_UPDATED,
        axe_version=a.AXE_VERSION, axe_tags=a.AXE_TAGS, sizes=a.VIEWPORTS, pages=a.CHECKED_PAGES,
        contact=current_app.config.get("ACCESSIBILITY_CONTACT"))
