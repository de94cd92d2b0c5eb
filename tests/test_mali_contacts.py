"""The CUF sheets' twinning-committee contact block: its heading goes on to `personne responsable`,
whose value, up to the next labelled line, names the persons, one per line, each with their role
(verbatim lines of the Mali repertoire)."""
from __future__ import annotations

import pytest

from indexer.parsers.contacts import bare_phone, merged, owned_emails, read_line
from indexer.parsers.cuf_contacts import ContactBlock, head_contacts, signatories
from indexer.records import Contact, Party

HEADING = "Président du comité de jumelage et/ou autre"


def read(*lines: str) -> list[tuple[str | None, str | None]]:
    return [(c.name, c.role) for c in ContactBlock(HEADING).read(list(lines))]


def test_a_name_without_capitals_and_its_role():
    # Quetigny–Koulikoro l.10231-10234: the name was lost (no upper-case surname)
    assert read("personne responsable : Moistapha Fofana, secrétaire ", " ",
                "Tél : 00 223 637 79 57     Fax : ") == [
        ("Moistapha Fofana", f"{HEADING} personne responsable – secrétaire")]


def test_a_role_cut_at_its_hyphen_goes_on_on_the_next_line():
    # Quetigny–Koulikoro l.10225-10227: the role was `Vice`
    assert read("personne responsable : Josette LESSAVRE, Vice-", "présidente ",
                "Tél : 03 80 46 35 22     Fax : ") == [
        ("Josette LESSAVRE", f"{HEADING} personne responsable – Vice-présidente")]


def test_an_unfinished_role_goes_on_and_a_civility_is_no_name():
    # Dourdan–Troumgoumbé l.6080-6083; Rennes–Bandiagara l.10516
    assert read("personne responsable : Oualy KONTE, Président de ",
                "l’Association de Développement Urbain de la ", "Commune de Troumgoumbé (ADUCT) ",
                "Tél : 00 223 675 50 11       Fax : 00 223 223 02 47 ") == [
        ("Oualy KONTE", (f"{HEADING} personne responsable – Président de l’Association de Développement "
                         "Urbain de la Commune de Troumgoumbé (ADUCT)"))]
    assert read("personne responsable : M. Perrussel ")[0][0] == "Perrussel"


def test_one_person_per_line_and_an_organisation_line():
    # Ivry-sur-Seine–Dianguirdé l.6861-6865; La Fouillouse–Sio l.7274-7276
    contacts = ContactBlock(HEADING).read(["personne responsable :  ", "ONG AMSCID  ",
                                            "Bassirou Diarra, Président ", "Francis Dembélé, Secrétaire ",
                                            "Tél : (223) 220 65 58 Fax : (223) 222 2392 "])
    assert [(c.name, c.role.rsplit(" – ", 1)[-1], c.organisation) for c in contacts] == [
        ("Bassirou Diarra", "Président", "ONG AMSCID"), ("Francis Dembélé", "Secrétaire", None)]
    assert contacts[0].phone == "(223) 220 65 58"
    names = [n for n, _ in read("personne responsable : Félix Forestier  ", "Francois JACOUTET ",
                                "Tél : 04 77 30 53 92 Fax : 04 77 30 53 92 ")]
    assert names == ["Félix Forestier", "Francois JACOUTET"]


def test_no_one_named():
    # Marolles-Lakamane's and the AIMF sheets' empty value; `Le Maire` is a role
    assert read("personne responsable :  ", "Tél :                                     Fax : ") == [
        (None, f"{HEADING} personne responsable")]
    assert read("personne responsable : Le Maire ", "Tél :                             Fax : ")[0][0] is None


def persons(label: str, value: str | None, *lines: str) -> list[tuple[str | None, str | None]]:
    return [(c.name, c.role) for c in ContactBlock(label).read(list(lines), value)]


def test_any_heading_s_value_names_its_persons_one_a_line():
    # Quetigny–Koulikoro l.10203-10205: the value on the line after the heading, a name without capitals
    assert persons("Élu en charge du partenariat", " ", "Zahara Bretaudian ",
                   "Tél :                                     Fax :  ") == [
        ("Zahara Bretaudian", "Élu en charge du partenariat")]
    # Alençon–Koutiala l.374-376: the heading goes on on its next line; the role follows without a comma
    assert persons("Service(s) de la ville impliqué(s) dans la", None,
                   "coopération :Modibo Coulibaly Secrétaire Général ", "Tél :              Fax : ") == [
        ("Modibo Coulibaly", "Service(s) de la ville impliqué(s) dans la coopération – Secrétaire Général")]
    # Cercle de Douentza l.3332-3333: a first name alone, its surname on the next line
    assert persons("Service des relations internationales", " Fabrice ",
                   "TARRIT, chargé de coopération décentralisée ", "Tél :  01 69 21 29 27          Fax : ")[0] == (
        "Fabrice TARRIT", "Service des relations internationales – chargé de coopération décentralisée")
    # CG Ain: the role in parentheses
    assert persons("Elu en charge du partenariat", " Helmut Schwenzer (Vice-président)")[0][0] == "Helmut Schwenzer"


