"""The fixed mixed request set every system answers: text queries of the
judged set, the same with facet filters, and filtered browsing (no text)."""
from __future__ import annotations

from dataclasses import dataclass, field

PER_PAGE = 20
PEER_FACETS = ("country", "domain", "year", "region")  # the facets every peer counts


@dataclass(frozen=True)
class Request:
    q: str = ""
    filters: dict[str, tuple] = field(default_factory=dict)

    def label(self) -> str:
        f = " ".join(f"{k}={'|'.join(map(str, v))}" for k, v in self.filters.items())
        return (self.q or "(browse)") + (f" [{f}]" if f else "")


TEXT = ["eau potable Kayes", "santé Mopti", "assainissement Bamako", "éducation Ségou", "tourisme Maroc",
        "Marseille", "Grand Lyon", "AIMF", "CSCOM", "Tombouctu", "Marakech", "segou", "fes", "jumelage 1989",
        "quelles villes aident Mopti", "partenariats avec la wilaya d'Alger", "formation des élus", "bibliothèque",
        "micro-crédit", "maraîchage", "coopération", "eau"]
FILTERED = [
    Request("eau", {"country": ("Mali",)}),
    Request("formation", {"country": ("Maroc",)}),
    Request("école", {"domain": ("Éducation et formation",)}),
    Request("santé", {"country": ("Mali",), "domain": ("Santé",)}),
    Request("culture", {"domain": ("Culture et patrimoine",)}),
    Request("jumelage", {"year": (2004,)}),
    Request("coopération", {"country": ("Algérie",)}),
    Request("puits", {"region": ("Kayes",)}),
]
BROWSE = [
    Request(""),
    Request("", {"country": ("Mali",)}),
    Request("", {"domain": ("Eau et assainissement",)}),
    Request("", {"country": ("Maroc",), "domain": ("Tourisme",)}),
]
REQUESTS: list[Request] = [Request(q) for q in TEXT] + FILTERED + BROWSE
