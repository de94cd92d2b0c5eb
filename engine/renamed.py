"""What a name prefix's clause says when its value is the document's name for a party its records name
otherwise (review 4 r48, L1): round 48 named Mali's regional councils « Région de Kayes », « Région de
Tombouctou » (indexer/corpus._council_name), where some sheets write « Assemblée régionale de Kayes »,
« Conseil Régional de Tombouctou »; that name, typed or bookmarked, still lists the sheets that write it
so, and now says the name that lists them all."""
from __future__ import annotations

from .querylang import NAME_PREFIXES, NAMES, Clause
from .state import folded_words


def renamed_notices(known, clause: Clause) -> list[str]:
    """The notice of a name prefix's clause whose value is a party's name in the document where its
    records name it otherwise and only some of them write so (IndexState.source_names): the name, and
    that its prefix lists them all (a bookmarked collectivité:"Conseil Régional de Tombouctou" listed
    one of that council's two partnerships and said nothing of its name), quoted as the document writes
    it, not as typed (review 2 r49, L4: « conseil regional de tombouctou »). `known`, the query's
    (suggestion.Known), gives the index: none without it."""
    state = getattr(known, "state", None)
    if state is None or clause.target != NAMES or clause.negated:
        return []
    source = state.source_names.get(folded_words(clause.text))
    if source is None or source.written >= source.named:
        return []
    return [(f"« {source.spelling} » est le nom que le document donne à « {source.name} » dans {source.written} "
             f'de ses {source.named} partenariats : {NAME_PREFIXES[0]}:"{source.name}" les liste tous.')]