def test_a_civility_names_upper_case_words_and_a_number_is_the_person_s():
    # Kadiolo l.4413-4419: an organisation line, then names after a civility, each with its number
    block = ContactBlock("Service(s) de la ville impliqué(s) dans la")
    found = block.read(["coopération :  ", "DCAP  ", "M. TOURE SALIOU 00 223 934 44 48 ", "M. LE PREFET DOUYON  ",
                        "00 223 266 00 06 ", "Tél :                                     Fax : "])
    assert [(c.name, c.phone) for c in found] == [("TOURE SALIOU", "00 223 934 44 48"),
                                                   ("DOUYON", "00 223 266 00 06")]
    assert found[0].role.endswith("– DCAP") and found[1].role.endswith("– LE PREFET")


def test_one_person_a_line_keeps_all_first_names():
    # Thionville–Gao l.11875-11879: not `Aldiouma Baba` and `Mory YATTARA`; the line before is the role
    found = persons("Service(s) de la ville impliqué(s) dans la", None,
                    "coopération :Conservateur du Musée du Sahel de Gao ", "Aldiouma Baba Mory YATTARA ",
                    "Tél : 00.223.282.00.31      Fax : ")
    assert found == [("Aldiouma Baba Mory YATTARA", ("Service(s) de la ville impliqué(s) dans la coopération – "
                                                     "Conservateur du Musée du Sahel de Gao"))]


def test_a_value_that_is_a_labelled_line_is_read_as_one():
    # Montreuil–Yélimané l.9149: `Elu en charge du partenariat : Nom : Ibrahim Coumba`
    found = ContactBlock("Elu en charge du partenariat").read(
        ["DOUCOURE  ", "Fonction  Président de l’Agence pour le Développement Durable "], " Nom : Ibrahim Coumba ")
    assert found[0].name == "Ibrahim Coumba DOUCOURE"  # the surname wrapped onto the next line (round 56)


def test_the_aimf_headings_each_open_a_block():
    # AIMF–Kayes l.13253-13298 (verbatim): `Coordonnées du Président`, `… du Secrétariat permanent`,
    # `Secrétaire permanent du comité national de` / `jumelage : M. NAME` are headings; a number written
    # with the country's code but no `00` (`223 222 06 68`) tells the partner's side
    lines = [
        'Coordonnées du Président ',
        'Nom : Bertrand DELANOË ',
        'Fonction : Maire de Paris, Président de l’AIMF ',
        'Adresse : 9 rue des Halles, Paris ',
        'Tél : 01 44 88 22 88  Fax : 01 40 39 06 62 ',
        '',
        'Coordonnées de l’exécutif (maire, président) ',
        'Nom : Hamadou KONE ',
        'Fonction : Maire de Kayes ',
        'Adresse : Hôtel de ville BP 83 ',
        'Tél (Std) :223 252 12 72   Fax : 223 252 13 92 ',
        '',
        'Coordonnées du Secrétariat permanent :  ',
        'Nom: Gilles GAUTHIER ',
        'Fonction: Secrétaire permanent ',
        'Adresse: 9 rue des Halles, Paris ',
        'Tél : 01 44 88 22 88  Fax : 01 40 39 06 62 ',
        '',
        'Secrétaire permanent du comité national de ',
        'jumelage : M. Amadou Doumbia ',
        'Tél : 223 222 06 68               Fax : 223 222 24 89 ',
        '@ : ',
    ]
    found = head_contacts(lines, Party(name="AIMF"), Party(name="Kayes", region="Kayes"), "Mali")
    assert [(c.name, c.side) for c in found] == [
        ("Bertrand DELANOË", "french"), ("Hamadou KONE", "partner"), ("Gilles GAUTHIER", "french"),
        ("Amadou Doumbia", "partner")]
    assert found[1].phone == "223 252 12 72" and found[2].phone == "01 44 88 22 88"


