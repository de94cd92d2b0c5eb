"""With HIDE_CONTACTS, no e-mail address and no phone number is shown anywhere:
every partnership page, every record of the API, and the exports.

What counts as a phone number is found here independently of the masking code
(`indexer.text.redact_contacts`): the numbers the parsers put in contacts'
phone and fax fields, and French and international number layouts.
"""
from __future__ import annotations

import re

import pytest

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_LAYOUTS = [
    re.compile(r"(?<!\d)0[1-9](?:[ .\-]?\d{2}){4}(?!\d)"),  # 01 69 91 58 58, 0169915858
    re.compile(r"(?:\+|\(?00)\s?\(?\d{3}\)?(?:[ .\-]?\d{2}){4}(?!\d)"),  # (00 223) 20 22 33 44, +212 5 …
]


def _digits_pattern(number: str) -> re.Pattern | None:
    digits = re.sub(r"\D", "", number)
    if len(digits) < 8:
        return None
    return re.compile(r"[\s.\-/()]*".join(digits))


@pytest.fixture(scope="module")
def contact_patterns(engine) -> list[re.Pattern]:
    """Every phone and fax number the parsers found, as a pattern that matches
    it whatever separators a page puts between its digits."""
    out = {}
    for p in engine.state().partnerships.values():
        for c in p.get("contacts", []):
            for f in ("phone", "fax"):
                if c.get(f):
                    for part in re.split(r"[/;,]| et ", c[f]):
                        pat = _digits_pattern(part)
                        if pat is not None:
                            out[pat.pattern] = pat
    assert len(out) > 50  # the corpus has many: a test that finds none checks nothing
    return list(out.values())


# The served index's version (`"index_version": "gen-20261205T200344.034035-2412"`, in the API's
# search and map answers) is an identifier made of a time to the microsecond and 4 hex digits: in
# about 2% of builds its digits are shaped like a phone number (`034035-2412`), which made this test
# fail now and then. It is no contact detail, so the detector leaves it out.
INDEX_VERSION = re.compile(r'"index_version":\s*"[^"]*"')


def leaks(text: str, contact_patterns) -> list[str]:
    text = INDEX_VERSION.sub('"index_version": ""', text)
    found = EMAIL.findall(text)
    for pat in PHONE_LAYOUTS + contact_patterns:
        found += [m.group() for m in pat.finditer(text)]
    return found


@pytest.fixture(scope="module")
def hidden_client(index_dir):
    from search_app import create_app

    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True, "HIDE_CONTACTS": True}).test_client()


def test_the_detector_finds_what_is_shown_without_the_setting(client, engine, contact_patterns):
    """Without HIDE_CONTACTS the same pages do show numbers and addresses,
    so the walk below can fail."""
    shown = 0
    for pid in ("cleon--souk-el-khemis", "saint-denis--tiznit", "ca-evry-centre-essonne--kayes"):
        shown += len(leaks(client.get(f"/partenariats/{pid}").get_data(as_text=True), contact_patterns))
    assert shown >= 3
    assert leaks(client.get("/api/search.jsonl?all=1").get_data(as_text=True), contact_patterns)


def test_no_contact_detail_on_any_page_record_or_export(hidden_client, engine, contact_patterns):
    st = engine.state()
    found = {}
    for pid in st.partnerships:
        for url in (f"/partenariats/{pid}", f"/api/partnerships/{pid}"):
            resp = hidden_client.get(url)
            assert resp.status_code == 200, url
            if hits := leaks(resp.get_data(as_text=True), contact_patterns):
                found[url] = hits
    for aid in st.actions:
        url = f"/api/actions/{aid}"
        if hits := leaks(hidden_client.get(url).get_data(as_text=True), contact_patterns):
            found[url] = hits
    for url in EXPORTS:
        resp = hidden_client.get(url)
        assert resp.status_code == 200, url
        if hits := leaks(resp.get_data(as_text=True), contact_patterns):
            found[url] = hits
    assert found == {}


