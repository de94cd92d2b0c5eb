"""Scores from a query plan: which documents match, and how much each part adds.

The query builder hands over one group per query word, each with its
alternatives (the word, its family, synonyms, typos); the ranker reads each
group's scores (`groupscores.py`; BM25F, leaf by leaf, `matching.py`), decides
which documents have enough of the words (in the places the query names,
`queryplaces.py`), and adds the bonuses. Every number comes from the ranking
profile. `explain.py` retraces one document's score part by part.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from whoosh import query as Q

from indexer.domains import domains_of_text
from indexer.facet_registry import DOMAIN
from indexer.schema import NAME_FIELDS, facet_field, facet_slug
from indexer.text import french_list

from . import ranking_profile
from .fillers import is_name_particle, is_place_kind
from .groupscores import ScoreFn, all_of, group_scores, inherited_scores, rarity
from .placenames import is_council_word
from .querymodel import VIA_YEAR, BuiltQuery, Group
from .queryplaces import COUNTRY, PLACE, Places, gate_places, in_the_places, names_who_or_where, place_cap, place_roles

FALLBACK_NOTICE = "Aucun résultat ne contient tous les mots : voici ceux qui en contiennent au moins un."
PARTIAL_NOTICE = ("Certains résultats ne contiennent pas tous les mots : ils sont classés "
                  "d'autant plus bas qu'il leur en manque.")


def missing_notice(words: list[str], searched: bool = True) -> str:
    """Words no document has, nor any of their expansions: they weigh nothing in the coverage
    (their rarity is 0), so the results are those of the other words (`searched`), and the user is told."""
    listed = " ni ".join(f"« {w} »" for w in words)
    return f"Aucun document ne contient {listed}" + (" : la recherche porte sur les autres mots." if searched else ".")


@dataclass
class Ranking:
    scores: dict[int, float] | None  # None: no text, every document (browsing)
    fallback: bool = False  # no document had all the words: any word did
    fallback_notice: str = FALLBACK_NOTICE  # ... and where (_fallback_in_the_places)
    partial: bool = False  # documents with only some of the words are listed
    notices: list[str] = field(default_factory=list)
    # what the scores were made of (read back by explain.py)
    parts: list[Mapping[int, float]] = field(default_factory=list)  # per word group: docnum -> score
    weights: list[float] = field(default_factory=list)  # per word group: its rarity
    cover: dict[int, float] | None = None  # docnum -> share of the word weight (None: every word)
    proximity: Mapping[int, float] = field(default_factory=dict)
    name: Mapping[int, float] = field(default_factory=dict)
    # documents what the query says of the collectivity sought rules out (times profile.abroad):
    # abroad when it calls it French, of another kind when a question asks for a kind
    abroad: frozenset = frozenset()
    gates: list[float | None] = field(default_factory=list)  # per word group: a place word's cap (gate_places)
    gated: set[int] = field(default_factory=set)  # the documents the place caps apply to
    formalised: set[int] = field(default_factory=set)  # formalised in the query's year: have its agreement words
    caps: list[float | None] = field(default_factory=list)  # per word group: its place cap (place_cap; None: none)
    excluded: set[int] = field(default_factory=set)  # the documents the query excludes (`-puits`)
    # a short page's fill lacking a topic word of a place + topic query, not filed under its domain
    # (times profile.tail_off_domain: _off_domain)
    off_domain: set[int] = field(default_factory=set)
    exponent: float = 2.0  # of the coordination: what lacking words costs (profile.coordination_exponent)
    missing: list[str] = field(default_factory=list)  # word groups no document matches (missing_notice)
    unknown: list[str] = field(default_factory=list)  # every word group, when no document matches any
    # what the filters decided (engine/exactcounts.py): (documents, n, fewer than n of them listed?)
    decisions: list[tuple[set[int], int, bool]] = field(default_factory=list)

    def absent_words(self) -> list[str]:
        """The query's words no document contains, each once (an OR's alternatives apart): what
        the notices name in « Aucun document ne contient … », given as data so that a client
        (search.js holding back its live announcement) need not read the French wording."""
        return list(dict.fromkeys(w for g in self.unknown or self.missing for w in g.split(" OR ")))

    def unfounded(self, listed: Collection[int]) -> list[str]:
        """Its notices that the listing, once filtered, does not bear out (and `partial` cleared
        with its notice): the partial one when every listed document has all the words, both
        of an empty listing (`0 résultat` went on `voici ceux qui en contiennent au moins un`)."""
        out = []
        if self.partial and not self.missing and not any((self.cover or {}).get(d, 1.0) < 1.0 for d in listed):
            self.partial = False
            out.append(PARTIAL_NOTICE)
        if self.fallback and not listed:
            out.append(self.fallback_notice)
        return [n for n in out if n in self.notices]

    def own_matches(self, built: BuiltQuery, score: ScoreFn, doc_count: int, docs) -> set[int]:
        """Those of `docs` (actions) that match a query word in their own text,
        not only in the names and places an action document carries from its
        partnership. Only those add to their partnership's score: counted
        through each action, the partnership's own names and places raised
        every partnership whose actions were parsed above those whose were
        not, for a name or a place alone."""
        if self.scores is None:
            return set()
        docs = [d for d in docs if d in self.scores]
        out: set[int] = set()
        for g, part in zip(built.groups, self.parts, strict=True):  # one part per word group
            rest = [d for d in docs if d not in out and d in part]
            if not rest:
                continue
            inherited = inherited_scores(g, score, doc_count, NAME_FIELDS)
            out.update(d for d in rest if part[d] > inherited.get(d, 0.0) * (1 + 1e-9) + 1e-12)
        return out

    def decides_alike(self, listed: Callable[[set], int], decided: tuple[bool, ...] | None = None) -> bool:
        """Whether `rank`, told `listed` and `decided`, would answer this ranking's decisions as it did,
        in order (`_answer`, as `rank` answers them). Nothing else it ranks by reads `listed` (a notice
        does): from the same query and scores, it would then make this ranking again."""
        return all(_answer(listed, decided, k, docs, n) == answer for k, (docs, n, answer) in enumerate(self.decisions))

    def read_again(self) -> Ranking:
        """A ranking of what this one read of the query's scores (`_read`), yet to decide: a search
        counting for this one's, whose filters decide otherwise, ranks from it."""
        return Ranking({}, parts=self.parts, proximity=self.proximity, name=self.name, abroad=self.abroad,
                       gates=self.gates, gated=self.gated, formalised=self.formalised, caps=self.caps,
                       excluded=self.excluded)

    def coverage(self, doc: int) -> float:
        return self.cover.get(doc, 0.0) if self.cover is not None else 1.0

    def answer(self, doc: int) -> float:
        """What the document's score is multiplied by for what the query says
        of the collectivity sought (1.0: nothing against it)."""
        return ranking_profile.current().abroad if doc in self.abroad else 1.0

    def coordination(self, doc: int) -> float:
        """What the words' score of `doc` is multiplied by for the words it lacks."""
        c = self.coverage(doc)
        return c ** self.exponent if c < 1.0 else 1.0


