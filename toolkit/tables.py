"""Table readers: CSV and TSV, JSON lines, JSON and Parquet files to :class:`Table` rows.

Each reader reads the rows (malformed ones come back as :class:`Skip` with the line where they
start) and hands them to :mod:`toolkit.columns`, which matches the columns to fields by their
usual names (``COLUMN_ALIASES``) or by the caller's ``columns=`` and keeps the others as JSON in
``meta``.

The readers live by format: :mod:`toolkit.tables_delimited` (CSV and TSV),
:mod:`toolkit.tables_json` (JSON lines and JSON), :mod:`toolkit.tables_parquet`; the pieces they
share in :mod:`toolkit.tables_parts`.
"""

from toolkit.column_names import COLUMN_ALIASES, check_columns
from toolkit.tables_delimited import read_delimited
from toolkit.tables_json import read_json, read_jsonl
from toolkit.tables_parquet import read_parquet

# COLUMN_ALIASES and check_columns (toolkit.columns) are named here too, where readers and params
# have always found them.
__all__ = [
    "COLUMN_ALIASES",
    "check_columns",
    "read_delimited",
    "read_json",
    "read_jsonl",
    "read_parquet",
]
