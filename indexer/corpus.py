"""The corpus step: read the five documents, run each parser, merge records.

One broken document must not stop the others: each file is read and parsed
inside its own guard, and what went wrong is reported with the file name (and
the line, where there is one). Records that share an id across documents
(Brest–Béjaïa in the Algerian table and in the ministry's list) become one
record with the sources of both.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .domains import map_domains
from .ids import action_id, name_key
from .locations import default_data_dir
from .parallel import parallel_map
from .parsers import DOCUMENTS, parser_for
from .records import Action, Partnership
from .text import fix_shouted_words, french_commune_name

DEFAULT_DATA_DIR = default_data_dir(DOCUMENTS)  # see locations.py: a clone's data/, or the installed copy


class SourceError(Exception):
    """A source file that cannot be parsed at all (missing, empty, not UTF-8, unknown shape)."""


@dataclass
class DocumentReport:
    document: str
    ok: bool = True
    error: str | None = None
    stats: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class Corpus:
    partnerships: list[Partnership]
    actions: list[Action]
    reports: list[DocumentReport]
    checksum: str
    # each document's own records before merging, kept in the index so that a
    # later build can fall back on them (see load_corpus)
    per_document: dict[str, dict[str, list[dict]]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.reports)


def corpus_checksum(data_dir: Path) -> str:
    """SHA-256 over the source documents (names and bytes), in a fixed order."""
    h = hashlib.sha256()
    for name in DOCUMENTS:
        path = Path(data_dir) / name
        h.update(name.encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()


def code_fingerprint() -> str:
    """SHA-256 over the code and data files that shape the records and the
    index (parsers, vocabulary, analyzers): an index built by other code is
    outdated even when the corpus has not changed."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for package in ("indexer", "analyzers"):
        for path in sorted((root / package).rglob("*")):
            if path.suffix in (".py", ".json", ".txt", ".tsv") and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(root)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def read_source(path: Path) -> str:
    """The text of a source file, or a SourceError saying precisely why not."""
    if not path.exists():
        raise SourceError(f"{path.name}: file not found in {path.parent}")
    data = path.read_bytes()
    if not data.strip():
        raise SourceError(f"{path.name}: file is empty")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"{path.name}: line {line}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def parse_document(data_dir: Path, document: str) -> tuple[list[Partnership], list[Action], DocumentReport]:
    report = DocumentReport(document)
    start = time.perf_counter()
    try:
        text = read_source(Path(data_dir) / document)
        if "\x00" in text:
            raise SourceError(f"{document}: contains NUL bytes: not a text file")
        parser = parser_for(document)
        if not parser.looks_like(text):
            raise SourceError(f"{document}: does not look like the expected document (unknown shape)")
        result = parser.parse(text, document)
    except SourceError as exc:
        report.ok, report.error = False, str(exc)
        return [], [], report
    except Exception as exc:  # a parser bug must not take the other documents down
        report.ok, report.error = False, f"{document}: parser failed: {type(exc).__name__}: {exc}"
        return [], [], report
    finally:
        report.seconds = time.perf_counter() - start
    report.stats = dict(result.stats)
    report.warnings = [" ".join(w.split()) for w in result.warnings]  # one line each
    return result.partnerships, result.actions, report


def _merge_into(base: Partnership, other: Partnership) -> None:
    """Fold a second appearance of a partnership into the first one."""
    base.sources.extend(other.sources)
    for attr in ("countries", "domains_raw", "notes"):
        items = getattr(base, attr)
        for v in getattr(other, attr):
            if v not in items:
                items.append(v)
    for attr in ("legal_framework", "formalized", "first_contact_year", "status", "history",
                 "objectives", "perspectives", "budget", "other_partnerships", "partners",
                 "updated", "original_text"):
        if getattr(base, attr) in (None, "") and getattr(other, attr) not in (None, ""):
            setattr(base, attr, getattr(other, attr))
    base.contacts.extend(c for c in other.contacts if c not in base.contacts)
    for k, v in other.extra.items():
        base.extra.setdefault(k, v)
    if other.detail == "sheet":
        base.detail = "sheet"
    for side in ("french_party", "partner_party"):
        mine, theirs = getattr(base, side), getattr(other, side)
        if mine is None:
            setattr(base, side, theirs)
        elif theirs is not None:
            for attr in ("kind", "region", "subdivision", "population", "population_text"):
                if getattr(mine, attr) in (None, "") and getattr(theirs, attr) not in (None, ""):
                    setattr(mine, attr, getattr(theirs, attr))


