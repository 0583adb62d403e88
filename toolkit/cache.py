"""Cache entries written whole or not at all, each with a checksum, and read back only intact.

An entry (a prepared corpus table, its ``meta.json``, an embedding shard, a UMAP array) is
written to a temporary file beside its place and renamed into it, so a run killed mid-write
leaves the old entry or none, never half of one; its SHA-256 goes to ``NAME.sha256`` beside
it. :func:`read_checked` reads an entry back only when the checksum matches and the reader
accepts it: a damaged entry (cut short, changed, no checksum, unreadable) is logged, dropped
and reported as absent, so the caller rebuilds it and the run goes on.

Example:
    >>> from pathlib import Path
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "entry.txt"
    >>> _ = write_bytes(path, b"42")
    >>> read_checked(path, Path.read_bytes)
    b'42'
    >>> _ = path.write_bytes(b"4")  # cut short
    >>> read_checked(path, Path.read_bytes) is None
    True
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

__all__ = [
    "checksum_path",
    "code_version",
    "damage",
    "drop",
    "read_checked",
    "write_atomic",
    "write_bytes",
    "write_whole",
]

log = logging.getLogger("toolkit")

T = TypeVar("T")


def checksum_path(path: Path) -> Path:
    """Where the SHA-256 of the entry ``path`` is kept: ``path`` with ``.sha256`` added."""
    return path.with_name(path.name + ".sha256")


def _digest(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def write_whole(path: Path, write: Callable[[Path], Any]) -> None:
    """``write`` a temporary file in ``path``'s folder, then rename it onto ``path``: a reader
    sees the old file or the new one, never half of one (no checksum: a run's own files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # the temporary name ends like the entry's (np.save appends .npy to any other name)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp" + path.suffix,
                                dir=path.parent)  # fmt: skip
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: Path, write: Callable[[Path], Any]) -> str:
    """Write the entry ``path`` by calling ``write`` on a temporary path, rename it into
    place, and record its SHA-256 beside it (:func:`checksum_path`); the digest.

    The entry is renamed before its checksum: killed in between, the entry has no checksum
    or an old one, and :func:`read_checked` drops it.
    """
    digest = ""

    def write_and_hash(tmp: Path) -> None:
        nonlocal digest
        write(tmp)
        digest = _digest(tmp)

    write_whole(path, write_and_hash)
    write_whole(checksum_path(path), lambda tmp: tmp.write_text(digest + "\n", encoding="ascii"))
    return digest


def write_bytes(path: Path, data: bytes) -> str:
    """:func:`write_atomic` of ``data``."""
    return write_atomic(path, lambda tmp: tmp.write_bytes(data))


def damage(path: Path) -> str | None:
    """Why the entry ``path`` is not intact, or None when its checksum matches."""
    recorded = checksum_path(path)
    if not path.is_file():
        return "missing"
    if not recorded.is_file():
        return "no checksum beside it (cut short, or written by an older toolkit)"
    try:
        expected = recorded.read_text(encoding="ascii").strip()
        actual = _digest(path)
    except (OSError, UnicodeDecodeError) as e:
        return f"unreadable ({e})"
    if actual != expected:
        return "its checksum does not match (cut short or changed since it was written)"
    return None


def drop(path: Path) -> None:
    """Delete the entry ``path`` and its checksum (either may be absent)."""
    path.unlink(missing_ok=True)
    checksum_path(path).unlink(missing_ok=True)


def read_checked(path: Path, read: Callable[[Path], T]) -> T | None:
    """``read(path)`` when the entry is intact; None when it is absent, or damaged: then the
    damage is logged with the file's name and the entry dropped, for the caller to rebuild."""
    if not path.exists():
        checksum_path(path).unlink(missing_ok=True)
        return None
    why = damage(path)
    if why is None:
        try:
            return read(path)
        except Exception as e:  # any unreadable entry is rebuilt, never used
            why = f"unreadable ({type(e).__name__}: {e})"
    log.warning("cache entry %s is damaged: %s; dropped, it will be rebuilt", path, why)
    drop(path)
    return None


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The hash of the toolkit's code and bundled data (every file of the package) and of the
    polars version: a cache entry (a prepared corpus, a notebook's result) made by other code is
    never read back, whatever the version number says (a checkout that pulled new code keeps
    the number)."""
    import polars as pl

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(pl.__version__.encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
