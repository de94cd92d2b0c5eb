"""Persons the sheets name outside their contact blocks: the Algerian sheets' history and
project texts, with a civility (`M. NOURANI, Wali d'Alger`), on verbatim source lines."""
from indexer.parsers.algerie_parties import text_persons
from indexer.parsers.contacts import named_in_text, role_after, same_person
from indexer.records import Contact, Party

RENNES = Party(name="Rennes", kind="commune", country="France")
SETIF = Party(name="Sétif", kind="commune", country="Algérie")
PARIS = Party(name="Paris", kind="commune", country="France")
ALGER = Party(name="Wilaya d'Alger", kind="wilaya", country="Algérie")
VIERZON = Party(name="Vierzon", kind="commune", country="France")
SIG = Party(name="Sig", kind="commune", country="Algérie")


def test_a_civility_introduces_a_name_up_to_punctuation_and_its_role_follows():
    """Rennes-Sétif l.3060-3063 (`M. Hichem` / `BELAALA` rejoined by the flow); `M. le Maire`
    (Vierzon l.4595) names nobody."""
    text = ("Cette délégation est composée de M. Abdelamek TACHRIFT (Recteur), M. Mabrouk BENKHEDIMALLAH "
            "(Vice-Recteur Chargé de la Pédagogie), M. Hichem BELAALA (Conseiller du Recteur)")
    found = named_in_text(text)
    assert [n for _, _, n in found] == ["Abdelamek TACHRIFT", "Mabrouk BENKHEDIMALLAH", "Hichem BELAALA"]
    assert [role_after(text, end) for _, end, _ in found] == [
        "Recteur", "Vice-Recteur Chargé de la Pédagogie", "Conseiller du Recteur"]
    vierzon = ("Voyage en Algérie, à Sig, de M. le Maire de Vierzon et de M. Jacques Baert, "
               "Président de Service Plus qui")
    assert [n for _, _, n in named_in_text(vierzon)] == ["Jacques Baert"]
    assert role_after(vierzon, named_in_text(vierzon)[0][1]) == "Président de Service Plus"
    first = "M. Jean Germain, M. Omar el Jazouli, M. François Lagièrre, Directeur de Cabinet"
    found = named_in_text(first)
    assert [n for _, _, n in found] == ["Jean Germain", "Omar el Jazouli", "François Lagièrre"]
    assert role_after(first, found[0][1]) is None  # the next civility is no role


def test_a_compound_first_name_names_a_person_without_civility():
    """CU Lyon-Oran l.2224: `effectuée par Jean- Michel DACLIN en Mai 2003`; the status table's
    `BELFORT BOUMERDES En contact.` or `Agence URBANIS` are no persons."""
    text = "Suite à une première mission politique effectuée par Jean- Michel DACLIN en Mai 2003"
    assert [n for _, _, n in named_in_text(text, compound=True)] == ["Jean-Michel DACLIN"]
    assert named_in_text(text) == []
    assert named_in_text("BELFORT BOUMERDES En contact. Agence URBANIS", compound=True) == []


def test_two_writings_of_one_person():
    assert same_person("DELANOË", "Bertrand DELANOË")
    assert same_person("J.C. Gaudin", "Jean Claude GAUDIN")
    assert same_person("Omar el Jazouli", "Omar JAZOULI")
    assert not same_person("Jacques Baert", "Claudine BAERT")
    assert not same_person("Anne ROUSSAT", "Anne MORICE")


