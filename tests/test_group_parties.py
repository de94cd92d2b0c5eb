"""Pontcharra-Dembella (mali l.9794-9895, QA audit 6, #6): the French side is a group of four communes
(« Nom : Pontcharra (38) Leader, La Rochette (73), Le Cheylas (38), St Maximin (38) ») and was shown as
Pontcharra alone; the partner's « Cercle/Région/Commune : Sikasso/Sikasso/Ganadougou » lost its cercle;
the actions table's heading « Budget Annuel environ 80 000 € » was shown nowhere."""
from __future__ import annotations

import re

import pytest

from indexer.parsers.cuf import TABLE_BUDGET, _cercle_first, _with_members, heading_budget
from indexer.parsers.parties import french_party

PONTCHARRA = "pontcharra--dembella-benkadi-jlendio-fella"
GROUP = "Pontcharra (38) Leader, La Rochette (73), Le Cheylas (38), St Maximin (38)"


def test_a_group_of_communes_keeps_its_members():
    assert _with_members(french_party("Pontcharra"), GROUP).name_raw == GROUP
    assert _with_members(french_party("Roncq"), "Roncq").name_raw == "Roncq"  # one commune: as it was
    assert _with_members(french_party("Roncq"), "Lille, Tourcoing").name_raw == "Roncq"  # not its members


@pytest.mark.parametrize(("label", "value", "read"), [
    ("Cercle/Région/Commune : ", "Sikasso/Sikasso/Ganadougou", "Cercle de Sikasso/Sikasso/Ganadougou"),
    ("Cercle/Région/Commune : Gao/Gao/Gao", "Gao/Gao/Gao", "Cercle de Gao/Gao/Gao"),
    ("Cercle/Région/Commune : Région de Ségou", "Région de Ségou", "Région de Ségou"),  # one part: as written
    ("Cercle/Région/Commune : Cercle de Koutiala/Région", "Cercle de Koutiala/Région", "Cercle de Koutiala/Région"),
    ("Département/Région : Isère, Savoie / Rhône-Alpes", "Isère, Savoie / Rhône-Alpes", "Isère, Savoie / Rhône-Alpes"),
])
def test_a_place_field_that_puts_the_cercle_first(label, value, read):
    assert _cercle_first(label, value) == read


def test_the_budget_a_tables_heading_states():
    body = list(enumerate(["Domaines ", "d’intervention ", "Budget  ", "Annuel environ ", "80 000 € ", "",
                           "Hydraulique "], 9889))
    assert heading_budget(body) == ("environ 80 000 €", True)
    assert heading_budget(list(enumerate(["Budget ", "(en euros) ", "", "Appui 2006-2007 12 747 "]))) is None


def test_the_records_the_audit_saw(corpus, client):
    p = next(p for p in corpus.partnerships if p.id == PONTCHARRA)
    assert (p.french_party.name, p.french_party.name_raw) == ("Pontcharra", GROUP)
    assert (p.partner_party.region, p.partner_party.subdivision) == ("Sikasso", "Sikasso")
    assert p.extra[TABLE_BUDGET] == "environ 80 000 €" and p.budget.text == "18 000 €"  # the presentation's
    gao = next(p for p in corpus.partnerships if p.id == "thionville--gao")  # `Gao/Gao/Gao` (mali l.11840)
    assert (gao.partner_party.region, gao.partner_party.subdivision) == ("Gao", "Gao")
    page = client.get(f"/partenariats/{PONTCHARRA}").get_data(as_text=True)
    assert "La Rochette (73)" in page


def test_the_tables_budget_stands_beside_the_budget(client):
    """Among the facts, right after the presentation's « Budget », not a section of its own below the
    documents (an <h2> the page's list of headings showed)."""
    page = client.get(f"/partenariats/{PONTCHARRA}").get_data(as_text=True)
    facts = page.split('<dl class="facts">', 1)[1].split("</dl>", 1)[0]
    budget = re.search(r"<dt>Budget</dt><dd>([^<]*)</dd>\s*<dt>([^<]*)</dt><dd>([^<]*)</dd>", facts)
    assert budget is not None and budget.group(1).startswith("18 000 €")
    assert (budget.group(2), budget.group(3)) == (TABLE_BUDGET, "environ 80 000 €")
    assert f"<h2>{TABLE_BUDGET}</h2>" not in page


