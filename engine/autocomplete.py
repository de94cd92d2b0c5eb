"""What a typed beginning is offered (Engine.suggest): the collectivity and place names it begins
as the search reads it (`St D` -> Saint-Denis, `CG Is` -> Conseil général de l'Isère), a place's
name for another spelling the search reads as it (`Timb` -> « Tombouctou (Timbuktu) »), and the
words of the sheets it begins (`latr` -> latrines, `maraî` -> maraîchage, maraîchers): a topic is
found before it is typed whole, spelled as the sheets spell it."""
from __future__ import annotations

import re
from collections.abc import Callable

from analyzers import find_graded_expansions
from analyzers.filters import SAINTS, normalize_saint
from analyzers.stopwords import STOPWORDS
from analyzers.vocabulary import SYNONYM

from .querylang import NAME_PREFIXES
from .state import IndexState, NameEntry, folded_words

SHORTEST = 3  # letters typed before words are offered: `ma` begins too many to be a hint
CANDIDATES = 60  # the most frequent words of a beginning looked at, for `most` of them kept
READINGS = 8  # at most so many readings of the typed words (each acronym read adds some)

Reading = tuple[tuple[str, ...], bool]  # the typed words read one way, and whether the last is being typed


def names_begun(st: IndexState, keys: list[str], most: int) -> list[tuple[list[Reading], list[NameEntry]]]:
    """For each folded typed key (the longest run of the query's last words first), its readings and
    the first `most` names they begin, in the order of `st.names` (most frequent first), in one scan
    of the names: a key is the answer when it is offered something, so once a name is begun by a key
    the shorter ones are no longer tried (the longer one offers that name, or domains and words
    filling the list), and a name begun by a longer key is not tried with the shorter ones. The box
    tried its last six, five… one words each with a scan of its own (4-22 ms a keystroke, up to
    149 ms with acronyms: review r43). Only the keys up to the first one begun come out whole."""
    readings = [typed_readings(k) for k in keys]
    lasts = {_last(r) for rs in readings for r in rs}  # the typed last words, a name's first look
    found: list[list[NameEntry]] = [[] for _ in keys]
    alive = len(keys) if most > 0 else 0  # the keys still to try: those before the first one begun
    for e in st.names:
        fitting = {last for last in lasts if any(_fits(last[0], w, last[1]) for w in e.words)}
        if not fitting:  # most names: no word of theirs fits the last word typed, begun by no reading
            continue
        for i in range(alive):
            if len(found[i]) >= most:  # begun (so the last alive) and full: e changes nothing
                break
            if any(_last(r) in fitting and _begins(r, e.words) for r in readings[i]):
                found[i].append(e)
                alive = i + 1
                break
        if alive == 1 and len(found[0]) >= most:  # the longest key begun `most` names: it is the answer
            break
    return list(zip(readings, found, strict=True))


def offered_names(st: IndexState, readings: list[Reading], begun: list[NameEntry], room: int,
                  count: Callable[[str], int]) -> list[dict]:
    """At most `room` of the names `begun` (names_begun), then the names the tables give another
    spelling the `readings` begin; each with what picking it lists (`count` of its query)."""
    out = []
    for e in begun[:max(room, 0)]:
        query = picked_name(e)
        out.append({"name": e.name, "kind": e.kind, "country": e.country, "count": count(query), "query": query})
    if len(begun) >= room:
        return out
    return out + other_names(st, readings, out, count)[:room - len(out)]


def typed_readings(key: str) -> list[Reading]:
    """The typed words as written, then as the search also reads them: the vocabulary's synonyms
    (`CG` is « conseil général », `CU` « communauté urbaine » or « commune urbaine »). A hyphen, an
    apostrophe and a space part words alike (`Tizi-` is Tizi Ouzou's first word typed whole); the
    last word is being typed unless a separator follows it. QA r43, audit 6, defect 2: `Tizi-`,
    `Rhone A`, `Saint D`, `CG Isère` were offered nothing."""
    words = folded_words(key)
    if not words:
        return []
    typing = key[-1].isalnum()
    readings: list[Reading] = [(words, typing)]
    for start, end, alternatives in reversed(find_graded_expansions(list(words))):  # the last span first:
        for typed, last_typing in list(readings):  # the indices of those before it hold
            for phrase, kind in alternatives:
                if len(readings) >= READINGS:  # checked before each one, not once built: each acronym
                    return readings  # multiplies them (`CU` ×33 would be 3^33, review 2 r43 #1)
                if kind == SYNONYM:
                    read = typed[:start] + folded_words(phrase) + typed[end:]
                    readings.append((read, last_typing and end < len(words)))  # `CG` read whole
    return readings


