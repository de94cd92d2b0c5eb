"""The Whoosh schema and the facets every document carries.

Text fields are analysed by `analyzers/`: party and place names by the names
analyzer (no stemming: a name is matched as written), everything else by the
French analyzer. The facets are those of `facet_registry`: their values are
written in the generation's document table (indexer.doctable), which the engine
reads once per index version into per-value bitsets; they
are also indexed as keyword fields of slugs so that a plain Whoosh query can
filter on them.
"""
from __future__ import annotations

from whoosh import fields

from analyzers import french_analyzer, names_analyzer

from .facet_registry import registry
from .store import Generation, IndexOutdated
from .text import slugify

# Bump when the schema, the analyzers or the document layout change: an index
# built with another version is rebuilt.
# 8: the word tables store the parties lines, folded, and where their words stand in the sheets
# 9: an action's record carries its partnership's `detail` (build._write_tables)
SCHEMA_VERSION = 10  # 10: the names fields' lines apart (analyzers.chains.NAME_GAP)

# The text fields every document has (their BM25F weights are the ranking
# profile's, engine/ranking_profile.py): names and places, then titles and
# domains, then body text and the whole sheet.
TEXT_FIELDS = ("parties", "places", "title", "domains_text", "body", "sheet")
NAME_FIELDS = ("parties", "places")


def check_compatible(generation: Generation) -> None:
    """IndexOutdated when the generation was built with another schema version
    (the engine cannot serve it). Here rather than in freshness.py, which
    builds: the engine imports it without the parsers and the build."""
    version = generation.meta.get("schema_version")
    if version != SCHEMA_VERSION:
        raise IndexOutdated(f"l'index est de la version de schéma {version}, le code de la version {SCHEMA_VERSION}")


def facet_field(name: str) -> str:
    return f"f_{name}"


def facet_slug(value) -> str:
    return slugify(str(value))


def build_schema() -> fields.Schema:
    french = french_analyzer()
    names = names_analyzer()
    schema = fields.Schema(
        # Nothing but the id is stored: what a result shows comes from the
        # record store, what a search needs of every document (type, facets,
        # sort key) from the generation's document table, snippets' bodies from its
        # words.sqlite.
        id=fields.ID(stored=True, unique=True),
        type=fields.ID(),
        pid=fields.ID(),
        title=fields.TEXT(analyzer=french),
        parties=fields.TEXT(analyzer=names),
        places=fields.TEXT(analyzer=names),
        domains_text=fields.TEXT(analyzer=french),
        body=fields.TEXT(analyzer=french),
        # the whole sheet as extracted: every word of the source is findable,
        # even in parts no parser field captures (low weight)
        sheet=fields.TEXT(analyzer=french),
        # the years a partnership began (first contacts, formalisation): a year in a
        # query ("jumelage 1986") mostly means these
        began=fields.KEYWORD(lowercase=False, commas=False, scorable=False),
        # each party's name key (indexer.ids.name_key): a query that is exactly a
        # collectivity's name ranks that collectivity's partnerships first
        name_keys=fields.KEYWORD(lowercase=False, commas=False, scorable=False),
    )
    for facet in registry():
        schema.add(facet_field(facet.name), fields.KEYWORD(lowercase=False, commas=False, scorable=False))
    return schema
