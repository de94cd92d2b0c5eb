"""The contact blocks of a CUF sheet's head: one block per heading (`Coordonnées de l’exécutif`,
`Élu en charge du partenariat`…), its labelled lines (`Nom :`, `Tél :`…) and its free lines read
into persons."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar

from ..records import Contact, Party
from ..text import EMAIL_RE, capitalised, fold, join_wrapped, squash_spaces, without_emails
from . import contacts

_ROLE_RE = re.compile(
    # the AIMF sheets' `Coordonnées du Président`, `du Secrétariat permanent`, `Secrétaire permanent du comité …`
    r"^\s*(Coordonnées d(?:e l.exécutif|u Président|u Secrétariat)|[ÉE]lu(?:e|\(e\))?s? en charge du partenariat|"
    r"(?:Service|Direction) (?:des|[\w ]+ et) relations internationales|Secrétaire permanent du comité|"
    r"Autre\(s\) service|(?-i:Autre(?:\(s\))? personne)|Service\(s\) de la (?:ville|collectivité)|"
    r"Présidente? du comité de jumelage|"
    # `responsable :` (lower case) continues a label
    r"Administrateur responsable|Personne ressource|(?-i:Responsable))", re.IGNORECASE)


def head_contacts(lines: list[str], french: Party, partner: Party | None, country: str,
                  formal: str | None = None) -> list[Contact]:
    """Contact blocks of the sheet head, then the signatories its formalisation names. The side is
    the organisation's (phone, address, role naming a party or the country); only when nothing
    tells does the layout decide: the first block of a role is the French column, the second the partner's."""
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
        # `Élue`, `Élus`, `Elu(e)`: one role; `Présidente du comité`, `Président du comité` too
        role_key = re.sub(r"^elu\S*", "elu", re.sub(r"^presidente\b", "president", fold(m.group(1))))[:16]
        seen[role_key] = seen.get(role_key, 0) + 1
        fallback = "partner" if seen[role_key] > 1 or role_key.startswith("service(s) d") else "french"
        heading, colon, value = lines[i].partition(":")
        label = squash_spaces(heading).rstrip(" :")
        block: list[str] = []
        j = i + 1
        while j < len(lines) and not _ROLE_RE.match(lines[j]) and "Présentation du partenariat" not in lines[j]:
            if re.match(r"^\s*Collectivité", lines[j]):
                break
            block.append(lines[j])
            j += 1
        people = ContactBlock(label).read(block, value if colon else None)
        for c in people:
            contacts.named_by_email(c)
            c.role = _role_of_heading(c.role, label)
            c.side = contacts.side_of(c, fr_names, pa_names, country) or fallback
            if c.name or c.phone or c.email:
                out.append(c)
        i = j
    named = {fold(c.name) for c in out if c.name}
    for c in signatories(formal or ""):
        if fold(c.name or "") not in named:
            c.side = contacts.side_of(c, fr_names, pa_names, country) or "french"
            out.append(c)
    return out


# `Coordonnées de l’exécutif (maire, président)`: the form's heading names who, not their office
_DETAILS_OF = re.compile(r"^Coordonnées d(?:e l['’]|u |e la |es )(\w+)", re.IGNORECASE)


def _role_of_heading(role: str | None, label: str) -> str | None:
    """A person's role, not the heading of their block: under `Coordonnées de l’exécutif`, the office
    the block writes (`Nom : Michel BERSON, président du CG`), else the one the heading names
    (`Exécutif`, `Exécutif – Djélébou`); the other headings are roles (`Élu en charge du partenariat`)."""
    m = _DETAILS_OF.match(label)
    if m is None or not role:
        return role
    rest = role[len(label):].strip(" –-") if role.startswith(label) else role  # `Karakoro : Amadou KANE`
    named = m.group(1).capitalize()
    if rest and any(_is_role(w) and fold(w) not in _PARTICLES for w in re.split(r"[\s\-–]+", rest)):
        return rest
    return f"{named} – {rest}" if rest else named


# a civility or an office just before a name: who signed (`Lettre de Monsieur le Maire de Kadiolo Téné DEMBELE`)
_SIGNATORY_RE = re.compile(rf"(?:\b{contacts.CIVILITY}\s+)?(?:\b(?:le|la)\s+)?"
                           r"\b((?:maire|pr[ée]sidente?|pr[ée]fet|gouverneur)\b[^,;:–()]*?)\s*$", re.IGNORECASE)