def _fallback_in_the_places(built: BuiltQuery, places_of: Places, score: ScoreFn,
                            docs: set[int]) -> tuple[set[int], str]:
    """The any-word fallback stays in the places the query names (`profile.place_fills`):
    `école primaire Gao`, which no record of Gao has whole, listed Moroccan and Algerian schools
    among Gao's records. A place other than a country does not select in a long query, a need
    described in a sentence, where it may be said of the need (`la désertification au Sahel`) more
    than of the records, nor among names alone (`Kolobo Tlemcen`: either). Returns the documents
    and the notice saying which."""
    profile = ranking_profile.current()
    if not profile.place_fills:
        return docs, FALLBACK_NOTICE
    roles = places_of.roles
    topics = [g for g, r in zip(built.groups, roles, strict=True) if r is None and not g.light]
    only = len(built.groups) >= profile.long_from_words or all(names_who_or_where(g, score) for g in topics)
    there = in_the_places(built, places_of, docs, countries_only=only)
    if not there or there == docs:
        return docs, FALLBACK_NOTICE
    places = [f"« {g.text} »" for g, r in zip(built.groups, roles, strict=True)
              if r == COUNTRY or (r == PLACE and not only)]
    several = len(places) > 1
    return there, (f"Aucun résultat {'des lieux' if several else 'du lieu'} {french_list(places)} ne contient tous "
                   f"les mots : voici ceux de {'ces lieux' if several else 'ce lieu'} qui en ont le plus.")


