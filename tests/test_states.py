"""The « État » facet (`status`): a small closed set of values (indexer/states.py), mapped from
what the documents write, while the records keep the documents' wording.

The Algerian state table gave 37 partnership values, most of them sentences counted once
(« Aucun contact n'avait été effectué depuis une dizaine d'années. En Novembre 2005, … »),
near-duplicates (« En contact » 3, « En contacts » 1) and agreements (« Jumelage »)."""
from __future__ import annotations

import pytest

from engine import SearchRequest
from indexer.records import Action, Partnership
from indexer.states import (
    ACTION_STATES,
    DONE,
    FORMALISING,
    IN_CONTACT,
    NO_FOLLOW_UP,
    ONGOING,
    PARTNERSHIP_STATES,
    PLANNED,
    SEEKING,
    SUSPENDED,
    action_state,
    partnership_state,
    state_of_text,
)

ALGERIA = "algerie-cooperation-decentralisee.txt"
MOROCCO = "maroc-repertoire-2008.txt"

# (partnership, document, its table row's names or "", the words the document writes there and the
# record keeps, the record's field, the state)
PARTNERSHIPS = [
    ("nanterre--tlemcen", ALGERIA, "", "Aucun contact n'avait été effectué depuis une dizaine d'années.", "status",
     NO_FOLLOW_UP),
    ("strasbourg--tlemcen", ALGERIA, "", "à laquelle les élus n'ont pas donné de suite", "status", NO_FOLLOW_UP),
    ("les-ulis--boufarik", ALGERIA, "", "mais sans véritable suite", "status", NO_FOLLOW_UP),
    ("tourcoing--biskra", ALGERIA, "TOURCOING BISKRA ", "En contacts", "status", IN_CONTACT),
    ("cg-seine-saint-denis--w-tlemcen", ALGERIA, "CG SEINE SAINT DENIS WILAYA DE TLEMCEN ", "En contact", "status",
     IN_CONTACT),
    ("cr-haute-normandie--w-bejaia", ALGERIA, "", "Quelques contacts depuis 2004", "status", IN_CONTACT),
    ("perpignan--mostaganem", ALGERIA, "", "Partenariat en négociation depuis deux ans", "status", FORMALISING),
    ("cg-bas-rhin--w-tlemcen", ALGERIA, "", "Partenariat en gestation", "status", FORMALISING),
    ("nantes", ALGERIA, "", "En recherche de partenariat", "status", SEEKING),
    ("vaulx-en-velin--cheraga", ALGERIA, "", "restent actuellement en suspens", "status", SUSPENDED),
    # no state text: the legal framework says it
    ("belfort--skikda", ALGERIA, "", "signé en 1986 mais aujourd’hui suspendu", "legal_framework", SUSPENDED),
    ("cu-lyon--oran", ALGERIA, "", "La signature d’une telle convention est en projet", "legal_framework",
     FORMALISING),
    ("marseille--fes", MOROCCO, "", "Projet d'accord de coopération entre les deux villes en cours d'élaboration",
     "legal_framework", FORMALISING),
    # an agreement is the legal framework, not a stage; « Pas de convention » says no more
    ("blanc-mesnil--beni-douala", ALGERIA, "BLANC MESNIL BENI DOUALA ", "Jumelage", "status", None),
    ("rennes--setif", ALGERIA, "RENNES SETIF ", "Charte de jumelage signée en 1982", "status", None),
    ("pontcharra--mostaganem", ALGERIA, "PONTCHARRA MOSTAGANEM ", "Pas de convention", "status", None),
]