def test_other_persons_and_the_collectivity_s_services_are_headings():
    # CR Île-de-France–ARK l.4941-4946; CG Ain l.12735-12737
    lines = ["Autre(s) service(s) impliqué(s) dans la ", "coopération :  ", "",
             "Service(s) de la collectivité impliqué(s) dans la ", "coopération : Founéké Sissoko, secrétaire général ",
             "Tél : 00 223 252 28 57 ", "", "Autre personne (chargé de projet) :  ", "Jean-Marc Prévost ",
             "Tél : 04 74 32 32 44     Fax :04 74 32 33 58 "]
    found = head_contacts(lines, Party(name="Île-de-France"), Party(name="Kayes"), "Mali")
    assert [(c.name, c.side) for c in found] == [("Founéké Sissoko", "partner"), ("Jean-Marc Prévost", "french")]


def test_a_name_field_s_civility_is_no_part_of_the_name():
    # Kadiolo l.4378, l.4387; Rennes–Bandiagara l.10487; `Dr` only as a word (Bagnolet: `Dramane Coulibaly`)
    for value, name in (("Monsieur TETART", "TETART"), ("Monsieur LOGONA TRAORE", "LOGONA TRAORE"),
                        ("M. SIDI GUINDO", "SIDI GUINDO"), ("Dramane Coulibaly", "Dramane Coulibaly")):
        assert ContactBlock("Coordonnées de l’exécutif (maire, président)").read([f"Nom : {value} "])[0].name == name


def test_a_person_named_after_a_number_holds_it():
    # Thionville–Gao l.11887-11890
    found = ContactBlock("Président du comité de jumelage BP 61 Gao").read(
        ["depuis février 2007   Bana Sidda TOURE ", "Tél :  00.223.605 34 64     ",
         "Fax : 00.223.282.02.58 (Ali Badi MAIGA) "])
    assert [(c.name, c.phone, c.fax) for c in found] == [("Bana Sidda TOURE", "00.223.605 34 64", None),
                                                          ("Ali Badi MAIGA", None, "00.223.282.02.58")]


def test_the_formalisation_s_signatory_is_a_contact():
    # Kadiolo l.4436: the office's place (`Maire de Kadiolo`) is no first name; a name without a civility
    # or an office before it signed nothing (the AIMF sheets' `adhésion à l’AIMF Budget de l’AIMF`)
    letter = "Lettre de Monsieur le Maire de Kadiolo Téné DEMBELE – Janvier 2007 "
    assert [(c.name, c.role) for c in signatories(letter)] == [("Téné DEMBELE", "Formalisation – Maire de Kadiolo")]
    assert signatories("2000 : adhésion à l’AIMF Budget de l’AIMF : 5 millions d’euros") == []
    found = head_contacts(["Coordonnées de l’exécutif (maire, président) ", "Nom : Monsieur TETART "],
                          Party(name="Conseil général des Yvelines"), Party(name="Kadiolo", subdivision="Kadiolo"),
                          "Mali", "Lettre de Monsieur le Maire de Kadiolo Téné DEMBELE – Janvier 2007 ")
    assert [(c.name, c.side) for c in found] == [("TETART", "french"), ("Téné DEMBELE", "partner")]


def test_an_unfinished_address_or_role_goes_on_on_the_next_line():
    # CR Nord-Pas-de-Calais–Kayes l.5111-5115: `LILLE Cédex` was read as a person
    block = ContactBlock("Coordonnées de l’exécutif (président)").read([
        "Nom : Daniel PERCHERON  ", "Fonction : Président du Conseil Régional  ",
        "Adresse : Hôtel de région, 151, avenue Hoover,  ", "F 59555, LILLE Cédex – France  ",
        "Tél :(33) 3 28 82 82 82  Fax :(33) 3 28 82 82 83 "])
    assert [(c.name, c.address) for c in block] == [
        ("Daniel PERCHERON", "Hôtel de région, 151, avenue Hoover, F 59555, LILLE Cédex – France")]
    # Dourdan–Troumgoumbé l.6035-6037: a role cut at a compound's hyphen
    block = ContactBlock("Coordonnées de l’exécutif").read([
        "Nom : Yves TAVERNIER", "Fonction : Maire et Conseiller Régional d’Ile-de-", "France  ",
        "Adresse : Hôtel de ville, Esplanade Jean Moulin, ", "91410 Dourdan"])
    assert [(c.role, c.address) for c in block] == [
        ("Maire et Conseiller Régional d’Ile-de-France", "Hôtel de ville, Esplanade Jean Moulin, 91410 Dourdan")]
    # a numbers line after an address is no part of it (Thionville–Kéniéba Konko: `BP : 998`)
    block = ContactBlock("Coordonnées de l’exécutif").read(["Nom : Bréhima CAMARA", "Adresse : BP : 998",
                                                           ": 673 41 35 : 643 96 71"])
    assert block[0].address == "BP : 998"


