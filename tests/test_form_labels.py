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
