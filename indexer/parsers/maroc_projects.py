"""A Morocco sheet's projects as actions: a theme whose body only lists projects, split into one project per
entry; each project's years and budget; the action drafts the sheet's records carry, a chronology's dated
entries too (`chronology_actions`).

A module of its own because a project is read from its own item alone, while maroc.py builds the sheet around
it (parties, head fields, contacts) and reads the document's other parts. The sheet reads its own budget and
years with the same `parse_budget` and `years_in`, and joins its fields' lines with `joined`.
"""
from __future__ import annotations

import re

from indexer.domains import map_domain
from indexer.records import Budget
from indexer.text import fold, reflow

from . import dates, fields
from .maroc_sheet import YEAR, Ctx, Item, clean, dates_of_title, is_theme, short_title
from .sheet import ActionDraft

_DATE_TAIL = re.compile(r"\((?:[^()]*(?:19|20)\d\d[^()]*)\)\s*$")


# --- Budgets and years --------------------------------------------------------

def parse_budget(text: str) -> Budget | None:
    """The amount a total introduces or a written sum gives (`543 000€ + 145 000€ = 688 000 €`),
    else the first amount of a line that names a total, a cost or a budget, else the first
    amount (amounts read by fields.amounts)."""
    if not text:
        return None
    candidates = []
    for line in text.split("\n"):
        total = bool(re.search(r"total|co[uû]t|budget|montant", fold(line)))
        for a in fields.amounts(line):
            before = line[:a.start].rstrip()  # a sum's result, not a conversion (`5 000 000 Dhs = 440 000€`)
            summed = before.endswith("=") and "+" in re.split(r"[.;]\s", before)[-1]
            candidates.append((0 if a.total or summed else 1 if total else 2, a, line, summed))
    if not candidates:
        return Budget(text=text)
    _, best, line, summed = min(candidates, key=lambda c: c[0])
    return Budget(text=text, amount=best.value, currency=best.currency, kind=fields.budget_kind(line, best, summed))


def years_in(text: str) -> list[int]:
    return dates.years(text, YEAR).found


# --- Projects -----------------------------------------------------------------

def joined(parts: list[str] | None) -> str | None:
    """A field's lines as one text (`reflow`), None when it has none: the sheet's fields and its projects'."""
    if not parts:
        return None
    return reflow(parts) or None


def split_project_lists(items: list[Item], lines: list[str]) -> list[Item]:
    """A theme whose body is only a list of projects (`… (2003-2004) ;`, Aquitaine's
    "Déroulement des projets", Bordeaux's bullets under `Autres projets réalisés`) gives one
    project per entry, dated by its own dates and else by the heading's."""
    out: list[Item] = []
    themed: set[str | None] = set()  # the sections (their status headings) in which a theme filed its bullets
    for it in items:
        if _theme_over_projects(it, among_themes=it.status in themed):
            if _bullets(it):
                themed.add(it.status)
            out += _theme_projects(it, lines)
            continue
        grouped = it.title_raw.startswith("Autres projets")  # a sub-heading, not a project
        field = "free" if grouped else "description"
        body = it.fields.get(field, [])
        listed = any(clean(lines[i]).startswith("Déroulement") for i in range(it.first - 1, it.last))
        if (not (it.from_heading or grouped) or set(it.fields) - {field} or len(body) < (1 if listed else 2)
                or grouped and not all(line.startswith("- ") for line in body)):
            out.append(it)
            continue
        entries: list[str] = []
        for line in body:
            if entries and line[:1].islower():
                entries[-1] += " " + line
            else:
                entries.append(line)
        if len(entries) < (1 if listed else 2) or not all(e.endswith((";", ".")) and len(e) < 600
                                                          for e in entries):
            out.append(it)
            continue
        used: set[int] = set()
        for e in entries:
            title = re.sub(r"\s*\((?![^()]*(?:19|20)\d\d)[^()]{12,}\)\s*[;.]?$", "", e.rstrip(" ;.").lstrip("- "))
            head = re.split(r"\s:\s", title, maxsplit=1)[0]
            if len(head.split()) >= 3 and head != title and not _DATE_TAIL.search(head):
                dated = _DATE_TAIL.search(title)  # the entry's own dates stay with its name
                title = head + (" " + dated.group(0) if dated else "")
            sub = Item(first=it.first, title_raw=title, heading=it.heading, status=it.status)
            sub.last = it.last
            sub.span = dates_of_title(it.title_raw)
            at = [i + 1 for i in range(it.first - 1, it.last)
                  if clean(lines[i]).startswith(e[:40]) and i + 1 not in used]
            if at:
                sub.first = sub.last = at[0]
                used.add(at[0])
                while sub.last < it.last and lines[sub.last].strip()[:1].islower():
                    sub.last += 1
            sub.fields = {"description": [e.lstrip("- ")]}
            sub.body_lines = 1
            out.append(sub)
    return out


