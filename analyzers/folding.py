"""Case and accent folding: users type `segou`, the repertoires write
`SÉGOU`, `Ségou` or `Segou`; one folding on both sides makes them equal."""
from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode
from whoosh.analysis import Filter


def fold_text(text: str) -> str:
    """The one folding used everywhere: unidecode (é->e, ï->i, œ->oe,
    ’->') then lower case."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    if len(text) <= _SHORT:
        return _fold_unicode(text)
    # A long text (a sheet, a paragraph): unidecode works character by
    # character, so only its runs of non-ASCII characters need it (each
    # folded once, cached); the rest is ASCII already. Same result, a tenth of
    # the time (a regex finds the runs), and long texts stay out of the cache.
    return _NON_ASCII.sub(lambda m: _fold_unicode(m.group()), text).lower()


_SHORT = 64
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=65536)
def _fold_unicode(text: str) -> str:
    """unidecode is pure Python, character by character: the same words
    (`développement`, `Ségou`) are folded once each, not at every occurrence."""
    return unidecode(text).lower()


class FoldFilter(Filter):
    """Folds every token with `fold_text` (index and query side alike)."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = fold_text(t.text)
            if t.text:  # a script unidecode cannot spell in ASCII folds to nothing
                yield t
