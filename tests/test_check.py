"""The gold check: the scorer on small synthetic gold files, and the corpus against the targets."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.check import TARGETS, check, load_gold, pair_actions, report, select_split
from indexer.corpus import Corpus
from indexer.records import Action, Budget, Contact, Partnership, Party, SourceRef
from repertoires.cli import main

DOC = "x-repertoire.txt"
ROOT = Path(__file__).resolve().parents[1]


def _gold(split="dev", **over):
    g = {
        "document": DOC, "split": split, "sheet": {"first_line": 10, "last_line": 90},
        "id": "a--b",
        "french_party": {"name": "A", "country": "France", "region": "Bretagne"},
        "partner_party": {"name": "B", "country": "Mali", "region": "Kayes"},
        "first_contact_year": 1990, "formalized": 1992, "year_range": [1990, 2005],
        "domains": ["Santé", "Eau et assainissement"],
        "contacts": [{"name": "Jean DUPONT", "side": "french", "line": 12},
                     {"name": "Awa KEITA", "side": "partner", "line": 20},
                     {"name": "Moussa TRAORE", "side": "partner", "line": 22}],
        "actions": [
            {"title": "Construction du forage de Kolobo", "title_also": [], "start": 2000, "end": 2001,
             "budget": {"amount": 4448, "currency": None}, "domain_raw": "EAU", "line": 50},
            {"title": "Rénovation de la maternité", "title_also": ["Maternité"], "start": 2003, "end": 2003,
             "budget": None, "domain_raw": "SANTE", "line": 52},
            {"title": "Envoi de médicaments", "title_also": [], "start": None, "end": None,
             "budget": {"amount": 1500, "currency": "EUR"}, "domain_raw": "SANTE", "line": 54},
        ],
    }
    g.update(over)
    return g


def _corpus(pid="a--b", first=11, last=88):
    src = [SourceRef(DOC, first, last)]
    p = Partnership(id=pid, french_party=Party("A", country="France", region="Bretagne"),
                    partner_party=Party("B", country="Mali", region="Koulikoro"), countries=["Mali"],
                    first_contact_year=1990, formalized=1992, years=[1990, 1992, 2000, 2005],
                    domains=["Santé", "Éducation et formation"], sources=src,
                    contacts=[Contact(name="Jean DUPONT", side="french"),
                              Contact(name="Tél 01 02", side="french"),
                              Contact(name="Awa KEITA", side="french"), Contact(phone="01")])
    acts = [
        Action("a--b--a01", pid, "Construction du forage de Kolobo", start=2000, end=2001,
               budget=Budget("4448", 4448.0, None), sources=src),
        Action("a--b--a02", pid, "Maternité", start=2003, end=2004, sources=src),
        Action("a--b--a03", pid, "annuel", sources=src),
        Action("a--b--a04", pid, "Envoi de médicaments et de matériel", budget=Budget("1 500 F", 1500.0, "F"),
               sources=src),
    ]
    return Corpus(partnerships=[p], actions=acts, reports=[], checksum="")


def test_pairing_is_greedy_by_word_overlap():
    gold = _gold()["actions"]
    pairs = pair_actions(gold, _corpus().actions)
    assert [(g["line"], a.id[-3:]) for g, a in pairs] == [(50, "a01"), (52, "a02"), (54, "a04")]


def test_scores_on_a_synthetic_sheet():
    res = check(_corpus(), [_gold()])
    t = res.by_split["dev"]
    assert t.score("action_recall") == 1.0
    assert t.score("action_precision") == 3 / 4  # "annuel" is a cell, not a project
    assert t.score("titles") == 2 / 3  # "Maternité" is a title_also; the third has more words
    assert t.score("action_years") == 2 / 3  # 2003-2004 against 2003
    assert t.score("budgets") == 2 / 3  # F against EUR
    assert t.score("contact_names") == 2 / 3
    assert t.score("contact_sides") == 1 / 2
    assert t.score("contact_recall") == 2 / 3  # Moussa TRAORE is not among the record's contacts
    assert t.score("domains") == pytest.approx(2 * 1 / (2 + 2))
    assert t.score("years") == 1.0
    assert t.score("place") == 3 / 4  # Koulikoro against Kayes


def test_a_gold_sheet_scores_the_actions_of_its_own_lines_only():
    """A pair may have a second sheet in the document (Montreuil – Yélimané's PADDY programme,
    l.9112): its actions are neither listed nor denied by the gold of the first sheet."""
    corpus = _corpus()
    corpus.actions.append(Action("a--b--a05", "a--b", "Programme d'un autre tableau",
                                 sources=[SourceRef(DOC, 120, 130)]))
    t = check(corpus, [_gold()]).by_split["dev"]
    assert t.score("action_precision") == 3 / 4  # as without it: a05 stands after the sheet's l.90
    t = check(corpus, [_gold(sheet={"first_line": 10, "last_line": 130})]).by_split["dev"]
    assert t.score("action_precision") == 3 / 5


def test_sheet_matched_by_lines_when_ids_differ_and_splits_apart(tmp_path):
    d = tmp_path / "x-repertoire"
    d.mkdir()
    (d / "a--b.json").write_text(json.dumps(_gold(id="other-id")), encoding="utf-8")
    (d / "c.json").write_text(json.dumps(_gold(split="heldout", id="c--d",
                                                   sheet={"first_line": 500, "last_line": 600})),
                              encoding="utf-8")
    res = check(_corpus(), load_gold(tmp_path))
    assert res.by_split["dev"].score("action_recall") == 1.0
    assert res.by_split["heldout"].score("action_recall") == 0.0
    assert res.by_split["heldout"].unmatched == ["c--d"]
    text = report(res)
    assert "lot dev : 1 fiche de référence" in text and "lot heldout : 1 fiche de référence" in text


def test_split_option_scores_one_split_only(tmp_path, capsys):
    d = tmp_path / "x-repertoire"
    d.mkdir()
    (d / "a.json").write_text(json.dumps(_gold()), encoding="utf-8")
    (d / "b.json").write_text(json.dumps(_gold(split="heldout", id="c--d")), encoding="utf-8")
    golds = load_gold(tmp_path)
    assert [g["id"] for g in select_split(golds, "dev")] == ["a--b"]
    assert [g["id"] for g in select_split(golds, "heldout")] == ["c--d"]
    assert len(select_split(golds, "all")) == 2
    with pytest.raises(ValueError):
        select_split(golds, "test")
    assert "lot heldout" not in report(check(_corpus(), select_split(golds, "dev")))
    (d / "a.json").unlink()
    assert main(["index", "--check", str(tmp_path), "--split", "dev"]) == 1  # no dev sheet left
    assert "lot dev" in capsys.readouterr().err


def test_check_command_prints_both_splits(capsys):
    assert main(["index", "--check"]) == 0
    out = capsys.readouterr().out
    assert "lot dev : " in out and "actions retrouvées" in out


def _dev_gold_missed(tmp_path, monkeypatch) -> Path:
    """A gold folder whose one dev sheet the corpus gets partly wrong (the region: Kayes, read
    Koulikoro), with load_corpus giving that corpus."""
    import indexer.corpus

    (tmp_path / "x-repertoire").mkdir()
    (tmp_path / "x-repertoire" / "a--b.json").write_text(json.dumps(_gold()), encoding="utf-8")
    monkeypatch.setattr(indexer.corpus, "load_corpus", lambda data_dir: _corpus())
    return tmp_path


def test_the_report_marks_the_rows_under_their_target_in_french():
    text = report(check(_corpus(), [_gold()]))
    rows = {line.split("  ")[1].strip(): line for line in text.splitlines()[2:] if line.startswith("  ")}
    assert rows["pays et région"].endswith("75,0\u00a0%   ≥ 100\u00a0%   ✗ sous la cible")  # 3 of 4 right
    assert rows["noms des contacts"].endswith("≥ 98\u00a0%    ✗ sous la cible")  # the marks in one column
    assert "sous la cible" not in rows["années du partenariat"]  # no target


def test_check_exits_0_when_dev_misses_a_target_unless_strict(tmp_path, monkeypatch, capsys):
    """CI and the docs run `index --check` to read the figures: its exit stays 0 by default."""
    gold = _dev_gold_missed(tmp_path, monkeypatch)
    assert main(["index", "--check", str(gold)]) == 0
    assert "✗ sous la cible" in capsys.readouterr().out
    assert main(["index", "--check", str(gold), "--strict"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("erreur : le lot dev manque sa cible : ") and "pays et région 75,0\u00a0% < 100\u00a0%" in err


def test_strict_passes_when_dev_meets_every_target(tmp_path, monkeypatch, capsys):
    gold = _dev_gold_missed(tmp_path, monkeypatch)
    import indexer.check

    monkeypatch.setattr(indexer.check, "TARGETS", {"action_recall": 0.5})
    assert main(["index", "--check", str(gold), "--strict"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("argv, said", [
    (["--split", "dev"], "erreur : --split ne s'emploie qu'avec --check"),
    (["--strict"], "erreur : --strict ne s'emploie qu'avec --check"),
    (["--check", "--strict", "--split", "heldout"], "erreur : --strict juge le lot dev"),
])
def test_check_options_without_check_are_refused_before_anything_runs(tmp_path, capsys, argv, said):
    """`index --split dev` silently rebuilt the index, though its help says « with --check »."""
    with pytest.raises(SystemExit) as exit_info:
        main(["index", "--index", str(tmp_path / "ix"), *argv])
    assert exit_info.value.code == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "ix").exists()


# Fields still below their target on the dev gold (issue 11): each is reported by
# `repertoires index --check`. (Every field now meets its target: all are tested strictly.)
BELOW: set[str] = set()


@pytest.fixture(scope="module")
def dev_check(corpus):
    golds = load_gold(ROOT / "tests" / "gold")
    assert any(g["split"] == "dev" for g in golds)
    return check(corpus, golds)


@pytest.mark.slow
@pytest.mark.parametrize("field", [
    pytest.param(f, marks=pytest.mark.xfail(reason="below target, see BELOW", strict=False)) if f in BELOW else f
    for f in TARGETS])
def test_corpus_meets_the_target_on_the_dev_gold(dev_check, field):
    score = dev_check.by_split["dev"].score(field)
    assert score is not None and score >= TARGETS[field], f"{field} {100 * score:.1f}% < {100 * TARGETS[field]:.0f}%"


def test_contact_recall_counts_a_person_once_whatever_the_spellings_the_gold_lists():
    # paris--w-alger's gold lists `DELANOË` (its history) and `Bertrand DELANOË` (its contact block)
    from indexer.check import _gold_persons
    gold = [{"name": "DELANOË", "side": "french"}, {"name": "Bertrand DELANOË", "side": "french"},
            {"name": "Jean-Marie DEMANGE", "side": "french"}, {"name": "Bertrand MERTZ", "side": "french"},
            {"name": "MERTZ", "side": "partner"}]  # another side: another person
    assert _gold_persons(gold) == [{"bertrand delanoe", "delanoe"}, {"jean marie demange"}, {"bertrand mertz"},
                                   {"mertz"}]
