"""Contacts on a partnership's page (QA r41, defect 2): grouped under the side they speak for, with
every detail the record has (fax, address, website), the website a link only when it is a web
address. The page listed « Maire », « Maire » with nothing to say which one was French, and an
organisation whose only detail was its address made an empty-looking line."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from search_app.contacts import contact_groups, says_no_site, side_heading, website_href
from search_app.typography import NNBSP, french_spacing as fr

AIX = "aix-en-provence--bamako-commune-v"
ROCHELLE = "rochelle--essaouira"


class ContactSides(HTMLParser):
    """The contacts section of a page: its headings in order (tag, text), and per side block its
    `side`, heading and lines (each the text and the links' hrefs)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str]] = []
        self.sides: list[dict] = []
        self._in_section = self._heading = False
        self._line: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and a.get("class") == "contacts-section":
            self._in_section = True
        if not self._in_section:
            return
        if tag in ("h2", "h3"):
            self._heading = True
            self.headings.append((tag, ""))
        elif tag == "div" and a.get("class") == "contact-side":
            self.sides.append({"side": a.get("data-side"), "heading": "", "lines": []})
        elif tag == "li":
            self._line = {"text": "", "hrefs": []}
            self.sides[-1]["lines"].append(self._line)
        elif tag == "a" and self._line is not None:
            self._line["hrefs"].append(a.get("href"))
        elif tag == "br" and self._line is not None:
            self._line["text"] += "\n"

    def handle_endtag(self, tag):
        if tag in ("h2", "h3"):
            self._heading = False
        elif tag == "li" and self._line is not None:
            self._line["text"] = re.sub(r" *\n *", "\n", self._line["text"]).strip()
            self._line = None
        elif tag == "section":  # the contacts section holds no other section
            self._in_section = False

    def handle_data(self, data):
        if not self._in_section:
            return
        if self._heading:
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)
            if tag == "h3":
                self.sides[-1]["heading"] += data
        elif self._line is not None:  # the template's own line breaks are no text; a <br> is a line
            self._line["text"] += re.sub(r"[ \t\r\n]+", " ", data)


def sides_of(client, pid: str, **args) -> ContactSides:
    page = ContactSides()
    page.feed(client.get(f"/partenariats/{pid}", query_string=args).get_data(as_text=True))
    return page


def line_of(page: ContactSides, name: str, first: bool = False) -> tuple[str, dict]:
    """(the heading of its side, the line) of the contact line holding `name` (its first line being
    `name`, with `first`)."""
    return next((s["heading"], line) for s in page.sides for line in s["lines"]
                if (line["text"].split("\n")[0] == name if first else name in line["text"]))


def test_each_contact_says_its_side(client):
    """Aix – Bamako: two « Maire », two « Élu en charge du partenariat »; now each under its side."""
    page = sides_of(client, AIX)
    assert [s["heading"] for s in page.sides] == ["Côté français", "Côté malien"]
    assert line_of(page, "Maryse JOISSAINS-MASINI")[0] == "Côté français"
    assert line_of(page, "Christian LOUIT")[0] == "Côté français"
    assert line_of(page, "Demba FANE")[0] == "Côté malien"
    assert line_of(page, "Oumar SIBY")[0] == "Côté malien"
    # the headings nest: the section's h2, then one h3 per side, nothing skipped
    assert page.headings[0] == ("h2", "Contacts") and [t for t, _ in page.headings[1:]] == ["h3", "h3"]


def test_fax_address_and_website_are_shown(client):
    page = sides_of(client, AIX)
    _, mayor = line_of(page, "Demba FANE")
    assert f"Fax{NNBSP}: 00 223 228 22 35" in mayor["text"]
    _, maire = line_of(page, "Maryse JOISSAINS-MASINI")
    assert f"Adresse{NNBSP}: Place de l’Hôtel de Ville, 13616" in maire["text"]
    assert f"Site{NNBSP}: www.mairie-aixenprovence.fr" in maire["text"]
    assert maire["hrefs"] == ["http://www.mairie-aixenprovence.fr"]


def test_an_organisation_line_shows_its_address(client):
    """La Rochelle's block was an organisation with an address and a website: the line read
    « Ville de La Rochelle » and nothing else."""
    page = sides_of(client, ROCHELLE)
    assert [s["heading"] for s in page.sides] == ["Côté français", "Côté marocain"]
    heading, line = line_of(page, "Ville de La Rochelle", first=True)
    assert heading == "Côté français"
    assert f"Adresse{NNBSP}: Hôtel de Ville, 17086 La Rochelle Cedex 2" in line["text"]
    assert line["hrefs"] == ["http://www.ville-larochelle.fr"]
    heading, essaouira = line_of(page, "Commune urbaine d'Essaouira", first=True)
    assert heading == "Côté marocain"
    assert f"Fax{NNBSP}: + 212 24 47 63 43" in essaouira["text"]


def test_an_algerian_partner_side(client):
    page = sides_of(client, "blanquefort--timimoun")
    assert line_of(page, "Mohamel DIFALLAH")[0] == "Côté algérien"
    assert line_of(page, "Vincent FELTESSE")[0] == "Côté français"