def test_a_cercle_named_first_is_the_cercle():
    """`Cercle Sikasso / Sikasso`: the words before a name at the text's start were read as none (a
    slice from -1), so a cercle that is also a région's name was taken for the région."""
    from indexer import geography

    mali = geography.of("Mali")
    assert mali.locate("Cercle Sikasso / Sikasso") == ("Sikasso", "Sikasso")
    assert mali.locate("Cercle Kayes") == ("Kayes", "Kayes")
    assert mali.locate("Kayes") == ("Kayes", None)


def test_the_groups_numbers_and_role_are_not_name_words(engine):
    """The members' names find the group; its « (38) » and « Leader » put it first for `38` and `leader`."""
    from engine import SearchRequest

    def ids(q: str) -> list[str]:
        return [r["id"] for r in engine.search(SearchRequest(q=q))["results"]]

    for q in ("Le Cheylas", "Saint-Maximin", "Rochette"):
        assert ids(q)[:1] == [PONTCHARRA], q
    for q in ("38", "73", "leader"):
        assert ids(q)[:1] != [PONTCHARRA], q


def _card(page: str, heading: str) -> str:
    return page.split(f"<h2>{heading}</h2>", 1)[1].split("</section>", 1)[0]


def test_the_cards_say_the_groups_places(corpus, client):
    """r44 (r43's « Left alone »): the French card said Isère only, though La Rochette is in Savoie
    (« Département/Région : Isère, Savoie »); the partner's « Cercle/Région/Commune : Sikasso/Sikasso/
    Ganadougou » lost its commune; the four Malian names were typed one commune."""
    from indexer.records import GROUP_MEMBERS, PLACE_COMMUNE

    p = next(p for p in corpus.partnerships if p.id == PONTCHARRA)
    assert p.extra[GROUP_MEMBERS] == ("Pontcharra (Isère, chef de file), La Rochette (Savoie), Le Cheylas (Isère), "
                                      "St Maximin (Isère)")
    assert p.extra[PLACE_COMMUNE] == "Ganadougou" and p.partner_party.kind == "communes"
    assert (p.french_party.subdivision, p.partner_party.subdivision) == ("Isère", "Sikasso")  # as the gold has them
    page = client.get(f"/partenariats/{PONTCHARRA}").get_data(as_text=True)
    assert "La Rochette (Savoie)" in _card(page, "Collectivité française")
    assert "Ganadougou" in _card(page, "Partenaire") and "<dd>communes</dd>" in _card(page, "Partenaire")
    assert f"<h2>{GROUP_MEMBERS}</h2>" not in page and f"<h2>{PLACE_COMMUNE}</h2>" not in page


def test_only_a_group_has_those_facts(corpus):
    from indexer.records import GROUP_MEMBERS, PLACE_COMMUNE

    having = {p.id for p in corpus.partnerships if GROUP_MEMBERS in p.extra or PLACE_COMMUNE in p.extra}
    assert having == {PONTCHARRA}  # not Thionville-Gao's « Gao/Gao/Gao », nor Ménaka/Anderamboukane/Gao
    several = {p.id for p in corpus.partnerships if p.partner_party and p.partner_party.kind == "communes"}
    assert several == {PONTCHARRA, "saint-denis--djeloubou-karokoro-et-sahel", "limours--fegui-et-nioro-du-sahel",
                       "communaute-de-communes-asterienne-isle-et-vern--djelebou-karakoro-et-sahel",
                       "essonne-sahel--diema-nioro"}  # « Diema/Nioro » (mali l.13941)


def test_a_groups_members_are_offered(client):
    """`La Roch` offered La Rochelle and La Roche-sur-Yon, not La Rochette: a group's members were no
    names of the autocomplete (only the parties' names were)."""
    def offered(q: str) -> list[str]:
        return [s["name"] for s in client.get("/api/suggest", query_string={"q": q}).get_json()["suggestions"]]

    assert {"La Rochette", "La Rochelle", "La Roche-sur-Yon"} <= set(offered("La Roch"))
    assert "Le Cheylas" in offered("Le Chey") and "St Maximin" in offered("Saint Max")
    found = client.get("/api/search", query_string={"q": 'collectivité:"La Rochette"'}).get_json()
    assert [r["id"] for r in found["results"]] == [PONTCHARRA]


