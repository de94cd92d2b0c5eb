"""The corpus step: read the five documents, run each parser, merge records.

One broken document must not stop the others: each file is read and parsed
inside its own guard, and what went wrong is reported with the file name (and
the line, where there is one). Records that share an id across documents
(Brest–Béjaïa in the Algerian table and in the ministry's list) become one
record with the sources of both.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import action_ids, french_places, geography
from .domains import DOMAINS, domains_of_text, map_domains
from .ids import name_key
from .kinds import retype_associations, retype_groups, retype_villages
from .locations import default_data_dir
from .parallel import parallel_map
from .parsers import DOCUMENTS, dates, micl, reader_for
from .parsers.namekeys import place_key, same, same_kind_of_place
from .records import PLANNED, Action, Partnership, Party
from .registry import REPERTOIRES, Repertoire
from .sources import SourceError, corpus_checksum, cut_short, source_bytes, source_text
from .text import fix_shouted_words, fold, french_commune_name

DEFAULT_DATA_DIR = default_data_dir(DOCUMENTS)  # see locations.py: a clone's data/, or the installed copy


@dataclass
class DocumentReport:
    document: str
    ok: bool = True
    error: str | None = None
    stats: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    planned: list[str] = field(default_factory=list)  # years after the document's date, marked as planned
    seconds: float = 0.0
    # a document that could not be read, whose records an earlier build read: how many, and when that
    # build read them (`read_at`, UTC, as meta.json's `built_at`), so that the pages can say so
    kept: dict[str, Any] | None = None


@dataclass
class Corpus:
    partnerships: list[Partnership]
    actions: list[Action]
    reports: list[DocumentReport]
    checksum: str
    # each document's own records before merging, kept in the index so that a
    # later build can fall back on them (see load_corpus)
    per_document: dict[str, dict[str, list[dict]]] = field(default_factory=dict)
    # the action ids the ledger issued that no action answers any more (action_ids.lost_ids)
    retired: dict[str, dict] = field(default_factory=dict)
    # the action ids of a document this build could not read, not retired (action_ids.lost_ids)
    unread_ids: dict[str, dict] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.reports)


def _parse_one(data_dir: Path, repertoires: list[Repertoire], document: str
               ) -> tuple[list[Partnership], list[Action], DocumentReport, bytes | None]:
    """`parse_document` with the document last (parallel_map's order), and the bytes it read (None
    when it read none), which the corpus's checksum reads."""
    read: list[bytes] = []
    return (*parse_document(data_dir, document, repertoires, read), read[0] if read else None)


def parse_document(data_dir: Path, document: str, repertoires: list[Repertoire] | None = None,
                   read: list[bytes] | None = None) -> tuple[list[Partnership], list[Action], DocumentReport]:
    """A document's records and its report; `read` gets the bytes read from its file."""
    report = DocumentReport(document)
    start = time.perf_counter()
    try:
        data = source_bytes(Path(data_dir) / document)
        if read is not None:
            read.append(data)
        text = source_text(Path(data_dir) / document, data)
        if "\x00" in text:
            raise SourceError(f"{document} : contient des octets NUL : ce n'est pas un fichier texte")
        parser = reader_for(document, repertoires)
        if not parser.looks_like(text):
            raise SourceError(f"{document} : ne ressemble pas au document attendu (forme inconnue)")
        if not parser.repertoire.ends_as_written(text):
            raise SourceError(cut_short(document, text, parser.repertoire.ending or ""))
        result = parser.parse(text, document)
        if result.interrupted:  # the sheets after the error were lost: an earlier build's records are kept instead
            raise SourceError(f"{document} : lecture interrompue par une erreur du lecteur ({result.interrupted}) ; "
                              "aucune de ses fiches n'est lue")
    except SourceError as exc:
        report.ok, report.error = False, str(exc)
        return [], [], report
    except Exception as exc:  # noqa: BLE001 (a parser bug must not take the other documents down)
        report.ok, report.error = False, f"{document}: échec de la lecture : {type(exc).__name__}: {exc}"
        return [], [], report
    finally:
        report.seconds = time.perf_counter() - start
    report.stats = dict(result.stats)
    report.warnings = [" ".join(w.split()) for w in result.warnings]  # one line each
    report.planned = list(result.planned)
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
                 "objectives", "perspectives", "documents", "budget", "other_partnerships", "partners",
                 "updated", "original_text"):
        if getattr(base, attr) in (None, "") and getattr(other, attr) not in (None, ""):
            setattr(base, attr, getattr(other, attr))
    base.contacts.extend(c for c in other.contacts if c not in base.contacts)
    base.years = sorted(set(base.years) | set(other.years))  # each appearance's stated years
    for k, v in other.extra.items():
        base.extra.setdefault(k, v)
    for k, doms in other.domain_sources.items():  # a list's domains (a synthesis, an introduction)
        mine = base.domain_sources.setdefault(k, [])
        mine += [d for d in doms if d not in mine]
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


