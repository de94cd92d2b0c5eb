"""Contacts of the Morocco sheets: persons (`M. …`, `Mme …`) with their roles and numbers, the
collectivities' own addresses, and each one's side."""
from __future__ import annotations
import re
from indexer.records import Contact, Party
from indexer.text import fold
from .maroc_sheet import core_name
from .contacts import person_name


_PHONE_RE = re.compile(r"^(Tél|Tel|Port)\s*\.?\s*(/\s*Fax)?\s*:?\s*(.+)$", re.I)


_FAX_RE = re.compile(r"^Fax\s*:?\s*(.+)$", re.I)


_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


_WEB_RE = re.compile(r"^<?(https?://|www\.)\S+>?$")


_ORG_RE = re.compile(
    r"^(Ville|Commune|Conseil|Mairie|Municipalité|Hôtel de|Préfecture|Province|Wilaya|Communauté|"
    r"Nantes Métropole|Siège|Souk El Khémis$|Boulogne - Safi|Service des|Direction)", re.I)


def parse_contacts(lines: list[tuple[int, str]], french: Party, partners: list[Party]) -> list[Contact]:
    """Persons (`M. …`, `Mme …`) with their roles and numbers, and the
    collectivities' own addresses; the side comes from the phone prefix or
    the organisation's name."""
    contacts: list[Contact] = []
    cur: Contact | None = None
    prev = None
    after_agent = False
    for _, s in lines:
        if s == prev:
            continue  # the extraction doubled some lines
        prev = s
        if re.match(r"^(Agents?|Également) en charge", s, re.I) or s.startswith("Élu en charge"):
            after_agent = True
            continue
        person = re.match(r"^(M\.|Mme|Mlle)\s*([^,]+?)(?:,\s*(.+))?$", s)
        if person or (after_agent and re.match(r"^[A-Z][a-zé]+\s+[A-Z]{3,}", s)):
            name = (person.group(0).split(",")[0] if person else s).strip(" ,")
            role = person.group(3).strip(" ,") if person and person.group(3) else None
            cur = Contact(name=person_name(name) or name, role=role)
            contacts.append(cur)
            after_agent = False
            continue
        after_agent = False
        m = _PHONE_RE.match(s)
        if m and cur is not None:
            cur.phone = cur.phone or m.group(3).strip()
            if m.group(2):
                cur.fax = cur.fax or m.group(3).strip()
            continue
        m = _FAX_RE.match(s)
        if m and cur is not None:
            cur.fax = cur.fax or m.group(1).strip()
            continue
        if re.match(r"^\+\s*\d", s) and cur is not None:
            cur.phone = cur.phone or s
            continue
        em = _EMAIL_RE.search(s)
        if em and len(s) < 70 and cur is not None:
            cur.email = cur.email or em.group(0)
            continue
        if _WEB_RE.match(s) and cur is not None:
            cur.website = cur.website or s.strip("<>")
            continue
        if _ORG_RE.match(s) and (cur is None or cur.name is not None or cur.address):
            cur = Contact(organisation=s)
            contacts.append(cur)
            continue
        if cur is None:
            continue
        if cur.name is not None:
            cur.role = f"{cur.role} {s}" if cur.role else s
        else:
            cur.address = f"{cur.address}, {s}" if cur.address else s
    partner_keys = [core_name(p.name) for p in partners]
    for c in contacts:
        c.side = _side(c, french, partner_keys)
    # a person without numbers belongs to the side of the next block that has one
    for i, c in enumerate(contacts):
        if c.side is None:
            c.side = next((d.side for d in contacts[i + 1:] if d.side), None)
    # persons take the organisation of their side's address block
    orgs = {c.side: c.organisation for c in contacts if c.name is None and c.organisation and c.side}
    for c in contacts:
        if c.name is not None and c.organisation is None and c.side in orgs:
            c.organisation = orgs[c.side]
    return contacts


def _side(c: Contact, french: Party, partner_keys: list[str]) -> str | None:
    numbers = " ".join(x for x in (c.phone, c.fax) if x)
    if "212" in numbers.replace(" ", "")[:6] or "+ 212" in numbers or "+212" in numbers:
        return "partner"
    if re.search(r"\+\s*33|^0\d", numbers):
        return "french"
    if c.email and c.email.endswith((".ma", "menara.ma")):
        return "partner"
    text = fold(" ".join(x for x in (c.organisation, c.address, c.email) if x))
    if any(k and k in text for k in partner_keys) or "maroc" in text:
        return "partner"
    if core_name(french.name) in text or re.search(r"\b\d{2} ?\d{3}\b", c.address or ""):
        return "french"
    return None
