"""An agreement's « Date de signature » reads as a French date on its page (QA r48, QA17, defect 2):
the MICL parser keeps it as ISO (`1999-07-20`, what the JSON gives), and the page showed that.
« 20 juillet 1999 », as « Mise à jour de la fiche » reads."""
from __future__ import annotations

import re
from html import unescape

from indexer.text import french_date

PID = "yemen--ministere-de-l-interieur-et-des-collectivites-locales"


def _section(html: str, heading: str) -> str:
    m = re.search(rf"<h2>{heading}</h2><p>(.*?)</p>", html, re.DOTALL)
    assert m, heading
    return unescape(m[1])


def test_the_signature_date_is_written_in_french(client):
    iso = client.get(f"/api/partnerships/{PID}").get_json()["extra"]["Date de signature"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso)  # the API keeps the machine value
    shown = _section(client.get(f"/partenariats/{PID}").get_data(as_text=True), "Date de signature")
    assert shown == french_date(iso) and iso not in shown
    assert re.fullmatch(r"(1er|\d{1,2}) [a-zéû]+ \d{4}", shown)


def test_the_searched_year_is_still_marked_in_it(client):
    iso = client.get(f"/api/partnerships/{PID}").get_json()["extra"]["Date de signature"]
    year = iso[:4]
    shown = _section(client.get(f"/partenariats/{PID}?q={year}").get_data(as_text=True), "Date de signature")
    assert f"<mark>{year}</mark>" in shown and iso not in re.sub(r"</?mark>", "", shown)


def test_other_texts_are_left_as_they_are(client):
    extra = client.get(f"/api/partnerships/{PID}").get_json()["extra"]
    html = client.get(f"/partenariats/{PID}").get_data(as_text=True)
    assert _section(html, "Journal officiel") == extra["Journal officiel"]
