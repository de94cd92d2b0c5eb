"""The query language users type: words, "phrases", -exclusion, OR, and French
field prefixes: those of the facets (pays:, domaine:, annee:, region:, type:,
statut:, source:, declared in indexer/facet_registry.py) and collectivite: for
the party names.

It never raises. Anything it cannot read as an operator is read as plain
words, and each such decision is recorded in `notices` (French, shown to the
user) so the response can say how the query was understood.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from analyzers import edit_distance, fold_text
from analyzers.tokenizers import GROUPED_RE, HYPHENS
from indexer import geography
from indexer.facet_registry import YEAR as YEAR_FACET, registry
from indexer.limits import MIN_TRUNCATED, YEAR_MAX, YEAR_MIN
from indexer.text import YEAR

from .placenames import MAX_PLACE_WORDS, bamako_communes, spelled_apart
from .querytext import NOT, OR, Selects, next_prefix, quotes_closed, raw_tokens, ungrouped

# Prefixes of the party names (a text field); the facets' own (pays:, domaine:, annee:…) come from the facet registry
NAME_PREFIXES = ("collectivité", "ville", "nom", "partenaire")
NAMES = "parties"
_NAME_KEYS = frozenset(fold_text(p) for p in NAME_PREFIXES)
_OPERATORS = {*OR, "AND", "ET", "&&", "+", "-", *NOT}


def prefix_target(prefix: str) -> str | None:
    """What a typed prefix targets: a facet name, "parties", or None when unknown."""
    key = fold_text(prefix)
    target = registry().by_prefix.get(key)
    if target is None and key in _NAME_KEYS:
        return NAMES
    return target


def close_prefix(prefix: str) -> str | None:
    """The one known prefix, as written, a typed unknown one is a typo of (one edit, three letters
    or more: `pay:`, `domain:`, `sources:`); None when there is none or more than one."""
    key = fold_text(prefix)
    if len(key) < 3:
        return None
    written = [p for f in registry() for p in f.prefixes] + list(NAME_PREFIXES)
    near = {p for p in written if edit_distance(key, fold_text(p), 1) <= 1}
    return near.pop() if len(near) == 1 else None


def _is_prefix(prefix: str) -> bool:
    """Whether a typed prefix is read as one (known, or one edit off a known one)."""
    return prefix_target(prefix) is not None or close_prefix(prefix) is not None


def prefix_label(target: str | None) -> str:
    """The prefix shown for a target when a clause is written back (`année:`)."""
    if target == NAMES:
        return NAME_PREFIXES[0]
    facet = registry().get(target or "")
    return facet.prefixes[0] if facet is not None and facet.prefixes else str(target)


@dataclass
class Clause:
    kind: str  # "word", "phrase", "field"
    text: str
    negated: bool = False
    target: str | None = None  # for "field": facet name or "parties"

    def render(self) -> str:
        """The clause as it would be typed; words that would read as operators are quoted."""
        needs_quotes = self.kind == "phrase" or (self.kind == "field" and " " in self.text) or (
            self.kind == "word" and (self.text.startswith("-") or ":" in self.text
                                     or self.text in _OPERATORS)) or any(b in self.text for b in "()[]{}")
        body = f'"{self.text}"' if needs_quotes else self.text
        if self.kind == "field":
            body = f"{prefix_label(self.target)}:{body}"
        return ("-" if self.negated else "") + body


@dataclass
class ParsedQuery:
    # conjunction of groups; each group is a disjunction of clauses (usually one)
    groups: list[list[Clause]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    empty_prefixes: list[str] = field(default_factory=list)  # `pays:` with nothing after it
    respelled: list[tuple[str, str, int]] = field(default_factory=list)  # a place's words, its name, and
    # where among the notices search.respelled_notices says so
    typed: dict[str, str] = field(default_factory=dict)  # a phrase read for words typed otherwise: those words

    @property
    def clauses(self) -> list[Clause]:
        return [c for g in self.groups for c in g]

    @property
    def is_empty(self) -> bool:
        return not self.groups

    def as_typed(self, words: str) -> str:
        """The words of a group as the user typed them (`Ain Temouchnet` for « Aïn Témouchent »): a
        client matches `unknown_words` against its own text (QA r44, audit 10, defect 5)."""
        return self.typed.get(words, words)

    def text_words(self) -> list[str]:
        """The positive plain words, in order (used for expansions and spelling)."""
        return [c.text for g in self.groups for c in g if c.kind == "word" and not c.negated]

    def render(self) -> str:
        return " ".join(" OR ".join(c.render() for c in g) for g in self.groups)


# the tokenizer's hyphens, and the dashes people type for them (`Lyon–Alger`), which split words as well
_HYPHENS_RE = re.compile("[" + re.escape(HYPHENS + "\u2013\u2014") + "]")


def hyphenated_parts(word: str) -> list[str]:
    """The parts of a word typed with hyphens or dashes (`micro-crédit`, `Lyon–Alger`); [] for any other."""
    parts = [p for p in _HYPHENS_RE.split(word) if p]
    return parts if len(parts) > 1 and not any(c.isspace() for c in word) else []


# a query of stop words or signs alone (`le la les`, `...`) lists the whole repertoire, as an empty one does:
# the user is told why rather than shown every record as if it answered (querybuild says it of stop words)
NOTHING_SEARCHABLE = ("Aucun mot à chercher dans la requête (mots trop courants ou signes seuls) : "
                      "tout le répertoire est listé.")
_SENTENCE_PUNCT = ",;!?.…"
# ... between letters it separates words (not the dot: `A.E.P.`), and so does a slash (`eau/santé`,
# `Sofara/Fakala`: read as one word, its parts had to be adjacent, and 13 of 46 records were lost)
_INNER_PUNCT_RE = re.compile(rf"(?<=[^\W\d_])[{re.escape(_SENTENCE_PUNCT.replace('.', '') + '/')}]+(?=[^\W\d_])")
# markup pasted with the words (`<b>eau</b>`): its tags are no words (`b` was required, 0 results);
# only HTML's own elements, so that a word in angle brackets (`<Kayes>`) stays a word
_HTML_ELEMENTS = ("a|abbr|b|big|blockquote|br|code|dd|del|div|dl|dt|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|"
                  "ol|p|pre|q|s|samp|script|small|span|strike|strong|style|sub|sup|table|tbody|td|th|thead|"
                  "tr|tt|u|ul")
_TAG_RE = re.compile(rf"(:?)</?(?:{_HTML_ELEMENTS})\b(?:\s[^<>]*)?/?>", re.IGNORECASE)
_TAGS_SHOWN = 5  # a notice lists this many of the tags dropped, each cut to _TAG_CHARS
_TAG_CHARS = 40
_PREFIXED_RE = re.compile(r'^([^\s:"]+):(.*)$')
_GROUP_SPACES_RE = re.compile("[ \u00a0\u202f]")  # the spaces grouping a number's thousands


# a French département by its number after the council's name, as local governments write it:
# `CG 91`, `CG91`, `CD38`, `conseil général 38`, `département 13`
_DEPARTEMENT_NUMBER_RE = re.compile(
    r"\b(CG|CD|conseil g[ée]n[ée]ral|conseil d[ée]partemental|d[ée]partement)\s*(\d{2}|2[AB])\b", re.IGNORECASE)


def _departement_numbers(text: str, notices: list[str]) -> str:
    """`CG 91` as `CG Essonne`, said: the number is the département's, which the records name."""
    def named(m: re.Match) -> str:
        place = geography.of("France").lookup(m.group(2), "subdivision")
        if place is None:
            return m.group(0)
        notices.append(f"« {m.group(0)} » est lu comme « {m.group(1)} {place.name} ».")
        return f"{m.group(1)} {place.name}"
    return _DEPARTEMENT_NUMBER_RE.sub(named, text)


