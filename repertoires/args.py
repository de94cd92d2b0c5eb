"""Argument types the commands share (`serve`, `loadtest`): a number out of its bounds is said
before anything runs, in argparse's words."""
from __future__ import annotations

import argparse

MAX_THREADS = 256  # a server's worker threads (`serve`, `loadtest`)


def number_between(low: float, high: float | None = None, kind: type = int):
    """An argparse type: a number of `kind` (int, or float) from `low` (to `high`), said in words
    when not (`serve --port`, `loadtest --seconds`)."""
    what = "an integer" if kind is int else "a number"

    def parse(raw: str):
        try:
            value = kind(raw)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {what}, got {raw!r}") from None
        if not value >= low or (high is not None and not value <= high):  # `nan` is no number between
            raise argparse.ArgumentTypeError(f"{raw} is not between {low} and {high}" if high is not None
                                             else f"{raw} is below {low}")
        return value

    parse.__name__ = "integer" if kind is int else "number"
    return parse
