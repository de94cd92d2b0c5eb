"""Parser for the Mali repertoire (Cités Unies France, 2008).

The document has four parts that name the same partnerships: the sheets
(one per `Date de mise à jour`, some under `Autres types de partenariats`),
the comma-separated `non renseignés` list, and the `Annexe 1` tables by
Malian region. Names are spelled differently in each part (`CG Allier`,
`Conseil général Allier`, `Conseil Général de l'Allier`), so records are
matched on loose name keys before ids are built, and every place a
partnership appears becomes one more `SourceRef` on a single record.
"""
from __future__ import annotations

import re
from functools import lru_cache
from difflib import SequenceMatcher

from ..domains import domains_of_text, map_domain, map_domains
from ..ids import action_id, partnership_id
from ..records import Action, Budget, Contact, ParseResult, Party, Partnership, SourceRef
from ..text import fold, normal_case, reflow, squash_spaces, years_in

TITLE = "partenariats de coopération décentralisée franco-maliens"
DATE_RE = re.compile(r"Date de mise à jour\s*:\s*(\d{1,2})/(\d{1,2})/(\d{4})")
FOOTER_RE = re.compile(r"Cités Unies France - Répertoire des partenariats.*?(\d+)/180")
LIST_HEAD = "Partenariats de coopération décentralisée non renseignés"
OTHER_HEAD = "Autres types de partenariats"
ANNEX_HEAD = "Annexe 1"
ANNEX_END = "Annexe 2"

# --- Geography (data) -------------------------------------------------------

REGIONS = ["Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao", "Kidal"]
BAMAKO = "District de Bamako"

# The 49 cercles of Mali in 2008, by region.
CERCLES: dict[str, list[str]] = {
    "Kayes": ["Bafoulabé", "Diéma", "Kayes", "Kéniéba", "Kita", "Nioro du Sahel", "Yélimané"],
    "Koulikoro": ["Banamba", "Dioïla", "Kangaba", "Kati", "Kolokani", "Koulikoro", "Nara"],
    "Sikasso": ["Bougouni", "Kadiolo", "Kolondiéba", "Koutiala", "Sikasso", "Yanfolila", "Yorosso"],
    "Ségou": ["Barouéli", "Bla", "Macina", "Niono", "San", "Ségou", "Tominian"],
    "Mopti": ["Bandiagara", "Bankass", "Djenné", "Douentza", "Koro", "Mopti", "Ténenkou", "Youwarou"],
    "Tombouctou": ["Diré", "Goundam", "Gourma-Rharous", "Niafunké", "Tombouctou"],
    "Gao": ["Ansongo", "Bourem", "Gao", "Ménaka"],
    "Kidal": ["Abeïbara", "Kidal", "Tessalit", "Tin-Essako"],
}
# Communes of the corpus whose region neither the sheet nor the annex gives.
COMMUNE_REGION: dict[str, str] = {
    "marena tringa": "Kayes", "djelebou": "Kayes", "koloningue": "Kayes", "taikiri": "Kayes",
    "marbila": "Tombouctou", "dembella": "Sikasso", "mandiakuy": "Ségou", "sansanding": "Ségou",
    "niantjila": "Koulikoro", "tondidji": "Tombouctou", "pel": "Mopti", "seyna": "Koulikoro",
    "sanartara": "Kayes", "baganba": "Kayes", "kassa": "Koulikoro", "logo": "Kayes",
    "anderamboukane": "Gao", "andermboukane": "Gao", "dourou": "Mopti", "n gabakoro": "Koulikoro",
    "nafadji": "Koulikoro",
}

# French régions (2008) and départements, canonical spelling.
FR_REGIONS = [
    "Alsace", "Aquitaine", "Auvergne", "Basse-Normandie", "Bourgogne", "Bretagne", "Centre",
    "Champagne-Ardenne", "Corse", "Franche-Comté", "Haute-Normandie", "Île-de-France",
    "Languedoc-Roussillon", "Limousin", "Lorraine", "Midi-Pyrénées", "Nord-Pas-de-Calais",
    "Pays de la Loire", "Picardie", "Poitou-Charentes", "Provence-Alpes-Côte d'Azur", "Rhône-Alpes",
]
FR_DEPARTEMENTS = {
    "01": "Ain", "02": "Aisne", "03": "Allier", "04": "Alpes-de-Haute-Provence", "05": "Hautes-Alpes",
    "06": "Alpes-Maritimes", "07": "Ardèche", "08": "Ardennes", "09": "Ariège", "10": "Aube",
    "11": "Aude", "12": "Aveyron", "13": "Bouches-du-Rhône", "14": "Calvados", "15": "Cantal",
    "16": "Charente", "17": "Charente-Maritime", "18": "Cher", "19": "Corrèze", "21": "Côte-d'Or",
    "22": "Côtes-d'Armor", "23": "Creuse", "24": "Dordogne", "25": "Doubs", "26": "Drôme",
    "27": "Eure", "28": "Eure-et-Loir", "29": "Finistère", "30": "Gard", "31": "Haute-Garonne",
    "32": "Gers", "33": "Gironde", "34": "Hérault", "35": "Ille-et-Vilaine", "36": "Indre",
    "37": "Indre-et-Loire", "38": "Isère", "39": "Jura", "40": "Landes", "41": "Loir-et-Cher",
    "42": "Loire", "43": "Haute-Loire", "44": "Loire-Atlantique", "45": "Loiret", "46": "Lot",
    "47": "Lot-et-Garonne", "48": "Lozère", "49": "Maine-et-Loire", "50": "Manche", "51": "Marne",
    "52": "Haute-Marne", "53": "Mayenne", "54": "Meurthe-et-Moselle", "55": "Meuse",
    "56": "Morbihan", "57": "Moselle", "58": "Nièvre", "59": "Nord", "60": "Oise", "61": "Orne",
    "62": "Pas-de-Calais", "63": "Puy-de-Dôme", "64": "Pyrénées-Atlantiques",
    "65": "Hautes-Pyrénées", "66": "Pyrénées-Orientales", "67": "Bas-Rhin", "68": "Haut-Rhin",
    "69": "Rhône", "70": "Haute-Saône", "71": "Saône-et-Loire", "72": "Sarthe", "73": "Savoie",
    "74": "Haute-Savoie", "75": "Paris", "76": "Seine-Maritime", "77": "Seine-et-Marne",
    "78": "Yvelines", "79": "Deux-Sèvres", "80": "Somme", "81": "Tarn", "82": "Tarn-et-Garonne",
    "83": "Var", "84": "Vaucluse", "85": "Vendée", "86": "Vienne", "87": "Haute-Vienne",
    "88": "Vosges", "89": "Yonne", "90": "Territoire de Belfort", "91": "Essonne",
    "92": "Hauts-de-Seine", "93": "Seine-Saint-Denis", "94": "Val-de-Marne", "95": "Val-d'Oise",
}


