"""A partnership's contacts as its page shows them. The sheets give a block per collectivity, and
the records keep its `side`; the page listed every person in one list, so two « Maire » read alike
and nobody could tell the French mayor from the Malian one. Here they are grouped by side, each
with every detail the record has (fax, address and website too: an organisation's line whose only
detail was its address looked empty)."""
from __future__ import annotations

import re

from indexer.facet_registry import is_french

# the partner's side by its country, as French says it (« Côté malien »); a country not listed here
# is named after a generic heading
SIDE_ADJECTIVES = {"Mali": "malien", "Maroc": "marocain", "Algérie": "algérien"}
SIDES = ("french", "partner", None)  # the order of the groups: the French side first, as the sheets do
# a web address as the sheets write it (`www.ville-bamako.org`, `http://www.cg65.fr`, `cg68.fr`):
# anything else (« (voir site association », « non ») stays text, never a link
_WEBSITE = re.compile(r"(?:https?://)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}\.?(?::\d+)?(?:/[^\s\"'<>]*)?",
                      re.IGNORECASE)
_NO_SITE = re.compile(r"(?:non|n[ée]ant|aucun|pas de site)\.?", re.IGNORECASE)
DETAILS = (("phone", "Tél."), ("fax", "Fax"), ("email", "Courriel"), ("address", "Adresse"), ("website", "Site"))


def says_no_site(text: str | None) -> bool:
    """Whether a website field says there is none (« non », « néant »): no detail to show."""
    return bool(_NO_SITE.fullmatch((text or "").strip()))


def website_href(text: str | None) -> str | None:
    """The link a website field makes: an http(s) URL, the scheme added when the sheet wrote none;
    None when the text is no web address (so no `javascript:` or stray words become a link)."""
    t = (text or "").strip()
    if not _WEBSITE.fullmatch(t):
        return None
    return t if t.lower().startswith(("http://", "https://")) else "http://" + t


def side_heading(side: str | None, rec: dict) -> str:
    """The heading of a side's contacts: « Côté français », « Côté malien »…; the partner's country
    is its party's, else the record's one country; a generic heading when it is unknown."""
    if side == "french":
        own = rec.get("french_party") or {}
        return "Côté français" if is_french(own) else f"Côté {own.get('name') or 'première partie'}"
    if side == "partner":
        countries = rec.get("countries") or []
        country = (rec.get("partner_party") or {}).get("country") or (countries[0] if len(countries) == 1 else None)
        if country in SIDE_ADJECTIVES:
            return f"Côté {SIDE_ADJECTIVES[country]}"
        return f"Côté partenaire ({country})" if country else "Côté partenaire"
    return "Côté non précisé dans le document"


def contact_details(contact: dict) -> list[dict]:
    """A contact's details in the order a card gives them, each `label`, `text` and `href` (a
    website's link, else None); empty fields left out."""
    out = []
    for key, label in DETAILS:
        text = (contact.get(key) or "").strip()
        if key == "website" and says_no_site(text):
            continue  # « Site : non » says there is none
        if text and re.search(r"\w", text):  # « - » says nothing
            out.append({"label": label, "text": text, "href": website_href(text) if key == "website" else None})
    return out


def contact_groups(rec: dict) -> list[dict]:
    """The record's contacts by side (French, partner, not stated), each group `side`, `heading`
    and `contacts` (each contact with its `details`), in the record's order within a group; a side
    without contacts has no group."""
    groups = []
    for side in SIDES:
        mine = [dict(c, details=contact_details(c)) for c in rec.get("contacts") or []
                if (c.get("side") if c.get("side") in ("french", "partner") else None) == side]
        if mine:
            groups.append({"side": side or "unknown", "heading": side_heading(side, rec), "contacts": mine})
    return groups
