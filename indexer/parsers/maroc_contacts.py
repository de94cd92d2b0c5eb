"""Contacts of the Morocco sheets: persons (`M. …`, `Mme …`) with their roles and numbers, the
collectivities' own addresses, and each person's side, decided by the organisation.

A sheet's contact part is a two-column table (French collectivity, Moroccan collectivity) with an
elected row, an agents row and an address row. The extraction wrote it either column by column
(French persons, French address, then Moroccan persons and address) or row by row (French elected,
Moroccan elected, French agent, Moroccan agent, then both addresses), so the place of a person on
the page does not tell their side. A person's side comes first from what their own lines say
(phone prefix, e-mail, a role or agent heading naming a party, the executives' line at the top of
the sheet); a person without such evidence is on the side of their column: the address block that
closes their group, or, where the table was read row by row, their place in the row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.records import Contact, Party
from indexer.text import EMAIL_RE, fold, squash_spaces

from . import contacts as shared
from .maroc_sheet import EXEC_RE, core_name

PHONE_RE = re.compile(r"^(Tél|Tel|Port)\s*\.?\s*(/\s*Fax)?\s*:?\s*(.+)$", re.IGNORECASE)
FAX_RE = re.compile(r"^Fax\s*:?\s*(.+)$", re.IGNORECASE)
_WEB_RE = re.compile(r"^<?(https?://|www\.)\S+>?$")
_ORG_RE = re.compile(
    r"^(Ville|Commune|Conseil\b|Mairie|Municipalité|Hôtel de|Préfecture|Province|Wilaya|Communauté|"
    r"Nantes Métropole|Siège|Souk El Khémis$|Boulogne - Safi)", re.IGNORECASE)
# a service named under a person is the person's (not an address block of its own)
_SERVICE_RE = re.compile(r"^(Service des|Direction)\b", re.IGNORECASE)
_MARKER_RE = re.compile(r"^(Agents?|Également|Élus?|Elus?) en charge", re.IGNORECASE)
_CIVILITY_SPLIT = re.compile(r",?\s+(?=(?:M\.|Mme|Mlle)\s)")
_ADDRESS_RE = re.compile(r"^\d+[,\s-]|\b\d{2}\s?\d{3}\b|\bB\.?\s?P\.?\s*\d|\b(rue|avenue|av\.|bd|boulevard|"
                         r"place|cedex|quai|cours)\b", re.IGNORECASE)


@dataclass
class _Block:
    contact: Contact
    person: bool
    marker: str = ""  # the `Agent en charge du dossier (Ville de Lyon) :` heading above a person
    elected: bool = False  # in the elected row (before the first agent heading of its group)
    evidence: str | None = None
    lines: list[str] = field(default_factory=list)


def _new_persons(s: str, marker: str, elected: bool) -> list[_Block]:
    """`M. Jean-Michel DACLIN, Vice-président de la CU` or `Mme A, Mme B` -> one block per person."""
    out = []
    for part in _CIVILITY_SPLIT.split(s):
        name, _, role = part.partition(",") if EXEC_RE.match(part) else (part, "", "")
        name = shared.person_name(name)
        if not name:
            continue
        contact = Contact(name=name)
        contact.role = squash_spaces(shared.take_email(role, contact)).strip(" ,-–") or None
        out.append(_Block(contact, True, marker, elected, lines=[part]))
    return out


def _read_blocks(lines: list[tuple[int, str]]) -> list[_Block]:
    blocks: list[_Block] = []
    cur: _Block | None = None
    prev = None
    marker, seen_marker = "", False
    for _, s in lines:
        if s == prev:
            continue  # the extraction doubled some lines
        prev = s
        if _MARKER_RE.match(s):
            marker, seen_marker = s, not s.startswith(("Élu", "Elu"))
            continue
        if EXEC_RE.match(s) or (marker and re.match(r"^[A-Z][a-zé]+\s+[A-Z]{3,}", s)):
            new = _new_persons(s, marker, not seen_marker)
            blocks += new
            cur = new[-1] if new else cur
            marker = ""
            continue
        marker = ""
        if cur is not None and _contact_detail(cur, s):
            continue
        person_service = (cur is not None and cur.person and _SERVICE_RE.match(s)
                          and not (cur.contact.phone or cur.contact.email))
        if _ORG_RE.match(s) and not person_service and (cur is None or cur.person or cur.contact.address):
            cur = _Block(Contact(organisation=s), False, lines=[s])
            blocks.append(cur)
            continue
        if cur is None:
            continue
        cur.lines.append(s)
        c = cur.contact
        if cur.person and not _ADDRESS_RE.search(s):
            c.role = f"{c.role} {s}" if c.role else s
        else:
            c.address = f"{c.address}, {s}" if c.address else s
    return blocks


def _contact_detail(cur: _Block, s: str) -> bool:
    """A telephone, fax, e-mail or web line of the current block, read into its contact."""
    c = cur.contact
    m = PHONE_RE.match(s)
    if m:
        phone, fax = shared.phone_and_fax(m.group(3))
        c.phone = c.phone or phone
        if m.group(2):
            c.fax = c.fax or phone
        c.fax = c.fax or fax
        return True
    m = FAX_RE.match(s)
    if m:
        c.fax = c.fax or shared.clean_number(m.group(1))
        return True
    if re.match(r"^\+\s*\d", s):
        c.phone = c.phone or shared.clean_number(s)
        return True
    em = EMAIL_RE.search(s)
    if em and len(s) < 70:
        c.email = shared.with_email(c.email, em.group(0))
        if cur.person is False:
            cur.lines.append(s)
        return True
    if _WEB_RE.match(s):
        c.website = c.website or s.strip("<>")
        return True
    return False


def _evidence(b: _Block, french: Party, partners: list[Party], execs: list[tuple[str | None, str]],
              emails: list[str]) -> str | None:
    c = b.contact
    for name, exec_side in execs:
        if b.person and fold(name or "") == fold(c.name or ""):
            return exec_side
    probe = Contact(name=c.name, role=" ".join(x for x in (c.role, b.marker) if x) or None,
                    organisation=c.organisation, address=c.address, phone=c.phone, fax=c.fax,
                    email=c.email)
    if b.person and not c.email:  # `bbahou@ville-figuig.info`, printed under the address block
        surname = fold((c.name or "").split()[-1]) if c.name else ""
        probe.email = next((e for e in emails if len(surname) > 3 and surname in fold(e.split("@")[0])), None)
    side = shared.side_of(probe, [french.name, core_name(french.name)],
                          [n for p in partners for n in (p.name, core_name(p.name))], "Maroc")
    if side is None and b.person and re.search(r"\b(CU|Communauté urbaine|Grand Lyon)\b", probe.role or ""):
        side = "french" if french.kind == "intercommunalité" else None
    return side


def _row_sides(row: list[_Block]) -> None:
    """A row of the two-column table read left to right: French, then partner; what a
    person's own lines say wins, and the cell beside it is the other side."""
    for i, b in enumerate(row):
        if b.contact.side:
            continue
        before = next((r.contact.side for r in reversed(row[:i]) if r.contact.side), None)
        after = next((r.contact.side for r in row[i + 1:] if r.contact.side), None)
        if before:
            b.contact.side = "partner" if before == "french" else "french"
        elif after:
            b.contact.side = "partner" if after == "french" else "french"
        else:
            b.contact.side = "french" if i % 2 == 0 else "partner"


