"""The index for the application, as flaskr's db.py is its database: the
engine of each application (`get_engine`), created by `init_app`, and the
`flask --app search_app init-index` command, a thin layer over
indexer.freshness.ensure_index (`repertoires serve` calls the same function)."""
from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from engine import Engine
from indexer.build import BuildError
from indexer.corpus import DEFAULT_DATA_DIR
from indexer.freshness import ensure_index

from .formatting import number, plural


def get_engine() -> Engine:
    return current_app.extensions["engine"]


@click.command("init-index")
@with_appcontext
@click.option("--data", default=str(DEFAULT_DATA_DIR), show_default=True, help="dossier des documents sources")
def init_index_command(data: str) -> None:
    """Construit l'index d'INDEX_DIR s'il manque, s'il est illisible ou s'il n'est plus à jour."""
    index_dir = current_app.config["INDEX_DIR"]
    try:
        result = ensure_index(data, index_dir, on_rebuild=lambda why: click.echo(f"{why} : construction de l'index…"))
    except BuildError as exc:
        raise click.ClickException(str(exc)) from None
    if result is None:
        click.echo(f"L'index de {index_dir} est à jour.")
    else:
        click.echo(f"Index construit en {number(result.seconds, 1)} s : "
                   f"{plural(len(result.corpus.partnerships), 'partenariat')}, "
                   f"{plural(len(result.corpus.actions), 'action')} -> {result.generation}")


def init_app(app: Flask) -> None:
    app.extensions["engine"] = Engine(app.config["INDEX_DIR"], caching=app.config.get("CACHE", True))
    app.cli.add_command(init_index_command)
