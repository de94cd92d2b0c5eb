"""Parser for the Morocco repertoire (Cités Unies France / PAD Maroc, July 2008).

The document has one sheet per French collectivity listed in the table of
contents, a short list of "other partnerships" and a synthesis by domain
that names the sheets again. Sheets are found by their shape (French
collectivity line, Moroccan collectivity line, executives) and checked
against the table of contents, so a sheet the extraction garbled is
reported instead of silently lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.domains import domains_of_text, map_domain, map_domains
from indexer.ids import action_id, partnership_id
from indexer.records import (
    Action, Budget, Contact, ParseResult, Partnership, Party, SourceRef,
)
from indexer.text import fold, normal_case, reflow, squash_spaces, years_in

from . import run_guarded

TITLE = "Répertoire des partenariats de coopération décentralisée franco-marocains"
LISTED_PAGE = 150
SYNTHESIS_PAGE = 151


def looks_like(text: str) -> bool:
    head = fold((text or "")[:3000])
    return "franco-marocains" in head and "partenariats de cooperation decentralisee" in head


# --- Places ---------------------------------------------------------------

# Moroccan collectivities of the corpus: key -> (region of 2008, province or préfecture)
_SMD = "Souss-Massa-Drâa"
_MTH = "Marrakech-Tensift-Al Haouz"
_RSZZ = "Rabat-Salé-Zemmour-Zaër"
MOROCCAN_PLACES: dict[str, tuple[str, str | None]] = {
    "oujda": ("Oriental", "Préfecture d'Oujda-Angad"),
    "marrakech": (_MTH, "Préfecture de Marrakech"),
    "mohammedia": ("Grand Casablanca", "Préfecture de Mohammedia"),
    "casablanca": ("Grand Casablanca", "Préfecture de Casablanca"),
    "safi": ("Doukkala-Abda", "Province de Safi"),
    "souk el khemis": (_SMD, "Province de Ouarzazate"),
    "souk sebt": ("Tadla-Azilal", "Province de Béni Mellal"),
    "essaouira": (_MTH, "Province d'Essaouira"),
    "rabat": (_RSZZ, "Préfecture de Rabat"),
    "meknes": ("Meknès-Tafilalet", "Préfecture de Meknès"),
    "fes": ("Fès-Boulemane", "Préfecture de Fès"),
    "imouzzer du kandar": ("Fès-Boulemane", "Province de Sefrou"),
    "agadir": (_SMD, "Préfecture d'Agadir Ida-Outanane"),
    "azrou": ("Meknès-Tafilalet", "Province d'Ifrane"),
    "taroudannt": (_SMD, "Province de Taroudannt"),
    "tiznit": (_SMD, "Province de Tiznit"),
    "el jedida": ("Doukkala-Abda", "Province d'El Jadida"),
    "figuig": ("Oriental", "Province de Figuig"),
    "tiflet": (_RSZZ, "Province de Khémisset"),
    "ouarzazate": (_SMD, "Province de Ouarzazate"),
    "temara": (_RSZZ, "Préfecture de Skhirate-Témara"),
    "sale": (_RSZZ, "Préfecture de Salé"),
}
# The regions the sheets name, in their official 2008 spelling.
MOROCCAN_REGIONS: dict[str, str] = {
    "souss massa draa": _SMD,
    "tadla azilal": "Tadla-Azilal",
    "oriental": "Oriental",
    "fes boulemane": "Fès-Boulemane",
    "marrakech tensift al haouz": _MTH,
    "doukkala abda": "Doukkala-Abda",
    "tanger tetouan": "Tanger-Tétouan",
    "rabat sale zemmour zaer": _RSZZ,
}
# French collectivities: key -> (région, département)
FRENCH_PLACES: dict[str, tuple[str, str | None]] = {
    "aix-en-provence": ("Provence-Alpes-Côte d'Azur", "Bouches-du-Rhône"),
    "ajaccio": ("Corse", "Corse-du-Sud"),
    "belfort": ("Franche-Comté", "Territoire de Belfort"),
    "bordeaux": ("Aquitaine", "Gironde"),
    "boulogne-sur-mer": ("Nord-Pas-de-Calais", "Pas-de-Calais"),
    "caudebec-les-elbeuf": ("Haute-Normandie", "Seine-Maritime"),
    "cleon": ("Haute-Normandie", "Seine-Maritime"),
    "clermont-ferrand": ("Auvergne", "Puy-de-Dôme"),
    "la croix valmer": ("Provence-Alpes-Côte d'Azur", "Var"),
    "la rochelle": ("Poitou-Charentes", "Charente-Maritime"),
    "mantes-la-jolie": ("Île-de-France", "Yvelines"),
    "marseille": ("Provence-Alpes-Côte d'Azur", "Bouches-du-Rhône"),
    "maxeville": ("Lorraine", "Meurthe-et-Moselle"),
    "montereau fault yonne": ("Île-de-France", "Seine-et-Marne"),
    "montreuil": ("Île-de-France", "Seine-Saint-Denis"),
    "nimes": ("Languedoc-Roussillon", "Gard"),
    "paris": ("Île-de-France", "Paris"),
    "poitiers": ("Poitou-Charentes", "Vienne"),
    "romans": ("Rhône-Alpes", "Drôme"),
    "saint-denis": ("Île-de-France", "Seine-Saint-Denis"),
    "saint-etienne": ("Rhône-Alpes", "Loire"),
    "sete": ("Languedoc-Roussillon", "Hérault"),
    "stains": ("Île-de-France", "Seine-Saint-Denis"),
    "strasbourg": ("Alsace", "Bas-Rhin"),
    "tours": ("Centre", "Indre-et-Loire"),
    "vienne": ("Rhône-Alpes", "Isère"),
    "lyon": ("Rhône-Alpes", "Rhône"),
    "nantes metropole": ("Pays de la Loire", "Loire-Atlantique"),
    "allier": ("Auvergne", "Allier"),
    "herault": ("Languedoc-Roussillon", "Hérault"),
    "isere": ("Rhône-Alpes", "Isère"),
    "loire-atlantique": ("Pays de la Loire", "Loire-Atlantique"),
    "seine-saint-denis": ("Île-de-France", "Seine-Saint-Denis"),
    "clichy-la-garenne": ("Île-de-France", "Hauts-de-Seine"),
    "maubeuge": ("Nord-Pas-de-Calais", "Nord"),
    "montpellier": ("Languedoc-Roussillon", "Hérault"),
    "saint-germain-en-laye": ("Île-de-France", "Yvelines"),
    "woippy": ("Lorraine", "Moselle"),
}
FRENCH_REGIONS = {
    "aquitaine": "Aquitaine", "bourgogne": "Bourgogne", "champagne-ardenne": "Champagne-Ardenne",
    "franche-comte": "Franche-Comté", "lorraine": "Lorraine", "midi-pyrenees": "Midi-Pyrénées",
    "nord-pas de calais": "Nord-Pas-de-Calais",
    "provence-alpes-cote-d'azur": "Provence-Alpes-Côte d'Azur", "rhone-alpes": "Rhône-Alpes",
}

_KIND_PREFIX = re.compile(
    r"^(ville et communaute urbaine|communaute urbaine|ville|commune urbaine|commune rurale|"
    r"communes urbaines|conseil general|conseil regional|province|prefecture|cercle|mairie)"
    r"(\s+(de l'|de|du|des|d')\s*|\s+)", re.I)


def core_name(name: str) -> str:
    """`Commune urbaine d'El Jedida` -> `el jedida` (folded, no generic words)."""
    s = fold(name).replace("’", "'").strip(" .")
    s = _KIND_PREFIX.sub("", s, count=1)
    return squash_spaces(s)


def _key_tokens(name: str) -> set[str]:
    stop = {"ville", "commune", "communes", "urbaine", "urbaines", "rurale", "conseil", "regional",
            "general", "de", "d", "l", "la", "le", "du", "des", "et", "province", "prefecture",
            "cercle", "communaute", "mairie"}
    toks = re.split(r"[^a-z0-9]+", fold(name))
    return {t for t in toks if t and t not in stop}


def french_party(raw: str, population_text: str | None = None) -> Party:
    name = normal_case(raw)
    low = fold(name)
    core = core_name(name)
    if low.startswith("conseil general"):
        kind, region, sub = "département", None, None
        if core in FRENCH_PLACES:
            region, sub = FRENCH_PLACES[core]
    elif low.startswith("conseil regional"):
        kind, region, sub = "région", FRENCH_REGIONS.get(core), None
    else:
        kind = "intercommunalité" if "communaute urbaine" in low or "metropole" in low else "commune"
        region, sub = FRENCH_PLACES.get(core, (None, None))
    party = Party(name=name, name_raw=squash_spaces(raw), kind=kind, country="France",
                  region=region, subdivision=sub)
    _set_population(party, population_text)
    return party


def moroccan_party(raw: str, population_text: str | None = None) -> Party:
    name = normal_case(raw)
    low = fold(name)
    core = core_name(name)
    region, sub = None, None
    if low.startswith("conseil regional"):
        kind = "région"
        region = MOROCCAN_REGIONS.get(re.sub(r"[-\s]+", " ", core))
    elif low.startswith("province"):
        kind = "province"
        region, _ = MOROCCAN_PLACES.get(core, (None, None))
        sub = name
    elif low.startswith("prefecture"):
        kind = "préfecture"
        region, sub = MOROCCAN_PLACES.get(core, (None, None))
    elif low.startswith("cercle"):
        kind = "cercle"
        region, sub = MOROCCAN_PLACES.get(core, (None, None))
    else:
        kind = "commune"
        region, sub = MOROCCAN_PLACES.get(core, (None, None))
    party = Party(name=name, name_raw=squash_spaces(raw), kind=kind, country="Maroc",
                  region=region, subdivision=sub)
    _set_population(party, population_text)
    return party


_POP_RE = re.compile(r"\(([\d  ,.]+)\s*(millions?)?\s*(?:d'|d’|de )?\s*habitants\)", re.I)


def _set_population(party: Party, line: str | None) -> None:
    if not line:
        return
    m = _POP_RE.search(line)
    if not m:
        return
    number = m.group(1).strip()
    party.population_text = m.group(0).strip("()")
    if m.group(2):
        value = float(number.replace(" ", "").replace(",", "."))
        party.population = int(round(value * 1_000_000))
    else:
        digits = re.sub(r"[^\d]", "", number)
        party.population = int(digits) if digits else None


# --- Text clean-up --------------------------------------------------------

def clean(line: str) -> str:
    """Drop the markdown-ish emphasis and superscripts the extraction left."""
    s = line.replace("**", "").replace("*", "")
    s = re.sub(r"\^\{([^}]*)\}", r"\1", s)
    s = s.replace("€€", "€").replace("`", "").replace("✓", "")
    return squash_spaces(s)


def _strip_marker(line: str) -> str:
    return re.sub(r"^(→|-|•|➤)\s*", "", line).strip()


# --- Budgets ----------------------------------------------------------------

_AMOUNT_RE = re.compile(
    r"(?<![\d,.])(\d{1,3}(?:[  .]\d{3})+|\d+)(,\d+)?\s*(millions?\s+de\s+)?"
    r"(dhs|dh\b|dirhams|mad\b|€|euros?\b|eur\b)", re.I)


def parse_budget(text: str) -> Budget | None:
    """First amount of the total line if there is one, else the first amount."""
    if not text:
        return None
    candidates = []
    for line in text.split("\n"):
        for m in _AMOUNT_RE.finditer(line):
            number = re.sub(r"[  .]", "", m.group(1))
            value = float(number + (m.group(2) or "").replace(",", "."))
            if m.group(3):
                value *= 1_000_000
            cur = m.group(4).lower()
            currency = "EUR" if cur in ("€", "euro", "euros", "eur") else "MAD"
            total = bool(re.search(r"total|co[uû]t|budget|montant", fold(line)))
            candidates.append((not total, value, currency))
    if not candidates:
        return Budget(text=text)
    best = sorted(candidates, key=lambda c: c[0])[0]
    return Budget(text=text, amount=best[1], currency=best[2])


# --- Line classes -----------------------------------------------------------

STATUS_RE = re.compile(
    r"^(PROJETS?\s+EN\s+COURS|PROJETS?\s+R[EÉ]ALIS[EÉ]S(?P<outside>\s+EN DEHORS DU PARTENARIAT)?|"
    r"SUIVI DES PROJETS.*|INTENTIONS?\s+DE\s+PROJETS?)$")
EXTRA_HEAD_RE = re.compile(r"^(CHIFFRES-CLES|CHRONOLOGIE)$")
INFO_RE = re.compile(r"^INFORMATIONS RELATIVES AU PARTENARIAT$|^Marseille - Informations relatives")
CONTACTS_RE = re.compile(r"^(CONTACTS?|Contacts?(\s+à\s+.+)?)$")
HEAD_FIELD_RE = re.compile(
    r"^(?P<label>Cadre juridique(?: actuel| précédent)?|Date|Historique|Origine(?: du partenariat)?|"
    r"Domaines? d'activités?|Objet|N\.B\.)\s*:\s*(?P<rest>.*)$")
EXEC_RE = re.compile(r"^(M\.|Mme|Mlle)\s*\S")

ACTION_LABELS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^Objectifs?\s*&\s*description(?: du projet)?\s*(?::\s*(?P<rest>.*))?$"), "description"),
    (re.compile(r"^Objectifs?(?: du partenariat)?\s*(?::\s*(?P<rest>.*))?$"), "objectives"),
    (re.compile(r"^(?:Description(?: du projet| des projets)?(?:\s*\([^)]*\))?|Déroulement (?:du|des) projets?)\s*(?::\s*(?P<rest>.*))?$"), "description"),
    (re.compile(r"^(?:Partenaires?(?: & financement)?|Partenaire mobilisé.*|Opérateur)\s*(?::\s*(?P<rest>.*))?$"), "partners"),
    (re.compile(r"^(?:Budget(?:\s*&\s*[Ff]inancement|\s+estimé)?|Financements?)\s*(?::\s*(?P<rest>.*))?$"), "budget"),
    (re.compile(r"^(?:Bénéficiaires?(?: directs| indirects)?|Publics cibles|Résultats & bénéficiaires)\s*(?::\s*(?P<rest>.*))?$"), "beneficiaries"),
    (re.compile(r"^(?P<label>Résultats?(?: attendus?| obtenus?)?(?:/attendus)?|Observations?|Moyens mobilisés|"
                r"Lieu|Durée|Perspectives|Impact de l'action|Historique|Contexte / Historique|"
                r"Autres retombées induites|Mise en œuvre|Date de démarrage|Date de clôture|Remarque|"
                r"Localisation|Personnel mobilisé|Domaine d'activité|Moyens)\s*(?::\s*(?P<rest>.*))?$"), "other"),
]

INFO_LABELS = re.compile(
    r"^(?P<label>Budget attribué au partenariat|Budget consacré[^:]*|Ressources humaines[^:]*|"
    r"Autres partenariats|Comité de pilotage[^:]*|Comité de jumelage|Pilotage|Mise en œuvre|"
    r"Structure mandatée[^:]*|Volet renforcement des capacités|Observations?|Atouts|Difficultés|Attentes)"
    r"\s*(?::\s*(?P<rest>.*))?$")

_DATE_PAREN = re.compile(r"\(([^()]*(?:19|20)\d\d[^()]*|\d+\s*(?:ans|mois))\)")


def action_label(line: str) -> tuple[str, str, str] | None:
    """(field, label, inline text) when the line opens a field of a project."""
    text = line
    if text.startswith(("→", "- ", "-")) and re.match(r"^(→|-)\s*\S", text):
        stripped = _strip_marker(text)
        # a bullet is a label only when it reads "Label : text" or is an objective
        if not re.match(r"^(Objectifs?\b|[A-ZÉ][^:]{0,40}:)", stripped):
            return None
        text = stripped
    for rx, name in ACTION_LABELS:
        m = rx.match(text)
        if m:
            label = m.groupdict().get("label") or text.split(":")[0].strip()
            return name, label, (m.group("rest") or "").strip()
    return None


def heading_of(line: str) -> tuple[str, str | None] | None:
    """An upper-case theme heading, with its optional parenthesis (`SANTÉ (2006 à 2009)`)."""
    m = re.match(r"^([^a-z()]+?)\s*:?\s*(\([^()]*\))?\s*:?$", line)
    if not m:
        return None
    head = m.group(1).strip(" :")
    letters = [c for c in head if c.isalpha()]
    if len(letters) < 4 or any(c.islower() for c in letters):
        return None
    if STATUS_RE.match(head) or not map_domain(head):
        return None
    return head, m.group(2)


def sentence_case(text: str) -> str:
    low = text.lower()
    return low[:1].upper() + low[1:]


def short_title(text: str) -> str:
    t = re.sub(r"\s*[-–]\s*Cofinancement PAD\s*$", "", text).strip(" -")
    t = re.sub(r"\s*\((?:[^()]*(?:19|20)\d\d[^()]*|\d+\s*(?:ans|mois))\)\s*$", "", t).strip()
    if len(t) > 120:
        cut = t[:118].rsplit(" ", 1)[0]
        t = cut.rstrip(" ,;:-") + "…"
    return t or text[:120]


def dates_of_title(text: str) -> tuple[int | None, int | None]:
    m = None
    for m in _DATE_PAREN.finditer(text):
        pass
    if not m:
        return None, None
    inside = m.group(1)
    ys = years_in(inside)
    if not ys:
        return None, None
    if "débuté" in inside and "achevé" not in inside and len(ys) == 1:
        return ys[0], None
    return ys[0], ys[-1]


# --- Sheets -----------------------------------------------------------------

@dataclass
class TocEntry:
    line: int
    french: str
    moroccan: str
    page: int
    group: str


@dataclass
class Item:
    """A project being read."""

    first: int
    title_raw: str
    heading: str | None
    status: str | None
    from_heading: bool = False
    last: int = 0
    fields: dict[str, list[str]] = field(default_factory=dict)
    order: list[tuple[str, str]] = field(default_factory=list)  # (field, text) for "other"
    current: str = "free"
    body_lines: int = 0
    raw: list[int] = field(default_factory=list)

    def add(self, fld: str, text: str) -> None:
        self.fields.setdefault(fld, []).append(text)


def parse_toc(lines: list[str]) -> list[TocEntry]:
    entries: list[TocEntry] = []
    group = ""
    in_toc = False
    for i, raw in enumerate(lines):
        s = squash_spaces(raw)
        if s == "Sommaire":
            in_toc = True
            continue
        if not in_toc:
            continue
        if s == "Éditorial" and i > 20:
            break
        if re.match(r"^[IVX]+\.\s", s):
            group = s.split(".", 1)[1].strip()
            continue
        m = re.match(r"^(.+?)/(.+?)\s+p\.(\d+)$", raw.strip())
        if m and group != "Documents complémentaires":
            entries.append(TocEntry(i + 1, squash_spaces(m.group(1)), squash_spaces(m.group(2)),
                                    int(m.group(3)), group))
    return entries


_FRENCH_START = re.compile(r"^(Ville|Conseil général|Conseil régional|Communauté urbaine)\b")
_MOROCCAN_START = re.compile(
    r"^(Communes? (urbaine|rurale)s?|Conseil régional|Cercle|Préfecture|Province)\b")
_GROUP_RE = re.compile(r"^(Villes|Communautés urbaines|Conseils généraux|Conseils régionaux)$")


def _next_nonblank(lines: list[str], i: int) -> int | None:
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j if j < len(lines) else None


def find_sheets(lines: list[str]) -> list[tuple[int, int]]:
    """0-based (start, end exclusive) of every sheet, found by its shape."""
    starts = []
    stop = len(lines)
    for i, raw in enumerate(lines):
        s = raw.strip()
        if s.startswith("AUTRES PARTENARIATS RÉPERTORIÉS"):
            stop = i
            break
        if not _FRENCH_START.match(s):
            continue
        j = _next_nonblank(lines, i)
        if j is None or not _MOROCCAN_START.match(lines[j].strip()):
            continue
        k = _next_nonblank(lines, j)
        if k is None or not (EXEC_RE.match(lines[k].strip()) or lines[k].strip().startswith("(")):
            continue
        starts.append(i)
    sheets = []
    for n, st in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else stop
        # a group title ("Conseils généraux") just before the next sheet is not part of this one
        e = end
        while e > st and (not lines[e - 1].strip() or _GROUP_RE.match(lines[e - 1].strip())):
            e -= 1
        sheets.append((st, e))
    return sheets


def _split_partner_names(raw: str) -> list[str]:
    """`Communes urbaines de Rabat, Meknès, Marrakech et Fès` -> one name per commune."""
    m = re.match(r"^Communes (urbaines|rurales) (?:de |d')(.+)$", raw.strip())
    if not m:
        return [raw.strip()]
    kind = "Commune urbaine" if m.group(1) == "urbaines" else "Commune rurale"
    parts = re.split(r",\s*|\s+et\s+(?:de\s+|d')?", m.group(2))
    names = []
    for p in parts:
        p = p.strip(" .")
        if not p:
            continue
        prep = "d'" if fold(p[:1]) in "aeiouy" else "de "
        names.append(f"{kind} {prep}{p}")
    return names


class _Ctx:
    def __init__(self, document: str, lines: list[str], result: ParseResult):
        self.document = document
        self.lines = lines
        self.result = result

    def warn(self, lineno: int, what: str, excerpt: str = "") -> None:
        excerpt = squash_spaces(excerpt)[:80]
        self.result.warnings.append(f"line {lineno}: {what} {excerpt}".rstrip())


@dataclass
class SheetData:
    head: dict[str, list[str]] = field(default_factory=dict)
    execs: list[tuple[int, str]] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    preamble: Item | None = None
    info: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)
    contact_lines: list[tuple[int, str]] = field(default_factory=list)
    suspended: bool = False


def _logical_lines(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    """Non-blank cleaned lines with their 1-based numbers; a heading glued to
    the next line by the extraction (`INFORMATIONS …**Contacts à Fès**`) is split."""
    out = []
    for i in range(start, end):
        raw = lines[i].rstrip()
        if not raw.strip():
            continue
        m = re.match(r"^([^a-z*]{6,}?)\*\*(.+?)\*\*\s*$", raw.strip())
        if m:
            out.append((i + 1, clean(m.group(1))))
            out.append((i + 1, clean(m.group(2))))
            continue
        out.append((i + 1, clean(raw)))
    return out


def read_sheet(ll: list[tuple[int, str]], ctx: _Ctx) -> SheetData:
    """Walk a sheet's lines through its parts: head fields, projects, partnership information, contacts."""
    data = SheetData()
    mode = "head"
    head_field: str | None = None
    status: str | None = None
    heading: str | None = None
    subheading: str | None = None
    expecting_title = False
    item: Item | None = None
    info_field = "Informations"
    extra_field: str | None = None

    def close():
        nonlocal item
        if item is not None:
            data.items.append(item)
            item = None

    def start_item(n: int, title: str, from_heading: bool = False):
        nonlocal item, subheading
        if item is not None and item.body_lines == 0 and not item.from_heading:
            # a title without body was a sub-heading (`Échanges culturels` above its projects)
            subheading = item.title_raw
            first = item.first
            item = None
        else:
            close()
            first = n
        dom = heading or (subheading if subheading and map_domain(subheading) else None)
        if title.startswith("Autres projets"):
            dom = None
        if dom is None and map_domain(short_title(title)) and len(short_title(title)) <= 60 \
                and not title.startswith("Autres projets"):
            dom = short_title(title)
        item = Item(first=first, title_raw=title, heading=dom, status=status, from_heading=from_heading)
        item.last = n

    for idx, (n, s) in enumerate(ll):
        nxt = ll[idx + 1][1] if idx + 1 < len(ll) else ""
        if CONTACTS_RE.match(s):
            close()
            mode = "contacts"
            continue
        if mode == "contacts":
            data.contact_lines.append((n, s))
            continue
        if INFO_RE.match(s):
            close()
            mode = "info"
            info_field = "Informations"
            continue
        st = STATUS_RE.match(s)
        if st:
            close()
            if st.group("outside"):
                mode, extra_field = "extra", "Projets réalisés en dehors du partenariat"
                continue
            mode = "projects"
            u = fold(s).upper()
            status = ("en cours" if "EN COURS" in u else "réalisé" if "REALIS" in u
                      else "suivi" if u.startswith("SUIVI") else "en projet")
            heading, subheading, expecting_title = None, None, True
            continue
        if EXTRA_HEAD_RE.match(s):
            close()
            mode, extra_field = "extra", sentence_case(s)
            continue
        if mode == "head":
            m = HEAD_FIELD_RE.match(s)
            if m:
                head_field = m.group("label")
                data.head.setdefault(head_field, []).append(m.group("rest"))
                continue
            if EXEC_RE.match(s) and not data.head:
                data.execs.append((n, s))
                continue
            if heading_of(s) is None:
                if head_field is None:
                    if s.startswith("(") or n == ll[0][0] or idx <= 2:
                        continue
                    ctx.warn(n, "sheet line outside any field:", s)
                    continue
                data.head[head_field].append(s)
                continue
            mode = "projects"
        if mode == "extra":
            data.extra.setdefault(extra_field or "Autres", []).append(s)
            if "suspendue" in s:
                data.suspended = True
            continue
        if mode == "info":
            m = INFO_LABELS.match(s)
            if m:
                info_field = m.group("label")
                if m.group("rest"):
                    data.info.setdefault(info_field, []).append(m.group("rest"))
                else:
                    data.info.setdefault(info_field, [])
            else:
                data.info.setdefault(info_field, []).append(s)
            continue
        # --- projects ---
        h = heading_of(s)
        if h:
            head, paren = h
            heading, subheading = head, None
            if paren:  # `SANTÉ (Novembre 2006 à 2009)`: the heading is the project's title
                start_item(n, f"{sentence_case(head)} {paren}", from_heading=True)
                expecting_title = False
            else:
                close()
                expecting_title = True
            continue
        label = action_label(s)
        if expecting_title and label is None and not re.match(r"^(→|•|➤|-)", s):
            if s.startswith("(") and heading:  # `(débutés en 2003, achevés en 2005)`
                start_item(n, f"{sentence_case(heading)} {s}", from_heading=True)
            else:
                start_item(n, s)
            expecting_title = False
            continue
        if expecting_title and label is not None and heading and item is None:
            start_item(n, sentence_case(heading), from_heading=True)
            item.first = n
        expecting_title = False
        if label is None and _is_title(s, nxt, item):
            start_item(n, s)
            continue
        if item is None:
            if data.preamble is None:
                data.preamble = Item(first=n, title_raw="", heading=None, status=status)
            target = data.preamble
        else:
            target = item
        if label:
            fld, lab, rest = label
            target.current = fld if fld != "other" else f"other:{lab}"
            if rest:
                target.add(target.current, rest)
                target.body_lines += 1
        else:
            if re.fullmatch(r"-?\s*Cofinancement PAD", s) and target.body_lines == 0 and target.title_raw:
                target.title_raw += " - Cofinancement PAD"
            else:
                target.add(target.current, s)
                target.body_lines += 1
        target.last = n
    close()
    return data


