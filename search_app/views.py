"""One data function per view, several renderers (Datasette's pattern).

Each function returns plain data (dicts, lists, strings, numbers): the HTML
templates (`pages.py`), the JSON API (`api.py`) and the CSV / JSON Lines
exports (`exports.py`) all render what it returns, so a rule such as hiding
contacts (`presenters.public_record`) holds in every format by construction.
Nothing here knows about HTML or response formats.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from urllib.parse import quote

from flask import current_app, request
from werkzeug.datastructures import MultiDict

from analyzers import fold_text
from analyzers.stopwords import STOPWORDS
from engine import SearchRequest
from engine.highlight import mark_all, terms_by_field
from engine.querylang import NAME_PREFIXES, NAMES, prefix_target
from engine.search import plan, read, search as run_search
from engine.state import folded_words
from engine.suggestion import knows
from indexer import geography
from indexer.action_ids import twins
from indexer.facet_registry import COUNTRY, DOMAIN, REGION, is_french, registry
from indexer.ids import action_id
from indexer.registry import labels
from indexer.text import french_list

from .index import get_engine
from .links import add_facet_links, as_read
from .params import ParamError, check_query_string, parse_search_args
from .presenters import public_record
from .spelling import show_suggestion


def hide_contacts() -> bool:
    return bool(current_app.config["HIDE_CONTACTS"])


def partnership_url(pid: str) -> str:
    return "/partenariats/" + quote(pid, safe="")


def has_french_party(rec: dict) -> bool:
    """A partnership has a French party unless the document lists cooperation
    between two other parties (the Algerian ministry's accords with other
    States and international organisations)."""
    return is_french(rec.get("french_party"))


def no_french_party_note(rec: dict) -> tuple[str, str] | None:
    """Why a record has no French collectivity, for its page and for the badge of its result
    (page notice, badge title); None when it has one. The Algerian ministry's accords name a
    partner abroad; a body with no partner (Action Mopti, an NGO in Mopti) is the sheet's only party."""
    if has_french_party(rec):
        return None
    partner, own = rec.get("partner_party") or {}, rec.get("french_party") or {}
    if partner:
        country = partner.get("country") or ""
        of = geography.of_country(country, article=True) if country else "de ce pays"
        page = (f"Aucune collectivité française dans ce partenariat : le document source recense aussi la "
                f"coopération {of} avec d'autres pays et des organisations internationales.")
        badge = "Le document recense aussi la coopération de ce pays avec d'autres pays ou des organisations " \
                "internationales."
        return page, badge
    about = ", ".join(x for x in (own.get("kind"), own.get("country")) if x)
    who = f"{own.get('name') or 'Son auteur'}" + (f" ({about})" if about else "")
    return (f"Aucune collectivité française dans cette fiche, ni de partenaire nommé : {who} y présente son action.",
            "La fiche présente l'action de cet organisme, sans partenaire nommé.")


def search_request(args: MultiDict, strict: bool = True) -> SearchRequest:
    """The validated request (ParamError with a French message when it is wrong)."""
    check_query_string(request.query_string)
    return parse_search_args(args, get_engine().state().facet_values, strict=strict)


def search_view(args: MultiDict, strict: bool = True, facet_path: str | None = None, paged: bool = True) -> dict:
    """The search results: what /api/search answers and the search page shows.

    `strict` also refuses unknown and repeated parameters (the API; the page
    ignores them). Facet values get their toggle URL on `facet_path`. `paged`
    False: the map's, which shows the whole result set (SearchRequest.paged)."""
    engine = get_engine()
    req = replace(search_request(args, strict), paged=paged)
    response = engine.search(req)
    # an empty filtered listing: how many the words find without the filters (the page links them)
    response["unfiltered_total"] = _unfiltered_total(engine, req) if response["total"] == 0 else None
    if hide_contacts():  # snippets come from redacted text already; the rule holds here too
        response["results"] = [public_record(h, True) for h in response["results"]]
        response["completions"] = [public_record(h, True) for h in response["completions"]]
    for hit in response["results"] + response["completions"]:
        hit["url"] = partnership_url(hit["partnership_id"])
        if hit["type"] == "action":
            hit["url"] += f"#{hit['id']}"
        hit["has_french_party"] = has_french_party(hit)
        if hit.get("similar_to"):  # a completion, and the result it is most like
            hit["similar_to"]["url"] = partnership_url(hit["similar_to"]["id"])
    show_suggestion(response, req.q, engine.state())
    if facet_path is not None:
        add_facet_links(response["facets"], facet_path, as_read(args, req.filters))
    return response


