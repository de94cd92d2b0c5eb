"""Parser for *Coopération et Partenariat* of the Algerian Ministry of the
Interior (MICL): a short list, not sheets.

Three sections: multilateral cooperation (bullets naming organisations),
decentralised cooperation (the accords, grouped by wilaya, one
`Algerian side / foreign side (country)` per line) and bilateral cooperation
(State accords and joint commissions). Every item becomes a `listed`
Partnership. The foreign collectivity goes in `french_party` whatever its
country (the field name predates the non-French partners), so the corpus
merges `Mairie de Brest / Commune de Béjaïa` with the Brest–Béjaïa sheet of
the other Algerian document: names are rewritten to the usual form first.
"""
from __future__ import annotations

import re

from .. import geography
from ..domains import map_domains
from ..ids import partnership_id
from ..records import Contact, ParseResult, Partnership, Party, SourceRef
from ..text import fold, join_wrapped, squash_spaces
from . import Reader
from .dates import names_formal_act

MICL = Party(
    name="Ministère de l'Intérieur et des Collectivités locales",
    name_raw="Ministère de l’Intérieur et des Collectivités Locales",
    kind="État",
    country="Algérie",
)

SECTION_MULTI = "Coopération Multilatérale du MICL"
SECTION_DECENTRALISED = "Coopération Décentralisée du MICL"
SECTION_BILATERAL = "Coopération Bilatérale du MICL"
ACCORDS_LEGAL = "accord de coopération ou jumelage"

_BULLET_RE = re.compile(r"^\s*[•\u2022\uf0b7▪-]\s*")
_HEADING_RE = re.compile(r"^coop[ée]ration (multilat[ée]rale|d[ée]centralis[ée]e|bilat[ée]rale) du micl\b",
                         re.IGNORECASE)
_ACCORDS_HEADER_RE = re.compile(r"accords ou jumelages entre", re.IGNORECASE)

# Foreign names whose usual form is not the written one minus its prefix
# (folded written name -> (usual name, kind, note)). The usual form is the
# one the other documents use, so that the ids agree.
_FOREIGN_ALIASES: dict[str, tuple[str, str, str | None]] = {
    "conseil general de gironde": ("Conseil général de la Gironde", "département", None),
    "conseil general des bouches du rhone": ("Conseil général des Bouches-du-Rhône", "département", None),
    "conseil general de l'isere": ("Conseil général de l'Isère", "département", None),
    "conseil general du nord": ("Conseil général du Nord", "département", None),
    "region provence alpes cotes d'azur": (
        "Conseil régional de Provence-Alpes-Côte d'Azur", "région", None),
    "mairie du grand lyon": (
        "Communauté urbaine de Lyon", "intercommunalité",
        "La liste du MICL écrit « Mairie du Grand Lyon » : le Grand Lyon est la Communauté urbaine de Lyon."),
    "dunkerque": (
        "Communauté urbaine de Dunkerque", "intercommunalité",
        "La liste du MICL écrit « Dunkerque » : le partenaire d'Annaba est la Communauté urbaine de Dunkerque."),
    "mairie de viennes": ("Vienne", "commune",
                          "La liste du MICL écrit « Mairie de Viennes » : il s'agit de Vienne."),
    "mairie des ulis": ("Les Ulis", "commune", None),
    "mairie de la roche sur yon": ("La Roche-sur-Yon", "commune", None),
    "mairie de saint denis": ("Saint-Denis", "commune", None),
    "mairie de blanc mesnil": ("Blanc-Mesnil", "commune", None),
    "mairie de saint etienne": ("Saint-Étienne", "commune", None),
    "mairie de saint jean de boiseau": ("Saint-Jean-de-Boiseau", "commune", None),
}

# Foreign collectivities written without their country (folded usual name -> country).
_COUNTRY_NOT_WRITTEN: dict[str, str] = {
    "kidal": "Mali",
    "saint-etienne": "France",
}

# Country as written between parentheses -> usual name.
_COUNTRY_NAMES: dict[str, str] = {
    "u.s.a": "États-Unis",
    "usa": "États-Unis",
    "bosnie herzegovine": "Bosnie-Herzégovine",
}