def merge(partnerships: list[Partnership], actions: list[Action], warnings: list[str] | None = None,
          repertoires: list[Repertoire] | None = None, ledger: list[action_ids.Entry] | None = None,
          unread: Collection[str] = ()) -> tuple[list[Partnership], list[Action]]:
    """Merge records with equal ids, give each collectivity one spelling and
    each party the geography of its own place, give actions the ids the `ledger` keeps
    for them (indexer/action_ids.py; without one, numbered in document order), and roll the
    derived fields (domains, years) up from the merged whole."""
    warnings = [] if warnings is None else warnings
    by_id: dict[str, Partnership] = {}
    for p in partnerships:
        if p.id in by_id:
            _merge_into(by_id[p.id], p)
        else:
            by_id[p.id] = p
    merged = fold_listed(list(by_id.values()), actions, warnings)
    for p in merged:
        micl.say_heading_against_status(p)
        _normalise_names(p)
    french_places.from_other_records(merged)
    for p in merged:
        place_parties(p, warnings)
        _council_name(p.partner_party)
    retype_associations(merged)
    retype_villages(merged)
    retype_groups(merged)

    _one_spelling(merged)
    _one_place(merged)
    french_places.say_table_places(merged)  # the names as the pages show them
    kept = action_ids.number_actions(actions, by_id, ledger or [], warnings, unread)
    actions_of: dict[str, list[Action]] = {}
    for a in kept:
        actions_of.setdefault(a.partnership_id, []).append(a)
    for p in merged:
        acts = actions_of.get(p.id, [])
        for a in acts:
            p.add_planned(fill_periods(a, written(p, a, repertoires)))
        rollup(p, acts, document_date(p, repertoires))
    return merged, kept


def fill_periods(a: Action, until: int | None = None) -> list[int]:
    """An action's years between its first dated year and its stated end, where its own text prints
    them as one period (`2004 -2007`, `septembre 2006 - décembre 2008`, `2007 pour 3 ans`): it ran
    every year of it. A period running past `until` (its document's date: `(2006-2009)` in July 2008)
    counts up to it, and its later years are planned (returned); a project still to come runs
    none of the document's own year. Two years side by side (`1999 et 2004`) are two dates, and a
    period's years beyond the action's dates stay out."""
    if not a.years:
        return []
    first, last = min(a.years), max(a.years + ([a.end] if a.end else []))
    if last - first < 2:  # no year between them to fill: the text need not be read (most actions)
        return []
    text = " ".join(t for t in (a.title, a.description, a.original_text) if t)
    inside = {y for y in dates.inner_years(text) if first <= y <= last}
    done = until if until is None or a.status != "en projet" else until - 1
    a.years = sorted(set(a.years) | {y for y in inside if done is None or y <= done})
    return sorted(y for y in inside if done is not None and y > done)


# the date of a document still to come (`Évaluation du programme 2003-2006 …, Gret, 2007 (à paraître)`)
_FORTHCOMING_RE = re.compile(r"\b(?:19|20)\d\d(?=\s*\(?\s*[àa]\s+para[iî]tre\b)", re.IGNORECASE)


def published(documents: str | None) -> str:
    """A documents section without the dates of its forthcoming documents (`Gret, 2007 (à paraître)`):
    a report not yet out dates no work; the period it covers (`programme 2003-2006`) still does."""
    return _FORTHCOMING_RE.sub(" ", documents or "")


# `Depuis 2000`, `Dès 1992`, `Depuis le démarrage du projet en 1995`
_SINCE_RE = re.compile(r"\b(?:depuis|dès)\s+(?:(?:le|la|l['’]|sa|son)\s*[^\s\d]+(?:\s+[^\s\d]+){0,3}?\s+en\s+)?"
                       r"((?:19|20)\d\d)\b", re.IGNORECASE)


