"""A filtered listing with less than a page of results is completed from the domain its words name.

A facet narrows the scope, and in a small scope a specific word (`élevage` in the Kayes region,
`camions-bennes` among the environment partnerships) finds two or three sheets where a reader of
the documents finds five or eight: the others say `parc de vaccination pour les animaux` or
`aviculteurs`, not the typed word. The domain rules that file a sheet's own words
(indexer/domains.py) also say which domain the query's words belong to (élevage: Agriculture et
développement rural), or else the actions found with them are mostly filed under (`ordinateurs`
in Mali: the domain of the actions supplying computers). The scope's partnerships of that domain,
those with the most actions in it first, then complete the first page, after the results and apart
from them (the total and the facet counts are those of the results with the words, so that a
facet's count is what ticking it lists), with a notice. Nothing is added to a listing that already
fills a page, nor without a filter (the whole corpus's partnerships of a domain say little about
one word).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from indexer.domains import domains_of_text

from .facets import FacetBits, Selection, filter_and_count


def completions(words: list[str], selection: Selection, bits: FacetBits, matched: Collection[int], listed: int,
                owner_docnum: list[int | None], page: int,
                matched_actions: Collection[int] = ()) -> tuple[list[tuple[int, str, list[int]]], str | None]:
    """The partnerships completing a listing narrowed by a filter (the caller says it is) that
    lists `listed` of them, up to `page`: (docnum, the domain it is there for, its actions in that
    domain) in order, and the notice (None if there are none). `matched`: what the listing already
    holds or ruled out, never repeated. The domain is the one the words name, else the one most of
    `matched_actions` (the actions with the words, in the filter) are filed under."""
    room = page - listed
    domains = domains_of_text(" ".join(words)) if room > 0 else []
    named_by_words = bool(domains)
    if not domains and room > 0 and matched_actions:  # `ordinateurs`: what its actions are filed under
        per_doc = bits.values_per_doc("domain")
        tally = Counter(d for a in matched_actions for d in per_doc[a])
        domains = [tally.most_common(1)[0][0]] if tally else []
    if not domains:
        return [], None
    central: dict[int, tuple[str, list[int]]] = {}  # partnership -> (the domain, its actions in it)
    for domain in domains:
        for doc in bits.members(bits.values.get("domain", {}).get(domain, 0)):
            owner = owner_docnum[doc]
            if owner is None or owner in matched:
                continue
            _, actions = central.setdefault(owner, (domain, []))
            if owner != doc:
                actions.append(doc)
    allowed = set(filter_and_count(central, bits, selection)[0])
    chosen = sorted((d for d in central if d in allowed), key=lambda d: (-len(central[d][1]), d))[:room]
    if not chosen:
        return [], None
    named = sorted({central[d][0] for d in chosen}, key=domains.index)
    label = " et ".join(f"« {d} »" for d in named)
    why = "dont ces mots relèvent" if named_by_words else "celui des actions trouvées"
    notice = f"Moins de {page} résultats avec ces mots : suivent d'autres partenariats du domaine {label}, {why}."
    return [(d, *central[d]) for d in chosen], notice
