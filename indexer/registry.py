"""The registry of source documents: each repertoire declares its file, its
label for users, the countries it covers, its date, and the layout reader
that parses it (with the reader's options: vocabulary, geography table).

Everything that lists documents reads this list: the corpus step (which files
to parse, in which order to merge), the checksum, the web pages' labels. A
new repertoire in a known layout is one more entry here (see
docs/adding-a-repertoire.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

ENDING_WINDOW = 1500  # the characters at the end of a document where its `ending` is looked for


@dataclass(frozen=True)
class Repertoire:
    file: str  # file name in data/
    label: str  # shown to users (French)
    countries: tuple[str, ...]  # partner countries the document covers
    reader: str  # "module:Class" under indexer.parsers
    year: int | None = None  # the document's own date: later years must be marked as planned
    options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    # words of the document's last lines (any case and spacing): a file cut short lacks them, and is
    # said so rather than read up to its cut (half of Mali's sheets were lost without a word, QA r45)
    ending: str | None = None

    def ends_as_written(self, text: str) -> bool:
        """Whether `text` ends as the document does (True for a repertoire that names no ending)."""
        if not self.ending:
            return True
        tail = " ".join(text[-ENDING_WINDOW:].split()).casefold()
        return " ".join(self.ending.split()).casefold() in tail

    def make_reader(self):
        module, _, cls = self.reader.partition(":")
        return getattr(import_module(f"indexer.parsers.{module}"), cls)(self)


REPERTOIRES: list[Repertoire] = [
    Repertoire("mali-repertoire-2008.txt", "Répertoire franco-malien (CUF, 2008)", ("Mali",),
               "mali:MaliReader", 2008, ending="Bon de commande"),
    Repertoire("maroc-repertoire-2008.txt", "Répertoire franco-marocain (CUF, 2008)", ("Maroc",),
               "maroc:MarocReader", 2008, ending="Voter en Palestine"),
    Repertoire("algerie-cooperation-decentralisee.txt",
               "Coopération décentralisée franco-algérienne (2006)", ("Algérie",),
               "algerie:AlgerieReader", 2006, ending="Bon de commande"),
    Repertoire("algerie-micl-cooperation.txt", "Ministère algérien de l'Intérieur (MICL)", ("Algérie",),
               "micl:MiclReader", 2008, ending="Commission Algéro-Suisse"),
    Repertoire("algerie-ambassade-cooperation-technique.txt",
               "Ambassade d'Algérie : coopération technique", ("Algérie",),
               "ambassade:AmbassadeReader", 2014,  # its last events: 1 April and 4 June 2014
               ending="constitue le cadre conventionnel de la coopération"),
]


def files(repertoires: list[Repertoire] | None = None) -> list[str]:
    return [r.file for r in (REPERTOIRES if repertoires is None else repertoires)]


def get(file: str, repertoires: list[Repertoire] | None = None) -> Repertoire:
    for r in REPERTOIRES if repertoires is None else repertoires:
        if r.file == file:
            return r
    raise KeyError(file)


def labels() -> dict[str, str]:
    """File name -> label, for the pages."""
    return {r.file: r.label for r in REPERTOIRES}
