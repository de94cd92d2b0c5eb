"""Parsed query -> a plan of Whoosh queries, one group per query word.

Each word is looked for in every text field with the field's own analyzer and
weight (BM25F), so `Kayes` matches the places field of a partnership located
in the Kayes region, and `assainissement` the domains field as well as the
body. A word's group holds the ways it may be found, each an `Alternative`
tagged with how it was reached (`via`) and weighted by the ranking profile's
grade for that way: the word itself (any inflection), its word family, a
synonym or an acronym's expansion from the field vocabulary, a close known
word for a word the index does not know (typo). The ranker (`ranking.py`)
scores the groups and decides how many must match; `--explain` reads the
same plan back.
"""
from __future__ import annotations

import re

from whoosh import query as Q

from analyzers import family_of, find_graded_expansions, fold_text, max_typos, typo_distance
from analyzers.vocabulary import PLACE
from indexer import geography
from indexer.facet_registry import YEAR as YEAR_FACET, registry
from indexer.ids import name_key
from indexer.schema import NAME_FIELDS, TEXT_FIELDS
from indexer.text import YEAR

from . import ranking_profile
from .fieldquery import analysed_once, field_parts, name_parts, tokens
from .fillers import (
    asks_for,
    french_kind_asked,
    is_filler,
    is_light,
    is_question_word,
    names_agreement,
    names_french_side,
    place_named,
)
from .placenames import council_keys, kinds_before_names, spelled_apart
from .querylang import (
    NAMES,
    NOTHING_SEARCHABLE,
    TOO_SHORT,
    TRUNCATION,
    Clause,
    ParsedQuery,
    hyphenated_parts,
    labelled,
    match_facet_value,
    names_years,
    period_years,
    read_forwards,
    reversed_period,
)
from .querymodel import (
    NO_VALUE,
    VIA_ACTIVE,
    VIA_FAMILY,
    VIA_PHRASE,
    VIA_PLACE,
    VIA_TRUNCATED,
    VIA_TYPO,
    VIA_WORD,
    VIA_WORDS,
    Alternative,
    BuiltQuery,
    Group,
    one_nearest,
    rebuilt,
    without_twins,
)
from .queryyears import active_years, year_alternatives
from .renamed import renamed_notices
from .spans import LETTERS_RE, Spans, corrected_spans, without_typed_expansions
from .truncations import Truncations, elided, expands, many

YEAR_RE = re.compile(f"({YEAR})")
# a word family is a matter of French words, not of names (an `agricole` in no party's name)
FAMILY_FIELDS = tuple(f for f in TEXT_FIELDS if f not in NAME_FIELDS)

def _typo(schema, word: str, known, candidates) -> list[Alternative]:
    """Typo-tolerant match, for words the index does not know: the
    speller's close known words (Meilisearch's typo budget) as plain terms,
    which is far cheaper than Whoosh's FuzzyTerm walking the lexicon. The
    fewest typos count most (Meilisearch's `typo` rule, Algolia's typo
    ranking): words farther than the closest ones found are a second, lower
    alternative (`mohamedia`: `mohammedia` is one typo away, `mohamed` two)."""
    folded = fold_text(word)
    if known(folded) or candidates is None:
        return []
    dist = max_typos(folded)
    if dist <= 0:
        return []
    close = candidates(folded, dist)
    profile = ranking_profile.current()
    away = {c: typo_distance(folded, c, dist) for c in close}
    nearest, corrected = min(away.values(), default=0), one_nearest(away)
    out = []
    for words, grade in (([c for c in close if away[c] == nearest], profile.typo),
                         ([c for c in close if away[c] > nearest], profile.typo * profile.typo_farther)):
        parts = _words_parts(schema, words, grade)
        if parts:
            out.append(alt := Alternative(VIA_TYPO, " ".join(words), parts, grade=grade))
            if len(words) == 1 and words[0] == corrected:  # the one nearest word: what the user meant
                alt.nearest = True
                out += _corrected_expansions(schema, words[0], profile)
    return out


