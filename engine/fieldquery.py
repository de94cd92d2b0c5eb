"""A text as Whoosh queries, field by field: each field analyses the text with its own analyzer
(names keep their stop words and are not stemmed, the texts are), and each part is weighted by the
ranking profile's weight for its field (BM25F). The query builder (`querybuild.py`) asks this for
every way a word may be found."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from whoosh import query as Q

from indexer.schema import TEXT_FIELDS

from . import ranking_profile

# (analyzer id, text) -> its tokens, within `analysed_once` (one build_query): six fields
# share two analyzers, and a query's words are analysed for several ways of finding them
_TOKENS: ContextVar[dict | None] = ContextVar("_TOKENS", default=None)


def tokens(schema, fieldname: str, text: str) -> list[tuple[int, str]]:
    analyzer = schema[fieldname].analyzer
    memo = _TOKENS.get()
    if memo is None:
        return _analyse(analyzer, text)
    key = (id(analyzer), text)
    toks = memo.get(key)
    if toks is None:
        toks = memo[key] = _analyse(analyzer, text)
    return toks


def _analyse(analyzer, text: str) -> list[tuple[int, str]]:
    try:
        return [(t.pos, t.text) for t in analyzer(text, mode="query", positions=True)]
    except Exception:  # noqa: BLE001 (what the analyzer cannot read adds no term: a typed query never crashes)
        return []


def _field_query(schema, fieldname: str, text: str, phrase: bool, boost: float) -> Q.Query | None:
    toks = tokens(schema, fieldname, text)
    if not toks:
        return None
    if not phrase and len({p for p, _ in toks}) > 1 and not any(c.isspace() for c in text.strip()):
        # one typed word in several parts (`micro-crédit`, `Aix-en-Provence`): its parts in
        # sequence, not each anywhere in the field (`micro-projets` ... `crédit`)
        phrase = True
    if phrase:
        seen, words = set(), []
        for pos, t in toks:  # first token at each position (analyzers may add joined forms)
            if pos not in seen:
                seen.add(pos)
                words.append(t)
        if len(words) == 1:
            return Q.Term(fieldname, words[0], boost=boost)
        return Q.Phrase(fieldname, words, slop=1, boost=boost)
    terms = list(dict.fromkeys(t for _, t in toks))
    if len(terms) == 1:
        return Q.Term(fieldname, terms[0], boost=boost)
    return Q.And([Q.Term(fieldname, t) for t in terms], boost=boost)


def field_parts(schema, text: str, phrase: bool = False, fields=TEXT_FIELDS,
                scale: float = 1.0) -> list[tuple[str, Q.Query]]:
    """(field, query) for each field where `text` analyses to something, each
    weighted by the profile's field weight times `scale`."""
    weights = ranking_profile.current().field_weights
    parts = [(f, _field_query(schema, f, text, phrase, weights[f] * scale)) for f in fields]
    return [(f, q) for f, q in parts if q is not None]


@contextmanager
def analysed_once() -> Iterator[None]:
    """Within it, a text is analysed once per analyzer: six fields share two analyzers, and a
    query's words are analysed for several ways of finding them."""
    memo = _TOKENS.set({})  # the schema's analyzers stay alive while it runs: their ids are their own
    try:
        yield
    finally:
        _TOKENS.reset(memo)


def name_parts(schema, text: str) -> list[tuple[str, Q.Query]]:
    """A name typed after `collectivité:` as a phrase of the party names, except where it is
    the tail of a longer hyphenated name: `Saint-Denis` is not `Seine-Saint-Denis`. The names
    analyzer indexes a compound's joined form too (`seinesaintdenis`), so a name whose joined
    form ends with the typed one's, and is longer, is glued to a word before it (typed with a
    space, `Saint Denis` is the same name). A name of one word is not found where it only ends a
    longer one (`France` is not Île-de-France)."""
    parts = field_parts(schema, text, phrase=True, fields=("parties",))
    toks = tokens(schema, "parties", text)
    if not parts:
        return parts
    words = [t for i, (p, t) in enumerate(toks) if all(p != q for q, _ in toks[:i])]
    joined = "".join(words)
    field, phrase = parts[0]
    glued = Q.Wildcard(field, "?*" + joined)
    if len(words) < 2:  # one word (`France`): not where it ends a longer name (Île-de-France)
        return [(field, Q.AndNot(phrase, glued))]
    return [(field, Q.Or([Q.Term(field, joined, boost=phrase.boost),
                          Q.AndNot(phrase, glued)]))]