def merge(partnerships: list[Partnership], actions: list[Action]) -> tuple[list[Partnership], list[Action]]:
    """Merge records with equal ids, give each collectivity one spelling, renumber actions,
    and recompute the derived fields (domains, years) from the merged whole."""
    by_id: dict[str, Partnership] = {}
    for p in partnerships:
        if p.id in by_id:
            _merge_into(by_id[p.id], p)
        else:
            by_id[p.id] = p
    merged = list(by_id.values())

    for p in merged:
        _normalise_names(p)

    # One spelling per collectivity: the first seen on a full sheet, else the first seen.
    spelling: dict[str, str] = {}
    for prefer_sheet in (True, False):
        for p in merged:
            if prefer_sheet and p.detail != "sheet":
                continue
            for party in (p.french_party, p.partner_party):
                if party is not None:
                    spelling.setdefault(name_key(party.name), party.name)
    for p in merged:
        for party in (p.french_party, p.partner_party):
            if party is not None:
                party.name = spelling.get(name_key(party.name), party.name)

    # Actions: in document order within their partnership, numbered from 1.
    counters: dict[str, int] = {}
    kept: list[Action] = []
    for a in actions:
        if a.partnership_id not in by_id:
            continue
        counters[a.partnership_id] = counters.get(a.partnership_id, 0) + 1
        a.id = action_id(a.partnership_id, counters[a.partnership_id])
        kept.append(a)

    actions_of: dict[str, list[Action]] = {}
    for a in kept:
        actions_of.setdefault(a.partnership_id, []).append(a)
    for p in merged:
        acts = actions_of.get(p.id, [])
        declared = set(p.domains) | set(map_domains(p.domains_raw))
        from_actions = {d for a in acts for d in a.domains}
        p.domains = sorted(declared | from_actions, key=_domain_order)
        years = set(p.years) | {y for a in acts for y in a.years}
        for y in (p.formalized, ):
            if y:
                years.add(y)
        p.years = sorted(years)
    return merged, kept


def _normalise_names(p: Partnership) -> None:
    """Names as usually written: French communes hyphenated without `Ville de`,
    no upper-case runs inside a name. The source spelling stays in name_raw."""
    for party in (p.french_party, p.partner_party):
        if party is None:
            continue
        if not party.name_raw:
            party.name_raw = party.name
        name = fix_shouted_words(party.name)
        if party.kind == "commune" and party.country in (None, "France"):
            name = french_commune_name(name)
        party.name = name


def _domain_order(d: str) -> int:
    from .domains import DOMAINS

    return DOMAINS.index(d) if d in DOMAINS else len(DOMAINS)


def load_corpus(data_dir: Path | str = DEFAULT_DATA_DIR,
                progress: Callable[[str, DocumentReport], None] | None = None,
                fallback: Callable[[str], tuple[list[Partnership], list[Action]] | None] | None = None,
                ) -> Corpus:
    """Parse every document of `data_dir` and merge the records.

    `fallback(document)` may supply the records of a document that failed to
    parse (the build passes the previous index's copy), so that a broken or
    missing file never makes records disappear from the index.
    """
    data_dir = Path(data_dir)
    partnerships: list[Partnership] = []
    actions: list[Action] = []
    reports: list[DocumentReport] = []
    per_document: dict[str, dict[str, list[dict]]] = {}
    for document, (ps, acts, report) in zip(DOCUMENTS, parallel_map(parse_document, DOCUMENTS, data_dir)):
        if not report.ok and fallback is not None:
            kept = fallback(document)
            if kept is not None:
                ps, acts = kept
                report.warnings.append(
                    f"{document}: kept the {len(ps)} partnerships and {len(acts)} actions "
                    "of the previous index for this document")
        if ps or acts:
            per_document[document] = {"partnerships": [p.to_dict() for p in ps],
                                      "actions": [a.to_dict() for a in acts]}
        partnerships.extend(ps)
        actions.extend(acts)
        reports.append(report)
        if progress:
            progress(document, report)
    merged, kept_actions = merge(partnerships, actions)
    return Corpus(merged, kept_actions, reports, corpus_checksum(data_dir), per_document)
