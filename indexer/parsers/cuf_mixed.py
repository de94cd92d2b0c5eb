"""A row of a Cités Unies France actions table written on one line, taken
apart: `Santé Don de matériel médical 1999 350 000 €` is a domain label, a
project, its dates and its amount; `2002, 2005 État civil` a dates cell and
the first column's label written level with it. The cell grammar (what kind
each cell is) is `cuf_cells.py`; the table reader that calls `split_mixed`
is `cuf_table.py`.
"""
from __future__ import annotations

import re

from ..domains import map_domain
from ..text import fold, squash_spaces
from . import dates, fields
from .cuf_cells import (
    ABOUT,
    NAMES_A_TASK,
    NON_MONEY,
    NUMBER_RE,
    TAIL_BARE,
    TAIL_MONEY,
    TAIL_WHEN,
    Cell,
    closes_range,
    is_domain,
    is_when,
    kind_of,
    upper,
)

# One-word domain labels that a row may carry in front of its project (`Santé Construction…`).
LABEL_WORDS = {"sante", "education", "eau", "culture", "agriculture", "elevage", "assainissement", "artisanat",
               "echanges", "jeunesse", "sport", "environnement", "hydraulique", "formation", "energie",
               "tourisme", "economie", "urbanisme", "gouvernance", "humanitaire", "hygiene", "infrastructures",
               "medical", "alphabetisation", "scolarisation", "desenclavement"}
# Adjectives naming a field (`Culturel danses bretonnes`): in French such an adjective never stands
# before its noun, so in front of a row's project it can only be the row's label.
LABEL_ADJECTIVES = {"culturel", "culturelle", "culturels", "scolaire", "sanitaire", "social", "sociale", "sportif",
                    "sportive", "agricole", "economique", "educatif", "educative", "medical", "medicale",
                    "environnemental", "environnementale", "touristique", "artisanal", "humanitaire"}

# `1998 2500€/an`, `Depuis 2002,  80 014/an (moyenne)`, `2006 (18 mois)  60 000`, `2000 annuel 50`: an
# amount written after the row's dates on their line, with its period and its `(moyenne)`
_TAIL_DATED = re.compile(r"(?<=(?:19|20)\d\d)(\s*,|\s*\([^)]*\)|\s+annuel(?:le)?)?\s+"
                         r"((?:\d{1,3}(?:[ .]\d{3})+|\d+)(?:,\d+)?\s*(?:€|euros?)?(?:\s*/\s*an)?"
                         r"(?:\s*\(moyenne\))?)\s*$", re.IGNORECASE)


# `2005 +ou- 1500 par pers/sem`: an approximate amount (« plus ou moins ») after the row's dates
_ABOUT_DATED = re.compile(r"(?<=(?:19|20)\d\d)\s*,?\s+" + ABOUT + r"\b")


def dated_amount(text: str) -> re.Match | None:
    """The amount ending a dates line (group 2), unless it is another year (`2003 2006`) or a
    bare small number with nothing saying it is money."""
    m = _TAIL_DATED.search(text)
    if m is None:
        return None
    amount = m.group(2)
    money = bool(re.search(r"€|euro|/\s*an|moyenne", amount, re.IGNORECASE)) or "annuel" in (m.group(1) or "")
    digits = re.sub(r"\D", "", amount.split(",")[0])
    if re.fullmatch(r"(?:19|20)\d\d", amount.strip()) or not money and len(digits) < 3:
        return None
    return m


def _split_when(c: Cell) -> list[Cell]:
    """`Juillet 2007 4 000 €`, `2003-2007 4 millions de FcfA`: a dates cell
    ending with its amount -> the dates cell and the budget cell."""
    text = c.text
    tail = [a.start for a in fields.amounts(text) if a.currency and not text[a.end:].strip(" .)")]
    bare = TAIL_BARE.search(text)  # `2004-2005  32 015`: a bare amount after the dates (not `2003 2006`)
    if not tail and bare and not re.fullmatch(r"(?:19|20)\d\d", bare.group(1)):
        tail = [bare.start(1)]
    dated = dated_amount(text)
    if not tail and dated:
        tail = [dated.start(2)]
    about = _ABOUT_DATED.search(text)
    if not tail and about:
        tail = [about.start(1)]
    if not tail or not text[:tail[-1]].strip() or not dates.years(text[:tail[-1]]).found:
        return [c]
    at = tail[-1]
    head = text[:at].rstrip().rstrip(",").rstrip()
    if re.search(r"\b(pour|de|à)$", head, re.IGNORECASE) and not dates.years(head.rsplit(" ", 1)[-1]).found:
        at, head = at - len(head.rsplit(" ", 1)[-1]) - 1, head.rsplit(" ", 1)[0]  # `… pour 19600 €`
    first = c.lines[0][0]
    when = Cell("when", [(first, head)], c.top, c.segment, c.block)
    return [when, Cell("budget", [(c.lines[-1][0], text[at:].strip())], c.top, c.segment, c.block, anchor=when)]