def parse_query(text: str, selects: Selects | None = None) -> ParsedQuery:
    """The query typed; `selects` (engine.openvalue), whether a prefix's value selects records, tells
    where a value left open ends when the words after it are no part of it (querytext.quotes_closed)."""
    pq = ParsedQuery()
    text = (text or "").replace("\u201c", '"').replace("\u201d", '"').replace("«", '"').replace("»", '"')
    text = _without_tags(text, pq.notices)
    text = _departement_numbers(text, pq.notices)
    text = bamako_communes(text, pq.notices)
    text = GROUPED_RE.sub(lambda m: _GROUP_SPACES_RE.sub("", m.group(0)), text)  # `1 000 000` is one number
    text = _inner_stars(text, pq.notices)
    typed, text = text, ungrouped(quotes_closed(text, pq.notices, _is_prefix, selects), pq.notices)
    items: list[Clause | str] = []  # clauses and the operators OR, as typed
    negating: str | None = None  # a NOT waiting for its word
    for tok in raw_tokens(text):
        if negating is not None and (tok in _OPERATORS or tok.startswith("-")):
            pq.notices.append(_dangling_not(negating))  # another operator, or a word excluded already
            negating = None
        if tok in NOT:
            negating = tok
            continue
        if negating is not None:
            tok, negating = "-" + tok, None
        items += _token_items(tok, pq)
    if negating is not None:
        pq.notices.append(_dangling_not(negating))
    pq.groups = _truncations_once(_periods(_place_spellings(_or_groups(items, pq.notices), pq), pq.notices))
    if pq.groups and all(c.negated for c in pq.clauses):
        pq.notices.append("Requête composée seulement d'exclusions : elle s'applique à tout le répertoire.")
    elif typed.strip() and not pq.groups and NOTHING_SEARCHABLE not in pq.notices:
        pq.notices.append(NOTHING_SEARCHABLE)
    return pq


