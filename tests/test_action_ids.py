"""Action ids that stay put (indexer/action_ids.py; QA r44, audit 8, defect 1). An action's id was
its rank in its partnership: when a parsing fix merged two actions of a sheet, every later action
moved up one and its old id opened the next action (38 of round 41's 973 ids). Now the ledger
indexer/action_ids.tsv keeps each id issued; a fix that merges or splits actions leaves the other
ids as they were, a lost id answers 410 (API and page), a new action gets a number never used."""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import action_ids, geography
from indexer.build import write_generation
from indexer.corpus import load_corpus
from indexer.records import Action
from test_sixth_repertoire import BURKINA, FILE, FIX

KALENKO = "bellerive-sur-oise--kalenko"
APART = "Construction du centre de santé de Kalenko\nDotation en médicaments\n"  # the fixture: two actions
TOGETHER = "Construction du centre de santé de Kalenko et dotation en médicaments\n\n"  # the same, read as one


@pytest.fixture
def read(tmp_path, monkeypatch):
    """Reads the Burkina fixture (tests/fixtures/burkina) against a ledger, as written or with the
    sheet's first two actions read as one (`together`): what a parsing fix changes, seen from the
    records."""
    monkeypatch.setitem(geography.TABLES, "Burkina Faso", FIX / "burkina.tsv")
    data = tmp_path / "data"
    data.mkdir()

    def read(ledger: list[action_ids.Entry], together: bool = False, edits: tuple[tuple[str, str], ...] = ()):
        text = (FIX / FILE).read_text(encoding="utf-8")
        assert APART in text
        for was, now in (*edits, *([(APART, TOGETHER)] if together else [])):
            assert was in text
            text = text.replace(was, now)
        (data / FILE).write_text(text, encoding="utf-8")
        return load_corpus(data, repertoires=[BURKINA], ledger=ledger)

    yield read
    geography._LOADED.pop("Burkina Faso", None)


def ids(corpus) -> dict[str, str]:
    return {a.title: a.id for a in corpus.actions}


def test_merging_two_actions_keeps_every_other_action_id(read):
    before = read([])
    assert ids(before)["Forage du quartier Nord"] == f"{KALENKO}--a03"
    assert ids(read([], together=True))["Forage du quartier Nord"] == f"{KALENKO}--a02"  # by rank, it moved
    after = read(action_ids.updated([], before.actions), together=True)
    assert ids(after) == {
        "Construction du centre de santé de Kalenko et dotation en médicaments": f"{KALENKO}--a01",
        "Forage du quartier Nord": f"{KALENKO}--a03",
        "Réhabilitation de deux puits": f"{KALENKO}--a04",
        "Formation de six matrones": "cg-vallee-haute--sanwega--a01",
    }
    assert after.retired == {f"{KALENKO}--a02": {"partnership_id": KALENKO, "title": "Dotation en médicaments"}}
    (report,) = after.reports
    assert any(w.startswith(f"l'id {KALENKO}--a02 (« Dotation en médicaments ») ne répond plus à aucune action")
               and "repertoires ids" in w for w in report.warnings)


def test_splitting_an_action_gives_its_new_part_a_number_never_used(read):
    ledger = action_ids.updated([], read([], together=True).actions)
    ledger.append(action_ids.Entry(KALENKO, f"{KALENKO}--a04", "Une action d'une lecture plus ancienne", retired=True))
    after = read(ledger)
    assert ids(after) == {
        "Construction du centre de santé de Kalenko": f"{KALENKO}--a01",
        "Dotation en médicaments": f"{KALENKO}--a05",  # a04 was issued once: never again
        "Forage du quartier Nord": f"{KALENKO}--a02",
        "Réhabilitation de deux puits": f"{KALENKO}--a03",
        "Formation de six matrones": "cg-vallee-haute--sanwega--a01",
    }
    assert [a.title for a in after.actions][:2] == ["Construction du centre de santé de Kalenko",
                                                    "Dotation en médicaments"]  # shown in document order
    (report,) = after.reports
    assert any(w.startswith(f"ligne 73 : l'action « Dotation en médicaments » prend un id nouveau, {KALENKO}--a05")
               for w in report.warnings)


