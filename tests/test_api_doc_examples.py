"""docs/api.md's examples, replayed on the session index: what the page says a request answers is
what it answers. A QA audit (round 40) found its figures out of date (8 results for 12, Mali 149
for 148, 51 places and CSV rows for 52, Koulikoro 23 for 22).

Every `curl` of the page is replayed (one with `-H` aside: its ETag is of another index). What
the page says it answers is checked: the ```json block after its ```sh block (for that block's
last curl), the `# …` lines after it (a status line, `HTTP/1.1 404 NOT FOUND` or `404, …`; a
header, `Cache-Control: no-store`; a JSON body, inline or over several lines) and an inline
`# 52 rows` for a CSV. In a body, `…` leaves out what the page does not show: an elided string,
a list's further items (the items shown must come in that order, found by their `id`, `value` or
`name`), an object's other keys; what a measurement or a passage is (`took_ms`, `score`,
`index_version`, `snippet`) is not compared; everything else is.

The URLs of this page and of the README work as typed (ASCII, percent-encoded), and the README's
`curl` lines are replayed too (their answers are not written there, only that they answer)."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"
NOT_COMPARED = {"took_ms", "score", "index_version", "snippet"}
ELIDED = "…"


@dataclass
class Example:
    line: int
    path: str
    options: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: object = None
    rows: int | None = None

    @property
    def states_a_figure(self) -> bool:
        return self.body is not None or self.rows is not None or self.status != 200


def _json(text: str):
    """A body as the page writes it, with `…` for what it leaves out: an object `{…}` is the
    string "…", a list's `, …]` its item "…", an object's `, …}` nothing."""
    text = re.sub(r"\{…\}|…(?=\s*\])", '"…"', text)
    return json.loads(re.sub(r",\s*…(?=\s*\})", "", text))


def _said(example: Example, comments: list[str]) -> None:
    """What the `# …` lines after a curl say it answers."""
    body = []
    for c in comments:
        if body or c.startswith("{"):
            body.append(c)
        elif m := re.match(r"HTTP/1\.1 (\d{3})\b|(\d{3}),", c):
            example.status = int(m[1] or m[2])
        elif m := re.fullmatch(r"([A-Za-z-]+): (.+)", c):
            example.headers[m[1]] = m[2]
    if body:
        example.body = _json(" ".join(body))


def examples() -> list[Example]:
    text = DOC.read_text(encoding="utf-8")
    found: list[Example] = []
    for block in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.DOTALL | re.MULTILINE):
        first = text.count("\n", 0, block.start(2)) + 1
        if block[1] == "json" and found and found[-1].line < first and found[-1].body is None:
            found[-1].body = _json(block[2])
            continue
        if block[1] != "sh":
            continue
        comments: list[str] = []
        for n, line in enumerate(block[2].splitlines(), first):
            if line.startswith("curl"):
                if found and comments:
                    _said(found[-1], comments)
                comments = []
                url = re.search(r"'(?:http://localhost:8000)?(/[^']*)'", line)
                assert url, f"docs/api.md:{n}: no URL in {line!r}"
                example = Example(n, url[1], line[:url.start()])
                inline = line[url.end():].partition("#")[2].strip()
                if m := re.fullmatch(r"(\d+) rows", inline):
                    example.rows = int(m[1])
                elif inline.startswith("{"):
                    example.body = _json(inline)
                found.append(example)
            elif line.startswith("#"):
                comments.append(line[1:].strip())
        if found and comments:
            _said(found[-1], comments)
    return found


EXAMPLES = examples()


def matches(said, got, where: str = "$") -> None:
    """`got` is what the page `said`, as the module's docstring says."""
    if isinstance(said, str) and ELIDED in said:
        return
    if isinstance(said, dict):
        assert isinstance(got, dict), f"{where}: {got!r} is no object"
        for k, v in said.items():
            assert k in got, f"{where}.{k}: not in the answer"
            if k not in NOT_COMPARED:
                matches(v, got[k], f"{where}.{k}")
    elif isinstance(said, list):
        assert isinstance(got, list), f"{where}: {got!r} is no list"
        shown = [x for x in said if x != ELIDED]
        if len(shown) == len(said):
            assert len(got) == len(said), f"{where}: {len(got)} items, the page shows {len(said)}"
        at = 0
        for item in shown:
            at = _find(item, got, at, where) + 1
    else:
        assert said == got, f"{where}: the page says {said!r}, the answer {got!r}"


def _find(item, got: list, start: int, where: str) -> int:
    """Where `item` is in `got` from `start`: the first item of the same `id`, `value` or `name`
    (or equal) that matches it."""
    key = next((k for k in ("id", "value", "name") if isinstance(item, dict) and k in item), None)
    same = [i for i in range(start, len(got)) if (got[i].get(key) == item[key] if key else got[i] == item)]
    assert same, f"{where}[]: {item if key is None else item[key]!r} is not in the answer (after item {start})"
    for i in same:
        try:
            matches(item, got[i], f"{where}[{i}]")
            return i
        except AssertionError:
            continue
    matches(item, got[same[0]], f"{where}[{same[0]}]")  # says why the first one differs
    return same[0]


