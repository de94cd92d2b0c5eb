"""Records as shown to users: the same dict for the page, the API and the
exports, with contacts' phones, faxes, e-mails and addresses removed when HIDE_CONTACTS asks."""
from __future__ import annotations

from typing import Any

from engine import copy_record
from indexer.text import redact_contacts

PRIVATE_CONTACT_FIELDS = ("phone", "fax", "email", "address")
REDACTED = "[masqué]"
# Identifiers and URLs are never free text: masking digits in them would break links.
_KEPT_KEYS = frozenset({"id", "partnership_id", "url", "document", "type", "detail"})


def redact(text: str) -> str:
    return redact_contacts(text, REDACTED)


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