def test_a_later_person_s_numbers_and_role_lines_are_theirs_and_plural_headings_open_blocks():
    # CG Haut-Rhin–Yanfolila l.3511-3528 (verbatim): `Élus en charge du partenariat` (plural) is a heading, so
    # the French councillors are not the Malian president's block; Michel HABIG's role goes on in lower case
    # and the numbers and e-mail below him are his, not the block's first person's
    lines = ["Coordonnées de l’exécutif (maire, président) ", "Nom : SIDIBE Alfou Séni ",
             "Fonction : Président du Conseil de Cercle ", "Tél :00.223.265.15.11  ", "  ", "",
             "Élus en charge du partenariat :  ", "Frédéric STRIBY, vice-Président du Conseil Général ",
             "et président de la Commission \"Actions et Relations ", "Internationales\" ",
             "Tél :03.89.68.40.06 Fax : 03.89.68.92.29 ", "@ :  striby@elus.cg68.fr ", " ",
             "Michel HABIG – 3ème vice-président et président de ",
             "la Commission de l'Agriculture, de l'Environnement ", "et du Cadre de Vie ",
             "Tél :03.89.83.32.25 Fax : 03.89.26.44.22 ", "@ :  habig@elus.cg68.fr "]
    found = head_contacts(lines, Party(name="Département du Haut-Rhin"), Party(name="Cercle de Yanfolila"), "Mali")
    assert [(c.name, c.email, c.side) for c in found] == [
        ("SIDIBE Alfou Séni", None, "partner"), ("Frédéric STRIBY", "striby@elus.cg68.fr", "french"),
        ("Michel HABIG", "habig@elus.cg68.fr", "french")]
    assert found[2].phone == "03.89.83.32.25"
    assert found[2].role == ("3ème vice-président et président de la Commission de l'Agriculture, "
                             "de l'Environnement et du Cadre de Vie")


def test_elu_e_is_the_elected_heading_and_its_second_block_is_the_partner_s():
    # CG Essonne–Douentza l.3320-3323: `Elu(e) en charge du partenariat`; CG Ille-et-Vilaine–Mopti
    # l.3926-3934: `Elue …` then `Elu …` are one role twice: the second is the partner's
    block = ContactBlock("Elu(e) en charge du partenariat").read(
        ["conseiller général délégué au développement ", "solidaire, à la coopération décentralisée et à la ",
         "francophonie "], " Patrice FINEL, ")
    assert block[0].role == ("Elu(e) en charge du partenariat – conseiller général délégué au développement "
                             "solidaire, à la coopération décentralisée et à la francophonie")
    lines = ["Elue en charge du partenariat : ", "Clotilde TASCON-MENNETRIER, vice-présidente ", "",
             "Elu en charge du partenariat : ", "Boubakary TAPILY, Président "]
    found = head_contacts(lines, Party(name="Conseil général d'Ille-et-Vilaine"),
                          Party(name="Assemblée régionale de Mopti"), "Mali")
    assert [(c.name, c.side) for c in found] == [("Clotilde TASCON-MENNETRIER", "french"),
                                                  ("Boubakary TAPILY", "partner")]


def test_an_e_mail_is_the_person_s_whose_surname_it_spells():
    # CG Ille-et-Vilaine–Mopti l.3937-3942: the service's heading with two persons, then one e-mail; the
    # sheet's contacts (the shared sheet model applies owned_emails) give it to the person it spells
    found = owned_emails(ContactBlock("Service Europe et Relations Internationales").read(
        ["Chef de service : Thomas LAGATHU ", "Chargée de mission : Emilie BECOUZE ", "Tél : 02.99.02.20.81 ",
         "Fax : 02.99.02.21.64 ", "@ : emilie.becouze@cg35.fr "], " "))
    assert [(c.name, c.email) for c in found] == [("Thomas LAGATHU", None),
                                                   ("Emilie BECOUZE", "emilie.becouze@cg35.fr")]