def test_the_page_states_figures_to_replay():
    """The parser finds the examples: a change of the page's layout must not leave nothing to check."""
    stated = [e.path.split("?")[0] for e in EXAMPLES if e.states_a_figure]
    for path in ("/api/search", "/api/map", "/api/search.csv", "/api/suggest", "/api/facets", "/api/status",
                 "/api/partnerships/nope"):
        assert path in stated, path


@pytest.mark.parametrize("example", [e for e in EXAMPLES if "-H" not in e.options],
                         ids=lambda e: f"line{e.line}")
def test_an_example_answers_what_the_page_says(client, example):
    r = client.get(example.path)
    assert r.status_code == example.status, (example.path, r.status_code)
    for name, value in example.headers.items():
        if name.lower() != "etag":  # of the index the page was written with
            assert r.headers.get(name) == value, (example.path, name)
    if example.rows is not None:
        assert len(list(csv.DictReader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))) == example.rows
    if example.body is not None:
        matches(example.body, r.get_json())


def test_the_page_s_figures_in_its_prose_are_the_answers(client):
    """Two figures the text gives rather than an example: the actions an empty listing names
    (`statut:réalisé puits`) and the listing of `commune de Sévaré`."""
    text = " ".join(DOC.read_text(encoding="utf-8").split())
    said = re.search(r"\(`(statut:[^`]+)`, an action's status, in a listing of partnerships: "
                     r"« … mais (\d+) actions y répondent … »\)", text)
    assert said, "the empty listing's example is gone from docs/api.md: update this test"
    notices = client.get("/api/search", query_string={"q": said[1]}).get_json()["query"]["notices"]
    assert any(f"mais {said[2]} actions y répondent" in n for n in notices), notices
    said = re.search(r"`(commune de Sévaré)` lists Sévaré's (\w+)", text)
    assert said, "the Sévaré example is gone from docs/api.md: update this test"
    words = {"one": 1, "two": 2, "three": 3, "four": 4}
    assert client.get("/api/search", query_string={"q": said[1]}).get_json()["total"] == words[said[2]]


def test_the_decade_example_lists_what_the_page_says(client):
    """The page promised « the 8 Algerian twinnings of the 1980s » for `jumelage années 1980` with
    `country=Algérie`; it lists 10: two partial matches without « jumelage » and a partnership whose
    year of the 1980s is not its twinning's (QA r44, audit 10, defect 1). The decade is a condition on
    the record's years; the page now says so, with the figures replayed here."""
    text = " ".join(DOC.read_text(encoding="utf-8").split())
    said = re.search(r"`(jumelage années 1980)` with `country=(\w+)` lists (\d+) Algerian partnerships, each with "
                     r"a year of the 1980s.*?and the (\d+) without « jumelage » .*?, after the (\d+) twinnings", text)
    assert said, "the decade example is gone from docs/api.md: update this test"
    answer = client.get("/api/search", query_string={"q": said[1], "country": said[2], "explain": "1"}).get_json()
    assert answer["total"] == int(said[3]) == len(answer["results"])
    assert all(any(1980 <= y <= 1989 for y in r["years"]) for r in answer["results"])
    partial = [r["id"] for r in answer["results"] if r["explain"]["own"]["coverage"] < 1]
    assert len(partial) == int(said[4]) and answer["query"]["partial_matches"]
    assert partial and all(r["id"] not in partial for r in answer["results"][:int(said[5])])


def test_the_union_example_names_its_search(client):
    """« `country=Mali` shows « Algérie 9 » »: it shows 98; the 9 was `q=santé`'s (QA r44, audit 10, #7)."""
    text = " ".join(DOC.read_text(encoding="utf-8").split())
    said = re.search(r"`q=(\w+)&country=(\w+)` shows « (\w+) (\d+) »; adding \w+ lists \w+'s (\d+) results "
                     r"and those \d+, (\d+)\)", text)
    assert said, "the union example is gone from docs/api.md: update this test"
    q, one, other = said[1], said[2], said[3]
    answer = client.get("/api/search", query_string={"q": q, "country": one}).get_json()
    assert answer["total"] == int(said[5])
    assert next(f["count"] for f in answer["facets"]["country"] if f["value"] == other) == int(said[4])
    both = client.get("/api/search", query_string={"q": q, "country": [one, other]}).get_json()
    assert both["total"] == int(said[6]) == int(said[5]) + int(said[4])