def signatories(formal: str) -> list[Contact]:
    """The persons the formalisation field names after a civility or an office: they signed
    it; the place after the office's `de` is no first name (`Maire de Kadiolo Téné DEMBELE`)."""
    text = squash_spaces(formal)
    out = []
    for a, _, name in contacts.names(text):
        office = _SIGNATORY_RE.search(text[:a]) or (re.search(rf"\b{contacts.CIVILITY}\s*$", text[:a]))
        if office is None:
            continue
        role = office.group(1) if office.groups() else ""
        words = name.split()
        if re.search(r"\b(?:de|d['’])\s*$", role) and len(words) >= 3 and not words[0].isupper():
            role, name = f"{role} {words[0]}", " ".join(words[1:])
        out.append(Contact(name=name, role=f"Formalisation – {role}" if role else "Formalisation"))
    return out


# a heading's second line (`personne responsable :`, `coopération :`, `jumelage :`), with its value
_CONTINUATION_RE = re.compile(r"^\s*([a-zà-ÿ][\w’'()/\- ]{0,40}?)\s*:\s*(.*?)\s*$")
_UNFINISHED_RE = re.compile(r"(?:[,\-–]|\b(?:de|du|des|la|le|les|l['’]|d['’]|et|à|au|aux|pour))\s*$", re.IGNORECASE)
_PARTICLES = contacts.PARTICLES | {"le", "la"}
_ORGANISATION_WORDS = {"ong", "association", "comite", "mairie", "ville", "commune", "conseil", "cercle"}
_CONTACT_LABEL_RE = re.compile(r"^(Nom|Fonction|Adresse|Tél\.?|Tel\.?|Fax|@|site web)\s*:?\s*(.*)$", re.IGNORECASE)
_CIVILITY_RE = re.compile(rf"^\s*(?:{contacts.CIVILITY}(?<=\.)|{contacts.CIVILITY}(?=\s)|M(?=\s))\s*",
                          re.IGNORECASE)  # not `Dr` of `Dramane`
_CIVILITY_WORD_RE = re.compile(rf"^(?:{contacts.CIVILITY}|M)$", re.IGNORECASE)
# a number at the end of a value line, labelled or not (`M. TOURE SALIOU 00 223 934 44 48`)
_TRAILING_NUMBER_RE = re.compile(r"(?:\b(?:t[ée]l|fax|port|gsm)\b\.?\s*:?\s*)?(?:\(\s*\+?\d{1,3}\s*\)|\+)?"
                                 r"\s*\d[\d\s./\-]{6,}\d\s*$", re.IGNORECASE)
# `Service des relations internationales : Fabrice` / `TARRIT, chargé de coopération décentralisée`
_FIRST_NAME_ALONE = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?$")
# `Jean-Michel Le Roux`: a first name and a surname with its article, no capitals to tell them
_ARTICLE_SURNAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?\s+(?:Le|La)\s+[A-ZÀ-Ý][a-zà-ÿ]+")
# a line holding only a surname in capitals (`DOUCOURE`, `SECK-SALL`)
_SURNAME_LINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+[A-ZÀ-Ý]$")
_SURNAME_FIRST = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+\b(?![a-zà-ÿ])")


_LETTER = re.compile(r"[^\W\d_]")
_BULLET_LINE = re.compile(r"\s*[-–•]")


