"""The sheet model every layout reader fills, and the one place that turns a
sheet into records.

A layout reader (one per document layout, see `indexer/registry.py`) finds
each partnership's part of its document and fills a `Sheet`: the two
parties, the labelled fields *as written* (legal framework, dates, budget…),
the contacts, and one `ActionDraft` per project with its cells as written
(title, dates, budget, domain). `Sheet.records()` then reads every value with
the shared field readers (`fields.py`, `dates.py`): years checked against the
document's date, amounts kept apart, titles shortened the same way in every
document. Derived fields (a partnership's domains and years from its
actions) are not computed here but once, in the merge (`indexer/corpus.py`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domains import domains_of_text, map_domain
from ..ids import action_id, partnership_id
from ..records import Action, Budget, Contact, ParseResult, Partnership, Party, SourceRef
from ..text import capitalised, fold, squash_spaces
from . import contacts, dates, fields


class Document:
    """A source document as numbered lines (1-based), with its page marks."""

    def __init__(self, name: str, text: str, year: int | None = None,
                 footer: re.Pattern | None = None):
        self.name = name
        self.year = year  # the document's own date: later years must be marked as planned
        self.lines = (text or "").split("\n")
        self.footer = footer
        self.footers = [(i + 1, int(m.group(1))) for i, line in enumerate(self.lines)
                        if footer is not None and (m := footer.search(line))]

    def __len__(self) -> int:
        return len(self.lines)

    def line(self, n: int) -> str:
        return self.lines[n - 1] if 1 <= n <= len(self.lines) else ""

    def is_noise(self, text: str) -> bool:
        """Page furniture (footers) that the extraction left inside the text."""
        return bool(self.footer is not None and self.footer.search(text))

    def page(self, n: int) -> int | None:
        """Page of line n, interpolated between the footers that survived the
        extraction (exact next to a footer, approximate elsewhere)."""
        if not self.footers:
            return None
        prev = (0, 0)
        for fl, fp in self.footers:
            if n <= fl:
                if prev == (0, 0):
                    return fp
                span = (fl - prev[0]) / max(fp - prev[1], 1)
                return max(prev[1] + 1, fp - int((fl - n) / span))
            prev = (fl, fp)
        return self.footers[-1][1]

    def find(self, pattern: str, start: int = 1, end: int | None = None) -> int | None:
        """First line number in [start, end) matching a regular expression."""
        rx = re.compile(pattern)
        for n in range(max(1, start), min(end or len(self.lines) + 1, len(self.lines) + 1)):
            if rx.search(self.lines[n - 1]):
                return n
        return None

    def source(self, first: int, last: int, section: str | None = "sheet") -> SourceRef:
        return SourceRef(self.name, first, last, self.page(first), section)


@dataclass
class ActionDraft:
    """One project as its cells are written; read by `Sheet.records()`."""

    title: str  # the project's own name (or its cell; shortened when long)
    first: int
    last: int
    description: str | None = None
    domain_raw: str | None = None
    status: str | None = None
    when: str | None = None  # the dates cell, or the text the years come from
    budget: str | Budget | None = None  # the budget cell, or a text stating amounts
    budget_cell: bool = False  # a budget column: plain numbers are amounts
    budget_currency: str | None = None  # the unit its column's heading states (`Budget (en euros)`)
    start: int | None = None  # explicit years, when the layout gives them apart
    end: int | None = None
    partners: str | None = None
    beneficiaries: str | None = None
    objectives: str | None = None
    original_text: str | None = None
    section: str | None = "sheet"
    keep_title: bool = False  # the layout already shortened the title
    span: bool = True  # start/end from the years found when the layout gives none
    page: int | None = None  # when the layout knows it better than the page marks
    plans: str | None = None  # what the project should give (`Résultats attendus`): its years are planned
    topic: str | None = None  # a cell naming what the project is about, read as a label (`PROJET`: `Santé`)


@dataclass
class Sheet:
    """What a layout reader found for one partnership."""

    french: Party
    partner: Party | None
    first: int
    last: int
    section: str = "sheet"
    detail: str = "sheet"  # "sheet" or "listed"
    kind: str = "partnership"
    countries: list[str] = field(default_factory=list)
    legal_framework: str | None = None
    formalized: int | None = None  # when the layout states it apart; else read from legal_framework
    first_contact: str | None = None  # the "début des contacts" text, as written
    first_contact_year: int | None = None
    status: str | None = None
    domains_raw: list[str] = field(default_factory=list)
    classified: dict[str, list[str]] = field(default_factory=dict)  # document's classification -> domains
    history: str | None = None
    objectives: str | None = None
    perspectives: str | None = None
    documents: str | None = None  # the reports and evaluations the sheet lists
    budget: str | Budget | None = None
    contacts: list[Contact] = field(default_factory=list)
    partners: str | None = None
    other_partnerships: str | None = None
    notes: list[str] = field(default_factory=list)
    updated: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    original_text: str | None = None
    actions: list[ActionDraft] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)  # more places than [first, last]
    years: list[int] = field(default_factory=list)  # years stated apart (a listed entry's date)
    id: str | None = None  # when the layout names the partnership otherwise than by its parties
    # other names of the two parties in this document (to match its lists and tables)
    aliases: tuple[list[str], list[str]] = field(default_factory=lambda: ([], []))
    page: int | None = None  # when the layout knows it better than the page marks

    def own_id(self) -> str:
        """Its partnership's id: the layout's (`id`), else its parties' names'."""
        return self.id or partnership_id(self.french.name, self.partner.name if self.partner else None)

    def records(self, doc: Document, result: ParseResult | None = None) -> tuple[Partnership, list[Action]]:
        """The partnership and its actions, every value read by the shared readers."""
        pid = self.own_id()
        formalized = self.formalized
        if formalized is None and self.legal_framework:
            formalized = dates.formal_year(self.legal_framework, doc.year)
        first_contact = self.first_contact_year
        if first_contact is None and self.first_contact:
            found = dates.years(self.first_contact, doc.year).found
            first_contact = found[0] if found else None
        budget = self.budget if isinstance(self.budget, Budget) or self.budget is None else fields.budget(self.budget)
        main = doc.source(self.first, self.last, self.section)
        main.page = self.page if self.page is not None else main.page
        sources = [main] + list(self.sources)
        p = Partnership(
            id=pid, french_party=self.french, partner_party=self.partner,
            countries=list(self.countries), kind=self.kind, legal_framework=self.legal_framework,
            formalized=formalized, first_contact_year=first_contact, status=self.status,
            domains_raw=list(dict.fromkeys(self.domains_raw)), history=self.history,
            objectives=self.objectives, perspectives=self.perspectives, documents=self.documents, budget=budget,
            contacts=contacts.owned_emails(contacts.merged(list(self.contacts))),
            other_partnerships=self.other_partnerships,
            partners=self.partners, sources=sources, detail=self.detail, notes=list(self.notes),
            updated=self.updated, extra=dict(self.extra), original_text=self.original_text,
            years=sorted(y for y in set(self.years) if not doc.year or y <= doc.year),
        )
        p.domain_sources.update({k: list(v) for k, v in self.classified.items() if v})
        actions = [draft_action(pid, n, a, doc, p, result) for n, a in enumerate(self.actions, 1)]
        return p, actions


def draft_action(pid: str, n: int, a: ActionDraft, doc: Document, p: Partnership,
                 result: ParseResult | None = None) -> Action:
    """An action from its cells: years from its dates cell (or its text),
    budget from its budget cell (or the amounts its text states)."""
    text = " ".join(x for x in (a.title, a.description) if x)
    dated = _own_period(a) or a.when or text  # what the action's years are read from
    ys = dates.years(dated, doc.year)
    at = dates.written_year(p.updated, doc.year)  # `2004-2008` on a sheet of May 2007: 2008 is planned
    later = {y for y in (*ys.found, a.start, a.end) if y and at and y > at}
    found = sorted((set(ys.found) | {y for y in (a.start, a.end) if y}) - later)
    # a year before the text's date that only a plan names, outside the dates the project states (a project
    # stating none: its text's years are all it has), or a year of what it should give, is no year of work
    expected = dates.years(a.plans, at)
    stated = sorted(y for y in (a.start, a.end) if y)

    def inside(y: int) -> bool:  # a year of the project's stated dates
        return bool(stated) and stated[0] <= y <= stated[-1]

    ahead = [y for y in dates.planned_before(dated, at) if stated and not inside(y)]
    ahead += [y for y in expected.found if y not in ys.found and not inside(y)]
    found = [y for y in found if y not in ahead]
    later |= set(ahead)
    # a stated year after the text's date is planned, and so are those above and what it should give's
    ys.planned = sorted(set(ys.planned) | set(expected.planned) | later)
    # both ends of a period planned, its years between are too (`pour 2007 à 2009`: 2008)
    ys.planned = sorted(set(ys.planned) | {y for y in dates.whole_plans(ys.planned, f"{dated} {a.plans or ''}")
                                           if y not in found})
    if a.status == "en projet" and found:  # a project still to come: its dates are plans, not activity,
        # save what was already done for it before the text's year (`participation en 2006 à un colloque`)
        plans = [y for y in found if at is None or y >= at]
        ys.planned, found = sorted(set(ys.planned) | set(plans)), [y for y in found if y not in plans]
    if ys.planned:
        p.add_planned(ys.planned)  # every action's, not only the first's
        if result is not None:
            result.planned.append(f"ligne {a.first} : {_planned_years(ys.planned)} : "
                                  f"{squash_spaces(a.when or text)[:70]}")
    if a.start is not None or a.end is not None or not a.span:
        start, end = a.start, a.end
    else:  # its printed period: a planned end (or a planned start) is still its stated date
        period = sorted(set(found) | set(ys.planned))
        start, end = (period[0], period[-1]) if period else (None, None)
    budget: Budget | None
    if isinstance(a.budget, Budget):
        budget = a.budget
    else:
        budget = fields.budget(a.budget, bare=a.budget_cell) if a.budget else None
    if budget is not None and budget.amount is not None and budget.currency is None and a.budget_currency:
        budget.currency = a.budget_currency  # `12 747` under `Budget (en euros)`
    if budget is None and a.budget is None and not a.budget_cell:
        found_amounts = fields.amounts(text)
        budget = fields.budget(text) if found_amounts else None
    title = a.title if a.keep_title else fields.short_title(a.title)
    source = doc.source(a.first, a.last, a.section)
    source.page = a.page if a.page is not None else source.page
    domains = map_domain(a.domain_raw) if a.domain_raw else []
    # what its project cell names, read as a label; who a project serves says what it is about
    # (`Bénéficiaires : les enfants démunis`)
    said = domains_of_text(f"{title} {a.description or ''} {a.beneficiaries or ''}")
    for d in (map_domain(a.topic) if a.topic else []) + said:
        if d not in domains:
            domains.append(d)
    return Action(
        id=action_id(pid, n), partnership_id=pid, title=capitalised(title or (a.domain_raw or "")),
        description=a.description, domain_raw=a.domain_raw, domains=domains, status=a.status,
        years=found, start=start, end=end, budget=budget, partners=a.partners,
        beneficiaries=a.beneficiaries, objectives=a.objectives,
        sources=[source], original_text=a.original_text,
    )


def _own_period(a: ActionDraft) -> str | None:
    """A dates cell of one year beside a title that prints the project's period from that year on
    (`… pour le développement du territoire (2007-2009)` dated `2007`, Mali l.5385-5391): the period
    is the project's, the cell its start."""
    if not a.when or a.start is not None or a.end is not None:
        return None
    cell = dates.years(a.when).found
    if len(cell) != 1:
        return None
    own = next((last for first, last in dates.periods(a.title) if first == cell[0]), None)
    return f"{a.when} ({cell[0]}-{own})" if own is not None else None


