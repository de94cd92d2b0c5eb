"""Records as shown to users: the same dict for the page, the API and the
exports, with contacts' phones and e-mails removed when HIDE_CONTACTS asks."""
from __future__ import annotations

import re
from typing import Any

from engine import copy_record
from indexer.text import redact_contacts

PRIVATE_CONTACT_FIELDS = ("phone", "fax", "email", "address")
REDACTED = "[masqué]"
# Identifiers and URLs are never free text: masking digits in them would break links.
_KEPT_KEYS = frozenset({"id", "partnership_id", "url", "document", "type", "detail"})


# A number after a phone's label, shorter than the index's rule asks (8 digits): the Mali sheets
# of 2008 still write 7-digit numbers (« Tél :  2420762 », « Tél : 67 81 427 »); their label says
# what they are, where a bare 7-digit run may be an amount.
_LABELLED_NUMBER = re.compile(
    r"(?i)(\b(?:t[ée]l(?:[ée]phone)?|fax|portable|port|cel+|gsm|mobile)\b\.?\s*(?:\(\w+\)\s*)?[:/]?\s*)"
    r"(\+?\(?\d[\d .\-/()]{3,}\d)")


def redact(text: str) -> str:
    return _LABELLED_NUMBER.sub(_masked_if_long, redact_contacts(text, REDACTED))


def _masked_if_long(m: re.Match) -> str:
    return m.group(1) + REDACTED if sum(ch.isdigit() for ch in m.group(2)) >= 5 else m.group(0)


def _redacted(value: Any, key: str | None = None) -> Any:
    """Every string at any depth (parties, budgets, contacts, notes, extra
    fields, nested actions) with numbers and addresses masked."""
    if isinstance(value, str):
        return value if key in _KEPT_KEYS else redact(value)
    if isinstance(value, dict):
        return {k: _redacted(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_redacted(v, key) for v in value]
    return value


def public_record(rec: dict, hide_contacts: bool) -> dict:
    """A copy of a partnership or action fit to show. With `hide_contacts`,
    the contacts' private fields are emptied and the numbers and addresses
    still written anywhere in the record (the original sheet quotes them) are
    masked."""
    if not hide_contacts:
        return copy_record(rec)
    data = _redacted(rec)
    for c in data.get("contacts") or []:
        for f in PRIVATE_CONTACT_FIELDS:
            if f in c:
                c[f] = None
    return data


