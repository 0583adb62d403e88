"""Titles and dates of scraped pages from 40 countries (flairNLP/fundus' test pages), scored
against each page's own markup.

``toolkit.ingest`` reads ``benchmarks/pages_fundus/text`` (each page as a naive scraper saves it,
menus kept; rebuilt by ``pages_fundus/scripts/build.py``) and, with ``--html``, the HTML pages.
A title is right when it equals the page's ``og:title`` or ``<title>``, or is a part of one at
least 60% as long as ``og:title`` (a site name cut off); "or h1" also takes one of its ``<h1>``
headings. A date is right when ``published`` is the day of the page's date meta (else of its
URL). Pages are split by publisher (``test``: held out, never looked at while tuning) and by
script (non-Latin when the true title holds no Latin letter).

Usage: python benchmarks/bench_fundus.py [--html] [--out results/fundus.json]
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

import polars as pl

import toolkit

HERE = Path(__file__).resolve().parent
SET = HERE / "pages_fundus"


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").replace("\xad", "")
    return re.sub(r"\s+", " ", s).strip().lower()


def scored(corpus: pl.DataFrame, labels: dict[str, dict], suffix: str) -> list[dict]:
    rows = []
    for r in corpus.iter_rows(named=True):
        page = r["path"].split("/", 1)[1].removesuffix(suffix) + ".html"
        truth = labels[page]
        titles = [norm(truth["og_title"]), norm(truth["title_tag"])]
        got = norm(r["title"])
        whole = norm(truth["og_title"]) or next((t for t in titles if t), "")
        ok = bool(got) and (
            got in titles or any(got in t and len(got) >= 0.6 * len(whole) for t in titles if t)
        )
        h1 = bool(got) and got in {norm(h) for h in truth["h1"]}
        day = truth["date_day"] or truth["url_date"]
        own = truth["og_title"] or truth["title_tag"] or ""
        published = str(r["published"]) if r["published"] else None
        rows.append({
            "page": page,
            "split": truth["split"],
            "script": "latin" if re.search(r"[A-Za-z]", own) else "non-latin",
            "title_ok": ok,
            "title_or_h1": ok or h1,
            "date": None if day is None else "null" if published is None
            else "right" if published == day else "wrong",
        })  # fmt: skip
    return rows


def table(rows: list[dict]) -> str:
    frame = pl.DataFrame(rows)
    lines = [
        "| split | script | pages | title | title or h1 | date right | wrong | null | no truth |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (split, script), g in sorted(frame.group_by("split", "script"), key=lambda x: x[0]):
        d = g["date"]
        lines.append(
            f"| {split} | {script} | {g.height} | {g['title_ok'].sum()} | {g['title_or_h1'].sum()}"
            f" | {(d == 'right').sum()} | {(d == 'wrong').sum()} | {(d == 'null').sum()}"
            f" | {d.null_count()} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--html", action="store_true", help="score the HTML pages too")
    parser.add_argument("--out", type=Path, help="write every page's scores here (JSON)")
    args = parser.parse_args()
    if not (SET / "text").is_dir():
        raise SystemExit(f"{SET / 'text'} is missing: run benchmarks/pages_fundus/scripts/build.py")
    with open(SET / "labels.jsonl", encoding="utf-8") as f:
        labels = {row["page"]: row for row in map(json.loads, f)}
    out = {}
    for kind, suffix in [("text", ".txt"), *([("html", ".html")] if args.html else [])]:
        result = toolkit.ingest(SET / kind)
        rows = scored(result.corpus, labels, suffix)
        out[kind] = rows
        print(f"\n{kind} pages: {result.corpus.height} loaded, {result.skipped.height} skipped\n")
        print(table(rows))
    if args.out:
        args.out.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