# Adjective in "Accord Algéro – Yéménite" / "Commission Algéro-Tunisienne" -> country.
_ADJECTIVE_COUNTRIES: dict[str, str] = {
    "yemenite": "Yémen", "italien": "Italie", "italienne": "Italie",
    "francais": "France", "francaise": "France", "espagnol": "Espagne",
    "espagnole": "Espagne", "tunisienne": "Tunisie", "tunisien": "Tunisie",
    "mauritanienne": "Mauritanie", "malienne": "Mali", "malien": "Mali",
    "nigerienne": "Niger", "egyptienne": "Égypte", "tanzanienne": "Tanzanie",
    "koweitienne": "Koweït", "emirati": "Émirats arabes unis",
    "qatarienne": "Qatar", "syrienne": "Syrie", "indonesienne": "Indonésie",
    "vietnamienne": "Viêt Nam", "iranienne": "Iran", "russe": "Russie",
    "suisse": "Suisse", "marocaine": "Maroc", "libyenne": "Libye",
}

_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}

# Foreign side prefixes -> kind (the prefix is dropped from the name).
_FOREIGN_PREFIX_RE = re.compile(
    r"^(?P<prefix>(mairie|ville|commune urbaine|commune rurale|commune)\s+(de la|de l['’]|des|du|de|d['’])|"
    r"(conseil g[ée]n[ée]ral)|(r[ée]gion))\s*",
    re.IGNORECASE,
)
_ALGERIAN_RE = re.compile(r"^(?P<kind>commune|wilaya)\s+(de|d['’])\s*(?P<name>.+)$", re.IGNORECASE)
_ACCORD_LEFT_RE = re.compile(r"^(?P<wilaya>.*?)\s*(?P<alg>\b(?:commune|wilaya)\s+(?:de|d['’]).*)$", re.IGNORECASE)
_COUNTRY_RE = re.compile(r"^(?P<name>.*?)\s*\((?P<country>[^()]*)\)\s*$")


def looks_like(text: str) -> bool:
    """The title and the accords table header are both present."""
    key = fold(text or "")
    return "cooperation et partenariat" in key and "accords ou jumelages entre" in key


def _clean_name(name: str) -> str:
    return squash_spaces(name).replace("’", "'").strip(" ;,.")


def _join_item(lines: list[str]) -> str:
    """Join the lines of one bullet (`join_wrapped`: `aim-` + `council.org`)."""
    out = ""
    for raw in lines:
        line = squash_spaces(_BULLET_RE.sub("", raw) if not out else raw)
        if not line:
            continue
        out = join_wrapped(out, line)
    return out


def _country(written: str | None) -> str | None:
    if written is None:
        return None
    c = squash_spaces(written)
    return _COUNTRY_NAMES.get(fold(c).strip(" ."), c) or None


def _countries(foreign_country: str | None) -> list[str]:
    """The non-French countries of a partnership (Algeria is always one)."""
    out = ["Algérie"]
    if foreign_country and foreign_country not in ("France", "Algérie"):
        out.append(foreign_country)
    return out


def _foreign_party(written: str, country: str | None) -> tuple[Party, list[str]]:
    """The foreign side in its usual name, and notes on what was rewritten."""
    raw = squash_spaces(written)
    key = fold(raw).replace("’", "'")
    key = re.sub(r"\s+", " ", key).strip(" .;,")
    notes: list[str] = []
    if key in _FOREIGN_ALIASES:
        name, kind, note = _FOREIGN_ALIASES[key]
        if note:
            notes.append(note)
    else:
        m = _FOREIGN_PREFIX_RE.match(raw)
        kind = None
        name = raw
        if m:
            prefix = fold(m.group("prefix"))
            rest = raw[m.end():]
            if prefix.startswith("conseil"):
                kind, name = "département", "Conseil général " + rest
            elif prefix.startswith("region"):
                kind, name = "région", "Région " + rest
            else:
                kind, name = "commune", rest
                # "Mairie des Ulis" / "Mairie du Grand X": the article belongs to the name
                article = re.match(r"\S+(?:\s+urbaine|\s+rurale)?\s+(des|du)$", fold(m.group("prefix")).strip())
                if article:
                    name = ("Les " if article.group(1) == "des" else "Le ") + rest
        name = _clean_name(name)
    if country is None:
        inferred = _COUNTRY_NOT_WRITTEN.get(re.sub(r"[^a-z]+", "-", fold(name)).strip("-"))
        if inferred:
            country = inferred
            notes.append(f"La liste du MICL ne donne pas le pays ; {name} est {geography.in_country(inferred)}.")
    party = Party(name=name, name_raw=raw, kind=kind, country=country)
    table = geography.of(country)  # its région and département (or province) from its country's table
    if table is not None:
        place = table.lookup(name, "commune") or table.lookup(name, "subdivision") or \
            table.designated_by(name, ("region", "subdivision", "commune"))  # never a word inside the name
        if place is not None:
            party.region, party.subdivision = place.region, place.subdivision
            party.place_from_table = place.level == "commune"
    return party, notes


