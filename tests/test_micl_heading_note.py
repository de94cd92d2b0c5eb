"""The MICL list's heading, « accords de coopération ou jumelages signés », is every listed pair's legal
framework; where the 2006 repertoire's state table gives the pair a status and no formal act, the record
says where each comes from (QA15, round 47, D3: Belfort–Boumerdès read « accord » and « En contact »)."""
from __future__ import annotations

from indexer.parsers.micl import ACCORDS_LEGAL, SECTION_DECENTRALISED, say_heading_against_status
from indexer.records import Partnership, Party, SourceRef


def _pair(status, formalized=None, sections=("Etat d'avancement des partenariats", SECTION_DECENTRALISED)):
    return Partnership(id="a--b", french_party=Party("A"), partner_party=Party("B"), legal_framework=ACCORDS_LEGAL,
                       status=status, formalized=formalized,
                       sources=[SourceRef("x.txt", 1, 1, None, s) for s in sections])


def test_a_status_without_formal_act_beside_the_heading_is_noted():
    p = _pair("En contact")
    say_heading_against_status(p)
    say_heading_against_status(p)  # once
    assert p.notes == [("La liste du ministère algérien de l'Intérieur (MICL) range ce partenariat parmi les "
                        "accords de coopération ou jumelages signés ; l'état d'avancement des partenariats du "
                        "répertoire de 2006 dit : « En contact ».")]


def test_no_note_without_another_source_a_status_or_with_a_formal_act():
    alone = (SECTION_DECENTRALISED,)
    for p in (_pair(None), _pair("En contact", formalized=2003), _pair("En contact", sections=alone),
              _pair("Jumelage"), _pair("Accord de coopération")):
        say_heading_against_status(p)
        assert p.notes == []


def test_the_four_pairs_the_audit_found_and_none_else(corpus):
    noted = {p.id: p for p in corpus.partnerships
             if any(n.startswith("La liste du ministère algérien") for n in p.notes)}
    assert set(noted) == {"belfort--boumerdes", "les-ulis--boufarik", "nanterre--tlemcen", "tourcoing--biskra",
                          "bondy--nedroma", "orly--dar-el-beida"}  # (the audit's sample held the first four)
    assert any(n.endswith("dit : « En contact ».") for n in noted["belfort--boumerdes"].notes)
