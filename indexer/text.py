"""Text clean-up shared by the parsers: the PDF extraction's faults are the
same in every document (split words, capitals, broken lines), so the repairs
live in one place."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from analyzers.folding import fold_text

APOSTROPHES = "'’`´"

YEAR = r"(?:19[5-9]\d|20[0-2]\d)"  # a year the documents may name
YEAR_RE = re.compile(rf"(?<!\d)({YEAR})(?!\d)")

# a plausible year, 1950-2049, as the parsers read one: the years and periods of parsers/dates.py, and the year that
# fields.py leaves out of a budget cell's amounts (`2005 : 22 000 €`). One pattern for both (fields.py cannot
# import dates.py, which imports it); wider than YEAR, which the query side reads
PARSED_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"

# Lower case, no accents: the key used to compare names. The one folding of the
# project (analyzers/folding.py), the same on the parsing, index and query sides.
fold = fold_text


@lru_cache(maxsize=16384)  # names and facet values, slugged again for every record that carries them
def slugify(text: str) -> str:
    """Readable ASCII slug, stable for a given input."""
    s = fold(text)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def french_list(items: list[str]) -> str:
    """Items as a French sentence lists them: `a`, `a et b`, `a, b et c` (the notices' wording)."""
    return " et ".join([", ".join(items[:-1]), items[-1]] if len(items) > 2 else items)


# Dates as the project says them to a reader, in every layer (the pages and the command line through
# search_app.formatting, the build's own refusals here below it): `2 décembre 2026`, `1er mai 2007`.
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")


def _as_date(value) -> dt.date | dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    text = str(value).strip()
    try:
        if "T" in text or " " in text:
            return dt.datetime.fromisoformat(text)  # Python 3.11 reads the trailing Z
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def french_date(value) -> str:
    """An ISO date or timestamp as `2 décembre 2026` (`1er` for the first of the
    month); text that is not a date is returned as it is."""
    d = _as_date(value)
    if d is None:
        return "" if value is None else str(value)
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS[d.month - 1]} {d.year}"


def french_datetime(value) -> str:
    """A timestamp as `2 décembre 2026 à 0 h 20 (UTC)`."""
    d = _as_date(value)
    if not isinstance(d, dt.datetime):
        return french_date(value)
    zone = " (UTC)" if d.utcoffset() == dt.timedelta(0) else ""
    return f"{french_date(d)} à {d.hour} h {d.minute:02d}{zone}"


_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b]+")


# U+FFFD (the replacement character) right after an amount: a euro sign the PDF's extraction broke
# (« 4500 \ufffd », five times in the Mali repertoire); nowhere else does the corpus have one
_BROKEN_EURO = re.compile(r"(?<=\d)(\s?)\ufffd")


def repaired(text: str) -> str:
    """A source document's text with what its extraction broke put back (line for line, so that
    every line number stays the source's): the euro signs after amounts."""
    return _BROKEN_EURO.sub(r"\1€", text)


def squash_spaces(text: str) -> str:
    return _SPACES.sub(" ", text or "").strip()


def years_in(text: str) -> list[int]:
    """Every plausible year (1950-2029) in a text, sorted, unique."""
    return sorted({int(y) for y in YEAR_RE.findall(text or "")})


_CUT_COMPOUND = re.compile(r"\w-$")  # a word's hyphen, not a dash (`-` alone, ` -`)


def join_wrapped(text: str, line: str) -> str:
    """`line` after `text`, as the documents wrap their lines: at words, never inside one
    (not one word of the five is cut by a hyphen at a line end), so a hyphen ending `text`
    belongs to a compound (`sages-` / `femmes`, `franco-` / `algérienne`) and stays, with
    no space; otherwise one space."""
    if not text:
        return line
    if _CUT_COMPOUND.search(text):
        return text + line
    return f"{text} {line}"


def join_lines(lines) -> str:
    """Lines as one text, each squashed, blank ones skipped, joined by `join_wrapped`."""
    out = ""
    for line in lines:
        t = squash_spaces(line)
        if t:
            out = join_wrapped(out, t)
    return out


_BULLETS = "\\-•▪➤♦\u2022\uf0b7\uf0a7"  # the marks a list item starts with (in a character class)
_SENTENCE_END = re.compile(r"[.!?:;…)»]$")