# The sheet's two water actions given one title (« Forage du quartier Nord », 2004, 12 500 and 2006,
# 4 800), then the first of them dropped with its year and budget: what a parsing fix may do to a
# table of same-titled rows (QA r44, audit 9, defect 1: viroflay--cercle-kolokani's two « Ecoles »).
NAMESAKES = (("Réhabilitation de deux puits", "Forage du quartier Nord"),)
FIRST_DROPPED = (*NAMESAKES, ("Forage du quartier Nord\nForage du quartier Nord", "Forage du quartier Nord"),
                 ("2004\n2006", "2006"), ("12 500\n4 800", "4 800"))


def test_dropping_the_first_of_two_same_titled_actions_keeps_the_second_its_id(read):
    before = read([], edits=NAMESAKES)
    wells = [(a.id, a.years, a.budget.text) for a in before.actions if a.title == "Forage du quartier Nord"]
    assert [(i, t) for i, _, t in wells] == [(f"{KALENKO}--a03", "12 500"), (f"{KALENKO}--a04", "4 800")]
    after = read(action_ids.updated([], before.actions), edits=FIRST_DROPPED)
    (left,) = [a for a in after.actions if a.title == "Forage du quartier Nord"]
    assert (left.id, left.budget.text) == (f"{KALENKO}--a04", "4 800")  # was a03: the dropped action's id
    assert set(after.retired) == {f"{KALENKO}--a03"}


def test_an_action_that_comes_back_takes_its_retired_id_again(read):
    """QA r44, audit 9, defect 2: a fix merged two actions (a02 retired), then was reverted; the
    action back got a new number and its old id kept answering 410 « n'existe plus »."""
    merged = action_ids.updated([], read([]).actions)
    merged = action_ids.updated(merged, read(merged, together=True).actions)
    assert [e.action_id for e in merged if e.retired] == [f"{KALENKO}--a02"]
    back = read(merged)
    assert ids(back)["Dotation en médicaments"] == f"{KALENKO}--a02"  # not a05
    assert back.retired == {}
    (report,) = back.reports
    assert any("reprend son id retiré, " + f"{KALENKO}--a02" in w for w in report.warnings)
    again = action_ids.updated(merged, back.actions)
    assert action_ids.changes(merged, again)["revived"] == 1 and not any(e.retired for e in again)


def test_the_ledger_is_written_and_read_back_and_never_renumbered(read, tmp_path):
    first = action_ids.updated([], read([]).actions)
    path = tmp_path / "ids.tsv"
    action_ids.write(first, path)
    assert action_ids.read(path) == sorted(first, key=lambda e: (e.partnership_id, e.number))
    merged = read(action_ids.read(path), together=True)
    second = action_ids.updated(action_ids.read(path), merged.actions)
    assert action_ids.changes(action_ids.read(path), second) == {"added": 0, "retired": 1, "retitled": 1,
                                                                 "revived": 0, "marked": 0}
    assert {e.action_id for e in second} == {e.action_id for e in first}
    assert [e.action_id for e in second if e.retired] == [f"{KALENKO}--a02"]
    assert action_ids.updated(second, read(second, together=True).actions) == second  # up to date


def test_close_titles():
    assert action_ids.close("Création de jardins maraîchers", "Création de jardins maraîchers, plantations d’arbres")
    assert action_ids.close("Constrution du centre de santé", "Construction des centres de santé")
    assert action_ids.close("Constrcution du centre de santé", "Construction des centres de santé")  # swapped
    assert not action_ids.close("Constrcuton du centre de santé", "Construction des centres de santé")  # two
    assert not action_ids.close("Envoi de médicaments", "Envoi de matériel médical")
    for a, b in (("Appui à l'élevage cunicole", "Appui à l'élevage caprin"),
                 ("Échanges scolaires", "Échanges universitaires"),
                 ("Construction école B", "Clôture école B"),
                 ("Achat de matériels et de bétails", "Achat de fournitures scolaires et matériels pédagogiques")):
        assert not action_ids.close(a, b), (a, b)  # siblings of today's ledger: half their words (« des ») shared
    assert action_ids.fingerprint("Forage  du Quartier-Nord.") == action_ids.fingerprint("forage du quartier nord")


def test_the_ledger_covers_the_corpus(corpus):
    """Fails when a change to the parsers merged, split, added or retitled actions: run
    `repertoires ids` (it adds the new ids and retires the lost ones, renumbering none)."""
    ledger = action_ids.read()
    changed = action_ids.changes(ledger, action_ids.updated(ledger, corpus.actions))
    assert not any(changed.values()), (
        f"indexer/action_ids.tsv does not cover the corpus's actions ({changed}): run `repertoires ids`")