EXPORTS = [
    "/api/search.csv?all=1", "/api/search.csv?all=1&rows=action",
    "/api/search.jsonl?all=1", "/api/search.jsonl?all=1&rows=action",
    "/api/search.jsonl?all=1&type=action", "/api/search?per_page=100", "/api/map",
    "/?per_page=100", "/?per_page=100&type=action", "/carte",
]


@pytest.mark.parametrize("text", [
    "Tél : 00.223.232.08.71/13.62", "Tél : +223 222 06 68/674 81 61", "Tél : 00 223 222 29 46/55 40",
    "Tél : + 33 (0)4 91 57 54 78/54 68", "Tél. 01 69 91 58 58", "écrire à a.b@mairie-x.fr",
])
def test_masking_covers_numbers_that_share_a_prefix(text, contact_patterns):
    from indexer.text import redact_contacts

    assert leaks(text, contact_patterns) and not leaks(redact_contacts(text, "[masqué]"), contact_patterns)


@pytest.mark.parametrize("text, masked", [
    ("Tél : 20 22 33 44", "Tél : [masqué]"),
    # what opens with a year is still a phone number when its tail is one (a Malian number `2022 33 44`)
    ("Tél : 2022 33 44", "Tél : [masqué]"), ("Tél : 2022 3344", "Tél : [masqué]"),
    ("Tél : 2006-2007 20 22 33 44", "Tél : 2006-2007 [masqué]"),
    # a currency keeps an amount, not a phone number before a label, nor one written as a date is not
    ("Tél 20 22 33 44 F 20 22 33 45", "Tél [masqué] F [masqué]"), ("2022 33 44 Dakar", "[masqué] Dakar"),
    ("Tél : 00 33 1 44 88 22 88, Fax : +212 5 37 70 00 00", "Tél : [masqué], Fax : [masqué]"),
])
def test_masking_reads_a_year_apart_from_a_phone_number(text, masked):
    """Malian eight-digit numbers, which the detector above has no layout for."""
    from indexer.text import redact_contacts

    assert redact_contacts(text, "[masqué]") == masked


@pytest.mark.parametrize("text, removed, masked", [
    ("coopératives, ASAYS (asays@asyas.com), Migrations", "coopératives, ASAYS, Migrations",
     "coopératives, ASAYS ([masqué]), Migrations"),
    ("écrire à a.b@mairie-x.fr ou au service", "écrire à  ou au service", "écrire à [masqué] ou au service"),
    ("Contact (a@b.fr ; c@d.fr) :", "Contact :", "Contact ([masqué] ; [masqué]) :"),
])
def test_an_address_removed_from_its_brackets_takes_them_along(text, removed, masked):
    # the index and snippets read « ASAYS (), Migrations et Développement () »
    from indexer.text import redact_contacts

    assert redact_contacts(text) == removed
    assert redact_contacts(text, "[masqué]") == masked


@pytest.mark.parametrize("text", [
    "en 1991 1992 1993 1994", "budget : 1 250 000 000 FCFA", "10 000 habitants",
    # a date, a year or a span opening a run of digits (a table's date cell, then its budget cell):
    # read as phone numbers, these lost their years and amounts to the index and to masked pages
    "1. 2004/2005 (inauguration)", "Centre de santé de Togüel 2003 33 000 €", "2002-2005 51 000 €",
    "Date de mise à jour : 01/05/2007", "Du 10 au 31 01 2005", "2004 -2007 90 000 €",
    "Délibération 2008-05-0002", "Développement de l’action micro-crédit 2000 à 2006 1 723 (2003 à 2006)",
    # QA r44, audit 9, defects 3 and 4: a partnership's `updated`, an agreement's « Date de signature »,
    # a budget's year and amount (allonnes--sangha, chaumont--san), a population (chilly-mazarin--diema)
    "2007-05-01", "1999-11-22", "Juillet 2005 1500 Euros", "2005 3000  Euros", "1998 2500€/an",
    "21 000 (8 000 pour Diéma ville)", "2004 35000 FCFA", "2003 150000 Dhs",
])
def test_masking_keeps_years_and_amounts(text):
    from indexer.text import redact_contacts

    assert redact_contacts(text, "[masqué]") == text


