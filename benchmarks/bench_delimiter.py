"""A table's delimiter found from its head: ``toolkit.tables_delimited.find_delimiter`` beside
``csv.Sniffer`` (the call a user would write: ``Sniffer().sniff(head, delimiters=",;\\t|")``),
side by side in one process on the same heads (``SAMPLE_CHARS`` of text).

Files: every ``.csv`` of ../shared/corpora (real, comma-separated), the trial's Excel CSV
(/work/trialA/data-derived/cp1251/ria_excel.csv: real Telegram posts of РИА Новости, semicolons,
cp1251), and that file's rows written again by ``csv.writer`` with a comma, a tab and a pipe,
and its text column alone (one column, no row split by any of them: every delimiter reads it
alike, the file type's is kept without a note). Truth is the delimiter each file was written
with.

Usage: python benchmarks/bench_delimiter.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import csv
import io
import time
from pathlib import Path

from toolkit.tables_delimited import SAMPLE_CHARS, find_delimiter

ROOT = Path(__file__).resolve().parents[1]
TRIAL = Path("/work/trialA/data-derived/cp1251/ria_excel.csv")


def heads() -> list[tuple[str, str, bool, str]]:
    """(name, head, whole, truth) of each file."""
    out = []
    for path in sorted((ROOT.parent / "shared" / "corpora").glob("*/*.csv")):
        text = path.read_bytes()[: SAMPLE_CHARS * 4].decode("utf-8", "ignore")
        whole = path.stat().st_size <= SAMPLE_CHARS
        out.append((f"{path.parent.name}/{path.name}", text[:SAMPLE_CHARS], whole, ","))
    text = TRIAL.read_bytes().decode("cp1251")
    out.append(("trial ria_excel.csv (Excel, cp1251)", text[:SAMPLE_CHARS], True, ";"))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    for name, d in [("comma", ","), ("tab", "\t"), ("pipe", "|")]:
        buf = io.StringIO(newline="")
        csv.writer(buf, delimiter=d, lineterminator="\r\n").writerows(rows)
        out.append((f"trial rows, {name}", buf.getvalue()[:SAMPLE_CHARS], True, d))
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\n").writerows([r[1]] for r in rows)
    out.append(("trial text column alone", buf.getvalue()[:SAMPLE_CHARS], True, ","))
    return out


def sniffer(head: str) -> str:
    try:
        return csv.Sniffer().sniff(head, delimiters=",;\t|").delimiter
    except csv.Error:
        return "error"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    print("| file | truth | toolkit | ms | csv.Sniffer | ms |")
    print("|---|---|---|---|---|---|")
    for name, head, whole, truth in heads():
        t = time.process_time()
        for _ in range(rounds):
            found, note = find_delimiter(head, whole, default=",")
        ours = (time.process_time() - t) / rounds * 1000
        t = time.process_time()
        for _ in range(rounds):
            guess = sniffer(head)
        theirs = (time.process_time() - t) / rounds * 1000
        said = f"{found!r}" + (" + not settled" if note and "not settled" in note else "")
        print(f"| {name} | {truth!r} | {said} | {ours:.1f} | {guess!r} | {theirs:.1f} |")


if __name__ == "__main__":
    main()
