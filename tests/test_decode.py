import polars as pl
import pytest

from toolkit.decode import decode, decode_all


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Minsk – “Union State”".encode(), "Minsk – “Union State”", "utf-8"),
        (b"\xef\xbb\xbfBOM first", "BOM first", "utf-8"),
        (
            "Lukashenko’s “brotherly” talks – café".encode("cp1252"),
            "Lukashenko’s “brotherly” talks – café",
            "cp1252",
        ),
        ("UTF-16 text".encode("utf-16"), "UTF-16 text", "utf-16"),
        (b"\x81\x8d\x8f", "\x81\x8d\x8f", "latin-1"),  # bytes cp1252 leaves undefined
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary"),
        (bytes(range(1, 32)) * 20, None, "binary"),
    ],
)
def test_decode(data, text, encoding):
    assert tuple(decode(data)) == (text, encoding)


@pytest.mark.parametrize(
    "data",
    [
        [b"Minsk", b"\xef\xbb\xbfBOM first", "Союз".encode()],  # all UTF-8: decoded together
        [b"Minsk", "caf\xe9".encode("cp1252"), b"\x81\x8d"],  # not: one by one
    ],
)
def test_decode_all_gives_what_decode_gives(data):
    texts, encodings = decode_all(data)
    assert texts.dtype == pl.String and encodings.dtype == pl.String
    assert list(zip(texts, encodings, strict=True)) == [tuple(decode(d)) for d in data]
