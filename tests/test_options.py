import ast
import dataclasses
import re
from dataclasses import dataclass

import pytest
from conftest import ROOT

from toolkit import align, minhash
from toolkit.dedup import DedupOptions
from toolkit.errors import ToolkitError
from toolkit.options import Spec, build, check_value, option, range_text, specs
from toolkit.params import SECTION_OPTIONS, SharedOptions
from toolkit.resources import SHINGLE_TOKEN_PATTERN
from toolkit.tokens import TOKEN_PATTERN as ANALYSIS_TOKEN_PATTERN

EVERY_OPTIONS_CLASS = [SharedOptions, DedupOptions, *SECTION_OPTIONS.values()]


@dataclass(frozen=True)
class Demo:
    size: int = option(3, "how many", minimum=1)
    share: float = option(0.5, "a share", minimum=0, exclusive_minimum=True, maximum=1)
    kind: str = option("a", "which", choices=("a", "b"))
    names: list = option(["x"], "names")
    path: str | None = option(None, "a file", types=(str, type(None)))

    def problems(self) -> list[str]:
        return ["size must exceed names"] if self.size <= len(self.names) else []


def test_specs_read_back_types_defaults_and_ranges_in_declaration_order():
    got = {s.name: s for s in specs(Demo)}
    assert list(got) == ["size", "share", "kind", "names", "path"]
    assert got["size"].types == (int,) and got["share"].types == (float, int)
    assert got["path"].types == (str, type(None)) and got["names"].default == ["x"]
    assert (got["share"].minimum, got["share"].maximum, got["share"].exclusive_minimum) == (
        0,
        1,
        True,
    )
    assert Demo().names is not Demo().names  # a list default is copied per instance
    with pytest.raises(dataclasses.FrozenInstanceError):
        Demo().size = 4


SIZE = Spec("size", (int,), 3, "", minimum=1)
SHARE = Spec("share", (float, int), 0.5, "", minimum=0, maximum=1, exclusive_minimum=True)
KIND = Spec("kind", (str,), "a", "", choices=("a", "b"))
PATH = Spec("path", (str, type(None)), None, "")


@pytest.mark.parametrize(
    ("spec", "value", "why"),
    [
        (SIZE, 1, None),
        (SIZE, 0, "must be at least 1, not 0"),
        (SIZE, True, "must be int, not bool True"),
        (SIZE, 2.0, "must be int, not float 2.0"),
        (SHARE, 1, None),
        (SHARE, 0.0, "must be in (0, 1], not 0.0"),
        (SHARE, 1.5, "must be in (0, 1], not 1.5"),
        (KIND, "c", "must be one of a, b, not 'c'"),
        (PATH, None, None),
        (PATH, 3, "must be str or null, not int 3"),
    ],
)
def test_check_value(spec, value, why):
    assert check_value(spec, value) == why


@pytest.mark.parametrize(
    ("spec", "text"),
    [
        (SIZE, "at least 1"),
        (SHARE, "in (0, 1]"),
        (Spec("p", (float,), 0.3, "", minimum=0.0, maximum=1.0), "in [0, 1]"),
        (Spec("s", (int,), 0, "", minimum=0, maximum=2**32 - 1), "in [0, 4294967295]"),
        (Spec("x", (float,), 1.0, "", minimum=0.5, exclusive_minimum=True), "more than 0.5"),
        (Spec("y", (int,), 1, "", maximum=9), "at most 9"),
        (KIND, None),
    ],
)
def test_range_text(spec, text):
    assert range_text(spec) == text


def test_build_lists_every_bad_value_then_the_problems_between_fields():
    assert build(Demo, {"size": 5, "share": 1}, what="demo", error=ToolkitError) == Demo(5, 1)
    with pytest.raises(ToolkitError, match=r"demo: unknown options colour, speed; the options"):
        build(Demo, {"speed": 1, "colour": 2}, what="demo", error=ToolkitError)
    with pytest.raises(ValueError) as e:
        build(Demo, {"size": 0, "kind": "c"}, what="demo", error=ValueError)
    assert str(e.value) == "demo: size must be at least 1, not 0; kind must be one of a, b, not 'c'"
    with pytest.raises(ValueError, match="demo: size must exceed names"):
        build(Demo, {"size": 1}, what="demo", error=ValueError)


@pytest.mark.parametrize("cls", EVERY_OPTIONS_CLASS, ids=lambda c: c.__name__)
def test_every_option_has_help_and_every_number_a_range(cls):
    for s in specs(cls):
        assert s.help, f"{cls.__name__}.{s.name} has no help"
        if any(t in (int, float) for t in s.types) and bool not in s.types:
            assert s.minimum is not None, f"{cls.__name__}.{s.name} has no range"
        assert check_value(s, s.default) is None, f"{cls.__name__}.{s.name}'s default"


def test_dedup_options_check_that_bands_divide_num_perm():
    assert DedupOptions().problems() == []
    assert "bands (30) must divide num_perm (128)" in DedupOptions(bands=30).problems()[0]


# ---------------------------------------------------------------- tokenisers


@pytest.mark.parametrize(
    ("text", "analysis", "shingle"),
    [
        (
            "Lukashenko's 2020 re-election, U.S. talks",
            ["Lukashenko's", "re-election", "U.S.", "talks"],
            ["Lukashenko", "s", "2020", "re", "election", "U", "S", "talks"],
        ),
        ("Минск—Москва «союз» 42", ["Минск", "Москва", "союз"], ["Минск", "Москва", "союз", "42"]),
        ("3rd snake_case", ["3rd", "snake_case"], ["3rd", "snake_case"]),
    ],
)
def test_the_two_tokenisers(text, analysis, shingle):
    assert re.findall(ANALYSIS_TOKEN_PATTERN, text) == analysis
    assert re.findall(SHINGLE_TOKEN_PATTERN, text) == shingle


def test_alignment_reads_the_words_dedup_shingles():
    assert minhash.TOKEN_PATTERN == SHINGLE_TOKEN_PATTERN
    assert align._WORD.pattern == SHINGLE_TOKEN_PATTERN


# ---------------------------------------------------------------- one-way imports

ANALYSIS = ["topics", "rhetoric", "trends", "overview", "plots", "stats", "align"]
PIPELINE = {"toolkit.params", "toolkit.run", "toolkit.report"}


@pytest.mark.parametrize("module", ANALYSIS)
def test_analysis_modules_import_nothing_from_the_pipeline(module):
    tree = ast.parse((ROOT / "toolkit" / f"{module}.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    assert not imported & PIPELINE, imported & PIPELINE
