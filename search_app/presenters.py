"""Records as shown to users: the same dict for the page and the API, with
contacts' phones and e-mails removed when the HIDE_CONTACTS setting asks."""
from __future__ import annotations

import copy
import re

PRIVATE_CONTACT_FIELDS = ("phone", "fax", "email", "address")
REDACTED = "[masqué]"
# E-mail addresses, and phone numbers: 8 to 15 digits, maybe in groups
# (0169915858, 01 69 91 58 58, +33.1.69.91.58.58, (00 223) 20 22 33 44); lists
# of years ("1991 1992 1993") and amounts with thousands groups ("1 250 000")
# are left alone.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBERS = re.compile(r"(?:\+|\(?00)?\(?\d{1,4}\)?(?:[ .\-/]{1,2}\(?\d{1,4}\)?|\d)+")


def _mask_phone(m: re.Match) -> str:
    text = m.group()
    groups = re.findall(r"\d+", text)
    digits = sum(len(g) for g in groups)
    if not 8 <= digits <= 15:
        return text
    if all(len(g) == 4 and 1900 <= int(g) <= 2099 for g in groups):
        return text
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        return text
    return REDACTED


def redact(text: str) -> str:
    return _NUMBERS.sub(_mask_phone, _EMAIL.sub(REDACTED, text))


def public_record(rec: dict, hide_contacts: bool) -> dict:
    """With `hide_contacts`, the contacts' private fields are emptied and the
    numbers and addresses still written in the texts (the original sheet
    quotes them) are masked."""
    data = copy.deepcopy(rec)
    if hide_contacts:
        for c in data.get("contacts", []):
            for f in PRIVATE_CONTACT_FIELDS:
                c[f] = None
        for key, value in data.items():
            if isinstance(value, str) and key not in ("id", "partnership_id", "title"):
                data[key] = redact(value)
    return data
