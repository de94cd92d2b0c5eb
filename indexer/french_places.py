"""Where a French collectivity is when its own record does not say (a line of the Mali lists:
« Meylan/Bamako »). First another record of the same place that states it (Sainte-Maure-de-Touraine:
the sheet of its communauté de communes gives « Indre et Loire (37) »), else the commune's entry in
the France table (`geography/france.tsv`, source COG-GK). As for the partner side (« vient de la table
géographique du Mali de Répertoires »), the record's notes say where the values came from, since the
document does not give them (QA audit 6, #3)."""
from __future__ import annotations

from . import geography
from .records import Partnership, Party


def _unplaced(p: Partnership) -> Party | None:
    """The French party, when its record gives neither its département nor its région."""
    fp = p.french_party
    if fp is None or fp.country != "France" or fp.region or fp.subdivision:
        return None
    return fp


def _note(party: Party, origin: str) -> str:
    """What the page says of a place the document does not give: the values, and where they come from."""
    values = [v for v in (party.subdivision, party.region) if v]
    return geography.unstated_place_note(party.name, "ni le département ni la région", values, origin)


def from_other_records(partnerships: list[Partnership]) -> None:
    """A French party the documents name without its place takes the département another record of the
    same place states (its name, its institution's words aside), when all such records agree. A name
    that is a département's or a région's (Paris, Conseil général de l'Isère) says its place itself."""
    france = geography.of("France")
    stated: dict[str, dict[tuple[str | None, str], Partnership]] = {}
    for p in partnerships:
        fp = p.french_party
        if fp is not None and fp.country == "France" and fp.subdivision:
            for k in geography.seat_keys(fp.name):
                stated.setdefault(k, {}).setdefault((fp.region, fp.subdivision), p)
    for p in partnerships:
        unplaced = _unplaced(p)
        if unplaced is None or france.designated_by(unplaced.name, ("region", "subdivision")):
            continue
        known = {place: q for k in geography.seat_keys(unplaced.name) for place, q in stated.get(k, {}).items()
                 if q is not p}
        if len(known) != 1:
            continue
        (region, sub), q = next(iter(known.items()))
        unplaced.region, unplaced.subdivision = region, sub
        where = q.sources[0] if q.sources else None
        line = f" ({where.document}, ligne {where.first_line})" if where else ""
        p.notes.append(_note(unplaced, f"du partenariat « {q.title} »{line}, qui nomme le même lieu"))


def from_table(p: Partnership, seat: geography.Place) -> None:
    """The place the France table gives the commune a French party's name designates; said in its notes
    when the table's commune entry gave it (a name that is a département or a région says it itself)."""
    fp = p.french_party
    if fp is None:
        return
    fp.region, fp.subdivision = seat.region, seat.subdivision
    if seat.level == "commune":
        p.notes.append(_note(fp, geography.table_origin("France")))