def _is_title(s: str, nxt: str, item: Item | None) -> bool:
    if re.match(r"^(→|•|➤|-|\d+[.)/]|\*)", s) or len(s) > 250:
        return False
    if s.endswith((";", ":", ",", ".")):
        return False
    if re.match(r"^Autres projets", s):
        return True
    if _DATE_PAREN.search(s) and re.search(r"\)\s*(?:[-–]\s*(?:Cofinancement PAD)?)?$", s):
        return True
    if ":" in s:
        return False
    if re.match(r"^(→\s*)?(Objectifs?\b|Description|Déroulement)", nxt) and not action_label(s):
        return item is None or item.body_lines > 0 or item.from_heading
    free = item is not None and (item.current == "free"
                                 or (item.current.startswith("other:") and nxt.startswith("-")))
    if free and item.body_lines > 0 and len(s) <= 60 and s[:1].isupper():
        return True
    return False


# --- Contacts ---------------------------------------------------------------

_PHONE_RE = re.compile(r"^(Tél|Tel|Port)\s*\.?\s*(/\s*Fax)?\s*:?\s*(.+)$", re.I)
_FAX_RE = re.compile(r"^Fax\s*:?\s*(.+)$", re.I)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_WEB_RE = re.compile(r"^<?(https?://|www\.)\S+>?$")
_ORG_RE = re.compile(
    r"^(Ville|Commune|Conseil|Mairie|Municipalité|Hôtel de|Préfecture|Province|Wilaya|Communauté|"
    r"Nantes Métropole|Siège|Souk El Khémis$|Boulogne - Safi|Service des|Direction)", re.I)


