"""French conventions for every text shown to users, in one place.

Decimal comma and thin-space thousands (`1 250,5`), singular for 0 and 1
(`0 partenariat`, `1,5 million`), decades as `années 1980`, dates as
`2 décembre 2026` (`1er mai 2007`; written in indexer.text, which the build's
messages read too). The templates use these as filters; the JSON API keeps
machine values (numbers, ISO dates).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from indexer.records import says_yearly
from indexer.text import (
    capitalised as text_capitalised,
    french_date as date,  # (the build's refusals say dates too: below every layer)
    french_datetime as datetime,
)

NNBSP = "\u202f"  # narrow no-break space: the French thousands separator
# Section names the parsers use internally, as a reader says them.
SECTION_LABELS = {"sheet": "fiche", "sheet (partie commune)": "fiche, partie commune"}
# The index's text fields (indexer.schema.TEXT_FIELDS), and the year a partnership began (a year
# typed alone matches it), as a reader says them: where a word was found, in the scores'
# explanation (`repertoires search --explain`: « titre 2,62, texte 4,04 », « (début 4) », not
# « (began 4) »: QA r44, audit 10, defect 9).
FIELD_LABELS = {"parties": "parties", "places": "lieux", "title": "titre", "domains_text": "domaines",
                "body": "texte", "sheet": "fiche", "began": "début"}


def number(value: float | None, decimals: int | None = None, trimmed: bool = False) -> str:
    """`1234.5` -> `1 234,5`; whole numbers without decimals unless asked; `trimmed`: without the
    decimals' trailing zeros (`9,10` -> `9,1`, a score). The one French number of the pages, the
    API's messages and the command line."""
    if value is None:
        return ""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}".replace(",", NNBSP).replace(".", ",")
    if trimmed and "," in text:
        text = text.rstrip("0").rstrip(",")
    return "0" if text == "-0" else text


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """`0 partenariat`, `1 partenariat`, `2 partenariats`: French uses the
    singular below two. The number is formatted (`1 234 actions`)."""
    word = singular if abs(n) < 2 else (plural_form or _plural_of(singular))
    return f"{number(n)} {word}"


def _plural_of(singular: str) -> str:
    """The regular plural of each word (`autre valeur` -> `autres valeurs`,
    `lieu` -> `lieux`); prepositions and words ending in s, x or z are kept.
    Irregular plurals are passed explicitly."""
    def one(w: str) -> str:
        if w in ("de", "du", "des", "en", "à", "d'") or w.endswith(("s", "x", "z")):
            return w
        return w + ("x" if w.endswith(("eu", "au")) else "s")

    return " ".join(one(w) for w in singular.split(" "))


def decade(year: int) -> str:
    """`1983` -> `années 1980`."""
    return f"années {year // 10 * 10}"


def duration_ms(ms: float) -> str:
    """Milliseconds as shown beside a result count: `0,9 ms`, `12 ms`."""
    return f"{number(ms, 0 if ms >= 10 else 1)}{NNBSP}ms"


def year_span(years: list[int]) -> str:
    """`[1998, 1999, 2003]` -> `1998–2003`; one year alone as itself."""
    if not years:
        return ""
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}–{last}"


def year_list(years: list[int]) -> str:
    """Every year, years in a row as one period: `[2001, …, 2006, 2008]` -> `2001–2006, 2008` (an action
    printed `De 2001 à 2006` counts each year of it, and reads as it was printed); two in a row too,
    `1988–1989`: a printed « 1988-1989 » read « 1988, 1989 » beside « 1991–1997 »."""
    runs: list[list[int]] = []
    for y in sorted(set(years)):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


# an amount the text ties to one year (« 23 000 € (budget 2007) », « 1 200 euros cette année ») is that
# year's: « par an » beside it would contradict it; an amount (« 2000 € ») is no year, and a year
# after « dont » dates a part of the money, not the whole (« 90 000 € dont 44 256 € en 2008 »)
_ONE_YEAR = re.compile(r"\b(?:19|20)\d\d\b(?!\s*(?:€|euros?\b|e\b|f\b|ff\b|fcfa\b|cfa\b|francs?\b|dhs?\b|da\b))"
                       r"|\bcette ann[ée]e\b", re.IGNORECASE)


def _dated(words: str) -> bool:
    m = _ONE_YEAR.search(words)
    return m is not None and not re.search(r"\bdont\b", words[:m.start()], re.IGNORECASE)


def budget_text(text, kind: str | None):
    """A budget as written, with « (par an) » where it is yearly and its words do not say so: the
    sheet says it in its label (« Budget consacré à la coopération décentralisée/an : 20 000 Euros »),
    which the page replaces by its own « Budget ». Inside a final full stop (« 330 000 euros (par
    an). »); never beside an amount the text dates to one year."""
    words = str(text or "")
    if kind != "yearly" or not words or says_yearly(words) or _dated(words):
        return text
    if words.rstrip().endswith("."):
        cut = len(words.rstrip()) - 1
        return text[:cut] + " (par an)" + text[cut:]
    return text + " (par an)"


def capitalised(text: str | None) -> str:
    """A value shown as a label, with a capital initial (`suspendu`: « Suspendu », as « En contact »
    beside it; an action's `réalisé`: « Réalisé »), the rest as the document writes it (the readers'
    indexer.text.capitalised, for a value that may be missing)."""
    return text_capitalised(text or "")


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def section_label(section: str | None) -> str:
    if not section:
        return ""
    return SECTION_LABELS.get(section, section)


def match_case(word: str, like: str) -> str:
    """`word` written with the capitalisation of `like`: all capitals stay all
    capitals, a capital initial stays one; otherwise `word` as it is (a place
    name keeps its own capital)."""
    if len(like) > 1 and like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def quote(text: str) -> str:
    """French quotation marks with the narrow no-break spaces the pages put inside every « »
    (typography.french_spacing, which leaves a no-break space as it is): « text »."""
    return f"«{NNBSP}{text}{NNBSP}»"


TEMPLATE_FILTERS: dict[str, Callable[..., str]] = {
    "num": number, "plural": plural, "decade": decade, "date_fr": date, "datetime_fr": datetime,
    "duration_ms": duration_ms, "year_span": year_span, "year_list": year_list, "section_label": section_label,
    "quote": quote, "capitalised": capitalised, "budget_text": budget_text,
}
