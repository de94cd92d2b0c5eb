"""Request parameters -> SearchRequest, with a precise error for each mistake.

Shared by the JSON API (which answers 400 with the error) and the HTML page
(which shows the message and keeps working). Messages are French: they are
shown to users; codes and parameter names are for programs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import overload
from urllib.parse import unquote_to_bytes

from analyzers import edit_distance, fold_text
from engine import SORTS, SearchRequest
from indexer.facet_registry import YEAR, registry
from indexer.limits import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS, YEAR_MAX, YEAR_MIN

from .formatting import number

MAX_VALUES_PER_FACET = 50
# the possible values a message of a wrong value lists: all of them up to ALL_LISTED (a sort, a type,
# the sources, the states), else LISTED, the closest first (a country, a region, a collectivity)
ALL_LISTED, LISTED = 10, 6
SINGLE_PARAMS = ("q", "sort", "page", "per_page", "year_from", "year_to", "explain")
BOOLEANS = {"1": True, "true": True, "0": False, "false": False, "": False}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNDECODED = re.compile("[\ud800-\udfff]")  # a byte that was not UTF-8, as Python keeps it in sys.argv
INDEX_UNAVAILABLE = "index_unavailable"  # the error code of an index that cannot be opened (the API's 503)
SORT_LABELS = {"relevance": "Pertinence", "year_desc": "Plus récents", "year_asc": "Plus anciens", "name": "Nom"}
# the single parameters as the page names them (its box, « Trier par », « Période » de … à …; the
# exports' `all`, `rows` and `sep` as its « Exporter » menu says them; `explain`, which the page does not
# offer, by what it does): every message names a parameter by the label a user knows, and the
# API's name beside it for a program's author (`named`)
PARAM_LABELS = {"q": "Recherche", "sort": "Trier par", "page": "Page", "per_page": "Résultats par page",
                "year_from": "Période, de", "year_to": "Période, à", "explain": "Explication des scores",
                "all": "Tous les résultats", "rows": "Une ligne par", "sep": "Séparateur"}


def named(name: str) -> str:
    """A parameter as a message names it: `« Pays » (country)`, `« Page » (page)`; an unknown
    one by its name alone."""
    facet = registry().get(name)
    label = facet.label if facet is not None else PARAM_LABELS.get(name)
    return f"« {label} » ({name})" if label else f"« {name} »"


@dataclass(frozen=True)
class Whole:
    """An integer parameter: its bounds, and what it is, which says how a message writes it. A
    quantity (`per_page`) takes the French thousands separator, « 1 000 »; a number that names
    rather than counts, a year (`year_from`, `year_to`) or a page (`page`), is written with its
    digits together, as French typography writes « en 1986 » and « page 1532 » (a message said
    « au moins 1 900 (reçu : 1 800) », years written as amounts)."""
    lo: int
    hi: int
    counts: bool  # a quantity (per_page); False: a year or a page number

    def text(self, value: int) -> str:
        return number(value) if self.counts else str(value)


# the years a search takes, in `year_from`, `year_to` and the `year` facet alike (`year=1850` listed
# nothing, silently, where `year_from=1850` was refused)
YEARS = Whole(YEAR_MIN, YEAR_MAX, counts=False)
# the integer parameters of a search, and the one place that says how their messages write them
WHOLES = {"page": Whole(1, MAX_PAGE, counts=False), "per_page": Whole(1, MAX_PER_PAGE, counts=True),
          "year_from": YEARS, "year_to": YEARS}
_WHOLE_RE = re.compile(r"\s*([+-]?)([0-9]+)\s*")  # ASCII digits: `int` also reads full-width ones (`２`)
_YEAR_RE = re.compile(r"\s*([1-9][0-9]*)\s*")  # a year's: neither sign nor leading zero
_LONGEST = 12  # digits read as a number; more are out of range whatever they say (99999999999999999999)


def error_body(code: str, message: str, parameter: str | None = None) -> dict:
    """The API's error object, which `repertoires search --json` prints too."""
    return {"error": {"code": code, "message": message, "parameter": parameter}}