def fill_since(a: Action, last: int) -> set[int]:
    """An ongoing action dated from a year on (`Depuis 2000`, `Dès 1992`) ran every year from then to the
    last its partnership documents: a year filter between them finds it. Its dates stay as printed."""
    if a.status != "en cours" or not a.years:
        return set()
    text = " ".join(t for t in (a.title, a.description, a.original_text) if t)
    since = [int(m.group(1)) for m in _SINCE_RE.finditer(text)]
    if not since or min(since) != min(a.years) or max(a.years) >= last:
        return set()
    added = set(range(min(since), last + 1)) - set(a.years)
    a.years = sorted(set(a.years) | added)
    return added


def _one_spelling(partnerships: list[Partnership]) -> None:
    """One spelling per collectivity: the first seen on a full sheet, else the first seen."""
    spelling: dict[str, str] = {}
    for prefer_sheet in (True, False):
        for p in partnerships:
            if prefer_sheet and p.detail != "sheet":
                continue
            for party in (p.french_party, p.partner_party):
                if party is not None:
                    spelling.setdefault(name_key(party.name), party.name)
    for p in partnerships:
        for party in (p.french_party, p.partner_party):
            if party is not None:
                party.name = spelling.get(name_key(party.name), party.name)


def _one_place(partnerships: list[Partnership]) -> None:
    """A partner collectivity whose record does not say its cercle or province (a line of a list:
    Cheny-Sangha) takes the one another record of the same place states (Allonnes-Sangha's sheet:
    Cercle de Bandiagara), when they agree: a search for the cercle then finds all of them."""
    stated: dict[tuple[str, str | None, str | None], set[str]] = {}
    for p in partnerships:
        pp = p.partner_party
        if pp is not None and pp.subdivision:
            stated.setdefault((name_key(pp.name), pp.country, pp.region), set()).add(pp.subdivision)
    for p in partnerships:
        pp = p.partner_party
        if pp is not None and not pp.subdivision:
            known = stated.get((name_key(pp.name), pp.country, pp.region), set())
            if len(known) == 1:
                pp.subdivision = next(iter(known))


def fold_listed(partnerships: list[Partnership], actions: list[Action],
                warnings: list[str]) -> list[Partnership]:
    """A pair that one document only lists, written otherwise than in another document's
    sheet (`Wilaya d'Oran / Mairie du Grand Lyon` in a ministry's list, the Oran sheet of
    the Communauté urbaine de Lyon elsewhere), is that sheet's partnership: same French
    place, same partner place, kinds that can name one collectivity (a town and its
    communauté, a commune and its wilaya), and one such sheet only."""
    sheets = [(p, p.partner_party) for p in partnerships if p.detail == "sheet" and p.partner_party is not None]
    out: list[Partnership] = []
    folded: dict[str, str] = {}
    for p in partnerships:
        docs = {s.document for s in p.sources}
        partner = p.partner_party
        if p.detail != "listed" or partner is None or len(docs) != 1:
            out.append(p)
            continue
        found = [q for q, q_partner in sheets
                 if not docs & {s.document for s in q.sources}
                 and q_partner.country == partner.country
                 and same_kind_of_place(p.french_party, q.french_party)
                 and same_kind_of_place(partner, q_partner)
                 and same(place_key(p.french_party, True), place_key(q.french_party, True))
                 and same(place_key(partner), place_key(q_partner))]
        if len(found) != 1:
            out.append(p)
            continue
        _merge_into(found[0], p)
        folded[p.id] = found[0].id
        where = p.sources[0]
        warnings.append(f"{where.document}: ligne {where.first_line} : {p.title} est le partenariat "
                        f"{found[0].id} (mêmes collectivités, écrites autrement)")
    for a in actions:
        a.partnership_id = folded.get(a.partnership_id, a.partnership_id)
    return out


SHEET_LABELS = "fiche"
ACTIONS = "actions"
HISTORY = "historique"