class ContactBlock:
    """The persons of one contact block. The heading's value (after its colon, or
    on the lines up to the first labelled one) names them one per line; labelled
    lines (`Nom :`, `Tél :`…) fill the block's first person, one short method per
    label; the other lines are read at the end as free text, where each name is a person."""

    def __init__(self, label: str):
        self.label = label
        self.base = Contact(role=label)  # the block's first person
        self.people: list[Contact] = []  # the others
        self.free: list[str] = []
        self.pending: str | None = None  # a value line naming no one: the next person's role
        self.holders: list[Contact] = []  # persons named after a number, theirs
        self.current: Contact | None = None  # a later person of a free line, whose numbers follow it
        self.named_with: list[tuple[Contact, Contact]] = []  # (another named on a `Nom :` line, its first person)
        self.after_email = False  # the line before was the `@ :` line
        self.in_address = False  # the lines read since the `Adresse :` line are all unlabelled
        self.announced: str | None = None  # a line naming no one, ending with a colon: the next line's person's role
        self.fax_open: Contact | None = None  # the person whose `Tél` line ended with an empty `Fax :`
        # the person whose `Nom :` value held first names only (`Nom : Ibrahim Coumba`): their surname,
        # in capitals, may be the next line (`DOUCOURE`)
        self.surname_open: Contact | None = None

    def read(self, block: list[str], value: str | None = None) -> list[Contact]:
        """`value`: what the heading line wrote after its colon (None without a colon)."""
        for raw in self._heading_value(block, value):
            s = squash_spaces(raw)
            if not s:
                self.in_address = False
                continue
            lab = _CONTACT_LABEL_RE.match(s)
            key = fold(lab.group(1)).rstrip(".") if lab else None
            reader = self._LABELLED.get(key) if lab and key else None
            fax_open, self.fax_open = self.fax_open, None
            surname_open, self.surname_open = self.surname_open, None
            if surname_open is not None and lab is None and _SURNAME_LINE.match(s) \
                    and fold(s) not in _ORGANISATION_WORDS:
                surname_open.name = f"{surname_open.name} {s}"
                continue
            if lab and reader is not None:
                reader(self, lab.group(2), s)
            elif fax_open is not None and (bare := contacts.bare_phone(s)) and bare[0] == 0:
                fax_open.fax = fax_open.fax or bare[1]  # `Tél : … Fax :` / `+33/(0)2.41.83.31.98`: the fax, wrapped
            elif self.after_email and EMAIL_RE.fullmatch(s):
                self._more_email(s)  # `@ : aurelie.milhavet@regioncentre.fr` / `pascal.meyer@regioncentre.fr`
                continue
            else:
                self._other_line(s, labelled=key is not None)
            self.after_email = reader is ContactBlock._email
            self.in_address = reader is ContactBlock._address or self.in_address and lab is None
        for s in self.free:
            for c in contacts.people(s):
                self._free_person(c)
        if self.pending and self.base.role == self.label:
            self.base.role = f"{self.label} – {self.pending}"
        for other, first in self.named_with:
            if other.role == self.label:
                other.role = first.role
        return [self.base, *self.people, *self.holders]

    def _heading_value(self, block: list[str], value: str | None) -> list[str]:
        """The heading's value names the persons, one per line, up to the next labelled line (a line
        left unfinished, `Josette LESSAVRE, Vice-` / `présidente`, goes on on the next), each with their
        role (`Moistapha Fofana, secrétaire`); a line naming an organisation (`ONG AMSCID`) is theirs.
        A heading without a colon goes on on its next line when that line opens in lower case
        (`Président du comité de jumelage et/ou autre` / `personne responsable : NAME, role`,
        `Service(s) de la ville impliqué(s) dans la` / `coopération :NAME`). Returns the block's other lines."""
        k = 0
        if value is None:
            first = next((n for n, line in enumerate(block) if line.strip()), None)
            m = _CONTINUATION_RE.match(block[first]) if first is not None else None
            if m is None or first is None or _CONTACT_LABEL_RE.match(block[first].strip()):
                return block
            self.label = self.base.role = f"{self.label} {squash_spaces(m.group(1))}"
            value, k = m.group(2), first + 1
        if _CONTACT_LABEL_RE.match(value.strip()):  # `Elu en charge du partenariat : Nom : …`
            return [value, *block[k:]]
        entries = [squash_spaces(value)] if value.strip() else []
        while not entries and k < len(block) and not block[k].strip():
            k += 1  # `Élu en charge du partenariat :` / `Zahara Bretaudian`
        while k < len(block) and block[k].strip() and not _CONTACT_LABEL_RE.match(block[k].strip()):
            line = squash_spaces(block[k])
            if entries and (_UNFINISHED_RE.search(entries[-1]) or line[:1].islower()
                            or _FIRST_NAME_ALONE.match(entries[-1]) and _SURNAME_FIRST.match(line)):
                entries[-1] = join_wrapped(entries[-1], line)
            else:
                entries.append(line)
            k += 1
        for entry in entries:
            self._entry(entry)
        return block[k:]

    def _entry(self, entry: str) -> None:
        """One value line: a person, their role, e-mail and number (`M. TOURE SALIOU 00 223 934 44 48`);
        a line of a number or an e-mail alone is the last person's."""
        text, phone, email = _value_line(entry)
        named = [c for c in [self.base, *self.people] if c.name]
        if not text:
            target = named[-1] if named else self.base
            target.phone, target.email = target.phone or phone, contacts.with_email(target.email, email)
            return
        if "," not in text and fold(text.split()[0]) in _ORGANISATION_WORDS:
            self.base.organisation = self.base.organisation or text
            return
        persons = _persons(text)
        if not persons:  # a line naming no one goes on with the role of the person before it, or the next's
            if named:
                named[-1].role = join_wrapped(named[-1].role or self.label, text) if named[-1].role != self.label \
                    else f"{self.label} – {text}"
            else:
                self.pending = f"{self.pending} {text}" if self.pending else text
            return
        for n, (name, role) in enumerate(persons):
            role = role or (self.pending or "")
            self.pending = None
            full = f"{self.label} – {role}" if role else self.label
            if self.base.name is None and not self.people:
                self.base.name, self.base.role = name, full
                c = self.base
            else:
                c = Contact(name=name, role=full)
                self.people.append(c)
            if n == 0:
                c.phone, c.email = c.phone or phone, contacts.with_email(c.email, email)

    def _name(self, value: str, line: str) -> None:
        found = contacts.names(value)
        written = _CIVILITY_RE.sub("", value)  # `Monsieur TETART`, `M. SIDI GUINDO`: the name without its title
        name = found[0][2] if found else (written if _name_only(written) else None)
        if self.base.name and name and fold(name) != fold(self.base.name):
            # `Alexandre TUAILLON` / `Tel …` / `Comité local de Jumelage (CLJ)` / `Nom : Cheickné SISSOKO`:
            # another person, whose labelled lines follow
            self.current = Contact(name=name, role=self.label)
            self.people.append(self.current)
        else:
            self.base.name = name
        if name and not found and all(_FIRST_NAME_ALONE.match(w) for w in name.split()):
            self.surname_open = self.current if self.current is not None and self.current.name == name else self.base
        # two names: two persons (`Nom : Philippe JANIN   Jean Francois VIGIER` / `Fonction : Maire`, the mayor
        # and his successor), whose `Fonction` is both's (`read` gives it once its wrapped lines are joined)
        after = value[found[0][1]:].strip(" ,;:-–") if len(found) == 1 else ""
        if after and not re.search(r"\d|@", after) and (self.current or self.base).role == self.label:
            (self.current or self.base).role = f"{self.label} – {after}"  # `Nom : Michel BERSON, président du CG`
        others = [Contact(name=f[2], role=self.label) for f in found[1:]]
        self.named_with += [(other, self.current or self.base) for other in others]
        self.people += others

    def _role(self, value: str, line: str) -> None:
        target = self.current or self.base
        target.role = value or target.role

    def _address(self, value: str, line: str) -> None:
        target = self.current or self.base
        target.address = value or None

    def _phone(self, value: str, line: str) -> None:
        phone, fax = contacts.phone_and_fax(line)
        holder = re.search(r"\(([^()]+)\)\s*$", line)  # `Fax : 00.223.282.02.58 (Ali Badi MAIGA)`: the number's
        within = holder.group(1).rstrip() if holder else ""
        named = contacts.names(within)
        if named and named[0][0] == 0 and named[0][1] == len(within):
            self.holders.append(Contact(name=named[0][2], role=self.label, phone=phone, fax=fax))
            return
        other = re.search(r"\d\s+ou\s+(\d[\d .]{1,20}\d)", re.split(r"fax", line, flags=re.IGNORECASE)[0])
        if phone and other:  # `Tél : 0238703032 ou 3232`: both numbers
            phone = f"{phone} ou {squash_spaces(other.group(1))}"
        target = self.current or self.base
        target.phone, target.fax = target.phone or phone, target.fax or fax
        if re.search(r"\bfax\s*:?\s*$", line, re.IGNORECASE):
            self.fax_open = target  # its number may be on the next line

    def _email(self, value: str, line: str) -> None:
        found = EMAIL_RE.search(line)
        email = found.group(0) if found else None
        if self.current is not None:
            self.current.email = contacts.with_email(self.current.email, email)
        else:  # (an e-mail spelling another person of the sheet moves to them: contacts.owned_emails)
            self.base.email = email or self.base.email

    def _more_email(self, email: str) -> None:
        """A second address under the `@ :` line: the same person's, kept beside the first."""
        target = self.current or self.base
        target.email = contacts.with_email(target.email, email)

    def _website(self, value: str, line: str) -> None:
        self.base.website = value or None

    # the folded label -> what its value fills
    _LABELLED: ClassVar[dict[str, Callable[[ContactBlock, str, str], None]]] = {
        "nom": _name, "fonction": _role, "adresse": _address, "tel": _phone, "tél": _phone, "fax": _phone,
        "@": _email, "site web": _website}

    def _other_line(self, s: str, labelled: bool) -> None:
        base = self.base
        announced, self.announced = self.announced, None
        text, phone, email = _value_line(s) if announced and not labelled else ("", None, None)
        persons = _persons(text) if text and not _BULLET_LINE.match(s) else []  # `- Institut Régional …`: a list
        if announced and persons:  # `Gabrielle BOUYSSOU` … / `et autre personne responsable :` / `Guy Marboeuf`:
            name, role = persons[0]  # theirs, with what their name's line writes (`Guy MARBOEUF – 01 30 …`)
            role = f"{announced} – {role}" if role else announced
            self.current = Contact(name=name, role=role, phone=phone, email=email)
            self.people.append(self.current)
            return
        if base.name and not labelled and s.endswith(":") and not _persons(s.rstrip(" :")):
            self.announced = capitalised(re.sub(r"^et\s+", "", s.rstrip(" :")))  # `et autre personne responsable :`
            return
        last = self.current or base  # the person whose labelled lines were read last
        if self.in_address and not labelled and _LETTER.search(s) and not EMAIL_RE.search(s):
            # a postal address runs on its lines up to the next label (`Hôtel du département` / `2, rue de
            # St-Tropez, BP 400` / `56 009 Vannes cedex` / `Tél : …`), cut anywhere (`… 91440 Bures` / `Sur Yvette`);
            # a line of numbers only is a phone's (`BP : 998` / `: 673 41 35`)
            last.address = join_wrapped(last.address or "", s)
        elif base.role != self.label and base.address and not base.name:
            base.address += " " + s  # an address that wraps
        elif last.role and last.role != self.label and last.address is None and not labelled \
                and (re.search(r"\w-$", last.role) or _UNFINISHED_RE.search(last.role)
                     or re.match(r"^d(?:e|u|es)\s", s)):  # `Président de l’Assemblée Régionale` / `de Mopti`
            # `Maire et Conseiller Régional d’Ile-de-` / `France`, `… de Cercle et du` / `Comité local …`
            last.role = join_wrapped(last.role, s)
        elif not labelled and base.role == self.label and base.name is None and base.address is None \
                and re.match(r"^de |^d['’]", s):
            return  # `de …` before anything was read: the rest of the block's heading
        elif base.name and not self.free:
            self._free_line(s)  # `Michel HABIG – 3ème vice-président` / `Tél : …`: the numbers below are his
        else:
            self.free.append(s)

    def _free_line(self, s: str) -> None:
        """A free line after the block's first person was named: a person read now, whose labelled
        numbers and e-mail follow; a line in lower case goes on with their role."""
        current = self.current
        if current is not None and current.role and s[:1].islower():
            current.role = join_wrapped(current.role, s)  # `… et président de` / `la Commission …`
            return
        for c in contacts.people(s):
            if c.name:
                c.role = (c.role or "").lstrip(" –-") or None  # `Michel HABIG – 3ème vice-président`
            self._free_person(c)
            self.current = c if c.name else self.current

    def _free_person(self, c: Contact) -> None:
        """A person of a free line: the first person when no `Nom :` named one,
        else one more; a line without a name gives its numbers to the last person."""
        base, people = self.base, self.people
        if c.name and base.name is None and not people:
            base.name, base.phone, base.fax = c.name, base.phone or c.phone, base.fax or c.fax
            base.email = contacts.with_email(base.email, c.email)
            if c.role:
                base.role = f"{self.label} – {c.role}" if base.role == self.label else base.role
        elif c.name:
            c.role = c.role or self.label
            people.append(c)
        elif base.name or people:
            target = people[-1] if people else base
            if target.phone and c.phone and c.phone not in target.phone:  # `Mairie de Vielle-Aure : 05.62…`,
                target.phone = f"{target.phone}; {c.phone}"  # a second number of theirs
            target.phone, target.fax = target.phone or c.phone, target.fax or c.fax
            target.email = contacts.with_email(target.email, c.email)


