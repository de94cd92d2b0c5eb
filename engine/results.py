"""A result as the API lists it: its record's fields, its marked title, parties line and snippet
(engine/snippets.py), and a partnership's first actions nested under it. The search (engine/search.py)
and its completions (engine/completions.py) make their results here, each page's bodies and parties
lines read at once."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from indexer.facet_registry import partner_region

from .snippets import marked_title, names_and_places, parties_line, snippet
from .state import IndexState

NESTED_ACTIONS = 3


def page_results(state: IndexState, docnums: list[int], scores: Iterable[float], terms, nested: dict[str, list[int]],
                 mode: str) -> list[dict]:
    """The results of `docnums`, each with its score (`scores`, in their order), their bodies and parties lines read
    at once (none without `terms`: no snippets asked); `nested`: a partnership's id -> its actions to list under it."""
    bodies = _page_bodies(state, docnums, nested, mode) if terms is not None else {}
    lines = _page_lines(state, docnums) if terms is not None else {}
    return [_result(state, d, score, terms, nested, bodies, lines)
            for d, score in zip(docnums, scores, strict=True)]


def _party(p: dict | None) -> dict | None:
    return {k: p.get(k) for k in ("name", "kind", "country", "region", "subdivision")} if p else None


def _page_bodies(state: IndexState, page_hits: list[int], nested: dict[str, list[int]], mode: str) -> dict:
    """The bodies the page's snippets show (its hits', and their nested actions'), read at once."""
    docnums = list(page_hits)
    if mode == "partnership":
        docs = state.docs
        for d in page_hits:
            if docs[d].type == "partnership":
                docnums += nested.get(docs[d].id, [])[:NESTED_ACTIONS]
    return state.bodies(docnums)


def _page_lines(state: IndexState, page_hits: list[int]) -> dict:
    """The stored parties lines of the page's hits' partnerships (their documents' numbers)."""
    owner = state.owner_docnum
    return state.vocabulary.lines(owner[d] for d in page_hits)


def _result(state: IndexState, docnum: int, score: float, terms, nested, bodies: Mapping | None = None,
            lines: Mapping | None = None) -> dict:
    """A result as the API lists it; `bodies` and `lines` (_page_lines): the page's, read at once."""
    d = state.docs[docnum]
    if d.type == "partnership":
        rec = partnership = state.partnerships[d.id]
    else:
        rec = state.actions[d.id]
        partnership = state.partnerships[rec["partnership_id"]]
    src = (rec.get("sources") or partnership.get("sources") or [{}])[0]
    title = rec["title"]
    line = lines.get(state.owner_docnum[docnum]) if lines else None
    out = {
        "id": d.id,
        "type": d.type,
        "title": title,
        "partnership_id": partnership["id"],
        "french_party": _party(partnership.get("french_party")),
        "partner_party": _party(partnership.get("partner_party")),
        "countries": partnership.get("countries", []),
        "region": partner_region(partnership.get("partner_party"), partnership.get("french_party")),
        "domains": rec.get("domains", []),
        "years": rec.get("years", []),
        "status": rec.get("status"),
        "detail": rec.get("detail"),  # an action's record has its partnership's (indexer/build.py)
        "score": round(score, 4),
        "snippet": "",
        "formatted": {"title": marked_title(state, title, terms), **parties_line(state, partnership, terms, line)},
        "source": {"document": src.get("document"), "line": src.get("first_line"), "page": src.get("page")},
    }
    if d.type == "action":
        out["partnership_title"] = partnership["title"]
    else:
        acts = nested.get(d.id, [])
        out["actions_total"] = len(acts)
        out["actions"] = []
        for a in acts[:NESTED_ACTIONS]:
            arec = state.actions[state.docs[a].id]
            out["actions"].append({
                "id": arec["id"],
                "title": arec["title"],
                "domains": arec.get("domains", []),
                "years": arec.get("years", []),
                "status": arec.get("status"),
                "snippet": snippet(state, a, terms, bodies),
            })
    # the record's sheet is searched for a passage only when neither its body nor an action shown
    # under it has the words (a sheet, tokenized on a cold request, costs more than the search)
    shown_below = any("<mark>" in a["snippet"] for a in out.get("actions", []))
    out["snippet"] = snippet(state, docnum, terms, bodies, None if shown_below else rec,
                             lambda: f"{title} ; {names_and_places(partnership)}")
    return out
