"""The given-name gender table: built from nomquamgender's data, read by the person chain."""

from importlib import resources

import pytest

from toolkit.given_names import given_name_gender, is_given_name, table_lines


def test_table_is_the_one_nomquamgender_gives():
    text = (resources.files("toolkit") / "data" / "given_names.txt").read_text("utf-8")
    lines = [x for x in text.splitlines() if x and not x.startswith("#")]
    assert lines == table_lines()
    assert 40_000 < len(lines) < 60_000


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Amy Chua", "f"),
        ("Vladimir Putin", "m"),
        ("Olena Zelenska", "f"),
        ("Jed Rubenfeld", "m"),
        ("José Ramos-Horta", "m"),  # accents dropped as the table keys them
        ("Zoë Baird", "f"),
        ("Łukasz Kowalski", "m"),  # letters no accent stripping reaches
        ("Søren Kierkegaard", "m"),
        # names the data leave uncertain say nothing
        ("Jean Dupont", None),
        ("Kim Jong-un", None),
        ("Rand Paul", None),
        ("Xi Jinping", None),  # a Chinese surname first
        # one word is no given name
        ("Putin", None),
        ("Amy", None),
    ],
)
def test_given_name_gender(name, gender):
    assert given_name_gender(name) == gender


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("Amy Chua", True),
        # a given name the data leave uncertain is still one (no gender)
        ("Bernie Sanders", True), ("Chris Christie", True), ("Jean Dupont", True),
        # one word, or a word no one is named
        ("Bernie", False), ("Foreign Ministry", False),
    ],
)  # fmt: skip
def test_is_given_name(name, given):
    assert is_given_name(name) is given