def _assign(blocks: list[_Block]) -> None:
    """Sides of the persons without evidence, group by group (a group: the persons up to the
    address blocks that follow them)."""
    groups: list[tuple[list[_Block], list[_Block]]] = []
    persons: list[_Block] = []
    orgs: list[_Block] = []
    for b in blocks:
        if b.person and orgs:
            groups.append((persons, orgs))
            persons, orgs = [], []
        (persons if b.person else orgs).append(b)
        if b.person and b.contact.address and re.search(r"\b\d{2}\s?\d{3}\b", b.contact.address):
            groups.append((persons, []))  # a person's own postal address closes the column
            persons = []
    if persons or orgs:
        groups.append((persons, orgs))
    previous = None
    for persons, orgs in groups:
        for b in persons:
            b.contact.side = b.evidence
        org_sides = {o.evidence for o in orgs if o.evidence}
        elected = [b for b in persons if b.elected]
        if len(elected) == 2:  # the French and the Moroccan elected, side by side
            _row_sides(elected)
        agents = [b for b in persons if not (len(elected) == 2 and b.elected)]
        if len(org_sides) == 2:  # both addresses after all persons: the table was read row by row
            _row_sides(agents)
        else:
            known = [b.contact.side for b in persons if b.contact.side]
            side = (next(iter(org_sides)) if org_sides else max(set(known), key=known.count) if known
                    else "partner" if previous == "french" else "french")
            for b in agents:
                b.contact.side = b.contact.side or side
            previous = side
        for o in orgs:
            o.contact.side = o.evidence
        _group_organisation(persons, orgs)


