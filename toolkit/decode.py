"""Bytes to text: a file's encoding found, binary files told apart, pages decoded together.

UTF-8 (and UTF-16 with a byte-order mark, or without one where NUL bytes fall at one parity) is
read as such. Other bytes go to charset-normalizer,
the maintained detector, limited to the legacy encodings this field's texts come in (Western,
Cyrillic, Central European, Chinese, Japanese, Korean): alone on short texts it takes KOI8-R for
UTF-16 and Western text for Central European. What decodes to mostly symbols is refused.

Example:
    >>> decode("café au lait".encode("cp1252"))
    Decoded(text='café au lait', encoding='cp1252', reason=None)
    >>> decode("Минск, 3 марта".encode("cp1251")).encoding
    'cp1251'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import polars as pl

__all__ = [
    "LEGACY_ENCODINGS",
    "Decoded",
    "bomless_utf16",
    "decode",
    "decode_all",
    "detect",
    "letter_share",
    "looks_binary",
]


class Decoded(NamedTuple):
    """A decoded file: ``text`` is None when it is not text, and ``reason`` then says why."""

    text: str | None
    encoding: str  # "binary" or "undecodable" when ``text`` is None
    reason: str | None = None


# Legacy encodings tried when a file is not UTF-8, most likely first: the first wins a tie.
LEGACY_ENCODINGS = (
    "cp1252",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
    "mac_cyrillic",
    "iso8859_5",
    "cp1250",
    "iso8859_15",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
)
MIN_LETTER_SHARE = 0.6  # of the characters that are not spaces, in a text not in UTF-8


_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 5% control characters, in the first 8 KB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    return len(head) - len(head.translate(None, _CONTROL_BYTES)) > 0.05 * len(head)


# What a file that is not text is, by its first bytes, and what to do with it
_CONTAINERS = (
    (b"\x1f\x8b", "a gzip-compressed file: decompress it (gunzip) and load it again"),
    (b"BZh", "a bzip2-compressed file: decompress it (bunzip2) and load it again"),
    (b"\xfd7zXZ\x00", "an xz-compressed file: decompress it (unxz) and load it again"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file: decompress it (unzstd) and load it again"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or Excel file): extract it, or save its text or "
     "table as .txt or .csv, and load that"),
    (b"%PDF", "a PDF: save its text as .txt (e.g. pdftotext) and load that"),
)  # fmt: skip
# Of the bytes at one parity of a UTF-16 text in Latin or Cyrillic letters, the share that are
# NUL at least (spaces, digits and Latin letters have a NUL high byte; Cyrillic letters do not),
# and at the other at most
_UTF16_HIGH_NUL, _UTF16_LOW_NUL = 0.05, 0.01
_UTF16_MIN_BYTES = 64
_UTF16_COHERENCE = 0.2  # charset-normalizer's share of a language's frequent letters in order


def bomless_utf16(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 text saved without a byte-order mark (Windows
    tools write it so): NUL bytes at one parity only, mostly letters and spaces once decoded, and
    a language's words to charset-normalizer (its coherence); None otherwise. Text written
    without spaces (Chinese), and files under 64 bytes, are not recognised."""
    head = data[: 8192 & ~1]
    if len(head) < _UTF16_MIN_BYTES or len(data) % 2:
        return None
    n = len(head) // 2
    even, odd = head[0::2].count(0) / n, head[1::2].count(0) / n
    if odd >= _UTF16_HIGH_NUL and even <= _UTF16_LOW_NUL:
        encoding = "utf-16-le"
    elif even >= _UTF16_HIGH_NUL and odd <= _UTF16_LOW_NUL:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    sample = text[:4096]
    spaces = sum(c.isspace() for c in sample)
    controls = sum(ord(c) < 32 and c not in "\t\n\r" for c in sample)
    if letter_share(text) < MIN_LETTER_SHARE or spaces < 0.05 * len(sample) or controls:
        return None
    from charset_normalizer import from_bytes  # imported when a file may be UTF-16

    found = from_bytes(data[:200_000], cp_isolation=[encoding.replace("-", "_")]).best()
    return encoding if found is not None and found.coherence >= _UTF16_COHERENCE else None


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM (or without, see
    :func:`bomless_utf16`), else the legacy encoding charset-normalizer finds (cp1252, then
    latin-1, when it finds none).

    Binary data (NUL bytes, or many control characters) gives ``Decoded(None, "binary", why)``,
    ``why`` naming a compressed file, an archive or a PDF and what to do with it; a
    text not in UTF-8 that decodes to mostly symbols, ``Decoded(None, "undecodable", why)``.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            return Decoded(None, "undecodable", "not UTF-16 although it starts as UTF-16")
    if looks_binary(data):
        kind = next((why for magic, why in _CONTAINERS if data.startswith(magic)), None)
        if kind is None and (encoding := bomless_utf16(data)) is not None:
            return Decoded(data.decode(encoding), encoding)
        return Decoded(None, "binary", f"binary file: {kind or 'not text'}")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = detect(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; latin-1 maps every byte
        encoding, text = "latin-1", data.decode("latin-1")
    share = letter_share(text)
    if share < MIN_LETTER_SHARE:
        return Decoded(
            None,
            "undecodable",
            f"not text: not UTF-8, and as {encoding} only {share:.0%} of its characters are "
            "letters; save it as UTF-8",
        )
    return Decoded(text, encoding)


def detect(data: bytes) -> str:
    """The legacy encoding (``LEGACY_ENCODINGS``) that charset-normalizer reads ``data`` in
    with the least chaos and most coherence, the likelier winning a tie; cp1252 when none."""
    from charset_normalizer import from_bytes  # imported when a file is not UTF-8

    found = from_bytes(data[:200_000], cp_isolation=list(LEGACY_ENCODINGS))
    if not found:
        return "cp1252"
    rank = {e: i for i, e in enumerate(LEGACY_ENCODINGS)}

    def likeliest(match) -> str:  # encodings that give the same text are listed together
        return min(match.could_be_from_charset, key=lambda e: rank.get(e, len(rank)))

    best = min(found, key=lambda m: (m.chaos, -m.coherence, rank.get(likeliest(m), len(rank))))
    return likeliest(best)


def letter_share(text: str, sample: int = 100_000) -> float:
    """The share of letters among the characters of ``text`` that are not spaces (1.0 when
    there are none); the first ``sample`` characters are counted."""
    chars = [c for c in text[:sample] if not c.isspace()]
    return sum(c.isalpha() for c in chars) / len(chars) if chars else 1.0


def decode_all(data: Sequence[bytes]) -> tuple[pl.Series, pl.Series, pl.Series]:
    """Many texts' bytes (none binary, none UTF-16) decoded: their texts, encodings, and why a
    text is null (see :class:`Decoded`).

    All are decoded together as UTF-8 (a byte-order mark dropped); when any is not UTF-8, each
    is decoded as :func:`decode` does. The texts are those :func:`decode` gives either way.

    Example:
        >>> texts, encodings, _ = decode_all([b"Minsk", "caf\\xe9".encode("latin-1")])
        >>> encodings.to_list()
        ['utf-8', 'cp1252']
    """
    try:
        texts = pl.Series(data, dtype=pl.Binary).cast(pl.String)
        # Only the texts with a byte-order mark are copied without it: polars copies a whole
        # column it strips, and a one-row column several times over.
        marked = [i for i, d in enumerate(data) if d.startswith(b"\xef\xbb\xbf")]
        if marked:
            texts = texts.scatter(marked, texts.gather(marked).str.strip_prefix("\ufeff"))
        encodings = pl.repeat("utf-8", len(data), dtype=pl.String, eager=True)
        reasons = pl.repeat(None, len(data), dtype=pl.String, eager=True)
    except pl.exceptions.ComputeError:  # not all UTF-8: cp1252 and the like, one by one
        decoded = [decode(d) for d in data]
        texts = pl.Series([d.text for d in decoded], dtype=pl.String)
        encodings = pl.Series([d.encoding for d in decoded], dtype=pl.String)
        reasons = pl.Series([d.reason for d in decoded], dtype=pl.String)
    return texts, encodings, reasons
