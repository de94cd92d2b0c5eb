"""The search engine's Python API, used by the web application and the CLI.

    engine = Engine(index_dir)
    engine.search(SearchRequest(q="assainissement Kayes", filters={"country": ["Mali"]}))

The engine follows the index's CURRENT pointer: when a rebuild publishes a new
generation, the next request opens it (a request already running finishes on
the generation it started with). If the new generation cannot be opened, the
old one keeps being served and the error is kept for the status endpoint.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from analyzers import fold_text
from indexer.facet_registry import registry
from indexer.store import DEFAULT_INDEX_DIR, IndexError_, current_generation, pointer_stamp
from indexer.unread import unread_documents

from . import autocomplete, surroundings
from .search import SORTS, SearchRequest, search
from .state import IndexState, open_state

__all__ = ["SORTS", "Engine", "IndexError_", "SearchRequest"]
PICKS_PAUSE = 0.002  # seconds between two counts of Engine.count_picks (the GIL left to the requests)


class Engine:
    def __init__(self, index_dir: Path | str = DEFAULT_INDEX_DIR, caching: bool = True):
        """`caching=False` turns off the per-generation caches of matches,
        snippets and stored documents: every request is answered as if it
        were the first (how the benchmarks measure cold requests)."""
        self.index_dir = Path(index_dir)
        self.caching = caching
        self._lock = threading.Lock()
        self._state: IndexState | None = None
        self._stamp: tuple | None = None
        self.last_error: str | None = None
        self._whole: tuple[IndexState, dict] | None = None  # facets() of a generation: asked at each keystroke
        self._picked: tuple[IndexState, dict[str, int]] | None = None  # what a picked name lists, per generation
        self._picks_counted: IndexState | None = None  # the generation count_picks went through
        # called, in a thread of its own, with each generation opened after the first (a rebuild
        # published while serving): what `serve` prepared for the first one (search_app/serving.py)
        self.on_new_generation: Callable[[IndexState], object] | None = None

    # -- lifecycle ---------------------------------------------------------
    def state(self) -> IndexState:
        """The current generation, reopened when CURRENT has changed."""
        stamp = pointer_stamp(self.index_dir)
        if self._state is not None and stamp == self._stamp:
            return self._state
        with self._lock:
            if self._state is not None and stamp == self._stamp:
                return self._state
            try:
                state = open_state(current_generation(self.index_dir), caching=self.caching)
            except IndexError_ as exc:
                self.last_error = str(exc)
                if self._state is None:
                    raise
                self._stamp = stamp  # do not retry on every request; a new publish changes the stamp
                return self._state
            replaced = self._state is not None
            self._state, self._stamp, self.last_error = state, stamp, None
            if replaced and self.on_new_generation is not None:
                threading.Thread(target=self.on_new_generation, args=(state,), daemon=True).start()
            return state

    # -- queries -----------------------------------------------------------
    def search(self, request: SearchRequest | None = None, **kwargs) -> dict:
        return search(self.state(), request or SearchRequest(**kwargs))

    # Records are returned as copies: the generation's stored dicts are shared by every request,
    # and a caller that edits what it got (a template adding a field) must not change them.
    def partnership(self, pid: str) -> dict | None:
        return copy_record(self.state().partnerships.get(pid))

    def action(self, aid: str) -> dict | None:
        return copy_record(self.state().actions.get(aid))

    def retired_action(self, aid: str) -> dict | None:
        """An action id issued once that no action answers any more (a parsing fix merged, split
        or dropped its action: indexer/action_ids.py): its `partnership_id` and last `title`."""
        return copy_record(self.state().generation.meta.get("retired_actions", {}).get(aid))

    def unread_action(self, aid: str) -> dict | None:
        """An action id of a document the build could not read (indexer/action_ids.py `unread_ids`):
        its `partnership_id`, last `title` and `document`; not retired, only missing until it is read."""
        return copy_record(self.state().generation.meta.get("unread_actions", {}).get(aid))

    def retired_actions_of(self, pid: str) -> list[dict]:
        """The ids a partnership's actions had and no action answers any more, each with its last
        `title`: its page keeps an anchor for each, so an old link to `#<id>` says what became of it."""
        return [dict(copy_record(a), id=aid) for aid, a in self.state().retired_of.get(pid, [])]

    def actions_of(self, pid: str) -> list[dict]:
        st = self.state()
        return [copy_record(st.actions[a]) for a in st.actions_of.get(pid, [])]

    def related(self, pid: str) -> tuple[list[dict], list[dict]]:
        """The other partnerships of the same French collectivity, and of the same partner: a partner
        bearing the same name, or the same unit written otherwise (« Région de Kayes » and « Assemblée
        régionale de Kayes », « Bamako (District) » and « Mairie du district de Bamako », « Yélimané » and
        « Cercle de Yelimané »: the unit the geography tables name, surroundings.unit_of_partner, which the
        search's surroundings read too; QA r42, audit 5, defect 10)."""
        st = self.state()
        rec = st.partnerships[pid]
        out = []
        for side in ("french_party", "partner_party"):
            name = (rec.get(side) or {}).get("name")
            ids = list(st.partnerships_of.get((side, name), [])) if name else []
            unit = surroundings.unit_of_partner(rec.get(side)) if side == "partner_party" else None
            if unit is not None:  # the unit's, in title order (those of the same name first)
                ids += sorted((i for i in st.partnerships_by_unit.get(unit, []) if i not in ids),
                              key=lambda i: st.partnerships[i]["title"])
            out.append([copy_record(st.partnerships[i]) for i in ids if i != pid])
        return out[0], out[1]

    def alike(self, pid: str, limit: int = 5) -> list[tuple[dict, float]]:
        """The partnerships whose texts are most like this one's (indexer/likeness.py), most alike
        first, each with its likeness (0-1); none when the index has no likeness table."""
        st = self.state()
        docnum = st.docnum_of.get(pid)
        if st.likeness is None or docnum is None:
            return []
        row = st.likeness([docnum]).get(docnum, {})  # stored nearest first
        return [(copy_record(st.partnerships[st.docs[d].id]), w) for d, w in list(row.items())[:limit]]

    def suggest(self, prefix: str, limit: int = 10) -> list[dict]:
        """Collectivity and place names with a word starting with `prefix`
        (`Kou` -> Koulikoro, Koutiala), most frequent first, read as the search reads
        them, and a place's name for another spelling (autocomplete.py); then the domains with
        such a word (`assain` -> Eau et assainissement), each with the query prefix
        that filters by it; then the sheets' words it begins (`latr` -> latrines:
        autocomplete.py)."""
        return self.suggest_first([prefix], limit)[1]

    def suggest_first(self, prefixes: list[str], limit: int = 10) -> tuple[int, list[dict]]:
        """What `suggest` offers for the first of `prefixes` offered something, and its index (-1:
        none is): the search box's last words, the longest run first, with the names scanned once
        for them all (autocomplete.names_begun)."""
        typed = [fold_text(p or "").lstrip() for p in prefixes]  # a final space says the last word is
        st = self.state()  # typed whole: `St ` is Saint, not Strasbourg's beginning (review 3 r43, #10)
        begun = autocomplete.names_begun(st, typed, limit)
        for i, (readings, names) in enumerate(begun):
            key = typed[i].rstrip()
            if not key:
                continue
            domains = self._domains_starting(key)
            words = autocomplete.words_starting(st, key, partial(_listed, st)) if " " not in key else []
            room = limit - len(domains) - len(words)
            out = autocomplete.offered_names(st, readings, names, room, partial(self._picked_count, st))
            named = {w for e in out for w in fold_text(e["name"]).replace("-", " ").split()}
            offered = out + domains + [w for w in words if fold_text(w["name"]) not in named]
            if offered:
                return i, offered
        return -1, []

    def picked_count(self, query: str) -> int:
        """What picking a suggestion whose `query` this is lists (its search's total), counted once a
        generation as the names' picks are: a prefix's value that is no facet value (`region:` a cercle)."""
        return self._picked_count(self.state(), query)

    def _picked_count(self, st: IndexState, query: str) -> int:
        """What picking a name lists (its `query`'s total: a collectivity's `collectivité:"…"`, a
        place's name as words), so that the count offered is the count met: a name is also found
        inside longer ones (Bamako in « Mairie du district de Bamako »), a place's in the texts
        (Paris: 8 bear the name, 18 list it). Counted here when `count_picks` has not yet."""
        counts = self._picked_counts(st)
        if query not in counts:
            counts[query] = _listed(st, query)
        return counts[query]

    def count_picks(self, st: IndexState) -> None:
        """What picking each name lists, counted once for a generation as it opens (`serve` runs this
        in a thread): counted at the keystroke offering it, a name not yet counted cost a search
        (a cold keystroke up to ~50 ms). A keystroke before it is done counts what it offers itself."""
        counts = self._picked_counts(st)
        for e in st.names:
            if st is not self._state:
                return  # a newer generation opened: its own count is on its way
            query = autocomplete.picked_name(e)
            if query not in counts:
                counts[query] = _listed(st, query)
                time.sleep(PICKS_PAUSE)  # the requests meanwhile come first
        self._picks_counted = st

    def _picked_counts(self, st: IndexState) -> dict[str, int]:
        """The picked names' counts of generation `st` (the names are few, and offered again at
        every keystroke)."""
        picked = self._picked
        if picked is not None and picked[0] is st:
            return picked[1]
        if st is not self._state:  # a request still on the generation before: counted, not kept
            return {}
        self._picked = (st, {})
        return self._picked[1]

    def _domains_starting(self, key: str, shortest: int = 3) -> list[dict]:
        """The domains a typed beginning names (`assain`, `sant`; three letters at least: `e`
        begins five of them), with their partnership counts and the prefix clause filtering by
        each (`domaine:"Eau et assainissement"`)."""
        if len(key) < shortest:
            return []
        counts = {v["value"]: v["count"] for v in self.facets()["facets"].get("domain", [])}
        facet = registry().get("domain")
        prefix = facet.prefixes[0] if facet is not None and facet.prefixes else "domaine"
        return [{"name": label, "kind": "domaine", "country": None, "count": count,
                 "query": f'{prefix}:"{label}"'}
                for label, count in sorted(counts.items(), key=lambda kv: -kv[1])
                if fold_text(label).startswith(key) or any(w.startswith(key) for w in fold_text(label).split()
                                                           if len(w) >= shortest)]

    def facets(self) -> dict:
        """Every facet with its values over the whole corpus (`facets`), and how
        many values each has and whether its list was cut (`facet_info`); counted once a generation (the
        search box's domain and prefix suggestions read it at each keystroke). Not to be modified."""
        st = self.state()
        if self._whole is None or self._whole[0] is not st:
            r = search(st, SearchRequest(per_page=1, snippets=False))
            self._whole = (st, {"facets": r["facets"], "facet_info": r["facet_info"]})
        return self._whole[1]

    def status(self) -> dict:
        st = self.state()
        meta = st.generation.meta
        return {"version": st.version, "built_at": meta.get("built_at"), "counts": meta.get("counts"),
                "complete": meta.get("complete", True), "last_error": self.last_error,
                "unread_documents": unread_documents(meta), "names_counted": self._picks_counted is st}


def _listed(st: IndexState, word: str) -> int:
    """How many partnerships a search for `word` lists in generation `st`: what picking it gives (its
    total only: no facet counts nor snippets, up to three such searches per keystroke)."""
    return search(st, SearchRequest(q=word, per_page=1, snippets=False, facets=False))["total"]


def copy_record(value: Any) -> Any:
    """A deep copy of JSON-like data (dicts, lists, scalars); much faster than copy.deepcopy."""
    if isinstance(value, dict):
        return {k: copy_record(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_record(v) for v in value]
    return value