def _algerian_party(written: str, wilaya: str | None) -> tuple[Party, list[str]]:
    raw = squash_spaces(written)
    m = _ALGERIAN_RE.match(raw)
    if m:
        kind = m.group("kind").lower()
        own = _clean_name(m.group("name"))
        if kind == "wilaya":
            name = "Wilaya " + geography.with_de(own)
        else:
            name = own
        return Party(name=name, name_raw=raw, kind=kind, country="Algérie", region=wilaya), []
    # A bare name ("Alger") is the wilaya: Algiers has no single commune.
    own = _clean_name(raw)
    name = "Wilaya " + geography.with_de(own)
    note = f"La liste du MICL écrit « {raw} » : compris comme la {name[0].lower() + name[1:]}."
    return Party(name=name, name_raw=raw, kind="wilaya", country="Algérie", region=wilaya or own), [note]


def _sections(lines: list[str]) -> dict[str, tuple[int, int]]:
    """0-based [start, end) line ranges of the three sections, by heading."""
    starts: list[tuple[str, int]] = []
    for i, line in enumerate(lines):
        m = _HEADING_RE.match(squash_spaces(line))
        if m:
            word = fold(m.group(1))
            name = {"m": SECTION_MULTI, "d": SECTION_DECENTRALISED, "b": SECTION_BILATERAL}[word[0]]
            starts.append((name, i))
    out: dict[str, tuple[int, int]] = {}
    for k, (name, i) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else len(lines)
        out.setdefault(name, (i, end))
    return out


def _bullets(lines: list[str], start: int, end: int) -> list[tuple[int, int, list[str]]]:
    """Bullets of a range as (first, last, raw lines), 0-based; a bullet runs
    until the next bullet or a blank line followed by a non-indented
    paragraph, except that a blank line inside a sentence (no final
    punctuation yet) is skipped."""
    items: list[tuple[int, int, list[str]]] = []
    current: list[int] = []
    for i in range(start, end):
        line = lines[i]
        if _BULLET_RE.match(line) and squash_spaces(_BULLET_RE.sub("", line)):
            if current:
                items.append((current[0], current[-1], [lines[j] for j in current]))
            current = [i]
        elif not squash_spaces(line):
            continue
        elif current:
            prev = squash_spaces(lines[current[-1]])
            if re.search(r"[;:.]$", prev):
                items.append((current[0], current[-1], [lines[j] for j in current]))
                current = []
            else:
                current.append(i)
    if current:
        items.append((current[0], current[-1], [lines[j] for j in current]))
    return items


def _record(foreign: Party, kind: str, first: int, last: int, section: str,
            document: str, original: str) -> Partnership:
    return Partnership(
        id=partnership_id(foreign.name, MICL.name),
        french_party=foreign,
        partner_party=Party(**vars(MICL)),
        countries=_countries(foreign.country),
        kind=kind,
        detail="listed",
        sources=[SourceRef(document, first + 1, last + 1, None, section)],
        original_text=original,
    )