def parse_contacts(lines: list[tuple[int, str]], french: Party, partners: list[Party]) -> list[Contact]:
    """Persons (`M. …`, `Mme …`) with their roles and numbers, and the
    collectivities' own addresses; the side comes from the phone prefix or
    the organisation's name."""
    contacts: list[Contact] = []
    cur: Contact | None = None
    prev = None
    after_agent = False
    for _, s in lines:
        if s == prev:
            continue  # the extraction doubled some lines
        prev = s
        if re.match(r"^(Agents?|Également) en charge", s, re.I) or s.startswith("Élu en charge"):
            after_agent = True
            continue
        person = re.match(r"^(M\.|Mme|Mlle)\s*([^,]+?)(?:,\s*(.+))?$", s)
        if person or (after_agent and re.match(r"^[A-Z][a-zé]+\s+[A-Z]{3,}", s)):
            name = (person.group(0).split(",")[0] if person else s).strip(" ,")
            role = person.group(3).strip(" ,") if person and person.group(3) else None
            cur = Contact(name=name, role=role)
            contacts.append(cur)
            after_agent = False
            continue
        after_agent = False
        m = _PHONE_RE.match(s)
        if m and cur is not None:
            cur.phone = cur.phone or m.group(3).strip()
            if m.group(2):
                cur.fax = cur.fax or m.group(3).strip()
            continue
        m = _FAX_RE.match(s)
        if m and cur is not None:
            cur.fax = cur.fax or m.group(1).strip()
            continue
        if re.match(r"^\+\s*\d", s) and cur is not None:
            cur.phone = cur.phone or s
            continue
        em = _EMAIL_RE.search(s)
        if em and len(s) < 70 and cur is not None:
            cur.email = cur.email or em.group(0)
            continue
        if _WEB_RE.match(s) and cur is not None:
            cur.website = cur.website or s.strip("<>")
            continue
        if _ORG_RE.match(s) and (cur is None or cur.name is not None or cur.address):
            cur = Contact(organisation=s)
            contacts.append(cur)
            continue
        if cur is None:
            continue
        if cur.name is not None:
            cur.role = f"{cur.role} {s}" if cur.role else s
        else:
            cur.address = f"{cur.address}, {s}" if cur.address else s
    partner_keys = [core_name(p.name) for p in partners]
    for c in contacts:
        c.side = _side(c, french, partner_keys)
    # a person without numbers belongs to the side of the next block that has one
    for i, c in enumerate(contacts):
        if c.side is None:
            c.side = next((d.side for d in contacts[i + 1:] if d.side), None)
    # persons take the organisation of their side's address block
    orgs = {c.side: c.organisation for c in contacts if c.name is None and c.organisation and c.side}
    for c in contacts:
        if c.name is not None and c.organisation is None and c.side in orgs:
            c.organisation = orgs[c.side]
    return contacts