def _k(text: str) -> str:
    """Letters only, folded: `Bouches-du-Rhônes` and `bouches du rhone` compare."""
    return re.sub(r"[^a-z]", "", fold(text))


_DEP_BY_KEY = {_k(v): v for v in FR_DEPARTEMENTS.values()}
_DEP_BY_KEY.update({"bouchesdurhones": "Bouches-du-Rhône", "eureetloire": "Eure-et-Loir",
                    "corse": "Corse"})
_REG_BY_KEY = {_k(v): v for v in FR_REGIONS}
_REG_BY_KEY.update({"idf": "Île-de-France", "regioniledefrance": "Île-de-France",
                    "regionrhonealpes": "Rhône-Alpes", "rhonesalpes": "Rhône-Alpes",
                    "languedocrousilon": "Languedoc-Roussillon"})
_CERCLE_REGION = {_k(c): (c, r) for r, cs in CERCLES.items() for c in cs}
_CERCLE_REGION["nioro"] = ("Nioro du Sahel", "Kayes")
_REGION_BY_KEY = {_k(r): r for r in REGIONS}
_REGION_BY_KEY["koulikouro"] = "Koulikoro"


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", fold(text)) if w]


def malian_place(*texts: str) -> tuple[str | None, str | None]:
    """(region, cercle) named in a sheet field or a name, region first: an
    explicit `Région de X` wins over the region implied by a cercle."""
    region = cercle = None
    for text in texts:
        if not text:
            continue
        f = fold(text)
        if "bamako" in f:
            return BAMAKO, None
        if re.search(r"8\s*eme region", f):
            region = region or "Kidal"
        words = _words(text)
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                key = "".join(words[i:i + n])
                before = words[i - 1] if i else ""
                if key in _REGION_BY_KEY and region is None and (n == 1):
                    # a capital alone is both a region and a cercle; `cercle de X` is the cercle
                    if before != "de" or (i >= 2 and words[i - 2] in ("region", "regions")):
                        region = _REGION_BY_KEY[key]
                if key in _CERCLE_REGION and cercle is None:
                    name, reg = _CERCLE_REGION[key]
                    if key not in _REGION_BY_KEY or before == "de" and i >= 2 and words[i - 2] == "cercle":
                        cercle = name
    if region is None and cercle:
        region = _CERCLE_REGION[_k(cercle)][1]
    if region is None:
        for text in texts:
            for key, reg in COMMUNE_REGION.items():
                if text and key in " ".join(_words(text)):
                    return reg, cercle
            for w in _words(text or ""):
                if w in _CERCLE_REGION:
                    return _CERCLE_REGION[w][1], cercle
    return region, cercle


def french_place(field: str) -> tuple[str | None, str | None]:
    """(région, département) from `Sarthe / Pays de la Loire`, `94-Ile de France`, `78`."""
    region = dep = None
    for part in re.split(r"[/,]|\s{2,}|(?<=\d)-|\s-\s|\.\s", field or ""):
        part = re.sub(r"\(\s*\d+\s*\)", "", part).strip(" :-")
        num = re.fullmatch(r"\d{2}", part)
        if num and part in FR_DEPARTEMENTS:
            dep = dep or FR_DEPARTEMENTS[part]
            continue
        key = _k(part)
        key = key[len("region"):] if key.startswith("region") and key != "region" else key
        if key in _REG_BY_KEY:
            region = region or _REG_BY_KEY[key]
        elif key in _DEP_BY_KEY:
            dep = dep or _DEP_BY_KEY[key]
    return region, dep


# --- Names -----------------------------------------------------------------

_FR_ABBR = [
    (r"^CG\s+", "Conseil général "), (r"^CR\s+", "Conseil régional "),
    (r"^CA\s+", "Communauté d'agglomération "), (r"^CC\s+", "Communauté de communes "),
    (r"^C\.?U\.?\s+", "Communauté urbaine "),
]


def french_name(raw: str) -> str:
    """The French party's name as usually written: abbreviations spelled
    out, generic words in lower case, numbering like `(2)` dropped."""
    s = squash_spaces(raw).replace("’", "'")
    s = re.sub(r"\(\s*\d+\s*\)", "", s)
    s = re.split(r"\s*[-–]\s*(?:Association|Les amis)\b", s)[0]
    for pat, rep in _FR_ABBR:
        s = re.sub(pat, rep, s)
    s = squash_spaces(s)
    s = s if re.fullmatch(r"[A-Z]{2,5}", s) else normal_case(s)
    s = re.sub(r"\b(Conseil|Communauté) (Général|Régional|Urbaine|d'Agglomération|de Communes)\b",
               lambda m: m.group(1) + " " + m.group(2).lower(), s)
    m = re.match(r"^(Conseil général |Conseil régional |Département )(de la |de l'|du |des |d'|de )?(.*)$", s)
    if m:
        rest = m.group(3)
        key = _k(rest)
        canon = _DEP_BY_KEY.get(key) or _REG_BY_KEY.get(key)
        if canon:
            rest = canon
        article = m.group(2)
        if not article and canon in FR_REGIONS:
            article = _REGION_ARTICLE.get(canon) or ("d'" if fold(canon)[0] in "aeiou" else "de ")
        s = m.group(1) + (article or "") + rest
    return s


