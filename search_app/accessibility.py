"""The accessibility statement (`/accessibilite`): what it claims, in one place.

RGAA 4.1 allows three states: "totalement conforme" (every criterion met),
"partiellement conforme" (at least half) and "non conforme" (less than half,
*or no valid audit to measure it*). No RGAA audit of the 106 criteria has been
made, so the honest state is "non conforme", whatever the automatic checks
say; the statement lists what was checked and how. The pages checked are
those the accessibility tests (tests/test_accessibility.py) run axe-core on,
so the statement and the tests cannot drift apart.
"""
from __future__ import annotations

import datetime as dt

STATUS = "non conforme"
RGAA_VERSION = "4.1.2"
STATEMENT_DATE = dt.date(2026, 12, 2)
STATEMENT_UPDATED = dt.date(2026, 12, 7)  # the checks it lists last changed (aria-busy, the suggestions' status)
AXE_VERSION = "4.14.1"  # the version pinned in .ci/axe/package.json (a test checks they agree)
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
VIEWPORTS = {"ordinateur": (1366, 900), "téléphone": (390, 844)}

# (what the page is, its path): every page and state checked, at both sizes
CHECKED_PAGES: list[tuple[str, str]] = [
    ("Accueil (recherche vide)", "/"),
    ("Résultats d'une recherche", "/?q=assainissement+Kayes"),
    ("Résultats avec un domaine coché", "/?q=assainissement+Kayes&domain=Eau+et+assainissement"),
    ("Recherche en actions, page 2", "/?q=eau&type=action&page=2"),
    ("Recherche filtrée complétée par les partenariats les plus proches", "/?q=%C3%A9levage&region=Kayes"),
    ("Recherche sans résultat", "/?q=zzzxqw"),
    ("Recherche sans résultat avec un filtre", "/?q=assainissement&country=Maroc&year=1950"),
    ("Recherche filtrée sans résultat, complétée par son domaine", "/?q=%C3%A9levage&region=Gao"),
    ("Recherche limitée à une période (filtre des années)", "/?q=eau&year_from=1990&year_to=2000"),
    ("Fiche d'un partenariat", "/partenariats/ca-evry-centre-essonne--kayes"),
    ("Fiche d'un partenariat (venue d'une recherche)", "/partenariats/saint-denis--tiznit?q=eau"),
    ("Carte des résultats", "/carte?q=eau"),
    ("À propos", "/a-propos"),
    ("Déclaration d'accessibilité", "/accessibilite"),
    ("Erreur 400 (paramètre invalide)", "/?page=0"),
    ("Erreur 404 (fiche inconnue)", "/partenariats/nope"),
]