def _multilateral(lines, rng, document, warnings) -> list[Partnership]:
    """Organisations of the multilateral section (and CGLU, named in the
    decentralised section); the theme bullets (Sécurité, Protection civile)
    are their shared domains and context."""
    start, end = rng
    records: list[Partnership] = []
    themes: list[str] = []
    theme_texts: list[str] = []
    intro = []
    for i in range(start + 1, end):
        if _BULLET_RE.match(lines[i]):
            break
        if squash_spaces(lines[i]):
            intro.append(lines[i])
    intro_text = _join_item(intro)
    for first, last, raw in _bullets(lines, start + 1, end):
        item = _join_item(raw)
        m = re.match(r"^(?P<label>[^:]{2,40}?)\s*:\s*(?P<rest>.+)$", item)
        acro = re.search(r"^(?P<name>.+?)\s+-\s*(?P<acro>(?:[A-Z]\.){2,}[A-Z]?\.?)\s*-?\s*(?P<rest>.*)$", item)
        if acro:
            rest = acro.group("rest").strip(" ;")
            name = _clean_name(acro.group("name"))
            foreign = Party(name=name, name_raw=squash_spaces(acro.group("name")) + " - " + acro.group("acro"),
                            kind="organisation internationale")
            rec = _record(foreign, "multilateral", first, last, SECTION_MULTI, document, "\n".join(raw))
            rec.extra["Sigle"] = acro.group("acro")
            site = re.search(r"(https?://\S+?)\)?\s*;?$", rest)
            if site:
                # the organisation's own site: the record's first party's side (« Côté <its name> »)
                rec.contacts.append(Contact(organisation=name, side="french", website=site.group(1).rstrip(")")))
            records.append(rec)
            rec.objectives = item.strip(" ;")
        elif m:
            themes.append(m.group("label"))
            theme_texts.append("• " + item.strip(" ;"))
        else:
            warnings.append(f"ligne {first + 1} : élément multilatéral non compris : {item[:60]}")
    context = "\n".join([intro_text] + theme_texts) if theme_texts else intro_text
    for rec in records:
        rec.objectives = (rec.objectives or "") + ("\n" + context if context else "")
        rec.domains_raw = list(themes)
        rec.domains = map_domains(themes)
    return records


def _cglu(lines, rng, document) -> list[Partnership]:
    """International gatherings such as CGLU, in the decentralised section."""
    start, end = rng
    for first, last, raw in _bullets(lines, start + 1, end):
        item = _join_item(raw)
        m = re.search(r"tels que\s+(?P<name>[^()]+?)\s*\((?P<acro>[A-Z.]+)\)", item)
        if not m:
            continue
        foreign = Party(name=_clean_name(m.group("name")), name_raw=squash_spaces(m.group("name")),
                        kind="organisation internationale")
        rec = _record(foreign, "multilateral", first, last, SECTION_DECENTRALISED, document, "\n".join(raw))
        rec.extra["Sigle"] = m.group("acro")
        rec.objectives = item
        rec.domains_raw = ["Coopération décentralisée"]
        rec.domains = map_domains(rec.domains_raw)
        return [rec]
    return []


def _accords(lines, rng, document, warnings) -> list[Partnership]:
    start, end = rng
    header = None
    for i in range(start, end):
        if _ACCORDS_HEADER_RE.search(lines[i]):
            header = i
            break
    if header is None:
        warnings.append(f"ligne {start + 1} : en-tête du tableau des accords introuvable")
        return []
    records: list[Partnership] = []
    wilaya: str | None = None
    for i in range(header + 1, end):
        line = squash_spaces(lines[i])
        if not line:
            continue
        if " / " not in line and "/" not in line:
            if len(line.split()) <= 3 and line[:1].isupper():
                wilaya = _clean_name(line)
            else:
                warnings.append(f"ligne {i + 1} : ligne non comprise dans les accords : {line[:60]}")
            continue
        left, right = [s.strip() for s in line.split("/", 1)]
        lm = _ACCORD_LEFT_RE.match(left)
        if lm:
            if lm.group("wilaya"):
                wilaya = _clean_name(lm.group("wilaya"))
            algerian_written = lm.group("alg")
        else:
            algerian_written = left
        if wilaya is None:
            warnings.append(f"ligne {i + 1} : accord avant toute wilaya : {line[:60]}")
        cm = _COUNTRY_RE.match(right)
        foreign_written, country = (cm.group("name"), _country(cm.group("country"))) if cm else (right, None)
        if not foreign_written or not algerian_written:
            warnings.append(f"ligne {i + 1} : accord dont une partie est vide : {line[:60]}")
            continue
        foreign, notes = _foreign_party(foreign_written, country)
        if foreign.country is None:
            warnings.append(f"ligne {i + 1} : pays de la partie étrangère non indiqué : {line[:60]}")
        algerian, anotes = _algerian_party(algerian_written, wilaya)
        rec = Partnership(
            id=partnership_id(foreign.name, algerian.name),
            french_party=foreign,
            partner_party=algerian,
            countries=_countries(foreign.country),
            legal_framework=ACCORDS_LEGAL,
            detail="listed",
            notes=notes + anotes,
            sources=[SourceRef(document, i + 1, i + 1, None, SECTION_DECENTRALISED)],
            original_text=lines[i].rstrip(),
        )
        records.append(rec)
    return records


