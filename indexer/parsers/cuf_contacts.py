"""The contact blocks of a CUF sheet's head: one block per heading (`Coordonnées de l’exécutif`,
`Élu en charge du partenariat`…), its labelled lines (`Nom :`, `Tél :`…) and its free lines read
into persons."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar

from ..records import Contact, Party
from ..text import fold, join_wrapped, squash_spaces
from . import contacts

_ROLE_RE = re.compile(
    r"^\s*(Coordonnées de l.exécutif|[ÉE]lue? en charge du partenariat|Service des relations internationales|"
    r"Autre\(s\) service|Service\(s\) de la ville|Président du comité de jumelage|"
    # `responsable :` (lower case) continues a label
    r"Administrateur responsable|Personne ressource|(?-i:Responsable))", re.IGNORECASE)


def head_contacts(lines: list[str], french: Party, partner: Party | None, country: str) -> list[Contact]:
    """Contact blocks of the sheet head. The side is the organisation's
    (phone, address, role naming a party or the country); only when
    nothing tells does the layout decide: the first block of a role is
    the French column, the second the partner's."""
    out: list[Contact] = []
    seen: dict[str, int] = {}
    fr_names = [french.name, french.subdivision or ""]
    pa_names = [partner.name, partner.region or "", partner.subdivision or ""] if partner else []
    i = 0
    while i < len(lines):
        m = _ROLE_RE.match(lines[i])
        if not m:
            i += 1
            continue
        role_key = fold(m.group(1))[:12]
        seen[role_key] = seen.get(role_key, 0) + 1
        fallback = "partner" if seen[role_key] > 1 or role_key.startswith("service(s) d") else "french"
        label = squash_spaces(lines[i]).rstrip(" :")
        block = [lines[i].split(":", 1)[1]] if ":" in lines[i] else []
        j = i + 1
        while j < len(lines) and not _ROLE_RE.match(lines[j]) and "Présentation du partenariat" not in lines[j]:
            if re.match(r"^\s*Collectivité", lines[j]):
                break
            block.append(lines[j])
            j += 1
        people = ContactBlock(label).read(block)
        for c in people:
            c.side = contacts.side_of(c, fr_names, pa_names, country) or fallback
            if c.name or c.phone or c.email:
                out.append(c)
        i = j
    return out


