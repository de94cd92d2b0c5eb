"""A filtered listing with less than a page of results is completed with the scope's partnerships
most like its results, or, with no result to be like, from the domain its words name.

A facet narrows the scope, and in a small scope a specific word (`élevage` in the Kayes region,
`camions-bennes` among the environment partnerships) finds two or three sheets where a reader of
the documents finds five or eight: the others say `parc de vaccination pour les animaux` or
`aviculteurs`, not the typed word. What the results found say does: the scope's partnerships whose
texts are most like theirs (indexer/likeness.py: the cosine of their terms, summed over the
results) complete the first page, those of the domain the words name counting the profile's
`fill_domain_boost` more. That domain is the one the domain rules that file a sheet's own words
(indexer/domains.py) give the query's words (élevage: Agriculture et développement rural), or else
the one the actions found with them are mostly filed under (`ordinateurs` in Mali). With no result
(nothing in the scope has the words) or no likeness table (an index built before it), the domain's
partnerships of the scope complete the page, those with the most actions in it first; with no
result and no domain the words name (or none of the scope of it), the scope's partnerships most like
those having the words outside it (`informatisation` in Algeria, where no sheet has the word: like
the Malian and Moroccan town halls computerised), each among the NEAR_SHARE of the corpus nearest
one of them; none if no partnership of the scope is that near.

Before those, the scope's partnerships that write a term one step beyond the query's own expansions
in the vocabulary (`by_vocabulary`: `élevage` is read with `aviculture`, whose family has `avicole`)
come first, best first: a term the vocabulary ties to the words names their field more surely than a
sheet's resemblance to two or three results. The query itself does not search them (its results must
have the words; two steps of the vocabulary drift), a short filtered listing's room does.

Completions come after the results and apart from them (the total and the facet counts are those of
the results with the words, so that a facet's count is what ticking it lists), with a notice.
Nothing is added to a listing that already fills a page, nor without a filter (the whole corpus's
partnerships like a few results say little about the words).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from functools import cache
from typing import NamedTuple

from analyzers.chains import french_analyzer
from analyzers.vocabulary import family_of, find_graded_expansions
from indexer.domains import domains_of_text
from indexer.facet_registry import DOMAIN
from indexer.likeness import LikenessRows
from indexer.text import french_list

from .facets import FacetBits, Selection, filter_and_count
from .querylang import ParsedQuery

# an empty listing's seeds are outside the filter: a completion must be among the NEAR_SHARE of the
# corpus's partnerships most like one of them, not merely share a term with it (`ambulance` in Algeria
# listed ten partnerships at about the median likeness of its one seed)
NEAR_SHARE = 0.2


class Completion(NamedTuple):
    docnum: int
    domain: str | None  # the words' domain when the partnership is filed under it
    actions: list[int]  # its actions in that domain
    like: int | None = None  # the result it is most like (None: completed by domain alone)
    term: str | None = None  # the vocabulary's term it writes (by_vocabulary)


def _domains(words: list[str], bits: FacetBits, matched_actions: Collection[int]) -> tuple[list[str], bool]:
    """The domains the words name (True), else the one most of the actions found with them are
    filed under (False)."""
    domains = domains_of_text(" ".join(words))
    if domains or not matched_actions:
        return domains, True
    per_doc = bits.values_per_doc(DOMAIN)
    tally = Counter(d for a in matched_actions for d in per_doc[a])
    return ([tally.most_common(1)[0][0]] if tally else []), False


def _of_domains(domains: list[str], bits: FacetBits, matched: Collection[int],
                owner_docnum: list[int | None]) -> dict[int, tuple[str, list[int]]]:
    """Partnership -> (the first of `domains` it or its actions are filed under, its actions in it),
    for those not in `matched`."""
    central: dict[int, tuple[str, list[int]]] = {}
    for domain in domains:
        for doc in bits.members(bits.values.get(DOMAIN, {}).get(domain, 0)):
            owner = owner_docnum[doc]
            if owner is None or owner in matched:
                continue
            _, actions = central.setdefault(owner, (domain, []))
            if owner != doc:
                actions.append(doc)
    return central


def _alike(seeds: Sequence[int], likeness: LikenessRows, matched: Collection[int],
           partnerships: int | None = None) -> tuple[dict[int, float], dict[int, int]]:
    """Partnership -> its likeness summed over the seeds (the cosine to their centroid, unnormalised),
    and -> the seed it is most like; only those alike in something, not in `matched`. Given the number of
    `partnerships`, only those among a seed's nearest (_floor) count as like it."""
    rows = likeness(seeds)
    total: dict[int, float] = {}
    best: dict[int, tuple[float, int]] = {}
    for seed in seeds:
        row = rows.get(seed, {})
        floor = _floor(row, partnerships) if partnerships is not None else 0.0
        for doc, w in row.items():
            if doc in matched or w <= 0 or w < floor:
                continue
            total[doc] = total.get(doc, 0.0) + w
            if w > best.get(doc, (0.0, 0))[0]:
                best[doc] = (w, seed)
    return total, {d: s for d, (_, s) in best.items()}


