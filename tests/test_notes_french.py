"""The notes on the sources (« Remarques sur les sources » on a partnership's page, `notes` in the
API and the exports) are read by French users: 15 of them were English (« Written « Mairie du Grand
Lyon »: the Grand Lyon is … », « Country not written in the list; Kidal is in Mali. »)."""
from __future__ import annotations

import re

import pytest

from indexer import geography

# English function words and the words the English notes used; none is a French word (« a », « on »,
# « or », « as » and « in » are left out: French writes them too)
ENGLISH = frozenset({"the", "is", "was", "were", "of", "and", "with", "from", "by", "this", "that", "its",
                     "not", "no", "under", "gives", "files", "written", "read", "line", "list", "sheet",
                     "country", "partnership", "partnerships", "kept", "previous", "for", "which"})
QUOTED = re.compile(r"«[^»]*»")  # what the source writes, as it writes it


def english_words(note: str) -> set[str]:
    return {w for w in re.findall(r"[a-zà-ÿ]+", QUOTED.sub(" ", note).lower()) if w in ENGLISH}


def spacing_faults(note: str) -> list[str]:
    """High punctuation glued to the word before it (« Written « X »: read »), and guillemets
    without their space."""
    text = QUOTED.sub(lambda m: "« x »" if m.group(0).startswith("« ") and m.group(0).endswith(" »")
                      else m.group(0), note)
    return re.findall(r"\S[:;!?](?!\S)|«\S|\S»", text)


@pytest.mark.parametrize("note", [
    "Written « Mairie du Grand Lyon »: the Grand Lyon is the Communauté urbaine de Lyon.",
    "Country not written in the list; Kidal is in Mali.",
    "Annexe 1 (line 13952) files this partnership under Kidal; the sheet gives Gao",
])
def test_the_check_finds_the_english_notes_the_audit_saw(note):
    assert english_words(note)


def test_the_check_takes_a_french_note_and_its_quotations():
    note = "Sommaire : « The Grand Lyon is », fiche : « Commune rurale de Souk El Khémis »"
    assert not english_words(note) and not spacing_faults(note)
    assert spacing_faults("Écrit « Alger »: la wilaya d'Alger.") == ["»:"]


def test_every_note_of_every_record_is_french(engine):
    st = engine.state()
    notes = [(r["id"], n) for records in (st.partnerships, st.actions) for r in records.values()
             for n in r.get("notes") or []]
    assert len(notes) > 20  # the corpus's notes were read
    english = [(pid, n) for pid, n in notes if english_words(n)]
    assert not english, english
    spaced = [(pid, n) for pid, n in notes if spacing_faults(n)]
    assert not spaced, spaced


def test_the_notes_the_audit_saw_are_french(engine):
    assert "La liste du MICL écrit « Mairie du Grand Lyon » : le Grand Lyon est la Communauté urbaine " \
           "de Lyon." in engine.partnership("cu-lyon--oran")["notes"]
    assert engine.partnership("kidal--tamanrasset")["notes"] == [
        "La liste du MICL ne donne pas le pays ; Kidal est au Mali."]
    assert engine.partnership("cg-seine-saint-denis--figuig")["notes"] == [
        "Le document classe ce partenariat au Mali ; Figuig est au Maroc."]


@pytest.mark.parametrize(("country", "said"), [
    ("Mali", "au Mali"), ("Maroc", "au Maroc"), ("Algérie", "en Algérie"), ("France", "en France"),
    ("États-Unis", "aux États-Unis"), ("Cuba", "à Cuba")])
def test_in_country_says_where_a_place_is_as_french_does(country, said):
    assert geography.in_country(country) == said
