"""The typed text before querylang reads it as clauses: a quote left open, brackets (which group nothing
here, but carry a prefix or an exclusion to each of their terms) and the split into raw tokens."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

NOT = ("NOT", "SAUF")  # before a word, as `-` is stuck to it (`eau NOT Kayes`, `eau SAUF Kayes`)
OR = ("OR", "OU", "|")  # a disjunction, as it stands between clauses before they are grouped
_PREFIX = r'(?<!\S)-?[^\s:"()\[\]{}]+:'  # a prefix as typed before its value, an exclusion's minus with it
TOKEN_RE = re.compile(r'''(-?)(?:([^\s:"]+):)?"([^"]*)"|(\S+)''')


def raw_tokens(text: str) -> list[str]:
    """Split into raw tokens, keeping quoted phrases (with optional -/prefix) whole."""
    return [m.group(0) for m in TOKEN_RE.finditer(text)]


# a quote left open on a prefix's value, alone or in the prefix's group, as the search box leaves it
# while a value is typed: `pays:"Maroc`, `pays:(Mali OR "Maroc`, `collectivite:"saint ét*`
_VALUE_START_RE = re.compile(_PREFIX + r'(?P<group>[(\[{])?')  # a prefix's value, or its group, begins
_NEXT_PREFIX_RE = re.compile(r'\s-?(?P<name>[^\s:"()\[\]{}]+):')  # a prefix typed inside a value left open


def next_prefix(text: str, is_prefix: Callable[[str], bool]) -> re.Match[str] | None:
    """The first ` prefix:` (or ` -prefix:`) typed inside `text` whose name `is_prefix` knows, else None."""
    return next((m for m in _NEXT_PREFIX_RE.finditer(text) if is_prefix(m["name"])), None)


# the most words a value has (a name: « Conférence des Ministres de l'Intérieur des pays de la méditerranée
# occidentale »; tests/test_query_open_value.py checks the index's): an open value's beginnings of at most so
# many words are what `selects` is asked of, the longest first
MAX_VALUE_WORDS = 11
MAX_STOPPED = 10  # values left open a next prefix stops whose beginnings `selects` is asked of; the next read whole
# (prefix as typed, a value, whether it is the whole value typed or a beginning of it): whether that value
# selects any record (engine.openvalue), for a value left open
Selects = Callable[[str, str, bool], bool]


def _group_end(text: str, start: int) -> int | None:
    """Where the group a quote at `start` stands in is closed after it (its bracket's position), None if it is not:
    brackets opened after the quote are a value's own (`"Bamako (District)`)."""
    depth = 0
    for i in range(start + 1, len(text)):
        if text[i] in "([{":
            depth += 1
        elif text[i] in ")]}":
            if not depth:
                return i
            depth -= 1
    return None


def _own_brackets_kept(text: str, start: int) -> int:
    """Where a value from `start` to the end stops: before the closing brackets after it, of groups opened
    before it (`(eau OR pays:"Maroc)`), not those closing its own (`collectivite:"Kayes (Commune)` read
    « Kayes (Commune »: review 2 r51, L3)."""
    end = len(text.rstrip())
    unopened = -_depth(text[start:end])  # closers with no opener in the value: each one stripped opens one less
    while unopened > 0 and end > start and text[end - 1] in ")]}":
        end, unopened = len(text[:end - 1].rstrip()), unopened - 1
    return max(end, start)


def _depth(value: str) -> int:
    return sum(value.count(c) for c in "([{") - sum(value.count(c) for c in ")]}")


@dataclass
class _OpenValue:
    prefix: str  # as typed, without the exclusion's minus
    start: int  # the value's first character, after its quote
    end: int  # where the value read to the end stops (a bracket closing its group, the end, a next prefix)
    group: bool  # in the prefix's group (`pays:(Mali OR "Maroc`)
    closed: int | None  # that group's closing bracket, when the user typed it
    before: str | None = None  # the prefix typed after the value, which stopped it (`pays:"Maroc pays:"Mali"`)


def _value_quotes(text: str, m: re.Match) -> list[int]:
    """The quotes opening a value of the prefix `m` matched: the one after it, or those of its group,
    each paired with none before it, up to a bracket (the group's, or another)."""
    if not m["group"]:
        return [m.end()] if text.startswith('"', m.end()) and not text.count('"', 0, m.end()) % 2 else []
    out, i = [], m.end()
    while i < len(text) and text[i] not in "()[]{}":
        if text[i] == '"':
            if text.count('"', 0, i) % 2:
                i += 1
                continue
            out.append(i)
            i = text.find('"', i + 1)
            if i < 0:
                break
        i += 1
    return out


def _open_value(text: str, is_prefix: Callable[[str], bool]) -> _OpenValue | None:
    """The value a quote was left open on: the first quote opening a prefix's value whose words run into a
    next prefix (`pays:"Maroc pays:"Mali"`: the value was « Maroc pays: »), else the value a last quote
    opens (`pays:"Maroc`); None when no quote was left open on a value."""
    for m in _VALUE_START_RE.finditer(text):
        for quote in _value_quotes(text, m):
            stop = text.find('"', quote + 1)
            region = text[quote + 1:len(text) if stop < 0 else stop]
            nxt = next_prefix(region, is_prefix)
            closed = _group_end(text, quote) if m["group"] else None
            prefix = m.group(0).lstrip("-").split(":", 1)[0]
            if nxt is not None and (closed is None or quote + 1 + nxt.start() < closed):
                return _OpenValue(prefix, quote + 1, quote + 1 + nxt.start(), bool(m["group"]), None,
                                  nxt.group(0).strip())
            if stop < 0:
                end = _own_brackets_kept(text, quote + 1) if closed is None else len(text[:closed].rstrip())
                return _OpenValue(prefix, quote + 1, end, bool(m["group"]), closed)  # end > quote: rstrip keeps it
    return None


def _known_beginning(value: str, prefix: str, selects: Selects) -> str | None:
    """The longest beginning of `value`, in whole words, that selects records (`Maroc` of « Maroc eau »),
    when the whole value selects none; None otherwise (the whole is read as the value). Only beginnings
    a value may be are asked: the 10 longest of a value of 14 words never reached « Maroc » (review 2 r51, L2)."""
    cuts = [m.start() for m in re.finditer(r"\s+", value.strip())][:MAX_VALUE_WORDS][::-1]
    if not cuts or selects(prefix, value.strip(), True):
        return None
    return next((value.strip()[:c] for c in cuts if selects(prefix, value.strip()[:c], False)), None)


def quotes_closed(text: str, notices: list[str], is_prefix: Callable[[str], bool],
                  selects: Selects | None = None) -> str:
    """The query with its quotes paired. A quote left open on a prefix's value is closed at the end
    (before a group's closing bracket; in a group closed after it, at its bracket), or before the next
    prefix (`is_prefix`) typed in it: `pays:"Maroc` was dropped, leaving `pays:` empty (the API refused
    it) and `pays:(Mali OR "Maroc` listed 0; `pays:"Maroc pays:"Mali"` read « Maroc pays: ». When the
    value so read selects nothing but a beginning of it does (`selects`: `pays:"Maroc eau`), the value is
    that beginning, and the rest is words: « Maroc eau » took the user's word and listed 0.
    Whatever the count of quotes: a quote the next prefix's value took (`pays:"Maroc pays:"Mali`) or
    that closes it (`pays:"Maroc domaine:Santé"`) paired the one left open, and the value read « Maroc
    pays: », « Maroc domaine:Santé », 0 results (review 2 r51, L1); each value so stopped is read in turn.
    Any other open quote is dropped and its words read as plain words."""
    if '"' not in text or not text.count('"') % 2 and ":" not in "".join(text.split('"')[1::2]):
        return text  # (most queries: no quote, or none paired around a prefix that may stop a value)
    # each stop closes a value before a next prefix, so there are fewer than the query's colons; past
    # MAX_STOPPED, a value is read whole, `selects` no more asked: the 11th lost its quote and the page
    # said falsely that its prefix « n'est suivi de rien » (review 2 of r52, L1)
    turns = 0
    for turns in range(text.count(":") + 1):
        opened = _open_value(text, is_prefix)
        if opened is None or opened.before is None:
            break
        text = _value_closed(text, opened, notices, is_prefix, selects if turns < MAX_STOPPED else None)
    else:
        opened = None
    if text.count('"') % 2 == 0:
        return text
    if opened is None:
        idx = text.rfind('"')
        notices.append("Guillemet non fermé : les mots qui suivent sont lus comme des mots simples.")
        return text[:idx] + " " + text[idx + 1:]
    return _value_closed(text, opened, notices, is_prefix, selects if turns < MAX_STOPPED else None)


def _value_closed(text: str, opened: _OpenValue, notices: list[str], is_prefix: Callable[[str], bool],
                  selects: Selects | None) -> str:
    """The query with the value left open closed where it ends (quotes_closed), said in a notice; a next
    prefix that stopped it takes the quote that paired it (`pays:"Maroc domaine:Santé"` is
    `pays:"Maroc" domaine:"Santé"`)."""
    value = text[opened.start:opened.end]
    known = _known_beginning(value, opened.prefix, selects) \
        if selects is not None and value.strip() and is_prefix(opened.prefix) else None
    cut = opened.start + len(value.rstrip())
    if known is not None:
        cut = opened.start + len(value) - len(value.lstrip()) + len(known)
        rest = text[cut:opened.end if opened.closed is not None or opened.before else len(text)].strip()
        notices.append(f"Guillemet non fermé : la valeur lue est « {known} » ; la suite, « {rest} », est lue "
                       "comme des mots simples.")
    elif opened.before is not None:
        if value.strip():  # (an empty one, as below)
            notices.append(f"Guillemet non fermé : la valeur lue est « {value.strip()} », jusqu'au préfixe "
                           f"« {opened.before} » qui la suit.")
    elif value.strip():  # an empty one is said by the prefix's own notice (`pays:"`: « n'est suivi de rien »)
        notices.append("Guillemet non fermé : la valeur est lue jusqu'à la fin de son groupe."
                       if opened.closed is not None and text[opened.closed + 1:].strip() else
                       "Guillemet non fermé : la valeur est lue jusqu'à la fin de la requête.")
    if opened.before is not None and text.count('"') % 2 == 0:  # its quote paired it: the next value's now
        after = opened.end + 1 + len(opened.before)  # (the prefix's colon, after the space before it)
        # not before a group: the quote is a value's in it (`domaine:"Santé pays:(Mali OR "Maroc` read
        # pays:"(Mali OR" Maroc, 0), which the next turn reads as any value left open in a group
        if not text.startswith(('"', "(", "[", "{"), after):
            text = text[:after] + '"' + text[after:]
    if not opened.group or known is None and opened.before is None:
        return text[:cut] + '"' + text[cut:]
    if opened.closed is not None:  # the rest leaves the group the user closed: `pays:(Mali OR "Maroc) eau`
        return text[:cut] + '")' + text[cut:opened.closed] + text[opened.closed + 1:]
    return text[:cut] + '")' + text[cut:]  # the group closes with its value


# brackets typed to group words, outside quotes: `(eau OR santé) Mali`, `eau (santé OR)`
_BRACKET_RE = re.compile(r'"[^"]*"|([()\[\]{}])')
# ... where an operator takes a group of several words: `(eau potable) OR santé`, `-(eau potable)`, `NOT (eau potable)`
_GROUP = r"[(\[{]\s*\S+\s+[^()\[\]{}]*?\S\s*[)\]}]"
_GROUP_OPERATOR_RE = re.compile(rf"{_GROUP}\s*(?P<after>OR|OU|\|)(?=\s)|"
                                rf"(?<=\s)(?P<before>OR|OU|\||NOT|SAUF)\s*{_GROUP}|(?<=\s)(?P<minus>-)\s*{_GROUP}")
GROUPS_UNSUPPORTED = "Les parenthèses ne groupent pas les mots : "  # then what the operator typed takes


def groups_unsupported(operator: str) -> str:
    """The notice for an operator typed before or after a group of several words, named as typed:
    an OR takes the two words beside it, an exclusion the word after it."""
    takes = "les deux mots qui l'entourent" if operator in OR else "le mot qui le suit"
    return f"{GROUPS_UNSUPPORTED}« {operator} » ne porte que sur {takes}."


# a group after a prefix or an exclusion: `domaine:(Santé OR Culture)`, `-pays:(Mali OR Maroc)`, `NOT (eau OR puits)`
_HEADED_GROUP_RE = re.compile(r'(?<!\S)(-?[^\s:"()\[\]{}-][^\s:"()\[\]{}]*:|-|(?:NOT|SAUF)\s+)\s*'
                              r'[(\[{]((?:[^()\[\]{}"]|"[^"]*")*)[)\]}]')
_OPEN_GROUP_RE = re.compile(_PREFIX + r'\((?:[^()"]|"[^"]*")*$')  # `pays:(Mali OR Maroc`, left open


def _distributed(m: re.Match) -> str:
    """A prefix or an exclusion before a group, as the group's terms each take it: `domaine:(Santé OR
    Culture)` is `domaine:Santé OR domaine:Culture` (the prefix kept on every value, not on the first
    only), `-(eau OR puits)` is `-eau -puits`, `region:(Nioro du Sahel)` is `region:"Nioro du Sahel"`.
    An exclusion of several words without OR (`-(eau potable)`) is left to the notice."""
    head = m.group(1).strip()
    terms: list[list[str]] = [[]]
    for tok in raw_tokens(m.group(2)):
        if tok in OR:
            terms.append([])
        else:
            terms[-1].append(tok)
    values = [t[0] if len(t) == 1 else '"' + " ".join(w.strip('"') for w in t) + '"' for t in terms if t]
    if not values:
        return m.group(0)
    negated = head.startswith("-") or head in NOT
    prefix = head.lstrip("-") if head.endswith(":") else ""
    if not negated:
        return " OR ".join(prefix + v for v in values)
    if len(values) == 1 and len(terms[0]) > 1 and not prefix:
        return m.group(0)
    return " ".join("-" + prefix + v for v in values)


def ungrouped(text: str, notices: list[str]) -> str:
    """The query without its brackets, which group nothing here: each word is required and OR joins
    the words on either side of it (`(eau OR santé) Mali` reads as typed; a bracket left on an
    operator, `OR)`, made it a word). Where OR stood between a group and a word, the notice says how
    it was read."""
    if _OPEN_GROUP_RE.search(text):  # a pick or a typist left it open: it runs to the end (review 3 r49, H1)
        text += ")"
        notices.append("Groupe ouvert par « ( » : il va jusqu'à la fin de la requête.")
    text = _HEADED_GROUP_RE.sub(_distributed, text)

    def out(m: re.Match) -> str:
        if not m.group(1):
            return m.group(0)  # a quoted phrase is kept as typed
        return "" if m.start() and text[m.start() - 1] in ":-" else " "  # `pays:(Mali)`, `-(eau)`
    stripped = _BRACKET_RE.sub(out, text)
    if stripped != text and (m := _GROUP_OPERATOR_RE.search(f" {text} ")):
        notices.append(groups_unsupported(m.group("after") or m.group("before") or m.group("minus")))
    return stripped
