"""The three analyzers, composed from the components with `|`. Each call
returns a fresh analyzer (Whoosh pickles it with the schema)."""
from __future__ import annotations

from .filters import CompoundSplitFilter, ElisionFilter, LeadingArticleFilter, SaintFilter
from .folding import FoldFilter
from .stemming import FrenchStemFilter
from .stopwords import FrenchStopFilter
from .tokenizers import FrenchTokenizer

# positions between two names of a names field (indexer.documents joins them one a line): far
# more than any phrase's slop (1, engine.fieldquery), so that no phrase spans two names (« Nord »,
# the French département, then « Mali », the partner's country, are no « Nord-Mali »)
NAME_GAP = 100


def french_analyzer():
    """Full text: elision, folding, saints, compounds, stop words, stemming."""
    return (FrenchTokenizer() | ElisionFilter() | FoldFilter() | SaintFilter()
            | CompoundSplitFilter() | FrenchStopFilter() | FrenchStemFilter())


def names_analyzer():
    """Collectivity and place names: no stop words, no stemming; saints
    normalised, a leading article optional, compounds split; each line
    (one name) NAME_GAP positions after the one before."""
    return (FrenchTokenizer(gap=NAME_GAP) | ElisionFilter() | FoldFilter() | SaintFilter()
            | LeadingArticleFilter() | CompoundSplitFilter())


def spelling_analyzer():
    """The `spell` field the Speller is built from: the words as written,
    folded, no stop words removed, no stems."""
    return FrenchTokenizer() | ElisionFilter() | FoldFilter() | CompoundSplitFilter()