_REGION_ARTICLE = {"Nord-Pas-de-Calais": "du ", "Centre": "du ", "Limousin": "du ",
                   "Pays de la Loire": "des "}


def partner_name(raw: str) -> str:
    s = squash_spaces(raw).replace("’", "'")
    s = re.split(r"\s+[–-]\s+[A-Z]{3,}\b", s)[0]  # `Cercle de Yelimane – PADDY`
    return normal_case(s)


def party_kind_fr(name: str) -> str:
    f = fold(name)
    if re.search(r"conseil general|departement", f):
        return "département"
    if re.search(r"conseil regional|^region", f):
        return "région"
    if re.search(r"communaute|^ca |^cc |^cu |grand lyon|syndicat|^san |agglomeration", f):
        return "intercommunalité"
    if re.search(r"association|federation|aimf|\bong\b|action mopti|amis", f):
        return "association"
    return "commune"


def party_kind_ml(name: str) -> str:
    f = fold(name)
    if re.search(r"district", f):
        return "district"
    if re.search(r"^(conseil de )?cercle|\(cercle\)", f):
        return "cercle"
    if re.search(r"region|assemblee regionale|conseil regional", f):
        return "région"
    return "commune"


_GENERIC = {"sous", "arrondissement",
    "conseil", "general", "generale", "regional", "regionale", "de", "du", "des", "la", "le",
    "les", "l", "d", "cg", "cr", "ca", "cc", "cu", "c", "u", "communaute", "urbaine", "agglomeration",
    "communes", "ville", "commune", "mairie", "region", "cercle", "assemblee", "departement",
    "rurale", "communal", "district", "village", "et", "sur", "en", "syndicat", "nouvelle",
}


def loose(name: str, french: bool = False) -> frozenset[str]:
    """Words that identify a collectivity, generic words removed."""
    words = [w for w in _words(re.sub(r"\(.*?\)", " ", name or "")) if w not in _GENERIC]
    if french and words and words[0] == "san":
        words = words[1:]
    words = [{"st": "saint", "ste": "sainte", "sainte": "saint"}.get(w, w) for w in words]
    words = [w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words]
    return tuple(words)


def _same(a: tuple[str, ...], b: tuple[str, ...], ratio: float = 0.84) -> bool:
    """Same collectivity: one word set inside the other, or spellings close
    enough (`Voujeaucourt`/`Vaujeaucourt`, `Troumgoumbé`/`Troungoumbé`)."""
    if not a or not b:
        return False
    sa, sb = set(a), set(b)
    if sa <= sb or sb <= sa:
        return True
    return _close("".join(a), "".join(b), ratio)


@lru_cache(maxsize=None)
def _close(a: str, b: str, ratio: float) -> bool:
    """Spelling similarity; the cheap upper bounds first (matching every list
    entry against every record is the slow path of this parser)."""
    sm = SequenceMatcher(None, a, b)
    return sm.real_quick_ratio() >= ratio and sm.quick_ratio() >= ratio and sm.ratio() >= ratio


# --- Small field parsers ---------------------------------------------------

_MONEY_RE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[  .]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s*"
    r"(k€|€|euros?|eur\b|fcfa|f\s*cfa|cfa\b|ff\b|francs?|f\b|dh|e\b)", re.I)


def parse_budget(text: str) -> Budget | None:
    text = squash_spaces(text)
    if not text:
        return None
    amount = currency = None
    matches = list(_MONEY_RE.finditer(text))
    total = [m for m in matches if re.search(r"(total|t)\s*:?\s*$", text[:m.start()], re.I)]
    m = (total or matches or [None])[0]
    if m:
        digits = re.sub(r"[  .]", "", m.group(1)).replace(",", ".")
        try:
            amount = float(digits)
        except ValueError:
            amount = None
        unit = fold(m.group(2)).replace(" ", "")
        if unit == "k€":
            amount = amount * 1000 if amount is not None else None
            currency = "EUR"
        elif unit in ("€", "euro", "euros", "eur", "e"):
            currency = "EUR"
        elif unit in ("fcfa", "cfa"):
            currency = "FCFA"
        else:
            currency = "F"
    return Budget(text=text, amount=amount, currency=currency)


def parse_population(text: str) -> int | None:
    mil = re.search(r"(\d+(?:,\d+)?)\s*millions?", text or "", re.I)
    if mil:
        return int(round(float(mil.group(1).replace(",", ".")) * 1_000_000))
    m = re.search(r"\d[\d  .]*", text or "")
    if not m:
        return None
    digits = re.sub(r"\D", "", m.group(0))
    return int(digits) if digits else None


# --- Document layout -------------------------------------------------------


class _Doc:
    """The document's lines and the page footers (the only page marks)."""

    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.footers = [(i + 1, int(m.group(1))) for i, l in enumerate(self.lines)
                        if (m := FOOTER_RE.search(l))]

    def page(self, line: int) -> int | None:
        """Page of a line, interpolated between footers (the extraction kept
        only 8 of them), so approximate except next to a footer."""
        if not self.footers:
            return None
        prev = (0, 0)
        for fl, fp in self.footers:
            if line <= fl:
                if prev == (0, 0):
                    return fp
                span = (fl - prev[0]) / max(fp - prev[1], 1)
                return max(prev[1] + 1, fp - int((fl - line) / span))
            prev = (fl, fp)
        return self.footers[-1][1]

    def is_noise(self, line: str) -> bool:
        return bool(FOOTER_RE.search(line))


def _find(lines: list[str], needle: str, start: int = 0) -> int | None:
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i
    return None


# --- Sheets ----------------------------------------------------------------

_LABEL_RE = re.compile(
    r"^\s*(Nom|Nb habitants|Nombre d.habitants|Département|Cercle|Commune|Région|Coordonnées|Collectivité|"
    r"Fonction|Adresse|Tél|Fax|@|site web|Élu|Elu|Service|Autre|Président|Administrateur|Personne)\b", re.I)