def test_the_ids_command_adds_and_retires_and_check_says_so(monkeypatch, tmp_path, capsys):
    from repertoires.cli import main

    ledger = action_ids.read()
    dropped = [e for e in ledger if e.partnership_id == ledger[0].partnership_id][-1]  # its last number: given again
    gone = action_ids.Entry("paris--rabat", "paris--rabat--a98", "Une action disparue")
    stale = [e for e in ledger if e != dropped] + [gone]
    path = tmp_path / "action_ids.tsv"
    action_ids.write(stale, path)
    monkeypatch.setattr(action_ids, "LEDGER", path)
    assert main(["ids", "--check"]) == 1
    assert "lancez « repertoires ids »" in capsys.readouterr().err
    assert main(["ids"]) == 0
    assert "1 identifiant ajouté, 1 retiré, 0 titre changé" in capsys.readouterr().out
    again = {e.action_id: e for e in action_ids.read(path)}
    assert again[dropped.action_id] == dropped and again["paris--rabat--a98"].retired
    assert main(["ids", "--check"]) == 0


def test_the_ids_command_names_each_id_and_keeps_the_data_it_was_given(monkeypatch, tmp_path, capsys):
    """QA r44, audit 9, defect 7: `ids` and `ids --check` gave counts only, and `ids --check --data X`
    advised « lancez « repertoires ids » », which updates the ledger against data/."""
    from indexer.corpus import DEFAULT_DATA_DIR
    from repertoires.cli import main

    ledger = action_ids.read()
    dropped = [e for e in ledger if e.partnership_id == ledger[0].partnership_id][-1]
    path = tmp_path / "action_ids.tsv"
    action_ids.write([e for e in ledger if e != dropped]
                     + [action_ids.Entry("paris--rabat", "paris--rabat--a98", "Une action disparue")], path)
    monkeypatch.setattr(action_ids, "LEDGER", path)
    assert main(["ids", "--check", "--data", str(DEFAULT_DATA_DIR)]) == 1
    err = capsys.readouterr().err
    assert f"lancez « repertoires ids --data {DEFAULT_DATA_DIR} »" in err
    assert f"ajouté : {dropped.action_id} (« {dropped.title} »)" in err
    assert "retiré : paris--rabat--a98 (« Une action disparue »)" in err
    assert main(["ids"]) == 0
    assert "retiré : paris--rabat--a98 (« Une action disparue »)" in capsys.readouterr().out


@pytest.fixture
def merged_app(read, tmp_path):
    """The app on an index of the fixture after the merge: KALENKO--a02 retired."""
    from search_app import create_app

    corpus = read(action_ids.updated([], read([]).actions), together=True)
    write_generation(tmp_path / "index", corpus)
    return create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True})


def test_a_retired_id_answers_410_naming_its_partnership(merged_app):
    client = merged_app.test_client()
    resp = client.get(f"/api/actions/{KALENKO}--a02")
    assert resp.status_code == 410
    error = resp.get_json()["error"]
    assert (error["code"], error["parameter"]) == ("gone", "id")
    assert error["message"].startswith(f"L'action « Dotation en médicaments » ({KALENKO}--a02) n'existe plus")
    assert error["message"].endswith(f" : /api/partnerships/{KALENKO}.")
    assert client.get(f"/api/actions/{KALENKO}--a03").get_json()["title"] == "Forage du quartier Nord"
    page = client.get(f"/partenariats/{KALENKO}--a02")
    assert page.status_code == 410 and page.headers["Cache-Control"] == "no-store"  # as the API's
    html = page.get_data(as_text=True)
    assert "Dotation en médicaments" in html and "existe plus" in html and f'href="/partenariats/{KALENKO}"' in html
    said = html.split("<p class=\"error-code\">Erreur 410</p>", 1)[1].split("</p>", 1)[0]
    assert "/partenariats/" not in said and "aucune autre action." in said  # the link below says where
    as_partnership = client.get(f"/api/partnerships/{KALENKO}--a02")  # the id typed where a record's goes
    assert as_partnership.status_code == 410 and as_partnership.get_json()["error"] == error


def test_an_id_never_issued_stays_404_and_says_the_numbers(merged_app):
    client = merged_app.test_client()
    resp = client.get(f"/api/actions/{KALENKO}--a09")
    assert resp.status_code == 404
    assert resp.get_json()["error"]["message"].endswith("ses 3 actions vont de a01 à a04, sans a02.")
    assert client.get(f"/partenariats/{KALENKO}--a09").status_code == 404