def _value_line(entry: str) -> tuple[str, str | None, str | None]:
    """A value line's text without its e-mails and its trailing number, the number and the e-mails
    (`M. TOURE SALIOU 00 223 934 44 48`, `Gabrielle BOUYSSOU – 01 30 24 33 28`)."""
    email = contacts.with_email(None, "; ".join(EMAIL_RE.findall(entry)))
    text = without_emails(entry) if email else entry
    number = _TRAILING_NUMBER_RE.search(text)
    text = squash_spaces(text[:number.start()] if number else text).strip(" ,;:-–")
    return text, contacts.clean_number(number.group(0)) if number else None, email


def _name_only(text: str) -> bool:
    """A `Nom :` value that is a person's name even without the usual casing."""
    return bool(text) and len(text.split()) <= 4 and not re.search(r"\d|:|@", text) \
        and not any(fold(w) in contacts.ROLE_WORDS for w in text.split())


# `Messieurs N’DIAYE (depuis octobre 2006) et TOGOLA (depuis avril 2007)`: one civility for several
# surnames in capitals, each with its bracket
_PLURAL_CIVILITY_RE = re.compile(r"(?<!\w)(?:Messieurs|Mesdames|MM\.)\s+")
_PLURAL_NAME_RE = re.compile(r"\s*(?:,|\bet\b)?\s*([A-ZÀ-Ý][A-ZÀ-Ý'’\-]+[A-ZÀ-Ý])(?![\w'’])\s*(?:\(([^()]*)\))?")