def all_results(state, req: SearchRequest, chunk: int = 200) -> Iterator[dict]:
    """Every result of a search in order, read `chunk` at a time from one index
    generation (`state`): for exports and the map, which need the whole result
    set and not one page, with bounded memory, and no completions."""
    page = 1
    while True:
        part = run_search(state, replace(req, page=page, per_page=chunk, facets=False, snippets=False,
                                         completions=False))
        yield from part["results"]
        if page >= part["pages"]:
            return
        page += 1


def _unfiltered_total(engine, req: SearchRequest) -> int | None:
    """How many results the same text has without any filter but the kind of record (None
    when nothing but the kind was filtered).

    Not `search._listings`, which counts the `type` facet: that one keeps every filter and toggles
    the kind (its searches reuse the listing's plan and evaluator, inside the engine); this one keeps
    the kind and drops every other filter (the prefixes typed in the words stay: they are the text), a
    count no listing of the engine holds. Without the filters the ranking may decide otherwise (partial
    matches, `Ranking.decisions`), so it is a search of its own, and only an empty listing asks for it."""
    kind = registry().kind
    kept = {k: v for k, v in req.filters.items() if kind is not None and k == kind.name}
    if not (req.filters.keys() - kept.keys() or req.year_from or req.year_to):
        return None
    bare = SearchRequest(q=req.q, per_page=1, facets=False, snippets=False, filters=kept)
    return engine.search(bare)["total"]


def partnership_view(pid: str) -> dict | None:
    """A partnership with all its actions, every field, as it may be shown: public_record copies the
    generation's stored records (as the exports do), which nothing here writes into."""
    state = get_engine().state()
    rec = state.partnerships.get(pid)
    if rec is None:
        return None
    hide = hide_contacts()
    data = public_record(rec, hide, state)
    data["actions"] = [public_record(state.actions[a], hide, state) for a in state.actions_of.get(pid, [])]
    data["url"] = partnership_url(pid)
    data["related"] = related_view(pid)  # the page's « Voir aussi »
    return data


def partnership_meant(pid: str) -> tuple[str, str | None] | None:
    """The partnership an unknown id means, when it names one otherwise than its id: typed in
    capitals (`PARIS--RABAT`), or an action's id (`paris--rabat--a01`). (partnership id, the
    action's id or None), or None. A retired action's id in capitals means its own address (its 410)."""
    engine = get_engine()
    lower = pid.strip().strip("/").lower()
    if lower != pid and (engine.partnership(lower) is not None or engine.retired_action(lower) is not None):
        return lower, None
    action = engine.action(lower)
    return (action["partnership_id"], lower) if action is not None else None


_ACTION_ID = re.compile(r"(?P<pid>.+)--(?P<n>a\d+)")  # indexer.ids: a partnership's id, then a01, a02…


