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


@pytest.mark.parametrize("text", ["en 1991 1992 1993 1994", "budget : 1 250 000 000 FCFA", "10 000 habitants"])
def test_masking_keeps_years_and_amounts(text):
    from indexer.text import redact_contacts

    assert redact_contacts(text, "[masqué]") == text


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
