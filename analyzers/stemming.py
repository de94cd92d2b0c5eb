"""French stemming after folding, with an exception table for the merges
Snowball gets wrong in this field (`stem_exceptions.json`)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from whoosh.analysis import Filter
from whoosh.lang import stemmer_for_language

_PATH = Path(__file__).with_name("stem_exceptions.json")
EXCEPTIONS: dict[str, str] = {
    k: v for k, v in json.loads(_PATH.read_text(encoding="utf-8")).items()
    if not k.startswith("_")
}
_snowball = stemmer_for_language("fr")


@lru_cache(maxsize=50000)
def stem_word(word: str) -> str:
    """Stem of a folded word. Folding turned `réalisée` into `realisee`,
    which Snowball (written for accented text) no longer reduces like
    `realise`: the feminine `-ee(s)` is cut back to `-e` first, and the
    feminine `-iere(s)` (`infirmière`, folded `infirmiere`) to the masculine
    `-ier`, which Snowball then reduces as it does `infirmier`. A plural `-os`
    loses its `s`, which Snowball keeps after a vowel: `motos`, `vélos`,
    `vidéos` are the words typed `moto`, `vélo`, `vidéo`."""
    if word in EXCEPTIONS:
        return EXCEPTIONS[word]
    if not word.isalpha():
        return word
    if len(word) > 5 and word.endswith("ees"):
        word = word[:-2]
    elif len(word) > 4 and word.endswith("ee"):
        word = word[:-1]
    elif len(word) > 6 and word.endswith("ieres"):
        word = word[:-3] + "r"
    elif len(word) > 5 and word.endswith("iere"):
        word = word[:-2] + "r"
    elif len(word) > 3 and word.endswith("os"):
        word = word[:-1]
    if word in EXCEPTIONS:
        return EXCEPTIONS[word]
    return _snowball(word)


class FrenchStemFilter(Filter):
    """Snowball French on folded tokens, exceptions first."""

    def __eq__(self, other):
        return other.__class__ is self.__class__

    def __call__(self, tokens):
        for t in tokens:
            if not t.stopped:
                t.text = stem_word(t.text)
            yield t