def test_a_second_name_field_is_another_person_and_a_role_cut_at_a_particle_goes_on():
    # Montreuil–Yélimané (PADDY sheet) l.8767-8777 (verbatim): the committee's `Nom :` inside the elected
    # councillor's block named Cheickné SISSOKO over Alexandre TUAILLON, with TUAILLON's numbers and e-mail
    found = ContactBlock("Elu en charge du partenariat").read([
        "Alexandre TUAILLON ", "Tel : 01 48 70 69 69       Fax : 01 48 70 18 34  ",
        "@ : alexandre.tuaillon@mairie-montreuil93.fr ", ":  ", "", "Comité local de Jumelage (CLJ) ",
        "Nom : Cheickné SISSOKO ", "Fonction : Président du conseil de Cercle et du ", "Comité local de Jumelage  ",
        "Adresse :Yélimané, Cercle de Yélimané, Région de ", "Kayes, Mali ",
        "Tel : :+223 621 5011 Fax :+223 252 2251 "], "  ")
    assert [(c.name, c.phone, c.email) for c in found] == [
        ("Alexandre TUAILLON", "01 48 70 69 69", "alexandre.tuaillon@mairie-montreuil93.fr"),
        ("Cheickné SISSOKO", "+223 621 5011", None)]
    assert found[1].role == "Président du conseil de Cercle et du Comité local de Jumelage"
    assert found[1].address == "Yélimané, Cercle de Yélimané, Région de Kayes, Mali"


def test_a_place_before_a_name_and_its_colon_leave_the_role_clean():
    # CR Nord-Pas-de-Calais–Kayes l.5150-5152: `A Kayes : Ibrahim KONAKE, responsable de` / `l’antenne …`
    c = read_line("A Kayes : Ibrahim KONAKE, responsable de")
    assert (c.name, c.role) == ("Ibrahim KONAKE", "A Kayes – responsable de")


def test_a_sheet_s_e_mail_moves_to_the_person_it_spells():
    # CG Hautes-Pyrénées–Niafunké l.3724-3733 (verbatim): the persons of the service's block are read after its
    # labelled lines, so its e-mail first went to Jean-Michel LARROCHE; owned_emails gives it to its owner
    found = ContactBlock("Service des relations internationales").read([
        " Sous-Direction de la Cohésion Territoriale et de la ", "", "Coopération Internationale ",
        "Jean-Michel LARROCHE, directeur-adjoint ", "", " Mission Développement Durable et Coopération ",
        "Delphine PAMBRUN, chargée de mission ", "", "Tél : 05.62.56.77.82                 Fax : 05.62.56.78.66 ",
        "@ : mailto:delphine.pambrun@cg65.fr "], " ")
    people = owned_emails([c for c in found if c.name])
    assert [(c.name, c.email) for c in people] == [("Jean-Michel LARROCHE", None),
                                                    ("Delphine PAMBRUN", "delphine.pambrun@cg65.fr")]
    # an e-mail spelling no one, or two persons, stays where it was read
    assert owned_emails([Contact(name="Ali TOURE", email="mairie@kayes.ml"), Contact(name="Awa KONE")])[0].email \
        == "mairie@kayes.ml"


def test_a_person_named_in_two_blocks_is_one_contact_with_both_roles():
    # Saint-Jean-de-Boiseau–Médiouna: the director of the mayor's office is also in charge of international
    # relations, with the office's e-mail in one block and his own in the other (the gold lists him once)
    people = merged([
        Contact(name="Eric PERRICHET", role="Directeur de cabinet", side="french", phone="02 40 65 61 00",
                email="accueil@mairie-saint-jean-de-boiseau.fr"),
        Contact(name="Zoumana Fane", role="Maire", side="partner"),
        Contact(name="Eric PERRICHET", role="Responsable des relations internationales", side="french",
                phone="02 40 65 61 00", email="eric.perrichet@mairie-saint-jean-de-boiseau.fr"),
        Contact(name="Zoumana Fane", role="Maire", side="partner", phone="00223 6360713"),
        Contact(name="Zoumana Fane", role="Maire", side="french")])  # another side: not merged
    assert [(c.name, c.role, c.side) for c in people] == [
        ("Eric PERRICHET", "Directeur de cabinet ; Responsable des relations internationales", "french"),
        ("Zoumana Fane", "Maire", "partner"), ("Zoumana Fane", "Maire", "french")]
    assert people[0].phone == "02 40 65 61 00"
    assert people[0].email == ("accueil@mairie-saint-jean-de-boiseau.fr; "
                               "eric.perrichet@mairie-saint-jean-de-boiseau.fr")
    assert people[1].phone == "00223 6360713"