# -- places typed with other separators ------------------------------------------------------------


def _place_spellings(groups: list[list[Clause]], pq: ParsedQuery) -> list[list[Clause]]:
    """A place of the geography tables typed with a space for its hyphens (`Rhone Alpes`: Rhône-Alpes)
    or joined (`Tiziouzou`: Tizi Ouzou), read as the tables spell it (`pq.respelled`: the search says
    so where the reading finds other records, search.respelled_notices): apart, `Rhone Alpes` also listed
    Bouches-du-Rhône's and Provence-Alpes-Côte d'Azur's records, and `Tiziouzou` found the one record
    writing it so of Tizi Ouzou's six."""
    out: list[list[Clause]] = []
    i = 0
    while i < len(groups):
        for n in range(min(MAX_PLACE_WORDS, len(groups) - i), 0, -1):
            words = [w for k in range(n) if (w := _word(groups, i + k))]
            name = spelled_apart(words) if len(words) == n else None
            if name is not None:
                pq.respelled.append((" ".join(words), name, len(pq.notices)))
                out += [[Clause("word", part)] for part in name.split()]
                i += n
                break
        else:
            out.append(groups[i])
            i += 1
    return out


def _inner_stars(text: str, notices: list[str]) -> str:
    """The words with a star elsewhere than at their end (`eau*s`, `*eau`) read with a space for it,
    and said: only a final star completes a word. It was dropped with no word said (`eau*s` listed
    what `eau` lists), then said to separate words while the tokenizer joined the parts as one
    compound word (`ville*jumelle` listed 9, `ville jumelle` 132: the round's review)."""
    def read(m: re.Match) -> str:
        word = m.group(0)
        core = word.rstrip(TRUNCATION)
        if TRUNCATION not in core:
            return word
        spaced = " ".join(re.sub(r"\*+", " ", core).split()) + word[len(core):][:1]
        notices.append(f"« {word} » est lu comme « {spaced} » : l'astérisque ne complète un mot qu'à sa "
                       f"fin ({TRUNCATION_EXAMPLE}).")
        return spaced
    return re.sub(r'[^\s"]+', read, text)