@dataclass
class ParamError(Exception):
    code: str
    message: str
    parameter: str | None = None

    def to_dict(self) -> dict:
        return error_body(self.code, self.message, self.parameter)


@overload
def _int(args, name: str, *, default: int) -> int: ...
@overload
def _int(args, name: str, *, default: None = None) -> int | None: ...
def _int(args, name: str, *, default: int | None = None) -> int | None:
    raw = args.get(name)
    if raw is None or raw == "":  # (given empty, the API has refused it already: check_names)
        return default
    if WHOLES[name] is YEARS:
        return year_value(name, raw)
    m = _WHOLE_RE.fullmatch(raw)
    if m is None:
        raise ParamError("invalid_integer",
                         f"Le paramètre {named(name)} doit être un nombre entier (reçu : « {raw[:40]} »).", name)
    return _bounded(name, m.group(1), m.group(2), raw)


def year_value(name: str, raw: str) -> int:
    """A year as the API reads it, one rule for `year`, `year_from` and `year_to`: ASCII digits with
    neither sign nor leading zero (`year_from=+2005` and `year_from=02005` were 2005 where `year=`
    refused `02005`), spaces around aside, then within the search's years (`out_of_range`,
    whatever the number's length)."""
    m = _YEAR_RE.fullmatch(raw)
    if m is None:
        raise ParamError("invalid_year", f"Le paramètre {named(name)} doit être une année de {YEAR_MIN} à "
                                         f"{YEAR_MAX} écrite en chiffres, sans signe ni zéro devant, comme "
                                         f"« 2005 » (reçu : « {raw.strip()[:40]} »).", name)
    return _bounded(name, "", m.group(1), raw)


def _bounded(name: str, sign: str, digits: str, raw: str) -> int:
    """A whole number read from its `sign` and `digits`, within `name`'s bounds (WHOLES)."""
    digits = digits.lstrip("0") or "0"
    whole = WHOLES.get(name, YEARS)  # (the `year` facet's are the years)
    if len(digits) > _LONGEST:  # a whole number too, only too large (or too small) for any bound
        side = "au moins" if sign == "-" else "au plus"
        bound = whole.lo if sign == "-" else whole.hi
        raise ParamError("out_of_range", f"Le paramètre {named(name)} doit valoir {side} {whole.text(bound)} "
                                         f"(reçu : « {raw.strip()[:40]}{'…' if len(raw.strip()) > 40 else ''} »).",
                         name)
    return within(name, int(sign + digits), whole)


def within(name: str, value: int, whole: Whole) -> int:
    """`value` when `whole`'s bounds hold it; else the API's `out_of_range` (a page, a number per
    page, a year of `year_from`, `year_to` or the `year` facet)."""
    if value < whole.lo:
        raise ParamError("out_of_range", f"Le paramètre {named(name)} doit valoir au moins {whole.text(whole.lo)} "
                                         f"(reçu : {whole.text(value)}).", name)
    if value > whole.hi:
        raise ParamError("out_of_range", f"Le paramètre {named(name)} doit valoir au plus {whole.text(whole.hi)} "
                                         f"(reçu : {whole.text(value)}).", name)
    return value


def too_long(name: str, limit: int, length: int) -> str:
    """The message of a text longer than its parameter allows (`q`: 500 characters; 100 for a
    completion's)."""
    return f"Le paramètre {named(name)} dépasse {number(limit)} caractères (reçu : {number(length)})."


def without_control(text: str) -> str:
    """A value as a page may echo it: without the control characters it was refused for."""
    return _CONTROL.sub("", text)


def check_text(name: str, value: str) -> None:
    if _CONTROL.search(value):
        raise ParamError("invalid_characters", f"Le paramètre {named(name)} contient des caractères de contrôle.", name)


class Params:
    """Query parameters given outside a web request (the CLI's search), read as the API reads a
    MultiDict: `get` (the first value), `getlist`, and each name once, in order. Werkzeug's own,
    which would do as well, costs a one-shot `repertoires search` ~50 ms of imports."""

    def __init__(self, pairs: list[tuple[str, str]]):
        self._pairs = list(pairs)

    def __iter__(self):
        return iter(dict.fromkeys(name for name, _ in self._pairs))

    def get(self, name: str, default: str | None = None) -> str | None:
        return next((v for n, v in self._pairs if n == name), default)

    def getlist(self, name: str) -> list[str]:
        return [v for n, v in self._pairs if n == name]


