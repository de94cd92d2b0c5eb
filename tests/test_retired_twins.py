"""A retired action id that was a copy of an action its partnership keeps names that action (review 1,
r49, item 6): montreuil--yelimane a44, a45 and a47 repeated a40, a41 and a42 and answered 410 « … ne
désigne aucune autre action ». The ledger (indexer/action_ids.tsv) tells such a twin: an active id of the
same partnership whose title it reads as the same (action_ids.fingerprint). The API's 410 names it with
its address, the 410 page and the partnership page's anchor link to it; the others still say no other
action holds it."""
from __future__ import annotations

from indexer import action_ids
from indexer.action_ids import twins


def test_twin_is_an_active_action_of_the_same_title():
    active = [("p--a01", "Puits"), ("p--a02", "Plantation de pourghère et de ricin")]
    assert twins(active)("PLANTATION de pourghere, et de ricin") == "p--a02"
    assert twins(active)("Plantation de ricin") is None
    assert twins([("p--a03", "")])("") is None


def _expected(engine) -> dict[str, str | None]:
    """Each retired id of a partnership still there, with the ledger's active id of its partnership whose
    title is its own (None when none): read from the ledger file, not from the engine."""
    ledger = action_ids.read()
    active = [e for e in ledger if not e.retired]
    out: dict[str, str | None] = {}
    for e in ledger:
        if e.retired and engine.retired_action(e.action_id) and engine.partnership(e.partnership_id):
            out[e.action_id] = twins([(a.action_id, a.title) for a in active
                                      if a.partnership_id == e.partnership_id])(e.title)
    return out


def test_a_retired_copy_names_its_twin_in_the_api_and_the_pages(client, engine):
    expected = _expected(engine)
    named = {aid: t for aid, t in expected.items() if t}
    assert named and any(t is None for t in expected.values())  # both kinds are there to check
    for aid, same in expected.items():
        message = client.get(f"/api/actions/{aid}").get_json()["error"]["message"]
        page = client.get(f"/partenariats/{aid}")
        assert page.status_code == 410
        if same is None:
            assert "ne désigne aucune autre action" in message and "désormais" not in message
            continue
        assert f"de son partenariat, {same} : /api/actions/{same}." in message
        assert client.get(f"/api/actions/{same}").status_code == 200
        pid = engine.retired_action(aid)["partnership_id"]
        assert f'href="/partenariats/{pid}#{same}"' in page.get_data(as_text=True)
    for pid in {engine.retired_action(aid)["partnership_id"] for aid in named}:
        html = client.get(f"/partenariats/{pid}").get_data(as_text=True)
        for aid, same in named.items():
            if aid.startswith(pid + "--"):
                anchor = html[html.index(f'<p id="{aid}"'):]
                assert anchor[:anchor.index("</p>")].count(f'href="#{same}"') == 1
                assert f'id="{same}"' in html  # the link lands on the kept action


def test_the_api_address_without_api_leads_to_the_record(client, engine):
    """QA19 (r49): /actions/<id> and /partnerships/<id>, the API's addresses shortened by hand, answered
    a bare 404 « Page introuvable »; they lead to the record's page (a retired id to its 410 that names
    its twin), the search kept."""
    aid, live = next((aid, same) for aid, same in _expected(engine).items() if same)
    pid = engine.retired_action(aid)["partnership_id"]
    for path, lands in ((f"/actions/{aid}?q=eau&page=2&next=//x.example", f"/partenariats/{aid}?q=eau&page=2"),
                        (f"/actions/{live}", f"/partenariats/{pid}#{live}"),
                        (f"/partnerships/{pid}?q=eau", f"/partenariats/{pid}?q=eau")):
        r = client.get(path, follow_redirects=True)
        assert r.status_code in (200, 410), path
        first = r.history[0]
        assert first.status_code == 302  # not kept by browsers: any text is redirected (review 4 r49, L1)
        assert first.headers["Location"].startswith(lands.split("#")[0]) and "next" not in first.headers["Location"]
        # where it lands: a live action's row on its partnership's page (review 4 r49, L5: only the first hop was read)
        assert r.request.path == lands.split("?")[0].split("#")[0]
        if "#" in lands:
            assert r.history[-1].headers["Location"].endswith(f"#{live}") and f'id="{live}"' in r.get_data(as_text=True)
        if aid in path:
            assert r.status_code == 410 and f"de son partenariat, {live}" in r.get_data(as_text=True)
    assert client.get("/actions/pas-une-fiche", follow_redirects=True).status_code == 404
