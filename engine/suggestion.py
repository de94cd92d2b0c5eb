"""« Vouliez-vous dire » : the query's words as the index knows them, and the correction offered
for those it does not.

Corrections are offered, never applied: the search itself looks for close spellings at a
typo's grade (querybuild._typo), which `knows` keeps for words the index does not know.
"""
from __future__ import annotations

from analyzers import find_expansions, fold_text, spelling_analyzer

from .fillers import is_filler
from .querylang import TRUNCATION, hyphenated_parts
from .state import IndexState
from .surroundings import in_table_names

SPELLING_ANALYZER = spelling_analyzer()  # the words of a query as the speller's vocabulary has them


class Known:
    """Whether the index knows a (folded) word: written somewhere, or an
    inflection of an indexed word (`départements`, whose stem `departement` the
    text fields hold, though no sheet writes the plural), or the name of a place of
    the partner countries' tables that no sheet names (`Médéa`, a wilaya: `meda`, the
    EU programme, is no place the user meant). Such a word is no typo: close
    spellings of it would only repeat its stem at a typo's grade or add noise
    (querybuild._typo). `written` leaves out the tables' names: a spelling the records
    never use (`Timbuktu`) is read as the one they use (querybuild._spelled_otherwise)."""

    def __init__(self, state: IndexState):
        self.state = state
        self.vocabulary = _AskedOnce(state.vocabulary)
        self.analyzer = state.schema["body"].analyzer
        self._written: dict[str, bool] = {}  # the request's answers: the plan, the places and the suggestion ask

    def __call__(self, word: str) -> bool:
        return self.written(word) or in_table_names(word)  # (most words are written: asked once a request)

    def written(self, word: str) -> bool:
        found = self._written.get(word)
        if found is None:
            found = self._written[word] = self._written_anew(word)
        return found

    def _written_anew(self, word: str) -> bool:
        if word in self.vocabulary:
            return True
        if (parts := hyphenated_parts(word)) and self.written("".join(parts)):
            return True  # `inter-communalite`, written `intercommunalite` (querybuild._joined finds it)
        reader = self.state.searcher().reader()
        try:
            stems = [t.text for t in self.analyzer(word, mode="query")]
        except Exception:  # noqa: BLE001  what the analyzer cannot read is not known
            return False
        return bool(stems) and all(("body", t) in reader for t in stems)

    def in_names(self, word: str) -> bool:
        """A word of a collectivity's or a place's name (`_names`)."""
        return _names(self.state, word)


class _AskedOnce:
    """`word in` a generation's word tables, each word asked of them once per request: the plan, the
    places and the suggestion ask the same words (786 of the cold workload's 4,514 asks, a query each)."""

    __slots__ = ("_answers", "_tables")

    def __init__(self, tables):
        self._tables, self._answers = tables, {}

    def __contains__(self, word: str) -> bool:
        found = self._answers.get(word)
        if found is None:
            found = self._answers[word] = word in self._tables
        return found


def knows(state: IndexState) -> Known:
    """The query's `Known` (see there)."""
    return Known(state)


def suggest(state: IndexState, words: list[str], known) -> str | None:
    """A corrected query when a word is unknown to the index (the speller is
    only consulted then: it is the most expensive structure to build). The
    words a question is made of (`quelles`, `coopèrent`: fillers.py) are left
    as typed: the search ignores them, a correction of them would be noise. So are
    a truncated word (`assainiss*`: the user's own beginning) and a word whose correction would
    mislead (`_misleads`). `known` is the query's own `knows`."""
    if not words:
        return None
    meant = [w for w in words if not is_filler(w) and not w.endswith(TRUNCATION)] or words
    try:
        tokens = [t.text for t in SPELLING_ANALYZER(" ".join(meant), mode="query")]
        if all(t in known.vocabulary for t in tokens):  # (the request's answers, each word asked once)
            return None
        out, changed = [], False
        # a word of a phrase of the vocabulary is the user's word: `kit` of `kit solaire` was offered `kita solaire`
        # (the town of Kita) where the phrase found the solar sheets (review 1 r55)
        phrased = {i for start, end, _ in find_expansions(words) if end - start > 1 for i in range(start, end)}
        for i, w in enumerate(words):
            s = None if (is_filler(w) and len(meant) < len(words)) or w.endswith(TRUNCATION) or i in phrased \
                else state.speller.suggest_query(w) or _joined_suggestion(state, w, known)
            if s is not None and _misleads(state, w, s, known):
                s = None
            changed = changed or s is not None
            out.append(s or w)
    except Exception:  # noqa: BLE001  an analyzer fault costs the suggestion, never the search
        return None
    return " ".join(out) if changed else None


def _joined_suggestion(state: IndexState, word: str, known) -> str | None:
    """A hyphenated word with a typo and no close spelling part by part (`inter-comunalité`):
    the correction of its joined form (`intercommunalité`), which the search finds
    (querybuild._joined_typo). A hyphenated word the index knows is left as typed."""
    parts = hyphenated_parts(word)
    if not parts or known(fold_text(word)):
        return None
    return state.speller.suggest_query("".join(parts))


def _misleads(state: IndexState, word: str, suggested: str, known) -> bool:
    """The suggestion `suggested` for `word` would mislead: it is a stop word (`ksour` -> `pour`);
    `word` is a place of the tables (the cercle of `Niono` is not the cercle of Nioro), or a term
    of the field's vocabulary that no sheet writes (`MICL`, which the search reads as the
    ministry's name, is no typo of `mil`); or the
    index knows `word` otherwise (`known`: through its stem, `plateformes` for the corpus's
    `plateforme`, where « Vouliez-vous dire : plateforme ? » corrected nothing and `meme` for
    `mère` misled), unless the correction is a name (`kaye` -> `Kayes`: `_names`)."""
    folded = fold_text(word)
    if not _terms(state, suggested) or in_table_names(folded) or find_expansions([word]):
        return True
    return known(folded) and not _names(state, suggested)


def _names(state: IndexState, suggested: str) -> bool:
    """`suggested` is (a word of) a collectivity's or a place's name: the names fields have no
    stems, so `kaye` and `Ouarzazat`, which the texts' stems know, find less than `Kayes` and
    `Ouarzazate` there, and are still corrected."""
    reader = state.searcher().reader()
    return any((f, fold_text(suggested)) in reader for f in ("parties", "places"))


def _terms(state: IndexState, text: str) -> list[str]:
    """The terms the text fields are searched for when `text` is typed."""
    return [t.text for t in state.schema["body"].analyzer(text, mode="query")]