def _plural_civility(text: str) -> list[tuple[str, str]]:
    """The persons after a plural civility, each with the words before the civility and their
    bracket as role (`sur programmes spécifiques (depuis octobre 2006)`)."""
    m = _PLURAL_CIVILITY_RE.search(text)
    if m is None:
        return []
    before = re.sub(r"^(?:et|Et)\s+", "", text[:m.start()].strip(" ,;:-–"))
    out, at = [], m.end()
    while (nm := _PLURAL_NAME_RE.match(text, at)) is not None and nm.end() > at:
        bracket = f"({nm.group(2).strip()})" if nm.group(2) else ""
        out.append((nm.group(1), " ".join(x for x in (before, bracket) if x)))
        at = nm.end()
    return out if len(out) > 1 and not text[at:].strip(" .;") else []


# `…, président de l’association Wa Zun We et Jean Etienne Dakouo, président de …`: a second person
# joined by `et` inside the first one's role, named in mixed case before a comma and a role word
_SECOND_PERSON_RE = re.compile(r"\s+et\s+((?:[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?\s+){1,3}"
                               r"[A-ZÀ-Ý][A-Za-zà-ÿ'’-]+),\s+(?=(\w+))")


def _persons(text: str) -> list[tuple[str, str]]:
    """`_named_persons`, with a second person the first one's role joins by `et` taken apart."""
    out: list[tuple[str, str]] = []
    for name, role in _named_persons(text):
        m = _SECOND_PERSON_RE.search(role)
        if m and contacts.is_role_word(m.group(2)) and not contacts.is_role_word(m.group(1).split()[0]):
            out += [(name, role[:m.start()].strip(" ,")), (m.group(1), role[m.end():].strip(" ,"))]
        else:
            out.append((name, role))
    return out


