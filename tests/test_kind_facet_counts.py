"""The kind facet (« Type de fiche ») counts what each listing holds (QA r46): ticking « Actions » lists
as many actions as its count said."""
from __future__ import annotations

import pytest

from engine import SearchRequest


@pytest.mark.parametrize("q", ["assainissement Kayes", "-eau", "jumelage 1980-1985", "formation des élus",
                               "-type:action eau"])
def test_the_kind_facet_counts_what_the_other_kind_s_listing_holds(engine, q):
    """Each listing widens to partial matches and reads `-eau` its own way, and the count was taken from
    the listing shown (270 actions for `assainissement Kayes`, where the action listing holds 15; 289 for
    `-eau`, where it holds 830; 0 partnerships for `-type:action eau` with type=action, which lists
    nothing, where they are 71)."""
    for kind, other in (("partnership", "action"), ("action", "partnership")):
        r = engine.search(SearchRequest(q=q, filters={"type": [kind]}, per_page=1))
        listed = engine.search(SearchRequest(q=q, filters={"type": [other]}, per_page=1, facets=False))["total"]
        assert {v["value"]: v["count"] for v in r["facets"]["type"]} == {kind: r["total"], other: listed}, kind