def _side(c: Contact, french: Party, partner_keys: list[str]) -> str | None:
    numbers = " ".join(x for x in (c.phone, c.fax) if x)
    if "212" in numbers.replace(" ", "")[:6] or "+ 212" in numbers or "+212" in numbers:
        return "partner"
    if re.search(r"\+\s*33|^0\d", numbers):
        return "french"
    if c.email and c.email.endswith((".ma", "menara.ma")):
        return "partner"
    text = fold(" ".join(x for x in (c.organisation, c.address, c.email) if x))
    if any(k and k in text for k in partner_keys) or "maroc" in text:
        return "partner"
    if core_name(french.name) in text or re.search(r"\b\d{2} ?\d{3}\b", c.address or ""):
        return "french"
    return None


# --- Building records -------------------------------------------------------

def _joined(parts: list[str] | None) -> str | None:
    if not parts:
        return None
    text = reflow([p for p in parts])
    return text or None


def _split_domains(content: str, more: list[str]) -> tuple[list[str], list[str]]:
    """Labels of `Domaines d'activités`, and the prose that some sheets wrote there instead."""
    labels: list[str] = []
    prose: list[str] = []
    content = content.strip()
    if content:
        m = re.match(r"^(.{3,150}?)\.\s+([A-ZÉL].{30,})$", content)
        if m:
            content, rest = m.group(1), m.group(2)
            prose.append(rest)
        if len(content) > 150:
            prose.insert(0, content)
        else:
            parts = [p.strip(" .") for p in content.split(";")]
            if len(parts) == 1 and "," in content and not fold(content).startswith("echanges"):
                pieces = [p.strip(" .") for p in re.split(r",(?![^()]*\))", content)]
                if all(map_domain(p) for p in pieces):
                    parts = pieces
            labels += [p[:1].upper() + p[1:] for p in parts if p]
    for line in more:
        item = _strip_marker(line).strip(" .")
        if line.startswith("-") and ":" not in item and len(item) <= 50:
            labels.append(item[:1].upper() + item[1:])
        else:
            prose.append(line)
    return labels, prose