def _matter_labels(text: str) -> list[str]:
    """`notamment en matière sécuritaire et de protection civile` ->
    [`sécuritaire`, `protection civile`]: the domains a lead sentence names."""
    m = re.search(r"en mati[èe]re\s+(?:de\s+|d['’]\s*)?(?P<what>[^:.;]+)", text or "", re.IGNORECASE)
    if not m:
        return []
    parts = re.split(r"\s+et\s+(?:de\s+(?:la\s+)?|d['’]\s*)?", m.group("what").strip(" ,"))
    return [squash_spaces(p) for p in parts if squash_spaces(p)]


def _bilateral(lines, rng, document, warnings) -> list[Partnership]:
    """State accords (with their signature date) and joint commissions; the
    section's first paragraph names the domains of the whole section."""
    start, end = rng
    records: list[Partnership] = []
    paragraphs: list[tuple[int, str]] = []  # (first line, text) of the non-bullet leads
    block: list[int] = []
    for j in range(start + 1, end):
        if _BULLET_RE.match(lines[j]):
            break
        if squash_spaces(lines[j]):
            block.append(j)
        elif block:
            paragraphs.append((block[0], _join_item([lines[k] for k in block])))
            block = []
    if block:
        paragraphs.append((block[0], _join_item([lines[k] for k in block])))
    intro = paragraphs[0][1] if paragraphs else ""
    lead = paragraphs[-1][1] if len(paragraphs) > 1 else ""
    section_labels = _matter_labels(intro)
    for first, last, raw in _bullets(lines, start + 1, end):
        item = _join_item(raw).strip(" ;.")
        if re.match(r"^participation\b", item, re.IGNORECASE):
            lead = item  # the lead of the joint commissions that follow
            continue
        m = re.match(r"^(?P<what>accord|commission)\s+alg[ée]ro\s*[–-]\s*(?P<adj>[^\s,;.]+)", item, re.IGNORECASE)
        if not m:
            warnings.append(f"ligne {first + 1} : élément bilatéral non compris : {item[:60]}")
            continue
        adj = fold(m.group("adj"))
        country = _ADJECTIVE_COUNTRIES.get(adj)
        if country is None:
            warnings.append(f"ligne {first + 1} : adjectif de pays inconnu : {m.group('adj')}")
            continue
        foreign = Party(name=country, name_raw=m.group("adj"), kind="État", country=country)
        rec = _record(foreign, "bilateral", first, last, SECTION_BILATERAL, document, "\n".join(raw))
        rec.legal_framework = item
        rec.objectives = "\n".join(filter(None, [f"{lead} {item}".strip(), intro]))
        rec.domains_raw = _matter_labels(lead) or list(section_labels)
        if fold(m.group("what")) == "accord":
            date = re.search(r"sign[ée] le (\d{1,2})(?:er)? (\w+) (\d{4})", item)
            if date and fold(date.group(2)) in _MONTHS:
                year = int(date.group(3))
                rec.formalized = year
                rec.extra["Date de signature"] = (
                    f"{year:04d}-{_MONTHS[fold(date.group(2))]:02d}-{int(date.group(1)):02d}")
            jo = re.search(r"\((J\.?O\.?[^)]*)\)", item)
            if jo:
                rec.extra["Journal officiel"] = jo.group(1)
        rec.domains = map_domains(rec.domains_raw)
        records.append(rec)
    return records