def _group_organisation(persons: list[_Block], orgs: list[_Block]) -> None:
    """A person's organisation is the address block that closes their group on their side, not
    the first address block of that side on the sheet: a sheet with two Moroccan communes
    (Bourgogne: Meknès, then Marrakech) gives each president their own commune."""
    for b in persons:
        same = [o.contact.organisation for o in orgs if o.contact.side == b.contact.side and o.contact.organisation]
        if b.contact.organisation is None and b.contact.side and len(same) == 1:
            b.contact.organisation = same[0]


def parse_contacts(lines: list[tuple[int, str]], french: Party, partners: list[Party],
                   execs: list[tuple[int, str]] | None = None) -> list[Contact]:
    """The executives of the sheet's top lines, then the contact part's persons and address
    blocks, each with its side."""
    blocks = _read_blocks(lines)
    exec_people: list[tuple[str | None, str, str | None]] = []
    for k, (_, s) in enumerate(execs or []):
        name, _, role_text = s.partition(",")
        role = re.sub(r"\s*\([^()]*habitants\)\s*$", "", role_text).strip(" ,.") or None
        probe = Contact(name=name, role=role)
        side = shared.side_of(probe, [french.name, core_name(french.name)],
                              [n for p in partners for n in (p.name, core_name(p.name))], "Maroc")
        exec_people.append((shared.person_name(name), side or ("french" if k == 0 else "partner"), role))
    emails = [b.contact.email for b in blocks if b.contact.email]
    for b in blocks:
        b.evidence = _evidence(b, french, partners, [(n, s) for n, s, _ in exec_people], emails)
    _assign(blocks)
    out = [Contact(name=n, role=r, side=s, organisation=(french.name if s == "french" else partners[0].name
                                                          if partners else None))
           for n, s, r in exec_people if not any(fold(b.contact.name or "") == fold(n or "") for b in blocks)]
    out += [b.contact for b in blocks]
    orgs: dict[str, str] = {}
    for c in out:
        if c.name is None and c.organisation and c.side:
            orgs.setdefault(c.side, c.organisation)
    for c in out:
        if c.name is not None and c.organisation is None and c.side in orgs:
            c.organisation = orgs[c.side]
    return out


# The partnership information's fields that say who carries the partnership out.
_WHO_FIELD_RE = re.compile(r"^(Mise en (œ|oe)uvre|Structure mandatée|Ressources humaines|Comité|Pilotage)",
                           re.IGNORECASE)
_PREFIX_RE = re.compile(r"^(?P<p>[^:;]{2,40}?)\s*:\s")


def _label_before(s: str, at: int) -> tuple[str | None, str | None]:
    """What a line writes before a person: a label (`Directeur : M. …`) is their role, a short
    name (`ADEFRAM - M. …`) their organisation."""
    before = s[:at].rstrip()
    if before.endswith("-"):  # `ADEFRAM - M. Nicolas Braille`
        org = re.split(r";|\s-\s|\(", before[:-1])[-1].strip()
        return None, (org if org and len(org.split()) <= 5 and org[:1].isupper() else None)
    chunk = re.split(r";|\s-\s|\(|^-\s", before)[-1].strip()
    label = chunk.rstrip(" :")
    if not chunk.endswith(":") or not label[:1].isupper() or len(label.split()) > 8 or fold(label) == "contact":
        return None, None
    return label, None


def _same_line_details(b: _Block, rest: str) -> None:
    """`M. Nicolas Braille : 67, rue Vergniaud … ; Tél : … ; Fax : … ; adefram@…`: the numbers,
    e-mail and address the person's own line goes on with; `M. Jacques AUDEBERT ; Directeur …`:
    the role."""
    for piece in rest.split(";"):
        piece = piece.strip(" :,.")
        if not piece or _contact_detail(b, piece):
            continue
        if _ADDRESS_RE.search(piece):
            b.contact.address = b.contact.address or piece
        elif b.contact.role is None and not piece.startswith("("):
            b.contact.role = piece


