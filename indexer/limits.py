"""The bounds and defaults of a search's parameters, in one place for the engine (its request's
default page size, the years a period typed as one word may span: engine/querylang.py; the words a
query's truncations are expanded to: engine/truncations.py), the API (params.py, the OpenAPI: q's
length) and the command line. Here, in the lowest package all three import, and
importing nothing: the command line's help says them (`repertoires search --help`) without loading
the engine, which a `repertoires index` or `--help` does not need (~0,2 s).

No record and nothing in the index depends on these bounds, so this file is left out of the index's
code fingerprint (sources._NOT_FINGERPRINTED): changing a page size must not make `serve` rebuild every
index as if the document readers had changed."""
from __future__ import annotations

DEFAULT_PER_PAGE = 20  # the API's, the page's and the command line's
MAX_PER_PAGE = 100
# the highest page the API accepts, whatever per_page: a page past the last is empty, with a notice,
# and costs no more than the last (the engine's sort stops at the hits)
MAX_PAGE = 10_000
YEAR_MIN, YEAR_MAX = 1900, 2100  # year_from, year_to and the year facet
MAX_QUERY_CHARS = 500  # q's length, in the API, the page and the command line

# What a truncation (`assainiss*`) is expanded to, the most frequent words first, with a notice when more
# words begin so: a word's 50 (a one-word name's too); at the end of a phrase or a name of several words
# (`"eau pot*"`), 10, each one more phrase to match; and all the query's truncations together,
# TRUNCATED_WORDS_PER_QUERY, shared out evenly (each truncation at least its most frequent word): every word
# is scored in every field, and 65 distinct two-letter truncations (259 characters) took 1,1 s of CPU on a
# first request (review r46)
MIN_TRUNCATED = 2  # letters before the star: `a*` would be a tenth of the vocabulary (one after a name's words,
# which the names bound: engine/state.truncation_words)
MAX_TRUNCATED_WORDS = 50
MAX_TRUNCATED_PHRASES = 10
TRUNCATED_WORDS_PER_QUERY = 200
