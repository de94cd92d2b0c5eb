"""French analysis for the repertoires: what users type (no accents, singular,
acronyms, `st etienne`) finds what the repertoires wrote (`l'assainissement`,
`Ségou`, `écoles`, `CSCOM`, `Saint-Étienne`)."""
from .lightwhoosh import import_whoosh

import_whoosh()  # before any Whoosh module: see lightwhoosh.py

from .chains import french_analyzer, names_analyzer, spelling_analyzer
from .filters import spell_out_saints
from .folding import fold_text
from .spelling import Speller, edit_distance, max_typos, typo_distance
from .vocabulary import family_of, find_expansions, find_graded_expansions

__all__ = [
    "Speller",
    "edit_distance",
    "family_of",
    "find_expansions",
    "find_graded_expansions",
    "fold_text",
    "french_analyzer",
    "max_typos",
    "names_analyzer",
    "spell_out_saints",
    "spelling_analyzer",
    "typo_distance",
]