def _flat(text: str) -> str:
    """A text on one line, its runs of spaces and line breaks made one space (a table cell wraps)."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def texts(data_dir) -> dict[str, str]:
    return {name: _flat((data_dir / name).read_text("utf-8")) for name in (ALGERIA, MOROCCO)}


@pytest.fixture(scope="module")
def partnerships(corpus) -> dict[str, Partnership]:
    return {p.id: p for p in corpus.partnerships}


@pytest.mark.parametrize(("pid", "document", "row", "words", "field", "state"), PARTNERSHIPS,
                         ids=[row[0] for row in PARTNERSHIPS])
def test_a_partnership_state_is_mapped_from_what_its_document_writes(texts, partnerships, pid, document, row,
                                                                     words, field, state):
    assert row + words in texts[document]
    p = partnerships[pid]
    assert words in _flat(getattr(p, field) or "")  # the record keeps the document's wording
    assert partnership_state(p) == state


def test_the_sentence_stays_as_written_where_the_record_shows_it(partnerships):
    p = partnerships["nanterre--tlemcen"]
    assert p.status == ("Aucun contact n'avait été effectué depuis une dizaine d'années. "
                        "En Novembre 2005, les élus ont tenté de reprendre contact")


def test_action_states_from_the_documents_headings(corpus, data_dir):
    """`Projet 4 en suspend` (sic) is Paris's tramway project; « SUIVI DES PROJETS ENTRE 2001 ET 2007 »
    (Aix-en-Provence – Oujda) lists done and ongoing work alike: no state."""
    assert "Projet 4 en suspend" in (data_dir / ALGERIA).read_text("utf-8")
    actions = {a.id: a for a in corpus.actions}
    tram = actions["paris--w-alger--a04"]
    assert (tram.status, action_state(tram)) == ("en suspend", SUSPENDED)
    oujda = [a for a in corpus.actions if a.partnership_id == "aix-en-provence--oujda" and a.status == "suivi"]
    assert oujda and {action_state(a) for a in oujda} == {None}
    assert {action_state(Action(id="x", partnership_id="y", title="t", status=s))
            for s in ("réalisé", "en cours", "en projet", "à venir")} == {DONE, ONGOING, PLANNED}


def test_a_text_that_states_no_state_gets_none():
    for text in (None, "", "Jumelage", "Accord de coopération signé le 7 Décembre 2003", "Charte d'amitié",
                 "1985 : convention entre mairies, renouvelées tous les 3 ans environ. En cours de renouvellement.",
                 "Premier contact en 2002 ; une action en 2002, 2004 et 2005 Protocole de coopération le 30 juin 2006"):
        assert state_of_text(text) is None, text


def _values(engine, kind: str) -> dict[str, int]:
    r = engine.search(SearchRequest(q="", per_page=1, filters={"type": [kind]}))
    return {f["value"]: f["count"] for f in r["facets"]["status"]}


@pytest.mark.parametrize(("kind", "states"), [("partnership", PARTNERSHIP_STATES), ("action", ACTION_STATES)])
def test_the_facet_values_are_the_closed_set(engine, kind, states):
    assert set(_values(engine, kind)) == set(states)


@pytest.mark.parametrize("kind", ["partnership", "action"])
def test_a_state_count_is_what_filtering_by_it_lists(client, kind):
    facets = client.get("/api/search", query_string={"type": kind, "per_page": 1}).get_json()["facets"]["status"]
    assert facets
    for item in facets:
        listed = client.get("/api/search", query_string={"type": kind, "status": item["value"]}).get_json()
        assert listed["total"] == item["count"], item["value"]


@pytest.mark.parametrize("kind, typed, state", [
    ("partnership", "en contact", "En contact"), ("partnership", "En contacts", "En contact"),
    ("action", "réalisé", "Réalisé"), ("action", "en cours", "En cours"), ("action", "à venir", "En projet"),
])
def test_a_value_as_a_record_shows_it_selects_its_state(client, kind, typed, state):
    """A record's `status` keeps the document's words (« réalisé »): a client filtering by the value it
    read, or a bookmark from before the closed set (`status=réalisé`: 634 actions), was refused (the
    review, round 40)."""
    r = client.get("/api/search", query_string={"type": kind, "status": typed, "per_page": 1})
    assert r.status_code == 200
    assert r.get_json()["total"] == client.get(
        "/api/search", query_string={"type": kind, "status": state, "per_page": 1}).get_json()["total"] > 0


def test_a_value_no_state_is_refused(client):
    r = client.get("/api/search", query_string={"status": "terminé depuis longtemps"})
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "unknown_facet_value"


def test_the_query_language_reads_a_status_as_the_api_does(engine):
    from engine import SearchRequest

    def listed(q):
        r = engine.search(SearchRequest(q=q, per_page=1, facets=False))
        return r["total"], r["query"]["prefix_filters"].get("status")

    assert listed('statut:"en contacts"') == listed('statut:"En contact"')
    assert listed('statut:"en contacts"')[1] == ["En contact"]
    assert listed('type:action statut:"à venir"')[1] == ["En projet"]


def test_every_record_is_found_by_the_status_it_shows(client, engine):
    """The second review: marseille--fes showed « en projet » (the Morocco parser's word) and
    `status=en projet` listed no partnership; each record's own status now selects it."""
    st = engine.state()
    shown = [(pid, p["status"]) for pid, p in st.partnerships.items() if p.get("status")]
    assert len(shown) > 20
    for pid, status in shown:
        r = client.get("/api/search", query_string={"status": status, "per_page": 100})
        if r.status_code == 400:  # a status that states no stage (« Jumelage ») selects nothing
            assert r.get_json()["error"]["code"] == "unknown_facet_value", status
            continue
        assert pid in [h["id"] for h in r.get_json()["results"]], (pid, status)


@pytest.mark.parametrize("typed", ["pas suspendu", "pas en contact", "plus de contacts que jamais"])
def test_a_negated_state_selects_nothing(client, typed):
    r = client.get("/api/search", query_string={"status": typed})
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "unknown_facet_value"


def test_a_state_typed_without_accents_is_read(client):
    one = client.get("/api/search", query_string={"type": "action", "status": "a venir", "per_page": 1}).get_json()
    assert one["total"] == client.get("/api/search", query_string={"type": "action", "status": "En projet",
                                                                   "per_page": 1}).get_json()["total"] > 0