def _without_tags(text: str, notices: list[str]) -> str:
    """The query without the HTML tags pasted with it, said in a notice; a tag right after a
    prefix's colon is taken out without a space (`pays:<b>mali</b>` is `pays:mali`). A query of
    tags alone is kept as typed: it would otherwise list the whole repertoire."""
    tags = list(dict.fromkeys(m.group(0).lstrip(":") for m in _TAG_RE.finditer(text)))
    if not tags:
        return text
    stripped = _TAG_RE.sub(lambda m: ":" if m.group(1) else " ", text)
    if not stripped.strip():
        return text
    shown = ", ".join(f"« {t[:_TAG_CHARS]}{'…' if len(t) > _TAG_CHARS else ''} »" for t in tags[:_TAGS_SHOWN])
    more = f" et {len(tags) - _TAGS_SHOWN} autres" if len(tags) > _TAGS_SHOWN else ""
    notices.append(f"Balises HTML ignorées : {shown}{more}.")
    return stripped


def without_tags(text: str) -> str:
    """The query without the HTML tags pasted with it, as the search reads it (no notice): the
    "did you mean" is written from it, not from the tags just said to be ignored."""
    return _without_tags(text, [])


def _dangling_not(operator: str) -> str:
    return f"Opérateur « {operator} » sans terme après lui : il a été ignoré."


def _token_items(tok: str, pq: ParsedQuery) -> list[Clause | str]:
    """What one raw token says: an operator, a field clause, or words and phrases
    (each one a clause, negated with a leading `-`); what is ignored is noticed."""
    if tok in OR:
        return [tok]  # the operator as typed, which a notice about it repeats
    if tok in ("AND", "ET", "&&", "+"):
        return []  # words are required anyway
    negated = False
    body = tok
    if body.startswith("-") and len(body) > 1:
        negated, body = True, body[1:]
    elif body == "-":
        pq.notices.append("Le signe « - » seul a été ignoré.")
        return []
    m = _PREFIXED_RE.match(body)
    if m and prefix_target(m.group(1)) is not None:
        return _field_clause(m.group(1), m.group(2), negated, pq)
    if m and not body.startswith("http") and (near := close_prefix(m.group(1))) is not None:
        pq.notices.append(f"Le préfixe « {m.group(1)}: » est lu comme « {near}: ».")
        return _field_clause(near, m.group(2), negated, pq)
    if m and not body.startswith("http"):
        # an unknown prefix: read "foo:bar" as the words foo bar
        pq.notices.append(f"Le préfixe « {m.group(1)}: » n'est pas connu : lu comme des mots simples.")
        words = (_unpunctuated(w) for w in re.split(r'[:\s"]+', _INNER_PUNCT_RE.sub(" ", body)))
        return [Clause("word", w, negated) for w in words if w]
    if body.startswith('"') and body.endswith('"') and len(body) >= 2:
        phrase = " ".join(body[1:-1].split())
        return [Clause("phrase" if " " in phrase else "word", phrase, negated)] if phrase else []
    # stray quotes inside a word separate words, and so does a sentence's punctuation between letters
    # (`Kayes,eau` is Kayes and eau; `1,5` stays a number); around a word it is not part of it
    # (`médicale,` is shown as médicale in the explanation and the notices)
    words = (_unpunctuated(w) for w in _INNER_PUNCT_RE.sub(" ", body.replace('"', " ")).split())
    return [Clause("word", word, negated) for word in words if word]


def _unpunctuated(word: str) -> str:
    """`word` without the sentence's punctuation after it, unless that would make it an operator."""
    bare = word.rstrip(_SENTENCE_PUNCT)
    return word if bare in _OPERATORS else bare