def test_an_old_link_to_a_retired_anchor_lands_on_what_became_of_it(merged_app):
    """`/partenariats/<pid>#<retired id>`: the page keeps an element with that id saying the action
    is gone (shown by CSS only when targeted), instead of landing silently at the top."""
    html = merged_app.test_client().get(f"/partenariats/{KALENKO}").get_data(as_text=True)
    note = html.split(f'id="{KALENKO}--a02"', 1)[1].split("</p>", 1)[0]
    assert 'class="retired-action"' in note and "Dotation en médicaments" in note and "n&#39;existe plus" in note
    assert html.count(f'id="{KALENKO}--a03"') == 1  # the living actions keep their rows' anchors


def test_a_new_action_unlike_the_dropped_one_does_not_take_its_id():
    """Review r44, finding 1: « Appui à l'élevage cunicole » dropped and « Appui à l'élevage ovin »
    added in the same partnership: the new action took a01 (two words of three alike), and old links
    to the rabbits opened the sheep, with 200 and no warning."""
    pid = "nantes--agadir"
    ledger = [action_ids.Entry(pid, f"{pid}--a01", "Appui à l'élevage cunicole", "d.txt"),
              action_ids.Entry(pid, f"{pid}--a02", "Appui à l'élevage caprin", "d.txt"),
              action_ids.Entry(pid, f"{pid}--a03", "Construction des écoles", "d.txt")]
    acts = [Action(id="", partnership_id=pid, title=t)
            for t in ("Appui à l'élevage caprin", "Construction d'écoles", "Appui à l'élevage ovin")]
    warnings: list[str] = []
    known: dict = {pid: None}  # the partnership is known: its record does not count
    action_ids.number_actions(acts, known, ledger, warnings)
    assert [a.id for a in acts] == [f"{pid}--a02", f"{pid}--a03", f"{pid}--a04"]
    assert action_ids.lost_ids(ledger, acts)[0] == {f"{pid}--a01": {"partnership_id": pid,
                                                                "title": "Appui à l'élevage cunicole"}}


