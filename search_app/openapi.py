"""The OpenAPI document: `openapi.json` is the hand-written contract, except
for what the facet registry knows, which is generated from it here: one
parameter per facet on the search endpoints, the `Facets` schema of the
responses, the query prefixes in `q`'s description and pattern, and the
validation error codes. When serving, the index's facet values are added as
enums (the API refuses unknown values, so the document says which exist), with
the documents' wordings a facet also reads as one of them (status: `réalisé`).

    python -m search_app.openapi          # rewrite openapi.json from the registry
    python -m search_app.openapi --check  # exit 1 when it is out of date (a test does this too)
"""
from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path

from engine.querylang import NAME_PREFIXES
from indexer.facet_registry import YEAR, Facet, Registry, registry
from indexer.limits import MAX_QUERY_CHARS, YEAR_MAX, YEAR_MIN
from indexer.states import DOCUMENT_WORDINGS

from .params import MAX_VALUES_PER_FACET

OPENAPI = Path(__file__).with_name("openapi.json")
SEARCH_PATHS = ("/api/search", "/api/search.csv", "/api/search.jsonl", "/api/map")
_CONTROL_CLASS = r"[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]"


def facet_parameter(facet: Facet) -> dict:
    items: dict = {"type": "string"}
    if facet.pattern:
        items["pattern"] = f"^{facet.pattern}$"
    if facet.closed:
        items["enum"] = list(facet.closed)
    description = facet.description or f"{facet.label} (valeur exacte de la facette {facet.name}). Répétable."
    if facet.name == YEAR:  # the search's years, as year_from and year_to (params.YEARS)
        items = {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX}
        description += (f" De {YEAR_MIN} à {YEAR_MAX}, en chiffres, sans signe ni zéro devant, comme year_from et "
                        "year_to (autrement écrite : invalid_year, hors de ces bornes : out_of_range).")
    if facet.missing is not None:  # the records holding none of its values (`year=none`)
        items = {"oneOf": [items, {"type": "string", "enum": [facet.missing],
                                   "description": f"« {facet.label_of(facet.missing)} »"}]}
    if facet.exclusive:  # one value (params.once)
        description += " Une seule valeur (donnée deux fois : repeated_parameter)."
        param = {"name": facet.name, "in": "query", "required": False, "description": description, "schema": items}
        if facet.example is not None:
            param["example"] = facet.example
        return param
    param = {
        "name": facet.name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "array", "items": items, "maxItems": MAX_VALUES_PER_FACET},
        "style": "form",
        "explode": True,
    }
    if facet.example is not None:
        param["example"] = [facet.example]
    return param


def q_parameter(reg: Registry) -> dict:
    shown = [f.prefixes[0] for f in reg if f.prefixes] + [NAME_PREFIXES[0]]
    return {
        "name": "q",
        "in": "query",
        "required": False,
        "description": f"Texte recherché, jusqu'à {MAX_QUERY_CHARS} caractères. Langage : mots (tous requis ; "
                       "à partir de trois mots, ou quand moins de dix résultats les ont tous, ceux qui en ont le plus "
                       "suivent, classés plus bas), "
                       "\"expression exacte\", -mot (ou NOT mot, SAUF mot), OR (ou OU), "
                       "préfixes " + ", ".join(f"{p}:" for p in shown) + ".",
        "schema": {
            "type": "string",
            "maxLength": MAX_QUERY_CHARS,
            # an empty prefix (`pays:` alone) is read with a notice, as the page reads it
            "pattern": rf"^{_CONTROL_CLASS}*$",
        },
        "example": "assainissement Kayes",
    }


def apply_registry(doc: dict, reg: Registry) -> dict:
    """`doc` with its facet-dependent parts rewritten from `reg` (in place)."""
    schemas = doc["components"]["schemas"]
    old_facets = set(schemas.get("Facets", {}).get("properties", {}))
    for path in SEARCH_PATHS:
        op = doc["paths"][path]["get"]
        rest = [p for p in op["parameters"] if p["name"] != "q" and p["name"] not in old_facets
                and p["name"] not in reg]
        op["parameters"] = [q_parameter(reg)] + [facet_parameter(f) for f in reg] + rest
    schemas["Facets"] = {
        "type": "object",
        "required": list(reg.names),
        "properties": {f.name: {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
                       for f in reg},
        "description": "Valeurs les plus fréquentes d'abord (années dans l'ordre chronologique).",
    }
    codes = schemas["Error"]["properties"]["error"]["properties"]["code"]["enum"]
    for f in reg:
        if f.invalid_code not in codes:
            codes.append(f.invalid_code)
    return doc


def stored() -> dict:
    return json.loads(OPENAPI.read_text(encoding="utf-8"))


def generated(reg: Registry | None = None) -> dict:
    """The document as the registry says it should be (no index values)."""
    return apply_registry(stored(), reg or registry())


@lru_cache(maxsize=4)
def _served(reg: Registry, version: str, facet_values: tuple) -> str:
    doc = apply_registry(stored(), reg)
    values = dict(facet_values)
    for path in SEARCH_PATHS:
        for prm in doc["paths"][path]["get"]["parameters"]:
            if prm["name"] in values:
                prm["schema"]["items"]["enum"] = list(values[prm["name"]])
    return json.dumps(doc, ensure_ascii=False, indent=1)


def accepted(facet: Facet, values: list) -> tuple[str, ...]:
    """The values the API takes for `facet`, as an enum says them: the index's, and for a facet
    converting what it is given, the wordings it reads as one of them (`status=réalisé`, `en cours`:
    an enum of the nine states refused URLs the API answers; QA r44, audit 10, #4)."""
    shown = [str(v) for v in values]
    if facet.convert is str:
        return tuple(shown)
    words = shown + [v.lower() for v in shown] + list(DOCUMENT_WORDINGS)
    return tuple(dict.fromkeys(w for w in words if facet.convert(w) in set(shown)))


def served(version: str, facet_values: dict[str, list]) -> str:
    """The document served for an index version: the facets whose values come
    from the index list them as enums (with the wordings read as them)."""
    reg = registry()
    values = tuple((f.name, accepted(f, facet_values.get(f.name, []))) for f in reg if f.from_index)
    return _served(reg, version, values)


def dump(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m search_app.openapi", description=__doc__.split("\n\n")[0])
    p.add_argument("--check", action="store_true", help="only say whether openapi.json is up to date")
    args = p.parse_args(argv)
    text = dump(generated())
    current = OPENAPI.read_text(encoding="utf-8")
    if args.check:
        if text != current:
            print(f"{OPENAPI} is out of date: run `python -m search_app.openapi`", file=sys.stderr)
            return 1
        return 0
    if text != current:
        OPENAPI.write_text(text, encoding="utf-8")
        print(f"wrote {OPENAPI}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