def _theme_over_projects(it: Item, among_themes: bool = False) -> bool:
    """An undated theme in lower case (`Appui institutionnel`, `Environnement et espaces verts`) whose
    body is only unlabelled text, a bullet list or a single sentence: the theme files the projects that
    text tells, as an upper-case heading does (Strasbourg–Fès l.3836, Aix–Oujda's « SUIVI DES
    PROJETS » l.232-288). A project's own name has its fields (`Description du projet`…) or its dates.
    Among themes that file their bullets (`among_themes`: an earlier one of the section did), a heading
    that names a domain in more words is one of them, its bullets alike: Aix's `Échanges entre sociétés
    civiles (ONG)` (l.284), three dated projects, beside `Échanges culturels`."""
    body = it.fields.get("free", [])
    if it.from_heading or set(it.fields) != {"free"} or dates_of_title(it.title_raw) != (None, None):
        return False
    if among_themes and _bullets(it) and map_domain(it.title_raw) and not it.title_raw.startswith("Autres projets"):
        return True
    if not is_theme(short_title(it.title_raw)):
        return False
    return _bullets(it) or len(body) == 1


def _bullets(it: Item) -> bool:
    """The item's body is a bullet list."""
    return all(line.startswith("- ") for line in it.fields.get("free", []))


def _theme_projects(it: Item, lines: list[str]) -> list[Item]:
    """One project per bullet (a bullet in lower case after one ending with `:` continues it: the
    themes of a convention, Aix l.272-278), or the one sentence; filed under the theme."""
    entries: list[str] = []
    more: list[int] = []  # the body lines each entry read after its first
    listing = False  # inside the list an entry's `:` opens
    for line in it.fields["free"]:
        text = line.removeprefix("- ")
        listing = listing and _list_item(text) or bool(entries) and entries[-1].rstrip().endswith(":")
        if entries and (listing and _list_item(text) or line[:1].islower()):
            entries[-1] += " " + line
            more[-1] += 1
        else:
            entries.append(text)
            more.append(0)
    out: list[Item] = []
    used: set[int] = set()
    for e, n in zip(entries, more, strict=True):
        first = re.split(r"(?<=[a-zà-ÿ)])\.\s+(?=[A-ZÀ-Ý])", e, maxsplit=1)[0]  # its first sentence names it
        title = re.sub(r"\s*\((?![^()]*(?:19|20)\d\d)[^()]{12,}\)\s*[;.]?$", "", first.rstrip(" ;."))
        head = _before_colon(title)
        if len(head.split()) >= 3:
            # the words that announce the list the colon opens are not the name (`… du Pays d'Aix sur les
            # thèmes suivants :` / `- le SIG`…, Aix l.272)
            title = re.sub(r"\s+(?:sur|dans|pour|selon|autour de|concernant)\s+les\s+\w+\s+suivante?s$", "", head)
        sub = Item(first=it.first, title_raw=title, heading=it.heading or short_title(it.title_raw), status=it.status)
        sub.last = it.last
        at = [i + 1 for i in range(it.first - 1, it.last)
              if clean(lines[i]).removeprefix("- ").startswith(e[:40]) and i + 1 not in used]
        if at:
            sub.first = sub.last = at[0]
            used.add(at[0])
            while n and sub.last < it.last:  # its source runs over the lines it read
                n -= bool(lines[sub.last].strip())
                sub.last += 1
        sub.fields = {"description": [e]}
        sub.body_lines = 1
        out.append(sub)
    return out


def _list_item(text: str) -> bool:
    """An item of the list an entry's colon opens: it goes on in lower case (`le SIG`, Aix l.273) or with an
    article (`Le SIG`, `L'élaboration …`), where a project's name opens with its noun (`Formation …`)."""
    return text[:1].islower() or bool(re.match(r"(?:(?:Les?|La|Une?|Des)\s|L['’])", text))


def _before_colon(text: str) -> str:
    """What stands before the entry's first ` : ` outside brackets: a colon in its dates' bracket
    (`(juillet 2006 : les aixois à Oujda, juillet 2007 : les oujdis à Aix)`, Aix l.288) cuts nothing."""
    depth = 0
    for i, ch in enumerate(text):
        depth = depth + 1 if ch == "(" else max(0, depth - 1) if ch == ")" else depth
        spaced = text[i - 1:i].isspace() and (text[i + 1:i + 2].isspace() or i + 1 == len(text))
        if ch == ":" and not depth and spaced:
            return text[:i].rstrip(" :")
    return text.rstrip(" :")