def rollup(p: Partnership, acts: list[Action], until: int | None = None) -> None:
    """The partnership's domains and years from all it says and its actions'.

    Domains: the union of the document's own classification (already in
    `domain_sources` under its name), the sheet's labels and what its actions
    are about, each kept in `domain_sources` under where it comes from.
    Years: formalisation, first contacts, years stated apart, the actions', the
    years its history, objectives or other sections tell of inside the span those give (with the years
    inside a period they print, `de 1993 à 1998`), and the years
    its documents section names from the span's start up to `until` (the date of the
    document it comes from: reports and evaluations come after the work they cover), those its
    perspectives tell done before the sheet's own date;
    with none of those, the years its history or objectives tell of (a profile in prose).
    """
    sources = p.domain_sources
    for k, v in sources.items():
        sources[k] = _ordered(set(v))
    labels = set(map_domains(p.domains_raw)) | {d for d in p.domains
                                                if not any(d in v for v in sources.values())}
    if labels:
        sources[SHEET_LABELS] = _ordered(set(sources.get(SHEET_LABELS, [])) | labels)
    from_actions = {d for a in acts for d in a.domains}
    if from_actions:
        sources[ACTIONS] = _ordered(from_actions)
    # a sheet with neither labels nor actions ("2002 : sur le thème sportif") is filed by what its
    # history or objectives tell; read for every sheet, passing mentions there would file others wrongly
    story = " ".join(t for t in (p.history, p.objectives) if t)
    from_history = set() if any(sources.values()) else set(domains_of_text(story))
    if from_history:
        sources[HISTORY] = _ordered(from_history)
    p.domains = _ordered({d for v in sources.values() for d in v})
    running = {y for a in acts for y in a.years}  # its actions' years, with those fill_since adds below
    years = set(p.years) | running
    years |= {y for y in (p.formalized, p.first_contact_year) if y}
    ahead = _ahead(p, until)
    if years:  # the years its history tells of, inside the span the rest documents (which they leave as it is)
        first, last = min(years), max(years)
        running |= {y for a in acts for y in fill_since(a, last)}
        years |= running
        said = " ".join(t for t in (p.history, p.objectives, *p.extra.values()) if t)
        told = dates.years(said).found + dates.inner_years(said)
        years |= {y for y in told if first <= y <= last}
        # the start of its own work, which may come before the rest (`un premier projet … initié en 2004`)
        years |= set(dates.started_years(" ".join(t for t in (p.history, p.objectives) if t), until))
        # its reports' years (`Programme d'actions 2006-2007`), never before the documented activity
        listed = dates.years(published(p.documents), until).found
        years |= {y for y in listed if first <= y <= (until or last)}
        # what its perspectives tell done before the sheet's own date (`Identification en novembre 2006`)
        years |= {y for y in ahead.found if first <= y}
    elif story:  # a profile in prose (Bron, Action Mopti): what it tells dates it, its periods whole
        inner = dates.inner_years(story)  # (`pour la période 2002-2005`: 2003 and 2004 too)
        years = set(dates.years(story, until).found) | {y for y in inner if until is None or y <= until}
    p.years = sorted(years)
    # a year its actions run in is a year of work, not one its texts plan (Ille-et-Vilaine–Mopti's
    # perspectives print its programme of the sheet's own year, `2008`, whose actions run then)
    texts = _told(p)
    planned = [y for y in _planned(until, ahead, texts) if y not in running]
    # both ends of a period planned, its years between are too (`prévision du plan 2008-2010`: 2009)
    p.add_planned([y for y in dates.whole_plans(planned, " ".join(t for t in (p.perspectives, texts) if t))
                   if y not in running])


def _told(p: Partnership) -> str:
    """Its history, objectives and other sections, joined: not the planned years its sheet is given
    (`extra[PLANNED]`, what these texts are read for)."""
    return " ".join(t for t in (p.history, p.objectives, *(t for k, t in p.extra.items() if k != PLANNED)) if t)


def _planned(until: int | None, ahead: dates.Years, told: str) -> list[int]:
    """The years its own texts plan for: in its perspectives, every year after the document's
    date (`une programmation 2009`, `le plan 2008-2010`); in its history, objectives and other
    sections (`told`), those their sentence marks as planned (`Une rencontre est prévue à Guelma en Mai 2006`)."""
    if until is None:
        return []
    return ahead.planned + ahead.dropped + dates.years(told, until).planned


def _ahead(p: Partnership, until: int | None) -> dates.Years:
    """Its perspectives' years: against the sheet's own date (`Date de mise à jour`) when it has one,
    what comes after it is planned and what comes before done; else every year after the document's."""
    date = dates.sheet_date(p.updated)
    if date:
        return dates.years_at(p.perspectives, *date)
    ahead = dates.years(p.perspectives, until)
    return dates.Years([], ahead.planned, ahead.dropped)


