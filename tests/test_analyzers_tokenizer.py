"""The tokenizer alone: words, compounds kept whole, numbers normalised."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from analyzers.tokenizers import _DECIMAL, _GROUPED, _ORDINAL, _WORD, TOKEN_RE, FrenchTokenizer


def texts(value):
    return [t.text for t in FrenchTokenizer()(value)]


@pytest.mark.parametrize("value, expected", [
    ("Coopération décentralisée", ["Coopération", "décentralisée"]),
    ("en 2005, 15 000 euros", ["en", "2005", "15 000", "euros"]),
    ("15\u00a0000 FCFA", ["15 000", "FCFA"]),
    ("1 250 000 F CFA", ["1 250 000", "F", "CFA"]),
    ("1,5 million", ["1,5", "million"]),
    ("1.5 million", ["1,5", "million"]),
    ("15.000 euros", ["15 000", "euros"]),
    ("2005-2008", ["2005", "2008"]),
    ("de 2005 2 000 euros", ["de", "2005", "2 000", "euros"]),
    ("le 2ème forage", ["le", "2ème", "forage"]),
    ("Aix-en-Provence", ["Aix-en-Provence"]),
    ("l'assainissement", ["l'assainissement"]),
    ("l’assainissement", ["l'assainissement"]),
    ("N’Gabakoro", ["N'Gabakoro"]),
    ("d’Ille-et-Vilaine", ["d'Ille-et-Vilaine"]),
    ("Lille- Métropole", ["Lille", "Métropole"]),
    ("jusqu' à", ["jusqu'", "à"]),
    ("Santé / Eau", ["Santé", "Eau"]),
    ("AFDI68", ["AFDI68"]),
])
def test_tokens(value, expected):
    assert texts(value) == expected


def test_positions_and_chars():
    toks = [(t.text, t.pos, t.startchar, t.endchar)
            for t in FrenchTokenizer()("à Kayes, 15 000", positions=True, chars=True)]
    assert toks == [("à", 0, 0, 1), ("Kayes", 1, 2, 7), ("15 000", 2, 9, 15)]


def test_tokenize_false_keeps_value():
    assert texts_untokenized("Le Blanc-Mesnil") == ["Le Blanc-Mesnil"]


def texts_untokenized(value):
    return [t.text for t in FrenchTokenizer()(value, tokenize=False)]


PLAIN = re.compile(f"{_ORDINAL}|{_GROUPED}|{_DECIMAL}|{_WORD}", re.UNICODE)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aéZ0159 ,.'’-\u00a0\u202f/()+x", max_size=40))
def test_the_fast_token_pattern_cuts_as_the_plain_alternation(value):
    """TOKEN_RE (lookahead, word first) finds the same tokens as the plain alternation."""
    assert [m.span() for m in TOKEN_RE.finditer(value)] == [m.span() for m in PLAIN.finditer(value)]


def positions(value, gap=0):
    return [(t.pos, t.text) for t in FrenchTokenizer(gap=gap)(value, positions=True)]


def test_a_line_break_skips_the_gap_between_two_tokens_only():
    assert positions("Nord\nMali") == [(0, "Nord"), (1, "Mali")]  # no gap asked: as before
    assert positions("Nord\nMali", gap=100) == [(0, "Nord"), (101, "Mali")]
    # one gap per break between two tokens, however many lines; none before the first token
    assert positions("\n\nHauts-de-France \n\n Nord\nKayes Mali\n", gap=10) == [
        (0, "Hauts-de-France"), (11, "Nord"), (22, "Kayes"), (23, "Mali")]


def test_the_gap_keeps_the_tokens_offsets_and_is_part_of_equality():
    value = "Nord\nMali"
    toks = [(t.pos, t.startchar, t.endchar) for t in FrenchTokenizer(gap=5)(value, positions=True, chars=True)]
    assert toks == [(0, 0, 4), (6, 5, 9)]
    assert FrenchTokenizer(gap=5) == FrenchTokenizer(gap=5) != FrenchTokenizer()