_ROLE_RE = re.compile(
    r"^\s*(Coordonnées de l.exécutif|[ÉE]lu en charge du partenariat|Service des relations internationales|"
    r"Autre\(s\) service|Service\(s\) de la ville|Président du comité de jumelage|"
    r"Administrateur responsable|Personne ressource|Responsable)", re.I)


def _value(lines: list[str], i: int, label_re: str) -> str:
    """Value after `label :` on line i, continued on the next line when that
    line is not itself a label."""
    m = re.search(label_re + r"[^:]*:\s*(.*)$", lines[i], re.I)
    value = m.group(1).strip() if m else ""
    if i + 1 < len(lines):
        nxt = lines[i + 1].strip()
        if nxt and not _LABEL_RE.match(nxt) and ":" not in nxt and len(nxt) < 40 and value:
            value = value + " " + nxt
    return squash_spaces(value)


def _contacts(lines: list[str], base: int) -> list[Contact]:
    """Contact blocks in the sheet head; for each role the first block is
    the French side, the second the Malian side (two columns extracted one
    after the other)."""
    out: list[Contact] = []
    seen: dict[str, int] = {}
    i = 0
    while i < len(lines):
        m = _ROLE_RE.match(lines[i])
        if not m:
            i += 1
            continue
        role_key = fold(m.group(1))[:12]
        seen[role_key] = seen.get(role_key, 0) + 1
        side = "french" if seen[role_key] == 1 else "partner"
        if role_key.startswith("service(s) d"):
            side = "partner"
        c = Contact(role=squash_spaces(lines[i]).rstrip(" :"), side=side)
        head_rest = lines[i].split(":", 1)[1].strip() if ":" in lines[i] else ""
        free: list[str] = [head_rest] if head_rest else []
        j = i + 1
        while j < len(lines) and not _ROLE_RE.match(lines[j]) and "Présentation du partenariat" not in lines[j]:
            s = lines[j].strip()
            if re.match(r"^Collectivité", s):
                break
            if s.startswith("Nom"):
                c.name = squash_spaces(s.split(":", 1)[-1]) or None
            elif s.startswith("Fonction"):
                c.role = squash_spaces(s.split(":", 1)[-1]) or c.role
            elif s.startswith("Adresse"):
                c.address = squash_spaces(s.split(":", 1)[-1]) or None
            elif s.startswith("Tél") or s.startswith("Fax"):
                tm = re.search(r"Tél\s*:?\s*(.*?)(?:Fax|$)", s)
                fm = re.search(r"Fax\s*:?\s*(.*)$", s)
                if tm and squash_spaces(tm.group(1)):
                    c.phone = squash_spaces(tm.group(1))
                if fm and squash_spaces(fm.group(1)):
                    c.fax = squash_spaces(fm.group(1))
            elif s.startswith("@"):
                e = re.search(r"[\w.+-]+@[\w.-]+\.\w+", s)
                c.email = e.group(0) if e else c.email
            elif s.lower().startswith("site web"):
                c.website = squash_spaces(s.split(":", 1)[-1]) or None
            elif s and not c.name:
                free.append(s)
            j += 1
        if not c.name and free:
            txt = squash_spaces(" ".join(free))
            if txt and not txt.endswith(":"):
                c.name = txt.rstrip(" :")
        if c.name or c.phone or c.email:
            out.append(c)
        i = j
    return out


_PRES_LABELS = [
    ("first_contact", r"Date de début des contacts"),
    ("formal", r"Date de formalisation"),
    ("budget_dc", r"Budget consacré à la coopération"),
    ("budget_ri", r"Budget consacré aux relations"),
    ("tech", r"Partenaires techniques"),
    ("fin", r"Partenaires financiers"),
    ("other", r"Autres partenariats"),
]


