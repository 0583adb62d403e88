"""Peak memory of a load against the size of its largest file (issues 17 and 18: at most 4 times
the largest file plus a constant), and against the number of pages (flat per page).

Each case is a fresh process under ``/usr/bin/time -v`` (its "Maximum resident set size"):
generated text pages of 100 MB and 300 MB (one file each), a big CSV (and JSON lines file),
the 300 MB page under the default ``max_file_mb`` (refused with a reason), and folders of many
small pages (``--pages``: news-sized pages in 100 site folders, with the menus and footers
chrome learning finds). The
baseline is the same process loading a tiny file: what importing the toolkit and polars costs.

    python benchmarks/bench_memory.py [--sizes 100,300] [--csv-mb 200] [--jsonl-mb 200]
        [--json-mb 200] [--parquet-mb 200]
        [--pages 10000,100000] [--only pages] [--keep DIR] [--runs 3]

Needs ``/usr/bin/time`` (``apt-get install -y time``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "Minsk Moscow Lukashenko Putin talks union state trade gas oil treaty integration "
    "president meeting agreement cooperation sanctions border economy the of and in to a"
).split()

LOAD = """
import sys
from toolkit import ingest
r = ingest(sys.argv[1]{extra})
print("rows", r.corpus.height, "skipped", r.skipped.height)
print("reasons", r.skipped["reason"].to_list()[:1])
"""


def _paragraphs(rng: random.Random, n_bytes: int):
    written = 0
    while written < n_bytes:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 80))) + ".\n\n"
        written += len(line)
        yield line


def make_text(path: Path, mb: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with path.open("w") as f:
        f.write("A generated headline\n\n")
        for p in _paragraphs(rng, mb * 1_000_000):
            f.write(p)


def make_csv(path: Path, mb: int, seed: int = 2) -> None:
    """A CSV of ~100-400-word rows whose text fields are all quoted (so polars' reading does
    not write back to the same bytes: the table is read row by row)."""
    rng = random.Random(seed)
    with path.open("w") as f:
        f.write("title,date,text\n")
        written, i = 0, 0
        while written < mb * 1_000_000:
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(100, 400)))
            row = f'"Headline {i}",2022-{i % 12 + 1:02d}-{i % 28 + 1:02d},"{body}."\n'
            f.write(row)
            written += len(row)
            i += 1


def make_jsonl(path: Path, mb: int, seed: int = 2) -> None:
    """JSON lines of the rows :func:`make_csv` writes."""
    rng = random.Random(seed)
    with path.open("w") as f:
        written, i = 0, 0
        while written < mb * 1_000_000:
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(100, 400)))
            date = f"2022-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
            row = json.dumps({"title": f"Headline {i}", "date": date, "text": f"{body}."}) + "\n"
            f.write(row)
            written += len(row)
            i += 1


def make_json(path: Path, mb: int, seed: int = 2) -> None:
    """A JSON file holding one list of the records :func:`make_jsonl` writes."""
    lines = path.with_suffix(".jsonl.tmp")
    make_jsonl(lines, mb, seed)
    with path.open("w") as f, lines.open() as rows:
        f.write("[\n")
        for i, row in enumerate(rows):
            f.write(("" if i == 0 else ",\n") + row.rstrip("\n"))
        f.write("\n]\n")
    lines.unlink()


def make_parquet(path: Path, mb: int, seed: int = 2) -> None:
    """A Parquet file of the records of ``mb`` MB of JSON lines (:func:`make_jsonl`); it is
    smaller than they are (compressed)."""
    import polars as pl

    lines = path.with_suffix(".jsonl.tmp")
    make_jsonl(lines, mb, seed)
    pl.scan_ndjson(lines).sink_parquet(path)
    lines.unlink()


MENU = ["Home", "World | Business | Sport | Opinion", "Latest news"]
FOOTER = "Copyright 2024 The Daily Site. All rights reserved."


def make_pages(folder: Path, n: int, seed: int = 3) -> None:
    """``n`` pages of about 5.9 KB (14 paragraphs of 40-80 words) in 100 site folders, each
    page's paragraphs its own (a pool of paragraphs with the page's number in every one), and
    a site menu and footer on every page."""
    rng = random.Random(seed)
    pool = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 80))).capitalize()
        for _ in range(5000)
    ]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        site = folder / f"site{i % 100:03d}"
        if i < 100:
            site.mkdir(exist_ok=True)
        paras = [f"{p} ({i}-{j})." for j, p in enumerate(rng.sample(pool, 14))]
        page = [*MENU, f"Headline number {i} on trade", *paras, FOOTER]
        (site / f"page{i:07d}.txt").write_text("\n\n".join(page) + "\n")


def measure(path: Path, extra: str = "") -> dict:
    """Peak RSS (MB), wall and CPU seconds of one load in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    code = LOAD.format(extra=extra)
    t = time.time()
    done = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    wall = time.time() - t
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", done.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", done.stderr).group(1))
    return {
        "peak_mb": peak_kb / 1024,
        "wall_s": wall,
        "cpu_s": user + system,
        "out": done.stdout.strip().replace("\n", "; "),
        "rc": done.returncode,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300", help="text page sizes in MB")
    parser.add_argument("--csv-mb", type=int, default=200, help="size of the big CSV in MB")
    parser.add_argument(
        "--jsonl-mb", type=int, default=0, help="size of a big JSON lines file in MB (0: none)"
    )
    parser.add_argument(
        "--json-mb", type=int, default=0, help="size of a big JSON file (one list) in MB (0: none)"
    )
    parser.add_argument(
        "--parquet-mb",
        type=int,
        default=0,
        help="MB of JSON lines whose records make a big Parquet file (0: none)",
    )
    parser.add_argument("--pages", default="10000,100000", help="numbers of small pages")
    parser.add_argument("--only", choices=["files", "pages"], help="run only these cases")
    parser.add_argument("--keep", help="folder for the generated files (else a temp folder)")
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="loads per case (a big page's peak varies by 10%% from run to run): the median "
        "run is shown, and every run's peak",
    )
    args = parser.parse_args()
    if not Path("/usr/bin/time").exists():
        sys.exit("needs /usr/bin/time: apt-get install -y time")
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench_memory_"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    tiny = folder / "tiny.txt"
    tiny.write_text("Headline\n\nA body of a few words.")
    base = measure(tiny)
    print(f"baseline (import + tiny file): {base['peak_mb']:.0f} MiB")
    cases = []
    if args.only != "pages":
        for mb in (int(s) for s in args.sizes.split(",") if s):
            path = folder / f"page_{mb}mb.txt"
            if not path.exists():
                make_text(path, mb)
            cases.append((f"text page {mb} MB", path, ", max_file_mb=1000"))
            if mb > 200:
                cases.append((f"text page {mb} MB, default max_file_mb", path, ""))
        tables = [  # (size asked, suffix, maker, name)
            (args.csv_mb, "csv", make_csv, "CSV {} MB"),
            (args.jsonl_mb, "jsonl", make_jsonl, "JSON lines {} MB"),
            (args.json_mb, "json", make_json, "JSON list {} MB"),
            (args.parquet_mb, "parquet", make_parquet, "Parquet of {} MB of records"),
        ]
        for mb, suffix, make, name in tables:
            if not mb:
                continue
            big = folder / f"table_{mb}mb.{suffix}"
            if not big.exists():
                make(big, mb)
            cases.append((name.format(mb), big, ", max_file_mb=1000"))
    if args.only != "files":
        for n in (int(s) for s in args.pages.split(",") if s):
            pages = folder / f"pages_{n}"
            if not pages.exists():
                make_pages(pages, n)
            cases.append((f"{n:,} pages", pages, ""))
    print(
        "| case | input MB | peak RSS MiB | (peak - baseline) / input | KB per page | CPU s "
        "| wall s | result |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, path, extra in cases:
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files) / 1e6
        runs = [measure(path, extra) for _ in range(args.runs)]
        m = sorted(runs, key=lambda r: r["peak_mb"])[len(runs) // 2]  # the median run
        # bytes over bytes: the peaks are in MiB, the input in MB (10^6 bytes)
        ratio = (m["peak_mb"] - base["peak_mb"]) * 1.048576 / size
        per_page = (
            f"{(m['peak_mb'] - base['peak_mb']) * 1024 / len(files):.1f}" if path.is_dir() else ""
        )
        print(
            f"| {name} | {size:.0f} | {m['peak_mb']:.0f} | {ratio:.2f} | {per_page} | "
            f"{m['cpu_s']:.1f} | {m['wall_s']:.1f} | "
            f"{m['out'] if m['rc'] == 0 else 'exit ' + str(m['rc'])} |",
            flush=True,
        )
        if args.runs > 1:
            peaks = ", ".join(f"{r['peak_mb']:.0f}" for r in runs)
            print(f"  peaks of {args.runs} runs: {peaks}")


if __name__ == "__main__":
    main()
