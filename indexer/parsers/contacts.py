"""Contact lines: a person's name, role, organisation, phone, fax, e-mail and
address taken apart, and the side (French or partner) decided by the
organisation, the address or the phone number, never by the position on the
page (repertoires print the two sides in two columns that the extraction
often interleaves or swaps).
"""
from __future__ import annotations

import re

from ..records import Contact
from ..text import EMAIL_RE, fold, squash_spaces

_UP = r"[A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý'’\-]*[A-ZÀ-ÖØ-Ý](?![a-zà-öø-ÿ])"
_CAP = r"[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ'’]+)?"
CIVILITY = r"(?:M\.|Mme\.?|Mlle\.?|Melle\.?|Mr\.?|Monsieur|Madame|Dr\.?)"
# Capitalised words that are roles or labels, never first names.
ROLE_WORDS = {
    "adjoint", "adjointe", "maire", "president", "presidente", "directeur", "directrice", "charge",
    "chargee", "secretaire", "responsable", "conseiller", "conseillere", "elu", "elue", "service",
    "direction", "mairie", "ville", "commune", "nom", "fonction", "adresse", "contact", "tel",
    "fax", "chef", "vice", "general", "generale", "delegue", "deleguee", "mission", "cabinet",
    "premier", "premiere", "coordinateur", "coordinatrice", "agent", "comite", "association",
    "monsieur", "madame", "collectivite", "region", "departement", "conseil", "le", "la", "les",
    "de", "du", "des", "et", "pour", "avec", "sous", "prefet", "wali", "gouverneur", "depute",
}
_PARTICLE = r"(?:(?:de|du|des|d['’]|van|von|ben|ould|ag)\s*)"
_NAME_RE = re.compile(
    rf"(?:{CIVILITY}\s*)?(?:(?P<fs>(?:{_CAP}\s+){{1,2}}(?:[A-Za-z]\.\s*)?{_PARTICLE}?)(?P<ln>{_UP}(?:\s+{_UP})*)"
    rf"|(?P<ln2>{_UP}(?:\s+{_UP})*)\s+(?P<fs2>{_CAP}(?:\s+{_CAP})?)(?![a-zà-ÿ]))")
_PHONE_LABEL = r"(?:t[ée]l[ée]?(?:phone)?|tel|port(?:able)?|gsm|mobile|standard|ligne directe)"
_NUMBER_RE = re.compile(r"(?:\+\s?\d{1,3}|\(\s?\+?\d{2,5}\s?\)|00\s?\d{2,3})?"  # an international prefix
                        r"[\s.\-/]*(?:\(0\))?[\s.]*\d[\d\s.\-/]{5,}\d")


def _is_role(word: str) -> bool:
    return fold(word).strip(".'’") in ROLE_WORDS


def is_role_word(word: str) -> bool:
    """A capitalised word that is a role or a label (`Directeur`, `Délégué`), never a first name."""
    return _is_role(word)


# Acronyms the name pattern would take for a surname after a capitalised word (`Kayes BP 123`).
_ACRONYMS = frozenset({"CG", "CR", "CU", "ONG", "MAE", "BP", "ASDEK"})


# A civility, then a name in mixed case up to a comma or the line's end: `- M. Babdoulaye Sow, Directeur des
# services` (the civility says a person is named, where `Prénom Nom` alone could be anything capitalised)
_CIVIL_MIXED_RE = re.compile(
    rf"(?<!\w)(?:M\.|Mme\.?|Mlle\.?|Monsieur|Madame)\s+({_CAP}(?:\s+{_CAP}){{1,2}})(?=\s*,|\s*$)")


def names(text: str) -> list[tuple[int, int, str]]:
    """Person names in a line, as (start, end, name): `Prénom NOM`, `NOM
    Prénom`, with a civility that is dropped; role words are not first names;
    after a civility, `Prénom Nom` in mixed case too (`_CIVIL_MIXED_RE`)."""
    found = _names(text)
    for m in _CIVIL_MIXED_RE.finditer(text or ""):
        words = m.group(1).split()
        if not any(a < m.end(1) and m.start(1) < b for a, b, _ in found) and not _is_role(words[0]):
            found.append((m.start(1), m.end(1), m.group(1)))
    return sorted(found)