def _who_persons(lines: list[str], names: tuple[list[str], list[str]]) -> list[tuple[_Block, str | None]]:
    """The persons of one field's lines, each with the side of the party prefix of their line
    (`Allier : …`, `Oriental : …`, kept until another prefix names a party), and the lines that
    follow them (address, numbers)."""
    out: list[tuple[_Block, str | None]] = []
    prefix_side: str | None = None
    org: str | None = None
    cur: _Block | None = None
    for s in lines:
        pm = _PREFIX_RE.match(s)
        if pm and not EXEC_RE.match(pm.group("p")):
            prefix_side = shared.side_of(Contact(organisation=pm.group("p")), *names, None) or prefix_side
        found = shared.named_in_text(s)
        arrow = re.match(r"^→\s*", s)
        if arrow and not found:
            at = shared.names(s[arrow.end():])
            found = [(arrow.end(), arrow.end() + at[0][1], at[0][2])] if at and at[0][0] == 0 else []
        if not found:
            if cur is not None and (_contact_detail(cur, s) or (_ADDRESS_RE.search(s) and len(s) < 80
                                                                and not cur.contact.address)):
                cur.contact.address = cur.contact.address or (None if _contact_detail(cur, s) else s)
                continue
            cur = None
            org = s if len(s) < 70 and ":" not in s and not s.endswith(".") and not arrow else None
            continue
        for a, b, name in found:
            label, line_org = _label_before(s, a)
            cur = _Block(Contact(name=name, role=shared.role_after(s, b) or label, organisation=line_org or org),
                         True, lines=[s])
            if len(found) == 1:
                _same_line_details(cur, s[b:])
            out.append((cur, prefix_side))
        org = None
    return out


def who_persons(info: dict[str, list[str]], french: Party, partners: list[Party],
                known: list[Contact]) -> list[Contact]:
    """The persons the partnership information names as carrying it out (`Mise en œuvre`,
    `Structure mandatée …`, `Ressources humaines …`, `Comité de pilotage`) with a civility or
    after an arrow (`→ Anne Marie CHAIGNON, directrice du Centre d'Animation`), unless the
    contact part names them. Side: their line's party prefix (`Oriental : … (M. Mohammed
    ZEROUALI)`), else what their own lines say (phone, address, role), else French: the
    information describes the French collectivity's means."""
    f_names = [french.name, core_name(french.name)]
    p_names = [n for p in partners for n in (p.name, core_name(p.name))]
    out: list[Contact] = []
    for label, lines in info.items():
        if not _WHO_FIELD_RE.match(label):
            continue
        for b, prefix_side in _who_persons(lines, (f_names, p_names)):
            c = b.contact
            if any(shared.same_person(c.name, k.name) for k in known + out):
                continue
            c.side = prefix_side or shared.side_of(c, f_names, p_names, "Maroc") or "french"
            c.organisation = c.organisation or (french.name if c.side == "french" else
                                                partners[0].name if partners else None)
            out.append(c)
    return out


# A project's partners written by side (`En France : Karine JAY, Directrice de la Bibliothèque…`,
# `Partenaires au Maroc : Agence Urbaine, M. Fahti Directeur, …`, or `- Au Maroc :` over a list),
# and the labels that announce the person to ask (`→ Contact : Patrick Karim Ouriaghli, Délégué…`,
# `Nom du responsable : Françoise Guinot`).
_SIDE_HEAD_RE = re.compile(r"^(?:-\s*)?(?:Partenaires?\s+)?(?P<side>en France|au Maroc)\s*:\s*", re.IGNORECASE)
_PERSON_LABEL_RE = re.compile(r"(?:\bContact|^Nom du responsable)\s*:\s*")
# the sub-headings that end a project's partners list
_PARTS_END_RE = re.compile(r"^(Financement|Bénéficiaires|Résultats|Description|Budget|Partenaires\s*$|"
                           r"[A-ZÀ-Ý][A-ZÀ-Ý ,'’&-]{5,}$)")
