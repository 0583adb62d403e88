"""The inputs of a load: files found under the sources, the manifest, and the load report's rows.

Every input is accounted for: a file is read, or it is the manifest, or it is skipped with a
reason (hidden, unsupported type). The report's rows are :class:`ReportRow` records, gathered
into a frame of ``REPORT_SCHEMA``.

Example:
    >>> found = find_sources("seeds/")                    # doctest: +SKIP
    >>> found.files[0]                                     # doctest: +SKIP
    ('seeds/belta/2019-12-20 ....txt', 'seeds/belta/2019-12-20 ....txt')
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.errors import InputError
from toolkit.readers import READERS, suffix
from toolkit.records import Skip

__all__ = [
    "MANIFEST_COLUMNS",
    "MANIFEST_NAME",
    "REPORT_SCHEMA",
    "Manifest",
    "ReportRow",
    "Sources",
    "find_sources",
    "read_manifest",
    "report_frame",
    "unsupported",
]

REPORT_SCHEMA: dict[str, pl.DataType] = {
    "path": pl.String,
    "record": pl.Int64,
    "line": pl.Int64,
    "status": pl.String,  # loaded | skipped | manifest
    "reason": pl.String,
    "doc_id": pl.String,
    "note": pl.String,
    "encoding": pl.String,  # what the file was decoded with; null for a skip before decoding
}

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "outlet", "site", "published", "title", "url", "note")


@dataclass(frozen=True)
class ReportRow:
    """One row of the load report: an input file or record, and what became of it."""

    path: str
    status: str
    reason: str | None = None
    record: int | None = None
    line: int | None = None
    doc_id: str | None = None
    note: str | None = None
    encoding: str | None = None

    @classmethod
    def skipped(cls, skip: Skip) -> ReportRow:
        """The report row of what a reader skipped."""
        return cls(
            skip.path, "skipped", skip.reason, skip.record, skip.line, None, None, skip.encoding
        )


# What to do with a file of a type the toolkit does not read, where a researcher's data often
# come so
_TYPE_HINTS = {
    ".doc": "save its text as .txt and load that (a database's export: download it from the"
    " database as TXT, HTML or DOCX, which are read one row per article)",
    ".odt": "save its text as .txt and load that",
    ".rtf": "save its text as .txt and load that (a database's export: download it from the"
    " database as TXT, HTML or DOCX, which are read one row per article)",
    ".pdf": "save its text as .txt (e.g. pdftotext) and load that",
    ".gz": "decompress it (gunzip) and load what it holds (a compressed WARC is read as .warc.gz)",
    ".zip": "unpack it (unzip) and load the folder it makes",
    ".7z": "unpack it (7z x) and load the folder it makes",
    ".rar": "unpack it (unrar x) and load the folder it makes",
    ".tar": "unpack it (tar -xf) and load the folder it makes",
    ".arc": "an old Internet Archive ARC file: convert it to WARC (e.g. warcio's or"
    " ia-hadoop-tools' arc2warc) and load that",
}


def unsupported(ext: str) -> str:
    """The reason a file of type ``ext`` is not read, with what to do where it is known."""
    hint = _TYPE_HINTS.get(ext.lower())
    return f"unsupported file type {ext!r}" + (f": {hint}" if hint else "")


def report_frame(rows: Iterable[ReportRow]) -> pl.DataFrame:
    """Report rows as a frame of ``REPORT_SCHEMA``."""
    rows = list(rows)
    return pl.DataFrame(
        {name: [getattr(r, name) for r in rows] for name in REPORT_SCHEMA}, schema=REPORT_SCHEMA
    )


@dataclass(frozen=True)
class Manifest:
    """What a researcher knows that the text does not say: rows by file name, and the manifest
    file as the report names it."""

    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    label: str | None = None

    def match(self, rel: str) -> str | None:
        """The manifest row's key for a file (``rel``: its path as the report names it)."""
        if not self.rows:
            return None
        tail = rel.split("/", 1)[-1]
        for key in (rel, tail, rel.rsplit("/", 1)[-1]):
            if key in self.rows:
                return key
        return None

    def unmatched(self, keys: pl.Series) -> pl.DataFrame:
        """Report rows for the manifest rows whose key is not among ``keys`` (those matched)."""
        missing = sorted(set(self.rows) - set(keys.drop_nulls().to_list()))
        return report_frame(
            ReportRow(
                str(self.label),
                "manifest",
                f"manifest row for {k!r} matches no loaded file",
                line=self.rows[k]["_line"],
            )
            for k in missing
        )


