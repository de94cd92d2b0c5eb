"""A sheet written twice in one document is read once, with a warning (QA r45, audit 13: Chaumont – San
copied after itself gave its two actions twice, chaumont--san--a03 and --a04, without a word)."""
from __future__ import annotations

import pytest

from indexer import geography
from indexer.corpus import load_corpus
from indexer.parsers.repeated import SheetTexts
from test_sixth_repertoire import BURKINA, FILE, FIX


@pytest.fixture
def read(tmp_path, monkeypatch):
    """The test repertoire's corpus, its text changed by `edit`."""
    monkeypatch.setitem(geography.TABLES, "Burkina Faso", FIX / "burkina.tsv")
    lines = (FIX / FILE).read_text(encoding="utf-8").split("\n")

    def read(edit):
        data = tmp_path / "data"
        data.mkdir(exist_ok=True)
        (data / FILE).write_text("\n".join(edit(list(lines))), encoding="utf-8")
        return load_corpus(data, repertoires=[BURKINA])
    return read


def first_sheet(lines: list[str]) -> tuple[int, int]:
    dates = [i for i, line in enumerate(lines) if "Date de mise à jour" in line]
    return dates[0], dates[1]


def test_a_sheet_copied_after_itself_is_read_once_and_said(read):
    whole = read(lambda lines: lines)

    def twice(lines):
        a, b = first_sheet(lines)
        return lines[:b] + lines[a:b] + lines[b:]

    doubled = read(twice)
    assert [(a.id, a.title) for a in doubled.actions] == [(a.id, a.title) for a in whole.actions]
    assert [p.id for p in doubled.partnerships] == [p.id for p in whole.partnerships]
    a, b = first_sheet((FIX / FILE).read_text(encoding="utf-8").split("\n"))
    said = [w for w in doubled.reports[0].warnings if "deuxième fois" in w]
    assert said == [(f"ligne {b + 1} : fiche écrite une deuxième fois (déjà ligne {a + 1}) : la seconde est ignorée "
                     "Date de mise à jour : 12/03/2009")]


def test_two_sheets_that_differ_are_both_read():
    texts = SheetTexts()
    assert texts.repeated(["Date de mise à jour : 12/03/2009", "A / B"], 15) is None
    assert texts.repeated(["Date de mise à jour : 12/03/2009", "A / C"], 97) is None
    assert texts.repeated([" Date de mise à jour :  12/03/2009 ", "A /  B"], 140) == 15  # spacing aside