def _correction(schema, clause: Clause, known, candidates) -> str | None:
    """The one nearest known word (querymodel.one_nearest) of a misspelt word clause, as `_clause_group` reaches
    `_typo` (the word unknown, its family too, no vocabulary meaning, no place spelled otherwise, no year, no
    truncation); None otherwise, or when two words are equally near (`forrage`). For the vocabulary's phrases a
    correction completes (spans.py: `eau potabel` is « eau potable »)."""
    folded = fold_text(clause.text)
    if (clause.kind != "word" or clause.negated or candidates is None or known(folded) or expands(clause)
            or (dist := max_typos(folded)) <= 0 or YEAR_RE.fullmatch(clause.text) or period_years(clause.text)
            or not tokens(schema, "body", clause.text) or any(known(fold_text(o)) for o in family_of(clause.text))
            or _meant_otherwise(clause.text, known) or _is_spelled_otherwise(clause.text, known)):
        return None
    return one_nearest({c: typo_distance(folded, c, dist) for c in candidates(folded, dist)})  # as `_typo` has it


def _corrected_expansions(schema, word: str, profile) -> list[Alternative]:
    """The vocabulary of `word`, the one nearest known word of a misspelt one (`reboisment`: reboisement), as
    a typed word has it: its family, synonyms and narrower terms, each at typo × its own grade (below the
    correction itself, as the correction is below any typed word), marked as the correction's (`corrects`,
    which explain shows). `reboisment` listed 2 sheets, `reboisement` 7 with its « plantations d'arbres »
    (CG Allier–Niafunké, 3rd). Only the correction's own entries: never a second correction, nor an
    expansion's expansions; nor a territory's units (a misspelt territory is no span: spans.py); nor two
    equally near words (`forrage`: forage or fourrage) or farther ones, whose vocabulary would add guesses."""
    out = []
    for other in family_of(word):
        grade = profile.typo * profile.family
        if parts := field_parts(schema, other, fields=FAMILY_FIELDS, scale=grade):
            out.append(Alternative(VIA_FAMILY, other, parts, grade=grade, corrects=word))
    for _, _, alts in find_graded_expansions([word]):
        for meant, kind in alts:
            if kind == PLACE:
                continue
            grade = profile.typo * profile.expansion(kind)
            if parts := field_parts(schema, meant, phrase=True, scale=grade):
                out.append(Alternative(kind, meant, parts, grade=grade, corrects=word))
    return out


def _words_parts(schema, words: list[str], grade: float) -> list[tuple[str, Q.Query]]:
    """(field, term) for each field's term of each of `words` (known words of the index, as
    written), each term once: words may share a stem."""
    weights = ranking_profile.current().field_weights
    parts: list[tuple[str, Q.Query]] = []
    for f in TEXT_FIELDS:
        seen = set()
        for word in words:
            for _, tok in tokens(schema, f, word)[:1]:
                if tok not in seen:
                    seen.add(tok)
                    parts.append((f, Q.Term(f, tok, boost=weights[f] * grade)))
    return parts


def _truncated_group(schema, clause: Clause, built: BuiltQuery, expansions: Truncations,
                     fields=TEXT_FIELDS) -> Group | None:
    """`assainiss*`: the words of the index beginning so (their share of the query's budget:
    truncations.py), each as literal as a word typed whole: the user spelled what they want that way;
    in a phrase (`"eau pot*"`), its last word so completed (as Elasticsearch's phrase prefix). When no
    word of the index begins so, the beginning alone, which the page says no document has; None, and
    the text is looked for as typed, when too few letters precede the star."""
    head, _, last = clause.text.rpartition(" ")
    expansion = expansions.expansion(clause)
    if expansion is None:
        built.notices.append(TOO_SHORT.format(last))
        return None
    grade = ranking_profile.current().stem
    words = expansion.words
    # a name's elided article as typed (`"régional d'au*"`: « régional d'auvergne », truncations._key)
    before = f"{head} {elided(last)}" if head and clause.target == NAMES else f"{head} "
    if head or fields != TEXT_FIELDS:
        parts = [p for w in words for p in field_parts(schema, f"{before}{w}".strip(), phrase=True, fields=fields,
                                                        scale=grade)]
    else:
        parts = _words_parts(schema, words, grade)
    if not parts:  # the beginning as typed, no close spelling: the page says no document has it
        if head and clause.target == NAMES and not words:  # (not the index's words beginning so: state.py)
            built.notices.append(f"Aucun nom ne continue « {head} » par « {last.rstrip(TRUNCATION)}… ».")
            # nor the beginning as typed: `"le m"` was « m », M'Chedallah (review 2 r51, L3)
            return Group(clause.text, [Alternative(VIA_WORD, clause.text, query=Q.NullQuery, grade=grade)])
        return Group(clause.text, [Alternative(VIA_WORD, clause.text, field_parts(
            schema, f"{head} {expansion.begins}".strip(), phrase=bool(head), fields=fields, scale=grade),
            grade=grade)])
    if (said := many(clause, expansion)) is not None:
        built.notices.append(said)
    return Group(clause.text, [Alternative(VIA_TRUNCATED, clause.text, parts, grade=grade)])