def _field_clause(prefix: str, value: str, negated: bool, pq: ParsedQuery) -> list[Clause | str]:
    """`pays:Mali`, `-annee:"2004"`: one clause on the prefix's target; a prefix
    followed by nothing is noticed and ignored."""
    value = " ".join(value.replace('"', " ").split())
    nxt = next_prefix(value, _is_prefix)
    if nxt is not None:  # a next prefix stops the value, as a quote's (quotes_closed): `PAY:0""PAY:` was « 0 PAY: »,
        # which the query understood wrote `pays:"0 PAY:"`, read back as pays:0 and pays:
        return _field_clause(prefix, value[:nxt.start()], negated, pq) + _token_items(value[nxt.start():].strip(), pq)
    if not value:
        pq.empty_prefixes.append(prefix)
        pq.notices.append(f"Le préfixe « {prefix}: » n'est suivi de rien : il a été ignoré.")
        return []
    return [Clause("field", value, negated, prefix_target(prefix))]


def _or_groups(items: list[Clause | str], notices: list[str]) -> list[list[Clause]]:
    """Fold OR into groups (a disjunction each); a dangling OR is reported and
    ignored, and an OR beside an exclusion reads as two conditions."""
    groups: list[list[Clause]] = []
    pending_or: str | None = None  # the OR waiting for its second term, as typed (`OU`)
    for item in items:
        if isinstance(item, str):  # one of OR
            if not groups or pending_or:
                notices.append(_dangling_or(item))
            pending_or = item
            continue
        if pending_or and groups and not item.negated and not any(c.negated for c in groups[-1]):
            groups[-1].append(item)
        else:
            if pending_or and groups:
                notices.append(f"« {pending_or} » avec une exclusion n'a pas de sens : lu comme deux conditions.")
            groups.append([item])
        pending_or = None
    if pending_or and groups:
        notices.append(_dangling_or(pending_or))
    return groups


def _truncations_once(groups: list[list[Clause]]) -> list[list[Clause]]:
    """A truncated word (`co*`) typed again, in any case, read once: each is up to fifty words scored in
    every field (`co*` typed 125 times took 0,65 s of CPU: QA r45, audit 13). A plain word typed twice
    still counts twice (`eau eau`); a truncation is not repeated to weigh more."""
    seen: set[frozenset] = set()
    out: list[list[Clause]] = []
    for group in groups:
        keys = [(c.kind, c.negated, c.target, fold_text(c.text)) if c.text.endswith(TRUNCATION) else None
                for c in group]
        if None not in keys:  # a group of truncations only: once among the groups too
            if frozenset(keys) in seen:
                continue
            seen.add(frozenset(keys))
        out.append([c for i, c in enumerate(group) if keys[i] is None or keys[i] not in keys[:i]])
    return out


def _dangling_or(operator: str) -> str:
    return f"Opérateur « {operator} » sans terme d'un côté : il a été ignoré."


# -- periods ------------------------------------------------------------------------------------
# A period: a span of years (`1980-1985`, `1980..1985`, `1980 à 1985`, `entre 1980 et 1985`, in
# either order) or a decade (`années 1980`, `années 80`). Typed in the words, the query builder
# names each of its years as a year typed alone; as a prefix's value (`annee:2001-2005`), it
# selects the facet's years in it.
TRUNCATION = "*"  # `assainiss*`: any word beginning so, as a library catalogue reads it
TRUNCATION_EXAMPLE = "assainiss*"
_FRENCH_NUMBERS = {2: "deux", 3: "trois", 4: "quatre"}
TOO_SHORT = ("« {} » : il faut au moins " + _FRENCH_NUMBERS.get(MIN_TRUNCATED, str(MIN_TRUNCATED))
             + " lettres avant l'astérisque ; le mot est cherché tel quel.")


def truncated(word: str, least: int = MIN_TRUNCATED) -> str | None:
    """The folded beginning a word typed with a final star asks for (`assainiss*`; `l'agricult*`:
    `agricult`), None for any other word or fewer than `least` letters."""
    if not word.endswith(TRUNCATION):
        return None
    begins = re.sub(r"[^0-9a-z]", "", fold_text(re.split(r"['’]", word.rstrip(TRUNCATION))[-1]))
    return begins if len(begins) >= least else None


