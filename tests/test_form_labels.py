"""A form's label, however the sheet wrapped it, is never content (QA audit 6, #5): the second line of
the Mali form's heading « Perspectives du partenariat (ex : … ; quels axes à développer pour les 3
prochaines années ? partenariats à développer…) » was shown as Roncq-Sélinkégny's perspectives, and
the whole parenthesis as the CR Nord-Pas-de-Calais-ARK's; La Fouillouse-Sio's « Motivations & objectifs
de départ », whose sheet lost the « Histoire du partenariat » heading, were read as its partners."""
from __future__ import annotations

import pytest

from indexer.parsers.cuf_documents import PERSPECTIVES_LABEL
from indexer.parsers.sheet import past_label

HEAD = "Perspectives du partenariat (ex : existence d’une convention de financement triennale ; quels "


@pytest.mark.parametrize(("heading", "lines", "text"), [
    (" " + HEAD, ["axes à développer pour les 3 prochaines années ? partenariats à développer…) ", " ",
                  "Dans les trois ans à venir"], "Dans les trois ans à venir"),  # Roncq, mali l.10931
    ("Perspectives du partenariat ", [HEAD[28:] + "axes à développer pour les 3 prochaines ",
                                      "années ? partenariats à développer…)", "Rappel : 2000"],
     "Rappel : 2000"),  # CR Nord-Pas-de-Calais
    (HEAD + "axes à ", ["développer pour les 3 prochaines années ? partenariats à développer…) ", "",
                        "Partenariats à développer : UNICEF"], "Partenariats à développer : UNICEF"),  # its own words
    ("Perspectives du partenariat", ["Extension du projet"], "Extension du projet"),  # `Ex` is the text's
    (PERSPECTIVES_LABEL + " Réflexion 2009", ["en cours"], "Réflexion 2009\nen cours"),  # on the heading's line
])
def test_the_label_is_left_out_however_wrapped(heading, lines, text):
    assert "\n".join(past_label(heading, lines, PERSPECTIVES_LABEL)).strip() == text


def _record(corpus, pid):
    return next(p for p in corpus.partnerships if p.id == pid)


def test_no_perspectives_open_with_the_forms_heading(corpus):
    assert _record(corpus, "roncq--selinkegny").perspectives.startswith("Dans les trois ans à venir")
    assert _record(corpus, "cr-nord-pas-de-calais--assemblee-regionale-de-kayes").perspectives.startswith("Rappel :")
    for p in corpus.partnerships:
        assert "prochaines années ?" not in (p.perspectives or ""), p.id


def test_the_motives_open_the_objectives_without_their_heading(corpus):
    """La Fouillouse-Sio (mali l.7298-7311): the motives follow the financial partners directly."""
    sio = _record(corpus, "la-fouillouse--sio")
    assert sio.objectives.startswith("Pour la partie française : Initiative d’un adjoint de la municipalité")
    assert "Motivations" not in sio.partners and sio.partners.endswith("Dons des sympathisants et actions du comité")
    npdc = _record(corpus, "cr-nord-pas-de-calais--assemblee-regionale-de-kayes")  # its date stays (mali l.5240),
    # as the text's opening, not a bare « (1994) » referring to nothing
    assert npdc.objectives.startswith("1994 : Pour la partie française : Volonté d’appuyer")
    for p in corpus.partnerships:
        assert "Motivations & objectifs" not in f"{p.objectives} {p.partners}", p.id


def test_each_side_of_the_motives_is_its_own_paragraph_opened_by_its_label():
    """The Mali sheets print every side's label at its line's start (117 times), its text after it or
    on the next lines: Montreuil-Yélimané's PADDY sheet (l.9271-9272) ran `Pour la partie
    vietnamienne :` into the Malian side's last sentence, La Flèche-Markala's (l.7135-7137) its
    Malian side into the French one; its first sheet (l.8838-8840) left a blank line after `Pour la
    partie française :`, shown as a paragraph of its own where the PADDY sheet runs on."""
    from indexer.parsers.cuf import sides_apart
    from indexer.text import reflow

    def read(lines: list[str]) -> list[str]:
        return reflow(sides_apart(lines)).split("\n")

    gov = "gouvernance », en renforçant entre autres la coopération décentralisée. "
    vn = "Le Gouvernement du Vietnam et la province de Haï-Duong (avec laquelle la ville de Montreuil entretient des "
    assert read([gov, " Pour la partie vietnamienne : ", vn]) == [
        gov.strip(), f"Pour la partie vietnamienne : {vn.strip()}"]
    assert read(["Pour la partie française : ", "Recherche d’une coopération institutionnelle ",
                 "Pour la partie malienne :  ", "Recherche d’un partenariat "]) == [
        "Pour la partie française : Recherche d’une coopération institutionnelle",
        "Pour la partie malienne : Recherche d’un partenariat"]
    them = "La communauté malienne des migrants qui travaillent dans la région parisienne et vivent en grande "
    assert read(["Pour la partie française : ", "", them]) == [f"Pour la partie française : {them.strip()}"]
    # the date the label `Motivations & objectifs de départ (1994) :` leaves opens the text (CR Nord-Pas-de-Calais);
    # a side left blank stays apart from the next (AIMF, l.13317-13320)
    assert read(["1994 : ", "Pour la partie française : Volonté d’appuyer"]) == [
        "1994 : Pour la partie française : Volonté d’appuyer"]
    assert read(["Pour l’AIMF : ", "", "Pour la partie malienne : ", "former"]) == [
        "Pour l’AIMF :", "Pour la partie malienne : former"]


def test_no_side_label_runs_on_after_another_sides_text(corpus):
    """Over the whole corpus, a side's label opens its paragraph (a date before it apart), 8 sheets ran one on."""
    import re

    runs = [(p.id, para) for p in corpus.partnerships for t in (p.objectives, p.history) if t
            for para in t.split("\n") if re.search(r"(?<!^)(?<!\d : )Pour la partie \w+ :", para)]
    assert runs == []
