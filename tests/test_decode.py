import polars as pl
import pytest

from toolkit.decode import decode, decode_all

SENTENCE = "Lukashenko and Putin met in Minsk on Friday to talk about the Union State and gas."
RUSSIAN = "Лукашенко и Путин встретились в Минске в пятницу, чтобы обсудить Союзное государство."


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
        # Russian in legacy Cyrillic encodings: found by charset-normalizer, not read as cp1252
        ("Минск, 3 марта".encode("cp1251"), "Минск, 3 марта", "cp1251"),
        ("Минск, 3 марта".encode("koi8-r"), "Минск, 3 марта", "koi8_r"),
        (
            "Минск, 3 марта. Президент Беларуси провёл переговоры.".encode("koi8-r"),
            "Минск, 3 марта. Президент Беларуси провёл переговоры.",
            "koi8_r",
        ),
        ("Мінск, 3 сакавіка. Прэзідэнт Беларусі ўзяў".encode("cp1251"), None, "cp1251"),
        ("Ångström – “quoted” text".encode("cp1252"), "Ångström – “quoted” text", "cp1252"),
        ("明斯克3月3日电 白俄罗斯总统".encode("gb18030"), "明斯克3月3日电 白俄罗斯总统", "gb18030"),
        # high bytes that read as no text in any encoding: refused, not loaded as noise
        (bytes(range(0x80, 0x100)) * 20, None, "undecodable"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary"),
        (bytes(range(1, 32)) * 20, None, "binary"),
        # UTF-16 saved without a byte-order mark (Windows tools): NUL bytes at one parity
        (SENTENCE.encode("utf-16-le"), SENTENCE, "utf-16-le"),
        (SENTENCE.encode("utf-16-be"), SENTENCE, "utf-16-be"),
        (RUSSIAN.encode("utf-16-le"), RUSSIAN, "utf-16-le"),
        (RUSSIAN.encode("utf-16-be"), RUSSIAN, "utf-16-be"),
        ("title,text\nTalks,Lukashenko met Putin.\n".encode("utf-16-le") * 4, None, "utf-16-le"),
        # too short to tell, or written without spaces: left binary
        ("Minsk talks".encode("utf-16-le"), None, "binary"),
        (
            ("明斯克3月3日电白俄罗斯总统卢卡申科在明斯克会见俄罗斯总统" * 3).encode("utf-16-le"),
            None,
            "binary",
        ),
        # NUL bytes at one parity, but no language: not text
        (b"%PDX-1.4\n\x00\x01\x02" * 8, None, "binary"),
    ],
)
def test_decode(data, text, encoding):
    got = decode(data)
    if text is None and encoding not in ("binary", "undecodable"):  # only the encoding is known
        assert got.encoding == encoding and got.text == data.decode(encoding)
    else:
        assert got[:2] == (text, encoding)
    assert (got.reason is not None) == (got.text is None)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x1f\x8b\x08\x00" + bytes(60), "gzip-compressed file: decompress it (gunzip)"),
        (b"BZh91AY&SY\x00\x01" + bytes(60), "bzip2-compressed"),
        (b"\xfd7zXZ\x00\x00" + bytes(60), "xz-compressed"),
        (b"\x28\xb5\x2f\xfd" + bytes(60), "zstd-compressed"),
        (b"PK\x03\x04\x14\x00" + bytes(60), "a ZIP archive (or a Word or Excel file)"),
        (b"%PDF-1.4\n%\xe2\xe3\x00\x01" + bytes(60), "a PDF: save its text as .txt"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file: not text"),
    ],
)
def test_a_binary_file_s_reason_says_what_it_is_and_what_to_do(data, reason):
    got = decode(data)
    assert (got.text, got.encoding) == (None, "binary")
    assert reason in got.reason


def test_mostly_symbols_are_refused_with_the_share_of_letters():
    import random

    noise = bytes(random.Random(7).randrange(0xA0, 0x100) for _ in range(4000))
    got = decode(noise)
    assert got.text is None
    assert "letters; save it as UTF-8" in got.reason or got.encoding == "undecodable"


@pytest.mark.parametrize(
    "data",
    [
        [b"Minsk", b"\xef\xbb\xbfBOM first", "Союз".encode()],  # all UTF-8: decoded together
        [b"Minsk", "caf\xe9".encode("cp1252"), b"\x81\x8d"],  # not: one by one
        [b"Minsk", bytes(range(0xA0, 0x100)) * 9],  # not text: null, with the reason
    ],
)
def test_decode_all_gives_what_decode_gives(data):
    texts, encodings, reasons = decode_all(data)
    assert texts.dtype == pl.String and encodings.dtype == pl.String
    assert list(zip(texts, encodings, reasons, strict=True)) == [tuple(decode(d)) for d in data]