def written(p: Partnership, a: Action, repertoires: list[Repertoire] | None = None) -> int | None:
    """The year an action's years are read against (`dates.written_year`: its document's), as
    `draft_action` reads its printed years."""
    return dates.written_year(p.updated, document_date(a, repertoires))


def document_date(p: Partnership | Action, repertoires: list[Repertoire] | None = None) -> int | None:
    """The date of the earliest dated document the record comes from (the registry's; None
    when none is): a year its text names after that date is no work done yet."""
    files = {s.document for s in p.sources}
    return min((r.year for r in (REPERTOIRES if repertoires is None else repertoires)
                if r.year and r.file in files), default=None)


def rollup_result(result, repertoires: list[Repertoire] | None = None) -> None:
    """`rollup` over one parser's result (what the merge does for the corpus)."""
    for p in result.partnerships:
        rollup(p, [a for a in result.actions if a.partnership_id == p.id], document_date(p, repertoires))


def _ordered(domains: set[str]) -> list[str]:
    return [d for d in DOMAINS if d in domains] + sorted(d for d in domains if d not in DOMAINS)


def place_parties(p: Partnership, warnings: list[str]) -> None:
    """Each party's country and région from its own geography: a Moroccan
    commune named in the Mali list is Moroccan (with a warning); régions get
    their official spelling; a French party's région follows its département."""
    pp = p.partner_party
    if pp is not None and p.kind == "partnership" and pp.country:
        own = geography.of(pp.country)
        others = [c for c in geography.TABLES if c not in (pp.country, "France")]
        if own is not None and own.locate(pp.name) == (None, None):
            elsewhere = geography.country_of_place(pp.name, others)
            elsewhere_table = geography.of(elsewhere)
            if elsewhere is not None and elsewhere_table is not None:  # found in that table
                region, sub = elsewhere_table.locate(pp.name)
                where = p.sources[0] if p.sources else None
                warnings.append(
                    f"{where.document if where else '?'}: ligne {where.first_line if where else 0} : "
                    f"{pp.name} est {geography.in_country(elsewhere)}, pas {geography.in_country(pp.country)} : "
                    f"{p.title} classé {geography.in_country(elsewhere)}")
                p.notes.append(f"Le document classe ce partenariat {geography.in_country(pp.country)} ; "
                               f"{pp.name} est {geography.in_country(elsewhere)}.")
                p.countries = list(dict.fromkeys(elsewhere if c == pp.country else c for c in p.countries)) \
                    or [elsewhere]
                pp.country, pp.region, pp.subdivision = elsewhere, region, sub or pp.subdivision
    fp = p.french_party
    if fp is not None and fp.country == "France" and not fp.region and not fp.subdivision:
        # the place its name designates whole (never a word inside it: Monistrol-sur-Loire is not in the
        # Loire), else the seat's postcode in the French contacts' addresses (AIMF: 75001 Paris)
        france = geography.of("France")
        seat = france.designated_by(fp.name, ("region",) if fp.kind == "région" else ("subdivision", "commune"))
        if seat is not None:
            french_places.from_table(p, seat)
        address = french_places.from_address(p) if not fp.region else None
        if address is not None:
            fp.region, fp.subdivision = address
    for party in (p.french_party, pp):
        if party is None:
            continue
        if party.region:
            party.region = geography.canonical_region(party.country, party.region)
        if party.subdivision:
            party.subdivision = geography.canonical_subdivision(party.country, party.subdivision)
        geo = geography.of(party.country)
        if geo is not None and party.subdivision and not party.region:
            place = geo.lookup(party.subdivision, "subdivision")
            party.region = place.region if place else None
        if geo is not None and party.region and geo.region(party.region) is None and party.country != "France":
            party.region = geo.locate(party.region)[0] or party.region


def _normalise_names(p: Partnership) -> None:
    """Names as usually written: French communes hyphenated without `Ville de`,
    no upper-case runs inside a name, and a commune its country's table knows spelt
    as the table spells it (`SAINT DIE DES VOSGES`: Saint-Dié-des-Vosges, as the
    capitals lost its accent). The source spelling stays in name_raw."""
    for party in (p.french_party, p.partner_party):
        if party is None:
            continue
        if not party.name_raw:
            party.name_raw = party.name
        name = fix_shouted_words(party.name)
        if party.kind == "commune" and party.country in (None, "France"):
            name = french_commune_name(name)
        geo = geography.of(party.country) if party.kind == "commune" else None
        party.name = (geo.spelling(name) if geo else None) or name


