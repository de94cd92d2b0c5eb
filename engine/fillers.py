"""Words of a question that say nothing about what is sought.

Users type questions (`quelles villes aident Mopti`, `qui travaille sur l'eau
à Kayes`); with every word required, `aident` or `travaille` would exclude the
partnerships that never use that verb. These words are dropped from a query
that has other words (a query made only of them is kept as typed)."""
from __future__ import annotations

from analyzers import fold_text

FILLERS = frozenset({
    "qui", "quel", "quels", "quelle", "quelles", "quoi", "ou", "comment", "combien", "pourquoi",
    "est-ce", "existe", "existent", "y", "a-t-il", "ya",
    "travaille", "travaillent", "travailler", "aide", "aident", "aider", "soutient", "soutiennent",
    "soutenir", "coopere", "cooperent", "cooperer", "agit", "agissent", "intervient",
    "interviennent", "fait", "font", "faire", "mene", "menent",
    "villes", "collectivites", "collectivite", "francaises", "francais",
    "liste", "tous", "toutes", "avec", "dans", "pour",
})


def is_filler(word: str) -> bool:
    return fold_text(word).strip("?!.,;:") in FILLERS
