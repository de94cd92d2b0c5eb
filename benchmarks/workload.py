"""The requests every system answers.

- `cold_requests`: hundreds of distinct queries generated (seeded, so every
  run and every system gets the same ones) from the corpus's own words:
  topic words x place names, single names, three-word queries, a few with a
  typo, a third of them with a facet filter. Asked once each, caches off:
  what users meet when they type something nobody typed before.
- `REQUESTS`: a fixed mixed set (text queries of the judged set, the same
  with facet filters, filtered browsing), repeated for warm figures.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field

from analyzers import fold_text
from analyzers.stopwords import STOPWORDS

PER_PAGE = 20
PEER_FACETS = ("country", "domain", "year", "region")  # the facets every peer counts


@dataclass(frozen=True)
class Request:
    q: str = ""
    filters: dict[str, tuple] = field(default_factory=dict)
    kind: str = ""  # which family of the cold workload it belongs to

    def label(self) -> str:
        f = " ".join(f"{k}={'|'.join(map(str, v))}" for k, v in self.filters.items())
        return (self.q or "(browse)") + (f" [{f}]" if f else "")

    def __hash__(self):
        return hash(self.label())


TEXT = ["eau potable Kayes", "santé Mopti", "assainissement Bamako", "éducation Ségou", "tourisme Maroc",
        "Marseille", "Grand Lyon", "AIMF", "CSCOM", "Tombouctu", "Marakech", "segou", "fes", "jumelage 1989",
        "quelles villes aident Mopti", "partenariats avec la wilaya d'Alger", "formation des élus", "bibliothèque",
        "micro-crédit", "maraîchage", "coopération", "eau"]
FILTERED = [
    Request("eau", {"country": ("Mali",)}),
    Request("formation", {"country": ("Maroc",)}),
    Request("école", {"domain": ("Éducation et formation",)}),
    Request("santé", {"country": ("Mali",), "domain": ("Santé",)}),
    Request("culture", {"domain": ("Culture et patrimoine",)}),
    Request("jumelage", {"year": (2004,)}),
    Request("coopération", {"country": ("Algérie",)}),
    Request("puits", {"region": ("Kayes",)}),
]
BROWSE = [
    Request(""),
    Request("", {"country": ("Mali",)}),
    Request("", {"domain": ("Eau et assainissement",)}),
    Request("", {"country": ("Maroc",), "domain": ("Tourisme",)}),
]
REQUESTS: list[Request] = [Request(q) for q in TEXT] + FILTERED + BROWSE

# --- the cold workload ------------------------------------------------------

COLD_SEED = 13
COLD_COUNT = 360
# (family, share of the workload)
FAMILIES = (("topic × place", 0.40), ("single name", 0.20), ("three words", 0.25), ("typo", 0.15))
FILTERED_SHARE = 1 / 3
# words of action titles that say nothing about a topic
_GENERIC = frozenset({"mise", "place", "entre", "deux", "depuis", "chaque", "autour", "cours", "annee",
                      "juin", "juillet", "millions", "euros", "projet", "projets", "action", "actions",
                      "programme", "domaine", "cadre", "cadres", "ville", "commune", "communes"})
_WORD = re.compile(r"[^\W\d_]{4,}")


def _topic_words(partnerships: list[dict], actions: list[dict], names: set[str]) -> list[str]:
    """Words of action titles and domain labels found in at least three records,
    most frequent first; place and party names, stop words and generic words out."""
    df: Counter = Counter()
    for rec in actions:
        df.update({w.lower() for w in _WORD.findall(rec.get("title") or "")})
    for rec in partnerships + actions:
        df.update({w.lower() for d in rec.get("domains") or [] for w in _WORD.findall(d)})
    return [w for w, n in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 3
            and fold_text(w) not in STOPWORDS and fold_text(w) not in _GENERIC and fold_text(w) not in names]


def _place_names(partnerships: list[dict]) -> list[str]:
    """Partner places and both parties' names as users type them (one or two words)."""
    seen: Counter = Counter()
    for p in partnerships:
        for side in ("partner_party", "french_party"):
            party = p.get(side) or {}
            for k in ("name", "region", "subdivision"):
                v = party.get(k)
                if v and len(v.split()) <= 2 and not any(ch.isdigit() for ch in v):
                    seen[v] += 1
    return sorted(seen, key=lambda v: (-seen[v], v))


def _facet_pool(partnerships: list[dict]) -> list[tuple[str, object]]:
    """(facet, value) pairs, one per record holding them: frequent values are drawn more often."""
    pool = []
    for p in partnerships:
        pool += [("country", c) for c in p.get("countries") or []]
        pool += [("domain", d) for d in p.get("domains") or []]
        pool += [("year", y) for y in p.get("years") or []]
        region = (p.get("partner_party") or {}).get("region")
        if region:
            pool.append(("region", region))
    return pool


def _typo(word: str, rng: random.Random) -> str:
    """One edit a hurried typist makes: a letter dropped, doubled, swapped or replaced."""
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(("drop", "double", "swap", "replace"))
    if op == "drop":
        return word[:i] + word[i + 1:]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice("aeiourstnl") + word[i + 1:]


def _typed(text: str, rng: random.Random) -> str:
    """Half the users type without accents or capitals."""
    return fold_text(text) if rng.random() < 0.5 else text


def cold_requests(partnerships: list[dict], actions: list[dict], count: int = COLD_COUNT,
                  seed: int = COLD_SEED) -> list[Request]:
    """`count` distinct requests (distinct query texts too, so no cache of one
    could answer another), the same for the same records and seed."""
    rng = random.Random(seed)
    places = _place_names(partnerships)
    names = {fold_text(w) for p in places for w in re.split(r"[\s'’-]+", p)}
    topics = _topic_words(partnerships, actions, names)[:200]
    long_words = [w for w in topics + places if len(w) >= 6 and " " not in w and "-" not in w]
    pool = _facet_pool(partnerships)

    def make(family: str) -> str:
        if family == "topic × place":
            return f"{rng.choice(topics)} {rng.choice(places)}"
        if family == "single name":
            return rng.choice(places)
        if family == "three words":
            a, b = rng.sample(topics, 2)
            return f"{a} {b} {rng.choice(places)}"
        return _typo(rng.choice(long_words), rng) + (f" {rng.choice(topics)}" if rng.random() < 0.5 else "")

    out: list[Request] = []
    seen: set[str] = set()
    for family, share in FAMILIES:
        target = round(count * share) if family != FAMILIES[-1][0] else count - len(out)
        made, attempts = 0, 0
        while made < target and attempts < target * 50:
            attempts += 1
            q = _typed(make(family), rng)
            if fold_text(q) in seen:
                continue
            seen.add(fold_text(q))
            filters = {}
            if rng.random() < FILTERED_SHARE:
                facet, value = rng.choice(pool)
                filters = {facet: (value,)}
            out.append(Request(q, filters, family))
            made += 1
    rng.shuffle(out)
    return out