def _names(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _NAME_RE.finditer(text or ""):
        if m.group("ln"):
            firsts = m.group("fs").split()
            while firsts and _is_role(firsts[0]):
                firsts.pop(0)
            if not firsts or len(m.group("ln").replace("-", "")) < 2:
                continue
            last = m.group("ln")
            if all(_is_role(w) for w in last.split()) or last in _ACRONYMS:
                continue
            start = m.start("fs") + m.group("fs").find(firsts[0])
            before = re.search(rf"({_CAP}(?:\s+(?:de\s+la|de|du|des|le|la))*)\s+$", text[:start])
            if len(firsts) == 2 and before and not _is_role(before.group(1)):
                # `Alain Rousset Vincent FELTESSE`: a mixed-case name, then another
                out.append((before.start(1), start + len(firsts[0]), f"{before.group(1)} {firsts[0]}"))
                firsts, start = firsts[1:], start + m.group("fs")[m.group("fs").find(firsts[0]):].find(firsts[1])
            out.append((start, m.end(), " ".join(firsts + [last])))
        else:
            last, firsts = m.group("ln2"), m.group("fs2").split()
            if any(_is_role(w) for w in last.split() + firsts[:1]) or len(last) < 3:
                continue
            if re.search(r"\d", last):
                continue
            if len(last.split()) >= 2 and re.match(rf"\s+{_UP}", text[m.end():]):
                # `EDMOND HERVE Daniel DELAVEAU`: a name in capitals, then `Prénom NOM`, not `NOM Prénom`
                out.append((m.start("ln2"), m.end("ln2"), last))
                out += [(a + m.start("fs2"), b + m.start("fs2"), n) for a, b, n in _names(text[m.start("fs2"):])]
                break
            out.append((m.start("ln2"), m.end(), f"{last} {' '.join(firsts)}"))
    return out


def person_name(text: str | None) -> str | None:
    """Only the person's name in a name field (`M. Mehdi MENNAD` -> `Mehdi MENNAD`,
    `M. ARGHLANE` -> `ARGHLANE`, `M AREZKI BENSALEM` -> `AREZKI BENSALEM`); None when
    the field names a role, not a person (`Wali d'Adrar`)."""
    t = squash_spaces(re.sub(rf"^\s*(?:{CIVILITY}|M(?=\s))\s*", "", text or "")).strip(" ,;:")
    words = t.split()
    while len(words) > 1 and (_is_role(words[0]) or fold(words[0]) in ("le", "la")):
        words.pop(0)  # `le Président Raymond Forni`
    t = " ".join(words)
    if not t:
        return None
    found = names(t)
    if found and found[0][0] == 0:
        return found[0][2]
    words = t.split()
    if len(words) > 4 or re.search(r"\d|@", t) or any(_is_role(w) for w in words) \
            or re.search(r"\b(d|l)['’]", t):
        return None
    return t


def clean_number(text: str | None) -> str | None:
    """`Tél. : . : 01 69 10 37 03` -> `01 69 10 37 03`; None without digits."""
    if not text:
        return None
    m = _NUMBER_RE.search(text)
    return squash_spaces(m.group(0)).strip(" .-/") if m else None


def phone_and_fax(text: str) -> tuple[str | None, str | None]:
    """The phone and fax numbers of a line such as `Tél : 01 69 10 37 03 Fax :01 69 10 37 99`."""
    fax_at = re.search(r"fax\b", text, re.IGNORECASE)
    if fax_at is None:
        return clean_number(text), None
    before, after = text[:fax_at.start()], text[fax_at.end():]
    phone = clean_number(before)
    fax = clean_number(after)
    if re.search(rf"{_PHONE_LABEL}\s*/\s*$", before, re.IGNORECASE):  # "Tél/Fax : …"
        fax = fax or phone
    return phone, fax


def take_email(text: str, contact: Contact) -> str:
    """`text` without the e-mails it holds, which are `contact`'s beside those it has (`with_email`, as
    the Morocco reader keeps a person's second address): a person's line goes on with them (`Mme Deya
    BENJELLOUN, Responsable de la Division … - deya_cu@yahoo.fr`), and a role is no place for them."""
    for em in EMAIL_RE.findall(text):
        contact.email = with_email(contact.email, em)
    # each address where it stands: replacing `a.dupont@…` everywhere would cut it out of `ma.dupont@…`
    return EMAIL_RE.sub(" ", text)


# a number ending a line, after its start, a colon, a dash or a space, without a phone label
_BARE_NUMBER_RE = re.compile(r"(?:^|(?<=[\s:–\-]))(?:\+\s?|\(\s?\+?)?\d[\d\s.\-/()]{5,}\d\s*$")


def bare_phone(text: str) -> tuple[int, str] | None:
    """A phone number that ends a line without a label (`Mairie de Vielle-Aure : 05.62.39.58.93`,
    `Guy MARBOEUF – 01 30 24 64 37`, `: 673 41 35`), as (where it starts, the number): 7 to 15 digits that
    are no period of years (`2005-2008`), no date, no postcode or box after `BP` / `Cedex`, and no amount
    (`3 000 000`, after `budget`) or count written whole (`1200000`)."""
    m = _BARE_NUMBER_RE.search(text)
    if m is None:
        return None
    groups, found = re.findall(r"\d+", m.group(0)), m.group(0).strip()
    if not 7 <= sum(len(g) for g in groups) <= 15 or all(re.fullmatch(r"(?:19|20)\d\d", g) for g in groups) \
            or re.fullmatch(r"\d{1,3}(?:[\s.]\d{3})+", found):  # `3 000 000`: thousands, an amount
        return None
    # a date (`10/10/2008`), a period before an amount (`2006-2007 12 747`), a count written whole
    # (`1200000`): none is a phone (review 2 of round 47; no contact line has them today)
    if re.search(r"\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d\b|\b(?:19|20)\d\d\s?[-/]\s?(?:19|20)?\d\d\b", found) \
            or re.fullmatch(r"[1-9]\d+", found):
        return None
    if re.search(r"\b(?:B\.?\s?P\.?|bo[iî]te postale|cedex|n°)\s*:?\s*$", text[:m.start()], re.IGNORECASE) \
            or re.search(r"\b(?:budget|montant|co[uû]t|total|subvention)", text[:m.start()], re.IGNORECASE):
        return None
    number = clean_number(m.group(0))
    return (m.start(), number) if number else None


def read_line(text: str, contact: Contact | None = None) -> Contact:
    """Take one free contact line apart into a Contact (or complete `contact`):
    e-mail, phone and fax (a number ending the line without a label is a phone: `bare_phone`),
    the person's name, and the rest as the role."""
    c = contact or Contact()
    s = take_email(squash_spaces(text), c)
    tel = re.search(rf"\b({_PHONE_LABEL}|fax)\b.*$", s, re.IGNORECASE)
    if tel and re.search(r"\d", tel.group(0)):
        phone, fax = phone_and_fax(tel.group(0))
        c.phone, c.fax = c.phone or phone, c.fax or fax
        s = s[:tel.start()]
    elif (bare := bare_phone(s)) is not None:
        c.phone = c.phone or bare[1]
        s = s[:bare[0]].rstrip(" ,;:-–")
    found = names(s)
    if found and not c.name:
        a, b, name = found[0]
        c.name = name
        before, after = s[:a].rstrip(), s[b:].strip(" ,;:-")
        if before.endswith(":") and after:  # `A Kayes : NAME, responsable de …`: the place, then the role
            rest = squash_spaces(f"{before.rstrip(' :')} – {after}")
        else:
            rest = squash_spaces((s[:a] + " " + s[b:]).strip(" ,;:-"))
        rest = re.sub(r"^(?:et/ou autre\s+)?personne (?:responsable|ressource)\s*:?\s*", "", rest, flags=re.IGNORECASE)
        rest = re.sub(rf"^{CIVILITY}\s*", "", rest).strip(" ,;:-")
        if rest:
            c.role = f"{c.role} – {rest}" if c.role else rest
    elif s.strip(" ,;:-"):
        rest = s.strip(" ,;:-")
        c.role = f"{c.role} – {rest}" if c.role else rest
    return c


def named_in(email: str, people: list[Contact]) -> Contact | None:
    """The one person whose surname the e-mail's local part spells (`emilie.becouze@…`,
    `hsogliuzzo@…`), if exactly one of `people` does: a block's e-mail is theirs."""
    local = re.sub(r"[^a-z]", "", fold(email.split("@")[0]))
    found = [c for c in people if c.name and len(w := re.sub(r"[^a-z]", "", fold(c.name.split()[-1]))) >= 3
             and w in local]
    return found[0] if len(found) == 1 else None


def named_by_email(c: Contact) -> Contact:
    """A contact without a name whose role ends with the words its e-mail spells (`prenom.nom@…` or
    `pnom@…`) is that person: the name is on the heading's line, after the office, in mixed case
    that `names` does not take for a name (Bron l.12665 `Responsable des … Relations Internationales
    Joëlle Vallet` with `joelle.vallet@…`, CU Bordeaux l.5766 `… internationale Anne raimat` with
    `araimat@…`). The role keeps the words before."""
    if c.name or not c.email or not c.role:
        return c
    words = c.role.split()
    for address in c.email.split("; "):
        local = re.sub(r"[^a-z]", "", fold(address.split("@")[0]))
        for n in (2, 3):
            tail = words[-n:]
            letters = [re.sub(r"[^a-z]", "", fold(w)) for w in tail]
            if len(words) <= n or not tail[0][:1].isupper() or _is_role(tail[0]) or len(letters[-1]) < 3:
                continue
            if local in ("".join(letters), letters[0][:1] + "".join(letters[1:])):
                c.name, c.role = " ".join(tail), " ".join(words[:-n]).strip(" ,;:-–")
                return c
    return c


_LISTED = ("phone", "fax")  # numbers a contact may hold several of (`a; b`; e-mails: `with_email`)


def merged(people: list[Contact]) -> list[Contact]:
    """One contact per person and side: a mayor who is also the elected official in charge of the
    partnership is listed once, where first named, with both roles (`Maire ; Élu en charge du
    partenariat`) and the numbers either block gives. Contacts without a name stay as they are."""
    out: list[Contact] = []
    first: dict[tuple[str, str | None], Contact] = {}
    for c in people:
        key = (fold(c.name or "").strip(), c.side)
        kept = first.get(key) if c.name else None
        if kept is None:
            if c.name:
                first[key] = c
            out.append(c)
            continue
        if kept.role and c.role and fold(c.role) not in fold(kept.role):
            kept.role = c.role if fold(kept.role) in fold(c.role) else f"{kept.role} ; {c.role}"
        kept.role = kept.role or c.role
        for f in ("organisation", "phone", "fax", "email", "address", "website"):
            mine, theirs = getattr(kept, f), getattr(c, f)
            if f == "email":  # the office's and their own e-mail, each once (`a.dupont@…` is not `ma.dupont@…`)
                kept.email = with_email(mine, theirs)
            elif theirs and (not mine or f in _LISTED and fold(theirs) not in fold(mine)):
                setattr(kept, f, f"{mine}; {theirs}" if mine else theirs)
    return out


def with_email(current: str | None, new: str | None) -> str | None:
    """A contact's e-mails with those of `new` (one address, or several as `a; b`): a second address
    under the same person is kept (Montpellier: `relations.internationales@…`, then `marie-jose.jean@…`),
    a repeated one (whole addresses, in any capitals) is not. Every reader gives a person an address
    this way (`take_email`, the CUF and Algeria contact blocks, `merged`, the Morocco reader)."""
    for address in (new or "").split("; "):
        if address and fold(address) not in [fold(x) for x in (current or "").split("; ")]:
            current = f"{current}; {address}" if current else address
    return current


def owned_emails(people: list[Contact]) -> list[Contact]:
    """A sheet's contacts with each e-mail moved to the one person whose surname it spells, when another
    holds it and that person has none: a block's lines read out of order (`Jean-Michel LARROCHE` /
    `Delphine PAMBRUN` / `@ : delphine.pambrun@…`), an e-mail printed under another person's name.
    Of a list (`a; b`), each address moves alone: Safi's `meftahasma@…` and `idrissi05@…`, printed
    under Mme MEFTAH and M. EL IDRISI, are one each."""
    for c in people:
        parts = c.email.split("; ") if c.email else []
        kept = []
        for part in parts:
            owner = named_in(part, people)
            if owner is not None and owner is not c and not owner.email:
                owner.email = part
            else:
                kept.append(part)
        c.email = "; ".join(kept) or None
    return people


def people(text: str) -> list[Contact]:
    """Every person named on one line (`Jean HARTZ Manuel VALLS` is two), each
    with the line's numbers; a line without a name gives one contact without one."""
    found = names(text)
    if len(found) <= 1:
        return [read_line(text)]
    out = []
    cuts = [a for a, _, _ in found[1:]] + [len(text)]
    prev = 0
    for cut in cuts:  # one per name: each contact runs to where the next name starts
        out.append(read_line(text[prev:cut]))
        prev = cut
    return out


_COUNTRY_CODES = {"33": "France", "223": "Mali", "212": "Maroc", "213": "Algérie", "226": "Burkina Faso",
                  "221": "Sénégal", "227": "Niger", "261": "Madagascar"}


def _phone_country(number: str | None) -> str | None:
    if not number:
        return None
    digits = re.sub(r"[^\d+]", "", number)
    m = re.match(r"^(?:\+|00)(\d{2,3})", digits) or re.match(r"^\(\+?(\d{2,3})\)", number.replace(" ", ""))
    if m:
        for code, country in _COUNTRY_CODES.items():
            if m.group(1).startswith(code):
                return country
    plain = re.sub(r"\D", "", number)
    if len(plain) == 10 and plain.startswith("0"):
        return "France"
    if 10 <= len(plain) <= 12:  # a country code written without `+` or `00` (`223 222 06 68`)
        return next((country for code, country in _COUNTRY_CODES.items() if code != "33" and plain.startswith(code)),
                    None)
    return None


def side_of(c: Contact, french_names: list[str], partner_names: list[str],
            partner_country: str | None) -> str | None:
    """`french` or `partner` from what the contact says of itself: its phone's
    country, its organisation, address, role or e-mail naming one party or
    the partner's country. None when nothing tells (the caller then falls
    back on the layout)."""
    for number in (c.phone, c.fax):
        country = _phone_country(number)
        if country == "France":
            return "french"
        if country is not None:
            return "partner"
    text = fold(" ".join(x for x in (c.organisation, c.address, c.role, c.email) if x))
    if not text:
        return None
    words = set(re.findall(r"[a-z0-9]+", text))

    def mentions(name: str) -> bool:
        ws = [w for w in re.findall(r"[a-z0-9]+", fold(name)) if len(w) > 2 and w not in _GENERIC]
        return bool(ws) and all(w in words for w in ws)

    partner = any(mentions(n) for n in partner_names if n)
    french = any(mentions(n) for n in french_names if n)
    if partner_country and fold(partner_country) in text:
        partner = True
    if re.search(r"\.(ml|ma|dz|bf|sn|ne|mg)\b", c.email or ""):
        partner = True
    if partner != french:
        return "partner" if partner else "french"
    # a French postcode, glued to its town as an extraction may write it (PACA's « 13481Marseille Cedex 20 »)
    if re.search(r"(?<![\d\w])\d{5}(?!\d)", c.address or "") and not partner:
        return "french"
    return None


_GENERIC = {"commune", "ville", "mairie", "conseil", "general", "regional", "cercle", "region", "rurale",
            "urbaine", "communaute", "agglomeration", "des", "les", "district", "province", "wilaya",
            "prefecture", "assemblee"}


# A civility in running text (`… conduite par M. Abdelaziz AYACHI (Membre …)`); `MM.` names several.
_CIVILITY_IN_TEXT = re.compile(rf"(?<![\w.]){CIVILITY}\s+")
# the lower-case words inside a person's name (`Henri de BEAUMONT`, `Omar el Jazouli`)
PARTICLES = {"de", "du", "des", "d'", "d’", "el", "al", "ben", "ould", "ag", "van", "von"}
# `Jean-Michel DACLIN` without a civility: a compound first name before a capitalised surname
_COMPOUND_FIRST = re.compile(rf"(?<![\w-])({_CAP}-\s?{_CAP})\s+({_UP}(?:\s+{_UP})*)")


def _name_span(text: str) -> str:
    """The capitalised words a civility introduces, up to punctuation or a lower-case word
    (`le Maire de Vierzon` is none: a name opens with a capital)."""
    seg = re.split(r"[,;:()«»–\n]", text, maxsplit=1)[0]
    words: list[str] = []
    tokens = seg.split()
    for k, w in enumerate(tokens[:6]):
        particle = bool(words) and fold(w) in PARTICLES and tokens[k + 1:k + 2] != [] \
            and tokens[k + 1][:1].isupper()  # `Omar el Jazouli`
        if w[:1].isupper() or particle:
            words.append(w)
        else:
            break
    return " ".join(words).rstrip(".")


def named_in_text(text: str, compound: bool = False) -> list[tuple[int, int, str]]:
    """Persons a running text names with a civility (`M. DELANOË, Maire de Paris`, `Mme Madani`,
    `M. Hichem BELAALA (Conseiller du Recteur)`), as (start, end, name); with `compound`, also
    `Jean-Michel DACLIN` (a compound first name and a surname in capitals, no civility)."""
    out = []
    for m in _CIVILITY_IN_TEXT.finditer(text or ""):
        span = _name_span(text[m.end():])
        name = person_name(span) if span else None
        if name and re.search(r"[A-Za-zÀ-ÿ]{2}", name):
            out.append((m.start(), m.end() + len(span), name))
    if compound:
        for m in _COMPOUND_FIRST.finditer(text or ""):
            if not any(a <= m.start() < b for a, b, _ in out) and not _is_role(m.group(1).split("-")[0]):
                first = re.sub(r"-\s+", "-", m.group(1))
                out.append((m.start(), m.end(), f"{first} {m.group(2)}"))
    return sorted(out)


def role_after(text: str, end: int) -> str | None:
    """The role written after a name in running text: `(Recteur)`, or `, Maire de Paris,` up to
    the next comma, semicolon or sentence end."""
    rest = text[end:]
    m = re.match(r"\s*\(([^()]{2,120})\)", rest) \
        or re.match(r"\s*,\s*([^,;()\n–]{2,150}?)(?=[,;()\n–]|\.\s|\.$|\squi\b|$)", rest)
    role = squash_spaces(m.group(1)).strip(" .") if m else ""
    return None if not role or _CIVILITY_IN_TEXT.match(role + " ") else role


def same_person(a: str | None, b: str | None) -> bool:
    """Two writings of one person: the same surname, and first names that agree where both
    are written (`DELANOË` / `Bertrand DELANOË`, `J.C. Gaudin` / `Jean Claude GAUDIN`)."""
    wa, wb = (re.findall(r"[a-z]+", fold(x or "")) for x in (a, b))
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    ia, ib = ([w[0] for w in ws[:-1] if w not in PARTICLES] for ws in (wa, wb))
    n = min(len(ia), len(ib))
    return ia[:n] == ib[:n]