@dataclass(frozen=True)
class Sources:
    """What :func:`find_sources` found: the files to read as ``(path, rel)`` (``rel`` names the
    file in the report), the manifest, and the report rows of files not read."""

    files: list[tuple[str | Path, str]]
    manifest: Manifest
    report: pl.DataFrame


def find_sources(
    source: str | Path | Sequence[str | Path], manifest: str | Path | None = None
) -> Sources:
    """The files under ``source`` (files and folders, folders read recursively), and the
    manifest: ``manifest`` when given, else a ``manifest.csv`` at the top of a source folder.

    Raises:
        InputError: no source, a source or the manifest not found, a file of an unsupported
            type given by name, or a malformed manifest.
    """
    sources = [source] if isinstance(source, str | Path) else list(source)
    if not sources:
        raise InputError("no source given: pass a file, a folder or a list of them")
    manifest_path = Path(manifest) if manifest is not None else None
    if manifest_path is not None and not manifest_path.is_file():
        raise InputError("manifest file not found; check the path", path=str(manifest))
    files: list[tuple[str | Path, str]] = []
    report: list[ReportRow] = []
    names = _source_names([Path(s) for s in sources])
    for s, name in zip(sources, names, strict=True):
        path = Path(s)
        if not path.exists():
            raise InputError("no such file or folder; check the path", path=_printable(str(s)))
        if path.is_file():
            if suffix(path).lower() not in READERS:
                raise InputError(
                    f"{unsupported(suffix(path))}; supported: " + ", ".join(sorted(READERS)),
                    path=_printable(str(s)),
                )
            files.append((path, name))
            continue
        if manifest_path is None and (path / MANIFEST_NAME).is_file():
            manifest_path = path / MANIFEST_NAME
        _folder(path, name, manifest_path, files, report)
    files = _once(files, report)
    label = next((r.path for r in report if r.reason == "used as the manifest"), None)
    rows = read_manifest(manifest_path) if manifest_path else {}
    return Sources(files, Manifest(rows, label or str(manifest_path)), report_frame(report))


# The reason a file found again among the sources is skipped (the load summary counts them as one)
NAMED_TWICE = "named twice among the sources"


def _once(
    files: list[tuple[str | Path, str]], report: list[ReportRow]
) -> list[tuple[str | Path, str]]:
    """``files`` less those found again (a file named beside the folder that holds it, or one
    folder named twice by two paths): each read once, the others reported as repeats of it."""
    first: dict[object, str] = {}
    kept = []
    for path, rel in files:
        key = _identity(path)
        if key in first:
            report.append(ReportRow(rel, "skipped", f"{NAMED_TWICE}: the same file as "
                                    f"{first[key]}, read once"))  # fmt: skip
            continue
        first[key] = rel
        kept.append((path, rel))
    return kept


def _identity(path: str | Path) -> object:
    """What a file is, however it is named: its device and inode (one ``stat``, where resolving
    each folder of the path took 14 times as long on 4,000 files), else its resolved path."""
    try:
        st = os.stat(path)
    except OSError:
        return Path(os.path.realpath(path))
    return (st.st_dev, st.st_ino)


def _source_names(paths: list[Path]) -> list[str]:
    """How the report names each source: its name ("a.txt", "belta"), with as many of its
    parent folders as tell apart different sources of one name ("x/a.txt", "y/a.txt")."""
    full = [Path(os.path.abspath(p)).parts for p in paths]  # links named as given
    names = []
    for i, parts in enumerate(full):
        depth = 1
        while depth < len(parts) and any(
            other[-depth:] == parts[-depth:] and other != parts
            for j, other in enumerate(full)
            if j != i
        ):
            depth += 1
        names.append(_printable("/".join(parts[-depth:])))
    return names


def _printable(name: str) -> str:
    """A path as text: bytes not UTF-8 in a file name (kept by Python as surrogates) become
    U+FFFD, so the name can be written to the report and the corpus."""
    return os.fsencode(name).decode("utf-8", "replace") if _has_surrogates(name) else name


def _has_surrogates(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _folder(
    folder: Path,
    name: str,
    manifest: Path | None,
    files: list[tuple[str | Path, str]],
    report: list[ReportRow],
) -> None:
    """Add the files under ``folder`` to ``files``, and those not read to ``report``."""
    the_manifest = manifest.resolve() if manifest is not None else None
    for parts, f, problem in sorted(_walk(folder, seen={folder.resolve()})):
        rel = _printable("/".join((name, *parts)).rstrip("/"))
        ext = suffix(parts[-1])
        if problem is not None:
            report.append(ReportRow(rel, "skipped", problem))
        elif (
            the_manifest is not None
            and parts[-1] == the_manifest.name
            and (Path(f).resolve() == the_manifest)
        ):
            report.append(ReportRow(rel, "manifest", "used as the manifest"))
        elif any(part.startswith(".") for part in parts):
            report.append(ReportRow(rel, "skipped", "hidden file"))
        elif ext.lower() not in READERS:
            report.append(ReportRow(rel, "skipped", unsupported(ext)))
        else:
            files.append((f, rel))


def _walk(
    folder: Path, parts: tuple[str, ...] = (), *, seen: set[Path]
) -> Iterator[tuple[tuple[str, ...], str, str | None]]:
    """Every entry under ``folder``, following links to files and to folders: its path's parts
    below ``folder``, its path, and why it cannot be read (None when it can). Links that lead
    back to a folder on the way (a loop), broken links and unreadable folders are reported,
    never followed, never dropped."""
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError as e:
        yield (*parts, ""), str(folder), f"cannot read folder: {e.strerror or e}"
        return
    for entry in entries:
        here = (*parts, entry.name)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path), here, seen=seen | {Path(entry.path).resolve()})
            elif entry.is_symlink() and entry.is_dir():
                target = Path(entry.path).resolve()
                if target in seen:
                    yield here, entry.path, "link to a folder it is inside (a loop); not followed"
                else:
                    yield from _walk(Path(entry.path), here, seen=seen | {target})
            elif entry.is_file():
                yield here, entry.path, None
            elif entry.is_symlink():
                yield here, entry.path, _broken_link(entry.path)
            else:
                yield here, entry.path, "not a regular file (a device, pipe or socket)"
        except OSError as e:  # a loop of links between files (ELOOP), and the like
            loop = e.errno == errno.ELOOP
            yield here, entry.path, _LINK_LOOP if loop else f"cannot read: {e.strerror or e}"


_LINK_LOOP = "symbolic link loop; fix or remove the link"


def _broken_link(path: str) -> str:
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return _LINK_LOOP
        return f"broken symbolic link to {_printable(os.readlink(path))!r}; fix or remove it"
    return "link to what is neither a file nor a folder"


def read_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """A manifest's rows by file name, values stripped (``published`` a date), with ``_line``.

    Raises:
        InputError: not UTF-8 CSV, unknown columns, a row without a file name, or a date not
            YYYY-MM-DD.
    """
    try:
        return _manifest_rows(path)
    except UnicodeDecodeError as e:
        raise InputError(
            f"the manifest is not UTF-8 text ({e.reason} at byte {e.start}); save it as UTF-8",
            path=str(path),
        ) from None
    except csv.Error as e:
        raise InputError(
            f"the manifest is not a readable CSV ({e}); fix it", path=str(path)
        ) from None


def _manifest_rows(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        columns = reader.fieldnames or []
        unknown = set(columns) - set(MANIFEST_COLUMNS)
        if "file" not in columns or unknown:
            raise InputError(
                f"a manifest has a 'file' column and may have {list(MANIFEST_COLUMNS)}; "
                f"found {columns}",
                path=str(path),
            )
        rows = {}
        for row in reader:
            line = reader.line_num
            row = {k: v.strip() or None if isinstance(v, str) else None for k, v in row.items()}
            if not row.get("file"):
                raise InputError("manifest row without a file name", path=str(path), line=line)
            if row.get("published"):
                try:
                    row["published"] = dt.date.fromisoformat(row["published"])
                except ValueError:
                    raise InputError(
                        f"published {row['published']!r} is not a YYYY-MM-DD date",
                        path=str(path),
                        line=line,
                    ) from None
            row["_line"] = line
            rows[row["file"]] = row
    return rows
