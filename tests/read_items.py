"""What the table-reading tests compare: the items a file reads into (``Table`` and ``Skip``),
the same however it was read (whole, or a slice at a time)."""

from __future__ import annotations

from toolkit.records import Table


def assert_same_items(items: list, expected: list) -> None:
    """``items`` are ``expected``: the same kinds in the same order, tables with equal frames,
    encodings and text fields, skips equal."""
    assert [type(x) for x in items] == [type(x) for x in expected]
    for a, b in zip(items, expected, strict=True):
        if isinstance(a, Table):
            assert a.frame.equals(b.frame) and a.encoding == b.encoding
            assert (a.has_body_column, a.text_from) == (b.has_body_column, b.text_from)
        else:
            assert a == b
