"""The parties of the Algerian document: French collectivities as its table and sheet headers
write them (`CR PACA`, `CONSEIL GENERAL DU BAS RHIN`, `LYON`), Algerian communes and wilayas,
and the places their contact blocks add (`GRENOBLE, département de L'Isère (38)`); every place
spelt as the geography tables spell it (`Sétif`, `Béjaïa`)."""
from __future__ import annotations

import re
from typing import Final

from .. import geography
from ..ids import name_key
from ..records import Contact, Party
from ..text import fold, normal_case, slugify, squash_spaces
from . import fields
from .algerie_blocks import repair
from .algerie_table import KIND_PREFIX
from .contacts import named_in_text, role_after, same_person

ALGERIA: Final = "Algérie"

_PREFIX_WORDS = {
    "CR": "Conseil régional", "CG": "Conseil général",
    "CU": "Communauté urbaine", "CA": "Communauté d'agglomération",
}
# Article before a département or région name (folded slug -> article).
_ARTICLES = {
    "gironde": "de la ", "isere": "de l'", "bas-rhin": "du ", "bouches-du-rhone": "des ",
    "nord": "du ", "seine-saint-denis": "de la ", "herault": "de l'",
}
_DISPLAY = {"paca": "Provence-Alpes-Côte d'Azur", "rhone-alpes": "Rhône-Alpes",
            "franche-comte": "Franche-Comté", "haute-normandie": "Haute-Normandie",
            "bouches-du-rhone": "Bouches-du-Rhône", "isere": "Isère", "herault": "Hérault",
            "bas-rhin": "Bas-Rhin", "seine-saint-denis": "Seine-Saint-Denis"}
_POP_RE = re.compile(r"^(?P<name>.*?)\s*\((?P<pop>[^()]*habitants[^()]*)\)\s*$", re.IGNORECASE)


def _title_case(name: str) -> str:
    """Place names in normal case whatever their writing (`alger`, `ADRAR`)."""
    return normal_case(repair(name).upper()).replace(" - ", "-")


def slug(name: str) -> str:
    """A name's key for comparing names (a table row's and its sheet's) and looking them up."""
    return slugify(name)


def population(text: str | None) -> int | None:
    """A population field's number; none for an empty field."""
    return fields.population(text) if text else None


def split_population(header: str) -> tuple[str, str | None]:
    """A sheet header's name and the population it gives in brackets (`(1,1 MILLIONS d’habitants)`); a `nb`
    left in the form's place is none."""
    m = _POP_RE.match(header.strip())
    if not m:
        return squash_spaces(header), None
    pop = squash_spaces(m.group("pop"))
    return squash_spaces(m.group("name")), (None if re.search(r"\bnb\b", pop, re.IGNORECASE) else pop)


def _french_name(kind_code: str | None, own: str) -> str:
    own_slug = slug(own)
    display = _DISPLAY.get(own_slug, _title_case(own))
    if kind_code in ("CR", "CG"):
        article = _ARTICLES.get(own_slug, geography.de_before(display))
        return f"{_PREFIX_WORDS[kind_code]} {article}{display}"
    if kind_code in ("CU", "CA"):
        return f"{_PREFIX_WORDS[kind_code]} de {display}"
    return display


def french_party(raw: str, group: str | None = None) -> Party:
    """A French collectivity from a table cell or a sheet header."""
    raw = squash_spaces(raw)
    text = repair(raw).replace("’", "'")
    up = fold(text).upper()
    code, own = None, text
    m = re.match(r"^(CR|CG|CU|CA)\s+(.+)$", text)
    if m:
        code, own = m.group(1), m.group(2)
    elif re.match(r"^CONSEIL REGIONAL\b", up):
        code, own = "CR", re.sub(r"^\S+\s+\S+\s+(DE LA |DE L'|DES |DU |DE |D')?", "", text, flags=re.IGNORECASE)
    elif re.match(r"^CONSEIL GENERAL\b", up):
        code, own = "CG", re.sub(r"^\S+\s+\S+\s+(DE LA |DE L'|DES |DU |DE |D')?", "", text, flags=re.IGNORECASE)
    elif "COMMUNAUTE URBAINE" in up:
        code = "CU"
        own = re.split(r"\s+(?:GRAND LITTORAL|[–-]\s*COMMUNAUT)", text, flags=re.IGNORECASE)[0]
    elif group == "CR":
        code = "CR"
    own = re.sub(r"\s*-\s*", "-", own.strip())
    kind = KIND_PREFIX.get(code or "", "commune")
    name = _french_name(code, own)
    party = Party(name=name, name_raw=raw, kind=kind, country="France")
    if kind == "région":
        party.region = _DISPLAY.get(slug(own), _title_case(own))
    elif kind == "département":
        party.subdivision = _DISPLAY.get(slug(own), _title_case(own))
    else:  # a town the French table knows (`BELFORT`, `PARIS`), or its communauté's town
        france = geography.of("France")
        place = france.lookup(own, "commune") or france.lookup(own, "subdivision")
        if place is not None:
            party.region, party.subdivision = place.region, place.subdivision
            party.place_from_table = place.level == "commune"
    return party


