"""Joining extracted lines: the documents wrap at words, never inside one, so a
hyphen at a line end belongs to a compound and stays (`franco-` / `algérienne`),
a dash alone is no word's hyphen, and a blank line inside a compound is no
paragraph break."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer.text import capitalised, join_lines, join_wrapped, normal_case, reflow


@pytest.mark.parametrize("text, line, joined", [
    ("rencontres franco-", "algériennes", "rencontres franco-algériennes"),
    ("Conseil régional d'Ile-", "de-France", "Conseil régional d'Ile-de-France"),
    ("période 2005-", "2007", "période 2005-2007"),
    ("budget -", "64 370 /an", "budget - 64 370 /an"),  # a dash after a space: two words
    ("-", "64 370 /an", "- 64 370 /an"),  # a dash alone: a bullet, not a hyphen
    ("construction", "de latrines", "construction de latrines"),
    ("", "première ligne", "première ligne"),
])
def test_a_line_joins_the_text_before_it(text, line, joined):
    assert join_wrapped(text, line) == joined


def test_cell_lines_join_skipping_blanks_and_squashing_spaces():
    assert join_lines(["  Activités socio-", "", "culturelles  ", "et   sportives"]) \
        == "Activités socio-culturelles et sportives"


def test_reflow_keeps_a_compound_cut_by_a_blank_line_and_ends_other_paragraphs():
    lines = ["Assises de la coopération franco-", "", "algérienne à Paris.", "", "Deuxième paragraphe."]
    assert reflow(lines) == "Assises de la coopération franco-algérienne à Paris.\nDeuxième paragraphe."


def test_reflow_joins_a_sentence_the_page_cut_before_a_word_in_lower_case():
    """Dourdan-Troumgoumbé's perspectives (Mali l.6176-6178) showed « d'une démarche » and
    « agroécologique » as two paragraphs; a capital, a bullet or a finished sentence still starts one."""
    lines = ["• poursuite du projet dans le cadre d’une démarche", "", "agroécologique",
             "• installation de panneaux solaires"]
    assert reflow(lines) == "• poursuite du projet dans le cadre d’une démarche agroécologique\n" \
                            "• installation de panneaux solaires"
    assert reflow(["Une phrase finie.", "", "suite en minuscule"]) == "Une phrase finie.\nsuite en minuscule"
    assert reflow(["Sans point", "", "Majuscule"]) == "Sans point\nMajuscule"
    assert reflow(["Sans point", "", "- une puce"]) == "Sans point\n- une puce"
    # CC Sainte-Maure-de-Touraine-Mandé (Mali l.3034-3041) marks its items with a diamond
    assert reflow(["♦ Convention triennale signée en décembre 2007", "♦ Tournée retour des musiciens"]) == \
        "♦ Convention triennale signée en décembre 2007\n♦ Tournée retour des musiciens"
    assert reflow(["♦ Projet du premier Festival des Chasseurs du Mandé", "♦  "]) == \
        "♦ Projet du premier Festival des Chasseurs du Mandé"  # an empty item (l.3052) is no paragraph


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_no_record_glues_a_compound_or_adds_a_space_after_its_hyphen(corpus):
    # `francoalgérienne`, `compterendu` (the hyphen dropped) and `Tiers- Monde`, `socio- culturelles`
    # (a space added after it) were what joining lines gave before; a hyphen and a space written
    # so on one line of a document (`Maternité- centre de santé`) stay as written
    written = "\n".join(p.read_text(encoding="utf-8") for p in (Path(__file__).parents[1] / "data").glob("*.txt"))
    glued = re.compile(r"\b(?:franco(?:alg|mal)|compterendu|sagesfemmes)", re.IGNORECASE)
    cut = re.compile(r"[^\W\d_]+- [a-zà-ÿ]+")
    for record in [*corpus.partnerships, *corpus.actions]:
        data = record.to_dict()
        data.pop("original_text", None)
        for text in _strings(data):
            assert not glued.search(text), (record.id, text)
            assert all(m.group() in written for m in cut.finditer(text)), (record.id, text)


@pytest.mark.parametrize("raw, name", [
    ("kamatingué", "Kamatingué"),            # Annexe 1: `Faucon / Vaucluse kamatingué`
    ("Commune rurale de Dianguirdé", "Commune rurale de Dianguirdé"),
    ("CONSEIL GENERAL DU GERS", "Conseil général du Gers"),
])
def test_a_collectivity_name_begins_with_a_capital(raw, name):
    assert normal_case(raw) == name


def test_a_capital_initial_and_nothing_else_changes():
    assert capitalised("le puit de Kabida") == "Le puit de Kabida"
    assert capitalised("à Lille projet d’appui") == "À Lille projet d’appui"
    assert capitalised("3 puits") == "3 puits" and capitalised("") == "" and capitalised("eCOLE") == "ECOLE"
