"""The states of the « État » facet (`status`): two small closed sets, and the mapping from
what the documents write.

A record keeps its state as the document writes it (`Partnership.status`, `Action.status`: a
page prints « Aucun contact n'avait été effectué depuis une dizaine d'années… » as written);
only the facet value is one of the closed set, given here. A text that states no state gives
no value (there is no « Autre »).

Partnerships. Only the Algerian state table (`Etat du partenariat`) has a column for it; the
Morocco sheets say when a cooperation is suspended or its agreement still being drawn up (the
parser writes `suspendu`; an agreement still being drawn up is read from the legal framework), and a
few legal frameworks say the same
(« Jumelage … signé en 1986 mais aujourd'hui suspendu », « À finaliser »). The stages:
  - En recherche de partenariat: « En recherche de partenariat » (a collectivity with no partner yet);
  - En contact: « En contact », « En contacts », « Quelques contacts (depuis 2004) »,
    « Rapprochement / Actions ponctuelles de coopération »;
  - En cours de formalisation: « Partenariat en gestation », « … en cours de formalisation »,
    « … en négociation depuis deux ans »; an agreement « en cours d'élaboration », « à finaliser »,
    whose « signature … est en projet », « Aucun accord … signé - Projet en cours »;
  - Suspendu: « … restent actuellement en suspens », « aujourd'hui suspendu(e) »;
  - Sans suite: « … mais sans véritable suite », « … n'ont pas donné de suite », « plus de
    contacts », « Aucun contact … depuis une dizaine d'années ».
The table's other cells name the agreement (« Jumelage », « Accord de coopération signé le … »,
« Charte d'amitié »): that is the legal framework (the record's `legal_framework` and
`formalized`, which every document gives), not a stage, so no state; « Pas de convention »
alone says no more.

Actions. The documents file their projects under `réalisé`, `en cours`, `en projet` (`à venir`),
once `en suspend`, and twice `abandonné` (Thionville – Kéniéba Konko: « Nouveaux Forages :
Abandonnés », neither done nor on hold: its own state). The parsers keep those words. Morocco's
« SUIVI DES PROJETS ENTRE 2001 ET 2007 » (`suivi`) lists done and ongoing work alike (« Travail
depuis 2005 »): no state.
"""
from __future__ import annotations

import re

from .records import Action, Partnership
from .text import fold

# partnerships
SEEKING = "En recherche de partenariat"
IN_CONTACT = "En contact"
FORMALISING = "En cours de formalisation"
SUSPENDED = "Suspendu"
NO_FOLLOW_UP = "Sans suite"
# actions (and SUSPENDED)
PLANNED = "En projet"
ONGOING = "En cours"
DONE = "Réalisé"
ABANDONED = "Abandonné"

PARTNERSHIP_STATES: tuple[str, ...] = (SEEKING, IN_CONTACT, FORMALISING, SUSPENDED, NO_FOLLOW_UP)
ACTION_STATES: tuple[str, ...] = (PLANNED, ONGOING, DONE, SUSPENDED, ABANDONED)
STATES: tuple[str, ...] = tuple(dict.fromkeys(PARTNERSHIP_STATES + ACTION_STATES))

# A partnership's text (folded) -> its state: the first rule that matches. An end comes before
# an agreement (« Accord … signé en 1998, mais les relations … restent en suspens ») and before
# contacts (« Aucun contact n'avait été effectué… »).
_PARTNERSHIP_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((state, re.compile(rule)) for state, rule in (
    (SUSPENDED, r"\bsuspendue?s?\b|\ben suspens\b"),
    (NO_FOLLOW_UP, r"\bsans (?:veritable )?suite\b|\bpas donne de suite\b|\bplus de contacts?\b|\baucun contact\b"),
    (SEEKING, r"\ben recherche de partenari"),
    (FORMALISING, (r"\ben gestation\b|\ben cours de formalisation\b|\ben negociation\b|\ba finaliser\b"
                   r"|\ben cours d.elaboration\b|\baucun accord\b.*\bsigne\b|\bsignature\b.*\best en projet\b")),
    (IN_CONTACT, r"\ben contacts?\b|\bquelques contacts?\b|^rapprochement\b"),
))

# An action's status as the parsers write it -> its state.
_ACTION_STATES = {"réalisé": DONE, "en cours": ONGOING, "en projet": PLANNED, "à venir": PLANNED,
                  "en suspend": SUSPENDED, "en suspens": SUSPENDED, "suspendu": SUSPENDED,
                  "abandonné": ABANDONED}
DOCUMENT_WORDINGS = tuple(_ACTION_STATES)  # what a record's `status` shows, a filter value too (state_value)


def state_of_text(text: str | None) -> str | None:
    """The partnership state a text states (`Partenariat en négociation depuis deux ans`:
    « En cours de formalisation »), or None."""
    folded = fold(text or "").strip()
    return next((state for state, rule in _PARTNERSHIP_RULES if rule.search(folded)), None)


def partnership_state(p: Partnership) -> str | None:
    """A partnership's state: the one its state text says, else its legal framework's."""
    return state_of_text(p.status) or state_of_text(p.legal_framework)


def action_state(a: Action) -> str | None:
    return _ACTION_STATES.get((a.status or "").strip().lower())


def state_value(raw: str) -> str:
    """The state a filter's value names: the state itself in any case (`en contact`), or the
    wording a record's `status` shows, which the documents wrote (`réalisé`, `En contacts`): a
    bookmark or a client filtering by the value it read (`status=réalisé`, 634 actions before the
    closed set) is answered, not refused. Else the value unchanged, which the API refuses."""
    key = fold(raw).strip()
    same = next((state for state in STATES if fold(state) == key), None)
    worded = next((state for words, state in _ACTION_STATES.items() if fold(words) == key), None)
    # a document's sentence, not its negation (`pas suspendu` is no « Suspendu »)
    told = None if _NEGATED.search(key) else state_of_text(raw)
    return same or worded or told or raw


_NEGATED = re.compile(r"^(?:pas|non|jamais)\b|\bque jamais\b")  # not the documents' « n'ont pas donné de suite »

