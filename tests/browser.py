"""Headless Chromium for the report tests: the page's DOM after its scripts ran, offline.

Skips when Chromium is absent, unless ``TOOLKIT_REQUIRE_BROWSER`` is set (CI), where it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    if os.environ.get("TOOLKIT_REQUIRE_BROWSER"):
        pytest.fail("Chromium is required here (TOOLKIT_REQUIRE_BROWSER) but not installed")
    pytest.skip("Chromium is not installed: apt-get install -y chromium")


def dom(page: Path, *, fragment: str = "") -> str:
    """The DOM of ``page`` (opened as a file, with ``#fragment``) after its scripts ran."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run",
                f"--user-data-dir={profile}",
                "--host-resolver-rules=MAP * ~NOTFOUND",  # no network at all
                "--virtual-time-budget=15000", "--dump-dom", page.as_uri() + fragment,
            ],
            capture_output=True, text=True, timeout=180,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout
