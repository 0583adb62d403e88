"""Issue 17's input cases, one row each: nothing lost, no raw traceback, nothing wrong loaded.

Every case builds its files, loads them, and checks the rule that holds for every file: the
rows (or records) it holds are the rows loaded plus the rows skipped, each skip with a reason.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import polars as pl
import pytest

import toolkit.sources as sources
from toolkit import ingest

BODY = "Lukashenko and Putin met in Minsk to discuss the Union State and trade."


def _csv_unclosed_quote(root: Path) -> dict:
    rows = [f'T{i},"{BODY} Row {i}."' for i in range(10)]
    rows[4] = f'T4,"{BODY} Row 4 with a quote never closed.'
    (root / "t.csv").write_text("title,text\n" + "\n".join(rows) + "\n")
    return {"sources": [root], "rows": {"t.csv": 10}, "loaded": 9, "reason": "unclosed quote"}


def _same_base_name(root: Path) -> dict:
    for sub in ("x", "y"):
        (root / sub).mkdir()
        (root / sub / "a.txt").write_text(f"Headline {sub}\n\n{BODY} From {sub}.")
    return {
        "sources": [root / "x" / "a.txt", root / "y" / "a.txt"],
        "rows": {"x/a.txt": 1, "y/a.txt": 1},
        "loaded": 2,
    }


def _link_to_folder(root: Path) -> dict:
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "b.txt").write_text(f"Headline\n\n{BODY}")
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text(f"Headline\n\n{BODY} Here.")
    os.symlink(root / "elsewhere", root / "in" / "linked")
    return {"sources": [root / "in"], "rows": {"in/a.txt": 1, "in/linked/b.txt": 1}, "loaded": 2}


def _dangling_link(root: Path) -> dict:
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text(f"Headline\n\n{BODY}")
    os.symlink(root / "gone.txt", root / "in" / "dangling.txt")
    return {
        "sources": [root / "in"],
        "rows": {"in/a.txt": 1, "in/dangling.txt": 1},
        "loaded": 1,
        "reason": "broken symbolic link",
    }


def _file_link_loop(root: Path) -> dict:
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text(f"Headline\n\n{BODY}")
    os.symlink(root / "in" / "y.txt", root / "in" / "x.txt")
    os.symlink(root / "in" / "x.txt", root / "in" / "y.txt")
    return {
        "sources": [root / "in"],
        "rows": {"in/a.txt": 1, "in/x.txt": 1, "in/y.txt": 1},
        "loaded": 1,
        "reason": "symbolic link loop",
    }


def _folder_link_loop(root: Path) -> dict:
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text(f"Headline\n\n{BODY}")
    os.symlink(root / "in", root / "in" / "self")
    return {
        "sources": [root / "in"],
        "rows": {"in/a.txt": 1, "in/self": 1},
        "loaded": 1,
        "reason": "a loop",
    }


def _name_not_utf8(root: Path) -> dict:
    (root / "in").mkdir()
    name = os.path.join(os.fsencode(root / "in"), b"caf\xe9.txt")
    Path(os.fsdecode(name)).write_bytes(f"Headline\n\n{BODY}".encode())
    return {"sources": [root / "in"], "rows": {"in/caf\ufffd.txt": 1}, "loaded": 1}


def _deep_json(root: Path) -> dict:
    (root / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (root / "deep.jsonl").write_text(
        json.dumps({"title": "T", "text": BODY}) + "\n" + "[" * 100_000 + "]" * 100_000 + "\n"
    )
    return {
        "sources": [root],
        "rows": {"deep.json": 1, "deep.jsonl": 2},
        "loaded": 1,
        "reason": "nested too deeply",
    }


def _parquet_lists_of_lists(root: Path) -> dict:
    pl.DataFrame({"title": ["T"], "text": [[["One paragraph."], ["Two", "Three."]]]}).write_parquet(
        root / "p.parquet"
    )
    return {"sources": [root], "rows": {"p.parquet": 1}, "loaded": 1, "text": "One paragraph."}


def _cp1251(root: Path) -> dict:
    text = "Минск, 3 марта. Президент Беларуси провёл переговоры с Путиным в Москве."
    (root / "ru.txt").write_bytes(f"Заголовок\n\n{text}".encode("cp1251"))
    (root / "koi.txt").write_bytes(f"Заголовок\n\n{text}".encode("koi8-r"))
    return {
        "sources": [root],
        "rows": {"ru.txt": 1, "koi.txt": 1},
        "loaded": 2,
        "text": text,
        "note": "not UTF-8: decoded as",
    }


def _noise(root: Path) -> dict:
    import random

    (root / "noise.txt").write_bytes(
        bytes(random.Random(3).randrange(0xA0, 0x100) for _ in range(6000))
    )
    (root / "a.txt").write_text(f"Headline\n\n{BODY}")
    return {
        "sources": [root],
        "rows": {"noise.txt": 1, "a.txt": 1},
        "loaded": 1,
        "reason": "letters; save it as UTF-8",
    }


def _title_text_text(root: Path) -> dict:
    (root / "t.csv").write_text(f'Title,TEXT,text\nA,"{BODY}",\nB,,"{BODY} Only here."\n')
    return {"sources": [root], "rows": {"t.csv": 2}, "loaded": 2, "text": "Only here."}


def _json_title_object(root: Path) -> dict:
    records = [{"title": {"en": "Talks in Minsk"}, "text": BODY}]
    (root / "t.json").write_text(json.dumps(records))
    return {"sources": [root], "rows": {"t.json": 1}, "loaded": 1, "title": "Talks in Minsk"}


CASES = {
    "csv unclosed quote mid-file": _csv_unclosed_quote,
    "same base name from two sources": _same_base_name,
    "symlink to a folder": _link_to_folder,
    "dangling symlink": _dangling_link,
    "symlink loop between files": _file_link_loop,
    "symlink loop to a parent folder": _folder_link_loop,
    "file name not UTF-8": _name_not_utf8,
    "JSON nested 100,000 deep": _deep_json,
    "Parquet lists of lists": _parquet_lists_of_lists,
    "cp1251 and KOI8-R Russian": _cp1251,
    "high bytes of noise": _noise,
    "header Title,TEXT,text": _title_text_text,
    "JSON title an object": _json_title_object,
}


@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_rows_in_are_rows_loaded_plus_rows_skipped(tmp_path, make):
    case = make(tmp_path)
    result = ingest(case["sources"])
    report = result.report.filter(pl.col("status") != "manifest")
    counted = report.group_by("path").agg(
        loaded=(pl.col("status") == "loaded").sum(), skipped=(pl.col("status") == "skipped").sum()
    )
    got = {p.removeprefix(f"{tmp_path.name}/"): lo + sk for p, lo, sk in counted.iter_rows()}
    assert got == case["rows"]
    assert result.corpus.height == case["loaded"]
    assert result.skipped["reason"].is_not_null().all()
    if "reason" in case:
        assert result.skipped["reason"].str.contains(case["reason"], literal=True).any()
    if "text" in case:
        assert result.corpus["text"].str.contains(case["text"], literal=True).any()
    if "title" in case:
        assert result.corpus["title"].to_list() == [case["title"]]
    if "note" in case:
        loaded = result.report.filter(pl.col("status") == "loaded")
        assert loaded["note"].str.contains(case["note"], literal=True).all()


def test_an_unreadable_subfolder_is_reported_and_the_rest_loaded(tmp_path, monkeypatch):
    # Tests run as root, who reads every folder: os.scandir raises as it would for a user.
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "locked" / "b.txt").write_text(f"Headline\n\n{BODY}")
    (tmp_path / "in" / "a.txt").write_text(f"Headline\n\n{BODY}")
    scandir = os.scandir

    def refusing(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(sources.os, "scandir", refusing)
    result = ingest(tmp_path / "in")
    assert result.corpus["path"].to_list() == ["in/a.txt"]
    assert result.skipped.select("path", "reason").rows() == [
        ("in/locked", "cannot read folder: Permission denied")
    ]
