"""The Algerian sheets' dates, read against the sheets' own year (2006, `YEAR`): the year of the first formal
act (the convention field's, or an earlier one its history dates), the first contact, and the projects as the
sentences the first contact is read from. One place for this document's dating rules, which `algerie.py` applies
to its sheets and its state table's rows."""
from __future__ import annotations

from ..text import squash_spaces
from . import dates
from .algerie_blocks import item_date

YEAR = 2006  # the sheets' date (the document's annexes are later)


def years_in(text: str) -> list[int]:
    return dates.years(text, YEAR).found


def formal_year(text: str | None) -> int | None:
    """The year of the formal act a convention field or a state table's cell names, read against the sheets'
    own year: its first year, and none when it names no act (`dates.names_formal_act`: « Pas de convention »,
    « En contact 2005 »). Not `dates.formal_year`, the CUF formalisation field's reading (and the sheet model's
    for a sheet given none), which dates any field and leaves out the clauses telling of a contact or an action."""
    if text is None or not dates.names_formal_act(text):
        return None
    ys = years_in(text)
    return ys[0] if ys else None


def formalisation(convention: str | None, history: str | None) -> int | None:
    """The year of the first formal act: the legal field's, unless the history dates an earlier
    one (`dates.history_formal_act`: `Jumelage en 1981.` with a Convention field saying `oui`)."""
    formalized = formal_year(convention)
    earlier = dates.history_formal_act(history, YEAR)
    return earlier if earlier is not None and (formalized is None or earlier < formalized) else formalized


def first_contact(history: str | None, formalized: int | None, elsewhere: str = "",
                  start: str | None = None) -> int | None:
    """The first contact a sheet dates (`dates.first_contact`), by the sheets' date. A sheet whose
    `Historique.` is left blank tells how the relation began in its `Objectifs de départ` (Grenoble-
    Constantine: `Suite à la mission organisée par Cités Unies France en Algérie en 1999, la ville de
    Grenoble a voulu établir des relations durables avec l’APC de Constantine`): they are its history."""
    origin = history if history and history.strip() else start
    return dates.first_contact(origin, formalized, YEAR, elsewhere)


def project_sentences(projects: list[dict]) -> str:
    """The sheet's projects as `first_contact` reads them: each project, and each of its lines that opens
    with a date (Blanquefort-Timimoun: `2003 : Travail de mémoire …` / `fin 2004 : Envoi d’une mission
    technique …`), closed as a sentence of its own; the undated lines after a dated one stay in its
    sentence (they go on with it). Their texts seldom end with a stop: run together, a year of one project
    or item would date another's visit or mission."""
    parts: list[list[str]] = []
    for proj in projects:
        parts.append([])
        for line in (squash_spaces(x) for x in proj["raw"].split("\n")):
            if line and item_date(line) and parts[-1]:
                parts.append([])
            if line:
                parts[-1].append(line)
    return "\n".join(dates.closed("\n".join(part)) for part in parts if part)