def missing_action(rid: str) -> tuple[str, str] | None:
    """An action's id of a known partnership that has no such action (`paris--rabat--a99`): (the
    partnership's id, a sentence saying so and which actions it has); None otherwise. The page and the
    API said no partnership had that id."""
    engine = get_engine()
    m = _ACTION_ID.fullmatch(rid.strip().strip("/").lower())
    rec = engine.partnership(m["pid"]) if m else None
    if m is None or rec is None or engine.action(m.group(0)) is not None or engine.retired_action(m.group(0)):
        return None  # (an id in capitals of an action, living or retired, is meant: action_meant)
    ids = sorted((a["id"].rpartition("--")[2] for a in engine.actions_of(m["pid"])), key=lambda n: int(n[1:]))
    has = ("il n'a aucune action" if not ids else f"sa seule action est {ids[0]}" if len(ids) == 1
           else f"ses {len(ids)} actions vont de {ids[0]} à {ids[-1]}{_gaps(m['pid'], ids)}")
    padded = action_id(m["pid"], int(m["n"][1:])).rpartition("--")[2]  # `a1` for a01, as the ids write it
    meant = f" Vouliez-vous dire « {m['pid']}--{padded} » ?" if padded != m["n"] and padded in ids else ""
    return m["pid"], f"Le partenariat « {rec['title']} » n'a pas d'action {m['n']} : {has}.{meant}"


def gone_sentence(aid: str, title: str, twin: str | None = None, where: str = "") -> str:
    """What a retired action id is told, on its 410 (API, page) and at its anchor on its partnership's page:
    the action of its partnership bearing its title when there is one (its `twin`, action_ids.twins), and `where`
    it is (the API's address, « : /api/actions/… »)."""
    if twin:
        return (f"L'action « {title} » ({aid}) n'existe plus sous cet identifiant : une correction de la lecture "
                f"de son document l'a fondue dans l'action de même titre de son partenariat, {twin}{where}.")
    return (f"L'action « {title} » ({aid}) n'existe plus : une correction de la lecture de son document "
            "l'a fondue dans une autre ou retirée, et son identifiant ne désigne aucune autre action.")


def retired_anchors(pid: str) -> list[dict]:
    """The partnership's retired action ids with what each is told (`id`, `message`, `twin`): its page keeps
    an anchor for each, so a link to `#<retired id>` lands on that sentence, not silently on the top."""
    twin_of = _twins(pid)
    return [{"id": a["id"], "message": gone_sentence(a["id"], a["title"], same), "twin": same}
            for a in get_engine().retired_actions_of(pid) for same in [twin_of(a["title"])]]


def _twins(pid: str) -> Callable[[str | None], str | None]:
    """title -> the active action of partnership `pid` a retired id of that title was a copy of, or None."""
    st = get_engine().state()
    return twins((a, st.actions[a].get("title")) for a in st.actions_of.get(pid, []))  # read, not copied


def retired_action(aid: str, address: Callable[[str], str] | None = None,
                   action_address: Callable[[str], str] | None = None) -> dict | None:
    """An action id no action answers any more (indexer/action_ids.py: the id is not given to
    another): its last `title`, its partnership's id and title (None when gone too), the action of
    that partnership bearing its title (`twin`, or None) and the sentence saying so, with its
    partnership's `address(id)` and its twin's `action_address(id)` for the API (a page links to them
    below: no path in its text). None for any other id (a 404)."""
    engine = get_engine()
    gone = engine.retired_action(aid)  # as typed: in capitals, it is meant (a 404 saying so, as a living id's)
    if gone is None:
        return None
    owner = engine.partnership(gone["partnership_id"])
    if owner is None:
        return {"partnership_id": None, "partnership_title": None, "title": gone["title"], "twin": None,
                "message": orphan_sentence(aid, gone["title"], gone["partnership_id"])}
    same = _twins(owner["id"])(gone["title"])
    said = gone_sentence(aid, gone["title"], same, f" : {action_address(same)}" if same and action_address else "")
    said += f" Son partenariat « {owner['title']} » : {address(owner['id'])}." if address else ""
    return {"partnership_id": owner["id"], "partnership_title": owner["title"], "title": gone["title"],
            "twin": same, "message": said}


def orphan_sentence(aid: str, title: str, pid: str) -> str:
    """What a retired action id whose partnership is gone too is told: no reading of its document is
    blamed (the partnership's id may have changed with its parties' names), and its title is the way
    to find it again, if it is still there under another id."""
    return (f"L'action « {title} » ({aid}) n'a plus cet identifiant : son partenariat (identifiant « {pid} ») "
            "n'est plus dans le répertoire sous ce nom ; cherchez l'action par son titre.")


