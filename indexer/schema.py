"""The Whoosh schema and the facets every document carries.

Text fields are analysed by `analyzers/`: party and place names by the names
analyzer (no stemming: a name is matched as written), everything else by the
French analyzer. Facet values are stored on each document as a dict of label
lists (`facets`), which the engine reads once per index version into
per-document arrays; they are also indexed as keyword fields of slugs so that
a plain Whoosh query can filter on them.
"""
from __future__ import annotations

from whoosh import fields

from analyzers import french_analyzer, names_analyzer, spelling_analyzer

from .text import slugify

# Bump when the schema, the analyzers or the document layout change: an index
# built with another version is rebuilt.
SCHEMA_VERSION = 2

FACETS = ("country", "domain", "year", "region", "type", "source", "detail", "status")

# Field weights for BM25F: parties and places first, then titles and domains, then body text.
FIELD_BOOSTS = {
    "parties": 6.0,
    "places": 4.0,
    "title": 3.0,
    "domains_text": 2.5,
    "body": 1.0,
}
TEXT_FIELDS = tuple(FIELD_BOOSTS)
NAME_FIELDS = ("parties", "places")


def facet_field(name: str) -> str:
    return f"f_{name}"


def facet_slug(value) -> str:
    return slugify(str(value))


def build_schema() -> fields.Schema:
    french = french_analyzer()
    names = names_analyzer()
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        type=fields.ID(stored=True),
        pid=fields.ID(stored=True),
        title=fields.TEXT(analyzer=french, stored=True),
        parties=fields.TEXT(analyzer=names, stored=True),
        places=fields.TEXT(analyzer=names, stored=True),
        domains_text=fields.TEXT(analyzer=french, stored=True),
        body=fields.TEXT(analyzer=french, stored=True),
        spell=fields.TEXT(analyzer=spelling_analyzer()),
        names_raw=fields.STORED(),
        facets=fields.STORED(),
        sort_name=fields.STORED(),
    )
    for facet in FACETS:
        schema.add(facet_field(facet), fields.KEYWORD(lowercase=False, commas=False, scorable=False))
    return schema
