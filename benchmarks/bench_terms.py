"""Term matching in the rhetoric and trends steps on the real corpora in ../shared/corpora.

For each data set, in a fresh subprocess per round: the corpus is loaded (``toolkit.ingest``,
not timed), then timed one after another:
  - ``frame_rates``: the bundled frames counted per outlet (``rhetoric.frame_rates``, 200
    bootstrap draws), what the rhetoric notebook's frames table does;
  - ``query_share``: the trends notebook's default query per outlet and month;
  - ``event_measures``: the query and every bundled frame flagged per item, what the trends
    notebook's before/after tests read;
  - ``frame_evidence``: each frame's lines in context, up to 5 per outlet
    (``evidence.kwic``), the rhetoric report's evidence table.
Each result's SHA-256 (of its CSV) is printed beside its time, so that two checkouts can be
shown to give the same tables. With ``--base CHECKOUT`` another checkout's toolkit runs right
after this one in every round.

Usage: python benchmarks/bench_terms.py [--repeat 3] [--base ../main]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
SETS = ["chinadaily-nyt-2013-15", "kremlin-2021-22", "statemedia-headlines-2006-26"]
QUERY = ["belarus*", "lukashenk*", "minsk", "union state"]  # params/seeds.yaml's query

CHILD = r"""
import hashlib, json, sys, time
from pathlib import Path
import toolkit
from toolkit import evidence, rhetoric as rh, trends as tr
from toolkit.frames import frame_exceptions, frame_terms, frames_for, lexicon
from toolkit.tokens import Comparison
corpus = toolkit.ingest(Path(sys.argv[1])).corpus
query = json.loads(sys.argv[2])
frames, _ = frames_for(lexicon("frames"), Comparison(("en",)))
steps = {
    "frame_rates": lambda: rh.frame_rates(corpus, n_boot=200),
    "query_share": lambda: tr.query_share(corpus, rh.term_pattern(query), period="month",
                                          by="outlet"),
    "event_measures": lambda: tr.event_measures(corpus, query=rh.term_pattern(query),
                                                frames=frames)[0].drop("text", "title"),
    "frame_evidence": lambda: evidence.kwic(corpus, frame_terms(frames), by="outlet", per_key=5,
                                            exceptions=frame_exceptions(frames)),
}
out = {}
for name, step in steps.items():
    t = time.perf_counter()
    table = step()
    out[name] = {"seconds": time.perf_counter() - t,
                 "sha": hashlib.sha256(table.write_csv().encode()).hexdigest()[:12]}
print(json.dumps(out))
"""


def run(code: Path, folder: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code), "HF_HUB_OFFLINE": "1"}
    argv = [sys.executable, "-c", CHILD, str(folder), json.dumps(QUERY)]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True, cwd="/tmp")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--base", type=Path, help="another checkout, run beside this one")
    args = ap.parse_args()
    codes = {"this": ROOT} | ({"base": args.base.resolve()} if args.base else {})
    seen: dict[tuple[str, str, str], list[float]] = {}
    shas: dict[tuple[str, str, str], set[str]] = {}
    for _ in range(args.repeat):
        for name in SETS:
            for code, path in codes.items():
                for step, got in run(path, CORPORA / name).items():
                    seen.setdefault((name, step, code), []).append(got["seconds"])
                    shas.setdefault((name, step, code), set()).add(got["sha"])
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print("| data set | step | " + " | ".join(f"{c} s best (median)" for c in codes)
          + " | same table |")  # fmt: skip
    print("|---|---|" + "---:|" * len(codes) + "---|")
    for name in SETS:
        for step in ("frame_rates", "query_share", "event_measures", "frame_evidence"):
            cells = [f"{min(t):.2f} ({statistics.median(t):.2f})"
                     for t in (seen[(name, step, c)] for c in codes)]  # fmt: skip
            same = len(set().union(*(shas[(name, step, c)] for c in codes))) == 1
            print(f"| {name} | {step} | " + " | ".join(cells) + f" | {'yes' if same else 'NO'} |")


if __name__ == "__main__":
    main()
