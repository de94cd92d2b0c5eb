"""Stable, readable identifiers.

An id is derived from the names alone (never from a counter over the whole
corpus), so the same partnership gets the same id from one build to the next
and from one document to another: that is what lets the corpus step merge a
sheet, a list entry and an annex row into one record.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analyzers import spell_out_saints

from .text import fold, slugify

# Generic words in front of a collectivity's own name. Order matters: longest first.
_PREFIXES = [
    r"communaute urbaine de", r"communaute urbaine d", r"communaute d'agglomeration de",
    r"communaute d'agglomeration du", r"communaute d'agglomeration des",
    r"communaute d'agglomeration d", r"communaute de communes de", r"communaute de communes du",
    r"communaute de communes des", r"communaute de communes d",
    r"conseil general de la", r"conseil general de l", r"conseil general des",
    r"conseil general du", r"conseil general de", r"conseil general d",
    r"conseil regional de la", r"conseil regional de l", r"conseil regional des",
    r"conseil regional du", r"conseil regional de", r"conseil regional d",
    r"departement de la", r"departement de l", r"departement des", r"departement du",
    r"departement de", r"departement d",
    r"region de la", r"region de l", r"region des", r"region du", r"region de", r"region d",
    r"mairie de la", r"mairie de l", r"mairie des", r"mairie du", r"mairie de", r"mairie d",
    r"ville de la", r"ville de l", r"ville des", r"ville du", r"ville de", r"ville d",
    r"commune urbaine de", r"commune urbaine d", r"commune rurale de", r"commune rurale d",
    r"commune de la", r"commune de l", r"commune des", r"commune du", r"commune de", r"commune d",
    r"wilaya de", r"wilaya d", r"province de", r"province d", r"prefecture de", r"prefecture d",
    r"cercle de", r"cercle d",
]
_KIND_OF_PREFIX = [
    ("communaute urbaine", "cu"), ("communaute d'agglomeration", "ca"),
    ("communaute de communes", "cc"), ("conseil general", "cg"), ("departement", "cg"),
    ("conseil regional", "cr"), ("region", "cr"), ("wilaya", "w"), ("province", "p"),
    ("prefecture", "p"), ("cercle", "cercle"),
]


# Short forms the documents use for the same collectivity.
_ALIASES = {
    "paca": "provence-alpes-cote-d-azur",
    "provence-alpes-cotes-d-azur": "provence-alpes-cote-d-azur",
    "nedrouma": "nedroma",
    "tipaza": "tipasa",
}


# Whole keys naming the same collectivity (intercommunalities known by their usual name).
_KEY_ALIASES = {
    "grand-lyon": "cu-lyon",
    "ville-et-communaute-urbaine-de-lyon": "cu-lyon",
    "communaute-urbaine-nantes-metropole": "cu-nantes",
    "communaute-urbaine-grand-nancy": "cu-nancy",
}


@lru_cache(maxsize=16384)  # the same names again and again: each sheet, list entry, record and action asks
def name_key(name: str) -> str:
    """Folded key of a collectivity name, so that `Mairie de Brest`, `Ville de
    Brest` and `BREST` compare equal, and `Conseil général de la Gironde` and
    `CG Gironde` too (as `cg-gironde`), and `St Etienne` and `Saint-Étienne` (`st`, `ste`
    written out, each gender kept: analyzers.spell_out_saints)."""
    s = fold(spell_out_saints(name)).replace("’", "'")
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    s = re.sub(r"^c\.?g\.? ", "conseil general de ", s)
    s = re.sub(r"^c\.?r\.? ", "conseil regional de ", s)
    s = re.sub(r"^c\.?u\.? ", "communaute urbaine de ", s)
    kind = ""
    for prefix in _PREFIXES:
        if s.startswith((prefix + " ", prefix + "'")):
            for p, k in _KIND_OF_PREFIX:
                if prefix.startswith(p):
                    kind = k
                    break
            s = s[len(prefix):].lstrip(" '")
            break
    s = re.sub(r"^(la|le|les|l') ?", lambda m: m.group(0) if len(s) < 8 else "", s) if kind else s
    slug = _ALIASES.get(slugify(s), slugify(s))
    key = f"{kind}-{slug}" if kind else slug
    return _KEY_ALIASES.get(key, key)


def partnership_id(french_name: str, partner_name: str | None) -> str:
    """`aix-en-provence--bamako-commune-v`; a sheet without partner gets the
    French key alone."""
    left = name_key(french_name)
    if not partner_name:
        return left
    return f"{left}--{name_key(partner_name)}"


def action_id(partnership_id: str, n: int) -> str:
    """The id of the `n`th action issued in a partnership: the ledger (action_ids.py) keeps each
    action's number from one build to the next, so that a parsing fix merging two actions does
    not move the others (their rank in the sheet would)."""
    return f"{partnership_id}--a{n:02d}"
