"""One opened index generation: Whoosh searchers, the record store, and the
facet bitsets.

Everything a request needs that depends only on the index version is computed
here once, when the generation is opened, and shared by every request on it:
reading stored fields per request is the slow path with Whoosh.
"""
from __future__ import annotations

import functools
import json
import re
import sqlite3
import threading
from collections import Counter, OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from analyzers import Speller, fold_text
from analyzers.filters import normalize_saint, spell_out_saints
from analyzers.stopwords import STOPWORDS
from analyzers.vocabulary import ENTRIES, PLACE, load_expansions
from analyzers.wordtables import WordTables
from indexer import geography
from indexer.doctable import read_doc_table
from indexer.facet_registry import registry
from indexer.likeness import LikenessRows, open_likeness
from indexer.limits import MIN_TRUNCATED
from indexer.parsers.groups import member_names, names_listed
from indexer.recordtable import LazyRecords, RecordTable
from indexer.schema import check_compatible
from indexer.store import EXPANSIONS, LIKENESS, RECORD_TABLE, WORDS, Generation, IndexCorrupt

from . import ranking_profile
from .facets import FacetBits
from .highlight import Markers
from .matching import FieldLengths
from .placenames import is_collectivity_word
from .surroundings import Unit, partner_place_keys, partner_places, unit_of_partner


class LRU:
    """A small thread-safe least-recently-used map (per index generation)."""

    def __init__(self, size: int):
        self.size = size
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


@dataclass(slots=True)
class DocInfo:
    """An index document as every search sees it (its facet values are in `IndexState.facet_bits`)."""

    id: str
    type: str
    pid: str
    sort_name: str


@dataclass
class NameEntry:
    """A collectivity or place name offered by autocomplete."""

    name: str
    kind: str  # "collectivité" or "lieu"
    key: str  # folded
    words: tuple[str, ...]
    count: int = 0
    country: str | None = None
    place: bool = False  # also a region's or a cercle's name (Koulikoro): picked, it reads as the place


@dataclass
class SourceName:
    """A name the document writes a party by where its record names it otherwise (« Assemblée régionale
    de Kayes », now « Région de Kayes »: indexer/corpus._council_name; « Ville de Belfort »): the name,
    its country, and how many partnerships the document names so and how many bear the name."""

    spelling: str
    name: str
    country: str | None
    written: int
    named: int


