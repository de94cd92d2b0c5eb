"""Build a new index generation from the corpus and publish it atomically."""
from __future__ import annotations

import json
import pickle
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.codec import whoosh3
from whoosh.codec.whoosh3 import W3Codec

from analyzers import french_analyzer, names_analyzer, spelling_analyzer
from analyzers.indexing import planned_indexing, prime
from analyzers.vocabulary import write_expansions
from analyzers.wordtables import Locator, count_vocabulary, word_terms, write_tables

from .action_ids import LedgerError
from .corpus import DEFAULT_DATA_DIR, DOCUMENTS, Corpus, load_corpus
from .doctable import write_doc_table
from .documents import index_documents
from .likeness import write_likeness
from .locations import NoDocuments, check_data_dir
from .parallel import beside
from .partiesline import folded_forms, parties_line_text
from .records import action_from_dict, partnership_from_dict
from .recordtable import encoded, records_json, write_record_table
from .registry import REPERTOIRES
from .schema import SCHEMA_VERSION, TEXT_FIELDS, build_schema
from .segment import BuildWriter
from .sources import code_fingerprint
from .store import (
    DEFAULT_INDEX_DIR,
    DOC_COLUMNS,
    EXPANSIONS,
    LIKENESS,
    META,
    RECORD_TABLE,
    RECORDS,
    WORDS,
    BuildBusy,
    FolderUnwritable,
    IndexError_,
    building,
    current_generation,
    new_generation_dir,
    not_written,
    publish,
    why_not_made,
    write_json,
    write_text,
)

PARSED = "parsed.json"
# Whoosh's codec with uncompressed postings: zlib took a tenth of the build, and
# decompressing posting blocks a tenth of a search at 10x; the index is larger.
CODEC = W3Codec(compression=0)
POSTINGS_PICKLE = 5  # the pickle protocol of posting blocks and inlined postings (Whoosh writes 2)


def _dumps(obj, protocol=None) -> bytes:
    return pickle.dumps(obj, POSTINGS_PICKLE)


@contextmanager
def native_pickles() -> Iterator[None]:
    """Whoosh's codec pickles each block of postings, and the postings it keeps
    inline in a rare term's info, with protocol 2, which writes every encoded
    position list (bytes) as a call to `_codecs.encode` on a string: unpickling
    a block of 128 postings took 110 us, a third of the cold postings reads at
    10x. Protocol 5 writes bytes as bytes (18 us for the same block); Whoosh's
    reader takes any protocol and gets the same tuples, so old and new indexes
    read alike and give the same postings."""
    saved = whoosh3.dumps
    whoosh3.dumps = _dumps
    try:
        yield
    finally:
        whoosh3.dumps = saved


class BuildError(Exception):
    """The build could not complete; the index being served is unchanged."""


class BuildBusyError(BuildError):
    """Another process's build holds the index folder; `busy` is store.BuildBusy, naming it."""

    def __init__(self, busy: BuildBusy):
        super().__init__(str(busy))
        self.busy = busy


@dataclass
class BuildResult:
    generation: Path
    corpus: Corpus
    seconds: float
    documents: int

    def counts(self) -> dict:
        return meta_counts(self.corpus)


def meta_counts(corpus: Corpus) -> dict:
    by_source: dict[str, dict[str, int]] = {}
    for p in corpus.partnerships:
        for doc in {s.document for s in p.sources}:
            by_source.setdefault(doc, {"partnerships": 0, "actions": 0})["partnerships"] += 1
    for a in corpus.actions:
        for doc in {s.document for s in a.sources}:
            by_source.setdefault(doc, {"partnerships": 0, "actions": 0})["actions"] += 1
    return {"partnerships": len(corpus.partnerships), "actions": len(corpus.actions),
            "by_source": by_source}


def _previous_records(index_dir: Path) -> Callable[[str], tuple | None]:
    """The fallback for load_corpus: a failed document's records from the served
    index, read only when a document has failed (a healthy build reads nothing),
    with the time they were read: that index's build, or the earlier one it kept
    them from in turn (the pages say how old they are)."""
    parsed: dict | None = None
    meta: dict = {}

    def fallback(document: str):
        nonlocal parsed, meta
        if parsed is None:
            try:
                gen = current_generation(index_dir)
                meta = gen.meta
                parsed = json.loads((gen.path / PARSED).read_text(encoding="utf-8"))
            except (IndexError_, OSError, ValueError):
                parsed = {}
        entry = parsed.get(document)
        if not entry:
            return None
        return ([partnership_from_dict(d) for d in entry["partnerships"]],
                [action_from_dict(d) for d in entry["actions"]], read_at(meta, document))

    return fallback