def _floor(row: dict[int, float], partnerships: int) -> float:
    """The likeness a partnership must reach to be among the NEAR_SHARE of the `partnerships` most
    like a seed (the seed's row holds those sharing a kept term with it, nearest first)."""
    ranked = sorted(row.values(), reverse=True)
    near = math.ceil(NEAR_SHARE * partnerships)
    return ranked[near - 1] if len(ranked) >= near else 0.0


def completions(words: list[str], selection: Selection, bits: FacetBits, matched: Collection[int], listed: int,
                owner_docnum: list[int | None], page: int, matched_actions: Collection[int] = (),
                seeds: Sequence[int] = (), likeness: LikenessRows | None = None,
                domain_boost: float = 0.5, partnerships: int | None = None,
                taken: int = 0) -> tuple[list[Completion], str | None]:
    """The partnerships completing a listing narrowed by a filter (the caller says it is) that
    lists `listed` of them (`seeds`, when likeness is to order the completions), up to `page`, in
    order, and what their notice says follows the listing (`fill_notices`; None if there are none). `matched`:
    what the listing already holds or ruled out, never repeated. An empty listing's seeds are partnerships outside
    the scope: the domain the words name comes before them. `partnerships`: how many the corpus holds (the caller
    knows; counted here when not given); `taken`: how many of the room completions by the vocabulary
    (`by_vocabulary`) filled."""
    room = page - listed - taken  # (`taken`: the slots completions by the vocabulary filled)
    if room <= 0:
        return [], None
    domains, named_by_words = _domains(words, bits, matched_actions)
    central = _of_domains(domains, bits, matched, owner_docnum)
    why = "dont ces mots relèvent" if named_by_words else "celui des actions trouvées"

    def alike() -> tuple[list[Completion], str | None]:
        if not seeds or likeness is None:
            return [], None
        corpus = None if listed else (partnerships if partnerships is not None
                                      else sum(1 for d, o in enumerate(owner_docnum) if o == d))
        return _alike_completions(seeds, likeness, selection, bits, matched, room, central, listed, corpus,
                                  f" (ceux du domaine {_label(domains)}, {why}, comptent davantage)", domain_boost)

    def of_domain() -> tuple[list[Completion], str | None]:
        return _domain_completions(selection, bits, central, domains, room, listed, why)

    first, then = (of_domain, alike) if not listed and domains else (alike, of_domain)
    found = first()
    return found if found[0] else then()


def _alike_completions(seeds: Sequence[int], likeness: LikenessRows, selection: Selection, bits: FacetBits,
                       matched: Collection[int], room: int, central: dict[int, tuple[str, list[int]]], listed: int,
                       corpus: int | None, boosted: str, domain_boost: float) -> tuple[list[Completion], str | None]:
    """The scope's partnerships most like the seeds (the results; for an empty listing, those having
    the words outside the scope), those of the words' domain (`central`) counting more."""
    total, nearest = _alike(seeds, likeness, matched, corpus)
    score = {d: w * (1 + domain_boost) if d in central else w for d, w in total.items()}
    alike = sorted(filter_and_count(score, bits, selection)[0], key=lambda d: (-score[d], d))[:room]
    if not alike:
        return [], None
    found = [Completion(d, central[d][0] if d in central else None,
                        central[d][1] if d in central else [], nearest[d]) for d in alike]
    follows = ("les partenariats de ce filtre dont les textes ressemblent le plus à ceux des résultats" if listed
               else "ceux dont les textes ressemblent le plus à ceux des partenariats qui les ont, hors du filtre")
    return found, follows + (boosted if any(c.domain for c in found) else "") + "."


def _domain_completions(selection: Selection, bits: FacetBits, central: dict[int, tuple[str, list[int]]],
                        domains: list[str], room: int, listed: int, why: str) -> tuple[list[Completion], str | None]:
    """The scope's partnerships of the words' domain, those with the most actions in it first."""
    allowed = set(filter_and_count(central, bits, selection)[0])
    chosen = sorted((d for d in central if d in allowed), key=lambda d: (-len(central[d][1]), d))[:room]
    if not chosen:
        return [], None
    named = sorted({central[d][0] for d in chosen}, key=domains.index)
    follows = f"d'autres partenariats du domaine {_label(named)}, {why}." if listed else \
        f"ceux du domaine {_label(named)}, {why}."
    return [Completion(d, *central[d]) for d in chosen], follows


