"""docs/parsing.md describes the records rules the code applies (review r42 part 1, #4): each rule of
the round is named there by the function that applies it, and each name is one the code has."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

DOC = (Path(__file__).resolve().parents[1] / "docs" / "parsing.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("module, name", [
    ("indexer.kinds", "retype_villages"),  # a partner its sheet calls a village
    ("indexer.kinds", "retype_groups"),  # a partner whose name lists several communes
    ("indexer.parsers.groups", "members_fact"),  # a group's members with their départements
    ("indexer.geography", "canonical_subdivision"),  # one spelling per département
    ("indexer.geography", "opens_with_vowel"),  # the one elision test
    ("indexer.parsers.cuf_labels", "label_over_page"),  # a band's label over a page break
    ("indexer.parsers.contacts", "take_email"),  # an e-mail written after a role
    ("indexer.parsers.contacts", "named_by_email"),  # a name the e-mail spells at a role's end
    ("indexer.parsers.contacts", "bare_phone"),  # a number without a label
    ("indexer.parsers.dates", "written_year"),  # the date a sheet's years are read against
    ("indexer.parsers.dates", "whole_plans"),  # every year of a planned period
    ("indexer.parsers.fields", "YEARS_LENGTH"),  # one reading of `N ans`
])
def test_the_doc_names_each_rule_the_code_applies(module, name):
    assert hasattr(importlib.import_module(module), name), (module, name)
    assert name in DOC, name


def test_the_doc_says_when_a_per_year_label_makes_a_budget_yearly():
    for said in ("Budget global :", "Pour les deux", "aucun budget", "Geography.spelling",
                 "Adresse :` runs over its lines"):
        assert said in DOC, said
