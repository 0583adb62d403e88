import subprocess
import sys

import pytest

from toolkit.allocator import JEMALLOC_VARIABLE, in_force


@pytest.mark.parametrize(
    ("conf", "expected"),
    [
        ("dirty_decay_ms:0", True),
        # polars prepends its default and keeps what was set: the last entry wins
        ("dirty_decay_ms:500,muzzy_decay_ms:1000,dirty_decay_ms:0", True),
        ("dirty_decay_ms:0,dirty_decay_ms:500", False),
        ("dirty_decay_ms:500,muzzy_decay_ms:1000", False),
        ("dirty_decay_ms:-1", False),
        ("", False),
        (None, False),
    ],
)
def test_in_force(conf, expected):
    assert in_force(conf) is expected


_PROBE = "import os, sys\n{first}\nprint(toolkit.allocator.IN_FORCE, os.environ.get({var!r}))"


@pytest.mark.parametrize(
    ("first", "env", "expected_in_force", "expected_conf"),
    [
        # toolkit first: its setting goes in before polars appends it to its default
        (
            "import toolkit",
            {},
            True,
            "dirty_decay_ms:500,muzzy_decay_ms:1000,dirty_decay_ms:0",
        ),
        # the user's own value is kept
        (
            "import toolkit",
            {JEMALLOC_VARIABLE: "dirty_decay_ms:200"},
            False,
            "dirty_decay_ms:500,muzzy_decay_ms:1000,dirty_decay_ms:200",
        ),
        # polars loaded first: too late, nothing is changed
        ("import polars; import toolkit", {}, False, "dirty_decay_ms:500,muzzy_decay_ms:1000"),
    ],
)
def test_set_before_polars_loads(first, env, expected_in_force, expected_conf, monkeypatch):
    monkeypatch.delenv(JEMALLOC_VARIABLE, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code = _PROBE.format(first=first, var=JEMALLOC_VARIABLE)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(expected_in_force), expected_conf]
