"""Field readers shared by every layout: money, population, short titles.

Each reads one kind of value out of a cell or a sentence as written in the
repertoires, whatever the document. A fix made here is made for all of them.
Years and periods have their own module (`dates.py`), which masks these amounts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import PER_YEAR, Budget, says_yearly
from ..text import PARSED_YEAR, fold, squash_spaces

# --- Money -----------------------------------------------------------------

_NUM = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\s?\d{1,2}(?!\d))?|\d+(?:[.,]\d+)?"
_MULT = r"(?P<mult>millions?|milliards?|mds?|k)\s*(?:de\s+|d['’]\s*)?"
_UNIT = (r"k€|€|euros?\b|eur\b|e\b|f\s*cfa\b|fcfa\b|cfa\b|ff\b|francs?(?:\s+cfa)?\b|frs?\b|f\b|"
         r"dhs?\b|dirhams?\b|mad\b|da\b|dinars?\b|dzd\b")
MONEY_RE = re.compile(rf"(?<![\d.,])(?P<num>{_NUM})\s*(?:{_MULT})?(?P<unit>{_UNIT})?", re.IGNORECASE)
_TOTAL_RE = re.compile(r"\b(total(?:\s+de)?|soit|co[uû]t global|montant global|au total|t\s*:)\s*:?\s*\(?$",
                       re.IGNORECASE)
_PER = re.compile(r"^\s*(/\s*an|par an|/an)", re.IGNORECASE)


@dataclass
class Amount:
    value: float
    currency: str | None  # "EUR", "FCFA", "MAD", "DZD", "F" or None (no unit written)
    total: bool  # introduced as a total ("total :", "soit")
    text: str
    start: int = 0
    yearly: bool = False  # "4000/an"
    end: int = 0


def _currency(unit: str) -> str | None:
    u = fold(unit).replace(" ", "")  # `€` folds to `eur`
    if not u:
        return None
    if u in ("keur", "euro", "euros", "eur", "e"):  # folded: `k€`, `€`
        return "EUR"
    if "cfa" in u:
        return "FCFA"
    if u in ("dh", "dhs", "dirham", "dirhams", "mad"):
        return "MAD"
    if u in ("da", "dinar", "dinars", "dzd"):
        return "DZD"
    return "F"


def _number(num: str) -> float | None:
    s = re.sub(r"[ \u00a0\u202f]", "", num)
    s = re.sub(r",(\d)$", r",\g<1>0", s) if re.search(r"\d{3},\d$", s) else s
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", s):  # 5.488 / 1.250.000,50
        s = s.replace(".", "")
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def amounts(text: str, bare: bool = False) -> list[Amount]:
    """Every amount of a text, kept apart. Without `bare`, only numbers with a
    unit; with it (a budget cell), plain numbers too, except years."""
    out: list[Amount] = []
    text = text or ""
    matches = list(MONEY_RE.finditer(text))
    with_unit = any(m.group("unit") for m in matches)
    for m in matches:
        unit, mult, num = m.group("unit") or "", m.group("mult") or "", m.group("num")
        if not unit and not (bare and not _is_year_like(num, text, m, with_unit)):
            continue
        if fold(unit) in ("e", "f") and not re.match(r"[\d.,\s]+$", num + " "):
            continue
        if _is_ordinal(text, m):
            continue
        value = _number(num)
        if value is None:
            continue
        factor = {"k": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
                  "md": 1e9, "mds": 1e9}.get(fold(mult).strip(), 1)
        if fold(unit) == "k€":
            factor = 1e3
        before = text[max(0, m.start() - 40):m.start()]
        out.append(Amount(value * factor, _currency(unit), bool(_TOTAL_RE.search(before.rstrip())),
                          squash_spaces(m.group(0)), m.start(), bool(_PER.match(text[m.end():])),
                          m.start() + len(m.group(0).rstrip())))
    return out


_RANK_AFTER = re.compile(r"\s?(?:°|[èe]me\b|i[èe]me\b|er\b|[eè]re\b|nde?\b)", re.IGNORECASE)
_RANK_BEFORE = re.compile(r"(?:\bn\s?°|\bno\.?|\bnum[ée]ro|\bphase|\btranche|\b[ée]tape|\blot|\bprojet|\bvolet|"
                          r"\baxe|\baction|\barticle|\bann[ée]e)\s*$", re.IGNORECASE)


def _is_ordinal(text: str, m: re.Match) -> bool:
    """A rank or a list number, never an amount: `2e mission`, `2° tranche`, `2ème phase`,
    `Phase 2`, `N°3`, and a list's `3.` (a short number then a stop, at a line's or a
    clause's start)."""
    num = m.group("num")
    if not re.fullmatch(r"\d{1,2}", num):
        return False
    unit = m.group("unit") or ""
    if unit == "e" and text[m.start("unit") - 1:m.start("unit")].isdigit():  # `2e mission`: lower-case, attached
        return True
    if unit:
        return False
    if _RANK_AFTER.match(text, m.end("num")) or _RANK_BEFORE.search(text[max(0, m.start() - 14):m.start()]):
        return True
    return bool(re.match(r"\.(?:\s|$)", text[m.end("num"):])
                and re.search(r"(?:^|[\n;:])\s*$", text[:m.start()]))