def test_dates_budgets_and_populations_are_shown_with_contacts_hidden(hidden_client):
    """QA r44, audit 9, defects 3 and 4: every `updated` date and the MICL agreements' « Date de
    signature » read « [masqué] », as did « Juillet [masqué] Euros » and a partner's population."""
    assert hidden_client.get("/api/partnerships/aimf--bamako-district").get_json()["updated"] == "2007-05-01"
    micl = hidden_client.get("/api/partnerships/italie--ministere-de-l-interieur-et-des-collectivites-locales")
    assert micl.get_json()["extra"]["Date de signature"] == "1999-11-22"
    chilly = hidden_client.get("/api/partnerships/chilly-mazarin--diema").get_json()
    assert chilly["partner_party"]["population_text"].startswith("21 000 (8 000")
    assert "Juillet 2005 1500 Euros" in hidden_client.get("/partenariats/allonnes--sangha").get_data(as_text=True)


def test_a_year_in_a_table_date_cell_is_searchable(engine):
    """Gentilly–Kolobo's health centre is dated `1. 2004/2005 (inauguration)` (line 6532 of
    data/mali-repertoire-2008.txt). Read as a phone number, the cell was left out of the index:
    `Kolobo 2004` found the action by its place only."""
    from engine import SearchRequest

    r = engine.search(SearchRequest(q="Kolobo 2004", filters={"type": ["action"]}, per_page=1, explain=True))
    hit = r["results"][0]
    assert hit["id"] == "gentilly--kolobo--a01"
    assert hit["explain"]["own"]["words_matched"] == 2


def test_an_index_version_is_no_phone_number(contact_patterns):
    """The flaky failure: a build whose generation name reads `…T200344.034035-2412` showed
    `034035-2412` as a leaked phone number in every API answer. The version is left out, a phone
    number beside it is still found."""
    body = '{"index_version": "gen-20261205T200344.034035-2412", "took_ms": 3.2}'
    assert leaks(body, contact_patterns) == []
    assert leaks(body + " Tél. 01 69 91 58 58", contact_patterns)


def test_the_api_shows_the_index_version_the_detector_leaves_out(hidden_client, engine):
    """The answers scanned above do carry the version, so the rule above is needed."""
    assert engine.state().version in hidden_client.get("/api/search?per_page=1").get_data(as_text=True)


# the Mali sheets of 2008 still write 7-digit numbers after a phone's label, under the 8 digits
# the index's rule asks (`Tél :  2420762`, `Tél : 67 81 427`): found here in the source itself
SHORT_LABELLED = re.compile(r"(?i)\b(?:t[ée]l|fax)\b\.?\s*:\s*((?:\d[ .]?){6}\d)(?![\d ]*\d)")


def short_labelled_numbers() -> set[str]:
    from pathlib import Path

    source = (Path(__file__).resolve().parents[1] / "data" / "mali-repertoire-2008.txt").read_text(encoding="utf-8")
    numbers = {re.sub(r"\D", "", m.group(1)) for m in SHORT_LABELLED.finditer(source)}
    assert len(numbers) >= 4  # 2420762, 6245486, 6781427, 2650048 ...
    return numbers


@pytest.mark.parametrize("text, masked", [
    ("Tél :  2420762", "Tél :  [masqué]"), ("Tél : 67 81 427 Fax : 2650048", "Tél : [masqué] Fax : [masqué]"),
    ("Portable : 76 45 123", "Portable : [masqué]"),
    # a bare `port` or `cel` still labels a phone number (the second review), not an amount in thousands
    ("Port 7612345", "Port [masqué]"), ("Cel 612 34 56", "Cel [masqué]"),
    ("Tél : 2420762 Port 6612345", "Tél : [masqué] Port [masqué]"),
])
def test_a_labelled_number_is_masked_below_eight_digits(text, masked):
    from indexer.text import redact_contacts

    assert redact_contacts(text, "[masqué]") == masked


