"""A party's kind from what the documents call it, over the whole corpus.

A parser types a French collectivity from the words of its name (indexer.parsers.parties.french_kind)
and, with no telling word, calls it a commune. A line of a list names an association as it names a
town (`Essonne Sahel / Essonne Diema/Nioro` in the Mali repertoire's Annexe 1), while another sheet
says what it is (« Association Essonne Sahel : réseau de villes jumelées », « l'association
Essonne-Sahel »): an association is never typed a commune. A partner abroad is typed the same way
(indexer.parsers.parties.partner_kind); one its own sheet calls a village, and never a commune nor a
town, is a village (« le village de Sélinkégny »).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from . import geography
from .parsers.groups import names_listed
from .records import Partnership
from .text import fold

# the kinds of party that are one place, not a unit enclosing others: the search's surroundings
# (engine/surroundings.py) read them here. The map needs no list of them: it places at its own place
# first every kind that is no administrative unit (search_app/gazetteer.py UNIT_KINDS), these two
# and intercommunalities and associations too, so a new local kind is added here only
LOCAL_KINDS = ("commune", "village", "communes")
_ASSOCIATION = re.compile(r"\bassociation (?:« ?)?")
# what a text calls a place just before its name (`le village de`, `la commune rurale de`, `la ville d'`)
_CALLED = r"\b(village|commune|ville)s? (?:rurale |urbaine )?(?:de |d'|du )?"
# what may follow an association's whole name: punctuation, the text's end, or a new clause
_NAME_ENDS = re.compile(r"\s*(?:[:,.;()«»/]|$|(?:et|qui|dont|a|est|pour)\b)")


def _words(text: str) -> str:
    """Folded, hyphens and runs of spaces as one space: `Essonne-Sahel` = `essonne  sahel`."""
    return re.sub(r"[\s\-–]+", " ", fold(text).replace("’", "'")).strip()


_WORD_ASSOCIATION = re.compile(r"(?<![^\W\d_])association\b", re.IGNORECASE)


def named_associations(texts: Iterable[str]) -> list[str]:
    """What follows each `association` of the texts (folded, a line's worth). Only a window after
    each is folded, not the whole sheet: this runs over every text of the corpus, in the build's
    serial part."""
    out = []
    for text in texts:
        for found in _WORD_ASSOCIATION.finditer(text):
            words = _words(text[found.start():found.start() + 160])
            m = _ASSOCIATION.match(words)
            if m:
                out.append(words[m.end():m.end() + 100])
    return out


def called_association(name: str, after: list[str]) -> bool:
    """Whether a text calls this name an association: `association <the whole name>`."""
    name = _words(name)
    return any(a.startswith(name) and _NAME_ENDS.match(a, len(name)) for a in after)


def retype_associations(partnerships: list[Partnership]) -> None:
    """French parties typed a commune for want of a better word (not a commune the French table
    knows) that a document calls `association <its name>` become associations."""
    france = geography.of("France")
    guessed = [p.french_party for p in partnerships
               if p.french_party is not None and p.french_party.kind == "commune"
               and p.french_party.country in (None, "France") and france.lookup(p.french_party.name, "commune") is None]
    if not guessed:
        return
    after = named_associations(t for p in partnerships for t in (p.original_text, p.partners, p.history, p.objectives)
                               if t)
    for party in guessed:
        if called_association(party.name, after):
            party.kind = "association"


def retype_villages(partnerships: list[Partnership]) -> None:
    """Partners typed a commune for want of a better word (their name has none) whose own sheet
    calls them a village, and never a commune nor a town, become villages: Roncq's charter is
    signed « entre la commune de Roncq et le village de Sélinkégny », Gentilly's sheet names
    « village de Kolobo ». The sheet only: another document may name the commune around it."""
    for p in partnerships:
        party = p.partner_party
        if party is None or party.kind != "commune" or re.search(_CALLED, _words(party.name)):
            continue
        texts = (p.original_text, p.legal_framework, p.history, p.objectives)
        called = {m.group(1) for t in texts if t
                  for m in re.finditer(_CALLED + re.escape(_words(party.name)) + r"\b", _words(t))}
        if called == {"village"}:
            party.kind = "village"


def retype_groups(partnerships: list[Partnership]) -> None:
    """Partners typed a commune whose name lists several (« Dembella, Benkadi, Jlendio, Fella »,
    « Djéloubou, Karokoro et Sahel », whose sheet heads them « Collectivités maliennes », « Fegui et
    Nioro du Sahel ») are several communes, not one: their kind says so (« communes »)."""
    for p in partnerships:
        party = p.partner_party
        if party is not None and party.kind == "commune" and len(names_listed(party.name)) >= 2:
            party.kind = "communes"