def _action_years(it: Item, description: str | None) -> tuple[int | None, int | None]:
    """A project's years: its title's dates (in parentheses, else any year of the title), with
    its list heading's and its description label's (`Description du projet (2004 à 2006)`); else the years its
    description reports, first to last (SRAT l.7259-7269: 2005 … 2007), open-ended from one year while it runs."""
    start, end = dates_of_title(it.title_raw)
    if start is None:
        ys = years_in(re.sub(r"\([^()]*\)", " ", it.title_raw))
        start, end = (ys[0], ys[-1]) if ys else (None, None)
    if it.span and it.span[0] is not None:
        if start is None:
            start, end = it.span
        else:
            start, end = min(start, it.span[0]), max(y for y in (end, it.span[1]) if y) if (end or it.span[1]) else None
    if it.label_span and it.label_span[0] is not None:  # `Description du projet (2004 à 2006)`
        if start is None:
            start, end = it.label_span
        elif end is None and it.label_span[1] and it.label_span[1] >= start:
            end = it.label_span[1]  # `(débuté en 2004)`: the description's period ends it
    if start is None and description and not it.span:
        found = dates.years(description, YEAR)
        ys = sorted(found.found + found.planned)  # `un programme qui va démarrer en 2008`
        if ys:
            start, end = ys[0], (None if it.status == "en cours" and ys[0] == ys[-1] else ys[-1])
    return start, end


def build_actions(items: list[Item], ctx: Ctx, page: int | None) -> list[ActionDraft]:
    actions = []
    for it in split_project_lists(items, ctx.lines):
        f = it.fields
        desc_parts = list(f.get("free", [])) + list(f.get("description", []))
        for key, vals in f.items():
            if key.startswith("other:"):
                desc_parts.append(f"{key[6:]} : " + " ".join(vals))
        # `Résultats attendus`: what the project should give, its years plans (not `Résultats obtenus/attendus`)
        expected = [x for x in desc_parts if re.match(r"Résultats? attendus? : ", x)]
        title_text = it.title_raw
        description, told = joined(desc_parts), joined([x for x in desc_parts if x not in expected])
        objectives = joined(f.get("objectives"))
        budget_text = joined(f.get("budget"))
        dated = list(f.get("free", [])) + list(f.get("description", []))
        if not dated:  # its sub-items, listed under a one-line `Objectif : …` (Strasbourg–Fès)
            dated = [x for x in f.get("objectives", [])[1:] if x.lstrip().startswith("-")]
        start, end = _action_years(it, joined(dated))
        if "Cofinancement PAD" in title_text:
            description = (description + "\n" if description else "") + "Cofinancement PAD"
        actions.append(ActionDraft(
            title=short_title(title_text), keep_title=True, first=it.first, last=it.last,
            description=description, domain_raw=it.heading, status=it.status,
            when=" ".join(x for x in (title_text, told, objectives, budget_text,
                                      joined(f.get("partners"))) if x), plans=joined(expected),
            start=start, end=end, span=False,
            budget=parse_budget(budget_text) if budget_text else None,
            partners=joined(f.get("partners")), beneficiaries=joined(f.get("beneficiaries")),
            objectives=objectives, section=it.status or "sheet", page=page,
            original_text="\n".join(ctx.lines[it.first - 1: it.last]).strip(),
        ))
    return actions


# --- A chronology -------------------------------------------------------------

_MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"


_DATED_RE = re.compile(rf"^(?:(?:\d{{1,2}}(?:er|\^{{er}})?\s+)?(?:{_MONTHS})\s+)?"
                       r"(?P<year>(?:19|20)\d\d)\s*:\s*(?P<text>\S.*)$", re.IGNORECASE)


def chronology_actions(entries: list[tuple[int, str]], page: int | None) -> list[ActionDraft]:
    """A sheet's CHRONOLOGIE (Montereau-Safi, the only one), as (line number, text): each dated
    entry (`Avril 2006 : Séjour d'une équipe de football…`) is something the partnership did that
    year, an action like the dated rows of other sheets' tables; an undated paragraph after it
    (`Envoi de matériel médical…`) is another of the same year."""
    out: list[ActionDraft] = []
    year: int | None = None
    for n, entry in entries:
        text = entry.strip()
        m = _DATED_RE.match(text)
        if m:
            year, text = int(m.group("year")), m.group("text").strip()
        if year is None or not text:
            continue
        out.append(ActionDraft(
            title=short_title(text), keep_title=True, first=n, last=n, description=text,
            when=str(year), start=year, end=year, span=False, section="Chronologie", page=page,
            original_text=entry.strip(),
        ))
    return out