def _periodic(c: Cell, when: str, money: str) -> list[Cell]:
    """`Chaque année 50 000 €`, `Démarrage fin 2006 28 800 euros`: a periodicity or dates cell
    written with its amount -> the dates cell and the budget cell (never a project)."""
    when_cell = Cell("when", [(c.lines[0][0], when)], c.top, c.segment, c.block)
    return [when_cell, Cell("budget", [(c.lines[-1][0], money)], c.top, c.segment, c.block, anchor=when_cell)]


# a leading label does not end on these words (`Accès à` | `l'eau`): the phrase goes on
_LINK_WORDS = ("a", "de", "du", "des", "et", "la", "le", "les", "en", "au", "aux", "d", "l")


def split_mixed(c: Cell, labelled: bool = False, framed: bool = False) -> list[Cell]:
    """`Don de Bennes, camionnettes 1999, 2003 30 000 €`: a row written on one
    line -> its action, dates and budget cells (and a leading domain label).
    In a table whose rows carry their label in front (`labelled`), a label
    naming a domain in normal case is one too (`Accès à l'eau Financement…`).
    Beside a first column that gave each project its label (`framed`), a
    project's first words are its own (`Maternité – Farine de sevrage…`)."""
    column = _dates_or_amount(c)
    if column is not None:
        return column
    if c.kind == "domain" and not upper(c.text) and len(c.lines[0][1].split()) >= 3:
        split = split_mixed(Cell("action", c.lines, c.top, c.segment, c.block), labelled, framed)
        if len(split) > 1:  # `Elevage Auxiliaires d’élevages, coopératives…`: a label and its project
            return split
    if c.kind != "action":
        return [c]
    text = c.text
    parts: list[Cell] = []
    money = when = None
    if len(c.lines) <= 2:
        money, text = _tail_amount(text)
        if money and is_when(text.strip()):
            return _periodic(c, text.strip(), money)
        m = TAIL_WHEN.search(text)
        if m and len(text[:m.start()].split()) >= 2:
            when, text = m.group(1), text[:m.start()]
            # `… avec MAE pour` / `2007 et 2008`: the preposition went with the date
            text = re.sub(r"\s+(?:pour|en|de|du|dès|depuis|à|au|entre)$", "", text)
        elif money and (m := re.search(r"\s+(en cours)\s*$", text)) and len(text[:m.start()].split()) >= 2:
            when, text = m.group(1), text[:m.start()]  # `… collèges en cours  en cours`: dates and budget cells
    label, text = (None, text) if framed else \
        _leading_label(text, money is not None or when is not None, labelled and c.top == 0 or _column_gap(c))
    if money is None and when is None and label is None:
        return [c]
    mk = lambda kind, t: Cell(kind, [(c.lines[0][0], t)], c.top, c.segment, c.block)
    if label:
        parts.append(mk("domain", label))
    first = squash_spaces(c.lines[0][1].strip())
    if label and money is None and when is None and len(c.lines) > 1 and first.startswith(label):
        # the label out of its first line, the project's lines kept (`Culturel danses bretonnes` / `théâtre`)
        parts.append(Cell("action", [(c.lines[0][0], first[len(label):].strip())] + c.lines[1:],
                          c.top, c.segment, c.block))
    else:
        parts.append(mk("action", text))
    if when:
        parts.append(mk("when", when))
    if money:
        parts.append(mk("budget", money))
    return parts


# the budget column's cell `en cours` after the row's dates cell (a year, or `en cours` too)
_TAIL_STATUS = re.compile(r"(?:(?:19|20)\d\d|\ben cours)\s+(en cours)\s*$", re.IGNORECASE)


def _tail_amount(text: str) -> tuple[str | None, str]:
    """The amount ending a one-line row, and what stands before it; the years it covers may follow it in
    brackets, as the sheet's budget cells write them (`micro-crédit 2000 à 2006 1 723 (2003 à 2006)`)."""
    covered = re.search(r"\s+\([^()]*(?:19|20)\d\d[^()]*\)\s*$", text)
    if covered:
        money, head = _tail_amount(text[:covered.start()])
        if money is not None and re.match(r"\d", money):
            return f"{money} {covered.group(0).strip()}", head
    m = TAIL_MONEY.search(text) or TAIL_BARE.search(text)
    if m and closes_range(text, m.start()):
        m = None  # `Prêts individuels sur un an de 75 à 150 €`: the amount closes a range of the project's
    dated = None if m else dated_amount(text)
    word = None if m or dated else _TAIL_STATUS.search(text)
    if word:  # `… agent malien 2006-2007 en cours`, `… collèges en cours  en cours`: the budget column's words
        return word.group(1), text[:word.start(1)].rstrip()
    if dated:  # `Appui au CCC de Diéma  2004, 2005, 2006,  35 520 /an`
        return dated.group(2), text[:dated.start(2)].rstrip().rstrip(",")
    return (m.group(1), text[:m.start()]) if m else (None, text)


