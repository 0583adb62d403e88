"""RSS and Atom feeds saved as files: every item accounted for, and its title, link, date and
text right, against the feeds' own XML.

The set ``feeds_eval`` holds real feed snapshots found in public repositories (news sites in
Russian, Belarusian, Chinese, English, German and Portuguese; RSS 2.0, RSS 1.0 and Atom; UTF-8,
ISO-8859-1, windows-1251, GB2312; an empty file and several snapshots of one feed). Its truth
was read from each file with lxml, not with feedparser nor the toolkit (see its SOURCES.md):
the title as a browser shows it, the link, the date as a calendar day in the feed's own time
zone, the first 80 characters of the description and of the full content. Sites are split
dev/test by a hash of the site; the reader was tuned on dev only.

Side by side, in one process: ``toolkit.ingest`` of the files, and what a user would otherwise
write, ``feedparser.parse`` of each file with the entries' ``title``, ``link``, the day of
``published_parsed`` (feedparser's UTC) and ``summary`` as a table.

Checks, per item the truth lists: accounted for (loaded, or skipped with a reason: the later
copy of an item another snapshot holds, an item with no title or text); the title (whitespace
collapsed); the URL (the link as written, or it less tracking parameters, or FeedBurner's
original link where the link is its redirect); the date (the feed's own day); the text (it
holds the first 40 characters of the item's content where it has one, else of its
description, and no markup; an item without either may have none, or its title, as text).

Usage: python benchmarks/bench_feeds.py [--data DIR] [--split dev|test|all] [--json OUT]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import re
import time
from pathlib import Path

import polars as pl

HERE = Path(__file__).resolve().parent
DATA = Path("/work/data/feeds_eval")
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def norm(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def load(data: Path, split: str) -> tuple[list[dict], list[dict]]:
    files = [json.loads(line) for line in (data / "files.jsonl").open(encoding="utf-8")]
    truth = [json.loads(line) for line in (data / "truth.jsonl").open(encoding="utf-8")]
    if split != "all":
        files = [f for f in files if f["split"] == split]
        truth = [t for t in truth if t["split"] == split]
    return files, truth


def _url_ok(found: str | None, item: dict) -> bool:
    from courlan import normalize_url

    link = norm(item["link"])
    if found is None or not link:
        return found is None and not link
    if found in (link, normalize_url(link)):
        return True
    return "/~r/" in link  # a FeedBurner redirect: the original link is the item's own


def _text_ok(found: str | None, item: dict, title: str | None) -> bool:
    expected = norm(item.get("content_text80") or item.get("description_text80"))[:40]
    if not expected:  # no description: none, or the title as the text (the report says so)
        return norm(found) in ("", norm(title))
    return expected in norm(found) and not _TAG.search(found or "")


def score(rows: dict[tuple[str, int], dict], skipped: set[tuple[str, int]], truth: list[dict]):
    """[ok, total] per check over the items of ``truth``; ``rows`` by (file, index)."""
    out = {k: [0, 0] for k in ("accounted", "loaded", "title", "url", "date", "text")}
    for item in truth:
        key = (item["file"], item["index"])
        row = rows.get(key)
        out["accounted"][0] += row is not None or key in skipped
        out["accounted"][1] += 1
        out["loaded"][0] += row is not None
        out["loaded"][1] += 1
        if row is None:
            continue
        out["title"][0] += norm(row["title"]) == norm(item["title"])
        out["title"][1] += 1
        out["url"][0] += _url_ok(row["url"], item)
        out["url"][1] += 1
        if item["date_local_day"]:
            out["date"][0] += str(row["date"]) == item["date_local_day"]
            out["date"][1] += 1
        out["text"][0] += _text_ok(row["text"], item, row["title"])
        out["text"][1] += 1
    return out


def toolkit_rows(data: Path, files: list[dict]):
    import toolkit

    paths = [data / "files" / f["file"] for f in files]
    start, cpu = time.perf_counter(), time.process_time()
    result = toolkit.ingest(paths, progress=False)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    corpus = result.corpus
    rows = {
        (Path(r["path"]).name, r["record"]): {
            "title": r["title"], "url": r["url"], "date": r["published"], "text": r["text"],
        }
        for r in corpus.iter_rows(named=True)
    }  # fmt: skip
    report = result.report.filter(pl.col("status") == "skipped")
    skipped = {(Path(p).name, r) for p, r in report.select("path", "record").rows()}
    return rows, skipped, wall, cpu, result


def feedparser_rows(data: Path, files: list[dict]):
    import feedparser

    start, cpu = time.perf_counter(), time.process_time()
    rows = {}
    for f in files:
        parsed = feedparser.parse((data / "files" / f["file"]).read_bytes())
        for index, e in enumerate(parsed.entries):
            when = e.get("published_parsed") or e.get("updated_parsed")
            rows[(f["file"], index)] = {
                "title": e.get("title"), "url": e.get("link"),
                "date": dt.date(*when[:3]) if when else None, "text": e.get("summary"),
            }  # fmt: skip
    return rows, set(), time.perf_counter() - start, time.process_time() - cpu


def table(scores: dict[str, dict]) -> str:
    checks = ["accounted", "loaded", "title", "url", "date", "text"]
    lines = ["| reader | " + " | ".join(checks) + " | wall s | CPU s |",
             "|---|" + "---:|" * (len(checks) + 2)]  # fmt: skip
    for name, s in scores.items():
        cells = [f"{s[c][0]}/{s[c][1]}" for c in checks]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {s['wall']:.2f} | {s['cpu']:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not (args.data / "files.jsonl").is_file():
        raise SystemExit(f"{args.data} holds no feeds_eval set (files.jsonl); see the docstring")
    files, truth = load(args.data, args.split)
    rows, skipped, wall, cpu, result = toolkit_rows(args.data, files)
    scores = {"toolkit.ingest": {**score(rows, skipped, truth), "wall": wall, "cpu": cpu}}
    fp_rows, _, fp_wall, fp_cpu = feedparser_rows(args.data, files)
    scores["feedparser alone"] = {**score(fp_rows, set(), truth), "wall": fp_wall, "cpu": fp_cpu}
    print(f"{args.split}: {len(files)} files, {len(truth)} items; {platform.processor()}")
    print(table(scores))
    file_skips = result.report.filter(pl.col("status") == "skipped", pl.col("record").is_null())
    for path, reason in file_skips.select("path", "reason").rows():
        print(f"skipped file {Path(path).name}: {reason}")
    if args.json:
        args.json.write_text(json.dumps(scores, indent=1, default=str) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