def split_project_lists(items: list[Item], lines: list[str]) -> list[Item]:
    """A theme whose body is only a list of dated projects (`… (2003-2004) ;`,
    Aquitaine's "Déroulement des projets") gives one project per entry."""
    out: list[Item] = []
    for it in items:
        body = it.fields.get("description", [])
        if not it.from_heading or set(it.fields) - {"description"} or len(body) < 2:
            out.append(it)
            continue
        entries: list[str] = []
        for line in body:
            if entries and line[:1].islower():
                entries[-1] += " " + line
            else:
                entries.append(line)
        if len(entries) < 2 or not all(e.endswith((";", ".")) and len(e) < 400 for e in entries):
            out.append(it)
            continue
        for k, e in enumerate(entries):
            sub = Item(first=it.first, title_raw=e.rstrip(" ;."), heading=it.heading, status=it.status)
            sub.last = it.last
            at = [i + 1 for i in range(it.first - 1, it.last) if clean(lines[i]).startswith(e[:40])]
            if at:
                sub.first = at[0]
                sub.last = at[0]
                while sub.last < it.last and lines[sub.last].strip()[:1].islower():
                    sub.last += 1
            sub.fields = {"description": [e]}
            sub.body_lines = 1
            out.append(sub)
    return out


def build_actions(items: list[Item], pid: str, ctx: _Ctx, page: int | None) -> list[Action]:
    actions = []
    items = split_project_lists(items, ctx.lines)
    for n, it in enumerate(items, start=1):
        f = it.fields
        desc_parts = list(f.get("free", [])) + list(f.get("description", []))
        for key, vals in f.items():
            if key.startswith("other:"):
                desc_parts.append(f"{key[6:]} : " + " ".join(vals))
        title_text = it.title_raw
        description = _joined(desc_parts)
        objectives = _joined(f.get("objectives"))
        budget_text = _joined(f.get("budget"))
        start, end = dates_of_title(title_text)
        years = set(years_in(title_text)) | set(years_in(description or "")) | set(years_in(objectives or ""))
        if start:
            years.add(start)
        if end:
            years.add(end)
        if not start and "débuté" not in title_text:
            pass
        if "Cofinancement PAD" in title_text:
            description = (description + "\n" if description else "") + "Cofinancement PAD"
        domain_raw = it.heading
        doms = map_domain(domain_raw) if domain_raw else []
        for d in domains_of_text(f"{title_text} {description or ''}"):
            if d not in doms:
                doms.append(d)
        raw_lines = ctx.lines[it.first - 1: it.last]
        actions.append(Action(
            id=action_id(pid, n), partnership_id=pid, title=short_title(title_text),
            description=description, domain_raw=domain_raw, domains=doms, status=it.status,
            years=sorted(years), start=start, end=end,
            budget=parse_budget(budget_text) if budget_text else None,
            partners=_joined(f.get("partners")), beneficiaries=_joined(f.get("beneficiaries")),
            objectives=objectives,
            sources=[SourceRef(ctx.document, it.first, it.last, page, it.status or "sheet")],
            original_text="\n".join(raw_lines).strip(),
        ))
    return actions