def _presentation(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Labelled fields of `Présentation du partenariat`, and the free text
    (sheets of other kinds have only prose there)."""
    fields: dict[str, list[str]] = {}
    free: list[str] = []
    current = None
    for raw in lines:
        s = raw.strip()
        hit = None
        for key, pat in _PRES_LABELS:
            m = re.search(pat, s, re.I)
            if m:
                hit = (key, m)
                break
        if hit:
            key, m = hit
            after = s[m.end():]
            if key == "formal":
                after = re.sub(r"^.*?régissant le partenariat\s*", "", after)
            if key == "budget_dc" and re.search(r"Budget consacré aux relations", after):
                # both budget labels on one line: the first value is empty
                after = ""
                current = "budget_ri"
                fields.setdefault(current, [])
                continue
            after = re.sub(r"^[^:]*:\s*", "", after) if ":" in after else after
            current = key
            fields.setdefault(key, []).append(after.strip())
        elif current:
            fields[current].append(s)
        else:
            free.append(raw)
    return {k: squash_spaces(" ".join(v)) for k, v in fields.items()}, free


_WHEN_START = re.compile(
    r"^[-–•\s]*(\d|de\b|depuis|entre|en\b|dès|des\b|à partir|a partir|début|fin\b|janvier|février|"
    r"mars|avril|mai\b|juin|juillet|août|septembre|octobre|novembre|décembre|été|printemps|automne|"
    r"hiver|total|t\s*:|programme démarré|chaque|tous les|annuel|idem|gratuit)", re.I)
_HEADER_RE = re.compile(
    r"^(Domaines?|d.intervention|Actions? réalisée?s?|Date de début et|périodicité|Budget|"
    r"Actions de coopération)\b", re.I)


def _is_when(block: list[str]) -> bool:
    lines = [l.strip() for l in block if l.strip()]
    if not lines or max(len(l) for l in lines) > 34:
        return False
    datey = sum(1 for l in lines if years_in(l) or _MONEY_RE.search(l) or re.fullmatch(r"[\d\s.,/()=+-]+", l))
    return bool(_WHEN_START.match(lines[0])) and (datey > 0) or datey * 2 >= len(lines) and datey > 0


def _is_domain_block(block: list[str]) -> bool:
    lines = [l.strip() for l in block if l.strip()]
    if not lines or len(lines) > 9 or max(len(l) for l in lines) > 32:
        return False
    text = " ".join(lines)
    if text.startswith("-") or years_in(text):
        return False
    # a label that maps to no domain is taken for action text
    return bool(map_domain(text))


def _inline_domain(line: str) -> tuple[str, str] | None:
    """`ÉCHANGES Chantiers de jeunes…` or `Santé Petit matériel…`: a domain
    label and the action's first words on one extracted line."""
    s = line.strip()
    m = re.match(r"^((?:[A-ZÉÈÀÂÎÔÛÇ'’]{2,}[/\s-]*)+?)\s+(?=[A-ZÀ-Ý\d-]?[a-zà-ÿ\d(])(.+)$", s)
    if m and sum(c.isalpha() for c in m.group(1)) >= 3 and map_domain(m.group(1)):
        return m.group(1).strip(" -/"), m.group(2)
    words = s.split()
    for n in (1, 2, 3):
        if len(words) <= n:
            break
        label, rest = " ".join(words[:n]), " ".join(words[n:])
        if map_domain(label) and (rest[:1].isupper() or rest[:1] == "-") and len(label) <= 25:
            return label, rest
    return None


def _blocks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    out: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    for n, l in lines:
        if l == "" or l.strip() == "":
            if l == "" and cur:
                out.append(cur)
                cur = []
            continue
        cur.append((n, l))
    if cur:
        out.append(cur)
    return out


def _action_rows(body: list[tuple[int, str]]) -> list[dict]:
    """Rebuild the rows of the actions table from its interleaved cells:
    a row is [domain] action… [dates/budget]…; a new row starts at the
    first text cell after a dates/budget cell, or at a domain cell."""
    rows: list[dict] = []
    row: dict | None = None
    after_when = True
    for block in _blocks(body):
        texts = [l for _, l in block]
        first = block[0][0]
        if _is_when(texts):
            if row is None:
                row = {"domain": None, "action": [], "when": [], "lines": []}
                rows.append(row)
            row["when"].extend(texts)
            row["lines"].extend(block)
            after_when = True
            continue
        inline = _inline_domain(texts[0])
        starts_domain = _is_domain_block(texts) and (after_when or (row is not None and not row["action"] and row["domain"] is None))
        new = (row is None or after_when or starts_domain
               or (inline is not None and row["action"] and map_domain(inline[0])))
        if new and not (row is not None and row["domain"] and not row["action"] and not row["when"]):
            row = {"domain": None, "action": [], "when": [], "lines": []}
            rows.append(row)
        row["lines"].extend(block)
        after_when = False
        if row["domain"] is None and not row["action"] and _is_domain_block(texts):
            row["domain"] = squash_spaces(" ".join(t.strip() for t in texts))
            row["domain_line"] = first
            continue
        if row["domain"] is None and not row["action"] and inline:
            row["domain"] = inline[0]
            texts = [inline[1]] + texts[1:]
        row["action"].extend(texts)
    return [r for r in rows if r["action"] or r["domain"]]


def _status(text: str) -> str:
    f = fold(text)
    if re.search(r"en projet|a l.etude|prevu|a venir|envisage", f):
        return "en projet"
    if re.search(r"en cours|depuis|chaque annee|tous les ans|programme demarre", f):
        return "en cours"
    return "réalisé"


def _title_of(text: str) -> str:
    t = text.lstrip("-–•  ").strip()
    m = re.match(r"^(.{10,}?[.;:])(\s|$)", t)
    t = m.group(1).rstrip(".;:") if m else t
    if len(t) > 120:
        t = t[:117].rsplit(" ", 1)[0] + "…"
    return t


def _dehyphen(text: str) -> str:
    return re.sub(r"(\w)- (\w)", lambda m: m.group(1) + m.group(2) if m.group(2).islower() else m.group(0), text)


class _Builder:
    def __init__(self, text: str, document: str):
        self.doc = _Doc(text)
        self.document = document
        self.result = ParseResult(document=document)
        self.records: list[Partnership] = []
        self.aliases: dict[int, tuple[list[frozenset], list[frozenset]]] = {}
        self.actions: dict[int, list[Action]] = {}
        self.merged: set[int] = set()

    # -- helpers
    def warn(self, line: int, what: str, excerpt: str) -> None:
        self.result.warnings.append(f"line {line}: {what} {squash_spaces(excerpt)[:80]}")

    def source(self, first: int, last: int, section: str) -> SourceRef:
        return SourceRef(self.document, first, last, self.doc.page(first), section)

    def match(self, fr: list[str], ml: str | None, section: str | None = None) -> int | None:
        frk = [loose(n, french=True) for n in fr if n]
        mlk = loose(ml) if ml else None
        for idx, (fa, ma) in self.aliases.items():
            if section and any(s.section == section for s in self.records[idx].sources):
                continue  # two entries of one list are two partnerships
            if not any(_same(a, b) for a in frk for b in fa):
                continue
            if mlk is None and not ma:
                return idx
            if mlk is not None and any(_same(mlk, b, 0.75) for b in ma):
                return idx
        return None

    def add(self, p: Partnership, fr_alias: list[str], ml_alias: list[str]) -> int:
        idx = len(self.records)
        self.records.append(p)
        self.aliases[idx] = ([loose(n, french=True) for n in fr_alias if n],
                             [loose(n) for n in ml_alias if n])
        self.actions[idx] = []
        return idx

    # -- sheets
    def sheet(self, start: int, end: int, section: str) -> None:
        L = self.doc.lines
        while end > start + 1 and not L[end - 1].strip():
            end -= 1
        lines = L[start:end]
        date = DATE_RE.search(lines[0])
        updated = f"{date.group(3)}-{int(date.group(2)):02d}-{int(date.group(1)):02d}" if date else None
        i = 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        if i >= len(lines):
            self.warn(start + 1, "empty sheet", lines[0])
            return
        title = lines[i].strip()
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and (title.endswith("/") or re.match(r"^(d['’]|de |du |des )", lines[j].strip())):
            title = title + " " + lines[j].strip()
            i = j
        if "/" in title:
            fr_raw, ml_raw = [squash_spaces(x) for x in title.split("/", 1)]
        else:
            fr_raw, ml_raw = squash_spaces(title), ""
        head_end = _find(lines, "Présentation du partenariat") or len(lines)
        fields = self._identity(lines[:head_end])
        if fields.get("ml_name") and (not ml_raw or not loose(ml_raw)):
            ml_raw = fields["ml_name"]
        fr_name = french_name(fr_raw)
        f_region, f_dep = french_place(fields.get("fr_place", ""))
        if party_kind_fr(fr_name) == "département":
            f_dep = f_dep or french_place(re.sub(r"^.*?(de la|de l'|du|des|de|d')\s", "", fr_name))[1]
        french = Party(name=fr_name, name_raw=fr_raw, kind=party_kind_fr(fr_name), country="France",
                       region=f_region, subdivision=f_dep,
                       population=parse_population(fields.get("fr_pop", "")),
                       population_text=fields.get("fr_pop") or None)
        partner = None
        if ml_raw:
            pname = partner_name(ml_raw)
            kind = party_kind_ml(pname if party_kind_ml(pname) != "commune" else fields.get("ml_name", pname))
            # the sheet's own statement: its place field, or a cercle/région named as the party
            region, cercle = malian_place(fields.get("ml_place", ""), pname if kind != "commune" else "")
            if kind == "cercle":
                cercle = cercle or malian_place(pname)[1]
            partner = Party(name=pname, name_raw=ml_raw, kind=kind, country="Mali", region=region,
                            subdivision=cercle,
                            population=parse_population(fields.get("ml_pop", "")),
                            population_text=fields.get("ml_pop") or None)
        pres_i = head_end
        hist_i = _find(lines, "Histoire du partenariat", pres_i)
        act_i = _find(lines, "Actions de coopération", pres_i)
        persp_i = _find(lines, "Perspectives du partenariat", pres_i)
        docs_i = _find(lines, "Documents de capitalisation", pres_i)
        ends = [x for x in (hist_i, act_i, persp_i, docs_i, len(lines)) if x is not None]
        pres_end = min([x for x in ends if x > pres_i] or [len(lines)])
        pres, free = _presentation(lines[pres_i + 1:pres_end]) if pres_i < len(lines) else ({}, [])
        clean = lambda ls: _dehyphen(reflow([l for l in ls if not self.doc.is_noise(l)])) or None
        history = objectives = None
        if hist_i is not None:
            h_end = min([x for x in (act_i, persp_i, docs_i, len(lines)) if x is not None and x > hist_i])
            hl = lines[hist_i + 1:h_end]
            history = clean([re.sub(r"^\s*Motivations\s*&\s*objectifs de départ\s*:\s*", "", l) for l in hl])
            mo = [k for k, l in enumerate(hl) if "Motivations" in l]
            if mo:
                objectives = history
                history = None
        if free and any(l.strip() for l in free):
            history = "\n".join(x for x in (clean(free), history) if x)
        perspectives = None
        if persp_i is not None:
            p_end = docs_i if docs_i is not None and docs_i > persp_i else len(lines)
            pl = lines[persp_i + 1:p_end]
            pl = [l for l in pl if not re.match(r"^\s*développer pour les 3 prochaines", l)]
            perspectives = clean(pl)
        legal = pres.get("formal") or None
        budget = parse_budget(pres.get("budget_dc", "")) or parse_budget(pres.get("budget_ri", ""))
        partners = "; ".join(f"{lab} : {pres[k]}" for k, lab in (("tech", "techniques"), ("fin", "financiers"))
                             if pres.get(k)) or None
        pid = partnership_id(french.name, partner.name if partner else None)
        p = Partnership(
            id=pid, french_party=french, partner_party=partner,
            countries=["Mali"], legal_framework=legal,
            formalized=(years_in(legal)[0] if legal and years_in(legal) else None),
            first_contact_year=(years_in(pres.get("first_contact", "")) or [None])[0],
            history=history, objectives=objectives, perspectives=perspectives, budget=budget,
            contacts=_contacts(lines[:head_end], start), partners=partners,
            other_partnerships=pres.get("other") or None,
            sources=[self.source(start + 1, end, section)], detail="sheet", updated=updated,
            original_text="\n".join(lines).rstrip(),
        )
        # actions
        acts: list[dict] = []
        if act_i is not None:
            a_end = min([x for x in (persp_i, docs_i, len(lines)) if x is not None and x > act_i])
            body = []
            for k in range(act_i + 1, a_end):
                l = lines[k]
                if self.doc.is_noise(l) or _HEADER_RE.match(l.strip()):
                    continue
                body.append((start + k + 1, l))
            acts = _action_rows(body)
        idx = self.match([fr_name, fields.get("fr_name", "")], partner.name if partner else None)
        if idx is not None and self.records[idx].detail == "sheet":
            self.merge_sheet(idx, p)
        else:
            idx = self.add(p, [fr_name, fr_raw, fields.get("fr_name", "")],
                           [partner.name, fields.get("ml_name", ""), fields.get("ml_place", "")]
                           if partner else [])
        for row in acts:
            self.actions[idx].append(self.action(row, p))
        self.result.stats["sheets"] = self.result.stats.get("sheets", 0) + 1

    def _identity(self, head: list[str]) -> dict[str, str]:
        """Names, populations and places from the two `Collectivité` blocks."""
        out: dict[str, str] = {}
        side = None
        for k, l in enumerate(head):
            s = l.strip()
            if re.match(r"^Collectivité française", s, re.I):
                side = "fr"
                continue
            if re.match(r"^Collectivités? malienne", s, re.I):
                side = "ml"
                continue
            if s.startswith("Coordonnées"):
                side = None
            if side is None:
                continue
            if re.match(r"^Nom\s*:", s) and f"{side}_name" not in out:
                out[f"{side}_name"] = _value(head, k, r"Nom")
            elif re.match(r"^(Nb habitants|Nombre d.habitants)", s) and f"{side}_pop" not in out:
                out[f"{side}_pop"] = squash_spaces(s.split(":", 1)[-1])
            elif re.match(r"^(Département|Cercle|Commune|Région)", s, re.I) and ":" in s:
                key = f"{side}_place"
                val = _value(head, k, r"^\s*(?:Département|Cercle|Commune|Région)")
                out[key] = (out.get(key, "") + " / " + val).strip(" /") if val else out.get(key, "")
        return out

    def action(self, row: dict, p: Partnership) -> Action:
        text = _dehyphen(reflow(row["action"]))
        when = squash_spaces(" ".join(row["when"]))
        raw = "\n".join(l for _, l in row["lines"])
        years = years_in(when) or years_in(text)
        money = [squash_spaces(w) for w in row["when"] if _MONEY_RE.search(w)]
        money += [m.group(0) for m in _MONEY_RE.finditer(text)] if not money else []
        budget = parse_budget(" ; ".join(money)) if money else None
        domain_raw = row["domain"]
        title = _title_of(text) if text else (domain_raw or "")
        domains = map_domain(domain_raw) if domain_raw else []
        for d in domains_of_text(title + " " + text):
            if d not in domains:
                domains.append(d)
        first = row["lines"][0][0]
        last = row["lines"][-1][0]
        return Action(
            id="", partnership_id=p.id, title=title, description=text or None, domain_raw=domain_raw,
            domains=domains, status=_status(text + " " + when), years=years,
            start=years[0] if years else None, end=years[-1] if years else None, budget=budget,
            sources=[self.source(first, last, "sheet")], original_text=raw,
        )

    def merge_sheet(self, idx: int, p: Partnership) -> None:
        """A second sheet of the same partnership (Montreuil's PADDY sheet)."""
        r = self.records[idx]
        r.sources.extend(p.sources)
        for f in ("history", "objectives", "perspectives", "original_text"):
            a, b = getattr(r, f), getattr(p, f)
            setattr(r, f, "\n\n".join(x for x in (a, b) if x) or None)
        for f in ("legal_framework", "formalized", "first_contact_year", "budget", "partners", "updated"):
            if getattr(r, f) is None:
                setattr(r, f, getattr(p, f))
        r.contacts.extend(p.contacts)
        self.merged.add(idx)

    # -- the `non renseignés` list
    def listed(self, start: int, end: int) -> None:
        L = self.doc.lines
        joined = ""
        offsets: list[tuple[int, int]] = []  # (char offset, 1-based line)
        for k in range(start + 1, end):
            s = L[k].strip()
            if not s:
                continue
            offsets.append((len(joined), k + 1))
            joined += s + " "
        def line_at(pos: int) -> int:
            ln = offsets[0][1] if offsets else start + 1
            for off, n in offsets:
                if off <= pos:
                    ln = n
            return ln
        items: list[tuple[int, int, str]] = []
        pos = 0
        for chunk in re.split(r"(,\s*)", joined):
            if re.fullmatch(r",\s*", chunk or ""):
                pos += len(chunk)
                continue
            c = chunk.strip().rstrip(".")
            a, b = pos, pos + len(chunk)
            pos = b
            if not c:
                continue
            if "/" not in c and items and not re.match(r"^(CG|CR|CA|CC|Conseil)\b", c):
                s0, _, prev = items[-1]
                items[-1] = (s0, b, prev + ", " + c)
            else:
                items.append((a, b, c))
        for a, b, c in items:
            fr_raw, ml_raw = ([x.strip() for x in c.split("/", 1)] + [""])[:2]
            self.add_listed(fr_raw, ml_raw, line_at(a), line_at(max(a, b - 2)), "non renseignés", None)
            self.result.stats["listed"] = self.result.stats.get("listed", 0) + 1

    def add_listed(self, fr_raw: str, ml_raw: str, first: int, last: int, section: str,
                   region: str | None, dep: str | None = None) -> int:
        fr = french_name(fr_raw)
        ml = partner_name(ml_raw) if ml_raw else None
        idx = self.match([fr, fr_raw], ml, section)
        if idx is None and not ml:
            # `CG des Hautes Pyrénées` alone: the French party's only sheet
            cands = [k for k, (fa, _) in self.aliases.items()
                     if any(_same(loose(fr, True), b) for b in fa)]
            idx = cands[0] if len(cands) == 1 else None
        src = self.source(first, last, section)
        if idx is not None:
            r = self.records[idx]
            r.sources.append(src)
            self.merged.add(idx)
            if r.french_party.subdivision is None and dep:
                r.french_party.subdivision = dep
            self._set_region(r, region, first)
            return idx
        _, cercle = malian_place(ml or "") if ml else (None, None)
        partner = None
        if ml:
            kind = party_kind_ml(ml)
            partner = Party(name=ml, name_raw=ml_raw, kind=kind, country="Mali",
                            region=None, subdivision=cercle if kind == "cercle" or cercle else None)
        french = Party(name=fr, name_raw=fr_raw, kind=party_kind_fr(fr), country="France", subdivision=dep)
        if french.kind == "département" and not dep:
            french.subdivision = french_place(re.sub(r"^.*?(de la|de l'|du|des|de|d')\s", "", fr))[1] or \
                french_place(fr.split(" ", 2)[-1])[1]
        p = Partnership(id=partnership_id(fr, ml), french_party=french, partner_party=partner,
                        countries=["Mali"], sources=[src], detail="listed")
        idx = self.add(p, [fr, fr_raw], [ml] if ml else [])
        if partner and region:
            self._set_region(p, region, first)
        return idx

    def _set_region(self, r: Partnership, annex_region: str | None, line: int) -> None:
        """The sheet's region wins over the annex's; a disagreement is kept."""
        if not annex_region or r.partner_party is None:
            return
        pp = r.partner_party
        if pp.region is None:
            pp.region = annex_region
        elif pp.region != annex_region:
            r.notes.append(f"Annexe 1 (line {line}) files this partnership under {annex_region}; "
                           f"the sheet gives {pp.region}")

    # -- Annexe 1
    def annex(self, start: int, end: int) -> None:
        L = self.doc.lines
        region = None
        for k in range(start + 1, end):
            s = squash_spaces(L[k])
            if not s or self.doc.is_noise(L[k]) or s in ("maliennes",):
                continue
            m = re.match(r"^Tableau \d+\s*:\s*(.*)$", s)
            if m:
                t = m.group(1)
                region = BAMAKO if "Bamako" in t else malian_place(t)[0]
                continue
            if re.match(r"^France\s+(Mali|Bamako)$", s):
                continue
            if region is None:
                self.warn(k + 1, "annex row before any region table", s)
                continue
            fr_raw, dep, ml_raw = self.split_annex_row(s)
            if not ml_raw:
                self.warn(k + 1, "annex row not split into French / Malian party", s)
                continue
            self.add_listed(fr_raw, ml_raw, k + 1, k + 1, "Annexe 1", region, dep)
            self.result.stats["annex_rows"] = self.result.stats.get("annex_rows", 0) + 1

    def split_annex_row(self, s: str) -> tuple[str, str | None, str]:
        """`Angers / Maine et Loire Bamako` -> French, département, Malian
        (the département and the Malian name are not separated)."""
        if "/" in s:
            fr, rest = [x.strip() for x in s.split("/", 1)]
            words = rest.split()
            for n in range(min(4, len(words) - 1), 0, -1):
                cand = " ".join(words[:n])
                key = _k(cand)
                name = _DEP_BY_KEY.get(key) or _DEP_BY_KEY.get(key.rstrip("e")) or _REG_BY_KEY.get(key)
                if name:
                    return fr, name if name in FR_DEPARTEMENTS.values() else None, " ".join(words[n:])
            if len(words) >= 2:
                return fr, None, " ".join(words[1:])
            return s, None, ""
        # no slash: find a known French party at the start of the row
        words = s.split()
        for n in range(len(words) - 1, 0, -1):
            fr, ml = " ".join(words[:n]), " ".join(words[n:])
            if self.match([french_name(fr), fr], ml) is not None:
                return fr, None, ml
        m = re.match(r"^(.*?)\s+((?:Région|Cercle) de .*|\S+(?: \(\w+\))?)$", s)
        if m:
            return m.group(1), None, m.group(2)
        return s, None, ""

    # -- result
    def finish(self) -> ParseResult:
        res = self.result
        for idx, p in enumerate(self.records):
            acts = self.actions[idx]
            for n, a in enumerate(acts, 1):
                a.partnership_id = p.id
                a.id = action_id(p.id, n)
            p.domains_raw = list(dict.fromkeys(a.domain_raw for a in acts if a.domain_raw))
            doms = set(map_domains(p.domains_raw))
            for a in acts:
                doms.update(a.domains)
            p.domains = [d for d in map_domains(list(doms)) if d in doms] or sorted(doms)
            years = set(a for act in acts for a in act.years)
            if p.formalized:
                years.add(p.formalized)
            p.years = sorted(years)
            pp = p.partner_party
            if pp is not None and not pp.region:
                # last resort: the region implied by the name (a cercle, a known commune)
                pp.region, cercle = malian_place(pp.name, pp.name_raw)
                pp.subdivision = pp.subdivision or (cercle if cercle and _k(cercle) in _k(pp.name) else None)
                if pp.region is None:
                    self.warn(p.sources[0].first_line, "no Malian region for", p.title)
            res.partnerships.append(p)
            res.actions.extend(acts)
        res.stats.setdefault("sheets", 0)
        res.stats.setdefault("listed", 0)
        res.stats.setdefault("annex_rows", 0)
        res.stats["merged"] = len(self.merged)
        res.stats["partnerships"] = len(res.partnerships)
        res.stats["actions"] = len(res.actions)
        return res


def looks_like(text: str) -> bool:
    return TITLE in (text or "")[:200000] or "franco-malien" in (text or "")[:5000]


def parse(text: str, document: str) -> ParseResult:
    b = _Builder(text or "", document)
    L = b.doc.lines
    list_i = next((i for i, l in enumerate(L) if l.strip() == LIST_HEAD), None)
    other_i = next((i for i, l in enumerate(L) if l.strip() == OTHER_HEAD), None)
    annex_i = next((i for i, l in enumerate(L) if l.strip().startswith(ANNEX_HEAD + " :")), None)
    annex_end = next((i for i, l in enumerate(L) if l.strip().startswith(ANNEX_END + " :")), len(L))
    stops = sorted(x for x in (list_i, other_i, annex_i, annex_end) if x is not None)
    dates = [i for i, l in enumerate(L) if DATE_RE.search(l)]
    for n, d in enumerate(dates):
        nxt = [x for x in stops if x > d] + ([dates[n + 1]] if n + 1 < len(dates) else []) + [len(L)]
        end = min(nxt)
        section = "Autres types de partenariats" if other_i is not None and d > other_i else "sheet"
        try:
            b.sheet(d, end, section)
        except Exception as e:  # never raise: report the sheet
            b.warn(d + 1, f"sheet not parsed ({type(e).__name__}: {e})", L[d])
    if list_i is not None:
        try:
            b.listed(list_i, min(x for x in stops + [len(L)] if x > list_i))
        except Exception as e:
            b.warn(list_i + 1, f"list not parsed ({type(e).__name__}: {e})", L[list_i])
    if annex_i is not None:
        try:
            b.annex(annex_i, annex_end)
        except Exception as e:
            b.warn(annex_i + 1, f"annex not parsed ({type(e).__name__}: {e})", L[annex_i])
    return b.finish()
