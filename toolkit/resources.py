"""Shared resources: the patterns, word lists and labels more than one stage uses, defined once
(as textacy's ``preprocessing/resources.py``), and reading a user's YAML mapping.

Example:
    >>> from toolkit.resources import PERIODS, UNKNOWN
    >>> PERIODS["month"], UNKNOWN
    ('1mo', '(unknown)')
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "ABBREVIATIONS",
    "DOTTED_ABBREVIATIONS",
    "MAX_YAML_MB",
    "MONTH_ABBREVIATIONS",
    "PERIODS",
    "SHINGLE_TOKEN_PATTERN",
    "UNKNOWN",
    "UNSPACED",
    "UNSPACED_RANGES",
    "WORD_COUNT_PATTERN",
    "parse_yaml",
    "read_mapping",
    "scoped_environ",
    "yaml_loader",
]

# Periods of time series, as polars ``dt.truncate`` intervals.
PERIODS: dict[str, str] = {"day": "1d", "week": "1w", "month": "1mo", "quarter": "1q", "year": "1y"}

# The label a table shows for a missing outlet or site (never stored in the corpus).
UNKNOWN = "(unknown)"

# Abbreviations whose full stop ends no sentence ("Mr. Smith", "No. 5").
ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr St Prof Gen Col Lt Sgt Capt Gov Sen Rep Jr Sr No Nos Inc Ltd Co Dept Fig "
    "vs etc approx Del Maj Adm Brig Amb Rev".split()
)
MONTH_ABBREVIATIONS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
DOTTED_ABBREVIATIONS = ("U.S", "U.K", "U.N", "a.m", "p.m", "e.g", "i.e")  # without the last dot

# A word as counted in ``n_words``: letters or digits, joined by apostrophes or hyphens.
WORD_COUNT_PATTERN = r"\w+(?:[’'\-]\w+)*"

# A character of a script written without spaces between words (Han, kana, Thai): a term whose
# edge is one has no word boundary there to be found ("白俄罗斯总统" holds 白俄罗斯), so it is
# matched where it stands; Python's re and polars' regex read the characters alike.
# (kana, CJK extension A, CJK unified ideographs, CJK compatibility ideographs, Thai)
UNSPACED_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
                   (0x0E00, 0x0E7F))  # fmt: skip
UNSPACED = "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in UNSPACED_RANGES) + "]"

# The analysis tokeniser (distinctive terms, frames, trends, the topic vectorizer) is
# toolkit.tokens.
# Shingling (duplicates, and aligning the copies they find): runs of letters and digits, so
# punctuation, quotation marks and spacing are never a difference between two copies.
SHINGLE_TOKEN_PATTERN = r"\w+"


# The largest YAML file of a user's (a parameter set, an outlet table, a lexicon) read in MB.
MAX_YAML_MB = 10


class _UserLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader (LibYAML's where built) for text a user or the data wrote.

    An alias (``*name``) is refused: a "billion laughs" file of nested aliases would expand to
    gigabytes once validated or copied. A date that does not exist (``2022-02-30``) stays the
    text written, so that validation names the key instead of PyYAML raising a bare ValueError.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A node met a second time is an alias of it: the composer shares the node.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "this value is repeated by an alias (*name); aliases are refused: "
                "write each value out",
                node.start_mark,
            )  # fmt: skip
        return super().construct_object(node, deep=deep)

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # 2022-02-30, 2022-13-01: left as text for validation to name
            return self.construct_scalar(node)


_UserLoader.add_constructor("tag:yaml.org,2002:timestamp", _UserLoader.construct_yaml_timestamp)


def yaml_loader() -> type:
    """The loader for YAML a user or the data wrote: PyYAML's safe loader (the C one where
    built) that refuses aliases and leaves impossible dates as text."""
    return _UserLoader


def parse_yaml(text: str) -> Any:
    """YAML text a user or the data wrote, read with :func:`yaml_loader`.

    Raises:
        yaml.YAMLError: the text is not YAML, uses an alias, or nests too deep.

    Example:
        >>> parse_yaml("date_from: 2022-02-30")
        {'date_from': '2022-02-30'}
    """
    try:
        return yaml.load(text, Loader=_UserLoader)
    except RecursionError as e:  # the pure-Python parser on deep nesting
        raise yaml.YAMLError("nested too deep") from e


_TAB_INDENT = re.compile(r"(?m)^ *\t")


def read_mapping(path: Path, *, what: str, error: type[Exception]) -> dict[str, Any]:
    """A user's YAML file that must hold a mapping, or ``error`` naming the file and the fault
    (missing, over :data:`MAX_YAML_MB`, not UTF-8, not YAML, an alias, not a mapping)."""
    if not path.is_file():
        raise error(f"{path}: no such {what}")
    if path.stat().st_size > MAX_YAML_MB * 2**20:
        raise error(f"{path}: over {MAX_YAML_MB} MB; a {what} is a short YAML file")
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        # a line indented with a tab, which YAML refuses ("found character that cannot start
        # any token": the parser's words do not say it)
        tab = _TAB_INDENT.search(path.read_text(encoding="utf-8", errors="replace"))
        hint = "; indent with spaces, not tabs" if tab else ""
        raise error(f"{path}: not valid YAML{hint}: {e}") from e
    except UnicodeDecodeError as e:
        raise error(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from e
    except OSError as e:
        raise error(f"{path}: cannot be read ({e.strerror})") from e
    if not isinstance(data, dict):
        raise error(f"{path}: must be a mapping of key: value")
    return data


@contextlib.contextmanager
def scoped_environ(**values: str) -> Iterator[None]:
    """Within the block, ``values`` are in the environment (for this process and the processes
    it starts); a variable the user has set is kept, and the environment is restored after."""
    added = {k: v for k, v in values.items() if k not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for k in added:
            os.environ.pop(k, None)