def _without_fillers(pq: ParsedQuery, in_phrase: set[int]) -> ParsedQuery:
    """The query without question words, when other words remain; a word of one of the
    vocabulary's phrases (`in_phrase`, clause ids) is no filler there (`française` in
    `Agence française de développement`)."""
    question = any(c.kind == "word" and is_question_word(c.text) for g in pq.groups for c in g)

    def keep(c: Clause) -> bool:
        return id(c) in in_phrase or not (c.kind == "word" and not c.negated
                                          and (is_filler(c.text) or asks_for(c.text, question)))

    groups = [[c for c in g if keep(c)] for g in pq.groups]
    groups = [g for g in groups if g]
    if not any(c.kind in ("word", "phrase") and not c.negated for g in groups for c in g):
        return pq
    return ParsedQuery(groups=groups, notices=pq.notices)


def _in_vocabulary_phrase(pq: ParsedQuery, corrections: dict[int, str]) -> set[int]:
    """The ids of the positive word clauses inside a phrase of the vocabulary (spans of two
    words or more over the typed words, as the query builder finds them, or that a word's
    correction completes (`corrections`, clause id -> its one nearest known word): `aide humanitare`'s
    `aide` is no filler either)."""
    clauses = [c for g in pq.groups for c in g if c.kind == "word" and not c.negated]
    spans = find_graded_expansions([c.text for c in clauses]) if clauses else []
    fixed = {i: f for i, c in enumerate(clauses) if (f := corrections.get(id(c)))}
    spans += [s[:3] for s in corrected_spans([c.text for c in clauses], fixed)]
    return {id(clauses[i]) for start, end, _ in spans if end - start > 1 for i in range(start, end)}


def build_query(schema, pq: ParsedQuery, facet_values: dict[str, list], known=lambda w: True,
                candidates=None, starting=None) -> BuiltQuery:
    """The query's groups and bonuses; `known` says whether the index knows a (folded) word,
    `candidates` gives a word's close spellings and `starting` the words beginning so (the
    speller's and the word tables' lookups; without them, no typo nor truncation is expanded)."""
    with analysed_once():
        return _build_query(schema, pq, facet_values, known, candidates, starting)