@dataclass
class IndexState:
    generation: Generation
    index: Any  # whoosh.index.FileIndex (Whoosh ships no type hints)
    docs: list[DocInfo]
    partnerships: LazyRecords  # id -> record, read one by one (indexer.recordtable)
    actions: LazyRecords
    docnum_of: dict[str, int]
    actions_of: dict[str, list[str]]
    facet_values: dict[str, list]  # every value of each facet over the corpus
    facet_bits: FacetBits  # per facet value, its documents
    vocabulary: WordTables  # every word of the index as written (folded), with its document frequency
    caching: bool = True  # False: no cache of matches, snippets or stored documents
    # partnership documents -> their neighbours by likeness (indexer.likeness); None: an index built without
    likeness: LikenessRows | None = None
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _spare: list = field(default_factory=list, repr=False)  # searchers opened ahead, for threads to take
    # the reader `open_state` checked the segment with, for the first searcher: opening
    # a reader reads the table of contents and maps the segment's files (5 ms)
    _readers: list = field(default_factory=list, repr=False)

    def __post_init__(self):
        # Whoosh re-reads the table of contents on every `index.schema` access.
        self.schema = self._readers[0].schema if self._readers else self.index.schema
        # docnum -> (body as snippets show it, where its words start), from the
        # word tables (cached: snippets read the same bodies again and again)
        self.body = functools.lru_cache(maxsize=8192 if self.caching else 0)(self.vocabulary.body)
        self.partnership_docnums = [i for i, d in enumerate(self.docs) if d.type == "partnership"]
        self.action_docnums = [i for i, d in enumerate(self.docs) if d.type == "action"]
        # by document number, for the loops over every match
        self.action_flags = [d.type == "action" for d in self.docs]
        self.partnership_flags = [d.type == "partnership" for d in self.docs]
        self.parent_docnum = [self.docnum_of.get(d.pid) for d in self.docs]  # its partnership's document
        self.field_lengths = FieldLengths()
        self.match_cache = LRU(1024 if self.caching else 0)  # query -> {docnum: score}
        self.snippet_cache = LRU(8192 if self.caching else 0)  # (docnum, terms) -> snippet HTML
        self.markers = Markers(self.schema, self.vocabulary)  # the fields' analyzers, for highlighting

    def bodies(self, docnums) -> dict[int, tuple[str, Mapping[str, list[int]]]]:
        """`body` of each of `docnums`: through its cache when caching, else in one query."""
        if self.caching:
            return {d: self.body(d) for d in docnums}
        return self.vocabulary.bodies(docnums)

    @functools.cached_property
    def speller(self) -> Speller:
        return Speller(tables=self.vocabulary)

    # Tables only some pages need, made on first use (a search does not wait for them).
    @functools.cached_property
    def partnerships_of(self) -> dict[tuple[str, str], list[str]]:
        """(side, collectivity name) -> its partnerships, for the "see also" links."""
        out: dict[tuple[str, str], list[str]] = {}
        for p in self.partnerships.values():
            for side in ("french_party", "partner_party"):
                if p.get(side):
                    out.setdefault((side, p[side]["name"]), []).append(p["id"])
        return out

    @functools.cached_property
    def retired_of(self) -> dict[str, list[tuple[str, dict]]]:
        """Partnership id -> its retired action ids (`meta.json`'s `retired_actions`, by id) with what
        the ledger says of each: grouped once per generation, not scanned on each partnership's page
        (the map only grows: review r44, finding 10)."""
        out: dict[str, list[tuple[str, dict]]] = {}
        for aid, gone in sorted(self.generation.meta.get("retired_actions", {}).items()):
            out.setdefault(gone["partnership_id"], []).append((aid, gone))
        return out

    @functools.cached_property
    def french_abroad(self) -> frozenset:
        """Documents (partnerships and their actions) whose "French" side is not
        in France: the Algerian lists' partnerships of other countries' towns."""
        abroad = {pid for pid, country in self.partnerships.field("$.french_party.country")
                  if (country or "") != "France"}
        return frozenset(i for i, d in enumerate(self.docs) if d.pid in abroad)

    @functools.cached_property
    def _french_kinds(self) -> dict[str, frozenset]:
        """French collectivity kind -> the documents (partnerships and their actions) whose
        French side is of another kind."""
        kind_of = {pid: str(k) for pid, k in self.partnerships.field("$.french_party.kind") if k}
        kinds = set(kind_of.values())
        return {k: frozenset(i for i, d in enumerate(self.docs) if kind_of.get(d.pid) != k) for k in kinds}

    def french_other_kind(self, kind: str) -> frozenset:
        """Documents whose French side is not a collectivity of `kind` (`département`)."""
        return self._french_kinds.get(kind, frozenset(range(len(self.docs))))

    @functools.cached_property
    def owner_docnum(self) -> list[int | None]:
        """docnum -> its partnership's document: a partnership's own, an action's parent's."""
        return [i if own else parent for i, (own, parent)
                in enumerate(zip(self.partnership_flags, self.parent_docnum, strict=True))]

    @functools.cached_property
    def _partner_parties(self) -> list[tuple[str, dict]]:
        """(partnership id, its partner party) for every partnership that has one."""
        # SQLite's json_extract gives an object as JSON text
        return [(pid, json.loads(p)) for pid, p in self.partnerships.field("$.partner_party") if isinstance(p, str)]

    @functools.cached_property
    def partnerships_by_unit(self) -> dict[Unit, list[str]]:
        """Unit (a région, wilaya, cercle or province: engine/surroundings.py) -> the partnerships
        whose partner is that unit, in the records' order."""
        out: dict[Unit, list[str]] = {}
        for pid, party in self._partner_parties:
            unit = unit_of_partner(party)
            if unit is not None:
                out.setdefault(unit, []).append(pid)
        return out

    @functools.cached_property
    def partner_subdivisions(self) -> dict[str, int]:
        """The partners' subdivisions (a cercle, a province, a préfecture), each with how many
        partnerships' partner is in it, most first: what a `region:` prefix accepts beside the
        regions (the facet's text field holds them) and its suggestions offer."""
        counts = Counter(party["subdivision"] for _, party in self._partner_parties if party.get("subdivision"))
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    @functools.cached_property
    def partner_places(self) -> dict:
        """The partner communes the geography tables do not list, placed as the records place them."""
        return partner_places(party for _, party in self._partner_parties)

    @functools.cached_property
    def partner_place_keys(self) -> frozenset:
        """The partners' places (surroundings.partner_place_keys), read when a query names a place of the
        tables in several words (surroundings.place_phrases)."""
        return partner_place_keys(party for _, party in self._partner_parties)

    @functools.cached_property
    def _partner_keys(self) -> frozenset:
        """The partners' names as their partnerships' ids end (`bondy--nedroma`: nedroma), letters only."""
        return frozenset(re.sub(r"[^a-z0-9]", "", d.id.split("--", 1)[1])
                         for d in self.docs if d.type == "partnership" and "--" in d.id)

    def partner_place(self, key: str):
        """(country, place) of a partner commune `partner_places` knows by this key, else None;
        the records are read for it only when some partnership's id ends with that name (the
        read costs 2-3 ms, which no other query should pay)."""
        return self.partner_places.get(key) if key in self._partner_keys else None

    @functools.cached_property
    def names(self) -> list[NameEntry]:
        """Collectivity and place names offered by autocomplete."""
        return _names(self.partnerships)

    @functools.cached_property
    def _names_by_word(self) -> dict[str, list[tuple[tuple[str, ...], int]]]:
        """Word -> the names having it (their words, Saint read as the index reads it, and how many partnerships
        bear them): what a name's truncation looks through, not every name at each search."""
        out: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for entry in self.names:
            words = tuple(normalize_saint(w) for w in entry.words)
            for w in dict.fromkeys(words):
                out.setdefault(w, []).append((words, entry.count))
        return out

    @functools.cached_property
    def _name_endings(self) -> frozenset[tuple[str, ...]]:
        """Every name's last words, each way they end it (`denis`, `saint denis`): what `ends_a_name` looks up,
        where it looked through the 587 names at each call. As written: `Saintes` is no « Saint », here, where
        `_names_by_word` reads both as saint; `St`, `Ste` are spelled out, as the typed words are (the name
        « St Maximin » ended no value left open: `collectivite:"St Maximin eau` listed 0)."""
        spelled = (folded_words(spell_out_saints(e.key)) for e in self.names)
        return frozenset(words[i:] for words in spelled for i in range(len(words)))

    def ends_a_name(self, text: str) -> bool:
        """Whether `text`'s words end a name (`Saint-Denis`, `Essonne`; not `Saint`, `Conseil général de`): where
        a name's value left open may end (engine.openvalue)."""
        return folded_words(spell_out_saints(text)) in self._name_endings

    def truncation_words(self, begins: str, limit: int, after: tuple[str, ...] = ()) -> tuple[list[str], int] | None:
        """The words a truncation is searched for (truncations.Starting): the index's beginning so, the most
        frequent first; a name's last word (`collectivite:"saint et*"`, `after` its folded words before)
        those following them in the names, the most borne first (`St`, `Ste` are Saint, as the index reads
        them). The index's ten most frequent `et*` words follow no « saint », and the name listed nothing; a
        name the table lacks keeps the index's. A name's words no name continues so (`"saint sa*"`) ask
        for none: the index's 10 most frequent `sa*` words followed no « saint » either. A beginning of
        one letter (`"saint d*"`, `"de m*"`) is completed only after a name's words, which bound it (`"de m*"`
        asked for two letters where Marrakech, Meknès, Mopti… follow « de »: review 2 r51, L3); elsewhere it is
        too few (None)."""
        after = tuple(normalize_saint(w) for w in after)
        counts: Counter = Counter()
        n, short, named = len(after), len(begins) < MIN_TRUNCATED, False
        for words, count in self._names_by_word.get(after[0], []) if after else ():
            at = [words[i] for i in range(n, len(words)) if words[i - n:i] == after]
            named = named or bool(at)
            counts.update({w: count for w in at if w.startswith(begins)})
        if not named:
            return None if short else self.vocabulary.starting_with(begins, limit)
        return sorted(counts, key=lambda w: (-counts[w], w))[:limit], len(counts)

    @functools.cached_property
    def other_spelled(self) -> list[tuple[str, tuple[str, ...], str, str, NameEntry | None]]:
        """The names the geography tables read for another spelling (geography.other_spellings: `Timbuktu`
        is Tombouctou): each spelling, its folded words, the name, its country and its entry among `names`
        (None: no record bears it); then the document's own names of a party its record names otherwise
        (`source_names`: « Assemblée régionale de Kayes » is « Région de Kayes »), whose entry there is.
        Read at every keystroke of the autocomplete, which split the ~580 spellings again and rebuilt a
        table of the names for it; made once per generation."""
        named = {e.key: e for e in self.names}
        return [(spelling, folded_words(spelling), name, country, named.get(fold_text(name)))
                for spelling, (name, country) in geography.other_spellings().items()] + [
            (s.spelling, words, s.name, s.country or "", named[fold_text(s.name)])  # the document's own
            for words, s in self.source_names.items() if fold_text(s.name) in named]  # (source_names)

    @functools.cached_property
    def source_names(self) -> dict[tuple[str, ...], SourceName]:
        """The document's other names of the parties (SourceName), by their folded words: those the
        autocomplete offers as another spelling of the name, and a `collectivité:` clause says the
        name of (review 4 r48, M2, L1). Not one whose words hold the name's or are held in it (`Bures
        sur Yvette`, `Ville de Belfort`, `Conseil Régional Île-de-France`: the name's words are typed
        anyway, and `Vil` offered every « Ville de … »), nor one that shares no word but stop words
        with it (a State's, `Malienne` for Mali, `France` for « État français »), nor one with a word
        of its own that is no collectivity's kind (`_other_name`: « Ville de Fes », « Marolles – Les
        amis du Jumelage », an association), nor a group written as its members' list (`Pontcharra
        (38) Leader, La Rochette (73), …`)."""
        written: dict[tuple[str, ...], tuple[str, str, str | None, set[str]]] = {}
        named: dict[tuple[str, ...], set[str]] = {}
        for pid, p in self.partnerships.items():
            for party in (p.get("french_party"), p.get("partner_party")):
                if not party:
                    continue
                name, raw = party["name"], party.get("name_raw") or ""
                words, raw_words = folded_words(name), folded_words(raw)
                named.setdefault(words, set()).add(pid)
                if _other_name(raw_words, words) and not member_names(name, raw):
                    entry = written.setdefault(raw_words, (raw, name, party.get("country"), set()))
                    if folded_words(entry[1]) == words:  # (one name a spelling stands for: the first)
                        entry[3].add(pid)
        return {k: SourceName(raw, name, country, len(pids), len(named[folded_words(name)]))
                for k, (raw, name, country, pids) in written.items()}

    @property
    def version(self) -> str:
        return self.generation.path.name

    def searcher(self):
        """A Whoosh searcher for the calling thread (searchers are not shared between
        threads): one opened ahead by `open_searchers` while any is left, else a new one."""
        s = getattr(self._local, "searcher", None)
        if s is None:
            try:
                s = self._spare.pop()  # atomic: two threads never take the same one
            except IndexError:
                s = self._new_searcher(ranking_profile.current().weighting())
            self._local.searcher = s
        return s

    def open_searchers(self, count: int) -> None:
        """Open `count` searchers now, one for each server thread to take on its first
        request: opening one costs 2-8 ms, which a server of 8 threads otherwise adds to
        each of its first 8 answers (each thread opens its own)."""
        weighting = ranking_profile.current().weighting()
        self._spare.extend(self._new_searcher(weighting) for _ in range(count))

    def _new_searcher(self, weighting):
        """A searcher on the reader `open_state` left open while it is not taken, else on a new one."""
        try:
            reader = self._readers.pop()  # atomic, as above
        except IndexError:
            return self.index.searcher(weighting=weighting)
        from whoosh.searching import Searcher

        return Searcher(reader, weighting=weighting, fromindex=self.index)

    def is_partnership(self, docnum: int) -> bool:
        return self.docs[docnum].type == "partnership"


