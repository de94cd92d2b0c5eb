"""Scale replication: the corpus copied N times with new ids and light text
variation, and our index built from those records (not from data/).

Copy k of a record gets ids suffixed `-xk` and a few words changed (one line
of its raw text dropped, a variant marker added to its names and texts), so
that copies are not byte-identical and term statistics grow as with real
new sheets. Copy 0 is the corpus itself.
"""
from __future__ import annotations

import copy
import json
import time
from pathlib import Path

from indexer.build import write_generation
from indexer.corpus import DEFAULT_DATA_DIR, Corpus
from indexer.records import action_from_dict, partnership_from_dict
from indexer.sources import corpus_checksum
from indexer.store import RECORDS, current_generation

TEXT_FIELDS = ("history", "objectives", "perspectives", "description")


def load_records(index_dir: Path) -> tuple[list[dict], list[dict]]:
    """The records of the generation an index serves."""
    gen = current_generation(Path(index_dir))
    store = json.loads((gen.path / RECORDS).read_text(encoding="utf-8"))
    return store["partnerships"], store["actions"]


def _vary_text(text: str | None, k: int) -> str | None:
    if not text:
        return text
    lines = text.split("\n")
    if len(lines) > 4:
        del lines[(k * 7) % len(lines)]
    return "\n".join(lines) + f" variante{k}"


def _vary(rec: dict, k: int) -> dict:
    r = copy.deepcopy(rec)
    r["original_text"] = _vary_text(r.get("original_text"), k)
    for f in TEXT_FIELDS:
        if r.get(f):
            r[f] = _vary_text(r[f], k)
    return r


def replicate(partnerships: list[dict], actions: list[dict], factor: int) -> tuple[list[dict], list[dict]]:
    if factor <= 1:
        return partnerships, actions
    ps, acts = list(partnerships), list(actions)
    for k in range(1, factor):
        sfx = f"-x{k}"
        for p in partnerships:
            r = _vary(p, k)
            r["id"] = p["id"] + sfx
            for side in ("french_party", "partner_party"):
                if r.get(side):
                    r[side]["name"] = f"{r[side]['name']} {k}"
            r["title"] = None
            ps.append(r)
        for a in actions:
            r = _vary(a, k)
            r["id"] = a["id"] + sfx
            r["partnership_id"] = a["partnership_id"] + sfx
            acts.append(r)
    return ps, acts


def write_records(path: Path, partnerships: list[dict], actions: list[dict]) -> None:
    """JSON Lines like `repertoires export`."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in partnerships + actions)


def read_records(path: Path) -> tuple[list[dict], list[dict]]:
    ps, acts = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            (ps if r.get("type") == "partnership" else acts).append(r)
    return ps, acts


def build_from_records(partnerships: list[dict], actions: list[dict], index_dir: Path) -> dict:
    """Our index over given records, written and published as `build_index`
    does. The corpus checksum of data/ is recorded so that `repertoires serve`
    does not rebuild it from the real corpus."""
    start = time.perf_counter()
    corpus = Corpus([partnership_from_dict(d) for d in partnerships],
                    [action_from_dict(d) for d in actions], reports=[],
                    checksum=corpus_checksum(Path(DEFAULT_DATA_DIR)))
    _, documents = write_generation(index_dir, corpus)
    return {"seconds": time.perf_counter() - start, "documents": documents}