def _build_query(schema, pq: ParsedQuery, facet_values: dict[str, list], known, candidates,
                 starting) -> BuiltQuery:
    profile = ranking_profile.current()
    built = BuiltQuery(notices=list(pq.notices))
    candidates = _remembered(candidates)  # a misspelt word is asked twice: its correction, its typo alternatives
    corrections = _corrections(schema, pq, known, candidates)
    # `française` in `Agence française de développement` says no side
    in_phrase = _in_vocabulary_phrase(pq, corrections)
    built.french_side = any(c.kind == "word" and not c.negated and names_french_side(c.text)
                            and id(c) not in in_phrase for g in pq.groups for c in g)
    if profile.kind_asked:
        built.french_kind = french_kind_asked([c.text for g in pq.groups for c in g
                                               if c.kind == "word" and not c.negated])
    pq = _without_fillers(pq, in_phrase)
    expansions = Truncations((c for g in pq.groups for c in g), starting)  # the query's budget of them
    built.notices += filter(None, [expansions.notice()])
    words = pq.text_words()
    kinds = kinds_before_names(pq, known)  # `mairie` in `mairie de Montpellier`, light as `ville` is
    alone = [len(g) == 1 for g in pq.groups for c in g if c.kind == "word" and not c.negated]  # not in an OR
    positive = [c for g in pq.groups for c in g if c.kind == "word" and not c.negated]  # (words' clauses)
    corrected = {i: corrections[id(c)] for i, c in enumerate(positive) if id(c) in corrections}
    spans = Spans(schema, words, profile, known, frozenset(i for i, a in enumerate(alone) if a), corrected)
    excluded: list[Q.Query] = []
    for clauses in pq.groups:
        alternatives: list[Alternative] = []
        texts: list[str] = []
        held: list[bool] = []  # per clause: a condition (a prefix's clause; a decade, but in a sentence)
        for clause in clauses:
            group = _clause_group(schema, clause, facet_values, built, known, candidates, expansions)
            if clause.kind == "word" and not clause.negated:
                group = spans.word(group)
            if group is None or group.query is None:
                continue
            if clause.negated:
                # `-2004` excludes what writes 2004 or began then, not every record active that year
                kept = rebuilt(group, [a for a in group.alternatives if a.via != VIA_ACTIVE])
                excluded.append(kept.query)
            else:
                alternatives.extend(group.alternatives)
                texts.append(group.text)
                held.append(clause.kind == "field" or (group.required and len(pq.groups) < profile.long_from_words))
        if alternatives:
            whole = len(texts) == len(clauses)
            light = whole and all(c.kind == "word" and (is_light(c.text) or id(c) in kinds) for c in clauses)
            agreement = whole and all(c.kind == "word" and names_agreement(c.text) for c in clauses)
            fields = whole and all(c.kind == "field" for c in clauses)
            condition = str(clauses[0].target) if fields and len({c.target for c in clauses}) == 1 else None
            built.add_group(Group(" OR ".join(texts), without_twins(alternatives), light=light, agreement=agreement,
                                  required=whole and all(held)), condition)
    built.groups = active_years(built.groups, pq)
    if profile.own_words_only:
        built.groups = without_typed_expansions(built.groups)
    built.notices.extend(spans.notices)
    _add_bonuses(schema, built, words, profile)
    if excluded:
        built.excluded = excluded[0] if len(excluded) == 1 else Q.Or(excluded)
    if _nothing_searchable(pq, built):
        built.notices.append(NOTHING_SEARCHABLE)
    return built


def _corrections(schema, pq: ParsedQuery, known, candidates) -> dict[int, str]:
    """Each positive word clause's one nearest known word (`_correction`), by clause id, asked once for
    the fillers (`_in_vocabulary_phrase`) and the spans; none asked of a query of one such word, since a
    correction only completes a phrase of two words or more."""
    clauses = [c for g in pq.groups for c in g if c.kind == "word" and not c.negated]
    if len(clauses) < 2:
        return {}
    return {id(c): fixed for c in clauses if (fixed := _correction(schema, c, known, candidates))}


def _remembered(candidates):
    """`candidates`, each word's close spellings asked of the speller once."""
    if candidates is None:
        return None
    seen: dict[tuple[str, int], list[str]] = {}

    def remembered(word: str, dist: int) -> list[str]:
        if (word, dist) not in seen:
            seen[word, dist] = list(candidates(word, dist))
        return seen[word, dist]
    return remembered


def _nothing_searchable(pq: ParsedQuery, built: BuiltQuery) -> bool:
    """The query has positive words or phrases but none of them is searchable and nothing else
    (a filter prefix, an exclusion) narrows it."""
    typed = [c for c in pq.clauses if not c.negated]
    return (bool(typed) and all(c.kind in ("word", "phrase") for c in typed)
            and not built.has_text and not built.filters and not built.excluded_filters)


def _add_bonuses(schema, built: BuiltQuery, words: list[str], profile: ranking_profile.Profile) -> None:
    """The ranking bonuses that require nothing: the words together, and the
    whole query as a collectivity's name."""
    # one group may still be several words apart: a vocabulary phrase (`économie solidaire`) is found
    # through its typed words anywhere in the text too, and the words together say more
    apart = len(built.groups) > 1 or any(a.via == VIA_WORDS for g in built.groups for a in g.alternatives)
    if built.groups and apart and len(words) > 1:
        # words found together, in order, rank higher (proximity), without being required
        parts = field_parts(schema, " ".join(words), phrase=True, fields=profile.proximity_fields,
                            scale=profile.proximity)
        if parts:
            built.proximity = parts[0][1] if len(parts) == 1 else Q.Or([q for _, q in parts])
    if built.groups and words:
        # the whole query is a collectivity's name: its partnerships first; a French région's or
        # département's name alone also names its council (`Île-de-France`: the conseil régional)
        keys = [name_key(" ".join(words))] + (council_keys(" ".join(words)) if profile.council_names else [])
        terms = [Q.Term("name_keys", k) for k in keys]
        built.name = Q.ConstantScoreQuery(terms[0] if len(terms) == 1 else Q.Or(terms), profile.name_score)


