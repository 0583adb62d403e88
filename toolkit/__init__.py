"""toolkit: load, clean and analyse state-media coverage of Belarus-Russia relations.

Example:
    >>> import toolkit
    >>> result = toolkit.ingest("seeds/")                  # doctest: +SKIP
    >>> print(result.summary())                            # doctest: +SKIP
"""

from importlib.metadata import PackageNotFoundError, version

from toolkit import allocator  # noqa: F401  first: sets polars' allocator before polars loads
from toolkit.clean import clean, learn_chrome
from toolkit.dedup import Duplicates, apply_policy, find_duplicates, mark_duplicates
from toolkit.errors import DataError, InputError, StrictModeError, ToolkitError
from toolkit.glue import paragraphs
from toolkit.load import CORPUS_SCHEMA, REPORT_SCHEMA, Ingest, ingest, load_corpus
from toolkit.normalize import normalize
from toolkit.quotes import quotes
from toolkit.segment import segment, split_sentences

try:
    __version__ = version("toolkit")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

__all__ = [
    "CORPUS_SCHEMA",
    "REPORT_SCHEMA",
    "DataError",
    "Duplicates",
    "Ingest",
    "InputError",
    "StrictModeError",
    "ToolkitError",
    "__version__",
    "apply_policy",
    "clean",
    "find_duplicates",
    "ingest",
    "learn_chrome",
    "load_corpus",
    "mark_duplicates",
    "normalize",
    "paragraphs",
    "quotes",
    "segment",
    "split_sentences",
]