def _beyond_light(built: BuiltQuery, parts: list[Mapping[int, float]], score: ScoreFn, doc_count: int,
                  cover: Mapping[int, float]) -> set[int]:
    """The documents of `cover` that have a word of the query besides its light words, when those
    words name places (`cercle Bandiagara`, `wilaya Tizi-Ouzou`, `province Taroudannt`: the records
    naming the place, not every `Cercle de …` of the repertoires); otherwise those with a word
    besides the kinds of places (`commune de Sévaré`, a place no table lists: not every record
    saying « commune »), as another light word beside a topic says something of it (`envoi de
    conteneurs`)."""
    weighty = [(p, g) for p, g in zip(parts, built.groups, strict=True) if not g.light]
    if 0 < len(weighty) < len(parts) and all(place_cap(g, score, doc_count) is not None for _, g in weighty):
        return {d for d in cover if any(d in p for p, _ in weighty)}
    said = [p for p, g in zip(parts, built.groups, strict=True) if not _kind(g)]
    if len(said) in (0, len(parts)):
        return set(cover)
    return {d for d in cover if any(d in p for p in said)}


def _kind(group: Group) -> bool:
    """A place's kind before its name (`cercle`, `mairie de Montpellier`): light, as the query
    builder makes it; a kind that names a building elsewhere is a topic there (`construction de la mairie`)."""
    return group.light and is_place_kind(group.text)


def _filled(built: BuiltQuery, places_of: Places, matched: set[int], covered: set[int]) -> set[int]:
    """Few results have enough of the words: those with fewer (`covered`: any word)
    follow them, in the place the query names when it names one (`profile.place_fills`:
    `transports ... dans les villes algériennes` was filled with Moroccan tramways)."""
    profile = ranking_profile.current()
    if profile.place_fills:
        covered = in_the_places(built, places_of, covered) | matched
    return covered if len(covered) > len(matched) else matched


def _formalised(built: BuiltQuery, parts: list[Mapping[int, float]], score: ScoreFn
                ) -> tuple[list[Mapping[int, float]], set[int]]:
    """A word naming an agreement next to a year (`convention 2006 Maroc`, `accord de
    coopération 2004`) asks for the partnerships formalised that year, whatever their
    agreement is called (a protocole, an accord-cadre): a record whose formalisation year
    (`began`) is the query's has that word, scored as surely as its year (the profile's
    `year_score`), or as the word itself where that scores more. Returns the parts and the
    records so counted."""
    began: set[int] = set()
    for g in built.groups:
        for a in g.alternatives:
            if a.via == VIA_YEAR:
                began.update(score(a.query))
    if not began or not any(g.agreement for g in built.groups):
        return parts, set()
    out: list[Mapping[int, float]] = []
    for g, p in zip(built.groups, parts, strict=True):
        if g.agreement:
            had = ranking_profile.current().year_score
            p = {**p, **{d: max(p.get(d, 0.0), had) for d in began}}
        out.append(p)
    return out, began


