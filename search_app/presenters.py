"""Records as shown to users: the same dict for the page, the API and the
exports, with contacts' phones, faxes, e-mails and addresses removed when HIDE_CONTACTS asks."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from engine import copy_record
from indexer.text import redact_contacts

from .index import get_engine
from .postal import POSTAL_ADDRESS, STREET_WORDS
from .versions import of_version

PRIVATE_CONTACT_FIELDS = ("phone", "fax", "email", "address")
REDACTED = "[masqué]"
# Identifiers and URLs are never free text: masking digits in them would break links.
_KEPT_KEYS = frozenset({"id", "partnership_id", "url", "document", "type", "detail"})
# What makes a contact's postal address someone's: a number or a street (« 1000, rue d'Alco »,
# « BP 454 »). An address that is only a place (« Bafoulabé », « Hôtel de ville », « Mairie de
# Chilly-Mazarin ») is masked in its contact field only: masked in every text, it would blank the
# place in the record's title and prose.
# A street address begins with a street word (postal.STREET_WORDS: `rue`, `avenue` …) after its number
# (_STREET_WORD), and a contact's address naming one, or another mark of a dwelling (`quartier`, `BP`),
# is someone's (_STREET).
_STREET = re.compile(r"\d|\b(?:" + STREET_WORDS + r"|av|quartier|esplanade|b\s*p|lotissement|immeuble|cit[ée])\b",
                     re.IGNORECASE)
# between two words of an address, whatever a text puts there: a line's end for the field's
# comma, punctuation, spaces, and in a snippet's HTML the <mark> tags and the escaped apostrophe
_GAP = r"(?:[^\w<&]|<[^>]*>|&#?\w+;)+"
# a street address wherever the sheet writes it, if no contact field holds it (a partner's
# « Françoise Guinot 5, Rue Gallice 38 100 Grenoble »): a number, a street, to its postcode before
# a town's capital (postal.POSTAL_ADDRESS, tried first, takes the town too)
_SPACE = r"(?:\s|<[^>]*>)+"
_STREET_WORD = r"(?i:" + STREET_WORDS + r"|av\.)\b"
_STREET_ADDRESS = (r"\d{1,4}(?:\s?(?:bis|ter))?,?" + _SPACE + r"(?:<[^>]*>)*" + _STREET_WORD
                   + r"(?:[^;:&]|&#?\w+;){1,60}?\b\d{2}\s?\d{3}(?=" + _SPACE + r"[A-ZÉ])")
# a street address with no French postcode (Rabat's « App n°20, 2 bis, avenue Zerktouni – Kebibat –
# Rabat », « 6 bis, rue Patrice Lumumba Rabat »): a number marked as one (« , », « bis »), a street,
# to the end of the contact's clause (« ; », a line's end, « Tél », a snippet's « … »); « 3 rue
# pavées » in prose has no such mark and stays
_FLAT = r"(?:(?i:app(?:artement)?\.?)\s*n°\s*\d{1,4},?" + _SPACE + r")?"
_STREET_TO_CLAUSE_END = (_FLAT + r"\d{1,4}(?:\s?(?:bis|ter)\b,?|,)" + _SPACE + r"(?:<[^>]*>)*" + _STREET_WORD
                         + r"(?:[^;:&\n…]|&#?\w+;){1,60}?(?=\s*(?:[;\n…]|$)|\s+(?i:t[ée]l))")
_TAGS = re.compile(r"<[^>]*>")
_PAIRED = re.compile(r"<(\w+)[^>]*></\1>|</(\w+)><\2[^>]*>")  # an empty element, or a close and its reopening
_EDGE_TAGS = r"(?:<[^>]*>)*"


def redact(text: str) -> str:
    return redact_contacts(text, REDACTED)


def _words_pattern(words: list[str]) -> str:
    return _GAP.join(re.escape(w) for w in words)


# any street address, the same for every partnership: compiled once (joined to each partnership's
# own addresses, its 3.8 kB made each partnership's compile take 10 ms instead of 3.5: read 2, r44)
_ANY_ADDRESS = re.compile(r"(?<!\w)(?:" + POSTAL_ADDRESS + "|" + _STREET_ADDRESS + "|" + _STREET_TO_CLAUSE_END
                          + r")(?!\w)")


def address_pattern(addresses: Iterable[str]) -> re.Pattern | None:
    """The pattern of the contacts' postal addresses as any text writes them: each whole, and at
    a snippet's ends (« … Gallice 38 100 Grenoble », « … rue d'Alco » cut by « … ») its last or
    first words, two or more that still name a street or a number (None: no such address).
    mask_addresses tries them before any street address (_ANY_ADDRESS)."""
    whole, cut = set(), set()
    for address in addresses:
        words = re.findall(r"\w+", address or "")
        if not words or not _STREET.search(address or ""):
            continue
        whole.add(_words_pattern(words))
        for k in range(2, len(words)):
            head, tail = words[:k], words[-k:]
            if _STREET.search(" ".join(tail)):
                cut.add(r"(?<=^… )" + _EDGE_TAGS + _words_pattern(tail))
            if _STREET.search(" ".join(head)):
                cut.add(_words_pattern(head) + _EDGE_TAGS + r"(?= …$)")
    known = sorted(whole, key=len, reverse=True) + sorted(cut, key=len, reverse=True)
    if not known:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?i:{k})" for k in known) + r")(?!\w)")


def _masked_address(m: re.Match) -> str:
    """An address replaced, the tags it held kept, less those that pair up (a snippet's
    « <mark>Avenue</mark> … <mark>Kettani</mark> » reads « <mark>[masqué]</mark> »)."""
    tags, before = "".join(_TAGS.findall(m.group())), None
    while tags != before:
        before, tags = tags, _PAIRED.sub("", tags)
    return REDACTED + tags


def addresses_in(text: str, known: re.Pattern | None) -> Iterator[re.Match]:
    """The postal addresses of `text` one pattern of both alternations would find, left to right:
    the leftmost match of either, a contact's own (`known`, address_pattern) first where both
    start, the next searched past its end (two passes one after the other would not: a street
    address begun before a known one, or one the first pass's « [masqué] » cut, would differ)."""
    if known is None:
        yield from _ANY_ADDRESS.finditer(text)
        return
    mine, any_ = known.search(text), _ANY_ADDRESS.search(text)
    while mine or any_:
        m = min((x for x in (mine, any_) if x is not None), key=lambda x: x.start())  # mine on a tie
        yield m
        if mine is not None and mine.start() < m.end():
            mine = known.search(text, m.end())
        if any_ is not None and any_.start() < m.end():
            any_ = _ANY_ADDRESS.search(text, m.end())


def mask_addresses(text: str, known: re.Pattern | None) -> str:
    """`text` with its postal addresses masked (addresses_in)."""
    if not text:
        return text
    parts, end = [], 0
    for m in addresses_in(text, known):
        parts += [text[end:m.start()], _masked_address(m)]
        end = m.end()
    return "".join(parts) + text[end:]


def _redacted(value: Any, addresses: re.Pattern | None, key: str | None = None) -> Any:
    """Every string at any depth (parties, budgets, contacts, notes, extra
    fields, nested actions, snippets) with numbers and addresses masked."""
    if isinstance(value, str):
        # the addresses first: the phone rule would take « B.P. 3103, 69399 » or « 1945 37800 » for a
        # number, and the address, broken, would no longer match
        return value if key in _KEPT_KEYS else redact(mask_addresses(value, addresses))
    if isinstance(value, dict):
        return {k: _redacted(v, addresses, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_redacted(v, addresses, key) for v in value]
    return value


_patterns: dict[str, dict[str, re.Pattern | None]] = {}  # index version -> partnership id -> pattern


def _pattern_of(rec: dict, state) -> re.Pattern | None:
    """The address pattern of the contacts a record's texts may quote, its own or its partnership's
    (an action, a result), compiled once per partnership and generation, the contacts read from the
    generation's record without a copy (built and copied for each record, it made --hide-contacts
    4-10 times slower: review 3, r43, #4)."""
    pid = (rec.get("id") if "contacts" in rec else rec.get("partnership_id")) or ""
    stored = state.partnerships.get(pid)
    if stored is None or ("contacts" in rec and rec["contacts"] != stored.get("contacts")):
        return address_pattern(c.get("address") or "" for c in rec.get("contacts") or [])
    patterns = of_version(_patterns, state, dict)
    if pid not in patterns:
        patterns[pid] = address_pattern(c.get("address") or "" for c in stored.get("contacts") or [])
    return patterns[pid]


def public_record(rec: dict, hide_contacts: bool, state=None) -> dict:
    """A copy of a partnership or action fit to show. With `hide_contacts`,
    the contacts' private fields are emptied and the numbers, e-mail and
    postal addresses still written anywhere in the record (the original sheet
    quotes them, and so may a snippet) are masked; `state` is the generation the
    record comes from (an export reads one), the current one by default."""
    if not hide_contacts:
        return copy_record(rec)
    data = _redacted(rec, _pattern_of(rec, state or get_engine().state()))
    for c in data.get("contacts") or []:
        for f in PRIVATE_CONTACT_FIELDS:
            if f in c:
                c[f] = None
    return data