def test_two_persons_on_one_name_line_share_its_function():
    """The mayor and his successor on one `Nom :` line: Rennes l.10479 `EDMOND HERVE Daniel DELAVEAU` (a name
    in capitals, then `Prénom NOM`: it was read `EDMOND HERVE Daniel`, the second lost), CG Ain `Charles de
    la Verpillière Rachel MAZUIR` (a particle in the first: `Verpillière Rachel MAZUIR`), Dourdan
    l.6034-6036, whose `Fonction` wraps. Both hold the `Fonction` (the second had the block's heading)."""
    label = "Coordonnées de l’exécutif (maire, président)"

    def names(value, *more):
        return [(c.name, c.role) for c in ContactBlock(label).read([f"Nom : {value} ", *more]) if c.name]
    assert names("EDMOND HERVE Daniel DELAVEAU", "Fonction : Maire ") == [
        ("EDMOND HERVE", "Maire"), ("Daniel DELAVEAU", "Maire")]
    assert names("Charles de la Verpillière Rachel MAZUIR", "Fonction : Président du Conseil général") == [
        ("Charles de la Verpillière", "Président du Conseil général"),
        ("Rachel MAZUIR", "Président du Conseil général")]
    assert names("Yves TAVERNIER  Olivier LEGOIS ", "Fonction : Maire et Conseiller Régional d’Ile-de-",
                 "France  ") == [("Yves TAVERNIER", "Maire et Conseiller Régional d’Ile-de-France"),
                                 ("Olivier LEGOIS", "Maire et Conseiller Régional d’Ile-de-France")]
    # one name in capitals with its first name after it stays one person
    assert names("KONATE Mahamadou", "Fonction : Maire") == [("KONATE Mahamadou", "Maire")]


def test_a_civility_names_a_person_in_mixed_case_and_an_initial_is_part_of_a_name():
    """AIMF – Bamako l.13010-13021: `- M. Babdoulaye Sow, Directeur des services`, `- M. Alphamoye Traoré, …`
    (no surname in capitals: the civility says a person is named) and `- M. Badara a. TRAORE, chargé de la` /
    `coopération internationale` (an initial between the names) were lines of no one."""
    from indexer.parsers.contacts import people
    assert [(c.name, c.role) for c in people("- M. Babdoulaye Sow, Directeur des services")] == [
        ("Babdoulaye Sow", "Directeur des services")]
    assert [c.name for c in people("- M. Badara a. TRAORE, chargé de la")] == ["Badara a. TRAORE"]
    # a civility before a role is no person
    assert [c.name for c in people("M. Le Maire, Directeur")] == [None]


def test_a_line_naming_no_one_and_ending_with_a_colon_announces_the_next_person_viroflay():
    """Viroflay–Kolokani l.12471-12476: `Gabrielle BOUYSSOU – …` / `@ : gabrielle…` / ` et autre personne
    responsable :` / `Guy Marboeuf` / `Tél : …` / `@ : guy.marboeuf@…`: Guy Marboeuf is a second person, and
    his numbers and e-mail are his (his e-mail replaced hers, his fax was given to her)."""
    people = ContactBlock("Président du comité de jumelage").read(
        ["Gabrielle BOUYSSOU – 01 30 24 33 28 ", "@ : gabrielle.bouyssou@free.fr  ",
         " et autre personne responsable :  ", "Guy Marboeuf ", "Tél : 01 30 24 64 37  Fax : 01 30 24 64 37 ",
         "@ : guy.marboeuf@wanadoo.fr  "], "")
    assert [(c.name, c.email, c.fax) for c in people] == [
        ("Gabrielle BOUYSSOU", "gabrielle.bouyssou@free.fr", None),
        ("Guy Marboeuf", "guy.marboeuf@wanadoo.fr", "01 30 24 64 37")]
    assert people[1].role == "Autre personne responsable"


def test_every_e_mail_of_a_persons_line_is_theirs_as_in_the_morocco_reader():
    """`take_email` (the CUF and Algeria readers' free lines, the Morocco reader's roles) keeps each address a
    person's line writes, beside one the person has, once each: the Morocco reader's rule (`with_email`)."""
    c = read_line("Jean DUPONT, maire – j.dupont@ville.fr ; mairie@ville.fr")
    assert c.name == "Jean DUPONT" and c.email == "j.dupont@ville.fr; mairie@ville.fr"
    assert "@" not in (c.role or "")
    c = read_line("Tél : 01 02 03 04 05 – mairie@ville.fr", Contact(name="Jean DUPONT", email="j.dupont@ville.fr"))
    assert c.email == "j.dupont@ville.fr; mairie@ville.fr"
    c = read_line("mairie@ville.fr", Contact(name="Jean DUPONT", email="mairie@ville.fr"))
    assert c.email == "mairie@ville.fr"


