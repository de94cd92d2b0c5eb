"""The vocabulary's phrases over runs of typed words (`eau potable` -> `hydraulique`), for the query builder
(moved out of querybuild.py): a span of typed words that an entry writes is one group, its typed words (all
required) or one of the entry's phrases; and what a group's expansions may not be (other typed words)."""
from __future__ import annotations

import re

from analyzers import find_graded_expansions, fold_text
from analyzers.vocabulary import PLACE, joined_entry, territory_names
from indexer import geography
from indexer.schema import NAME_FIELDS
from indexer.text import french_list

from . import ranking_profile
from .fieldquery import field_parts
from .querymodel import (
    LITERAL,
    VIA_PHRASE,
    VIA_PLACE,
    VIA_TRUNCATED,
    VIA_TYPO,
    VIA_WORD,
    VIA_WORDS,
    Alternative,
    Group,
    rebuilt,
)


def body_terms(alt: Alternative) -> frozenset[str]:
    """The terms `alt` looks for in the body (its words as the text analyzer has them)."""
    for f, q in alt.parts:
        if f == "body":
            return frozenset(t for _, t in q.iter_all_terms())
    return frozenset()


def _nearest_correction(group: Group) -> Alternative | None:
    """The typo alternative of a misspelt word's one nearest correction (querymodel.one_nearest: `irigation`:
    irrigation), what the user meant, as querybuild._typo marks it; None for two equally near words or a
    farther one."""
    for a in group.alternatives:
        if a.via == VIA_TYPO and a.nearest:
            return a
    return None


def _literal_terms(group: Group) -> frozenset[str]:
    """The body terms of what was typed for `group` (the words of a span included), a misspelt word's
    one nearest correction standing for the word it corrects."""
    out: set[str] = set()
    for a in group.alternatives:
        if a.via in (VIA_WORD, VIA_PHRASE, VIA_TRUNCATED):
            out |= body_terms(a)
        elif a.via == VIA_WORDS:
            for c in a.children:
                out |= _literal_terms(c)
    if corrected := _nearest_correction(group):
        out |= body_terms(corrected)
    return frozenset(out)


def without_typed_expansions(groups: list[Group]) -> list[Group]:
    """Each group without the expansions that are only other typed words
    (`désenclavement pistes`: `piste`, a narrower term of désenclavement, is
    typed as a word of its own). Kept, a record's one `pistes` counted for
    both words, as if it had the whole query without a word on opening up a
    place: a word stands for itself once, its expansions for what it adds.
    A misspelt word's one nearest correction is the word it stands for: it is
    kept, and it is another group's word (`agricuture irigation`: irrigation,
    a narrower term of agriculture's, is irigation's correction; kept, one
    `irrigation` counted for both words, 11 results with both and no fill)."""
    if len(groups) < 2:
        return groups
    literal = [_literal_terms(g) for g in groups]
    out = []
    for i, g in enumerate(groups):
        others = frozenset().union(*(t for j, t in enumerate(literal) if j != i))
        corrected = _nearest_correction(g)
        keep = [a for a in g.alternatives
                if a.via in LITERAL or a is corrected
                or not (body_terms(a) and body_terms(a) <= others)]
        out.append(rebuilt(g, keep))
    return out