def _no_value_notice(facet, clause: Clause, text: str) -> str:
    """Why a prefix's value selects nothing: a value of the wrong shape (`annee:20x5`) says what
    is expected, as the API's `year=20x5` does; a well-formed one that no record has, that."""
    if facet is not None and facet.pattern and not _value_shaped(facet, text):
        if facet.name == YEAR_FACET:  # a prefix also takes a period or a bound, which the API's `year` does not
            return (f"Année invalide : « {text[:40]} » (attendu : une année de quatre chiffres, ou une période : "
                    f'2001-2005, "années 1980", <1990 ; none ou « sans année » pour les fiches sans année).')
        try:
            facet.parse(text)
        except ValueError as exc:
            return str(exc)
    return f"Aucune valeur de « {clause.render()} » dans le répertoire."


def _as_value(facet, text: str) -> str:
    """The value the API reads `text` as (`statut:"en contacts"` is « En contact », as `status=En contacts`
    is), or whose French label it begins (`type:partenariat`, `type:actions`: « Partenariats », « Actions »;
    `type:projets` too)."""
    try:
        return str(facet.parse(text))
    except ValueError:
        return labelled(facet.value_labels, text, facet.value_words) or text


def _names_missing(facet, text: str) -> bool:
    """Whether a prefix's value is the facet's missing value, as the API writes it (`none`) or as the
    page labels it (« Sans année », from `sans` on)."""
    key = fold_text(text).strip()
    return key == facet.missing or (len(key) >= 4 and labelled(facet.value_labels, text) == facet.missing)


def _value_shaped(facet, text: str) -> bool:
    """Whether a prefix's value reads as the facet's values, a period or a bound of them included."""
    return bool(re.fullmatch(facet.pattern, text.strip()) or names_years(text))


def _field_group(schema, clause: Clause, facet_values, built: BuiltQuery, expansions: Truncations) -> Group | None:
    """A prefix's clause: a phrase of the names (its last word may be truncated: `collectivite:marseil*`),
    or of a facet's text field for what is no value of the facet (`region:` a cercle); else None,
    its facet values added to the filters. A value is also its beginning (`region:kay`), so a
    star after it (`region:kay*`) asks nothing more."""
    text = clause.text.rstrip(TRUNCATION) or clause.text
    if clause.target == NAMES:
        truncation = _truncated_group(schema, clause, built, expansions, fields=("parties",)) \
            if expands(clause) else None
        return truncation or Group(clause.text, [Alternative(VIA_PHRASE, clause.text, name_parts(schema, text))])
    facet_name = clause.target or ""  # a field clause always names its facet (parse_query)
    values = match_facet_value(facet_values.get(facet_name, []), text)
    facet = registry().get(facet_name)
    if not values and facet is not None and not facet.pattern:
        values = match_facet_value(facet_values.get(facet_name, []), _as_value(facet, text))
    if not values and facet is not None and facet.missing is not None and _names_missing(facet, text):
        values = [facet.missing]  # `annee:none`, `annee:"sans année"`: the records no year dates, as `year=none`
    if not values and facet is not None and facet.text_field:
        return Group(clause.text, [Alternative(VIA_PHRASE, clause.text,
                                               field_parts(schema, text, phrase=True,
                                                           fields=(facet.text_field,)))])
    if not values:
        built.notices.append(_no_value_notice(facet, clause, text))
        values = [NO_VALUE]
    elif facet is not None and facet.name == YEAR_FACET and (backwards := reversed_period(text)):
        built.notices.append(read_forwards(*backwards))
    chosen = (built.excluded_filters if clause.negated else built.filters).setdefault(facet_name, [])
    chosen.extend(v for v in values if v not in chosen)
    return None