def _named_persons(text: str) -> list[tuple[str, str]]:
    """The persons of one value line, each with their role: `Josette LESSAVRE, Vice-présidente`,
    `Service Jeunesse et Sports : Anne Lise TREUSSART`; one person a line, so capitalised words
    before the surname are first names (`Aldiouma Baba Mory YATTARA`); a name without capitals
    (`Moistapha Fofana, secrétaire`, `Modibo Coulibaly Secrétaire Général`, `M. Perrussel`,
    `M. LE PREFET DOUYON`) when all its words are capitalised; `Le Maire` names no one."""
    plural = _plural_civility(text)
    if plural:
        return plural
    found = contacts.names(text)
    if found:
        if len(found) > 1 and not found[0][2].split()[-1].isupper() and not text[found[0][1]:found[1][0]].strip():
            # `Aldiouma Baba Mory YATTARA`: one name a line, not `Aldiouma Baba` and `Mory YATTARA`
            found = [(found[0][0], found[1][1], f"{found[0][2]} {found[1][2]}"), *found[2:]]
        out = []
        for n, (a, b, name) in enumerate(found):
            firsts = text[:a].split() if n == 0 else []
            if firsts and all(w[:1].isupper() and w[-1:].isalpha() and not _is_role(w)
                              and not _CIVILITY_WORD_RE.match(w) for w in firsts):
                name, a = f"{' '.join(firsts)} {name}", 0
            end = found[n + 1][0] if n + 1 < len(found) else len(text)
            parts = (_CIVILITY_RE.sub("", text[:a] if n == 0 else ""), text[b:end])  # `A Lille : NAME, role`
            out.append((name, ", ".join(p for p in (squash_spaces(x).strip(" ,;:-–") for x in parts) if p)))
        return out
    if _ARTICLE_SURNAME.fullmatch(text.strip()):
        return [(text.strip(), "")]
    civility = _CIVILITY_RE.match(text)
    cut = re.search(r"\s*[,(]\s*", text)  # `Moistapha Fofana, secrétaire`, `Helmut Schwenzer (Vice-président)`
    written, comma, role = (text[:cut.start()], cut.group(0), text[cut.end():].rstrip(" )")) if cut \
        else (text, "", "")
    if not comma and not civility:  # `Modibo Coulibaly Secrétaire Général`: the role from its first word
        words = written.split()
        at = next((k for k, w in enumerate(words) if _is_role(w)), len(words))
        written, role = " ".join(words[:at]), " ".join(words[at:])
    person = contacts.person_name(written)
    if not person or not all(w[:1].isupper() or fold(w) in _PARTICLES for w in person.split()):
        return []  # `… amitiés`: the words of a name all have capitals
    if len(person.split()) < 2 and not civility:
        return []  # `DCAP`, `Kayes`: one word is a name only after a civility
    if civility and not comma:  # `M. LE PREFET DOUYON`: the title is the role
        rest = _CIVILITY_RE.sub("", written)
        role = squash_spaces(rest.replace(person, " "))
    return [(person, role.strip(" ,;:-–"))]