def read_at(meta: dict, document: str) -> str | None:
    """When a generation's records of a document were read from it: its build's time, or, when
    that build kept them from an earlier one, the time that one read them (None when unknown)."""
    for report in meta.get("reports") or []:
        if report.get("document") == document and report.get("kept"):
            return report["kept"].get("read_at")
    return meta.get("built_at")


def build_index(data_dir: Path | str = DEFAULT_DATA_DIR, index_dir: Path | str = DEFAULT_INDEX_DIR,
                on_document=None, on_progress: Callable[[int, int], None] | None = None,
                on_locked: Callable[[], None] | None = None) -> BuildResult:
    """Parse the corpus, write a new generation, and switch CURRENT to it.

    `on_locked()` is called once the folder is held (the build will run), `on_document(document,
    report)` after each source document, `on_progress(done, total)` while documents are added to the index.
    """
    start = time.perf_counter()
    try:
        check_data_dir(data_dir, DOCUMENTS)
    except NoDocuments as exc:
        raise BuildError(str(exc)) from None
    index_dir = Path(index_dir)
    try:  # before the documents are read (a file by its name, a folder that cannot be made: a traceback)
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        why = why_not_made(index_dir, exc)
        raise BuildError(f"impossible de créer le dossier d'index {index_dir} : {why}") from None
    try:
        with building(index_dir):
            if on_locked is not None:
                on_locked()
            return _build(Path(data_dir), index_dir, start, on_document, on_progress)
    except BuildBusy as exc:
        raise BuildBusyError(exc) from None
    except FolderUnwritable as exc:
        raise BuildError(str(exc)) from None


def _build(data_dir: Path, index_dir: Path, start: float, on_document, on_progress) -> BuildResult:
    """build_index's work, the folder held."""
    try:
        corpus = load_corpus(data_dir, progress=on_document, fallback=_previous_records(index_dir),
                             when_idle=lambda: _prime_analysis(data_dir))
    except LedgerError as exc:  # the ledger of action ids: a line a merge or a hand left unreadable
        raise BuildError(str(exc)) from None
    if not corpus.partnerships:
        raise BuildError(f"aucune fiche n'a pu être lue dans {data_dir} : "
                         + "; ".join(r.error or "" for r in corpus.reports if not r.ok))
    gen, ndocs = write_generation(index_dir, corpus, on_progress)
    return BuildResult(gen, corpus, time.perf_counter() - start, ndocs)