def unread_action(aid: str) -> str | None:
    """What an action id of a document the last build could not read is told (a 404: it is not
    retired, it comes back when the document is read); None for any other id."""
    lower = aid.strip().strip("/").lower()
    missing = get_engine().unread_action(lower)
    if missing is None:
        return None
    label = labels().get(missing["document"], missing["document"])
    return (f"L'action « {missing['title']} » ({lower}) n'est pas dans le répertoire pour l'instant : son "
            f"document, « {label} », n'a pas pu être lu à la dernière construction de l'index.")


def not_here(rid: str, address: Callable[[str], str] | None = None,
             action_address: Callable[[str], str] | None = None) -> dict | None:
    """Why an id that no record answers was issued all the same, as the API's partnerships and
    actions and the record page all tell it: a retired action's (`status` 410, `code` « gone »,
    with retired_action's fields) or an action's of a document the last build could not read (404,
    « pas pu être lu »), each with its `message`. None for an id never issued: each caller says that
    in its own way (partnership_meant, action_meant, missing_action)."""
    if gone := retired_action(rid, address, action_address):
        return dict(gone, status=410, code="gone")
    if unread := unread_action(rid):
        return {"status": 404, "code": "not_found", "message": unread}
    return None


MAX_GAPS_NAMED = 3  # more, and the sentence counts them: it listed every action (23 ids for one gap)


def _gaps(pid: str, ids: list[str]) -> str:
    """The numbers missing between a partnership's first and last action (`a01`…, sorted), as the end
    of « ses 22 actions vont de a01 à a23 » (« , sans a14 »): a retired one (indexer/action_ids.py)
    leaves a gap, and a new action may come after it."""
    have = {int(n[1:]) for n in ids}
    gaps = [action_id(pid, n).rpartition("--")[2] for n in range(int(ids[0][1:]), int(ids[-1][1:])) if n not in have]
    if not gaps:
        return ""
    return f", sans {french_list(gaps)}" if len(gaps) <= MAX_GAPS_NAMED else f", avec {len(gaps)} numéros sans action"


def action_meant(aid: str) -> str | None:
    """What an unknown action id means, as a partnership's does (`partnership_meant`): the action
    typed in capitals (`PARIS--RABAT--A01`), a partnership's id, or an action its partnership does
    not have; the sentence that says it, or None."""
    engine = get_engine()
    lower = aid.strip().strip("/").lower()
    if lower != aid and (engine.action(lower) is not None or engine.retired_action(lower) is not None):
        return f"Vouliez-vous dire « {lower} » ?"
    if engine.partnership(lower) is not None:
        return f"C'est un partenariat : /api/partnerships/{lower}."
    missing = missing_action(aid)
    return missing[1] if missing is not None else None


def related_view(pid: str) -> dict:
    """The other partnerships of the same French collectivity and of the same partner, and the
    partnerships whose texts are most like this one's (`likeness`, 0-1)."""
    engine = get_engine()
    same_french, same_partner = engine.related(pid)

    def short(p: dict) -> dict:
        return {"id": p["id"], "title": p["title"], "countries": p.get("countries", []),
                "url": partnership_url(p["id"])}

    return {"same_french": [short(p) for p in same_french], "same_partner": [short(p) for p in same_partner],
            "alike": [dict(short(p), likeness=round(w, 3)) for p, w in engine.alike(pid)]}


def action_view(aid: str) -> dict | None:
    state = get_engine().state()
    rec = state.actions.get(aid)  # the stored record: public_record copies it
    if rec is None:
        return None
    data = public_record(rec, hide_contacts(), state)
    data["url"] = partnership_url(rec["partnership_id"]) + f"#{aid}"
    return data


def facets_view() -> dict:
    """Every facet over the whole corpus (`facets`, `facet_info`)."""
    return get_engine().facets()