def _is_role(word: str) -> bool:
    return fold(word).strip(".'’,:") in contacts.ROLE_WORDS


# `Patrice Berger, Directeur adjoint`: a partner's person in the presentation's `Partenaires :` field,
# first names and surname in mixed case before a comma and a role word
_PARTNER_PERSON_RE = re.compile(
    r"^(?P<name>(?:[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?\s+){1,2}(?:(?:Di|De|Le|La)\s+)?"
    r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]+),\s+(?P<role>\S.*)$")


def partner_field_persons(lines: list[str], french: Party, partner: Party | None, country: str,
                          known: list[Contact]) -> list[Contact]:
    """The persons the `Partenaires :` field names under their organisation (Grand Lyon–Bamako
    l.7834-7844: `Agence d’urbanisme de Lyon` / `Développement urbain …` / `Patrice Berger, Directeur
    adjoint` / `Tel : …` / `p.berger@…`), with the numbers and e-mail of the lines below; side from
    what these say, else French (the field lists the French collectivity's partners)."""
    out: list[Contact] = []
    org: str | None = None
    current: Contact | None = None
    for raw in lines:
        s = squash_spaces(raw)
        if not s:
            org, current = None, None
            continue
        m = _PARTNER_PERSON_RE.match(s)
        if m and contacts.is_role_word(m.group("role").split()[0]):
            current = Contact(name=m.group("name"), role=m.group("role").strip(" ."), organisation=org)
            if not any(contacts.same_person(current.name, k.name) for k in known + out):
                out.append(current)
            continue
        if current is not None and (re.match(r"^(Tél|Tel|Fax|@)", s, re.IGNORECASE) or EMAIL_RE.fullmatch(s)):
            phone, fax = contacts.phone_and_fax(s)
            found = EMAIL_RE.search(s)
            current.phone, current.fax = current.phone or phone, current.fax or fax
            current.email = contacts.with_email(current.email, found.group(0) if found else None)
            continue
        current = None
        org = s if org is None and len(s) < 70 and not re.search(r"\d", s) else org
    f_names = [french.name]
    p_names = [partner.name] if partner else []
    for c in out:
        c.side = contacts.side_of(c, f_names, p_names, country) or "french"
    return out
