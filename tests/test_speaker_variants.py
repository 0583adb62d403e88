"""Speakers that may be one person written two ways (toolkit.speaker_variants)."""

from __future__ import annotations

import polars as pl
import pytest
import yaml

from toolkit.quotes import quotes
from toolkit.speaker_variants import VARIANT_SCHEMA, same_person, spelling_variants


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("Caid Essebsi", "Caïd Essebsi", "accents or punctuation"),
        ("Lai Tung-kwok", "Lai Tung-Kwok", "accents or punctuation"),
        ("Robert J. Jackson Jr.", "Robert J. Jackson Jr", "accents or punctuation"),
        ("James Galbraith", "James K. Galbraith", "middle name or initial"),
        ("Vladimir V. Putin", "Vladimir Vladimirovich Putin", "middle name or initial"),
        ("Zaid al-Ali", "Zaid Ali", "middle name or initial"),
        ("Winnie Madikizela-Mandela", "Winnie Mandela", "middle name or initial"),
        ("Aleksandr Lukashenko", "Alexander Lukashenko", "transliteration"),
        ("Alexander Lukashenko", "Alexander Lukashenka", "transliteration"),
        ("Mohammad Ibrahim", "Mohamed Ibrahim", "transliteration"),
        # a given name in another language's form (trial Q: RT's "Vladimir Zelensky")
        ("Vladimir Zelensky", "Volodymyr Zelenskyy", "Russian, Ukrainian or Belarusian form"),
        ("Aleksandr Lukashenko", "Alyaksandr Lukashenka", "Russian, Ukrainian or Belarusian form"),
        ("Svetlana Tikhanovskaya", "Sviatlana Tsikhanouskaya", None),  # the surnames differ
        ("Vladimir Putin", "Volodymyr Zelenskyy", None),
        ("Anna Smith", "Hanna Smith", None),  # not one name's forms everywhere
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky", "transliteration"),
        ("Sergey Lavrov", "Sergei Lavrov", "transliteration"),
        ("Abdul-Fattah el-Sisi", "Abdel-Fattah el-Sisi", "transliteration"),
        # two different middle initials are two people
        ("Paul D. Ryan", "Paul S. Ryan", None),
        ("James A. Lewis", "James K. Lewis", None),
        # short words that sound alike name different people
        ("Tom Miller", "Tim Miller", None),
        ("Wang Yi", "Wang Yu", None),
        # words that sound alike but are spelled far apart
        ("Richard Horsey", "Richard Harris", None),
        ("Mark Green", "Mark Carney", None),
        ("Jorge Rodriguez", "George Rodriguez", None),
        # a given name in syllables is one word, not a middle name
        ("Cheung Chi-kong", "Cheung Kong", None),
        ("Sergey Lavrov", "Sergey Shoigu", None),
        ("Vladimir Putin", "Vladimir V. Putin Jr", None),
    ],
)
def test_same_person(a, b, why):
    assert same_person(a, b) == why
    assert same_person(b, a) == why


def _found(counts: dict[str | None, int]) -> pl.DataFrame:
    speakers = [s for s, n in counts.items() for _ in range(n)]
    return pl.DataFrame({"speaker": speakers}, schema={"speaker": pl.String})


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (  # the most quoted form first, every form with its count
            {"Alexander Lukashenko": 3, "Aleksandr Lukashenko": 1, "Sergey Lavrov": 2},
            [("Alexander Lukashenko", "Alexander Lukashenko (3); Aleksandr Lukashenko (1)", 4,
              "transliteration")],
        ),
        (  # three forms by two rules make one group
            {"Vladimir V. Putin": 5, "Vladimir Putin": 2, "Vladimir Vladimirovich Putin": 1},
            [("Vladimir V. Putin",
              "Vladimir V. Putin (5); Vladimir Putin (2); Vladimir Vladimirovich Putin (1)", 8,
              "middle name or initial")],
        ),
        (  # a bare form beside two people is either: it joins no group, and they stay apart
            {"Paul D. Ryan": 4, "Paul S. Ryan": 3, "Paul Ryan": 2},
            [],
        ),
        (  # not persons, a name of one letter first, and no speaker: never proposed
            {"the ministry": 3, "The Ministry": 1, "U Win Aung": 2, "U Thein Win Aung": 1,
             None: 5},
            [],
        ),
        (  # groups by attributions, then name; forms by attributions, length, then name
            {"Caid Essebsi": 1, "Caïd Essebsi": 1, "Barack Obama": 2, "Barak Obama": 1},
            [("Barack Obama", "Barack Obama (2); Barak Obama (1)", 3, "transliteration"),
             ("Caid Essebsi", "Caid Essebsi (1); Caïd Essebsi (1)", 2,
              "accents or punctuation")],
        ),
    ],
)  # fmt: skip
def test_spelling_variants(counts, expected):
    table = spelling_variants(_found(counts))
    assert table.schema == pl.Schema(VARIANT_SCHEMA)
    assert table.select("speaker", "forms", "attributions", "why").rows() == expected


def test_the_entry_merges_the_forms_when_given_as_aliases():
    """The proposed ``speaker_aliases`` entry is YAML that, given back to quotes(), makes the
    forms one speaker."""
    docs = pl.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": [
                '"We will hold talks," Alexander Lukashenko said on Monday.',
                '"The union state is strong," Aleksandr Lukashenko said.',
                '"Trade grew," Alexander Lukashenko said.',
            ],
        }
    )
    found = quotes(docs)
    assert sorted(found["speaker"].unique()) == ["Aleksandr Lukashenko", "Alexander Lukashenko"]
    entry = spelling_variants(found)["speaker_aliases"].item()
    aliases = yaml.safe_load("{" + entry + "}")
    assert aliases == {"Alexander Lukashenko": ["Aleksandr Lukashenko"]}
    merged = quotes(docs, aliases=aliases)
    assert merged["speaker"].to_list() == ["Alexander Lukashenko"] * 3
    assert spelling_variants(merged).height == 0


def test_the_result_does_not_depend_on_row_order():
    counts = {"George W. Bush": 3, "George Bush": 2, "Mohammad Ibrahim": 2, "Mohamed Ibrahim": 1}
    found = _found(counts)
    shuffled = found.sample(fraction=1.0, shuffle=True, seed=7)
    assert spelling_variants(found).equals(spelling_variants(shuffled))