# How a partner country's regional council is named, whichever of its names a sheet's title writes
# (Mali: `Assemblée régionale de Kayes`, `Conseil Régional de Tombouctou`): as the document's own
# list and annex name every one of them (`Région de Kayes`, mali l.12620, l.13942-14023)
_REGION_COUNCIL = {"Mali": "Région"}
_COUNCIL_RE = re.compile(r"^(?:region|assemblee regionale|conseil regional)\s+(?:de |d'|du )?(?P<place>.+)$")


def _council_name(party: Party | None) -> None:
    """One name for a regional council the records write two ways (its ids, made from the words
    each source writes, stay): the source's words stay in name_raw, which the page shows."""
    form = _REGION_COUNCIL.get(party.country or "") if party is not None else None
    if party is None or form is None or party.kind != "région" or not party.region:
        return
    m = _COUNCIL_RE.match(fold(party.name).replace("’", "'").strip())
    if m and geography.canonical_region(party.country, m.group("place")) == party.region:
        party.name = f"{form} {geography.with_de(party.region)}"


def domain_source_counts(partnerships: list[Partnership], document: str) -> dict[str, int]:
    """How many partnerships of a document each domain source gave domains to."""
    counts: dict[str, int] = {}
    for p in partnerships:
        if any(s.document == document for s in p.sources):
            for src, doms in p.domain_sources.items():
                if doms:
                    counts[src] = counts.get(src, 0) + 1
    return counts


def load_corpus(data_dir: Path | str = DEFAULT_DATA_DIR,
                progress: Callable[[str, DocumentReport], None] | None = None,
                fallback: Callable[[str], tuple[list[Partnership], list[Action], str | None] | None] | None = None,
                repertoires: list[Repertoire] | None = None,
                when_idle: Callable[[], None] | None = None,
                ledger: list[action_ids.Entry] | None = None,
                ) -> Corpus:
    """Parse every document of `data_dir` and merge the records.

    `fallback(document)` may supply the records of a document that failed to
    parse, and when they were read (the build passes the previous index's
    copy), so that a broken or missing file never makes records disappear
    from the index; its report's `kept` says so. `when_idle()`
    runs while the last document is parsed (parallel.parallel_map). The actions' ids are those
    `ledger` keeps for them (by default indexer/action_ids.tsv: action_ids.py).
    """
    data_dir = Path(data_dir)
    partnerships: list[Partnership] = []
    actions: list[Action] = []
    reports: list[DocumentReport] = []
    per_document: dict[str, dict[str, list[dict]]] = {}
    repertoires = REPERTOIRES if repertoires is None else repertoires
    files = [r.file for r in repertoires]
    parsed = parallel_map(_parse_one, files, data_dir, repertoires, when_idle=when_idle)
    read: dict[str, bytes] = {}  # each file's bytes as parsed: the checksum does not read them again
    for document, (ps, acts, report, data) in zip(files, parsed, strict=True):
        if data is not None:
            read[document] = data
        if not report.ok and fallback is not None:
            kept = fallback(document)
            if kept is not None:
                ps, acts, read_at = kept
                report.kept = {"partnerships": len(ps), "actions": len(acts), "read_at": read_at}
        if ps or acts:
            per_document[document] = {"partnerships": [p.to_dict() for p in ps],
                                      "actions": [a.to_dict() for a in acts]}
        partnerships.extend(ps)
        actions.extend(acts)
        reports.append(report)
        if progress:
            progress(document, report)
    merge_warnings: list[str] = []
    ledger = action_ids.read() if ledger is None else ledger
    unread = {r.document for r in reports if not r.ok}  # its ids are not retired: it was not read
    merged, kept_actions = merge(partnerships, actions, merge_warnings, repertoires, ledger, unread)
    for r in reports:
        # each without its document's name, of its kind still (an action_ids.IdWarning stays one)
        r.warnings += [type(w)(w.split(": ", 1)[1]) for w in merge_warnings if w.startswith(r.document + ":")]
        r.stats.update({f"domains: {k}": v for k, v in domain_source_counts(merged, r.document).items()})
    return Corpus(merged, kept_actions, reports, corpus_checksum(data_dir, repertoires, read), per_document,
                  *action_ids.lost_ids(ledger, kept_actions, unread))