def _clause_group(schema, clause: Clause, facet_values, built: BuiltQuery, known, candidates,
                  expansions: Truncations) -> Group | None:
    """The group of one clause (None for a facet prefix, which filters, or a stop word)."""
    profile = ranking_profile.current()
    if clause.kind == "field":
        built.notices += renamed_notices(known, clause)  # the document's name of a party named otherwise
        return _field_group(schema, clause, facet_values, built, expansions)
    if expands(clause):  # (the query's budget counted the same clauses: truncations.expands)
        group = _truncated_group(schema, clause, built, expansions)
        if group is not None:
            return group
    if clause.kind == "word" and not tokens(schema, "body", clause.text):
        # a stop word of the text analyzer (`des`, `la`): the names analyzer keeps
        # it, but requiring it in a name would lose every other match
        return None
    span = period_years(clause.text) if clause.kind == "word" else None
    if span:  # `1980-1985`, `années 1980` (querylang._periods) name each year as a year typed alone does;
        # a decade is a condition (build_query): `jumelage années 1980` with `country=Algérie` was filled
        # up to 47 with twinnings of no 1980s year
        decade = len(span) == 10 and span[0] % 10 == 0
        return Group(clause.text, [a for year in span for a in year_alternatives(schema, str(year))], required=decade)
    phrase = clause.kind == "phrase"
    alternatives = [Alternative(VIA_PHRASE if phrase else VIA_WORD, clause.text,
                                field_parts(schema, clause.text, phrase=phrase, scale=profile.stem),
                                grade=profile.stem)]
    typed: list[str] = []
    if clause.kind == "word" and YEAR_RE.fullmatch(clause.text):
        alternatives = year_alternatives(schema, clause.text)
    elif clause.kind == "word" and not clause.negated:
        typed = hyphenated_parts(clause.text)
        alternatives += _joined(schema, typed, profile) + _pair_of_names(schema, clause.text, typed, known, profile)
        if not typed and profile.split_words:
            alternatives += _split(schema, clause.text, known, profile)
    place = place_named(clause.text) \
        if clause.kind == "word" and not clause.negated and profile.place_adjectives else None
    if place is not None:
        parts = field_parts(schema, place, scale=profile.stem)
        if parts:
            alternatives.append(Alternative(VIA_PLACE, place, parts, grade=profile.stem))
    if clause.kind == "word" and not clause.negated:
        # a family word the vocabulary also brings (`cinéma`, `danse`, `artisanat`) counts at both grades, 1,10 ×
        # the word; known: counted once at the better (round 54, T2a), more never-tuned queries went down than up
        family = family_of(clause.text)
        for other in family:
            parts = field_parts(schema, other, fields=FAMILY_FIELDS, scale=profile.family)
            if parts:
                alternatives.append(Alternative(VIA_FAMILY, other, parts, grade=profile.family))
        # a word the index does not know but whose family it does (`pêcheurs`, `pêche`) is
        # no typo: close spellings (`secteurs`) would only add noise
        if not any(known(fold_text(other)) for other in family):
            spelled = _spelled_otherwise(schema, clause.text, known, built, profile)  # that place only: `Bône`
            alternatives = spelled or alternatives + ([] if _meant_otherwise(clause.text, known) else
                                                      _typo(schema, clause.text, known, candidates)  # is no `bon`
                                                      or _joined_typo(schema, typed, known, candidates))
    return Group(clause.text, alternatives)


def _meant_otherwise(word: str, known) -> bool:
    """A word the vocabulary gives a meaning the index knows is no typo either, as the suggestion reads it
    (suggestion._misleads: no « Vouliez-vous dire »): `habits`, which no sheet writes, means the
    « vêtements » of Vienne-Tiflet, and its close spelling `habite`, whose stem is every header's
    `habitants`, listed 141 sheets below it (review 1 r55)."""
    return any(known(fold_text(meant)) for _, _, alts in find_graded_expansions([word]) for meant, _ in alts)