def _opening(listed: int, page: int) -> str:
    """What a completions notice says first: a short listing is no empty one (« Moins de 10
    résultats … d'autres » said of none)."""
    return f"Moins de {page} résultats avec ces mots" if listed else "Aucun partenariat de ce filtre n'a ces mots"


def _label(domains: list[str]) -> str:
    return french_list([f"« {d} »" for d in domains])


def neighbour_terms(words: list[str]) -> list[str]:
    """The vocabulary's terms one step beyond the query's own expansions: the synonyms, narrower terms
    and family words of the words' synonyms, narrower terms and family words (`élevage`: `avicole`,
    of the family of `aviculture`), none the query already reads as written, in alphabetical order (one the
    index reads as a query word, `artisan` for `artisans`, finds only what the listing holds already).
    A phrase's own expansions only, not its words' (`cultures maraîchères` gives no `culturel`)."""
    def step(ws: list[str]) -> set[str]:
        out = {alt for _, _, alts in find_graded_expansions(ws) for alt, _ in alts}
        for w in ws:
            out.update(family_of(w))
        return out

    def beyond_term(term: str) -> set[str]:
        ws = term.split()
        if len(ws) == 1:
            return step(ws)
        return {alt for start, end, alts in find_graded_expansions(ws) if (start, end) == (0, len(ws))
                for alt, _ in alts}
    first = step(words)
    beyond: set[str] = set()
    for term in first:
        beyond |= beyond_term(term)
    return sorted(beyond - first - set(words))


def _read(text: str) -> tuple[str, ...]:
    """The words as the index reads them (stemmed, folded): `solidaires` and `solidarité`'s own."""
    return tuple(t.text for t in _analyzer()(text))


@cache
def _analyzer():
    return french_analyzer()


def by_vocabulary(words: list[str], find: Callable[[str], list[tuple[int, Callable[[], dict]]]],
                  matched: Collection[int], room: int) -> tuple[list[Completion], list[str]]:
    """Up to `room` partnerships of the scope writing a `neighbour_terms` of the words, in the order `find`
    lists them (a search for those terms OR'ed, in the scope: each listed with what gives its `explain`,
    asked only of those taken), none of `matched`, each with the term it writes (as the index reads words:
    `solidaires` writes `solidaire`); and those terms, in order."""
    terms = neighbour_terms(words) if room > 0 else []
    if not terms:
        return [], []
    keys = [(_read(t), t) for t in terms]
    found: list[Completion] = []
    for d, explain in find(" OR ".join(f'"{t}"' if " " in t else t for t in terms)):  # (each listed once)
        if len(found) == room:
            break
        if d not in matched:
            found.append(Completion(d, None, [], term=_written(explain(), keys)))
    return found, sorted({c.term for c in found if c.term}, key=terms.index)


def _written(explain: dict, keys: list[tuple[tuple[str, ...], str]]) -> str | None:
    """The term a result's explanation says it matched: the one read as a matched text, else the first
    a matched text is part of (a phrase's word)."""
    read = [r for r in (_read(m) for m in _matched(explain)) if r]
    for r in read:
        for key, term in keys:
            if key == r:
                return term
    for r in read:
        for key, term in keys:
            if set(r) <= set(key):
                return term
    return None


def _matched(explain: dict) -> list[str]:
    """The texts a result's explanation says were matched, its own record's then its best action's."""
    parts = [explain.get("own") or {}, (explain.get("action") or {}).get("own") or {}]
    return [m["text"] for p in parts for w in p.get("words", []) for m in w.get("matches", [])]


def typed_prefixes(pq: ParsedQuery) -> str:
    """The query's prefixes' clauses (`region:Kayes -pays:Mali`) as typed back: the terms' search
    (`by_vocabulary`) in the same scope as the query, not in the whole corpus filtered afterwards."""
    return ParsedQuery(groups=[g for g in pq.groups if all(c.kind == "field" for c in g)]).render()


def fill_notices(terms: list[str], listed: int, page: int, follows: str | None) -> list[str]:
    """What the completions say, in the order of the list: the listing's opening, then those by the vocabulary (their
    `terms`, by_vocabulary), then the others (what `completions` says `follows`), « Puis … » after the first."""
    opening = f"{_opening(listed, page)} : suivent "
    if not terms:
        return [opening + follows] if follows else []
    shown = french_list([f"« {t} »" for t in terms[:4]]) + (" …" if len(terms) > 4 else "")
    which = ("l'un des termes" if len(terms) > 1 else "un terme") + f" que le vocabulaire rattache à ces mots ({shown})"
    whom = "les partenariats de ce filtre" if listed else "ceux"
    return [f"{opening}{whom} dont les textes emploient {which}."] + ([f"Puis {follows}"] if follows else [])
