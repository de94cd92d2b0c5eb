"""A sheet written twice in a document (a copy pasted in again, two extractions joined) is read once:
the second writing is left out with a warning, and its actions with it. Read as a second sheet of the
same partnership, it gave every action of the sheet twice, under new ids (QA r45, audit 13: Chaumont –
San copied after itself gave chaumont--san--a03 and --a04, the same two actions again, without a word)."""
from __future__ import annotations


class SheetTexts:
    """The sheets of a document read so far, by their text (spacing aside)."""

    def __init__(self) -> None:
        self._first: dict[str, int] = {}

    def repeated(self, lines: list[str], line: int) -> int | None:
        """The first line of an earlier sheet written as `lines` are, or None (then `lines`, starting at
        line `line`, is remembered)."""
        key = " ".join(" ".join(lines).split())
        if key in self._first:
            return self._first[key]
        self._first[key] = line
        return None