def reflow(lines: list[str]) -> str:
    """Join extracted lines into paragraphs: a blank line ends a paragraph,
    a bullet starts a new line, other lines join (`join_wrapped`), a compound
    cut at its hyphen included, even across a blank line, and so does a sentence
    the page cut before a word in lower case (`d'une démarche` / blank /
    `agroécologique`)."""
    paragraphs: list[str] = []
    current = ""
    broken = False  # a blank line since `current`'s last line
    for raw in lines:
        line = squash_spaces(raw)
        if not line:
            broken = bool(current)
            continue
        bullet = re.match(rf"^([{_BULLETS}]|\d+[.)]\s)", line)
        if broken and not _CUT_COMPOUND.search(current) and \
                (bullet or not line[0].islower() or _SENTENCE_END.search(current)):
            paragraphs.append(current)
            current = ""
        broken = False
        if bullet and current:
            paragraphs.append(current)
            current = line
            continue
        current = join_wrapped(current, line)
    if current:
        paragraphs.append(current)
    return "\n".join(p for p in paragraphs if not re.fullmatch(f"[{_BULLETS}]", p)).strip()  # an empty item


# --- Names in normal case -------------------------------------------------

_LOWER_WORDS = {
    "de", "du", "des", "la", "le", "les", "et", "en", "sur", "sous", "lès", "lez",
    "aux", "au", "à", "d", "l", "el", "ben", "ou",
}
# Words that keep a capital even inside a name, or are acronyms.
_ACRONYMS = {"cg", "cr", "cu", "ca", "apc", "apw", "ong", "afd", "sivom", "sivu", "rasd", "cscom",
             "ii", "iii", "iv", "v", "vi"}
_KEEP_LOWER_KIND = {
    "conseil", "général", "general", "régional", "regional", "communauté", "communaute",
    "urbaine", "ville", "commune", "mairie", "département", "departement", "région", "region",
    "wilaya", "province", "préfecture", "prefecture", "cercle", "agglomération",
    "agglomeration", "communes", "syndicat", "rurale", "d'agglomération", "d’agglomération",
    "assemblée", "populaire", "communale", "district",
}


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word else word


def capitalised(text: str) -> str:
    """`text` with a capital initial: a list's `le puit de Kabida`, `kamatingué` as a title or a name."""
    return text[0].upper() + text[1:] if text[:1].islower() else text


def normal_case(name: str) -> str:
    """`CONSEIL GENERAL DU BAS RHIN` -> `Conseil général du Bas-Rhin` style.

    Only text that is mostly upper case is rewritten; a name already in mixed
    case is returned with its spaces squashed. The first word keeps a capital;
    generic words (conseil, général, commune…) go to lower case after it;
    articles and prepositions go to lower case inside the name. Accents that
    the capitals dropped are restored for the common generic words.
    """
    name = squash_spaces(name)
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return name
    upper_ratio = sum(c.isupper() for c in letters) / len(letters)
    if upper_ratio < 0.7:
        return capitalised(name)  # a list's `Faucon / Vaucluse kamatingué`: a name begins with a capital
    restore = {
        "general": "général", "generale": "générale", "regional": "régional",
        "communaute": "communauté", "departement": "département", "region": "région",
        "agglomeration": "agglomération", "prefecture": "préfecture",
        "assemblee": "assemblée",
    }
    out: list[str] = []
    tokens = re.split(r"(\s+|-|['’])", name)
    word_index = 0
    for tok in tokens:
        if not tok or tok.isspace() or tok in "-'’":
            out.append(tok)
            continue
        low = tok.lower()
        if word_index > 0 and low in _ACRONYMS:  # roman numerals (`Bamako-Commune V`) are in the set too
            out.append(tok.upper())
        elif word_index == 0:
            out.append(_cap(restore.get(low, low)))
        elif low in _LOWER_WORDS or low in _KEEP_LOWER_KIND or low in restore:
            out.append(restore.get(low, low))
        else:
            out.append(_cap(low))
        word_index += 1
    result = "".join(out)
    # "D'" / "L'" inside a name are lower case: "Conseil général d'Ille-et-Vilaine"
    result = re.sub(r"(?<=\s)([DL])(['’])", lambda m: m.group(1).lower() + m.group(2), result)
    return result


def strip_control(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c)[0] != "C" or c in "\n\t")


_ARTICLES = ("La", "Le", "Les", "L'")