SUGGESTED_WORDS = 6  # the typed words a name may replace: « eau potable Conseil général de l'I »


def suggest_view(q: str) -> list[dict]:
    """What /api/suggest offers for the end of `q`, each with `replaces`: how many of q's last words
    picking it replaces. The box sent the last word only, so `Saint D`, `Rhone A` offered nothing
    and picking « Nioro du Sahel » for `Nioro Sahel` gave `Nioro Nioro du Sahel`; it now sends the
    words typed last. Its last six, five… then one words are each read as a name's beginning, the
    first reading that offers something is the answer (q whole, when it is short, as before; a
    last word of one letter alone is no beginning), the names scanned once for them all."""
    words, end = q.split(), q[len(q.rstrip()):]  # a final space: the last word is typed whole
    typed = OPEN_CLAUSE.search(q)  # `pays:ma`, `region:"District de B`: a prefix's value being typed
    # (a group's value not begun, `domaine:(`, is offered nothing)
    if typed and (by_prefix := _prefix_values(typed)) is not None:
        replaced = len(typed_clause(typed).split())
        return [dict(s, replaces=replaced) for s in by_prefix] if replaced else []
    runs = [n for n in range(min(len(words), SUGGESTED_WORDS), 0, -1)
            if not (n == 1 < len(words) and len(words[-1]) < 2)]
    first, offered = get_engine().suggest_first([" ".join(words[-n:]) + end for n in runs])
    return [{**s, "replaces": runs[first]} for s in offered]


# A prefix's clause being typed at the end of a query (`pays:ma`, `-region:"Nioro d`, a quote still open: its
# words; also after a parenthesis, `eau (region:kay`): the clause (1), its sign (2), prefix (3) and value begun, in
# an open quote (4) or bare (5). Or a value being typed in a prefix's open group (`domaine:(sa`, `domaine:(Santé OR
# cu`, `region:(Nioro du`: the words since the parenthesis or the last OR/OU, which the group reads as one value):
# the group's sign (6) and prefix (7), the value (8), in an open quote (9) or bare (10). A pick replaces the
# clause (1) or the value (8) only: what precedes, the parenthesis too, stays. The search box reads the same
# (static/search.js, suggest()).
OPEN_CLAUSE = re.compile(r'(?:^|[\s(])(?:((-?)([^\s:"()]+):(?:"([^"]*)|([^\s"()]*)))'
                         r'|(-?)([^\s:"()]+):\((?:[^()"]|"[^"]*")*?(?:(?<=\()|(?<=\s))("([^"]*)|((?:(?!(?:OR|OU)\s)[^\s"():]+\s+)*[^\s"():]*)))$')


def typed_clause(m: re.Match) -> str:
    """The text a pick replaces in OPEN_CLAUSE's match `m`: the clause, or the value in a group."""
    return m[1] if m[1] is not None else m[8]
PREFIX_KINDS = {COUNTRY: "lieu", REGION: "lieu", DOMAIN: "domaine"}  # what the box says of each
SUGGESTED = 10  # as many as /api/suggest offers names


def _prefix_values(m: re.Match) -> list[dict] | None:
    """What a prefix being typed is offered (QA r48, QA17, defect 4: `pays:ma` offered « Communauté de
    communes du Pays de la Marche », `region:kay` two collectivities, whose pick replaced the region
    filter by theirs): a facet's values a word of begins so, most partnerships first, each picked as
    the prefix as typed and the value (`pays:Mali`, `region:"District de Bamako"`); a name prefix's
    collectivities; none for the other prefixes (`annee:`, `type:`). None: no known prefix. In a prefix's
    open group (`domaine:(Santé OR cu`), each is picked as the value alone (`Culture`, `"Eau et
    assainissement"`): the group's prefix and parenthesis stay (review 1, r49, item 2)."""
    grouped = m[1] is None
    sign, prefix = (m[6], m[7]) if grouped else (m[2], m[3])
    begun = (m[9] or m[10] or "") if grouped else (m[4] or m[5] or "")  # in an open quote or bare
    target = prefix_target(prefix)
    if target is None:
        return None
    offered = _values_begun(target, begun, sign, prefix)
    return [dict(o, query=o["query"].partition(":")[2]) for o in offered] if grouped else offered