def _begins(reading: Reading, words: tuple[str, ...]) -> bool:
    """Whether a name's words hold the typed ones in order from any of its words, the last one
    begun only while it is being typed; the name's stop words between two typed words may be left
    out (`CG Isère`: « Conseil général de l'Isère », `Nioro Sahel`: « Nioro du Sahel »)."""
    typed, typing = reading
    last = len(typed) - 1
    for start in range(len(words)):
        at = start
        for i, word in enumerate(typed):
            begun = typing and i == last
            while i and at < len(words) and not _fits(word, words[at], begun) and words[at] in STOPWORDS:
                at += 1
            if at >= len(words) or not _fits(word, words[at], begun):
                break
            at += 1
        else:
            return True
    return False


def _last(reading: Reading) -> tuple[str, bool]:
    """A reading's last typed word and whether it is being typed: `_begins` fits it to a name's word."""
    return reading[0][-1], reading[1]


def _fits(typed: str, word: str, begun: bool) -> bool:
    """A typed word against a name's, as written or as the search reads Saint: `St`, `Ste` are Saint,
    Sainte (the analyzer's normalize_saint), so `St D` begins Saint-Denis."""
    if word.startswith(typed) if begun else word == typed:
        return True
    if word not in SAINTS:  # (the only words the reading changes: checked first, at every keystroke)
        return False
    typed, word = normalize_saint(typed), normalize_saint(word)
    return word.startswith(typed) if begun else word == typed


def other_names(st: IndexState, readings: list[Reading], offered: list[dict],
                count: Callable[[str], int]) -> list[dict]:
    """The names the geography tables give the places of another spelling the typed words begin
    (`Timb` -> « Tombouctou (Timbuktu) », `Fez` -> « Fès (Fez) »): the search reads that spelling as
    the name (geography.spelled_otherwise), the suggestion says so and picks the name. Not those
    already `offered` (`Bam` offers District de Bamako itself), nor a spelling that is the name of a
    collectivity offered listing as many (`Clichy-la` offers Clichy-la-Garenne, not also « Clichy
    (Clichy-la-Garenne) »: the same partnerships twice; but `El Jed` offers « El Jadida (El Jedida) », 2,
    beside « Commune urbaine d'El Jedida », 1: review 3 r43, #12), nor a name whose search lists nothing;
    the most listed first. QA r43, audit 6, defect 10, and the round's review."""
    queries = {o["query"] for o in offered}
    offered_words = [(folded_words(o["name"]), o["count"]) for o in offered]
    entries: dict[str, tuple[str, str, set[int], NameEntry | None]] = {}  # name -> the spelling typed, its
    for spelling, words, name, country, e in st.other_spelled:  # country, what the collectivities it ends
        if any(_begins(r, words) for r in readings):  # list, and its entry
            ending = {listed for n, listed in offered_words if n[-len(words):] == words}
            entries.setdefault(name, (spelling, country, ending, e))
    out = []
    for name, (spelling, country, ending, e) in entries.items():
        query = picked_name(e) if e else name
        listed = count(query) if query not in queries else 0
        if listed and listed not in ending:
            out.append({"name": f"{name} ({spelling})", "kind": e.kind if e else "lieu",
                        "country": e.country if e else country, "count": listed, "query": query})
    return sorted(out, key=lambda o: -o["count"])


def words_starting(state: IndexState, key: str, listed: Callable[[str], int], most: int = 3) -> list[dict]:
    """At most `most` words beginning with the folded `key`, the most frequent first, one per
    stem (`maraîchage`, not also `maraîchages`), each as written in lower case (a contact's
    `Daniel` or a place's `Kayes` is no topic: names are offered apart) with the number of
    partnerships its search lists (`listed`). Left out: stop words, the word typed whole and a
    word whose search lists nothing."""
    key = re.split(r"['’]", key)[-1]  # `l'assain`: the word after its elision
    if len(key) < SHORTEST:
        return []
    tables = state.vocabulary
    forms = tables.lowercase_forms()
    found, _ = tables.starting_with(key, CANDIDATES)
    written = [forms[w] for w in found if w in forms and w != key]
    stems = tables.terms_of(written)
    seen: set[frozenset[str]] = set()
    out: list[dict] = []
    for word in written:
        terms = stems.get(word)
        if not terms or terms in seen:  # a stop word (no terms), or a stem already offered
            continue
        seen.add(terms)
        count = listed(word)
        if count:
            out.append({"name": word, "kind": "mot", "country": None, "count": count, "query": word})
        if len(out) >= most:
            break
    return out


def picked_name(entry: NameEntry) -> str:
    """What picking a name puts in the box: a collectivity's prefix, `collectivité:"…"`, which
    restricts the search to it (its bare words were optional once softened: « eau Assemblée régionale
    de Kayes » listed 47); a place's name as typed, and so a collectivity's that is also a region's
    or a cercle's (Koulikoro): the place holds the collectivity."""
    if entry.kind == "lieu" or entry.place:
        return entry.name
    return f'{NAME_PREFIXES[0]}:"{entry.name.replace(chr(34), "")}"'