def french_commune_name(name: str) -> str:
    """A French commune's name as usually written: no `Ville de` in front, and
    its words hyphenated after any leading article (`La Roche sur Yon` ->
    `La Roche-sur-Yon`, `Ville de Saint-Étienne` -> `Saint-Étienne`): French
    commune names are hyphenated, the repertoires often lose the hyphens."""
    s = squash_spaces(name)
    s = re.sub(r"^(Ville|Mairie|Commune)\s+(de\s+|d['’]\s*)", "", s, flags=re.IGNORECASE)
    s = re.sub(r"\s*-\s*", "-", s)
    article = ""
    for a in _ARTICLES:
        if s.startswith(a + " ") or (a == "L'" and s.startswith("L'")):
            article, s = (a + (" " if a != "L'" else "")), s[len(a):].lstrip()
            break
    words = s.split(" ")
    if len(words) > 1:
        s = "-".join(words)
    return article + s


def fix_shouted_words(name: str) -> str:
    """`Conseil général du BAS RHIN` -> `Conseil général du Bas-Rhin`: upper-case
    runs inside a mixed-case name are capitalised and hyphenated."""
    def repl(m: re.Match) -> str:
        words = [w.capitalize() for w in m.group(0).split()]
        return "-".join(words)

    return re.sub(r"\b[A-ZÀ-Ý]{2,}(?:\s+[A-ZÀ-Ý]{2,})*\b", repl, name) if re.search(r"[a-zé]", name) else name


# E-mail addresses, and phone numbers: 8 digits or more, maybe in groups
# (0169915858, 01 69 91 58 58, +33.1.69.91.58.58, (00 223) 20 22 33 44, and two
# numbers sharing a prefix: 00.223.232.08.71/13.62); lists of years
# ("1991 1992 1993") and amounts with thousands groups ("1 250 000") are left alone.
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # the one e-mail pattern of the project
# (the lookahead states what a match starts with, which spares the regex engine
# trying the optional prefixes at every character: twice as fast)
_NUMBERS = re.compile(r"(?=[+(\d])(?:\+|\(?00)?\(?\d{1,4}\)?(?:[ .\-/]{1,2}\(?\d{1,4}\)?|\d)+")


# What opens a run of digits without being a phone number: a date (`31/01/2005`, `31 01 2005`,
# `2007-05-01`: a partnership's `updated`, an agreement's « Date de signature », QA r44, audit 9,
# defect 3) or a year span (`2002-2005`, `2004/2005`), maybe after a list number (`1. 2004/2005`), or
# a lone year.
_LEADING_DATE = re.compile(
    rf"(?:\d{{1,2}}\.\s?)?(?:(?:0?[1-9]|[12]\d|3[01])[/. ](?:0?[1-9]|1[0-2])[/. ]{YEAR}"
    rf"|{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    rf"|{YEAR}\s?[-/]\s?{YEAR}|(?P<year>{YEAR}))(?!\d)")
# after a lone year, what a phone number's tail looks like (`2022 33 44`, `2022 3344`): masked whole
_PHONE_TAIL = re.compile(r"(?:[ .\-]\d{2})+|[ .\-]?\d{4}")
_TRAILING_YEAR = re.compile(rf"\s\({YEAR}$")  # `38 217 (2003` ... à 2006): an amount, then a year
# A currency just after the digits: a budget (`Juillet 2005 1500 Euros`, `1998 2500€/an`: a year and
# an amount, QA r44, audit 9, defect 4), never a phone number (a bare `F` or `DA` may be a label).
_CURRENCY_AFTER = re.compile(r"\s*(?:€|euros?\b|eur\b|k\s?€|kf\b|f\s?cfa\b|cfa\b|dhs?\b|francs?\b)",
                             re.IGNORECASE)
# amounts in thousands, one in brackets after the other: a population (`21 000 (8 000 pour la ville)`)
_BRACKETED_AMOUNTS = re.compile(r"\d{1,3}(?: \d{3})+(?: \(\d{1,3}(?: \d{3})+)+")


def _mask_phone(m: re.Match, replacement: str) -> str:
    number = m.group()
    if len(number) < 8:  # (most: a year, a list's number) fewer than the 8 digits _mask_number masks: kept either way
        return number
    if _CURRENCY_AFTER.match(m.string, m.end()):
        return number
    return _mask_number(number, replacement)


def _only_years(groups: list[str]) -> bool:
    """Runs of digits that are all years (`2006-2007`, `1998 2001`): no phone number."""
    return all(len(g) == 4 and 1900 <= int(g) <= 2099 for g in groups)