def test_every_page_groups_its_contacts_as_the_record_says(client, engine):
    """The page and its JSON twin (/api/partnerships/<id>) agree, on every record with contacts:
    as many lines per side as the record has contacts of that side, and each fax, address and
    website of the record on the page."""
    checked = 0
    for pid in engine.state().partnerships:
        rec = client.get(f"/api/partnerships/{pid}").get_json()
        if not rec["contacts"]:
            continue
        page = sides_of(client, pid)
        wanted: dict[str, int] = {}
        for c in rec["contacts"]:
            side = c["side"] if c["side"] in ("french", "partner") else "unknown"
            wanted[side] = wanted.get(side, 0) + 1
        assert {s["side"]: len(s["lines"]) for s in page.sides} == wanted, pid
        text = "\n".join(li["text"] for s in page.sides for li in s["lines"])
        for c in rec["contacts"]:
            for field in ("fax", "address", "website"):
                if field == "website" and says_no_site(c[field]):
                    assert f"Site{NNBSP}: {c[field].strip()}" not in text and f"Site : {c[field].strip()}" not in text
                elif c[field] and any(ch.isalnum() for ch in c[field]):
                    assert fr(c[field].strip()) in text, (pid, field, c[field])
            assert any(li["text"].strip() for s in page.sides for li in s["lines"])
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("text, href", [
    ("www.ville-bamako.org", "http://www.ville-bamako.org"),
    ("http://www.cg65.fr", "http://www.cg65.fr"),
    ("cg68.fr", "http://cg68.fr"),
    ("http://www.cc-saintemauredetouraine.fr/", "http://www.cc-saintemauredetouraine.fr/"),
    ("(voir site association", None), ("non", None), ("-", None),
    ("javascript:alert(1)", None), ('www.x.fr/"><script>alert(1)</script>', None),
    ("data:text/html,<b>x</b>", None), ("ftp://www.x.fr", None),
])
def test_only_a_web_address_becomes_a_link(text, href):
    assert website_href(text) == href


def test_a_website_is_escaped_on_the_page(client, monkeypatch):
    """A website that is no web address is shown as text, escaped; a web address is a link whose
    href the template escapes."""
    from search_app import pages, views

    real = views.partnership_view

    def with_odd_websites(pid):
        rec = real(pid)
        rec["contacts"] = [dict(rec["contacts"][0], website='www.x.fr/"><script>alert(1)</script>'),
                           dict(rec["contacts"][1], website="javascript:alert(1)")]
        return rec

    monkeypatch.setattr(pages.views, "partnership_view", with_odd_websites)
    html = client.get(f"/partenariats/{AIX}").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html and f"Site{NNBSP}: javascript:alert(1)" in html


def test_hidden_contacts_hide_fax_and_address(index_dir):
    from search_app import create_app

    client = create_app({"INDEX_DIR": str(index_dir), "HIDE_CONTACTS": True}).test_client()
    page = sides_of(client, AIX)
    text = "\n".join(li["text"] for s in page.sides for li in s["lines"])
    assert "Fax" not in text and "Adresse" not in text and "00 223 228 22 35" not in text
    assert [s["heading"] for s in page.sides] == ["Côté français", "Côté malien"]  # the sides stay


@pytest.mark.parametrize("rec, side, heading", [
    ({"partner_party": {"country": "Maroc"}}, "partner", "Côté marocain"),
    ({"partner_party": None, "countries": ["Mali"]}, "partner", "Côté malien"),  # no party: the record's country
    ({"partner_party": {"country": None}, "countries": []}, "partner", "Côté partenaire"),
    ({"partner_party": {"country": "Tunisie"}}, "partner", "Côté partenaire (Tunisie)"),
    ({"french_party": {"name": "Marseille", "country": "France"}}, "french", "Côté français"),
    ({"french_party": {"name": "AIMF", "country": None}}, "french", "Côté AIMF"),  # a first party not in France
    ({}, None, "Côté non précisé dans le document"),
])
def test_side_headings(rec, side, heading):
    assert side_heading(side, rec) == heading


def test_groups_keep_the_record_order_and_leave_empty_sides_out():
    rec = {"partner_party": {"country": "Mali"}, "contacts": [
        {"name": "A", "side": "partner"}, {"name": "B", "side": "french"}, {"name": "C", "side": "partner"},
        {"name": "D", "side": None, "address": "1 rue X", "website": "-"}]}
    groups = contact_groups(rec)
    assert [(g["side"], [c["name"] for c in g["contacts"]]) for g in groups] == [
        ("french", ["B"]), ("partner", ["A", "C"]), ("unknown", ["D"])]
    assert groups[2]["contacts"][0]["details"] == [{"label": "Adresse", "text": "1 rue X", "href": None}]
    assert contact_groups({"contacts": []}) == []


def test_a_website_field_saying_there_is_none_is_no_detail(client):
    """« Site : non » was shown as a contact's website (La Fouillouse–Sio; the round's review)."""
    assert says_no_site("non") and says_no_site("Néant") and not says_no_site("www.cg65.fr")
    page = client.get("/partenariats/la-fouillouse--sio").get_data(as_text=True)
    assert "Kamian" in page and f"Site{NNBSP}: non" not in page
