"""Bytes to text: a file's encoding found, binary files told apart, pages decoded together.

Example:
    >>> decode("café".encode("cp1252"))
    Decoded(text='café', encoding='cp1252')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import polars as pl

__all__ = ["Decoded", "decode", "decode_all", "looks_binary"]


class Decoded(NamedTuple):
    """A decoded file: ``text`` is None when undecodable, and ``encoding`` then says why."""

    text: str | None
    encoding: str


_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 5% control characters, in the first 8 KB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    return len(head) - len(head.translate(None, _CONTROL_BYTES)) > 0.05 * len(head)


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Binary data (NUL bytes, or many control characters) gives ``Decoded(None, "binary")``.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            return Decoded(None, "undecodable")
    if looks_binary(data):
        return Decoded(None, "binary")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return Decoded(text, "utf-8" if encoding == "utf-8-sig" else encoding)
    # cp1252 leaves five bytes undefined; latin-1 maps every byte.
    return Decoded(data.decode("latin-1"), "latin-1")


def decode_all(data: Sequence[bytes]) -> tuple[pl.Series, pl.Series]:
    """Many texts' bytes (none binary, none UTF-16) decoded: their texts and encodings.

    All are decoded together as UTF-8 (a byte-order mark dropped); when any is not UTF-8, each
    is decoded as :func:`decode` does. The texts are those :func:`decode` gives either way.

    Example:
        >>> texts, encodings = decode_all([b"Minsk", "caf\\xe9".encode("latin-1")])
        >>> encodings.to_list()
        ['utf-8', 'cp1252']
    """
    try:
        texts = pl.Series(data, dtype=pl.Binary).cast(pl.String).str.strip_prefix("\ufeff")
        encodings = pl.repeat("utf-8", len(data), dtype=pl.String, eager=True)
    except pl.exceptions.ComputeError:  # not all UTF-8: cp1252 and the like, one by one
        decoded = [decode(d) for d in data]
        texts = pl.Series([d.text for d in decoded], dtype=pl.String)
        encodings = pl.Series([d.encoding for d in decoded], dtype=pl.String)
    return texts, encodings
