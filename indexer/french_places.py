"""Where a French collectivity is when its own record does not say (a line of the Mali lists:
« Meylan/Bamako »). First its own contacts' address (the seat's postcode); else another record of the
same place whose document states it (Sainte-Maure-de-Touraine: the sheet of its communauté de
communes gives « Indre et Loire (37) »); else the commune's entry in the France table
(`geography/france.tsv`, source COG-GK), which the readers of the Morocco and Algeria documents also
consult and mark (`Party.place_from_table`). As for the partner side (« vient de la table géographique
du Mali de Répertoires »), the record's notes say where the values came from, since the document does
not give them (QA audit 6, #3): one note for every place the table gave, whichever reader asked it."""
from __future__ import annotations

import re

from . import geography
from .records import Partnership, Party
from .text import fold

UNSTATED = "ni le département ni la région"  # what the document does not give, as the note says it


def _unplaced(p: Partnership) -> Party | None:
    """The French party, when its record gives neither its département nor its région."""
    fp = p.french_party
    if fp is None or fp.country != "France" or fp.region or fp.subdivision:
        return None
    return fp


def _values(party: Party) -> list[str]:
    return [v for v in (party.subdivision, party.region) if v]


# a French postcode before its town (`75001 Paris`, `33 000 Bordeaux`): its first two digits, the département's
_POSTCODE = re.compile(r"\b(\d{2}) ?\d{3}\s+[A-ZÉ]")


def from_address(p: Partnership) -> tuple[str | None, str | None] | None:
    """(région, département) the French contacts' addresses give, the party's own address first: the
    postcode before the town (AIMF: 75001 Paris), else a place named in the address's last part."""
    fp, france = p.french_party, geography.of("France")
    key = fold(re.sub(r"^(Ville|Mairie|Commune) de\s+", "", fp.name))
    addresses = sorted((c.address for c in p.contacts if c.side == "french" and c.address),
                       key=lambda a: key not in fold(a))
    for address in addresses:
        m = _POSTCODE.search(address)
        place = france.lookup(m.group(1), "subdivision") if m else None
        region, sub = (place.region, place.name) if place else \
            france.locate(re.sub(r"\d+", " ", address.split(",")[-1]))
        if region:
            return region, sub
    return None


def _stated(partnerships: list[Partnership]) -> dict[str, dict[tuple[str | None, str], Partnership]]:
    """Place key -> the places the documents state for it (never one a reader took from the table, which
    the record's lines do not contain: La Rochelle-Essaouira, maroc l.1400), and a record stating each."""
    stated: dict[str, dict[tuple[str | None, str], Partnership]] = {}
    for p in partnerships:
        fp = p.french_party
        if fp is not None and fp.country == "France" and fp.subdivision and not fp.place_from_table:
            for k in geography.seat_keys(fp.name):
                stated.setdefault(k, {}).setdefault((fp.region, fp.subdivision), p)
    return stated


def from_other_records(partnerships: list[Partnership]) -> None:
    """A French party the documents name without its place takes the département another record of the
    same place states (its name, its institution's words aside), when all such records agree. A name
    that is a département's or a région's (Paris, Conseil général de l'Isère) says its place itself, and
    the record's own address comes first (corpus.place_parties)."""
    france = geography.of("France")
    stated = _stated(partnerships)
    for p in partnerships:
        unplaced = _unplaced(p)
        if unplaced is None or france.designated_by(unplaced.name, ("region", "subdivision")) \
                or from_address(p) is not None:
            continue
        known = {place: q for k in geography.seat_keys(unplaced.name) for place, q in stated.get(k, {}).items()
                 if q is not p}
        if len(known) != 1:
            continue
        (region, sub), q = next(iter(known.items()))
        unplaced.region, unplaced.subdivision = region, sub
        where = q.sources[0] if q.sources else None
        line = f" ({where.document}, ligne {where.first_line})" if where else ""
        p.notes.append(geography.unstated_place_note(
            unplaced.name, UNSTATED, _values(unplaced), f"du partenariat « {q.title} »{line}, qui nomme le même lieu"))


def from_table(p: Partnership, seat: geography.Place) -> None:
    """The place the France table gives the commune a French party's name designates, marked as the
    table's when its commune entry gave it (a name that is a département or a région says it itself)."""
    fp = p.french_party
    if fp is None:
        return
    fp.region, fp.subdivision = seat.region, seat.subdivision
    fp.place_from_table = seat.level == "commune"


def _written(value: str | None, text: str) -> bool:
    """Whether the record's text writes a place's name as a name (`Vienne`, not inside `Haute-Vienne`)."""
    return value is not None and re.search(rf"(?<![\w-]){re.escape(fold(value))}(?![\w-])", text) is not None


# a postcode's first two digits that are no département's number: Corsica's (`20 000 Ajaccio`)
_POSTCODE_ONLY = {"20": ("Corse-du-Sud", "Haute-Corse")}


def _gives_subdivision(p: Partnership, sub: str | None, text: str) -> bool:
    """The document names the département, or writes a postcode of it before a town (`33000 Bordeaux`)."""
    france = geography.of("France")
    codes = _POSTCODE.findall("\n".join([p.original_text or ""] + [c.address or "" for c in p.contacts]))
    named = {c: place.name for c in codes if (place := france.lookup(c, "subdivision")) is not None}
    return _written(sub, text) or any(sub == named.get(c) or sub in _POSTCODE_ONLY.get(c, ()) for c in codes)


def say_table_places(partnerships: list[Partnership]) -> None:
    """The one note of a French party's place the table gave, whichever step or reader took it: what
    the record's own text does not give of it (a Morocco sheet may name the région: « Poitou-Charentes »
    for La Rochelle; a région that follows a département the document gives is said by no note)."""
    for p in partnerships:
        fp = p.french_party
        if fp is None or fp.country != "France" or not fp.place_from_table or not _values(fp):
            continue
        text = fold("\n".join([p.original_text or ""] + [c.address or "" for c in p.contacts]))
        if _gives_subdivision(p, fp.subdivision, text):
            continue
        missing, values = (("pas le département", [fp.subdivision]) if _written(fp.region, text)
                           else (UNSTATED, _values(fp)))
        note = geography.unstated_place_note(fp.name, missing, [v for v in values if v],
                                             geography.table_origin("France"))
        if note not in p.notes:
            p.notes.append(note)