def _invalid_encoding(name: str) -> ParamError:
    return ParamError("invalid_encoding",
                      f"Le paramètre {named(name)} contient des octets qui ne sont pas de l'UTF-8 valide.", name)


def check_query_string(raw: bytes) -> None:
    """Refuse percent-escapes that are not UTF-8 (`?q=%FF`): Werkzeug keeps them
    as the literal text "%FF", which would silently search for something else."""
    for part in raw.split(b"&"):
        name, _, value = part.partition(b"=")
        pname = unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8", "replace")[:40]
        for piece in (name, value):
            try:
                unquote_to_bytes(piece.replace(b"+", b" ")).decode("utf-8")
            except UnicodeDecodeError:
                raise _invalid_encoding(pname) from None


def check_decoded(args) -> None:
    """check_query_string for parameters given outside a web request (the CLI's `Params`): a
    command line's bytes that are not UTF-8 reach Python as lone surrogates (`\\udcff`), which
    searched the whole corpus after two warnings from the accent folding."""
    for name in args:
        if any(_UNDECODED.search(v) for v in args.getlist(name)):
            raise _invalid_encoding(name)


def known_params() -> set[str]:
    """Every parameter of /api/search: one per facet of the registry, and the single ones."""
    return set(registry().names) | set(SINGLE_PARAMS)


def once() -> tuple[str, ...]:
    """The parameters given once: the single ones, and a facet selecting one value at a time (`type`:
    `type=action&type=partnership` listed partnerships, its facet selecting neither)."""
    return SINGLE_PARAMS + tuple(f.name for f in registry() if f.exclusive)


def first_of_once(args):
    """`args` with each parameter given once (once()) kept at its first value, as the page reads it
    (the API refuses it twice): the page's links, exports and form carried every value, and its
    « API » and export links (`type=action&type=partnership`) answered 400."""
    single = once()
    kept: set[str] = set()
    pairs = []
    for k, v in args.items(multi=True):
        if k in single and k in kept:
            continue
        kept.add(k)
        pairs.append((k, v))
    return type(args)(pairs)  # a request's MultiDict (werkzeug: not imported by a one-shot CLI search)


def parse_search_args(args, facet_values: dict[str, list], strict: bool = True) -> SearchRequest:
    """Validate a MultiDict of query parameters. `strict` also refuses unknown
    and repeated parameters and empty values (the API); the HTML page ignores
    them. Unknown facet values are refused by both. The checks run in this
    order, and the first mistake found is the one reported."""
    _check_names(args, strict)
    q = _query(args)
    sort = _sort(args)
    page = _int(args, "page", default=1)
    per_page = _int(args, "per_page", default=DEFAULT_PER_PAGE)
    year_from = _int(args, "year_from")
    year_to = _int(args, "year_to")
    explain = _explain(args)
    filters = _filters(args, facet_values)
    return SearchRequest(q=q, filters=filters, year_from=year_from, year_to=year_to, sort=sort,
                         page=page, per_page=per_page, explain=explain)


def _check_names(args, strict: bool) -> None:
    """No control characters anywhere; strictly, no unknown or repeated parameter, and none given
    empty but `q` (an empty `q` browses everything)."""
    check_names(args, known_params() if strict else None, once() if strict else ())
    if strict:
        refuse_empty(args, [name for name in args if name != "q" and not is_buster(name)])


def is_buster(name: str) -> bool:
    """A cache buster (`_=123`, any name starting with `_`): accepted by the API, empty or not, and
    left out of every link (links.kept). One rule, so that the two cannot drift apart."""
    return name.startswith("_")