def _mask_number(text: str, replacement: str) -> str:
    """`text` masked when it is a phone number. A date or a year that opens it, or a year
    that closes it, is kept and the rest judged alone: `1. 2004/2005` and `2004 33 000` (a year,
    then an amount) lost their years to the index when they were read as phone numbers."""
    groups = re.findall(r"\d+", text)
    digits = sum(len(g) for g in groups)
    if digits < 8:
        return text
    if _only_years(groups):
        return text
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) or _BRACKETED_AMOUNTS.fullmatch(text):
        return text
    lead = _LEADING_DATE.match(text)
    if lead and not (lead.group("year") and _PHONE_TAIL.fullmatch(text[lead.end():])):
        return text[:lead.end()] + _NUMBERS.sub(lambda r: _mask_number(r.group(), replacement), text[lead.end():])
    if tail := _TRAILING_YEAR.search(text):
        return _mask_number(text[:tail.start()], replacement) + text[tail.start():]
    return replacement


# the brackets an address is taken out of (« ASAYS (asays@asyas.com) »; « (a@b.fr ; c@d.fr) »): left
# empty, they go with it, or the snippets read « ASAYS () »
_EMPTIED_BRACKETS = re.compile(r"[ \t]?\([\s,;]*\)")


def without_emails(text: str) -> str:
    """`text` without its e-mail addresses, nor the brackets they leave empty."""
    return _EMPTIED_BRACKETS.sub("", EMAIL_RE.sub("", text)) if "@" in text else text


# A number after a phone's label, shorter than the 8 digits asked above: the Mali sheets of 2008
# still write 7-digit numbers (« Tél :  2420762 », « Tél : 67 81 427 »); their label says what they
# are, where a bare 7-digit run may be an amount.
_LABELLED_NUMBER = re.compile(
    r"(?i)(\b(?:t[ée]l(?:[ée]phone)?|fax|portable|(?P<short>port|cel+)|gsm|mobile)\b\.?\s*(?:\(\w+\)\s*)?"
    r"(?P<colon>[:/])?\s*)(?P<number>\+?\(?\d[\d .\-/()]{3,}\d)")
# what each label of _LABELLED_NUMBER starts with, as `casefold` writes whatever (?i) matches of it (`TÉL`,
# `GſM`: every code point it matches case-blind folds to the letter, checked over all of them): a text with
# none of them has no labelled number. Most have none, and the case-blind pattern, which opens with no literal
# the engine may skip to, was tried at every character (30 M instructions on the cold workload's sheet passages)
_LABEL_OPENINGS = ("tel", "tél", "fax", "port", "cel", "gsm", "mob")
# an amount in thousands (`10 000`): after a bare `port` or `cel`, a harbour's tonnage, not a phone
_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+")


_DIGIT = re.compile(r"\d")
# a phone's extension in brackets, the number's own (« Tél : + 33 (0)2 32 96 02 02 (poste 236) », Caudebec-lès-
# Elbeuf-Souk El Khémis, Maroc l.996): masked with it, its « poste » is no word of the sheet (`poste de santé` listed
# that sheet first, by that word and its Santé domain)
_EXTENSION = re.compile(r"\s?\(poste\s*\d{1,5}\)", re.IGNORECASE)


def redact_contacts(text: str, replacement: str = "") -> str:
    """Text without e-mail addresses and phone numbers: the index and the
    snippets never carry them, and HIDE_CONTACTS masks them on pages."""
    if not text or ("@" not in text and not _DIGIT.search(text)):  # (every pattern below needs one)
        return text
    if "@" in text:  # the e-mail pattern is slow to fail on long texts
        text = EMAIL_RE.sub(replacement, text) if replacement else without_emails(text)
    if "oste" in text or "OSTE" in text:  # (the few texts with the word: the pattern opens with no literal)
        text = _EXTENSION.sub("", text)
    text = _NUMBERS.sub(lambda m: _mask_phone(m, replacement), text)
    folded = text.casefold()
    if not any(label in folded for label in _LABEL_OPENINGS):
        return text
    return _LABELLED_NUMBER.sub(lambda m: _masked_if_long(m, replacement), text)


def _masked_if_long(m: re.Match, replacement: str) -> str:
    """A labelled number of 5 digits or more is a phone number whatever its length, unless it is
    years (`Tél : 2006-2007 [masqué]`: the date cell the rule above kept) or an amount after a
    bare `port` or `cel`."""
    number = m.group("number")
    groups = re.findall(r"\d+", number)
    if sum(map(len, groups)) < 5 or _only_years(groups):
        return m.group(0)
    if m.group("short") and not m.group("colon") and _THOUSANDS.fullmatch(number.strip()):
        return m.group(0)  # `port 10 000 tonnes`
    return m.group(1) + replacement
