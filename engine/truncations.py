"""What a query's truncations (`assainiss*`) are expanded to: the words of the index beginning so, the
most frequent first, at most MAX_TRUNCATED_WORDS for a word (and a one-word name, `collectivite:marseil*`)
and MAX_TRUNCATED_PHRASES at the end of a phrase or a name of several words (`"eau pot*"`), and at most
TRUNCATED_WORDS_PER_QUERY for all of a query's truncations together (indexer/limits.py), as Elasticsearch
bounds a query's expansions.

Every word a truncation is expanded to is scored in every field: 65 distinct two-letter truncations
(259 characters, `co* re* ma* …`) took 1,1 s of CPU on a first request (review r46), the same words
typed plainly 0,24 s. The budget is shared out evenly, as water fills vessels: a truncation wanting
fewer words than its share leaves the rest to the others, so a query whose truncations want no more
than the budget together is expanded as before, each truncation alone; past it, each gets an equal
share (at least its most frequent word), and one notice says what each cut one was searched for.
A truncation typed twice in different OR groups (`co* OR eau co* OR santé`) is scored twice, so
counts twice; its occurrences get the same words.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from indexer.limits import MAX_TRUNCATED_PHRASES, MAX_TRUNCATED_WORDS, MIN_TRUNCATED, TRUNCATED_WORDS_PER_QUERY
from indexer.text import french_list

from .querylang import NAMES, TRUNCATION, Clause, truncated
from .state import folded_words

LISTED = 4  # truncations a budget notice names; the others are counted

# (folded beginning, limit, a name's folded words before it), what engine.state.truncation_words reads
Key = tuple[str, int, tuple[str, ...]]
# Key -> (words, how many); None: too few letters before the star
Starting = Callable[[str, int, tuple[str, ...]], tuple[list[str], int] | None]


@dataclass(frozen=True)
class Expansion:
    begins: str  # the folded beginning (`_key`), looked for as typed when no word begins so
    words: list[str]  # searched, the most frequent first
    total: int  # the words of the index beginning so
    cut: bool = False  # fewer words than the truncation alone would have: the query's budget


def expands(clause: Clause) -> bool:
    """Whether a clause is a truncation the query builder expands (a word, a phrase's last word, a
    name's: `collectivite:marseil*`; a facet's value is its beginning anyway: `region:kay*`)."""
    return clause.text.endswith(TRUNCATION) and (clause.kind in ("word", "phrase") or clause.target == NAMES)


def named(clause: Clause) -> str:
    """How a notice names a truncation: a phrase's by its phrase (`"eau co*" co*` named two different
    « co* »: review 3 of r47), a word by itself."""
    head, _, last = clause.text.rpartition(" ")
    return clause.text if head else last


def many(clause: Clause, expansion: Expansion) -> str | None:
    """What a truncation searched for fewer words than begin so says, when the query's budget did not
    cut it (a cut one is in `Truncations.notice`); None when it is searched for all of them."""
    if expansion.total <= len(expansion.words) or expansion.cut:
        return None
    return (f"« {named(clause)} » : {_number(expansion.total)} mots commencent ainsi ; la recherche porte "
            f"sur les {len(expansion.words)} plus fréquents.")


def elided(last: str) -> str:
    """What a truncated word elides before its beginning, as typed (`d'au*`: `d'`; `l’e*`: `l’`), which
    `truncated` drops; "" for none."""
    return last[:max(last.rfind("'"), last.rfind("’")) + 1]


def _key(clause: Clause) -> Key | None:
    """(the folded beginning, the truncation's own limit, a name's folded words before it); None when too
    few letters precede the star: one is enough after a name's words (`collectivite:"saint d*"`), which
    the names bound (engine.state.truncation_words: after words some name has). The elided article is
    among those words (`"conseil régional d'au*"`: after conseil, regional, d; without the `d`, no name
    continued « conseil régional » so and the value listed 0: review 2 r52, M2)."""
    head, _, last = clause.text.rpartition(" ")
    named = bool(head) and clause.target == NAMES
    begins = truncated(last, 1 if named else MIN_TRUNCATED)
    if begins is None:
        return None
    after = folded_words(f"{head} {elided(last)}") if named else ()
    return begins, MAX_TRUNCATED_PHRASES if head else MAX_TRUNCATED_WORDS, after


def _shares(wanted: dict[Key, int], counts: dict[Key, int], totals: dict[Key, int],
            budget: int) -> dict[Key, int]:
    """Words for each key, `counts[key]` occurrences of which want `wanted[key]` each: the smallest
    wants first, each key at most an equal share of what is left (at least 1), so that no key's
    occurrences get fewer words than another's unless they want fewer (the division's remainder goes
    to the keys more words begin as: `co*` 34, `ma*` 33)."""
    left, occurrences, out = budget, sum(counts.values()), {}
    for key in sorted(wanted, key=lambda k: (wanted[k], totals[k], k)):
        out[key] = min(wanted[key], max(1, left // occurrences))
        left -= out[key] * counts[key]
        occurrences -= counts[key]
    return out


class Truncations:
    """The expansions of a query's truncations (`clauses`: every clause the query builder reads)."""

    def __init__(self, clauses: Iterable[Clause], starting: Starting | None, budget: int | None = None):
        budget = TRUNCATED_WORDS_PER_QUERY if budget is None else budget
        self.typed: dict[Key, str] = {}  # key -> its truncated word as first typed (`co*`)
        counts: dict[Key, int] = {}
        for clause in clauses:
            key = _key(clause) if expands(clause) else None
            if key is not None:
                self.typed.setdefault(key, named(clause))
                counts[key] = counts.get(key, 0) + 1
        asked = {key: starting(*key) if starting is not None else ([], 0) for key in counts}
        # one letter no name's words bound (`"zzz m*"`): too few, as a word's; after them, none may
        # follow (`"saint x*"`: no name continues « saint » so, which the query builder says)
        self._short = {k for k, got in asked.items() if got is None}
        found = {k: got or ([], 0) for k, got in asked.items()}
        shares = _shares({k: len(words) for k, (words, _) in found.items()}, counts,
                         {k: total for k, (_, total) in found.items()}, budget)
        self._expansions = {k: Expansion(k[0], words[:shares[k]], total, shares[k] < len(words))
                            for k, (words, total) in found.items()}
        self.budget = budget

    def expansion(self, clause: Clause) -> Expansion | None:
        """The words a truncated clause is looked for as; None for too few letters before the star."""
        key = _key(clause)
        return None if key is None or key in self._short else self._expansions.get(key, Expansion(key[0], [], 0))

    def notice(self) -> str | None:
        """What the budget cut, in one sentence; None when it cut nothing."""
        cut = [k for k in self.typed if self._expansions[k].cut]
        if not cut:
            return None
        shown = len(cut) if len(cut) <= LISTED + 1 else LISTED  # not « et 1 autre »: its name is as short
        said = [f"« {self.typed[k]} » {_words(len(self._expansions[k].words))} sur {_number(self._expansions[k].total)}"
                for k in cut[:shown]]
        others = sorted({len(self._expansions[k].words) for k in cut[shown:]})
        if others:
            each = _words(others[0]) if len(others) == 1 else f"de {others[0]} à {_words(others[-1])}"
            said.append(f"{len(cut) - shown} autres ({each} chacun)")
        return (f"Les débuts de mots de cette recherche sont développés en {_words(self.budget)} au plus en "
                f"tout, les plus fréquents de chacun : {french_list(said)}.")  # (searched or excluded: `-pr*`)


def _number(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")  # the French thousands separator


def _words(n: int) -> str:
    return f"{_number(n)} mot{'s' if n > 1 else ''}"
