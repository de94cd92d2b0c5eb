"""The typed text before querylang reads it as clauses: a quote left open, brackets (which group nothing
here, but carry a prefix or an exclusion to each of their terms) and the split into raw tokens."""
from __future__ import annotations

import re

NOT = ("NOT", "SAUF")  # before a word, as `-` is stuck to it (`eau NOT Kayes`, `eau SAUF Kayes`)
OR = ("OR", "OU", "|")  # a disjunction, as it stands between clauses before they are grouped
_PREFIX = r'(?<!\S)-?[^\s:"()\[\]{}]+:'  # a prefix as typed before its value, an exclusion's minus with it
TOKEN_RE = re.compile(r'''(-?)(?:([^\s:"]+):)?"([^"]*)"|(\S+)''')


def raw_tokens(text: str) -> list[str]:
    """Split into raw tokens, keeping quoted phrases (with optional -/prefix) whole."""
    return [m.group(0) for m in TOKEN_RE.finditer(text)]


# a quote left open on a prefix's value, alone or in the prefix's group, as the search box leaves it
# while a value is typed: `pays:"Maroc`, `pays:(Mali OR "Maroc`, `collectivite:"saint ét*`
_OPEN_VALUE_RE = re.compile(_PREFIX + r'(?P<group>[(\[{](?:[^()\[\]{}"]|"[^"]*")*)?"[^"]*$')


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


def quotes_closed(text: str, notices: list[str]) -> str:
    """The query with its quotes paired. A quote left open on a prefix's value is closed at the end
    (before a group's closing bracket; in a group closed after it, at its bracket): `pays:"Maroc` was
    dropped, leaving `pays:` empty (the API refused it) and `pays:(Mali OR "Maroc` listed 0.
    Any other is dropped and its words read as plain words."""
    if text.count('"') % 2 == 0:
        return text
    if m := _OPEN_VALUE_RE.search(text):
        # in a group the user closed, the value ends with it: `pays:(Mali OR "Maroc) eau` read « Maroc) eau »
        # as the value, which no country has, and lost the word
        close = _group_end(text, text.rfind('"')) if m["group"] else None
        end = len(text.rstrip(" )]}")) if close is None else len(text[:close].rstrip())
        notices.append("Guillemet non fermé : la valeur est lue jusqu'à la fin de son groupe."
                       if close is not None and text[close + 1:].strip() else
                       "Guillemet non fermé : la valeur est lue jusqu'à la fin de la requête.")
        return text[:end] + '"' + text[end:]
    idx = text.rfind('"')
    notices.append("Guillemet non fermé : les mots qui suivent sont lus comme des mots simples.")
    return text[:idx] + " " + text[idx + 1:]


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