def _dates_or_amount(c: Cell) -> list[Cell] | None:
    """A dates or budget cell split: its label written after it, then its dates and amount."""
    label = _trailing_label(c)
    if label is not None:
        head = Cell(c.kind, c.lines[:-1] + [(c.lines[-1][0], c.lines[-1][1].rstrip()[:-len(label)])],
                    c.top, c.segment, c.block)
        return split_mixed(head) + [Cell("domain", [(c.lines[-1][0], label)], c.top + len(c.lines) - 1,
                                         c.segment, c.block)]
    # a budget cell in words opening with a year (`2005 Gratuit pour` / `notre` / `collectivité`): the row's date
    year = re.match(r"\s*((?:19|20)\d\d)\s+(?=[^\W\d])", c.lines[0][1]) if c.kind == "budget" else None
    if year and NON_MONEY.search(c.text):
        when = Cell("when", [(c.lines[0][0], year.group(1))], c.top, c.segment, c.block)
        rest = [(c.lines[0][0], c.lines[0][1][year.end():])] + c.lines[1:]
        return [when, Cell("budget", rest, c.top, c.segment, c.block, anchor=when)]
    if c.kind == "budget" and len(c.lines) <= 2:
        return _worded_amount(c)
    if c.kind != "when":
        return None
    # an approximate amount's unit may take a third line (`2003 +ou- 1500` / `(par pers /mission` / `d'une sem.)`)
    return _split_when(c) if len(c.lines) <= (3 if _ABOUT_DATED.search(c.text) else 2) else None


def _worded_amount(c: Cell) -> list[Cell] | None:
    """`En cours 45 000 €`: the dates cell's words (a state or a periodicity) and the amount written on
    one line -> the dates cell and the budget cell, so that the words state the row's state and
    the amount alone is its budget."""
    money, head = _tail_amount(c.text)
    head = head.strip()
    if not money or not head or fields.amounts(head) or not is_when(head):
        return None
    return _periodic(c, head, money)


def _trailing_label(c: Cell) -> str | None:
    """`2002, 2005 État civil`, `210 000 € Assainissement`: a dates or budget cell whose line ends with
    the first column's label, written level with it."""
    if c.kind not in ("when", "budget") or len(c.lines) > 2:
        return None
    m = re.search(r"(?<=[\d€)])\s+([A-ZÀ-Ý][^\W\d_]*(?:[ ’'-]+[^\W\d_]+){0,3})\s*$", c.lines[-1][1])
    if m is None or not is_domain(m.group(1), alone=True):
        return None
    head = squash_spaces(" ".join(t for _, t in c.lines))[:-len(m.group(1))].strip()
    return m.group(1) if kind_of(head) == c.kind else None


def _column_gap(c: Cell) -> bool:
    """`Accès à l’eau  En cours de réalisation : campagne…`: a short label naming a domain, then the
    wide gap between two columns on the cell's first line, then the project."""
    m = re.match(r"^\s*(\S+(?: \S+){0,3})\s{2,}[A-ZÀ-Ý]", c.lines[0][1])
    return m is not None and is_domain(m.group(1), alone=True)


def _leading_label(text: str, row_wise: bool, labelled: bool) -> tuple[str | None, str]:
    """A domain label written in front of a row's project (`Santé Construction…`), and the rest."""
    number = NUMBER_RE.match(text)
    if number:  # `2. Gestion des déchets Envoi d’une benne…`: a numbered row's label, then its project
        label, rest = _leading_label(text[number.end():].strip(), True, True)
        return (f"{number.group(0).strip()} {label}", rest) if label else (None, text)
    words = text.split()
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        if len(words) <= n or fold(words[n - 1]) in _LINK_WORDS or len(words) == n + 1 and not (
                row_wise and n >= 2 and re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]{3,}", words[n])
                and all(w[:1].islower() for w in words[1:n])):
            continue  # a project of one word after a label of two or three (`Appui institutionnel Cartographie`)
        nxt = words[n]
        if is_domain(head, alone=row_wise and n <= 2 or labelled and nxt[:1].isupper()
                     and head[-1:].isalpha()) and (nxt[:1].isupper() or nxt[:1].isdigit() or nxt in "-–:") \
                or is_domain(head, alone=True) and (nxt in ("-", "–") or re.match(r"^[-–][^\W\d]", nxt)) \
                or n == 1 and re.sub(r"[^a-z]", "", fold(head)) in LABEL_WORDS and nxt[:1].isupper() \
                or n == 1 and (labelled or nxt[:1].isupper()) and fold(head) in LABEL_ADJECTIVES \
                and fold(nxt) not in _LINK_WORDS and bool(map_domain(head)):
            return head, " ".join(words[n:])
    for n in (2, 3):  # `Secteur marchand Formation d’artisans…  48 000 €`: a label in the row's own words
        head, rest = " ".join(words[:n]), " ".join(words[n:])
        if row_wise and len(words) > n + 2 and head[:1].isupper() and all(w[:1].islower() for w in words[1:n]) \
                and fold(words[n - 1]) not in _LINK_WORDS and NAMES_A_TASK.match(rest):
            return head, rest
    return None, text