def refuse_empty(args, names) -> None:
    """One rule for a parameter given with no value, a filter (`country=`) or any other (`page=`,
    `sort=`, `explain=`, the exports' `all=`): the API refuses it (`empty_value`), as it would
    otherwise stand for a default the user did not choose; the page, whose forms send blank fields,
    ignores it. (`page=` and `sort=` were the defaults, `country=` an error.)"""
    for name in names:
        if "" in args.getlist(name):
            raise ParamError("empty_value", f"Le paramètre {named(name)} est donné sans valeur.", name)


def check_names(args, known, single) -> None:
    """No control characters, no parameter but the `known` ones (None: any; a name starting with
    `_`, a cache buster, aside), none of the `single` ones twice: `/api/suggest?prefix=kou`
    answered an empty list, as if nothing began so."""
    for name in args:
        values = args.getlist(name)
        for v in values:
            check_text(name, v)
        if known is not None and name not in known and not is_buster(name):
            raise ParamError("unknown_parameter", f"Paramètre inconnu : « {name[:40]} ».", name[:40])
        if name in single and len(values) > 1:
            raise ParamError("repeated_parameter", f"Le paramètre {named(name)} ne peut être donné qu'une fois.", name)


def _query(args) -> str:
    q = args.get("q", "") or ""
    if len(q) > MAX_QUERY_CHARS:
        raise ParamError("query_too_long", too_long("q", MAX_QUERY_CHARS, len(q)), "q")
    # a prefix followed by nothing (`pays:`, `domaine:"eau pays:`) is no error: the engine ignores it
    # and says so in a notice, in every format, as a box typed letter by letter sends such states
    # (the API refused with 400 empty_field_prefix what the page answered)
    return q


def _sort(args) -> str:
    sort = args.get("sort") or "relevance"
    if sort not in SORTS:
        raise ParamError("invalid_sort", unknown(f"le paramètre {named('sort')}", sort,
                                                 [(k, SORT_LABELS.get(k)) for k in SORTS]), "sort")
    return sort


def unknown(what: str, value: str, choices: list[tuple[str, str | None]]) -> str:
    """The message of a value `what` does not have (a sort, a type, a facet's value: QA r56 U1 #13),
    one rule for all: its possible values, each as `choice` writes it; all of them, in their own order,
    when they are few (ALL_LISTED); else LISTED of them, those close to `value` first (closest), and
    how many more."""
    if not choices:  # (an index with none)
        return f"Valeur inconnue pour {what} : « {value[:60]} »."
    head = f"Valeur inconnue pour {what} : « {value[:60]} » ; valeurs possibles"
    if len(choices) <= ALL_LISTED:
        return f"{head} : {', '.join(choice(*c) for c in choices)}."
    ordered, close = closest(value, choices)
    shown = ", ".join(choice(*c) for c in ordered[:LISTED])
    first = ", les plus proches d'abord" if close else ""
    return f"{head}{first} : {shown} et {number(len(choices) - LISTED)} autres."


def choice(value: str, label: str | None) -> str:
    """A possible value as a message lists it: the label a user knows, the API's value beside it when
    it differs, as `named` names a parameter (« Pertinence » (relevance), « Actions » (action), « Kayes »).
    (The sort's listed `Pertinence (relevance)`, the type's `partnership (partenariats)`: two orders.)"""
    return f"« {label} » ({value})" if label and label != value else f"« {value} »"


def closest(value: str, choices: list[tuple[str, str | None]]) -> tuple[list[tuple[str, str | None]], int]:
    """`choices` close to `value` first, and how many are, accents and case aside, value or label alike:
    those that begin with it (`kaye`: « Kayes »), then those with a word that does, then those one or
    two typos away, the fewer typos first; each kind, and the rest after them, in the alphabet's order
    as French reads it (accents aside: « Aïn Defla » before « Annaba »), not the index's by character code."""
    wanted = fold_text(value).strip()
    starts = re.compile(r"(?<!\w)" + re.escape(wanted))

    def rank(item: tuple[int, tuple[str, str | None]]) -> tuple[int, int, str, int]:
        texts = [fold_text(t) for t in item[1] if t] or [""]
        typos = min(edit_distance(t, wanted, 2) for t in texts)
        read = fold_text(item[1][1] or item[1][0]), item[0]  # the label a user reads, as the alphabet orders it
        if any(t.startswith(wanted) for t in texts):
            return 0, typos, *read
        if any(starts.search(t) for t in texts):
            return 1, typos, *read
        return (2, typos, *read) if typos <= 2 and len(wanted) >= 3 else (3, 0, *read)
    ranked = sorted((rank(item), item[1]) for item in enumerate(choices))
    return [c for _, c in ranked], sum(key[0] < 3 for key, _ in ranked)