def _off_domain(built: BuiltQuery, parts: list[Mapping[int, float]], caps: list[float | None], score: ScoreFn,
                tail: set[int]) -> set[int]:
    """In a query naming a place, the documents of a short page's fill (`tail`; or of the any-word fallback kept in
    the place, where every one has the place and lacks a topic word) lacking a topic word that names a domain
    (`assainissement`: « Eau et assainissement », domains_of_text) without being filed under it: after
    those the repertoire files under the topic (profile.tail_off_domain)."""
    if ranking_profile.current().tail_off_domain == 1.0 or not tail or all(c is None for c in caps):
        return set()  # (a query naming no place: its fill lacks one of its topics, not the place's topic)
    out: set[int] = set()
    for part, cap, group in zip(parts, caps, built.groups, strict=True):
        domains = domains_of_text(group.text) if cap is None and not group.light else []
        if not domains:
            continue
        filed: set[int] = set()
        for domain in domains:
            filed.update(score(Q.Term(facet_field(DOMAIN), facet_slug(domain))))
        out.update(d for d in tail if d not in part and d not in filed)
    return out


def _missing(parts: list[Mapping[int, float]], groups) -> list[str]:
    """The words of a query of several that no document matches, when some other word is matched
    (with none matched, there are no other words to search)."""
    if len(parts) < 2 or not any(parts):
        return []
    return [g.text for p, g in zip(parts, groups, strict=True) if not p]


def _nothing_besides_missing(out: Ranking, parts: list[Mapping[int, float]], groups) -> bool:
    """Notes the words no document matches, and says so; True when the others are only kinds of
    places (`commune de Zzzz`: what is asked is a place no record names, not every record saying
    « commune ») or words opening a name (`Sainte Foy`: not every Saint-Étienne, Saint-Denis…),
    which leaves nothing to search. With no word matched at all, notes them all (`unknown`)."""
    if not any(parts):  # each word once, an OR's alternatives apart (« Chefchaouen » ni « zzqx »)
        out.unknown = list(dict.fromkeys(w for g in groups for w in g.text.split(" OR ")))
    out.missing = _missing(parts, groups)
    if not out.missing:
        return False
    unnamed = [g.text for p, g in zip(parts, groups, strict=True) if g.required and not p]
    if unnamed:  # a prefix's condition nothing meets: nothing is searched without it
        out.notices.append(f"Aucune fiche ne nomme {french_list([f'« {n} »' for n in unnamed])} : rien ne "
                           "répond à cette condition.")
        return True
    kinds_only = all(not p or _kind(g) or is_name_particle(g.text)
                     for p, g in zip(parts, groups, strict=True))
    out.notices.append(missing_notice(out.missing, searched=not kinds_only))
    return kinds_only


def _coverage(parts: list[Mapping[int, float]], weights: list[float], excluded: set[int]) -> dict[int, float]:
    """docnum -> the share of the query's word weight it has (1.0: every word)."""
    total = sum(weights) or 1.0
    have: dict[int, float] = {}
    for p, w in zip(parts, weights, strict=True):  # one weight per word group
        for d in p:
            have[d] = have.get(d, 0.0) + w
    return {d: min(1.0, h / total) for d, h in have.items() if d not in excluded}


def _words_scores(parts: list[Mapping[int, float]], matched: set[int], each_has_all: bool) -> dict[int, float]:
    """`matched` -> its words' scores added in the parts' order from 0.0, in `matched`'s order. Some lacking words
    (not `each_has_all`), a part is read for the documents it shares with `matched` (65 words: 45,000 lookups)."""
    if each_has_all:
        gets, out = [p.get for p in parts], {}
        for d in matched:
            s = 0.0  # (added in sum()'s order, without its generator: the hot loop of long queries)
            for get in gets:
                s += get(d, 0.0)
            out[d] = s
        return out
    sums = dict.fromkeys(matched, 0.0)
    for p in parts:  # (x + 0.0 is x: a part without the document added nothing)
        for d in p.keys() & matched if len(p) > len(matched) else [d for d in p if d in sums]:
            sums[d] += p[d]
    return sums


def _named_fill(matched: set, filled: set, parts: list, weights: list[float], name: Mapping[int, float],
                groups: list[Group]) -> set:
    """A short listing's fill, when the query is a name some record bears: only the records having its
    rarest word (`Saint Etienne`'s two partnerships were followed by 31 records with a `Saint`), a
    council's kind word left out: « départemental », rarer than « Essonne », kept 1 record of the 15
    that « conseil général de l'Essonne » lists (review 2 r43, #5)."""
    if not (ranking_profile.current().name_fills_with_its_rarest and name.keys() & matched):
        return filled
    named = [i for i, g in enumerate(groups) if not is_council_word(g.text)] or range(len(parts))
    rarest = parts[max(named, key=weights.__getitem__)]
    return matched | {d for d in filled if d in rarest}