_NOT_COUNTED = {"pour", "par", "les", "des", "aux", "sur", "soit", "dont", "avec", "environ", "entre", "puis"}


def _is_year_like(num: str, text: str, m: re.Match, with_unit: bool) -> bool:
    """In a budget cell, a plain number is money, except a number of years,
    months or percent, a number of things (`10 puits`), and a 4-digit year
    beside amounts written with a unit (`2005 : 22 000 €`)."""
    after = text[m.end():m.end() + 12]
    if re.match(r"\s*(ans?\b|mois|jours?|semaines?|%|ème|er\b)", after, re.IGNORECASE):
        return True
    word = re.match(r"\s*([a-zà-ÿ]{3,})", after, re.IGNORECASE)  # `10 puits`, `2005 Gratuit pour…`
    if word and word.group(1).lower() not in _NOT_COUNTED:
        return True  # `10 puits par an`: a number of things, not an amount
    return with_unit and bool(re.fullmatch(PARSED_YEAR, num))


# a budget column's heading naming its unit: `Budget` / `(en euros)`, `Budget (Euros)`
_COLUMN_UNIT = re.compile(rf"^\s*\(\s*(?:en\s+)?(?P<unit>{_UNIT})\s*\)\s*$", re.IGNORECASE)


def column_currency(table: list[str]) -> str | None:
    """The currency a table's budget heading states (`Budget` over `(en euros)`, `Budget (Euros)`),
    for the column's bare amounts (`12 747`); None when the heading names none. `table`: the
    table's lines, its headings first."""
    at = next((k for k, line in enumerate(table[:16]) if re.search(r"\bBudget\b", line)), None)
    for line in table[at:at + 3] if at is not None else []:
        m = _COLUMN_UNIT.match(line.rsplit("Budget", 1)[-1])  # `… périodicité   Budget (Euros)`
        if m:
            return _currency(m.group("unit"))
    return None


def budget(text: str | None, bare: bool = False, yearly: bool = False) -> Budget | None:
    """The budget a text states: its total when one is introduced as such,
    else the result of a sum written out (`1/3=8155€`), else its first amount;
    None when it states no amount. `yearly`: the label it is written under says per year
    (« Budget consacré à la coopération décentralisée/an »), which makes its amount yearly
    unless its own words say what it is (a total, a share, `sur 3 ans`)."""
    text = squash_spaces(text or "")
    found = amounts(text, bare)
    if not found:
        return None
    result = [a for a in found if text[:a.start].rstrip().endswith("=")]  # `1/3=8155€`: the result
    best = next((a for a in found if a.total), result[0] if result else found[0])
    currency = best.currency
    if currency is None:  # "4 448" in a column whose other cells say "€"
        currency = next((a.currency for a in found if a.currency), None) if len(found) > 1 else None
    kind = budget_kind(text, best, bool(result))
    if kind is None and yearly and not _SEVERAL_YEARS.search(text) and not _not_this_budget(text, found):
        kind = "yearly"
    return Budget(text=text, amount=best.value, currency=currency, kind=kind)


# `Pour les deux jumelages : 15.245 €` (Thionville), `aucun budget de la coopération décentralisée` (Angoulême)
_SEVERAL_PARTNERSHIPS = re.compile(r"\b(?:les|des|aux|ces)\s+(?:deux|trois|quatre|cinq|[2-9])\s+"
                                   r"(?:jumelages|partenariats|coop[ée]rations)\b", re.IGNORECASE)
_NO_BUDGET = re.compile(r"\b(?:aucun|pas de|sans)\s+budget\b", re.IGNORECASE)
# a party's name just before its amount (`Conseil de cercle de Niafunké 2 935 €`), not a preposition
_NAMED_BEFORE = re.compile(r"\b(?!(?:Entre|Depuis|De|Du|En|Pour|Soit|Dont|Environ|Budget|Total)\b)"
                           r"[A-ZÉÈ][\w'’.-]+(?:\s+[\w'’.-]+){0,6}\s*:?\s*$")


def _not_this_budget(text: str, found: list[Amount]) -> bool:
    """A text under a « /an » label that is no yearly budget of this partnership: it lists several
    parties' amounts (its first is one party's share), names several partnerships (the amount is
    theirs together) or denies a budget. Its kind is left unsaid."""
    ends = [0] + [a.end for a in found]
    named = sum(bool(_NAMED_BEFORE.search(text[ends[i]:a.start])) for i, a in enumerate(found))
    return named > 1 or bool(_SEVERAL_PARTNERSHIPS.search(text) or _NO_BUDGET.search(text))