def test_the_person_a_line_announces_keeps_the_number_e_mail_and_role_written_with_their_name():
    """The person after `et autre personne responsable :` may write their number, e-mail or role on their name's
    line, as the person above does (`Gabrielle BOUYSSOU – 01 30 24 33 28`): they are theirs, not lost."""
    head = ["Gabrielle BOUYSSOU – 01 30 24 33 28 ", "@ : gabrielle.bouyssou@free.fr  ",
            " et autre personne responsable :  "]
    people = ContactBlock("Président du comité de jumelage").read(head + ["Guy MARBOEUF – 01 30 24 64 37 "], "")
    assert [(c.name, c.phone) for c in people] == [("Gabrielle BOUYSSOU", "01 30 24 33 28"),
                                                   ("Guy MARBOEUF", "01 30 24 64 37")]
    people = ContactBlock("Président du comité de jumelage").read(head + ["Guy MARBOEUF guy.marboeuf@wanadoo.fr"], "")
    assert [(c.name, c.email) for c in people][1:] == [("Guy MARBOEUF", "guy.marboeuf@wanadoo.fr")]
    people = ContactBlock("Président du comité de jumelage").read(head + ["Guy Marboeuf, adjoint au maire"], "")
    assert people[1].role == "Autre personne responsable – adjoint au maire"
    # a list under a heading's last line (`Général impliqué(s) dans la coopération :` / `- Institut Régional de
    # Coopération`, CG Haut-Rhin l.3540-3545) names an organisation, not a person
    people = ContactBlock("Service des relations internationales").read(
        ["Stéphanie FUCHS – chef de Service ", "Tél 03.89.30.64.25 Fax : 03.89.21.98.52 ", " ",
         "Autre(s) associations extérieures au Conseil ", "Général impliqué(s) dans la coopération :  ", "",
         "- Institut Régional de Coopération ", "Développement (IRCOD) – 17 rue de Boston – "], "")
    assert [c.name for c in people] == ["Stéphanie FUCHS"]


def test_a_second_address_under_the_at_line_is_kept_by_the_one_e_mail_rule():
    """`@ : …` / a second address: kept beside the first by `contacts.with_email`, the rule every reader
    uses; an address inside another (`a.dupont@` in `ma.dupont@`) is another address, one written in
    other capitals is the same."""
    from indexer.parsers.contacts import with_email
    people = ContactBlock("Elu en charge du partenariat").read(
        ["Jean DUPONT ", "@ : ma.dupont@ville.fr ", "a.dupont@ville.fr "], "")
    assert people[0].email == "ma.dupont@ville.fr; a.dupont@ville.fr"
    assert with_email("Mairie@Ville.fr", "mairie@ville.fr") == "Mairie@Ville.fr"
    assert with_email("a@ville.fr", "b@ville.fr") == "a@ville.fr; b@ville.fr"


def test_every_reader_gives_a_person_a_second_address_by_the_one_e_mail_rule():
    """`contacts.with_email` everywhere a person gets an address: an address alone on a heading's value line
    under a person who has one, two blocks naming one person (`merged`), an Algerian `Courriel :` going on
    on its next line: each address kept once, whole addresses compared in any capitals."""
    from indexer.parsers.algerie_blocks import _continue_field
    from indexer.parsers.contacts import merged
    people = ContactBlock("Elu en charge du partenariat").read(
        ["Jean DUPONT, maire j.dupont@ville.fr ", "mairie@ville.fr ", "Tél : 01 02 03 04 05"], "")
    assert people[0].email == "j.dupont@ville.fr; mairie@ville.fr"
    (one,) = merged([Contact(name="Jean DUPONT", email="ma.dupont@ville.fr"),
                     Contact(name="Jean DUPONT", email="a.dupont@ville.fr; MA.dupont@ville.fr")])
    assert one.email == "ma.dupont@ville.fr; a.dupont@ville.fr"
    c = Contact(name="Ali BADI", email="a.badi@apc.dz")
    _continue_field(c, "email", "A.Badi@apc.dz")
    _continue_field(c, "email", "apc@apc.dz")
    assert c.email == "a.badi@apc.dz; apc@apc.dz"



