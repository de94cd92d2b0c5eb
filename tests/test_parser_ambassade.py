"""The Embassy page on technical cooperation: one State partnership, one
action per sector paragraph."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from expected_counts import AMBASSADE
from indexer.corpus import rollup_result
from indexer.domains import map_domain
from indexer.parsers import ambassade
from indexer.records import SourceRef

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ambassade"
DOC = "algerie-ambassade-cooperation-technique.txt"
PID = "etat-francais--etat-algerien"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def intro():
    return _rolled(ambassade.parse(_read(FIXTURES / "intro_and_first_sectors.txt"), "intro.txt"))


@pytest.fixture(scope="module")
def last():
    return _rolled(ambassade.parse(_read(FIXTURES / "last_sectors.txt"), "last.txt"))


@pytest.fixture(scope="module")
def full():
    return _rolled(ambassade.parse(_read(ROOT / "data" / DOC), DOC))


def test_looks_like():
    assert ambassade.looks_like(_read(ROOT / "data" / DOC))
    assert not ambassade.looks_like(_read(ROOT / "data" / "algerie-micl-cooperation.txt"))
    assert not ambassade.looks_like("")


def test_partnership_from_the_opening(intro):
    assert intro.warnings == []
    assert len(intro.partnerships) == 1
    p = intro.partnerships[0]
    assert p.id == PID
    assert p.kind == "state"
    assert p.detail == "sheet"
    assert (p.french_party.name, p.french_party.kind, p.french_party.country) == ("État français", "État", "France")
    assert (p.partner_party.name, p.partner_party.kind, p.partner_party.country) == ("État algérien", "État", "Algérie")
    assert p.countries == ["Algérie"]
    assert p.legal_framework == ("Convention de partenariat signée en décembre 2007 ; "
                                 "Document Cadre de Partenariat (DCP)")
    assert p.formalized == 2007
    assert p.domains_raw == [
        "modernisation des transports", "aménagement du territoire", "protection civile",
        "ressources en eau et halieutiques", "tourisme", "jeunesse et sport", "travaux publics",
        "bâtiment", "urbanisme", "transports", "ressources en eau", "environnement",
        "emploi et travail", "santé",
    ]
    assert p.objectives.startswith("La coopération technique bilatérale s’effectue sous l’impulsion")
    assert p.objectives.endswith("les travaux publics, le bâtiment et l’urbanisme.")
    assert p.history.startswith("La coopération technique (transports, ressources en eau")
    assert p.history.splitlines()[1] == "• à un échange de visites ministérielles, de part et d’autre ;"
    assert p.sources == [SourceRef("intro.txt", 1, 24, None, "Service Coopération Technique")]
    assert p.years == [2006, 2007, 2009, 2010, 2011, 2012, 2014]


def test_first_sector_actions(intro):
    assert [a.title for a in intro.actions] == [
        "Infrastructures", "Aménagement du territoire et environnement", "Politique de la ville"]
    infra, territory, city = intro.actions
    assert infra.id == f"{PID}--a01"
    assert infra.partnership_id == PID
    assert infra.domain_raw == "infrastructures"
    # "ressources en eau" in the sentence adds water to the label's domain
    assert infra.domains == ["Urbanisme, aménagement et transports", "Eau et assainissement"]
    assert infra.years == []
    assert infra.sources == [SourceRef("intro.txt", 15, 15, None, "Infrastructures")]
    assert territory.domain_raw == "aménagement du territoire et de l’environnement"
    # `pôles de compétitivité` in its sentence: the economy (round 17's action-text rules)
    assert territory.domains == ["Environnement et déchets", "Urbanisme, aménagement et transports",
                                 "Développement économique"]
    assert territory.years == [2006, 2009, 2010, 2011, 2012]
    assert territory.sources[0].first_line == 16 and territory.sources[0].last_line == 20
    assert territory.description.startswith(
        "S’agissant de l’aménagement du territoire et de l’environnement : En matière d’aménagement")
    assert city.id == f"{PID}--a03"
    # ... and `la visite d'une délégation de la wilaya d'Oran à Paris` in its text: exchanges
    assert city.domains == ["Urbanisme, aménagement et transports", "Action sociale et solidarité",
                            "Échanges et amitié"]
    assert city.years == [2010, 2014]
    assert city.description.endswith("sera bientôt opérationnelle.")
    assert city.original_text.splitlines()[0].startswith("Dans le domaine de la politique de la ville")


def test_excerpt_without_letterhead(last):
    assert last.warnings == ["ligne 1 : en-tête du service introuvable ; tout le texte est lu comme de la prose"]
    assert [(a.title, a.sources[0].first_line, a.sources[0].last_line) for a in last.actions] == [
        ("Santé", 1, 2), ("Transports", 3, 4), ("Sécurité sociale", 5, 8), ("Tourisme", 9, 10),
        ("Jeunesse et sports", 11, 11),
    ]
    transports = last.actions[1]
    assert transports.domains == ["Urbanisme, aménagement et transports"]
    assert transports.years == [2004, 2006, 2008, 2009, 2013]
    social = last.actions[2]
    assert social.domain_raw == "sécurité sociale"
    assert social.domains == ["Action sociale et solidarité"]
    assert social.years == [1980, 2014]
    p = last.partnerships[0]
    assert p.legal_framework is None and p.formalized is None and p.domains_raw == []
    assert p.domains == ["Santé", "Jeunesse et sport", "Tourisme", "Urbanisme, aménagement et transports",
                         "Action sociale et solidarité"]


def test_full_document(full):
    assert full.warnings == []
    assert full.stats == AMBASSADE
    assert [a.title for a in full.actions] == [
        "Infrastructures", "Aménagement du territoire et environnement", "Politique de la ville", "Santé",
        "Transports", "Sécurité sociale", "Tourisme", "Jeunesse et sports",
    ]
    assert [a.id for a in full.actions] == [f"{PID}--a{n:02d}" for n in range(1, 9)]
    p = full.partnerships[0]
    assert p.sources == [SourceRef(DOC, 1, 35, None, "Service Coopération Technique")]
    assert p.years == [1980, 2004, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014]
    # union of the declared sectors and the actions' domains, in vocabulary order
    assert p.domains == [
        "Eau et assainissement", "Santé", "Jeunesse et sport", "Développement économique", "Tourisme",
        "Agriculture et développement rural", "Environnement et déchets",
        "Urbanisme, aménagement et transports", "Appui institutionnel et gouvernance",
        # `la visite d'une délégation de la wilaya d'Oran à Paris` (Politique de la ville): exchanges
        "Échanges et amitié", "Sécurité et protection civile", "Action sociale et solidarité",
    ]
    tourism = full.actions[6]
    assert tourism.sources == [SourceRef(DOC, 33, 34, None, "Tourisme")]
    assert "plan qualité tourisme" in tourism.description


def test_ids_are_stable(full):
    again = ambassade.parse(_read(ROOT / "data" / DOC), DOC)
    assert [a.id for a in again.actions] == [a.id for a in full.actions]
    assert again.partnerships[0].id == full.partnerships[0].id


def test_every_raw_domain_label_maps(full, last):
    labels = set(full.partnerships[0].domains_raw)
    labels |= {a.domain_raw for r in (full, last) for a in r.actions}
    assert len(labels) == 19  # 14 declared + 8 sectors, 3 in both (transports, santé, tourisme)
    for label in labels:
        assert map_domain(label), label


def test_no_sector_is_a_warning():
    result = ambassade.parse("Service Coopération Technique\n\nUn texte sans secteur.\n", "odd.txt")
    assert result.warnings == ["ligne 2 : aucun paragraphe de secteur trouvé"]
    assert result.actions == []
    assert result.partnerships[0].objectives == "Un texte sans secteur."


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Dans le domaine de la S’agissant, : ()\n"
                                             "Service Coopération Technique 2007.")), max_size=300))
def test_never_raises(text):
    result = ambassade.parse(text, "x.txt")
    assert not any("erreur du lecteur" in w for w in result.warnings)


def _rolled(result):
    rollup_result(result)  # domains and years are rolled up by the merge
    return result
