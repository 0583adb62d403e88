"""Shared resources: the patterns, word lists and labels more than one stage uses, defined once
(as textacy's ``preprocessing/resources.py``), and reading a user's YAML mapping.

Example:
    >>> from toolkit.resources import PERIODS, UNKNOWN
    >>> PERIODS["month"], UNKNOWN
    ('1mo', '(unknown)')
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "ABBREVIATIONS",
    "DOTTED_ABBREVIATIONS",
    "MONTH_ABBREVIATIONS",
    "PERIODS",
    "SHINGLE_TOKEN_PATTERN",
    "UNKNOWN",
    "WORD_COUNT_PATTERN",
    "read_mapping",
    "yaml_loader",
]

# Periods of time series, as polars ``dt.truncate`` intervals.
PERIODS: dict[str, str] = {"day": "1d", "week": "1w", "month": "1mo", "quarter": "1q", "year": "1y"}

# The label a table shows for a missing outlet or site (never stored in the corpus).
UNKNOWN = "(unknown)"

# Abbreviations whose full stop ends no sentence ("Mr. Smith", "No. 5").
ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr St Prof Gen Col Lt Sgt Capt Gov Sen Rep Jr Sr No Nos Inc Ltd Co Dept Fig "
    "vs etc approx".split()
)
MONTH_ABBREVIATIONS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
DOTTED_ABBREVIATIONS = ("U.S", "U.K", "U.N", "a.m", "p.m", "e.g", "i.e")  # without the last dot

# A word as counted in ``n_words``: letters or digits, joined by apostrophes or hyphens.
WORD_COUNT_PATTERN = r"\w+(?:[’'\-]\w+)*"

# The analysis tokeniser (distinctive terms, frames, trends, the topic vectorizer) is
# toolkit.tokens.
# Shingling (duplicates, and aligning the copies they find): runs of letters and digits, so
# punctuation, quotation marks and spacing are never a difference between two copies.
SHINGLE_TOKEN_PATTERN = r"\w+"


def yaml_loader() -> type:
    """PyYAML's safe loader (the C one where built)."""
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_mapping(path: Path, *, what: str, error: type[Exception]) -> dict[str, Any]:
    """A user's YAML file that must hold a mapping, or ``error`` naming the file and the fault."""
    if not path.is_file():
        raise error(f"{path}: no such {what}")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml_loader()) or {}
    except yaml.YAMLError as e:
        raise error(f"{path}: not valid YAML: {e}") from e
    except UnicodeDecodeError as e:
        raise error(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from e
    if not isinstance(data, dict):
        raise error(f"{path}: must be a mapping of key: value")
    return data