@pytest.mark.parametrize("text, masked", [
    ("TÉLÉPHONE : 2420762", "TÉLÉPHONE : [masqué]"), ("TEL. 2420762", "TEL. [masqué]"),
    ("FAX : 2650048", "FAX : [masqué]"), ("PORTABLE 76 45 123", "PORTABLE [masqué]"), ("PORT 7612345", "PORT [masqué]"),
    ("CELL 612 34 56", "CELL [masqué]"), ("GSM 7612345", "GSM [masqué]"), ("GſM 7612345", "GſM [masqué]"),
    ("MOBILE : 7612345", "MOBILE : [masqué]"),
])
def test_a_label_in_any_case_is_read_as_the_case_blind_pattern_reads_it(text, masked):
    """Each label in capitals, and `GſM`, which the case-blind pattern reads as `GSM`: redact_contacts
    looks for the labels in the text's casefold before trying the pattern (most texts have none)."""
    from indexer.text import redact_contacts

    assert redact_contacts(text, "[masqué]") == masked


@pytest.mark.parametrize("text, masked", [
    ("Tél : + 33 (0)2 32 96 02 02 (poste 236)", "Tél : + [masqué]"),
    ("Tél : 01 23 45 67 89 (Poste 12).", "Tél : [masqué]."),
    ("un poste de santé (2005)", "un poste de santé (2005)"),
])
def test_a_phones_extension_is_masked_with_it(text, masked):
    """An extension in brackets is the number's (Caudebec-lès-Elbeuf's contact, Maroc l.996): its « poste » is no
    word of the sheet; a post named otherwise stays."""
    from indexer.text import redact_contacts

    assert redact_contacts(text, "[masqué]") == masked


def test_a_phones_extension_lists_no_sheet_for_a_health_post(engine):
    """`poste de santé` listed Caudebec-lès-Elbeuf-Souk El Khémis first: its Santé domain, and the « poste » of its
    contact's extension « (poste 236) »."""
    from engine import SearchRequest

    ids = [r["id"] for r in engine.search(SearchRequest(q="poste de santé", per_page=20))["results"]]
    assert ids and "caudebec-les-elbeuf--souk-el-khemis" not in ids


@pytest.mark.parametrize("text", ["budget 2420762 FCFA", "Tél : 2005", "Fax : 1234", "port 10 000 tonnes"])
def test_an_unlabelled_or_short_number_is_kept(text):
    from indexer.text import redact_contacts

    assert redact_contacts(text, "[masqué]") == text


def test_the_index_does_not_find_a_short_labelled_number(engine):
    """The index's sheet text is cleaned by the same rule: a search for one of these numbers
    found its sheet (« 2420762 »: 1 result) before the rule moved from the pages to the index."""
    from engine import SearchRequest

    total = lambda q: engine.search(SearchRequest(q=q, per_page=1))["total"]
    assert {n for n in short_labelled_numbers() if total(n)} == set()
    assert total("33000")  # an amount of the Mali tables is found: the check can fail


def test_no_short_labelled_number_on_any_page_with_the_setting(hidden_client, client, engine):
    numbers = short_labelled_numbers()
    shown = lambda html: {n for n in numbers if re.search(r"[\s.]?".join(n), html)}
    pages = [f"/partenariats/{pid}" for pid in engine.state().partnerships] + ["/api/search.jsonl?all=1"]
    without = set().union(*(shown(client.get(u).get_data(as_text=True)) for u in pages))
    assert without  # without the setting, the pages do show some: the check can fail
    assert set().union(*(shown(hidden_client.get(u).get_data(as_text=True)) for u in pages)) == set()


@pytest.mark.parametrize("replacement", ["", "[masqué]"])
def test_a_number_of_eight_characters_is_judged_and_a_shorter_one_kept(replacement):
    """A run of digits shorter than 8 characters is kept without being judged (indexer.text._mask_phone:
    fewer than the 8 digits a phone number has); one of exactly 8 is still judged, and masked."""
    from indexer.text import redact_contacts

    text = "Appelez le 01234567, le 1234567 ou le +223 12, budget 12345678 € (2005-2006)."
    assert redact_contacts(text, replacement) == \
        f"Appelez le {replacement}, le 1234567 ou le +223 12, budget 12345678 € (2005-2006)."