def _mentions(text: str, party: Party) -> bool:
    key = core_name(party.name)
    return bool(key) and key in fold(text)


def build_sheet(ctx: _Ctx, start: int, end: int, toc: TocEntry | None,
                french_raw: str, partner_raws: list[str], ll: list[tuple[int, str]],
                common: SheetData | None = None, common_range: tuple[int, int] | None = None,
                ) -> list[tuple[Partnership, list[Action]]]:
    data = read_sheet(ll, ctx)
    page = toc.page if toc else None
    execs = data.execs
    french_pop = execs[0][1] if execs else None
    fr = french_party(french_raw, french_pop)
    partners = []
    notes: list[str] = []
    for k, raw in enumerate(partner_raws):
        pop_line = None
        for n, line in execs[1:]:
            if _mentions(line, moroccan_party(raw)):
                pop_line = line
                break
        if pop_line is None and len(execs) > 1 + k:
            pop_line = execs[1 + k][1]
            if len(partner_raws) == 1 and re.search(r"(Commune urbaine|Conseil régional) (de|d')", pop_line):
                notes.append(f"La ligne de l'exécutif (ligne {execs[1 + k][0]}) nomme une autre collectivité : "
                             f"{squash_spaces(pop_line)[:100]}")
        partners.append(moroccan_party(raw, pop_line))

    head = data.head
    legal_parts = []
    for key in ("Cadre juridique", "Cadre juridique actuel", "Cadre juridique précédent"):
        if key in head:
            txt = reflow(head[key]).strip(" .")
            legal_parts.append(txt if key == "Cadre juridique" else f"{key.split()[-1].capitalize()} : {txt}")
    legal = " ; ".join(legal_parts) or None
    date_text = reflow(head.get("Date", [])) or None
    formal_years = years_in(date_text or "") or years_in(" ".join(legal_parts))
    formalized = formal_years[0] if formal_years else None
    history_key = next((k for k in head if k.startswith(("Historique", "Origine"))), None)
    history_lines = head.get(history_key, []) if history_key else []
    if "Chronologie" in data.extra:
        history_lines = history_lines + [""] + data.extra.pop("Chronologie")
    history = _joined(history_lines)
    first_contact = None
    hist_years = years_in(" ".join(head.get(history_key, []))) if history_key else []
    if hist_years and (formalized is None or hist_years[0] <= formalized):
        first_contact = hist_years[0]
    dom_key = next((k for k in head if k.startswith("Domaine")), None)
    domains_raw, prose = _split_domains(head[dom_key][0], head[dom_key][1:]) if dom_key else ([], [])
    objectives_parts = list(head.get("Objet", [])) + prose
    if data.preamble is not None:
        objectives_parts += data.preamble.fields.get("objectives", []) + data.preamble.fields.get("free", [])
    info = dict(data.info)
    extra: dict[str, str] = {}
    if common is not None:
        for k, v in common.info.items():
            info.setdefault(k, v)
    budget_lines = next((v for k, v in info.items() if k.startswith("Budget")), None)
    for k, v in info.items():
        if k.startswith("Budget") or k == "Autres partenariats" or not v:
            continue
        extra[k] = reflow(v)
    for k, v in data.extra.items():
        extra[k] = reflow(v)
    if "N.B." in head:
        extra["N.B."] = reflow(head["N.B."])
    partners_text = _joined(data.preamble.fields.get("partners")) if data.preamble else None
    contacts = parse_contacts(data.contact_lines, fr, partners)
    if common is not None:
        contacts = parse_contacts(common.contact_lines, fr, partners) + contacts
    status = "suspendu" if data.suspended else None
    if legal and re.search(r"aucun accord|en cours d'élaboration", legal, re.I):
        status = "en projet"
    raw_text = "\n".join(ctx.lines[start:end]).strip()
    if (toc and fold(toc.moroccan) != fold(" ".join(partner_raws)) and len(partner_raws) == 1
            and not toc.moroccan.startswith("Communes")):
        notes.append(f"Sommaire : « {toc.moroccan} », fiche : « {partner_raws[0]} »")
    out = []
    for p_index, partner in enumerate(partners):
        pid = partnership_id(fr.name, partner.name)
        if len(partners) > 1:
            own = [it for it in data.items
                   if _mentions(it.title_raw + " " + " ".join(sum(it.fields.values(), [])), partner)
                   and not any(_mentions(it.title_raw + " " + " ".join(sum(it.fields.values(), [])), o)
                               for o in partners if o is not partner)]
            shared = [it for it in data.items
                      if not any(_mentions(it.title_raw + " " + " ".join(sum(it.fields.values(), [])), o)
                                 for o in partners)]
            items = [it for it in data.items if it in own or it in shared]
        else:
            items = data.items
        actions = build_actions(items, pid, ctx, page)
        action_doms = [d for a in actions for d in a.domains]
        years = set(formal_years) | {y for a in actions for y in a.years}
        if formalized:
            years.add(formalized)
        sources = [SourceRef(ctx.document, start + 1, end, page, "sheet")]
        if common_range:
            sources.insert(0, SourceRef(ctx.document, common_range[0] + 1, common_range[1], page,
                                        "sheet (partie commune)"))
        ps = Partnership(
            id=pid, french_party=fr, partner_party=partner, countries=["Maroc"],
            legal_framework=legal, formalized=formalized, first_contact_year=first_contact,
            status=status, domains_raw=list(domains_raw),
            domains=_union(map_domains(domains_raw), action_doms),
            years=sorted(y for y in years if y), history=history,
            objectives=_joined(objectives_parts), perspectives=None,
            budget=parse_budget(reflow(budget_lines)) if budget_lines else None,
            contacts=contacts, other_partnerships=_joined(info.get("Autres partenariats")),
            partners=partners_text, sources=sources, detail="sheet", notes=list(notes),
            extra=extra, original_text=raw_text,
        )
        if date_text:
            ps.extra["Date"] = date_text
        out.append((ps, actions))
    return out