def test_an_address_inside_another_leaves_no_piece_of_it_in_the_role():
    # `a.dupont@…` replaced everywhere cut it out of `ma.dupont@…` too: the role read « maire – ; m »
    c = read_line("Jean DUPONT, maire – a.dupont@ville.fr ; ma.dupont@ville.fr")
    assert c.email == "a.dupont@ville.fr; ma.dupont@ville.fr"
    assert "m" not in (c.role or "").split() and ";" not in (c.role or "")


def test_a_name_the_e_mail_spells_after_the_office_is_the_person():
    # Bron l.12664-12667 (the heading line ends with the name, in mixed case); CU Bordeaux l.5764-5768 (`araimat@`)
    found = head_contacts([
        "Service des relations internationales : ",
        "Responsable des Affaires Culturelles et des Relations Internationales Joëlle Vallet ",
        "Tél :  04 72 36 13 21                             Fax : 04-72-36-14-00 ",
        "@ : joelle.vallet@ville-bron.fr ", " ",
        "Service des relations internationales :Direction ",
        "des coopérations Territoriales et de l’attractivité ", "internationale Anne raimat ",
        "Tél :                              Fax : ", "@ : araimat@cu-bordeaux.fr  "],
        Party(name="Bron"), None, "Mali")
    assert [(c.name, c.role) for c in found] == [
        ("Joëlle Vallet", "Responsable des Affaires Culturelles et des Relations Internationales"),
        ("Anne raimat", ("Service des relations internationales – Direction des coopérations Territoriales et de "
                         "l’attractivité internationale"))]
    # an e-mail that spells no words of the role names no one (Rennes: `DRI@ville-rennes.fr`)
    (office,) = head_contacts(["Service des relations internationales : ", "Tél : 0223621010 ",
                               "@ : DRI@ville-rennes.fr "], Party(name="Rennes"), None, "Mali")
    assert office.name is None


def test_a_number_without_a_label_is_a_phone_and_a_wrapped_fax_the_fax():
    # Hautes-Pyrénées–Niafunké l.3713-3716: a second number, after its place; Saumur l.11574-11575 and
    # La Verrière l.7601-7602: the fax's number on the line under « Fax : »; Thionville–Kéniéba l.12143-12147
    (beyrie,) = ContactBlock("Élu en charge du partenariat").read(
        ["Maryse BEYRIE, vice-présidente du Conseil Général ", "Tél :05.62.56.78.90   ",
         " Mairie de Vielle-Aure : 05.62.39.58.93 ", "@ :  "], "  ")
    assert (beyrie.phone, beyrie.fax) == ("05.62.56.78.90; 05.62.39.58.93", None)
    (apchin,) = ContactBlock("Coordonnées de l’exécutif (maire, président)").read(
        ["Nom : Michel APCHIN ", "Fonction : Maire ", "Tél : +33/(0)2.41.83.30.00 Fax : ", "+33/(0)2.41.83.31.98 ",
         "@ : relations.internationales@ville-saumur.fr "])
    assert (apchin.phone, apchin.fax) == ("+33/(0)2.41.83.30.00", "+33/(0)2.41.83.31.98")
    (camara,) = ContactBlock("Coordonnées de l’exécutif (maire, président)").read(
        ["Nom :Bréhima CAMARA  ", "Fonction :Maire de Siby ", "Adresse : BP : 998 ",
         "Tél : 00 223 / 222 64 78               Fax : ", "    :                 673 41 35 ",
         "              :       643 96 71 "])
    assert (camara.phone, camara.fax, camara.address) == ("00 223 / 222 64 78; 673 41 35; 643 96 71", None, "BP : 998")


def test_read_line_reads_a_number_ending_the_line_as_a_phone_but_no_year_nor_amount():
    # review 1 of round 46, #10: `NAME – 01 30 …` gave the role « – 01 30 … »
    c = read_line("Guy MARBOEUF – 01 30 24 64 37")
    assert (c.name, c.role, c.phone) == ("Guy MARBOEUF", None, "01 30 24 64 37")
    for text in ("Adjoint au maire 2001-2008", "Budget annuel 3 000 000", "BP 3126 35 031",
                 "Conseiller municipal depuis 1995 - 2008", "Subvention : 1 500 000"):
        assert read_line(text).phone is None, text


@pytest.mark.parametrize("line", ["Date de mise à jour : 10/10/2008", "Protocole signé le 31/01/1993",
                                  "Cartographie 2006-2007 12 747", "Population : 1200000"])
def test_a_date_a_period_before_an_amount_or_a_count_is_no_phone(line):
    """bare_phone read these as phones (review 2 of round 47; none stands in a contact block today)."""
    assert bare_phone(line) is None
