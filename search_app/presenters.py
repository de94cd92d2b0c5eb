"""Records as shown to users: the same dict for the page and the API, with
contacts' phones and e-mails removed when the HIDE_CONTACTS setting asks."""
from __future__ import annotations

import copy

from indexer.text import redact_contacts

PRIVATE_CONTACT_FIELDS = ("phone", "fax", "email", "address")
REDACTED = "[masqué]"


def redact(text: str) -> str:
    return redact_contacts(text, REDACTED)


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