MAX_SPAN = 31  # years a period typed in the words may cover (`1980-2010`); a longer one is read as typed
YEAR_SPAN_RE = re.compile(r"(\d{4})\s*(?:-|–|\.\.|au|a)\s*(\d{4})")
_BETWEEN_RE = re.compile(r"entre\s+(\d{4})\s+et\s+(\d{4})")  # folded; `1995 et 2000` alone is two years
_DECADE_RE = re.compile(r"annees\s+((?:19|20)\d0|[5-9]0)")  # folded; `80` is the twentieth century's
_YEAR_RE = re.compile(YEAR)


def read_forwards(first: int, second: int) -> str:
    """What a notice says of a period given backwards, in a prefix or in the API's parameters."""
    return f"La période de {first} à {second} est lue de {second} à {first}."


def reversed_period(text: str) -> tuple[int, int] | None:
    """The two years of a period written backwards (`1990-1980`), as typed; None otherwise."""
    span = YEAR_SPAN_RE.fullmatch(fold_text(text).strip())
    if span and int(span.group(1)) > int(span.group(2)):
        return int(span.group(1)), int(span.group(2))
    return None


def period_years(text: str, longest: int | None = MAX_SPAN) -> range | None:
    """The years of the period `text` writes, None for anything else; with `longest` (the words'
    periods), only years the documents may name (indexer.text.YEAR), fewer than `longest` of them."""
    key = fold_text(text).strip()
    if decade := _DECADE_RE.fullmatch(key):
        low = int(decade.group(1)) if len(decade.group(1)) == 4 else 1900 + int(decade.group(1))
        high = low + 9
    elif span := YEAR_SPAN_RE.fullmatch(key) or _BETWEEN_RE.fullmatch(key):
        low, high = sorted(int(y) for y in span.groups())
    else:
        return None
    if longest is not None and not (_YEAR_RE.fullmatch(str(low)) and _YEAR_RE.fullmatch(str(high))
                                    and 0 < high - low < longest):
        return None
    return range(low, high + 1)


# the words before a year that bound a period on one side, folded: `avant 1990`, `après 2000`,
# `jusqu'en 1995`, `à partir de 2000` (not `depuis`: `jumelé depuis 1985` asks for the start, 1985)
_OPEN_PERIODS = {("avant",): "<", ("apres",): ">", ("jusqu'en",): "<=", ("jusqu'a",): "<=",
                 ("a", "partir", "de"): ">="}


def _word(groups: list[list[Clause]], i: int) -> str | None:
    """The i-th group's text when it is one positive plain word."""
    g = groups[i] if i < len(groups) else None
    return g[0].text if g and len(g) == 1 and g[0].kind == "word" and not g[0].negated else None


def _open_periods(groups: list[list[Clause]], notices: list[str]) -> list[list[Clause]]:
    """`avant 1990` and the like, the year facet's bound (`année:<1990`), and said: typed as words,
    `avant` was looked for and 1990 ranked the records naming 1990 first, the very year excluded."""
    out: list[list[Clause]] = []
    i = 0
    while i < len(groups):
        for lead, op in _OPEN_PERIODS.items():
            words = [w for k in range(len(lead) + 1) if (w := _word(groups, i + k))]
            if len(words) == len(lead) + 1 and tuple(fold_text(w) for w in words[:-1]) == lead \
                    and _YEAR_RE.fullmatch(words[-1]):
                clause = Clause("field", f"{op}{words[-1]}", target=YEAR_FACET)
                notices.append(f"« {' '.join(words)} » est lu comme « {clause.render()} ».")
                out.append([clause])
                i += len(words)
                break
        else:
            out.append(groups[i])
            i += 1
    return out