_SHARE_WORDS = r"(?i:participation|contribution|apport|part|cofinancement|financement|subvention)"
# `Marseille : 1 600 000 Dhs`, `Cofinancement PAD : 136 542€`: a party (a capitalised name) or a
# contribution before a colon; `Budget 2005 :`, `Coût total :` are no party
_SHARE_BEFORE = re.compile(
    rf"(?:\b{_SHARE_WORDS}\b[^\d€:]{{0,40}}|\b(?!(?i:budget|co[uû]t|montant|total|prix|cette|chaque|ann[ée]e)\b)[A-ZÉÈ][\w'’.-]+"
    r"(?: [\w'’.-]+){0,5}\s*):\s*$")
_SHARE_AFTER = re.compile(r"^\s*(?:pour|de la part d[eu]|par)\s+(?:la |le |l['’]|les )?[A-ZÉÈ]")

# `12 500 euros en moyenne chaque année`, `150 000 euros en moyenne/an`
_ON_AVERAGE = re.compile(r"^(?:en moyenne|environ)\b\s*", re.IGNORECASE)
# a length in years (`3 ans`, `six ans`, `10 ans`), read alike by every rule that reads one
_NUMBERS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10}
YEARS_NUMBER = rf"\d{{1,2}}|{'|'.join(_NUMBERS)}"
YEARS_LENGTH = rf"(?:{YEARS_NUMBER})\s+ans\b"


def years_count(number: str) -> int:
    """How many years a `YEARS_NUMBER` says (`3`, `six`)."""
    return _NUMBERS.get(number.lower()) or int(number)


_SEVERAL_YEARS = re.compile(rf"\b(?:sur|pendant|en)\s+{YEARS_LENGTH}", re.IGNORECASE)
# the other end of a range the amount opens (`Entre 350 000 € et 400 000 € /an`): what follows it is said of both
_RANGE_END = re.compile(r"\s*(?:et|à|-|–)\s*")


def budget_kind(text: str, amount: Amount, summed: bool = False) -> str | None:
    """What an amount is, from the words of its clause: a total, a yearly amount or one
    party's share (None when the text does not say)."""
    start = max(text.rfind(c, 0, amount.start) for c in ".;\n") + 1
    end = amount.end
    if (joined := _RANGE_END.match(text, end)) and (other := MONEY_RE.match(text, joined.end())) \
            and other.group("unit"):
        end = other.start() + len(other.group(0).rstrip())
    before, after = text[start:amount.start], text[end:end + 30]
    if amount.total or summed or re.search(r"\btotal\b|(?:co[uû]t|montant|budget) global", before, re.IGNORECASE):
        return "total"
    if amount.yearly or PER_YEAR.match(_ON_AVERAGE.sub("", after.lstrip(" )"))) or says_yearly(before):
        return "yearly"
    parties = len(re.findall(r"[A-ZÉÈ][\w'’.-]+(?: [\w'’.-]+){0,5}\s*:\s*\d", text))  # `A : 1 €. B : 2 €`
    if parties > 1 and _SHARE_BEFORE.search(before) and not re.search(r"(?:19|20)\d\d\s*:\s*$", before) \
            or _SHARE_AFTER.match(after) or re.search(rf"\b{_SHARE_WORDS}\b[^\d€]{{0,40}}$", before):
        return "share"
    return None


# --- Population --------------------------------------------------------------

def population(text: str | None) -> int | None:
    """`18 700`, `21 000 (8 000 pour Diéma ville)`, `1,2 million`, `(844 000 habitants)`."""
    t = fold(text or "")
    m = re.search(r"(\d+(?:[,.]\d+)?)\s*millions?", t)
    if m:
        return round(float(m.group(1).replace(",", ".")) * 1_000_000)
    m = re.search(r"\d{1,3}(?:[ \u00a0.]\d{3})+|\d+", t)
    return int(re.sub(r"\D", "", m.group(0))) if m else None


# --- Titles --------------------------------------------------------------------

_BULLETS = "-–•▪➤→* "  # a set of characters: what a cell may start with before its title
_DATE_TAIL = re.compile(r"\s*\((?:[^()]*(?:19|20)\d\d[^()]*|\d+\s*(?:ans|mois))\)\s*$")


def short_title(text: str, limit: int = 120) -> str:
    """A project's name from its cell or paragraph: the first clause (up to a
    stop, a semicolon or a colon when that leaves 10 characters or more),
    without bullets, a trailing date in parentheses, or trailing punctuation;
    cut at a word when longer than `limit`."""
    t = squash_spaces(text).lstrip(_BULLETS).strip()
    m = re.match(r"^(.{10,}?)(?<!\b[A-Z])[.;:](\s|$)", t)
    t = m.group(1) if m else t
    t = _DATE_TAIL.sub("", t).strip(" ,;:.-–")
    if len(t) > limit:
        t = t[:limit - 2].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"
    return t