def _prime_analysis(data_dir: Path) -> None:
    """The analyzers' work on each distinct word of the source documents, done
    while the longest document is parsed and a core is free: indexing the
    records (and the word tables' process) then finds it done
    (analyzers.indexing.prime). Saved work only: what it leaves undone is
    done when met."""
    texts = []
    for r in REPERTOIRES:
        try:
            texts.append((data_dir / r.file).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    prime(texts, (french_analyzer(), names_analyzer(), spelling_analyzer()))


def write_generation(index_dir: Path | str, corpus: Corpus,
                     on_progress: Callable[[int, int], None] | None = None) -> tuple[Path, int]:
    """Index `corpus` into a new generation of `index_dir` and publish it.

    A failed write removes the half-written generation and raises BuildError;
    the generation being served stays as it was."""
    index_dir = Path(index_dir)
    gen = None
    try:  # (a folder that cannot be made, a file by its name, was a traceback)
        index_dir.mkdir(parents=True, exist_ok=True)
        gen = new_generation_dir(index_dir)
        schema = build_schema()
        ix = whoosh_index.create_in(str(gen), schema)
        docs = list(index_documents(corpus.partnerships, corpus.actions))
        indexed = set(schema.names())  # facets and sort key go to the document table, not to Whoosh
        tables = beside(_write_tables, gen, corpus, docs)  # everything but Whoosh's segment, on the other core
        try:
            with native_pickles():
                writer = BuildWriter(ix, limitmb=256, codec=CODEC)
                try:
                    with planned_indexing(writer.schema):  # the analyzers' words without their token streams
                        for i, doc in enumerate(docs, 1):
                            writer.add_document(**{k: v for k, v in doc.items() if k in indexed})
                            if on_progress and (i % 50 == 0 or i == len(docs)):
                                on_progress(i, len(docs))
                    writer.commit(optimize=True)
                except BaseException:
                    writer.cancel()
                    raise
        finally:
            tables()
        ix.close()
        write_json(gen / META, {
            "schema_version": SCHEMA_VERSION,
            "corpus_checksum": corpus.checksum,
            "code_fingerprint": code_fingerprint(),
            "complete": corpus.ok,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "counts": meta_counts(corpus),
            "documents": len(docs),
            "reports": [asdict(r) for r in corpus.reports],
            "retired_actions": corpus.retired,  # the ids /api/actions answers 410 for (action_ids.py)
            "unread_actions": corpus.unread_ids,  # ids of a document not read: 404 saying so, not 410
        })
        publish(index_dir, gen)
    except OSError as exc:
        if gen is not None:
            shutil.rmtree(gen, ignore_errors=True)
        raise BuildError(not_written(index_dir, exc)) from None
    return gen, len(docs)


def contact_names(corpus: Corpus) -> set[str]:
    """The words of the contacts' names (`Gérard FUNES`), as the speller's vocabulary has them. Those
    only a sheet's contact block writes are no correction for a typed word: `dunes` was offered
    « Vouliez-vous dire : funes ? », and found that mayor's sheet through him."""
    names = [c.name for p in corpus.partnerships for c in p.contacts if c.name]
    return set(count_vocabulary([names]))


def _write_tables(gen: Path, corpus: Corpus, docs: list[dict]) -> None:
    """The generation's files beside Whoosh's segment: the records (JSON, and
    the table the engine reads them from, indexer.recordtable), each
    document's parse (for a failed document's next build), the document
    table, and the word tables (analyzers.wordtables): the vocabulary of
    every text field, the speller's table, the terms of the words the results
    show (bodies and titles), the bodies with their words' places; the
    query expansions' tables (analyzers.vocabulary); and how alike each two
    partnerships are (indexer.likeness)."""
    # an action's record carries its partnership's `detail` (a full sheet or a mention in a table): its
    # result's, its page's, its API answer's and its export's, as the `detail` facet gives it (schema 9)
    details = {p.id: p.detail for p in corpus.partnerships}
    records = ([p.to_dict() for p in corpus.partnerships],
               [dict(a.to_dict(), detail=details[a.partnership_id]) for a in corpus.actions])
    partnerships, actions = encoded(records[0]), encoded(records[1])
    write_text(gen / RECORDS, records_json(partnerships, actions))
    write_record_table(gen / RECORD_TABLE, partnerships, actions)
    write_json(gen / PARSED, corpus.per_document)
    write_doc_table(gen / DOC_COLUMNS, docs)
    texts = [[d[f] for f in TEXT_FIELDS] for d in docs]
    path = gen / WORDS
    bodies = [doc[TEXT_FIELDS.index("body")] for doc in texts]
    # the words as the highlighter meets them: titles as they are, bodies with their spaces collapsed
    shown = [doc[TEXT_FIELDS.index("title")] for doc in texts] + [" ".join((b or "").split()) for b in bodies]
    elsewhere: set[str] = set()
    vocabulary = count_vocabulary(texts, apart=TEXT_FIELDS.index("sheet"), elsewhere=elsewhere)
    terms = word_terms(shown)
    write_tables(path, vocabulary, terms, bodies, unsuggested=contact_names(corpus) - elsewhere,
                 **_result_texts(docs, *records, terms))
    write_expansions(gen / EXPANSIONS)
    write_likeness(gen / LIKENESS, docs)


def _result_texts(docs: list[dict], partnerships: list[dict], actions: list[dict],
                  terms: dict[str, frozenset[str]]) -> dict[str, dict]:
    """What results show besides their bodies, as the search reads the records, for the word
    tables (analyzers.wordtables.write_tables): the parties `lines` of the partnerships' documents
    with their folded forms, and where the words a query can mark (those of `terms` that have
    terms) stand in each document's record's sheet (`sheets`), by document number."""
    records = {("partnership", p["id"]): p for p in partnerships} | {("action", a["id"]): a for a in actions}
    locator = Locator([w for w, t in terms.items() if t])
    lines, sheets = {}, {}
    for docnum, d in enumerate(docs):
        record = records[(d["type"], d["id"])]
        if d["type"] == "partnership":
            line = parties_line_text(record)
            lines[docnum] = (line, *folded_forms(line))
        sheets[docnum] = locator.places(record.get("original_text") or "")
    return {"lines": lines, "sheets": sheets}
