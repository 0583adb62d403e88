"""Titles, dates and bodies of scraped pages from 40 countries (flairNLP/fundus' test pages), scored
against each page's own markup.

``toolkit.ingest`` reads ``benchmarks/pages_fundus/text`` (each page as a naive scraper saves it,
menus kept; rebuilt by ``pages_fundus/scripts/build.py``) and, with ``--html``, the HTML pages.
A title is right when it equals the page's ``og:title`` or ``<title>``, or is a part of one at
least 60% as long as ``og:title`` (a site name cut off); "or h1" also takes one of its ``<h1>``
headings. A date is right when ``published`` is the day of the page's date meta (else of its
URL). The body is scored against fundus' own expected parse of each page (``pages_fundus/body``,
from its test case JSON): of the body paragraphs the text dump holds (a paragraph fundus takes
from elsewhere, JSON-LD say, is not counted), the share in the toolkit's ``text``, and whether
the last of them is there (a page that lost its end: "end lost", of the pages with a body
paragraph in their dump). Pages are split by publisher (``test``: held out, never looked at
while tuning) and by script (non-Latin when the true title holds no Latin letter).

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


def body_found(text: str | None, source: str, paragraphs: list[str]) -> tuple[int, int, bool]:
    """(found, findable, last found): of ``paragraphs`` that ``source`` (the page's text dump)
    holds, how many ``text`` holds, and whether it holds the last of them."""
    have, dump = norm(text), norm(source)
    findable = [q for q in map(norm, paragraphs) if q and q in dump]
    found = [q in have for q in findable]
    return sum(found), len(findable), bool(found) and found[-1]


def scored(
    corpus: pl.DataFrame, labels: dict[str, dict], suffix: str, bodies: dict[str, list[str]]
) -> list[dict]:
    rows = []
    for r in corpus.iter_rows(named=True):
        page = r["path"].split("/", 1)[1].removesuffix(suffix) + ".html"
        truth = labels[page]
        dump = (SET / "text" / page.replace(".html", ".txt")).read_text(encoding="utf-8")
        found, findable, last = body_found(r["text"], dump, bodies.get(page, []))
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
            "body_found": found,
            "body_findable": findable,
            "body_last": last if findable else None,
        })  # fmt: skip
    return rows


def table(rows: list[dict]) -> str:
    frame = pl.DataFrame(rows)
    lines = [
        "| split | script | pages | title | title or h1 | date right | wrong | null | no truth"
        " | body | end lost |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (split, script), g in sorted(frame.group_by("split", "script"), key=lambda x: x[0]):
        d = g["date"]
        lines.append(
            f"| {split} | {script} | {g.height} | {g['title_ok'].sum()} | {g['title_or_h1'].sum()}"
            f" | {(d == 'right').sum()} | {(d == 'wrong').sum()} | {(d == 'null').sum()}"
            f" | {d.null_count()} | {g['body_found'].sum() / max(1, g['body_findable'].sum()):.1%}"
            f" | {(g['body_last'] == False).sum()}/{g['body_last'].count()} |"  # noqa: E712
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--html", action="store_true", help="score the HTML pages too")
    parser.add_argument("--out", type=Path, help="write every page's scores here (JSON)")
    args = parser.parse_args()
    if not (SET / "body").is_dir():
        raise SystemExit(f"{SET / 'body'} is missing: run benchmarks/pages_fundus/scripts/build.py")
    with open(SET / "labels.jsonl", encoding="utf-8") as f:
        labels = {row["page"]: row for row in map(json.loads, f)}
    bodies = {
        f.relative_to(SET / "body").with_suffix(".html").as_posix(): json.loads(f.read_text())
        for f in (SET / "body").glob("*/*.json")
    }
    paragraphs = {page: b["summary"] + b["paragraphs"] for page, b in bodies.items()}
    out = {}
    for kind, suffix in [("text", ".txt"), *([("html", ".html")] if args.html else [])]:
        result = toolkit.ingest(SET / kind)
        rows = scored(result.corpus, labels, suffix, paragraphs)
        out[kind] = rows
        print(f"\n{kind} pages: {result.corpus.height} loaded, {result.skipped.height} skipped\n")
        print(table(rows))
    if args.out:
        args.out.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