def _with_required(built: BuiltQuery, parts: list, matched: set, notices: list[str]) -> set:
    """A prefix's clause is a condition (`eau collectivité:"…"`): no softening, fallback or fill
    drops it (picked in the autocomplete, « eau Assemblée régionale de Kayes » listed 47). When it
    leaves nothing of what the words found, the notice says so, not a spelling to check."""
    found = bool(matched)
    named = []
    for part, group in zip(parts, built.groups, strict=True):
        if group.required:
            matched = {d for d in matched if d in part}
            named.append(group.text)
    if found and not matched:
        quoted = [f"« {n} »" for text in named for n in text.split(" OR ")]
        either = " ou ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 2 else quoted)
        notices.append(f"Aucun document de {either} n'a aussi les autres mots de la recherche.")
    return matched


def _having_enough(built: BuiltQuery, parts: list[Mapping[int, float]], weights: list[float],
                   places_of: Places, excluded: set[int]) -> tuple[dict[int, float] | None, set[int]]:
    """The documents having enough of the words, in the places the query names, and their
    coverage (None: each has every word). From `soft_from_words` words, or with a light word,
    most of the word weight is enough; otherwise every word is needed."""
    profile = ranking_profile.current()
    n = len(parts)
    if n >= profile.soft_from_words or (n > 1 and any(g.light for g in built.groups)):
        cover = _coverage(parts, weights, excluded)
        matched = {d for d, c in cover.items() if c >= profile.min_coverage}
        return cover, in_the_places(built, places_of, matched)
    # every word the index has (a word no document has would leave nothing, and the any-word
    # fallback would then say « aucun résultat ne contient tous les mots » of the same documents)
    matched = all_of([p for p in parts if p] or parts) - excluded
    # a partner country named selects whatever the other words are (a place, a kind of body)
    return None, in_the_places(built, places_of, matched, countries_only=True)


def _answer(listed: Callable[[set], int], decided: tuple[bool, ...] | None, k: int, docs: set[int], n: int) -> bool:
    """`rank`'s answer to its `k`th decision, whether fewer than `n` of `docs` are listed: `decided`'s when it
    has one, else `listed`'s. Ranking.decides_alike replays a ranking's decisions by it."""
    return decided[k] if decided is not None and k < len(decided) else listed(docs) < n


def _read(built: BuiltQuery, score: ScoreFn, doc_count: int, abroad: frozenset) -> Ranking:
    """A ranking of what `rank` reads of the query's scores before it decides anything: the same for
    every listing of the query (Ranking.read_again)."""
    profile = ranking_profile.current()
    parts = [group_scores(g, score, doc_count) for g in built.groups]
    formalised: set[int] = set()
    if profile.year_formalises:
        parts, formalised = _formalised(built, parts, score)
    gates: list[float | None] = [None] * len(parts)
    gated: set[int] = set()
    # each word's place cap (None: no place), read by the gates and the places' roles alike
    caps: list[float | None] = [None] * len(parts)
    if len(parts) > 1:
        caps = [place_cap(g, score, doc_count) for g in built.groups]
    if profile.place_gate and len(parts) > 1:
        parts, gates, gated = gate_places(built, parts, caps)
    return Ranking({}, parts=parts, gates=gates, gated=gated, formalised=formalised, caps=caps,
                   excluded=set(score(built.excluded)) if built.excluded is not None else set(),
                   proximity=score(built.proximity) if built.proximity is not None else {},
                   name=score(built.name) if built.name is not None else {},
                   abroad=frozenset(abroad) if built.french_side or built.french_kind else frozenset())