def test_history_persons_sides_by_role_then_by_the_party_named_before():
    """Rennes-Sétif: the university delegation of Sétif (side from the sentence before), the
    APC member (an Algerian institution in the role); Paris: the mayor and the wali by their role,
    and `M. ADDOU` is the `Mohammed Kebir ADDOU` of the contact block."""
    rennes = ("- Mars 2001 : Accueil à l'Université de Rennes I d'une délégation de l'Université Ferhat Abbas "
              "de Sétif. Cette délégation est composée de M. Abdelamek TACHRIFT (Recteur)\n"
              "- Mars 2003 : Participation de Sétif à la Foire Internationale de Rennes. Accueil du 22 au 24 "
              "mars d'une délégation officielle, conduite par M. Abdelaziz AYACHI (Membre de l'Assemblée "
              "Populaire Communale)")
    found = text_persons(rennes, RENNES, [SETIF], [])
    assert [(c.name, c.side, c.organisation) for c in found] == [
        ("Abdelamek TACHRIFT", "partner", "Sétif"), ("Abdelaziz AYACHI", "partner", "Sétif")]
    paris = ("- décembre 2001 : 1ère visite de M. DELANOË, Maire de Paris, à Alger\n"
             "- janvier 2003 : visite à Paris de M. NOURANI, Wali d’Alger – signature de l’accord de coopération\n"
             "- septembre 2004 : nomination de M. ADDOU, nouveau Wali d’Alger")
    known = [Contact(name="Mohammed Kebir ADDOU", side="partner")]
    found = text_persons(paris, PARIS, [ALGER], known)
    assert [(c.name, c.side, c.role) for c in found] == [
        ("DELANOË", "french", "Maire de Paris"), ("NOURANI", "partner", "Wali d’Alger")]


def test_the_role_names_its_party_first_and_a_show_s_author_is_no_actor():
    """Vierzon-Sig l.4591-4596: the APC president `… de Sig à la foire exposition de Vierzon` is
    Sig's; Jacques Baert goes with `M. le Maire de Vierzon` named before him. Saint-Jean-de-Boiseau
    l.3931 `Conférence de M. Benchehida` is the subject of a show."""
    text = ("Participation d’une délégation officielle de la commune de Sig conduite par M. Mohamed Bouziane "
            "Belhad, Président de l’Assemblée Populaire Communale de Sig à la foire exposition de Vierzon. "
            "Voyage en Algérie, à Sig, de M. le Maire de Vierzon et de M. Jacques Baert, Président de Service Plus")
    found = text_persons(text, VIERZON, [SIG], [])
    assert [(c.name, c.side) for c in found] == [("Mohamed Bouziane Belhad", "partner"), ("Jacques Baert", "french")]
    assert text_persons("Conférence de M. Benchehida « Mostaganem, région berbère ? »", VIERZON, [SIG], []) == []


def test_whole_document_history_persons():
    """On the whole document: Rennes-Sétif's five named visitors, and Paris's former wali."""
    from pathlib import Path

    from indexer.parsers import algerie
    data = Path(__file__).parent.parent / "data" / "algerie-cooperation-decentralisee.txt"
    result = algerie.parse(data.read_text(encoding="utf-8"), data.name)
    rennes = next(p for p in result.partnerships if p.id == "rennes--setif")
    assert {"Abdelamek TACHRIFT", "Mabrouk BENKHEDIMALLAH", "Hichem BELAALA", "Abdelaziz AYACHI",
            "Arab SADAOUI"} <= {c.name for c in rennes.contacts if c.side == "partner"}
    paris = next(p for p in result.partnerships if p.id == "paris--w-alger")
    names = [c.name for c in paris.contacts]
    assert "NOURANI" in names and "DELANOË" not in names  # the mayor is the block's Bertrand DELANOË


ALLIER = Party(name="Conseil général de l'Allier", kind="département", country="France")
TIFLET = Party(name="Cercle de Tiflet", kind="cercle", country="Maroc")
CHAMPAGNE = Party(name="Conseil régional de Champagne-Ardenne", kind="région", country="France")
ORIENTAL = Party(name="Conseil régional de l'Oriental", kind="région", country="Maroc")