def _explain(args) -> bool:
    explain = BOOLEANS.get((args.get("explain") or "").strip().lower())
    if explain is None:
        raise ParamError("invalid_boolean",
                         f"Le paramètre {named('explain')} vaut 1 ou 0 (reçu : « {args.get('explain', '')[:40]} »).",
                         "explain")
    return explain


def _filters(args, facet_values: dict[str, list]) -> dict[str, list]:
    """The values of every facet of the registry given in `args`, parsed, without repeats."""
    filters: dict[str, list] = {}
    for facet in registry():
        name = facet.name
        raw = [v for v in args.getlist(name) if v != ""]  # (given empty: refuse_empty, or the page ignores it)
        raw = raw[:1] if facet.exclusive else raw  # (the page reads the first, as of a single parameter)
        if raw:
            filters[name] = list(dict.fromkeys(_facet_values(facet, raw, facet_values)))
    return filters


def _facet_values(facet, raw: list[str], facet_values: dict[str, list]) -> list:
    name = facet.name
    if len(raw) > MAX_VALUES_PER_FACET:
        raise ParamError("too_many_values",
                         f"Trop de valeurs pour le filtre {named(name)} : {MAX_VALUES_PER_FACET} au plus.", name)
    values = [facet_value(facet, v) for v in raw]
    if facet.from_index:  # the page too: a ticked "Atlantis 0" would be a lie
        known = set(facet_values.get(name, []))
        for v in values:
            if v not in known:
                near = near_value(v, known)
                hint = f" Vouliez-vous dire « {near} » ?" if near is not None else ""
                choices = [(str(k), facet.value_labels.get(k)) for k in facet_values.get(name, [])]
                raise ParamError("unknown_facet_value", unknown(f"le filtre {named(name)}", str(v), choices) + hint,
                                 name)
    return values


def facet_value(facet, raw: str):
    """A facet's value as the API reads it: of the right shape, and a year as `year_from` is
    (year_value: `year=1850` is out of range, as `year_from=1850` is), or its missing value
    (`year=none`: the records with no year); ParamError otherwise."""
    if facet.missing is not None and raw.strip() == facet.missing:
        return facet.missing
    if facet.name == YEAR:
        return year_value(facet.name, raw)
    try:
        return facet.parse(raw)
    except ValueError as exc:
        message = str(exc)
        if facet.closed:  # (`type`): its values listed as every other's are
            choices = [(k, facet.value_labels.get(k)) for k in facet.closed]
            message = unknown(f"le filtre {named(facet.name)}", raw, choices)
        raise ParamError(facet.invalid_code, message, facet.name) from None


def near_value(value, known) -> str | None:
    """The one known value a wrong one was meant as: the same but for case and accents (`mali`,
    `sante`), else the one that has it as whole words (`Isère`: « Conseil général de l'Isère », not
    « Sète » a typo or two away: QA r44, audit 9, defect 12), else the one a typo or two away
    (`Marroc`); None when none or several are."""
    if not isinstance(value, str):
        return None
    texts = [k for k in known if isinstance(k, str)]
    same = [k for k in texts if fold_text(k) == fold_text(value)]
    if len(same) == 1:
        return same[0]
    words = re.compile(r"(?<!\w)" + re.escape(fold_text(value).strip()) + r"(?!\w)")
    holding = [k for k in texts if words.search(fold_text(k))] if fold_text(value).strip() else []
    if holding:
        return holding[0] if len(holding) == 1 else None
    close = [k for k in texts if edit_distance(fold_text(k), fold_text(value), 2) <= 2]
    return close[0] if len(close) == 1 and len(value) >= 4 else None
