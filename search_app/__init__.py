"""The Flask application: the search page, the partnership pages and the JSON API.

    app = create_app({"INDEX_DIR": "index"})

Configuration is passed in (flaskr style); the engine is created once per
application and follows index rebuilds by itself.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from indexer.store import DEFAULT_INDEX_DIR

if TYPE_CHECKING:  # Flask is imported by create_app: the CLI's one-shot search reads the API's
    from flask import Flask  # parameter rules (search_app.params) without loading it (~70 ms)


def create_app(config: dict | None = None) -> Flask:
    from flask import Flask
    from flask.json.provider import DefaultJSONProvider

    class JSONProvider(DefaultJSONProvider):
        """The API's JSON: accents as written (`é`, not `\\u00e9`), keys in the order the views give."""

        ensure_ascii = False
        sort_keys = False

    app = Flask(__name__)
    app.config.from_mapping(
        INDEX_DIR=str(DEFAULT_INDEX_DIR),
        RATE_LIMIT=0,  # requests per minute per client; 0 = off
        HIDE_CONTACTS=False,
        ACCESSIBILITY_CONTACT=None,  # e-mail or URL where users report an accessibility problem (/accessibilite)
        CACHE=True,  # False: per-generation caches off (benchmarks of cold requests)
        JSON_SORT_KEYS=False,
    )
    if config:
        app.config.update(config)
    app.json = JSONProvider(app)

    # the blueprints are imported here, not at the top, so that
    # `python -m search_app.openapi` runs without loading the application
    from . import api, errors, index, pages, security, typography

    index.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    typography.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    return app