def _merge(records: list[Partnership]) -> tuple[list[Partnership], int]:
    """One record per id; the later places become extra sources."""
    by_id: dict[str, Partnership] = {}
    merged: set[str] = set()
    for rec in records:
        if rec.id not in by_id:
            by_id[rec.id] = rec
            continue
        first = by_id[rec.id]
        first.sources.extend(rec.sources)
        first.original_text = "\n".join(filter(None, [first.original_text, rec.original_text]))
        for note in rec.notes:
            if note not in first.notes:
                first.notes.append(note)
        for label in rec.domains_raw:
            if label not in first.domains_raw:
                first.domains_raw.append(label)
        first.domains = map_domains(first.domains_raw)
        first.years = sorted(set(first.years) | set(rec.years))
        merged.add(rec.id)
    return list(by_id.values()), len(merged)


class MiclReader(Reader):
    def looks_like(self, text: str) -> bool:
        return looks_like(text)

    def read(self, doc, result: ParseResult) -> None:
        try:
            _parse("\n".join(doc.lines), doc.name, result)
        finally:
            _stats(result)


def parse(text: str, document: str) -> ParseResult:
    from ..registry import get

    return MiclReader(get("algerie-micl-cooperation.txt")).parse(text, document)


def _stats(result: ParseResult) -> None:
    result.stats = {
        "sheets": 0,
        "listed": sum(p.detail == "listed" for p in result.partnerships),
        "merged": result.stats.get("merged", 0),
        "partnerships": len(result.partnerships),
        "actions": 0,
        "accords": sum(p.kind == "partnership" for p in result.partnerships),
        "wilayas": len({p.partner_party.region for p in result.partnerships
                        if p.kind == "partnership" and p.partner_party}),
        "multilateral": sum(p.kind == "multilateral" for p in result.partnerships),
        "bilateral": sum(p.kind == "bilateral" for p in result.partnerships),
    }


def _parse(text: str, document: str, result: ParseResult) -> None:
    lines = [line.rstrip("\r") for line in text.split("\n")]
    sections = _sections(lines)
    for name in (SECTION_MULTI, SECTION_DECENTRALISED, SECTION_BILATERAL):
        if name not in sections:
            result.warnings.append(f"ligne 1 : section introuvable : {name}")
    records: list[Partnership] = []
    if SECTION_MULTI in sections:
        records += _multilateral(lines, sections[SECTION_MULTI], document, result.warnings)
    if SECTION_DECENTRALISED in sections:
        records += _cglu(lines, sections[SECTION_DECENTRALISED], document)
        records += _accords(lines, sections[SECTION_DECENTRALISED], document, result.warnings)
    if SECTION_BILATERAL in sections:
        records += _bilateral(lines, sections[SECTION_BILATERAL], document, result.warnings)
    for rec in records:
        rec.years = sorted(set(rec.years) | ({rec.formalized} if rec.formalized else set()))
    result.partnerships, merged = _merge(records)
    result.stats["merged"] = merged


def say_heading_against_status(p: Partnership) -> None:
    """The MICL list files every pair under its heading, « accords de coopération ou jumelages signés »,
    which the record's legal framework repeats. Where the 2006 repertoire's state table gives the pair a
    status and no formal act (« En contact »), the page said both without a word: its note now says where
    each comes from (QA15, round 47, D3)."""
    if p.legal_framework != ACCORDS_LEGAL or p.formalized is not None or names_formal_act(p.status) or not p.status:
        return
    if all(s.section == SECTION_DECENTRALISED for s in p.sources):
        return
    status = " ".join(p.status.split()).rstrip(". ")
    note = ("La liste du ministère algérien de l'Intérieur (MICL) range ce partenariat parmi les accords de "
            "coopération ou jumelages signés ; l'état d'avancement des partenariats du répertoire de 2006 dit : "
            f"« {status} ».")
    if note not in p.notes:
        p.notes.append(note)
