"""Records as shown to users: the same dict for the page and the API, with
contacts' phones and e-mails removed when the HIDE_CONTACTS setting asks."""
from __future__ import annotations

import copy

PRIVATE_CONTACT_FIELDS = ("phone", "fax", "email", "address")


def public_record(rec: dict, hide_contacts: bool) -> dict:
    data = copy.deepcopy(rec)
    if hide_contacts:
        for c in data.get("contacts", []):
            for f in PRIVATE_CONTACT_FIELDS:
                c[f] = None
    return data