def test_a_document_not_read_retires_none_of_its_ids(read, tmp_path):
    """Review r44, finding 2: a build that could not read a document (no earlier index to fall back
    on) retired all its actions' ids, and each answered 410 « n'existe plus » (106 for Algeria's
    sheets), one « ne répond plus » warning each. Now they are missing for now, and say why."""
    from search_app import create_app

    ledger = action_ids.updated([], read([]).actions)
    (tmp_path / "data" / FILE).write_text("", encoding="utf-8")  # unreadable
    corpus = load_corpus(tmp_path / "data", repertoires=[BURKINA], ledger=ledger)
    assert not corpus.ok and corpus.retired == {}
    assert set(corpus.unread_ids) == {e.action_id for e in ledger}
    assert not any("ne répond plus" in w for r in corpus.reports for w in r.warnings)
    write_generation(tmp_path / "index", corpus)
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    resp = client.get(f"/api/actions/{KALENKO}--a02")
    assert resp.status_code == 404
    assert resp.get_json()["error"]["message"] == (
        f"L'action « Dotation en médicaments » ({KALENKO}--a02) n'est pas dans le répertoire pour l'instant : "
        f"son document, « {FILE} », n'a pas pu être lu à la dernière construction de l'index.")
    page = client.get(f"/partenariats/{KALENKO}--a02")
    assert page.status_code == 404 and "n&#39;a pas pu être lu" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("line, said", [
    ("<<<<<<< HEAD", "ligne 3 : marque de conflit de fusion « <<<<<<< HEAD »"),
    ("x--y\tx--y--b1\tactive\td.txt\tT", "ligne 3 : l'id « x--y--b1 » n'est pas celui d'une action de « x--y »"),
    ("x--y\tx--y--a01\tretiré\td.txt\tT", "ligne 3 : état « retiré » inconnu (« active » ou « retired »)"),
])
def test_a_malformed_ledger_line_stops_the_build_with_one_french_line(line, said, monkeypatch, tmp_path, capsys):
    """Review r44, finding 3: a merge's conflict marks or a hand edit in indexer/action_ids.tsv
    stopped `repertoires index` (and `serve`, which rebuilds) with a ValueError's traceback, and an
    unknown state (`retiré`) made the id active without a word."""
    from repertoires.cli import main

    path = tmp_path / "action_ids.tsv"
    header, first = action_ids.LEDGER.read_text(encoding="utf-8").splitlines()[:2]
    path.write_text(f"{header}\n{first}\n{line}\n", encoding="utf-8")
    monkeypatch.setattr(action_ids, "LEDGER", path)
    with pytest.raises(action_ids.LedgerError) as raised:
        action_ids.read()
    assert str(raised.value).startswith(f"{tmp_path}/action_ids.tsv : {said}")
    assert main(["ids", "--check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("erreur : ") and said in err and "Traceback" not in err and err.count("\n") == 1


def test_a_malformed_ledger_line_stops_index_without_a_traceback(monkeypatch, tmp_path, capsys):
    from repertoires.cli import main

    path = tmp_path / "action_ids.tsv"
    text = action_ids.LEDGER.read_text(encoding="utf-8")
    path.write_text(text + "<<<<<<< HEAD\n", encoding="utf-8")
    monkeypatch.setattr(action_ids, "LEDGER", path)
    assert main(["index", "--index", str(tmp_path / "ix")]) == 1
    assert capsys.readouterr().err.splitlines()[-1].startswith(
        f"erreur : {path} : ligne {text.count(chr(10)) + 1} : marque de conflit de fusion « <<<<<<< HEAD »")
    assert action_ids._shown(Path(action_ids.__file__).with_name("action_ids.tsv")) == "indexer/action_ids.tsv"


def test_a_retired_id_whose_partnership_is_gone_blames_no_reading_and_offers_its_title(read, tmp_path):
    """Review r44, finding 4: the 410 said « une correction de la lecture de son document l'a fondue
    dans une autre ou retirée » (nothing was merged: the partnership's id changed) and ended « Son
    partenariat « paris--ancien » », a slug in French quotes, as if it were a title."""
    from search_app import create_app

    ledger = [*action_ids.updated([], read([]).actions),
              action_ids.Entry("paris--ancien", "paris--ancien--a01", "Jumelage des écoles", "d.txt", retired=True)]
    write_generation(tmp_path / "index", read(ledger))
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    said = ("L'action « Jumelage des écoles » (paris--ancien--a01) n'a plus cet identifiant : son partenariat "
            "(identifiant « paris--ancien ») n'est plus dans le répertoire sous ce nom ; "
            "cherchez l'action par son titre.")
    resp = client.get("/api/actions/paris--ancien--a01")
    assert resp.status_code == 410 and resp.get_json()["error"]["message"] == said
    html = client.get("/partenariats/paris--ancien--a01").get_data(as_text=True)
    assert "correction de la lecture" not in html and "Voir la fiche" not in html
    assert 'href="/?q=Jumelage+des+%C3%A9coles"' in html


def test_a_partnership_page_does_not_scan_every_retired_id(merged_app):
    """Review r44, finding 10: each /partenariats/<id> sorted and filtered the whole map of retired
    ids (it only grows); it is grouped by partnership once per generation."""
    from search_app.index import get_engine

    class Unscanned(dict):
        def items(self):
            raise AssertionError("the retired ids were scanned again")

    with merged_app.app_context():
        engine = get_engine()
        first = engine.retired_actions_of(KALENKO)
        assert [a["id"] for a in first] == [f"{KALENKO}--a02"]
        meta = engine.state().generation.meta
        meta["retired_actions"] = Unscanned(meta["retired_actions"])
        assert engine.retired_actions_of(KALENKO) == first and engine.retired_actions_of("paris--rabat") == []


def test_a_partnerships_titles_are_fingerprinted_once_each(monkeypatch):
    """Read 2, r44: matching same titles fingerprinted every action and ledger entry again for each
    title, and an action's marks for each pair (~32k calls, ~0.1 s a build): once each now."""
    pid = "nantes--agadir"
    titles = [f"Action numéro {n} de la coopération" for n in range(30)]
    ledger = [action_ids.Entry(pid, f"{pid}--a{n + 1:02d}", t, "d.txt") for n, t in enumerate(titles)]
    acts = [Action(id="", partnership_id=pid, title=t) for t in titles]
    calls: list[str | None] = []
    fingerprint = action_ids.fingerprint
    monkeypatch.setattr(action_ids, "fingerprint", lambda title: calls.append(title) or fingerprint(title))
    action_ids.number_actions(acts, {pid: None}, ledger, [])
    assert [a.id for a in acts] == [e.action_id for e in ledger]
    assert len(calls) <= 5 * len(titles)