def rank(built: BuiltQuery, score: ScoreFn, doc_count: int = 1, listed: Callable[[set], int] = len,
         abroad: frozenset = frozenset(), decided: tuple[bool, ...] | None = None,
         made: Ranking | None = None) -> Ranking:
    """docnum -> score for the documents that match `built`. `listed` says how
    many results a set of documents makes (after filters, per listed kind);
    `abroad`, the documents whose French side is not in France; `decided`, the answers to give in
    place of `listed`'s, in order (`Ranking.decisions`: the ranking other filters would make);
    `made`, the ranking of the same `built` and scores by the search this one counts for (the other
    kind's count, a facet value's): returned itself when `listed` and `decided` answer its decisions
    alike (Ranking.decides_alike), else what it read (`_read`) is decided anew: `abroad` is then its,
    and the scores it read are not read again."""
    if not built.has_text:
        return Ranking(None)
    if made is not None and made.decides_alike(listed, decided):
        return made
    profile = ranking_profile.current()
    out = made.read_again() if made is not None else _read(built, score, doc_count, abroad)
    parts, caps, excluded, prox, name = out.parts, out.caps, out.excluded, out.proximity, out.name

    if not parts:  # only exclusions: everything else
        every = score(Q.Every())
        out.scores = {d: s for d, s in every.items() if d not in excluded}
        return out

    n = len(parts)
    # a word weighs its rarity (the idf of its group): missing a rare place name
    # costs more than missing a common word; in a long query, more so
    power = profile.rarity_power(n)
    weights = out.weights = [rarity(doc_count, len(p)) ** power * (profile.light_word if g.light else 1.0)
                             for p, g in zip(parts, built.groups, strict=True)]
    if _nothing_besides_missing(out, parts, built.groups):
        return out
    def few(docs: set[int], n: int) -> bool:  # fewer than n of `docs` are listed: the filters decide
        answer = _answer(listed, decided, len(out.decisions), docs, n)
        out.decisions.append((docs, n, answer))
        return answer
    places_of = place_roles(built, caps, score, doc_count, listed, few, out.notices)
    cover, matched = _having_enough(built, parts, weights, places_of, excluded)
    off_domain: set[int] = set()  # the fill's (fallback's) documents not filed under a missing topic word's domain
    if not matched and n > 1:  # nothing has enough of the words: any of them will do
        cover = cover or _coverage(parts, weights, excluded)
        matched = set(cover)
        if matched:
            out.fallback = True
            matched, out.fallback_notice = _fallback_in_the_places(built, places_of, score, matched)
            out.notices.append(out.fallback_notice)
            if out.fallback_notice != FALLBACK_NOTICE:  # in the place: the fill's tail with no full match above it
                off_domain = out.off_domain = _off_domain(built, parts, caps, score, matched)
    elif n >= profile.fill_from_words and few(matched, profile.fill_below):
        cover = cover or _coverage(parts, weights, excluded)
        filled = _filled(built, places_of, matched, _beyond_light(built, parts, score, doc_count, cover))
        tail = _named_fill(matched, filled, parts, weights, name, built.groups) - matched
        matched = matched | tail  # (a new set: `matched` is also the fill decision's, in out.decisions)
        off_domain = out.off_domain = _off_domain(built, parts, caps, score, tail)
    matched = _with_required(built, parts, matched, out.notices)
    out.cover = cover
    coord = out.exponent = profile.coordination_exponent(n)
    scores = {}
    partial = False
    for d, s in _words_scores(parts, matched, cover is None).items():
        c = cover[d] if cover is not None else 1.0
        if c < 1.0:
            s *= c ** coord
            partial = True
        scores[d] = (s + prox.get(d, 0.0) + name.get(d, 0.0)) * out.answer(d)
        if d in off_domain:
            scores[d] *= profile.tail_off_domain
    # (every result lacks a missing word: said by its own notice, nothing ranked lower for it)
    out.partial = (partial and not out.fallback) or bool(out.missing and scores)
    if partial and not out.fallback:
        out.notices.append(PARTIAL_NOTICE)
    out.scores = scores
    return out