def _values_begun(target: str, begun: str, sign: str, prefix: str) -> list[dict]:
    """_prefix_values' offers for a known prefix's `target`, each picked as `sign` `prefix`:value."""
    key = fold_text(begun)
    if target == NAMES:
        return [dict(s, query=sign + s["query"]) for s in get_engine().suggest(begun)
                if s["kind"] == "collectivité" and s.get("query", "").startswith(NAME_PREFIXES[0])] if key else []
    if target not in PREFIX_KINDS:
        return []
    values = [v for v in get_engine().facets()["facets"].get(target, []) if _begins(key, str(v["value"]))]
    values.sort(key=lambda v: (not fold_text(str(v["value"])).startswith(key), -v["count"], str(v["value"])))
    offered = [{"name": v["value"], "kind": PREFIX_KINDS[target], "country": None, "count": v["count"],
                "query": f'{sign}{prefix}:' + (f'"{v["value"]}"' if " " in v["value"] else v["value"])}
               for v in values[:SUGGESTED] if v["count"]]
    return offered + _units_begun(key, sign, prefix, offered) if target == REGION else offered




def _begins(key: str, value: str) -> bool:
    """Whether the folded `key` begins the value or one of its words but a stop word (review 2 r49, M3:
    `region:d` offered « Nioro du Sahel », « Préfecture de Fès », « Préfecture d'Agadir… » by du, de,
    d, and the ten places left out Dioïla, Djenné, Douentza; `region:de` eight units, none a « de… »)."""
    return fold_text(value).startswith(key) or any(w.startswith(key) for w in folded_words(value) if w not in STOPWORDS)


def _units_begun(key: str, sign: str, prefix: str, offered: list[dict]) -> list[dict]:
    """The cercles and provinces (the partners' subdivisions) a `region:` prefix being typed begins, after
    the regions `offered` and up to SUGGESTED in all: the prefix accepts them (QA r48, QA17, defect 8:
    `region:"Nioro du` offered nothing), each with what its pick lists, the most first."""
    engine, taken = get_engine(), {fold_text(str(o["name"])) for o in offered}
    out: list[dict] = []
    for unit in engine.state().partner_subdivisions:
        folded = fold_text(unit)
        if len(offered) + len(out) >= SUGGESTED:
            break
        if folded in taken or not _begins(key, unit):
            continue
        value = f'"{unit}"' if " " in unit else unit
        count = engine.picked_count(f"{REGION}:{value}")
        if count:
            out.append({"name": unit, "kind": PREFIX_KINDS[REGION], "country": None, "count": count,
                        "query": f"{sign}{prefix}:{value}"})
    return sorted(out, key=lambda o: -o["count"])


def record_marks(q: str) -> Callable[[str | None, str], str]:
    """A function marking the words of query `q` in a text of a record page,
    as the search marks its snippets: `mark(text, field)` gives escaped HTML
    where the words the `field`'s terms match are in <mark> (`title` for
    titles, `body` for the texts)."""
    state = get_engine().state()
    terms: dict[str, frozenset] = {}
    if q.strip():
        try:
            known = knows(state)  # (one per request: its memo)
            terms = terms_by_field(plan(state, read(state, q, known), known).query, state.markers)
        except Exception:  # noqa: BLE001 -- a record page never fails because of the query it came with
            terms = {}

    def mark(text: str | None, field: str = "body") -> str:
        return mark_all(text, terms.get(field, set()), state.markers[field])

    return mark


__all__ = [
    "ParamError",
    "action_meant",
    "action_view",
    "facets_view",
    "has_french_party",
    "missing_action",
    "no_french_party_note",
    "not_here",
    "partnership_view",
    "related_view",
    "retired_anchors",
    "search_view",
    "suggest_view",
]