def test_the_kind_facet_example_lists_what_it_counts(client):
    """« `q=assainissement Kayes` shows « Actions 15 », and `type=action` lists those 15 »: the count was
    the partnership listing's 270 actions (QA r46)."""
    text = " ".join(DOC.read_text(encoding="utf-8").split())
    said = re.search(r"`q=([\w ]+)` shows « Actions (\d+) », and `type=action` lists those (\d+)", text)
    assert said, "the kind facet's example is gone from docs/api.md: update this test"
    answer = client.get("/api/search", query_string={"q": said[1]}).get_json()
    assert next(f["count"] for f in answer["facets"]["type"] if f["value"] == "action") == int(said[2])
    listed = client.get("/api/search", query_string={"q": said[1], "type": "action"}).get_json()
    assert listed["total"] == int(said[3]) == int(said[2])


def test_the_query_operators_are_all_named(spec):
    """`OU` works as `OR` (the box's help says so), but the docs and the OpenAPI named `OR` only
    (QA r44, audit 10, #10): every word the query language reads as an operator is named."""
    from engine.querytext import NOT, OR

    row = next(line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| `q` |"))
    q = next(p for p in spec["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "q")
    for word in [w for w in OR + NOT if w.isalpha()]:
        assert f"`{word}" in row, word
        assert re.search(rf"\b{word}\b", q["description"]), word


README = DOC.parents[1] / "README.md"
PLACEHOLDER = "…"  # `/api/search?q=…`: a value the reader fills in, no URL to type


def typed_urls(doc: Path) -> list[tuple[int, str]]:
    """Every URL a reader of `doc` may type, with its line: each `http://` address, and each path
    with a query written as code (`/api/facets?q=eau`)."""
    found = []
    for n, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        found += [(n, u) for u in re.findall(r"https?://[^\s'\"`<>)]+", line)]
        found += [(n, u) for u in re.findall(r"`(/[^`\s]*\?[^`\s]*)`", line) if PLACEHOLDER not in u]
    return found


def curl_requests(doc: Path) -> list[tuple[int, str]]:
    """The request each `curl` line of `doc`'s shell blocks sends, as a path with its query:
    `-G --data-urlencode 'q=santé'` adds the value percent-encoded, as curl does."""
    text = doc.read_text(encoding="utf-8")
    found = []
    for block in re.finditer(r"^```sh\n(.*?)^```$", text, re.DOTALL | re.MULTILINE):
        first = text.count("\n", 0, block.start(1)) + 1
        found += [(n, _sent(line)) for n, line in enumerate(block[1].splitlines(), first) if line.startswith("curl ")]
    return found


def inline_curls(doc: Path) -> list[tuple[int, str]]:
    """The request of each `curl … http://…` written as code in `doc`'s prose (docs/api.md's
    `curl -G --data-urlencode 'q=é' …/recherche` named a path that answers 404; review 3, #3)."""
    text = doc.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, _sent(m[1])) for m in re.finditer(r"`(curl [^`]*http[^`]*)`", text)]


def _sent(line: str) -> str:
    """What a curl command line sends, as a path with its query."""
    import shlex
    from urllib.parse import quote, urlsplit

    words = shlex.split(line.split("|")[0], comments=True)
    url = urlsplit(next(w for w in words if w.startswith("http")))
    data = [words[i + 1].partition("=") for i, w in enumerate(words[:-1]) if w == "--data-urlencode"]
    query = "&".join([url.query] * bool(url.query) + [f"{k}={quote(v, safe='')}" for k, _, v in data])
    return url.path + ("?" + query if query else "")


@pytest.mark.parametrize("doc", [README, DOC], ids=lambda d: d.name)
def test_a_url_of_the_docs_works_as_typed(doc):
    """The README's `curl '…/api/search.csv?q=santé…'` answered an English « Bad Request / Bad URI »,
    and `curl -o results.csv` saved it as the CSV: curl sends the `é` raw, and waitress refuses a
    request line that is not ASCII before Flask reads it (QA r42, audit 5, defect 2). A URL of the
    docs is percent-encoded (`sant%C3%A9`), or its value passed by `curl -G --data-urlencode`."""
    urls = typed_urls(doc)
    assert len(urls) >= 5, "the docs' URLs are not found: update this test"
    assert [(n, u) for n, u in urls if not u.isascii()] == []


def test_the_readme_s_curl_examples_answer(client):
    """What the README's shell block sends, replayed on the session index: every example answers,
    with data (the `-G --data-urlencode` one included)."""
    sent = curl_requests(README)
    assert len(sent) >= 7 and any("sant%C3%A9" in path for _, path in sent)
    for n, path in sent:
        r = client.get(path)
        assert r.status_code == 200 and r.get_data(), f"README.md:{n}: {path} answers {r.status_code}"


def test_the_docs_curl_commands_in_prose_answer(client):
    sent = inline_curls(DOC) + inline_curls(README)
    assert sent, "no curl command in the docs' prose: update this test"
    for n, path in sent:
        r = client.get(path)
        assert r.status_code == 200, f"line {n}: {path} answers {r.status_code}"