def test_moroccan_information_names_who_carries_the_partnership_out():
    """CG Allier-Cercle de Tiflet l.4780-4795 (verbatim): the mandated association's president
    with his French address and phone, the Allier staff of `Ressources humaines` under the
    `Allier :` prefix (ROUSSAT is the contact part's, so not repeated)."""
    from indexer.parsers.maroc_contacts import who_persons
    info = {
        "Mise en œuvre": ["Association PAYS D'ALLIER TIFLET AL MAAMORA", "M. Mustapha SBAY",
                          "7 Rue Albert Camus-03400 YZEURE", "Tél : + 33 (0)4 70 20 27 98", "mustsbay@free.fr"],
        "Ressources humaines pour la coopération décentralisée": [
            ("Allier : Service des Stratégies Territoriales et de la Coopération Internationale - rattaché à la "
             "Direction de l'Aménagement du Territoire - Directeur : M. Maurice THUIZAT ; Chef de Service : "
             "Mme Anne ROUSSAT ;"),
            "Chargée de Mission Fonds Européens et Coopération Internationale : Mme Anne-Gaëlle MORICE ;",
            "Gestionnaire Coopération Internationale : Mme Véronique HERUPE."],
        "Autres partenariats": ["Allier : … M. Untel DUPONT"],  # not a field of who does the work
    }
    found = who_persons(info, ALLIER, [TIFLET], [Contact(name="Anne ROUSSAT", side="french")])
    assert [(c.name, c.side, c.role) for c in found] == [
        ("Mustapha SBAY", "french", None), ("Maurice THUIZAT", "french", "Directeur"),
        ("Anne-Gaëlle MORICE", "french", "Chargée de Mission Fonds Européens et Coopération Internationale"),
        ("Véronique HERUPE", "french", "Gestionnaire Coopération Internationale")]
    sbay = found[0]
    assert (sbay.organisation, sbay.address, sbay.phone, sbay.email) == (
        "Association PAYS D'ALLIER TIFLET AL MAAMORA", "7 Rue Albert Camus-03400 YZEURE",
        "+ 33 (0)4 70 20 27 98", "mustsbay@free.fr")


def test_moroccan_information_arrow_same_line_details_and_party_prefix():
    """Poitiers l.2943-2947 (`→ Anne Marie CHAIGNON, directrice …`, no civility), Mantes-la-Jolie
    l.1715 (one line: organisation, name, address, numbers), Cléon l.1087 (role after `;`), CR
    Champagne-Ardenne l.6560 (`Oriental : … (M. Mohammed ZEROUALI)`: the partner's)."""
    from indexer.parsers.maroc_contacts import who_persons
    info = {"Structure mandatée pour la mise en œuvre": [
        "Centre d'Animation de Beaulieu", "→ Anne Marie CHAIGNON, directrice du Centre d'Animation",
        "10 boulevard Savari. 86000 Poitiers", "Tél : + 33 (0)5 49 44 80 40",
        ("ADEFRAM - M. Nicolas Braille : 67, rue Vergniaud Bât I 75013 Paris ; Tél : + 33 1 45 80 44 72 ; "
         "Fax : + 33 (0)1 45 80 44 80 ; adefram@lesorangers.org."),
        "- M. Jacques AUDEBERT ; Directeur Association de Prévention de l'Agglomération Elbeuvienne."],
        "Ressources humaines pour la coopération décentralisée": [
            "Oriental : Service Coopération - 1 Agent (M. Mohammed ZEROUALI).",
            "Chef de service : M. Ahmed TESTI",  # invented: the Oriental prefix goes on
            "Champagne-Ardenne : Direction des Affaires Européennes et Internationales - 11 agents."],
        "Comité de pilotage & mise en oeuvre": ["→ Une conférence permanente siégeant sous la haute autorité"]}
    found = who_persons(info, CHAMPAGNE, [ORIENTAL], [])
    got = {c.name: c for c in found}
    assert list(got) == ["Anne Marie CHAIGNON", "Nicolas Braille", "Jacques AUDEBERT", "Mohammed ZEROUALI",
                         "Ahmed TESTI"]
    assert (got["Anne Marie CHAIGNON"].organisation, got["Anne Marie CHAIGNON"].role) == (
        "Centre d'Animation de Beaulieu", "directrice du Centre d'Animation")
    braille = got["Nicolas Braille"]
    assert (braille.organisation, braille.address, braille.phone, braille.fax, braille.email) == (
        "ADEFRAM", "67, rue Vergniaud Bât I 75013 Paris", "+ 33 1 45 80 44 72", "+ 33 (0)1 45 80 44 80",
        "adefram@lesorangers.org")
    assert got["Jacques AUDEBERT"].role.startswith("Directeur Association de Prévention")
    assert [c.side for c in found] == ["french", "french", "french", "partner", "partner"]
