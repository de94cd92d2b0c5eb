"""A Cités Unies France table cell's text made into record fields: its title
(`title_of`), its dates read as years
(`year_lists`, `durations`) and its status. The cell grammar is `cuf_cells.py`.
"""
from __future__ import annotations

import re

from ..text import fold, squash_spaces
from . import dates
from .cuf_cells import BULLET_RE, NUMBER_RE, is_prose

# `Projet d’aviculture : Abandonné`, `Nouveaux Forages : Abandonnés`, `Abandon du projet`: the row says the
# project was dropped (not `enfants (abandonnés…`, people; nor a work `abandonné puis repris`)
_ABANDONED = re.compile(r"(?:(?:^|[:;–-])\s*|\b(?:projet|action|chantier)s?\s+)abandonnee?s?\b(?!\s+(?:puis\s+)?repris)"
                        r"|\babandon (?:du|de ce) projet\b")


def status(text: str) -> str:
    """The status a row's words state; a row that states none was done. A project dropped is
    neither done nor still to come, whatever else its row says."""
    f = fold(text)
    if _ABANDONED.search(f):
        return "abandonné"
    if re.search(r"en projet|a l.etude|prevu|a venir|envisage", f):
        return "en projet"
    if re.search(r"en cours|depuis|chaque annee|tous les ans|programme demarre", f):
        return "en cours"
    return "réalisé"


# a year and the month written before it (`Nov 2008`, `Décembre 2008`, `début 2009`), folded; `fin 2007`
# on a sheet of July 2007 may end work still going on: no month
_DATED = re.compile(rf"(?:\b({dates.MONTHS}|debut)\W{{0,2}}\s*)?\b((?:19|20)\d\d)\b")
_MONTH_KEYS = ("janv", "fev", "mars", "avr", "mai", "juin", "juil", "aou", "sept", "oct", "nov", "dec")


def _month(word: str | None) -> int | None:
    if not word:
        return None
    if word == "debut":
        return 1
    return next(n for n, key in enumerate(_MONTH_KEYS, 1) if word.startswith(key))


def dated_status(when: str | None, updated: str | None) -> str | None:
    """The status a row's dates state against its sheet's own date (`Date de mise à jour`, as
    `YYYY-MM-DD`), for a row whose words state none: dated wholly after it (`Nov 2008` on a sheet
    of 3 October 2008, `2008` on one of July 2007), it was still to come; a period running past it
    (`2008-2010` on a sheet of November 2008), still going on. A year alone in the sheet's own
    year does not say which side it is on: None, as for a row dated before."""
    date = dates.sheet_date(updated)
    if not date or not when:
        return None
    year, month = date
    real = set(dates.years(when).found)  # not an amount's or a phone number's digits
    sides = []
    for d in _DATED.finditer(fold(when)):
        y, mo = int(d.group(2)), _month(d.group(1))
        if y in real:
            sides.append((y > year) - (y < year) if y != year or mo is None else (mo > month) - (mo < month))
    if not sides:
        return None
    if all(s > 0 for s in sides):
        return "en projet"
    if any(first <= year < last for first, last in dates.periods(when)) and sides[-1] > 0:
        return "en cours"
    return None


def strip_number(text: str) -> str:
    return NUMBER_RE.sub("", text.strip()).strip()


_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9)])[.!?]\s+(?=[A-ZÀ-Ý0-9])")
_MONTH_YEAR = re.compile(rf"\s+en\s+(?:{dates.MONTHS})\.?\s+(?:19|20)\d\d\b", re.IGNORECASE)


def title_of(text: str) -> str:
    """A project's title from its cell: the first sentence of a paragraph,
    bullets and numbering dropped, a budget or date in parentheses and a
    month with its year (`en juillet 2007`) removed, trailing punctuation
    dropped."""
    t = BULLET_RE.sub("", squash_spaces(text))
    first = _SENTENCE_END.split(t, maxsplit=1)[0]
    if first != t and len(first.split()) >= 3:
        t = first  # a cell written as a paragraph: its first sentence names the project
    head, colon, said = t.partition(" : ")
    if colon and len(head.split()) >= 3 and is_prose(said):
        t = head  # `… au Centre de Santé Communautaire : La salle d’observation permettra…`: what it is, then prose
    t = re.sub(r"\s*\((?:[^()]*\d[^()]*(?:€|euros?|F\b|FF|FCFA)|\s*(?:19|20)\d\d\s*)\)", "", t)
    t = _MONTH_YEAR.sub("", t)
    t = t.strip(" .;,:-…")
    if len(t) > 400:  # a cell of many parts is one project, named in full
        t = t[:398].rsplit(" ", 1)[0] + "…"
    return t


_YEAR_LIST = re.compile(r"\b((?:19|20)\d\d)((?:\s*,\s*(?:(?:19|20)\d\d|\d\d)\b)+)")


def year_lists(text: str) -> str:
    """`1988,2002, 03, 04` -> `1988, 2002, 2003, 2004`: a dates cell's list of
    years, two-digit years in the century of the year before them."""
    def full(m: re.Match) -> str:
        years = [m.group(1)]
        for y in re.findall(r"\d+", m.group(2)):
            years.append(y if len(y) == 4 else years[-1][:2] + y)
        return ", ".join(years)
    return _YEAR_LIST.sub(full, text or "")


def durations(text: str) -> str:
    """`2007 pour 3 ans` -> `2007 pour 3 ans : 2007-2009`: a start year and a
    length give the last year (`dates.duration`), which a dates cell then states."""
    def span(m: re.Match) -> str:
        return "{} : {}-{}".format(m.group(0), *dates.duration(m))
    return dates.DURATION_RE.sub(span, text or "")
