"""The build's warnings (« avertissement : » in `repertoires index --warnings`) and its planned
years are read by French users: most were the parsers' English (« line 454: empty contact template
(XX, département de) », « line 2749: 2008 planned: prévu 06-2008 »). Each is now « ligne N : » and
French words, then the excerpt of the source as the document writes it."""
from __future__ import annotations

import io
import re

import pytest

from indexer.sources import source_bytes, source_text
from repertoires.output import print_build_summary
from test_notes_french import english_words, spacing_faults

# the words of the parsers' English messages, none a French word (« contact », « section »,
# « accord », « prose » and « contents » are French too and left out)
PARSER_ENGLISH = frozenset({
    "empty", "template", "slot", "only", "statement", "unplaced", "region", "found", "matches",
    "understood", "entry", "parsed", "planned", "before", "any", "into", "duplicate", "unknown",
    "given", "header", "error", "stopped", "early", "whole", "heading", "maps", "domain", "sector",
    "paragraph", "row", "lists", "does", "outside", "field", "summary", "synthesis", "annex", "split",
    "party", "project", "side", "multilateral", "bilateral", "foreign", "adjective"})
LINE = re.compile(r"ligne \d+ : \S")  # as indexer/corpus.py writes its own: a plain space before the colon


def excerpt_start(message: str, source: str) -> int:
    """Where the excerpt of the source begins in `message`: the longest tail of it, from a word's
    start, that the document writes (its spaces squashed, as the warnings squash them)."""
    starts = [m.start() for m in re.finditer(r"(?<!\S)\S", message)]
    return next((k for k in starts if message[k:] in source), len(message))


def faults(message: str, source: str) -> list[str]:
    """What is not French in one warning or planned line: its opening, its English words and its
    glued punctuation, the excerpt of the source left out."""
    said = message[:excerpt_start(message, source)]
    out = [] if LINE.match(message) else ["does not open with « ligne N : »"]
    words = english_words(said) | {w for w in re.findall(r"[a-zà-ÿ]+", said.lower()) if w in PARSER_ENGLISH}
    out += [f"English word « {w} »" for w in sorted(words)]
    out += [f"glued « {f} »" for f in spacing_faults(said)]
    return out


def shown_lines(result) -> dict[str, list[str]]:
    """Per document, the warnings and the planned lines `repertoires index --warnings` prints."""
    out = io.StringIO()
    print_build_summary(result, show_warnings=True, out=out)
    shown: dict[str, list[str]] = {}
    document = None
    for line in out.getvalue().splitlines():
        row = line.split()
        if line.startswith("  ") and not line.startswith("   ") and row and row[0].endswith(".txt"):
            document = row[0]
        elif line.startswith("      avertissement : "):
            shown.setdefault(document, []).append(line[len("      avertissement : "):])
        elif line.startswith("        "):  # under « années prévues … »
            shown.setdefault(document, []).append(line.strip())
    return shown


@pytest.fixture(scope="module")
def sources(data_dir, corpus) -> dict[str, str]:
    paths = [data_dir / r.document for r in corpus.reports]
    return {path.name: " ".join(source_text(path, source_bytes(path)).split()) for path in paths}


def test_every_warning_the_build_prints_is_french(built, corpus, sources):
    shown = shown_lines(built[1])
    assert sum(map(len, shown.values())) == sum(len(r.warnings) + len(r.planned) for r in corpus.reports)
    assert sum(len(r.warnings) for r in corpus.reports) == 24  # the corpus's warnings were read
    assert sum(len(r.planned) for r in corpus.reports) > 20
    wrong = [(document, line, found) for document, lines in shown.items() for line in lines
             if (found := faults(line, sources[document]))]
    assert not wrong, wrong


ALGERIE, MALI, MAROC = "algerie-cooperation-decentralisee.txt", "mali-repertoire-2008.txt", "maroc-repertoire-2008.txt"


@pytest.mark.parametrize("document, english", [
    (ALGERIE, "line 454: empty contact template (XX, département de)"),
    (ALGERIE, "ligne 412 : empty project slot Projet 1 réalisé"),
    (ALGERIE, "ligne 766 : unplaced contact line Le signataire de l’accord est Mohammed Kebir ADDOU, Wali d’A"),
    (MALI, "ligne 12618 : no Mali region for Conseil général de la Seine-Saint-Denis – Figuig"),
    (MALI, "line 2749: 2008 planned: prévu 06-2008"),
    (MAROC, "ligne 292 : synthesis entry matches no sheet: Ville de Bordeaux"),
])
def test_the_check_finds_an_english_warning(sources, document, english):
    assert faults(english, sources[document])


@pytest.mark.parametrize("document, french", [
    (ALGERIE, "ligne 454 : modèle de contact vide (XX, département de)"),
    (ALGERIE, "ligne 3919 : aucun projet, seulement une déclaration Pas de projets concrets réalisés avec l’APC"),
    (MALI, "ligne 2749 : année prévue 2008 : prévu 06-2008"),
])
def test_the_check_takes_a_french_warning_and_its_excerpt(sources, document, french):
    assert faults(french, sources[document]) == []


def test_the_ledgers_warnings_are_shown_without_the_option():
    """QA r44, audit 9, defect 7: without --warnings, `repertoires index` showed the first three
    warnings and hid an id's retirement (links turned to 410) behind « … 1 autre avertissement »."""
    from types import SimpleNamespace

    from indexer import action_ids
    from indexer.corpus import DocumentReport

    # the ledger's warnings are told by their kind (action_ids.IdWarning), not by the command they name
    others = [f"ligne {n} : un avertissement de lecture (repertoires ids n'y peut rien)" for n in range(1, 6)]
    made: list[str] = []
    action_ids.number_actions([], {}, [action_ids.Entry("x--y", "x--y--a09", "Campagnes", MALI)], made)
    [retired] = made
    assert "ne répond plus à aucune action : il est retiré (410)" in retired
    report = DocumentReport(MALI, warnings=[*others, retired])
    corpus = SimpleNamespace(partnerships=[], actions=[], reports=[report])
    result = SimpleNamespace(corpus=corpus, documents=1, seconds=1.0, generation="gen-x",
                             counts=lambda: {"by_source": {}})
    out = io.StringIO()
    print_build_summary(result, out=out)
    text = out.getvalue()
    assert f"avertissement : {retired}" in text and "… 2 autres avertissements (--warnings les affiche)" in text
    assert [line for line in text.splitlines() if "avertissement : ligne" in line] == [
        f"      avertissement : {w}" for w in others[:3]]

