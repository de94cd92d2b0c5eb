"""A side of a partnership that is a group of collectivities, as a CUF sheet writes it.

Pontcharra-Dembella (mali l.9790-9803): « Nom : Pontcharra (38) Leader, La Rochette (73), Le Cheylas
(38), St Maximin (38) », « Département/Région : Isère, Savoie / Rhône-Alpes », and on the Malian side
« Cercle/Région/Commune : Sikasso/Sikasso/Ganadougou ». The record's French party stays the group's
leader (its title names Pontcharra alone); the members, each with its département (La Rochette is in
Savoie), and the commune the partner's place field names are facts of the parties' cards
(records.PARTY_FACTS), and the members are names the autocomplete offers (engine/state.py).
"""
from __future__ import annotations

import re
from dataclasses import replace

from .. import geography
from ..records import Party
from ..text import squash_spaces
from .namekeys import loose, same

# a member as the group's list writes it: its name, its département's number, the leader's word
_MEMBER = re.compile(r"^(?P<name>.+?)\s*(?:\((?P<number>\d{2}|2[AB])\))?\s*(?P<leader>leader|chef de file)?\s*$",
                     re.IGNORECASE)


def names_listed(named: str) -> list[str]:
    """The collectivities a name lists, each capitalised (« A (38) Leader, B (73) », « A, B et C » and
    « A/B »: several); the name alone when a part is not capitalised (« Ville et communauté »). The one rule
    for « this name lists several collectivities », read by the groups here and by the partner's kind
    (kinds.retype_groups): two rules had disagreed on « Djéloubou, Karokoro et Sahel » (review r44, #7)."""
    parts = [squash_spaces(m) for m in re.split(r"\s*[,/]\s*|\s+et\s+", named or "") if m.strip()]
    return parts if all(p[:1].isupper() for p in parts) else [squash_spaces(named or "")]


def is_group(name: str, named: str) -> bool:
    """Whether `named` lists several collectivities, with commas as the CUF's sheets list a group
    (« Conseil Général d’Ille et Vilaine » is one), the first of them the party `name`."""
    return bool(_members(name, named))


def _members(name: str, named: str) -> list[re.Match[str]]:
    """The parsed members (`_member`) of a group `named` lists, led by the party `name`; none when
    it is no group: the one reading is_group, member_names and members_fact share."""
    listed = names_listed(named)
    if "," not in named or len(listed) < 2 or not same(loose(listed[0], True), loose(name, True)):
        return []
    return [_member(member) for member in listed]


def with_members(party: Party, named: str) -> Party:
    """A French side that is a group of communes keeps its members in the name the document gives
    it (`name_raw`), which the page shows and the search reads."""
    return replace(party, name_raw=squash_spaces(named)) if is_group(party.name, named) else party


def member_names(name: str, name_raw: str) -> list[str]:
    """The members' names of a group (« La Rochette », « Le Cheylas »…), numbers and « Leader » off;
    none when the party is no group."""
    return [m.group("name") for m in _members(name, name_raw)]


def _member(text: str) -> re.Match[str]:
    """A member's parts (`_MEMBER`): any text reads, its name being what the number and the leader's
    word leave (a member that did not read stopped the fact in a branch that could never run)."""
    m = _MEMBER.match(text)
    assert m is not None  # the name takes any non-empty text, the other parts are optional
    return m


def members_fact(party: Party) -> str | None:
    """The group's members with their départements, its leader said (« Pontcharra (Isère, chef de
    file), La Rochette (Savoie), … »): the card's one place naming La Rochette's Savoie."""
    members = _members(party.name, party.name_raw or "")
    if not members:
        return None
    france = geography.of("France")
    out = []
    for m in members:
        unit = france.lookup(m.group("number"), "subdivision") if m.group("number") else None
        said = [unit.name] if unit else []
        said += ["chef de file"] if m.group("leader") else []
        out.append(f"{m.group('name')} ({', '.join(said)})" if said else m.group("name"))
    return ", ".join(out)


def place_commune(place: str, geo: geography.Geography) -> str | None:
    """The commune a partner's place field names after its cercle and région (« Cercle de Sikasso/
    Sikasso/Ganadougou »: Ganadougou), when the table knows no unit of that name (« Gao/Gao/Gao »
    names the cercle and région again; « Ménaka/Anderamboukane/Gao » ends with the région)."""
    parts = [squash_spaces(p) for p in (place or "").split("/")]
    if len(parts) != 3 or not all(parts) or not parts[0].lower().startswith("cercle de "):
        return None
    return None if geo.knows(parts[2]) else parts[2]