def _too_long(word: str) -> range | None:
    """The years of a period typed as one word, in order, of the years a search knows (YEAR_MIN to
    YEAR_MAX, as year_from and year_to), but too long to be read as a period (`1900-1990`); None for
    any other word (`2006-1772`, a law's number)."""
    years = period_years(word, longest=None)
    if not years or reversed_period(word) or not (YEAR_MIN <= years[0] and years[-1] <= YEAR_MAX):
        return None
    return years if len(years) > MAX_SPAN else None


def _periods(groups: list[list[Clause]], notices: list[str]) -> list[list[Clause]]:
    """Words saying a period (`années 1980`, `1980 à 1985`, `entre 1980 et 1985`), one clause of its
    span (`1980-1989`): typed as words, each was looked for apart (`années` in every sheet dating
    something, 1980 as one year); a user asking for a decade wants its ten years. A decade is said
    in a notice."""
    if not any(ch.isdigit() for g in groups for c in g for ch in c.text):  # most queries: no year
        return groups
    groups = _open_periods(groups, notices)
    out: list[list[Clause]] = []
    i = 0
    while i < len(groups):
        for size in (2, 3, 4):
            words = [_word(groups, i + k) for k in range(size)]
            text = " ".join(w for w in words if w) if all(words) else ""
            years = period_years(text) if text else None
            if size == 2 and not years and (too_long := _too_long(words[0] or "")):
                notices.append(f"« {words[0]} » couvre plus de {MAX_SPAN} ans : cherché comme un mot, "
                               f"pas comme une période (« année:{too_long[0]}-{too_long[-1]} » filtre ces années).")
            if years:
                out.append([Clause("word", f"{years[0]}-{years[-1]}")])
                if _DECADE_RE.fullmatch(fold_text(text)):
                    notices.append(f"« {text} » est lu comme la période de {years[0]} à {years[-1]}.")
                i += size
                break
        else:
            out.append(groups[i])
            i += 1
    return out


_BOUND_RE = re.compile(r"(<=|>=|<|>)\s*(\d{4})")


def names_years(text: str) -> bool:
    """Whether a prefix's value writes years as `match_facet_value` reads them: a period (`2001-2005`,
    `années 1980`) or a bound (`<1990`); a year alone is the facet's own pattern."""
    key = fold_text(text).strip()
    return bool(period_years(key, longest=None) or _BOUND_RE.fullmatch(key))
_BOUNDS = {"<": int.__lt__, "<=": int.__le__, ">": int.__gt__, ">=": int.__ge__}


def match_facet_value(values, text: str) -> list:
    """Facet values a prefix value designates: exact (folded) first, else those
    starting with it, else those containing it as a word; of a facet of years, a
    period (`2001-2005`, `années 1980`) designates the years in it (as the API's `year_from` and
    `year_to`), and a bound (`<1990`, `>=2000`) those on its side."""
    key = fold_text(text).strip()
    if not key:
        return []
    span, bound = period_years(key, longest=None), _BOUND_RE.fullmatch(key)
    if (span or bound) and values and all(isinstance(v, int) for v in values):  # a facet of years
        if span:
            return [v for v in values if span[0] <= v <= span[-1]]
        if bound:  # `<1990`, `>=2000`: a period open on one side
            return [v for v in values if _BOUNDS[bound.group(1)](v, int(bound.group(2)))]
    exact = [v for v in values if fold_text(str(v)) == key]
    if exact:
        return exact
    starts = [v for v in values if fold_text(str(v)).startswith(key)]
    if starts:
        return starts
    return [v for v in values if f" {key}" in f" {fold_text(str(v))}"]


def labelled(labels, text: str, words=None):
    """The one value whose label (`Facet.value_labels`, as the page shows it) or one of its other
    words (`Facet.value_words`) begins as `text` does, folded (`partenariat`: « Partenariats »,
    `projet`: the actions); None when none or several do."""
    key = fold_text(text).strip()
    names = [(value, label) for value, label in labels.items()]
    names += [(value, word) for value, others in (words or {}).items() for word in others]
    found = {value for value, name in names if key and fold_text(name).startswith(key)}
    return found.pop() if len(found) == 1 else None