def _names(partnerships: Mapping[str, dict]) -> list[NameEntry]:
    """Every collectivity and place name, once per folded spelling (a name that is
    both a collectivity and a place, like Koulikoro, is offered once), shown as it is
    most often written, accents kept on a tie (Angoulême's partner is written « Segou »,
    ten records' region « Ségou »)."""
    entries: dict[str, NameEntry] = {}
    bearing: dict[str, set[str]] = {}  # key -> the partnerships bearing the name: its count
    written: dict[str, Counter[str]] = {}  # key -> how often each spelling is written

    def add(name, kind, country, pid):
        if not name:
            return
        key = fold_text(name)
        e = entries.get(key)
        if e is None:
            e = entries[key] = NameEntry(name, kind, key, folded_words(key), 0, country)
        elif kind == "collectivité":
            e.kind = kind
        e.place = e.place or kind == "lieu"
        bearing.setdefault(key, set()).add(pid)
        e.count = len(bearing[key])
        written.setdefault(key, Counter())[name] += 1

    territories = [(e.terms[0], {fold_text(u) for u in e.means}) for e in ENTRIES if e.kind == PLACE]
    for pid, p in partnerships.items():
        for side in ("french_party", "partner_party"):
            party = p.get(side)
            if not party:
                continue
            for name in _party_names(party):
                add(name, "collectivité", party.get("country"), pid)
            add(party.get("region"), "lieu", party.get("country"), pid)
            add(party.get("subdivision"), "lieu", party.get("country"), pid)
        # a territory of the vocabulary (`Kabylie`), counted by the partnerships a party of which is in
        # one of its units (Kidal-Tamanrasset's first party is Malian: it is in the north of Mali)
        parties = [(party, {fold_text(party.get("region") or ""), fold_text(party.get("subdivision") or "")})
                   for side in ("partner_party", "french_party") if (party := p.get(side))]
        for name, units in territories:
            inside = next((party for party, places in parties if places & units), None)
            if inside is not None:
                add(name, "lieu", inside.get("country"), pid)
    for key, e in entries.items():
        e.name = max(written[key].items(), key=lambda kv: (kv[1], not kv[0].isascii(), not kv[0].isupper()))[0]
    return sorted(entries.values(), key=lambda e: (-e.count, e.key))


