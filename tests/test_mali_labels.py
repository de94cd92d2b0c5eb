"""The first column of the Mali actions tables (`Domaines d'intervention`): where a row's label
stands and which projects it labels.

Each fixture under `tests/fixtures/mali/tables/` is copied unchanged from
`data/mali-repertoire-2008.txt`, from its `Actions de coopération…` line to the last line of the
table; the number in its name is that first line's number in the source. The expected values were
read from the source lines (audit round 17, `mali.md`), never from the parser's output.
"""
from __future__ import annotations

from test_mali_tables import _actions


def _labelled(name: str):
    return [(a.sources[0].first_line, a.title, a.domain_raw, a.budget.text if a.budget else None)
            for a in _actions(name)]


def test_one_label_per_line_level_with_its_project_viroflay_kolokani():
    """Viroflay–Cercle de Kolokani (l.12523-12578): each line of the first column (`Santé` / `Eau`,
    `Formation` / `Education – Santé` / `Eau` … `Divers`) is the label of the project level with
    it, not one label wrapped over lines nor a project; `Maternité – Farine de sevrage…` is one
    project (a word alone before a dash names what the rest is about)."""
    assert _labelled("viroflay_kolokani_12508.txt") == [
        (12531, "Maternité – Farine de sevrage", "Santé", "460 kF"),
        (12532, "Puits – barrages", "Eau", "434 kF (appui du SEDIF)"),
        (12534, "Ecoles", "Education", "256 kF"),
        (12535, "Appui conseil", "Formation", "242 kF"),
        (12561, "Appui conseil", "Formation", "32 716 €"),
        (12562, "Bibliothèques – sensibilisation", "Education – Santé", "19 283 €"),
        (12563, "Puits – forages + adduction d’eau", "Eau", "126 520 € (appui du SEDIF)"),
        (12566, "Ecoles", "Education", "35 595 €"),
        (12567, "Maternité- centre de santé", "Santé", "10 990 €"),
        (12568, "Radio rurale, sensibilisation", "Divers", "9 775 €"),
    ]