@pytest.mark.parametrize("typed, name, pid", [
    ("Dembel", "Dembella", PONTCHARRA), ("Benka", "Benkadi", PONTCHARRA), ("Jlend", "Jlendio", PONTCHARRA),
    ("Fella", "Fella", PONTCHARRA), ("Djélou", "Djéloubou", "saint-denis--djeloubou-karokoro-et-sahel"),
])
def test_a_partner_named_by_its_members_list_is_offered_by_each_member_once(client, typed, name, pid):
    """« Dembella, Benkadi, Jlendio, Fella » is the partner's name and its members' list: its first member
    was taken for the name and never offered alone (`Dembel` offered the whole list only), and `Benka`
    offered both Benkadi and the list, two suggestions listing the same partnership (review 2 r44, #6)."""
    got = client.get("/api/suggest", query_string={"q": typed}).get_json()["suggestions"]
    assert [s["name"] for s in got] == [name]
    found = client.get("/api/search", query_string={"q": got[0]["query"]}).get_json()
    assert [r["id"] for r in found["results"]] == [pid]


def test_every_name_with_an_article_is_offered_as_it_is_typed(client, engine):
    """Each collectivity name opening with an article (La Rochelle, Le Cheylas, Les Mureaux, L'Haÿ…),
    typed up to its last word's first three letters, is offered."""
    from engine.state import _split_words, fold_text

    names = [e.name for e in engine.state().names if e.kind == "collectivité"
             and _split_words(fold_text(e.name))[0] in ("la", "le", "les", "l")]
    assert "La Rochette" in names and len(names) >= 5
    for name in names:
        cut = name.rfind(" ") if " " in name else name.rfind("-")
        typed = name[:cut + 4]
        offered = [s["name"] for s in client.get("/api/suggest", query_string={"q": typed}).get_json()["suggestions"]]
        assert name in offered, (typed, offered)


def test_one_rule_says_a_name_lists_several_collectivities():
    """Review r44, finding 7: the partner's kind split « A, B et C » into three communes and the
    group's members into two (« Karokoro et Sahel »); one splitter now serves both."""
    from indexer.parsers.groups import member_names, members_fact, names_listed
    from indexer.records import Party

    assert names_listed("Djéloubou, Karokoro et Sahel") == ["Djéloubou", "Karokoro", "Sahel"]
    assert member_names("Djéloubou", "Djéloubou, Karokoro et Sahel") == ["Djéloubou", "Karokoro", "Sahel"]
    named = "Pontcharra (38) Leader, La Rochette (73) et Le Cheylas (38)"
    assert member_names("Pontcharra", named) == ["Pontcharra", "La Rochette", "Le Cheylas"]
    group = Party(name="Pontcharra", name_raw=named)
    assert members_fact(group) == "Pontcharra (Isère, chef de file), La Rochette (Savoie), Le Cheylas (Isère)"
    assert member_names("Conseil général d'Ille-et-Vilaine", "Conseil Général d’Ille et Vilaine") == []  # one
    assert names_listed("Ville et communauté urbaine") == ["Ville et communauté urbaine"]
    # the annex's « Essonne Sahel / Essonne Diema/Nioro » (mali l.13941): two places, as « Fegui et Nioro du Sahel »
    assert names_listed("Diema/Nioro") == ["Diema", "Nioro"]
    assert names_listed("Fegui et Nioro du Sahel") == ["Fegui", "Nioro du Sahel"]



def test_opening_the_engine_loads_no_party_nor_figure_reading():
    """The engine reads a group's members (groups.member_names) with the name keys alone (namekeys.py): the
    parties' names and the figures (parties.py, fields.py, with their patterns) are the parsers', which cost
    each search process about 55 M instructions to load."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, engine, benchmarks.coldproc\n"
            "print(sorted(m for m in sys.modules if m in ('indexer.parsers.parties', 'indexer.parsers.fields')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent.parent,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    from indexer.parsers.groups import member_names  # what the engine reads with them
    assert member_names("Pontcharra", GROUP) == ["Pontcharra", "La Rochette", "Le Cheylas", "St Maximin"]