def partner_party(raw: str, kind_hint: str | None = None) -> tuple[Party, list[str]]:
    """An Algerian collectivity; a bare `ALGER` is the wilaya (no single commune)."""
    raw = squash_spaces(raw)
    text = repair(raw).replace("’", "'")
    notes: list[str] = []
    m = re.match(r"^(WILAYA|APC|APW)\s+(?:(?:DE|D')\s*)?(.+)$", text, re.IGNORECASE)
    kind = "commune"
    own = text
    if m:
        kind = "wilaya" if m.group(1).upper() in ("WILAYA", "APW") else "commune"
        own = m.group(2)
    elif kind_hint == "wilaya":
        kind = "wilaya"
    own_name = _title_case(own)
    place = geography.of(ALGERIA).lookup(own_name)
    if (place is not None and place.level in ("region", "commune")
            and geography.key(place.name) == geography.key(own_name)):
        own_name = place.name  # its accents: `SETIF` -> Sétif, `BEJA ÏA` -> Béjaïa (TIPASA stays, ids too)
    if kind == "commune" and slug(own_name) == "alger":
        kind = "wilaya"
        notes.append(f"Le document écrit « {raw} » : compris comme la wilaya d'Alger "
                     "(la ville d'Alger n'est pas une seule commune).")
    region: str | None
    if kind == "wilaya":
        name = "Wilaya " + geography.with_de(own_name)
        region = own_name
    else:
        name = own_name
        place = geography.of(ALGERIA).lookup(own_name)
        region = place.region if place else None
    return Party(name=name, name_raw=raw, kind=kind, country=ALGERIA, region=region), notes


def place_french(party: Party, org: str | None) -> None:
    """`GRENOBLE, département de L'Isère (38)` -> subdivision; a mixed-case
    name with the same key gives the accents the header lost."""
    if not org:
        return
    name, _, place = org.partition(",")
    name = re.sub(r"^(Ville de|Commune de|Mairie de)\s+", "", name.strip(), flags=re.IGNORECASE).replace("’", "'")
    if name and name_key(name) == name_key(party.name) and not re.search(r"[A-Z]{3,}", name):
        party.name = squash_spaces(name)
    code = re.search(r"\((\d{2})\)", org)  # `Ville de Belfort (90)`: the département's number
    known = geography.of("France").lookup(code.group(1), "subdivision") if code else None
    if known is not None and party.kind == "commune" and not party.region:
        party.region, party.subdivision = known.region, known.name
        party.place_from_table = False  # the document's number
    m = re.search(r"d[ée]partement\s+(?P<d>.*)$", place)
    if not m or party.kind != "commune":
        return
    d = re.sub(r"\(\d+\)", "", m.group("d"))
    d = re.sub(r"^(des|du|de\s*:|de la|de l\s*['’]|d\s*['‘’]|de)\s*", "", d.strip(), flags=re.IGNORECASE)
    d = re.sub(r"^(la|l['’])(?=[A-ZÉ])", "", d).strip(" :,")
    if not d:
        return
    d = _title_case(d)
    if geography.of("France").region(d):
        party.region = d
    else:
        party.subdivision = d
    party.place_from_table = False  # the document's words


def place_partner(party: Party, org: str | None) -> None:
    """A partner commune's région: the wilaya its contact block's organisation names (`…, wilaya de Y`)."""
    if not org:
        return
    m = re.search(r"wilaya\s+(?:de|d['’])\s*(?P<w>[^,()]+)", org, re.IGNORECASE)
    if m and m.group("w").strip() and party.kind == "commune":
        party.region = _title_case(m.group("w").strip())


# Words that place a person on the Algerian side: its institutions and the country.
_ALGERIAN_RE = re.compile(r"\b(wali|apc|apw|assemblee populaire|wilaya|daira|algerie|algerien(ne)?s?|algerois)\b")
_FRENCH_RE = re.compile(r"\b(france|francais(e)?)\b")
# the author of a show is its subject, not an actor of the partnership (`Conférence de M. X`)
_SUBJECT_RE = re.compile(r"\b(conférence|exposition|concert|spectacle|film|livre|ouvrage)s?\s+(de|d['’])\s*$",
                         re.IGNORECASE)


def _core_words(name: str) -> list[str]:
    generic = {"ville", "commune", "conseil", "general", "regional", "communaute", "urbaine", "wilaya", "des",
               "les", "agglomeration"}
    return [w for w in re.findall(r"[a-z]+", fold(name)) if len(w) > 2 and w not in generic]


def _named_side(text: str, french: Party, partners: list[Party], last: bool = True) -> str | None:
    """The side of the party the text names last (`… délégation de l'Université de Sétif.
    Cette délégation est composée de` -> partner), or first (a role: `Président de l'APC de
    Sig à la foire de Vierzon` -> partner)."""
    t = fold(text)
    marks = [(m.start(), "partner") for m in _ALGERIAN_RE.finditer(t)]
    marks += [(m.start(), "french") for m in _FRENCH_RE.finditer(t)]
    for party, side in [(french, "french")] + [(p, "partner") for p in partners]:
        for w in _core_words(party.name):
            marks += [(m.start(), side) for m in re.finditer(rf"\b{w}\b", t)]
    return (max(marks) if last else min(marks))[1] if marks else None


def text_persons(text: str | None, french: Party, partners: list[Party], known: list[Contact]) -> list[Contact]:
    """The persons a sheet's text (history, projects, partners) names with a civility, or as
    `Jean-Michel DACLIN`, that its contact blocks do not: the side from the role written after
    the name (`M. NOURANI, Wali d'Alger`), else from the party the item names last before it
    (`délégation … de Sétif. Cette délégation est composée de M. …`), else French (the sheets
    are the French collectivity's account). The author of a show (`Conférence de M. X`) is left."""
    out: list[Contact] = []
    for item in (text or "").split("\n"):
        for start, end, name in named_in_text(item, compound=True):
            if any(same_person(name, c.name) for c in known + out) or _SUBJECT_RE.search(item[:start]):
                continue
            role = role_after(item, end)
            side = (_named_side(role, french, partners, last=False) if role else None) \
                or _named_side(item[:start], french, partners) or "french"
            org = french.name if side == "french" else partners[0].name if partners else None
            out.append(Contact(name=name, role=role, side=side, organisation=org))
    return out
