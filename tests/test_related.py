"""« Voir aussi »'s partners of the same unit (Engine.related) are read from a table made once per
generation: each record page scanned every partnership for its partner's unit (the round's review).
The unit is the one the search's surroundings read (surroundings.unit_of_partner); « Voir aussi »
keyed it its own way, by the kind and places the record writes (review r43): the same lists."""
from __future__ import annotations

from engine import Engine, surroundings


def _written_unit(party: dict | None) -> tuple | None:
    """A partner unit as « Voir aussi » keyed it before (its kind and places as the record writes them)."""
    kind = (party or {}).get("kind") or ""
    return (kind, party.get("country"), party.get("region"), party.get("subdivision")) \
        if party and kind in surroundings.UNIT_KINDS else None


def _scanned(engine: Engine, pid: str) -> list[str]:
    """The same partner's partnerships as `related` listed them by scanning (before the table), the
    unit keyed as it was then."""
    st = engine.state()
    rec = st.partnerships[pid]
    name = (rec.get("partner_party") or {}).get("name")
    ids = list(st.partnerships_of.get(("partner_party", name), [])) if name else []
    unit = _written_unit(rec.get("partner_party"))
    if unit is not None:
        ids += sorted((i for i, p in st.partnerships.items()
                       if i not in ids and _written_unit(p.get("partner_party")) == unit),
                      key=lambda i: st.partnerships[i]["title"])
    return [i for i in ids if i != pid]


def test_the_same_partners_are_listed_as_the_scan_listed_them(index_dir):
    engine = Engine(index_dir)
    pids = list(engine.state().partnerships)
    joined = 0
    for pid in pids:
        listed = [p["id"] for p in engine.related(pid)[1]]
        assert listed == _scanned(engine, pid), pid
        joined += len(listed) > 0
    assert joined > 20


def test_a_record_page_reads_no_other_partnership_for_its_partners_unit(index_dir, monkeypatch):
    engine = Engine(index_dir)
    engine.related("cu-lyon--district-de-bamako")  # the table, once for the generation
    read: list = []
    unit = surroundings.unit_of_partner
    monkeypatch.setattr(surroundings, "unit_of_partner", lambda party: read.append(party) or unit(party))
    _, same_partner = engine.related("cu-lyon--district-de-bamako")
    assert len(read) == 1  # its own partner only
    assert same_partner