def _joined(schema, typed: list[str], profile) -> list[Alternative]:
    """A hyphenated word (its `typed` parts) as one word (`co-financement`: `cofinancement`,
    `plate-forme`: `plateforme`), where the record wrote it so: its parts, in sequence, find the
    hyphenated and spaced spellings only (the index gives a compound its joined form too, so the
    joined word finds both; it is scored only where the parts found nothing, never twice)."""
    if not typed:
        return []
    joined = "".join(typed)
    parts = field_parts(schema, joined, scale=profile.stem)
    return [Alternative(VIA_WORD, joined, parts, grade=profile.stem, otherwise=True)] if parts else []


def _split(schema, word: str, known, profile) -> list[Alternative]:
    """`word` as two words some record writes side by side (`Vietnam`: « Viêt Nam », which the word
    typed whole never finds; the mirror of `_joined_pair`, as Meilisearch splits a query word in two):
    each split into two words of the index of three letters or more, as a phrase, scored where the
    word itself found nothing; not where the texts drop a half (`sigles` as `sig les`: « SIG »)."""
    vocabulary = getattr(known, "vocabulary", None)
    folded = fold_text(word)
    if vocabulary is None or not LETTERS_RE.fullmatch(word) or len(folded) < 6 or spelled_apart([word]):
        return []  # (a place of the tables typed joined, `Tiziouzou`, the parser reads as they spell it)
    out = []
    for i in range(3, len(folded) - 2):
        first, second = folded[:i], folded[i:]
        if first in vocabulary and second in vocabulary and known.in_names(first) and known.in_names(second) \
                and len(tokens(schema, "body", f"{first} {second}")) == 2:  # `sigles` is no « SIG » alone
            parts = field_parts(schema, f"{first} {second}", phrase=True, scale=profile.stem)
            if parts:
                out.append(Alternative(VIA_WORD, f"{first} {second}", parts, grade=profile.stem, otherwise=True))
    return out


def _joined_typo(schema, typed: list[str], known, candidates) -> list[Alternative]:
    """A typo in a hyphenated word the index does not know (`inter-comunalité`, its `typed` parts):
    the close spellings of its joined form (`intercommunalité`), as `intercomunalité` finds them.
    The hyphenated form has no close word of its own, and a part alone (`comunalité`) none either."""
    if not typed or known(fold_text("-".join(typed))):
        return []
    return _typo(schema, "".join(typed), known, candidates)


def _pair_of_names(schema, word: str, typed: list[str], known, profile) -> list[Alternative]:
    """A hyphen no record writes between two words (`Paris-Rabat`, `Évry-Kayes`: a partnership as
    people write it) joins names the records write apart (`Paris – Commune urbaine de Rabat`): its
    parts are also looked for each in the names, anywhere. The phrase alone found nothing for
    Paris-Rabat. A compound some record writes (`Rhône-Alpes`, `micro-crédit`, `Rennes-Sétif`)
    stays a phrase only. `typed`: its parts (`querylang.hyphenated_parts`)."""
    if not typed or getattr(known, "written", known)(fold_text("".join(typed))):
        return []
    parts = field_parts(schema, " ".join(typed), fields=NAME_FIELDS, scale=profile.stem)
    return [Alternative(VIA_WORD, word, parts, grade=profile.stem)] if parts else []


def _spelled_otherwise(schema, word: str, known, built: BuiltQuery, profile) -> list[Alternative]:
    """A place the records never spell as typed but a geography table knows by that spelling
    (`Timbuktu`, `Algiers`, `Fez`): the place as the records spell it, as typed, and said. Found
    nothing, and told that no sheet named Tombouctou."""
    name = _is_spelled_otherwise(word, known)
    parts = field_parts(schema, name, phrase=True, scale=profile.stem) if name else []
    if name is None or not parts:
        return []
    built.notices.append(f"« {word} » est lu comme « {name} ».")
    return [Alternative(VIA_PLACE, name, parts, grade=profile.stem)]


def _is_spelled_otherwise(word: str, known) -> str | None:
    """The place `word` spells otherwise (`Timbuktu`: Tombouctou), None when it is none or some record
    writes `word` (`bône` is no `bon`)."""
    vocabulary = getattr(known, "vocabulary", None)  # (a bare predicate, as tests give, cannot tell)
    name = geography.spelled_otherwise(word) if vocabulary is not None else None  # None for nearly every word
    return None if name is None or fold_text(word) in (vocabulary or ()) else name