_LEAST = 6  # letters: less of a label past its heading's line could be the text's own first word


def _letters(text: str) -> list[tuple[int, str]]:
    """Each folded letter or digit of a text with its index: a label compared whatever its spaces,
    accents, apostrophes and line breaks."""
    return [(i, c) for i, ch in enumerate(text) for c in fold(ch) if c.isalnum()]


def _ends_word(letters: list[tuple[int, str]], n: int, text: str) -> bool:
    """Whether the n-th letter ends a word of the text (no letter follows it there)."""
    return n == len(letters) or any(not c.isalnum() for c in text[letters[n - 1][0] + 1:letters[n][0]])


def past_label(heading: str, lines: list[str], label: str) -> list[str]:
    """The lines of a section after the form's label, however the sheet wrapped it: a label is never
    content. `heading` is the line the label starts on (`Perspectives du partenariat (ex : … quels`),
    `lines` those after it (`axes à développer pour les 3 prochaines années ? partenariats à
    développer…)`, then the text). The label's words are followed from its start as long as the sheet
    writes them, to a word's end; what follows is the section's text, the rest of the heading's line
    included. A few letters past the heading's line (`Ex` of `Extension`) are the text's own."""
    head = heading[max(heading.lower().find(label.split()[0].lower()), 0):]
    text = "\n".join([head, *lines])
    got, want = _letters(text), _letters(label)
    n = 0
    while n < min(len(got), len(want)) and got[n][1] == want[n][1]:
        n += 1
    while n and not (_ends_word(want, n, label) and _ends_word(got, n, text)):
        n -= 1
    if n == 0:
        return lines
    if 0 < sum(1 for i, _ in got[:n] if i > len(head)) < _LEAST:
        n = sum(1 for i, _ in got if i < len(head))
    return re.sub(r"^[ \t…).?:;]*", "", text[got[n - 1][0] + 1:]).split("\n")


def warn(result: ParseResult, line: int, what: str, excerpt: str = "") -> None:
    """One warning line: `ligne N : what excerpt` (`what` in French, the excerpt as the source writes it)."""
    result.warnings.append(f"ligne {line} : {what} {squash_spaces(excerpt)[:80]}".rstrip())


def _planned_years(years: list[int]) -> str:
    """How a planned line names its years: `année prévue 2008`, `années prévues 2009, 2015`."""
    return ("années prévues " if len(years) > 1 else "année prévue ") + ", ".join(map(str, years))