def _union(first: list[str], more: list[str]) -> list[str]:
    from indexer.domains import DOMAINS
    found = set(first) | set(more)
    return [d for d in DOMAINS if d in found]


# --- Listed partnerships and synthesis -------------------------------------

def parse_listed(ctx: _Ctx, start: int, end: int) -> list[Partnership]:
    out = []
    entries: list[list[tuple[int, str]]] = []
    for n, s in _logical_lines(ctx.lines, start, end):
        if " / " in s and not s.startswith("→") and _FRENCH_START.match(s):
            entries.append([(n, s)])
        elif entries:
            entries[-1].append((n, s))
    for entry in entries:
        n0, head = entry[0]
        fr_raw, ma_raw = [x.strip() for x in head.split(" / ", 1)]
        fr, ma = french_party(fr_raw), moroccan_party(ma_raw)
        arrows = [_strip_marker(s) for _, s in entry[1:] if s.startswith("→")]
        framework = arrows[0] if arrows and not arrows[0].startswith("Contact") else None
        legal = framework
        if framework and re.fullmatch(r"[\d\s]*\w*\s*(19|20)\d\d", framework):
            legal = None
        formal = years_in(framework or "")
        contact = None
        for _, s in entry[1:]:
            m = re.match(r"^→\s*Contact en France\s*:\s*(.+)$", s)
            if m:
                name, _, role = m.group(1).partition(",")
                contact = Contact(name=name.strip(), role=role.strip() or None,
                                  organisation=fr.name, side="french")
            elif contact is not None:
                if _PHONE_RE.match(s):
                    contact.phone = _PHONE_RE.match(s).group(3).strip()
                elif _FAX_RE.match(s):
                    contact.fax = _FAX_RE.match(s).group(1).strip()
                elif _EMAIL_RE.fullmatch(s):
                    contact.email = contact.email or s
                elif s.startswith("Hôtel"):
                    contact.address = s
        last = entry[-1][0]
        pid = partnership_id(fr.name, ma.name)
        out.append(Partnership(
            id=pid, french_party=fr, partner_party=ma, countries=["Maroc"], legal_framework=legal,
            formalized=formal[0] if formal else None, years=formal,
            contacts=[contact] if contact else [],
            sources=[SourceRef(ctx.document, n0, last, LISTED_PAGE, "Autres partenariats répertoriés")],
            detail="listed", original_text="\n".join(ctx.lines[n0 - 1:last]).strip(),
        ))
    return out