def _other_name(raw: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether the document's words `raw` are another name of the party `name` (IndexState.source_names):
    words of their own, a word but a stop word in common (the place), and every other word but a stop
    word a collectivity's kind (placenames.is_collectivity_word: `Assemblée régionale`, `CU`). Not an
    association named by the place (« Marolles – Les amis du Jumelage » for Marolles-en-Hurepoix: `jumel`
    offered the town first), nor « Ville de Fes » for « Commune urbaine de Fès » (`Vil` offered it)."""
    own = set(raw) - set(name) - STOPWORDS
    return bool(raw) and not (set(raw) <= set(name) or set(name) <= set(raw)) \
        and bool((set(raw) & set(name)) - STOPWORDS) and all(map(is_collectivity_word, own))


def _party_names(party: Mapping) -> list[str]:
    """The names a party is offered by: its name, and a group's members (`La Roch`: La Rochette, of
    Pontcharra's group) but the one that is its name; a group named by the list of its members
    (« Dembella, Benkadi, Jlendio, Fella ») by its members alone: the list offered beside a member
    (`Benka`) listed the same partnership twice, and its first member (Dembella, Djéloubou) was
    taken for the name and never offered alone."""
    name = party["name"]
    members = [m for m in member_names(name, party.get("name_raw") or "") if fold_text(m) != fold_text(name)]
    listed = bool(members) and len(names_listed(name)) >= 2  # the one rule (groups.names_listed)
    return members if listed else [name, *members]


def _split_words(key: str) -> list[str]:
    return re.split(r"[^a-z0-9]+", key)


def folded_words(name: str) -> tuple[str, ...]:
    """A name's folded words (« Commune urbaine d'El Jedida »: commune, urbaine, d, el, jedida)."""
    return tuple(w for w in _split_words(fold_text(name)) if w)


def open_state(generation: Generation, caching: bool = True) -> IndexState:
    """Open a generation; IndexOutdated/IndexCorrupt when it cannot be served."""
    meta = generation.meta
    check_compatible(generation)
    path = generation.path
    try:
        ix = whoosh_index.open_dir(str(path))
        records = RecordTable(Path(path) / RECORD_TABLE)
    except Exception as exc:  # noqa: BLE001 - Whoosh and sqlite3 raise many kinds on damaged files
        raise IndexCorrupt(f"impossible d'ouvrir l'index de {path} ({type(exc).__name__}: {exc})") from None

    try:
        table = read_doc_table(Path(path))
    except Exception as exc:  # noqa: BLE001 - a damaged table: many kinds
        raise IndexCorrupt(f"impossible de lire l'index de {path} ({type(exc).__name__}: {exc})") from None
    docs = list(map(DocInfo, table.ids, table.types, table.pids, table.sort_names))
    reader = _checked_reader(ix, docs, meta, path)
    actions_of: dict[str, list[str]] = {}  # every action has its document, in the records' order
    for d in docs:
        if d.type == "action":
            actions_of.setdefault(d.pid, []).append(d.id)

    postings = {k: table.postings.get(k, {}) for k in registry().names}
    try:
        vocabulary = WordTables(Path(path) / WORDS)
    except (sqlite3.Error, OSError) as exc:
        reader.close()
        raise IndexCorrupt(f"impossible d'ouvrir les tables de mots de {path} ({type(exc).__name__}: {exc})") from None
    load_expansions(Path(path) / EXPANSIONS)  # an older index has none: the tables are then built on first use
    return IndexState(
        generation=generation,
        index=ix,
        docs=docs,
        partnerships=LazyRecords(records, "partnership"),
        actions=LazyRecords(records, "action"),
        docnum_of={d.id: i for i, d in enumerate(docs)},
        actions_of=actions_of,
        facet_values={k: sorted(per_value, key=str) for k, per_value in postings.items()},
        facet_bits=FacetBits(len(docs), postings, {f.name: f.missing for f in registry() if f.missing is not None}),
        vocabulary=vocabulary,
        caching=caching,
        likeness=open_likeness(Path(path) / LIKENESS),
        _readers=[reader],
    )


def _checked_reader(ix, docs: list[DocInfo], meta: dict, path: Path):
    """A reader of the segment, whose documents are checked to be `docs` (the
    table is the segment's, in its order); IndexCorrupt otherwise. It is kept
    open for the first searcher (IndexState._readers)."""
    reader = None
    try:
        reader = ix.reader()
        n = reader.doc_count_all()
        last = reader.stored_fields(n - 1)["id"] if n else None
    except Exception as exc:  # noqa: BLE001 - a damaged segment: many kinds
        if reader is not None:
            reader.close()
        raise IndexCorrupt(f"impossible de lire l'index de {path} ({type(exc).__name__}: {exc})") from None
    if n != len(docs) or len(docs) != meta.get("documents", len(docs)) or (docs and docs[-1].id != last):
        reader.close()
        raise IndexCorrupt(f"il manque des documents à l'index de {path}")
    return reader
