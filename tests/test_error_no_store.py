"""Every error is `no-store`, a page as the API's JSON (review 3, #6): the 404 and 400 pages
carried no Cache-Control, though docs/api.md says « no-store as any error »."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["/nulle-part", "/partenariats/nulle-part", "/?page=0", "/carte?page=x",
                                  "/api/nulle-part", "/api/search?page=0", "/api/actions/nulle-part--a01"])
def test_an_error_is_not_stored(client, path):
    resp = client.get(path, headers={"Accept": "text/html"})
    assert resp.status_code >= 400 and resp.headers.get("Cache-Control") == "no-store", path