def apply_synthesis(ctx: _Ctx, start: int, end: int, records: list[Partnership]) -> None:
    """Add each domain of the synthesis to the partnerships it lists."""
    domain = sub = None
    for n, s in _logical_lines(ctx.lines, start, end):
        if s.startswith("ANNEXES"):
            break
        if s.startswith("➤"):
            sub = _strip_marker(s).strip()
            continue
        if "/" not in s and not _FRENCH_START.match(s):
            domain, sub = s, None
            continue
        fr_raw, _, ma_raw = s.partition("/")
        matches = _match_names(fr_raw, ma_raw, records)
        if not matches:
            ctx.warn(n, "synthesis entry matches no sheet:", s)
            continue
        labels = [domain] + ([sub] if sub and fold(sub) != "autres" else [])
        for p in matches:
            for lab in labels:
                if lab and lab not in p.domains_raw:
                    p.domains_raw.append(lab)
            p.domains = _union(p.domains, map_domains(labels))
            p.sources.append(SourceRef(ctx.document, n, n, SYNTHESIS_PAGE,
                                       f"Synthèse par domaines : {domain}" + (f" / {sub}" if sub else "")))


def _match_names(fr_raw: str, ma_raw: str, records: list[Partnership]) -> list[Partnership]:
    ft, mt = _key_tokens(fr_raw), _key_tokens(ma_raw)

    def tok_in(a: set[str], b: set[str]) -> bool:
        return all(any(x == y or (len(x) >= 4 and y.startswith(x)) for y in b) for x in a)

    found = []
    for p in records:
        if p.detail != "sheet" or p.partner_party is None:
            continue
        pf, pm = _key_tokens(p.french_party.name), _key_tokens(p.partner_party.name)
        if not (tok_in(ft, pf) and tok_in(pf, ft)):
            continue
        if mt and not tok_in(pm, mt) and not tok_in(mt, pm):
            continue
        found.append(p)
    return found


# --- Entry point ------------------------------------------------------------

def parse(text: str, document: str) -> ParseResult:
    result = run_guarded(_parse, text, document)
    result.stats.setdefault("partnerships", len(result.partnerships))
    result.stats.setdefault("actions", len(result.actions))
    return result


def _parse(text: str, document: str, result: ParseResult) -> None:
    lines = text.split("\n")
    ctx = _Ctx(document, lines, result)
    toc = parse_toc(lines)
    sheets = find_sheets(lines)
    listed_start = next((i for i, l in enumerate(lines)
                         if l.strip().startswith("AUTRES PARTENARIATS RÉPERTORIÉS")), None)
    synth_start = next((i for i, l in enumerate(lines)
                        if l.strip().startswith("SYNTHÈSE DES COOPÉRATIONS")), None)
    records: dict[str, Partnership] = {}
    actions: list[Action] = []
    if toc and len(toc) != len(sheets):
        ctx.warn(toc[0].line, f"table of contents lists {len(toc)} sheets, found {len(sheets)}")
    for k, (st, en) in enumerate(sheets):
        french_raw = lines[st].strip()
        j = _next_nonblank(lines, st)
        partner_line = lines[j].strip()
        entry = toc[k] if k < len(toc) else None
        if entry and not (_key_tokens(entry.french) & _key_tokens(french_raw)):
            ctx.warn(st + 1, "sheet does not match the table of contents entry", entry.french)
            entry = next((t for t in toc if _key_tokens(t.french) & _key_tokens(french_raw)), None)
        subs = [i for i in range(st, en) if re.match(r"^Partenariat avec (la |le |l')", lines[i].strip())]
        built = []
        if subs:  # Marseille: one part per Moroccan city, after a common part
            common_ll = _logical_lines(lines, j + 1, subs[0])
            common = read_sheet([(n, s) for n, s in common_ll if not s.startswith("(")], ctx)
            bounds = subs + [en]
            for a, b in zip(bounds, bounds[1:]):
                name = re.sub(r"^Partenariat avec (la |le |l')", "", lines[a].strip())
                ll = _logical_lines(lines, a + 1, b)
                built += build_sheet(ctx, a, b, entry, french_raw, [name[:1].upper() + name[1:]],
                                     ll, common=common, common_range=(st, subs[0]))
        else:
            ll = _logical_lines(lines, j + 1, en)
            built = build_sheet(ctx, st, en, entry, french_raw, _split_partner_names(partner_line), ll)
        for ps, acts in built:
            if ps.id in records:
                ctx.warn(st + 1, "duplicate partnership id", ps.id)
                continue
            records[ps.id] = ps
            actions += acts
    result.stats["sheets"] = len(sheets)
    listed = []
    if listed_start is not None:
        listed = parse_listed(ctx, listed_start + 1, synth_start or len(lines))
        for p in listed:
            if p.id in records:
                old = records[p.id]
                old.sources += p.sources
            else:
                records[p.id] = p
    result.stats["listed"] = len(listed)
    if synth_start is not None:
        apply_synthesis(ctx, synth_start + 1, len(lines), list(records.values()))
    for p in records.values():
        p.domains = _union(map_domains(p.domains_raw), p.domains)
    result.partnerships = list(records.values())
    result.actions = actions
    result.stats["merged"] = sum(
        1 for p in records.values()
        if len({s.section.split(" :")[0] for s in p.sources if "partie commune" not in (s.section or "")}) > 1)
    result.stats["pairs_from_sheets"] = sum(1 for p in records.values() if p.detail == "sheet")
    result.stats["partnerships"] = len(records)
    result.stats["actions"] = len(actions)