# the second line of the twinning committee's heading, with its value (`personne responsable : NAME, role`)
_RESPONSIBLE_RE = re.compile(r"^\s*(personne responsable)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_UNFINISHED_RE = re.compile(r"(?:[,\-–]|\b(?:de|du|des|la|le|les|l['’]|d['’]|et|à|au|aux|pour))\s*$", re.IGNORECASE)
_PARTICLES = {"de", "du", "des", "d'", "d’", "van", "von", "ben", "ould", "ag", "le", "la"}
_ORGANISATION_WORDS = {"ong", "association", "comite", "mairie", "ville", "commune", "conseil", "cercle"}
_CONTACT_LABEL_RE = re.compile(r"^(Nom|Fonction|Adresse|Tél\.?|Tel\.?|Fax|@|site web)\s*:?\s*(.*)$", re.IGNORECASE)


class ContactBlock:
    """The persons of one contact block. Labelled lines (`Nom :`, `Tél :`…) fill
    the block's first person, one short method per label; the other lines are
    read at the end as free text, where each name is a person."""

    def __init__(self, label: str):
        self.label = label
        self.base = Contact(role=label)  # the block's first person
        self.people: list[Contact] = []  # the others
        self.free: list[str] = []

    def read(self, block: list[str]) -> list[Contact]:
        for raw in self._responsible(block):
            s = squash_spaces(raw)
            if not s:
                continue
            lab = _CONTACT_LABEL_RE.match(s)
            key = fold(lab.group(1)).rstrip(".") if lab else None
            reader = self._LABELLED.get(key) if lab and key else None
            if lab and reader is not None:
                reader(self, lab.group(2), s)
            else:
                self._other_line(s, labelled=key is not None)
        for s in self.free:
            for c in contacts.people(s):
                self._free_person(c)
        return [self.base] + self.people

    def _responsible(self, block: list[str]) -> list[str]:
        """`Président du comité de jumelage et/ou autre` / `personne responsable : NAME, role`: the
        heading goes on to `personne responsable`, and its value, up to the next labelled line, names
        the persons, one per line (a line left unfinished, `Josette LESSAVRE, Vice-` / `présidente`,
        goes on on the next), each with their role (`Moistapha Fofana, secrétaire`); a line naming an
        organisation (`ONG AMSCID`) is theirs. Returns the block's other lines."""
        first = next((k for k, line in enumerate(block) if line.strip()), None)
        m = _RESPONSIBLE_RE.match(block[first]) if first is not None else None
        if m is None or first is None:
            return block
        self.label = self.base.role = f"{self.label} {m.group(1)}"
        entries = [squash_spaces(m.group(2))] if m.group(2).strip() else []
        k = first + 1
        while k < len(block) and block[k].strip() and not _CONTACT_LABEL_RE.match(block[k].strip()):
            line = squash_spaces(block[k])
            if entries and (_UNFINISHED_RE.search(entries[-1]) or line[:1].islower()):
                entries[-1] = join_wrapped(entries[-1], line)
            else:
                entries.append(line)
            k += 1
        for entry in entries:
            self._responsible_entry(entry)
        return block[:first] + block[k:]

    def _responsible_entry(self, entry: str) -> None:
        if "," not in entry and fold(entry.split()[0]) in _ORGANISATION_WORDS:
            self.base.organisation = self.base.organisation or entry
            return
        found = contacts.names(entry)
        name: str | None
        if found and found[0][0] == 0:  # `Josette LESSAVRE, Vice-présidente`
            name, role = found[0][2], entry[found[0][1]:]
        else:  # `Moistapha Fofana, secrétaire`, `M. Perrussel`; `Le Maire` names no one
            written, _, role = entry.partition(",")
            name = contacts.person_name(written)
            if name and not all(w[:1].isupper() or fold(w) in _PARTICLES for w in name.split()):
                name = None  # `… amitiés`: the words of a name all have capitals
        named = [c for c in [self.base, *self.people] if c.name]
        if not name:  # a line naming no one goes on with the role of the person before it
            if named:
                named[-1].role = join_wrapped(named[-1].role or self.label, entry) if named[-1].role != self.label \
                    else f"{self.label} – {entry}"
            return
        role = role.strip(" ,;:")
        full = f"{self.label} – {role}" if role else self.label
        if self.base.name is None and not self.people:
            self.base.name, self.base.role = name, full
        else:
            self.people.append(Contact(name=name, role=full))

    def _name(self, value: str, line: str) -> None:
        found = contacts.names(value)
        self.base.name = found[0][2] if found else (value if _name_only(value) else None)
        self.people += [Contact(name=f[2], role=self.label) for f in found[1:]]  # two names: two persons

    def _role(self, value: str, line: str) -> None:
        self.base.role = value or self.base.role

    def _address(self, value: str, line: str) -> None:
        self.base.address = value or None

    def _phone(self, value: str, line: str) -> None:
        phone, fax = contacts.phone_and_fax(line)
        self.base.phone, self.base.fax = self.base.phone or phone, self.base.fax or fax

    def _email(self, value: str, line: str) -> None:
        e = re.search(r"[\w.+-]+@[\w.-]+\.\w+", line)
        self.base.email = e.group(0) if e else self.base.email

    def _website(self, value: str, line: str) -> None:
        self.base.website = value or None

    # the folded label -> what its value fills
    _LABELLED: ClassVar[dict[str, Callable[[ContactBlock, str, str], None]]] = {
        "nom": _name, "fonction": _role, "adresse": _address, "tel": _phone, "tél": _phone, "fax": _phone,
        "@": _email, "site web": _website}

    def _other_line(self, s: str, labelled: bool) -> None:
        base = self.base
        if base.role != self.label and base.address and not base.name:
            base.address += " " + s  # an address that wraps
        elif not labelled and base.role == self.label and base.name is None and base.address is None \
                and re.match(r"^de |^d['’]", s):
            return  # `de …` before anything was read: the rest of the block's heading
        else:
            self.free.append(s)

    def _free_person(self, c: Contact) -> None:
        """A person of a free line: the first person when no `Nom :` named one,
        else one more; a line without a name gives its numbers to the last person."""
        base, people = self.base, self.people
        if c.name and base.name is None and not people:
            base.name, base.phone, base.fax = c.name, base.phone or c.phone, base.fax or c.fax
            base.email = base.email or c.email
            if c.role:
                base.role = f"{self.label} – {c.role}" if base.role == self.label else base.role
        elif c.name:
            c.role = c.role or self.label
            people.append(c)
        elif base.name or people:
            target = people[-1] if people else base
            target.phone, target.fax = target.phone or c.phone, target.fax or c.fax
            target.email = target.email or c.email


def _name_only(text: str) -> bool:
    """A `Nom :` value that is a person's name even without the usual casing."""
    return bool(text) and len(text.split()) <= 4 and not re.search(r"\d|:|@", text) \
        and not any(fold(w) in contacts.ROLE_WORDS for w in text.split())
