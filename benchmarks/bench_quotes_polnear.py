"""Quote attribution against PolNeAR, a public corpus of attribution in news labelled by trained
annotators (Newell, Margolin and Ruths, LREC 2018; github.com/networkdynamics/PolNeAR): the
speaker as written, sentence by sentence, on articles nobody in this project labelled.

PolNeAR marks every attribution of 1,008 US articles of the 2016 campaign (7 publishers) as
source, cue and content, speech and thoughts alike. Here an attribution is someone's words when
its cue is a reporting cue (:func:`toolkit.quote_tagger.may_report`, or a colon): those are the
ones recall counts. For each sentence its labelled speakers are the sources of the speech
attributions whose content (else cue) lies in it; a predicted speaker of a sentence is the
``speaker_text`` of each row of :func:`toolkit.quotes` whose quotation overlaps it.

- precision: of the distinct speakers predicted for a sentence, the share that is the source
  of any PolNeAR attribution of that sentence (one of thoughts too: PolNeAR's annotators
  marked those as attributions);
- recall: of the speech attributions with a source, the share whose source is predicted for
  one of its sentences.

Mentions are compared as written, without case or a leading "the"/"Mr."/"Ms."; a source with an
apposition counts whole or as either part ("Sen. Ted Cruz, R-Texas," as "Sen. Ted Cruz"): this
measures the reading of the
frames, not the resolution of "he" to a name (which PolNeAR does not label). ``--loose`` also
counts a mention that holds the other whole ("Trump" for "Donald Trump").

PolNeAR's test compartment is run once per change, aggregate only; ``dev`` is for development.
Run: ``python benchmarks/bench_quotes_polnear.py --polnear DIR [--compartment dev|test]
[--tagger] [--errors N]`` (DIR: a copy of the PolNeAR repository; it is not committed: its
articles are the publishers' text and it names no licence).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import polnear  # noqa: E402
from bench_quotes import _norm  # noqa: E402

import toolkit  # noqa: E402
from toolkit.quote_spans import sentences  # noqa: E402


def mention(text: str) -> str:
    """A speaker as written, compared: spaces as one, no honorific (see bench_quotes)."""
    return _norm(re.sub(r"\s+", " ", text))


def names(source: str) -> set[str]:
    """The mentions that count for a labelled source: the whole, and each part of it apart
    from an apposition ("The state's campaign chairman, Phil Lovas," counts as either)."""
    parts = [p for p in re.split(r",|\s[(]", source) if p.strip(" )")]
    return {mention(source), *(mention(p.strip(" )")) for p in parts)} - {""}


def gold(text: str, found: list[dict]) -> tuple[list[tuple[int, int]], list[set], list[tuple]]:
    """The article's sentences, the mentions of the sources of any attribution in each, and
    its speech attributions with a source: ``(sentence indexes, the source's mentions)``."""
    bounds = sentences(text)
    anyone: list[set] = [set() for _ in bounds]
    speech = []
    for a in found:
        if not a["source"]:
            continue
        source = names(" ".join(text[x:y] for x, y in a["source"]))
        where = a["content"] or a["cue_at"]
        at = [k for k, (s, e) in enumerate(bounds) if any(x < e and s < y for x, y in where)]
        for k in at:
            anyone[k] |= source
        if polnear.speech(a["cue"]) and at:
            speech.append((at, source))  # (the source's mentions that count)
    return bounds, anyone, speech


def same(a: str, b: str, loose: bool) -> bool:
    if a == b:
        return True
    return loose and bool(re.search(rf"(?:^|\s){re.escape(min(a, b, key=len))}(?:\s|$)",
                                    max(a, b, key=len)))  # fmt: skip


def evaluate(articles, found: pl.DataFrame, loose: bool = False):
    """(right, predicted, hit, labelled, errors) over the articles."""
    rows: dict[str, list[dict]] = {}
    for r in found.iter_rows(named=True):
        rows.setdefault(r["doc_id"], []).append(r)
    tp = fp = hit = n = 0
    errors = []
    for name, text, attributions in articles:
        bounds, anyone, speech = gold(text, attributions)
        pred: list[set] = []
        for s, e in bounds:
            pred.append({mention(r["speaker_text"]) for r in rows.get(name, [])
                         if r["speaker_text"] and r["start"] < e and s < r["end"]})  # fmt: skip
        for k, names in enumerate(pred):
            for p in names:
                ok = any(same(p, g, loose) for g in anyone[k])
                tp, fp = tp + ok, fp + (not ok)
                if not ok:
                    errors.append(("FP", p, sorted(anyone[k]), text[slice(*bounds[k])][:150]))
        for at, source in speech:
            ok = any(same(p, g, loose) for k in at for p in pred[k] for g in source)
            hit, n = hit + ok, n + 1
            if not ok:
                k = at[0]
                errors.append(("FN", max(source, key=len), sorted(pred[k]),
                               text[slice(*bounds[k])][:150]))  # fmt: skip
    return tp, tp + fp, hit, n, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, required=True)
    ap.add_argument("--compartment", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--tagger", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="list this many errors (not on test)")
    args = ap.parse_args()
    if args.errors and args.compartment == "test":
        ap.error("the test compartment is read in aggregate only")
    articles = polnear.articles(args.polnear, args.compartment)
    corpus = pl.DataFrame({"doc_id": [a[0] for a in articles], "text": [a[1] for a in articles]})
    t0, c0 = time.perf_counter(), time.process_time()
    found = toolkit.quotes(corpus, tagger=args.tagger)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(len(a[1]) for a in articles)
    print(f"PolNeAR {args.compartment}: {len(articles)} articles ({chars:,} characters), "
          f"{found.height} attributions found in {cpu:.2f} CPU-s ({wall:.2f} s wall)")  # fmt: skip
    for loose in (False, True):
        tp, m, hit, n, errors = evaluate(articles, found, loose)
        print(f"{'loose' if loose else 'strict'}: speaker precision {tp / max(m, 1):.3f} "
              f"({tp}/{m}), recall {hit / max(n, 1):.3f} ({hit}/{n})")  # fmt: skip
        if not loose:
            for e in errors[: args.errors]:
                print(" | ".join(str(x) for x in e))


if __name__ == "__main__":
    main()
