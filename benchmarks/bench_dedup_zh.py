"""Duplicates in Chinese: reprints found, and distinct items linked, on real news.

Data: CCTV's evening news (新闻联播), the daily JSON files of github.com/china-data/xwlb
(commit 710ba229, 2022-01-01 to 2022-06-30, 2,786 items), read with
``columns={"title": "video_detail.title", "text": "video_detail.content"}``. Not committed:
fetch the repository and pass the folder of its JSON files.

Truth: the set holds no reprint (one outlet, one item a story: 0 identical texts), so every pair
found among its items links distinct items; and 100 items (seed 7) are copied with another
credit line and one character changed in every third clause, as a reprint edits a story: each
copy should be found with its item.

    python benchmarks/bench_dedup_zh.py FOLDER [--max-days 1]
"""

from __future__ import annotations

import argparse
import re

import polars as pl

import toolkit
from toolkit.dedup import find_duplicates


def edited(text: str) -> str:
    """A reprint's text: another credit line, a character changed in every third clause."""
    parts = re.split(r"(，|。)", text)
    for i in range(0, len(parts), 6):
        if len(parts[i]) > 2:
            chars = list(parts[i])
            chars[len(chars) // 2] = "的"
            parts[i] = "".join(chars)
    return "新华社北京电 " + "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--max-days", type=int, default=None)
    args = parser.parse_args()
    columns = {"title": "video_detail.title", "text": "video_detail.content"}
    corpus = toolkit.ingest(args.folder, columns=columns).corpus
    options = {"max_days": args.max_days} if args.max_days is not None else {}
    found = find_duplicates(corpus, **options)
    print(f"{corpus.height} items; pairs among them (distinct items linked):",
          dict(found.pairs.group_by("kind").len().sort("kind").iter_rows()),
          f"; too short to compare: {found.stats.get('too_short', 0)}")  # fmt: skip
    sample = corpus.sample(100, seed=7)
    copies = sample.with_columns(
        pl.col("doc_id") + "_copy",
        pl.col("text").map_elements(edited, return_dtype=pl.String),
    )
    pairs = find_duplicates(pl.concat([corpus, copies]), **options).pairs
    linked = {tuple(sorted(p)) for p in pairs.select("doc_a", "doc_b").iter_rows()}
    hits = sum(tuple(sorted((d, d + "_copy"))) in linked for d in sample["doc_id"].to_list())
    print(f"edited reprints found: {hits} of 100")


if __name__ == "__main__":
    main()