class Spans:
    """The vocabulary's phrases over runs of typed words (`eau potable` ->
    `hydraulique`): the words of a span are held as they come, and its last
    word gives one group for the whole span, whose alternatives are the typed
    words (all required) and each of the vocabulary's phrases."""

    def __init__(self, schema, words: list[str], profile: ranking_profile.Profile, known=None,
                 alone: frozenset[int] = frozenset(), corrected: dict[int, str] | None = None):
        self.schema, self.words, self.profile = schema, words, profile
        self.span_of: dict[int, tuple[int, int, list[tuple[str, str]]]] = {}  # word index -> its span
        for start, end, alts in find_graded_expansions(words) if words else []:
            if all(i not in self.span_of for i in range(start, end)):  # leftmost wins an overlap
                for i in range(start, end):
                    self.span_of[i] = (start, end, alts)
        self.corrects: dict[int, str] = {}  # span start -> the phrase as corrected (`eau potabel`: eau potable)
        if corrected:
            self._corrected_spans(corrected)
        names = getattr(known, "in_names", None) is not None and profile.joined_words
        for i in range(len(words) - 1):  # two words standing alone side by side, written as one
            if not {i, i + 1} <= alone or i in self.span_of or i + 1 in self.span_of:
                continue
            if entry := joined_entry(words[i], words[i + 1]):  # by the vocabulary (`micro finance`)
                self.span_of[i] = self.span_of[i + 1] = (i, i + 2, entry)
            elif names and (joined := _joined_pair(words[i], words[i + 1], known)):  # by a record
                self.span_of[i] = self.span_of[i + 1] = (i, i + 2, [(joined, JOINED)])
        self.held: dict[int, list[Group]] = {}  # span start -> its words' groups so far
        self.word_index = 0  # of the next positive word
        self.notices: list[str] = []  # what a territory's name is read as

    def _corrected_spans(self, corrected: dict[int, str]) -> None:
        """The phrases one word's correction completes (`corrected_spans`), in place of a typed one-word span."""
        for start, end, alts, text in corrected_spans(self.words, corrected):
            for i in range(start, end):
                self.span_of[i] = (start, end, alts)
            self.corrects[start] = text

    def word(self, group: Group | None) -> Group | None:
        """The group to use for the next positive word: its own outside a span,
        None while its span goes on, the span's group on the span's last word."""
        span = self.span_of.get(self.word_index)
        self.word_index += 1
        if span is None or group is None:
            return group
        start, end, alts = span
        self.held.setdefault(start, []).append(group)
        if self.word_index < end:
            return None
        # last word of the span: the typed words, or one of the vocabulary's phrases
        typed = self.held[start]
        units = self._units(start, end, alts)
        alts = [(a, kind) for a, kind in alts if kind != PLACE]
        if units:  # a territory (`nord du Mali`): its units first, where the ranker looks for a place
            span_alts = units + (list(typed[0].alternatives) if len(typed) == 1 else self._typed_phrase(start, end))
        elif len(typed) == 1:
            span_alts = list(typed[0].alternatives)
        elif any(kind == JOINED for _, kind in alts) and not all(w[:1].isupper() for w in self.words[start:end]):
            span_alts = self._typed_phrase(start, end)  # `co financement`: not `co-organisée`'s co (a name as typed)
        else:
            span_alts = [Alternative(VIA_WORDS, " ".join(g.text for g in typed), children=typed)]
        for a, kind in alts:
            if kind == JOINED:  # two typed words a record writes as one: the word typed, where they are not
                parts = field_parts(self.schema, a, scale=self.profile.stem)
                span_alts += [Alternative(VIA_WORD, a, parts, grade=self.profile.stem, otherwise=True)] if parts else []
                continue
            # a phrase a correction completes: typo × the phrase's grade, as a corrected word's own (querybuild)
            corrects = self.corrects.get(start, "")
            grade = self.profile.expansion(kind) * (self.profile.typo if corrects else 1.0)
            parts = field_parts(self.schema, a, phrase=True, scale=grade)
            if parts:
                span_alts.append(Alternative(kind, a, parts, grade=grade, corrects=corrects))
        return Group(" ".join(self.words[start:end]), span_alts)

    def _units(self, start: int, end: int, alts: list[tuple[str, str]]) -> list[Alternative]:
        """The units of a territory the span names, each as a place the records are in (their names
        and places), counted as typed: `Kabylie` is Tizi Ouzou, Béjaïa and Bouira. Only its name as
        written (any case or accent): an adjective of the same stem qualifies a topic (`culture kabyle`)."""
        if fold_text(" ".join(self.words[start:end])) not in territory_names():
            return []
        grade = self.profile.expansion(PLACE)
        units = [Alternative(VIA_PLACE, a, parts, grade=grade) for a, kind in alts if kind == PLACE
                 if (parts := field_parts(self.schema, a, phrase=True, fields=NAME_FIELDS, scale=grade))]
        if units:
            listed = french_list([u.text for u in units])
            self.notices.append(f"« {' '.join(self.words[start:end])} » : les résultats "
                                f"{geography.with_de(listed)} sont inclus.")
        return units

    def _typed_phrase(self, start: int, end: int) -> list[Alternative]:
        """A territory's name of several words as typed, together (`nord du Mali`, not `nord` and `Mali`
        anywhere: Nord-Pas-de-Calais's Malian partners are not in the north of Mali)."""
        text = " ".join(self.words[start:end])
        parts = field_parts(self.schema, text, phrase=True, scale=self.profile.stem)
        return [Alternative(VIA_PHRASE, text, parts, grade=self.profile.stem)] if parts else []


def corrected_spans(words: list[str], corrected: dict[int, str]) -> list[tuple[int, int, list[tuple[str, str]], str]]:
    """The vocabulary's phrases of several words that one word's correction completes (`eau potabel`:
    « eau potable », its hydraulique and AEP; `corrected`: word index -> its one nearest known word), each
    with the phrase as corrected, as if typed right: a phrase's entry stands in for its words' own (a typed
    one-word span gives way), not for a phrase typed (a typed span of several words keeps its words). Never
    a phrase two corrections make (two guesses), nor a territory's (its units are for its name as written)."""
    if not corrected:
        return []
    typed = {i for start, end, _ in find_graded_expansions(words) if end - start > 1 for i in range(start, end)}
    fixed = [corrected.get(i, w) for i, w in enumerate(words)]
    return [(start, end, alts, " ".join(fixed[start:end])) for start, end, alts in find_graded_expansions(fixed)
            if end - start > 1 and sum(i in corrected for i in range(start, end)) == 1
            and not any(k == PLACE for _, k in alts) and not typed & set(range(start, end))]


JOINED = "joined"  # a span's kind: two typed words as one (`plate forme`: `plateforme`)
LETTERS_RE = re.compile(r"[^\W\d_]{2,}")


def _joined_pair(first: str, second: str, known) -> str | None:
    """`first` and `second` as the one word some record writes (`micro credit`: `microcredit`,
    `eco tourisme`: `ecotourisme`), which the two words typed apart never find (Meilisearch joins
    adjacent query words the same way). None when no record writes it as typed, or either is no
    plain word or is a word of a name, stop words included (`Montreuil Yélimané`, which a record's
    `Montreuil-Yélimané` also writes joined: names are found as typed; `en fin`: `enfin`)."""
    if not (LETTERS_RE.fullmatch(first) and LETTERS_RE.fullmatch(second)):
        return None
    joined = fold_text(first + second)
    if joined not in known.vocabulary or any(known.in_names(fold_text(w)) for w in (first, second)):
        return None
    return first + second
