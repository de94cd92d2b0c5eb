"""The tokenizer: French words, hyphenated and apostrophised compounds kept
whole (the filters after it elide and split them), years and amounts kept as
single tokens (`15 000`, `15.000` -> `15 000` with one plain space, split later
like a compound into `15000` + `15`, `000`; `1,5` and `1.5` -> `1,5`)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Token, Tokenizer

APOSTROPHES = "'’`´ʼ"
HYPHENS = "-\u2010\u2011"

_LETTER = r"[^\W\d_]"
_ALNUM = r"[^\W_]"
# Thousands grouped by a (narrow/no-break) space or a dot, optional decimals.
_GROUPED = r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?![\d])"
_DECIMAL = r"(?<![\d,.])\d+(?:[,.]\d+)?(?![\d])"
_ORDINAL = r"\d+" + _LETTER + _ALNUM + "*"  # 2ème, 1er, AFDI68 is a word
_WORD = (
    _LETTER + _ALNUM + "*"
    + "(?:[" + re.escape(APOSTROPHES + HYPHENS) + "]" + _LETTER + _ALNUM + "*)*"
    + "[" + re.escape(APOSTROPHES) + "]?"  # a trailing elided word, `jusqu'` before a space
)
# A token starts with a letter (a word) or a digit (the others): the lookahead
# lets the engine skip every other character at once, and the word, the most
# frequent token, is tried first (the branches start differently, so their
# order does not change what matches). A third faster than the plain
# alternation `_ORDINAL|_GROUPED|_DECIMAL|_WORD`, with the same tokens.
TOKEN_RE = re.compile(f"(?=[^\\W_])(?:{_WORD}|{_ORDINAL}|{_GROUPED}|{_DECIMAL})", re.UNICODE)
# a number written in groups (`1 000 000`): the query parser splits at spaces, so it joins these first
GROUPED_RE = re.compile(_GROUPED)
_APOSTROPHE_RE = re.compile("[" + re.escape(APOSTROPHES) + "]")
_HYPHEN_RE = re.compile("[" + re.escape(HYPHENS) + "]")


def numbered(value: str, gap: int = 0, start: int = 0) -> Iterator[tuple[int, re.Match]]:
    """Each token's match in `value` with its position: one after the other, and `gap` more
    where a line break stands between two tokens (a names field's items, one a line: with a gap
    wider than a phrase's slop, no phrase is found across two names)."""
    pos, last = start - 1, -1
    for match in TOKEN_RE.finditer(value):
        pos += 1
        if gap and last >= 0 and value.find("\n", last, match.start()) >= 0:
            pos += gap
        last = match.end()
        yield pos, match


@lru_cache(maxsize=65536)  # every token passes here: the same words again and again
def normalize_token(text: str) -> str:
    """One apostrophe (`'`), one hyphen (`-`), one thousands separator (` `)."""
    if text.isalpha():
        return text
    text = _APOSTROPHE_RE.sub("'", text)
    text = _HYPHEN_RE.sub("-", text)
    if text[:1].isdigit():
        if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?", text):
            text = re.sub(r"[ \u00a0\u202f.]", " ", text)
        else:
            text = text.replace(".", ",")
    return text


class FrenchTokenizer(Tokenizer):
    """Yields words, compounds (`aix-en-provence`, `l'assainissement`,
    `n'gabakoro`) and numbers; compounds are split later, after elision.
    `gap`: positions skipped at a line break between two tokens (`numbered`)."""

    gap = 0  # (a class default: the schemas pickled before it unpickle as they were)

    def __init__(self, gap: int = 0):
        self.gap = gap

    # the tokens are this expression's matches, as written (the highlighter
    # scans whole texts with it rather than making a Token per word)
    pattern = TOKEN_RE

    def __eq__(self, other):
        return other.__class__ is self.__class__ and other.gap == self.gap

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True,
                 mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        # (the plain count unless lines are set apart: every field and every query passes here)
        matches = numbered(value, self.gap, start_pos) if self.gap else enumerate(TOKEN_RE.finditer(value), start_pos)
        for pos, match in matches:
            text = normalize_token(match.group(0))
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = match.group(0)
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + match.start()
                t.endchar = start_char + match.end()
            yield t