_NAME_WORD_RE = re.compile(r"^[A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]*$")
_CIVIL_RE = re.compile(rf"^{shared.CIVILITY}\s+")
_CIVILITY_AT_RE = re.compile(rf"(?<![\w.]){shared.CIVILITY}\s+")
_BREAK_RE = re.compile(r"\s*(?:[,;(]|\s[–-]\s|\.\s|\.?\*?$)")


def _person_at(s: str, at: int, labelled: bool) -> tuple[str, int, str | None] | None:
    """The person written at `at`: a civility or a label, then their name up to a comma, a bracket,
    a dash or a role word (`M. Manini Directeur, …` → Manini, Directeur). Without civility nor
    label the name must be two or more words and a role must follow its comma (`Karine JAY,
    Directrice …`), else the words are an organisation's (`INDH, associations locales`)."""
    rest = s[at:]
    civ = _CIVIL_RE.match(rest)
    start = at + (civ.end() if civ else 0)
    stop = _BREAK_RE.search(s, start)
    end = stop.start() if stop else len(s)
    words = s[start:end].split()
    cut = next((k for k, w in enumerate(words) if shared.is_role_word(w)), len(words))
    name_words, role_words = words[:cut], words[cut:]
    if not name_words or len(name_words) > 4 or not all(_NAME_WORD_RE.match(w) for w in name_words):
        return None
    if not (civ or labelled):
        following = s[end:].lstrip(" ,")
        if len(name_words) < 2 or role_words or not following or not shared.is_role_word(following.split()[0]):
            return None
    name_end = start + len(" ".join(name_words))
    return " ".join(name_words), name_end, " ".join(role_words) or None


def partner_persons(ll: list[tuple[int, str]], french: Party, partners: list[Party],
                    known: list[Contact]) -> list[Contact]:
    """The persons a sheet names for a project's partners, on the side their heading gives
    (`En France`, `Au Maroc`), else on the side their own lines tell, else French (like the
    partnership information's persons); unless already read. Their organisation is the one their
    line (or the line above, `Nom de la structure : Tétraktys`) names, and the line below a
    labelled person gives their address and numbers when it holds nothing else."""
    f_names = [french.name, core_name(french.name)]
    p_names = [n for p in partners for n in (p.name, core_name(p.name))]
    out: list[Contact] = []
    side: str | None = None
    prev = ""
    last: _Block | None = None
    for _, raw in ll:
        s = raw.strip().strip("*").strip()
        if not s:
            continue
        head = _SIDE_HEAD_RE.match(s)
        if head:
            side = "french" if fold(head.group("side")).endswith("france") else "partner"
        elif _PARTS_END_RE.match(s):
            side = None
        found = None
        label = _PERSON_LABEL_RE.search(s)
        if label:
            found = _person_at(s, label.end(), True)
        elif head and s[head.end():]:
            civ = _CIVILITY_AT_RE.search(s, head.end())
            found = _person_at(s, civ.start() if civ else head.end(), False)
        if found is None:
            if last is not None and (_ADDRESS_RE.search(s) or PHONE_RE.search(s) or EMAIL_RE.search(s)) \
                    and not shared.named_in_text(s) and not s.endswith(":"):
                _same_line_details(last, s)
            last, prev = None, s
            continue
        name, end, role = found
        org_text = s[head.end():] if head else s[:label.start()] if label else ""
        org_text = re.split(r"→|\(|,\s*(?:M\.|Mme)", org_text)[0].strip(" ,*-→")
        if not org_text and label and not head:
            structure = re.match(r"^Nom de la structure\s*:\s*(.+)$", prev)
            org_text = structure.group(1) if structure else \
                prev if len(prev) < 70 and ":" not in prev and not prev.endswith(".") else ""
        role = role or shared.role_after(s, end)
        c = Contact(name=name, role=role, organisation=org_text if org_text and not org_text.startswith(name) else None)
        block = _Block(c, True, lines=[s])
        after = s.find(role, end) + len(role) if role and s.find(role, end) >= 0 else end
        _same_line_details(block, re.sub(r"^[\s,–-]+", "", s[after:]))
        prev = s
        last = block if label else None
        if any(shared.same_person(c.name, k.name) for k in known + out):
            last = None
            continue
        c.side = side or shared.side_of(c, f_names, p_names, "Maroc") or "french"
        out.append(c)
    return out
