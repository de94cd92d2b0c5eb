"""The column heads of the Mali sheets' actions table, in one place: « Domaines d'intervention »,
« Actions réalisées », « Date de début et périodicité », « Budget (Euros) », as the form prints them,
each wrapped in its cell (`Domaines` / `d’intervention`, `Date de début et` / `périodicité`).

Two readings build their own pattern from these words: the parser's cell grammar
(indexer/parsers/cuf_cells.py `HEADER_RE`: a cell that opens with a head, in any case, a singular
or a stray apostrophe allowed) and the snippets (engine/snippets.py: a line made only of heads, as
printed, blanked in a passage). The words live here, not in the parser, because a search must not
load the parser modules (tests/test_cli.py, tests/test_domains.py)."""
from __future__ import annotations

from typing import NamedTuple


class HeadWords(NamedTuple):
    """One regex alternative for each part of a head that a cell holds."""
    domains: str
    intervention: str
    actions: str
    start: str
    periodicity: str
    budget: str


PERIODICITY = "périodicité"  # the dates' head's own word, after its « Date de début et » (a cell of its own)


def head_words(plural: str, apostrophe: str) -> HeadWords:
    """The heads' words, the plural's mark and the apostrophe as the reader takes them:
    `s` and `['’]` as printed, `s?` and `.` for a cell written otherwise (`Action réalisée`)."""
    return HeadWords(
        domains=rf"Domaine{plural}",
        intervention=rf"d{apostrophe}intervention",
        actions=rf"Action{plural} réalisée?{plural}",
        start=r"Date de début(?: et)?",
        periodicity=rf"(?:et )?{PERIODICITY}",
        budget=r"Budget",
    )


# the budget's unit under its head; the cell grammar needs no word for it (a cell opening with « ( »
# goes on with the head above)
EUROS = r"\((?:en )?euros\)"
