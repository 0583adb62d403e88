"""Which lines of a scraped page are prose: the word-count bounds and the title-case rule."""

import pytest

from toolkit.titles import is_prose


def _words(n: int, word: str = "word", end: str = ".") -> str:
    return " ".join([word] * n) + end


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (_words(11), False),  # under 12 words: never prose
        (_words(12), True),
        (_words(12, end=""), False),  # 12-29 words must end as a sentence ends
        (_words(29, end=""), False),
        (_words(30, end=""), True),  # 30 words or more: always prose
        (_words(30, word="Word", end=""), True),
        # most long words capitalised: a headline, not prose
        (_words(12, word="Word"), False),
        (_words(29, word="Word"), False),
        (
            "Manhole Fires and Burst Pipes in the City Are Worse Than Ever Before, Say Officials.",
            False,
        ),
        # capitals among few long words do not make a headline
        ("The oil deal was signed in Minsk on Monday by the two sides at last.", True),
        # initials that are not letters do not count ("1234", "½abc")
        ("1234 ½abc Word word word word word word word word word word word.", True),
        ("x" * 58 + ".", False),  # one word: prose from 60 characters (scripts without spaces)
        ("x" * 59 + ".", True),
    ],
)
def test_prose(line, expected):
    assert is_prose(line) is expected
