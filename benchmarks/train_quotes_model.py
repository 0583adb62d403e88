"""Train and cross-validate the learned check on quote attribution (:mod:`toolkit.quote_model`).

Each labelled set's documents are run through the rules (:func:`toolkit.quotes.attributions`);
every attribution whose quotation overlaps a labelled sentence is labelled right when its
speaker is a labelled speaker of that sentence (bench_quotes' strict comparison), and a
logistic regression (L2, Newton's method, numpy only, so the weights are the same on every
run) learns from the features which are right. The threshold below which a speaker is
withheld is chosen on out-of-fold probabilities of the training sets only (the bench's F1).

- ``--cv``: leave-one-set-out: for each set, train on the others (threshold chosen by an inner
  leave-one-set-out on them), score the set with bench_quotes' scorer; rules and model side by
  side, every fold and by source.
- ``--write``: train on every set given and write ``toolkit/data/quote_model.yaml``
  (coefficients, threshold, checksum; no text). The same label files give the same bytes.

Run: ``python benchmarks/train_quotes_model.py --labels A/labels.jsonl --labels B/... --cv``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

import numpy as np
import polars as pl
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_quotes import _names, _norm, evaluate, load_set  # noqa: E402

from toolkit.quote_model import WEIGHTS, Model, choose_speaker, digest  # noqa: E402
from toolkit.quotes import QUOTES_SCHEMA, attributions  # noqa: E402

MIN_COUNT = 3  # a feature seen in fewer training attributions is dropped
L2 = 1.0  # ridge penalty on every coefficient but the bias
CHECK_GRID = [round(0.05 * i, 2) for i in range(0, 15)]  # 0.0 (keep every speaker) .. 0.7
SWITCH_GRID = [round(0.05 * i, 2) for i in range(6, 21)]  # 0.3 .. 1.0 (never switch)
RECALL_GRID = [round(0.05 * i, 2) for i in range(6, 21)]  # 0.3 .. 1.0 (emit no candidate)


class Set:
    """One labelled set: its items, spans, and the rules' attributions and the candidates,
    each with its features and, where it falls on a labelled sentence, whether it is right."""

    def __init__(self, path: Path) -> None:
        self.name = path.parent.name
        self.items, docs, self.spans = load_set(path, "all")
        corpus = pl.DataFrame({"doc_id": list(docs), "text": list(docs.values())})
        self.rows = attributions(corpus)
        by_doc = defaultdict(list)
        for it in self.items:
            by_doc[it["source"]].append(it)
        self.labels: list[int | None] = []  # right (1), wrong (0), not on a labelled sentence
        self.alt_labels: list[list[int] | None] = []  # each alternative right, on a positive
        self.over: list[list[int]] = []  # the labelled items (indexes) each row overlaps
        index = {it["id"]: i for i, it in enumerate(self.items)}
        for row, _, _, alts in self.rows:
            over = [it for it in by_doc[row["doc_id"]]
                    if max(row["start"], self.spans[it["id"]][0])
                    < min(row["end"], self.spans[it["id"]][1])]  # fmt: skip
            self.over.append([index[it["id"]] for it in over])
            gold = {n for it in over for g in it["attributions"] for n in _names(g)}
            self.alt_labels.append([int(_norm(n) in gold) for n, _ in alts] if gold else None)
            if row["speaker"] is None or not over:
                self.labels.append(None)
                continue
            self.labels.append(int(_norm(row["speaker"]) in gold))

    def training(self, candidate: bool):
        """(features, right) of the rules' attributions, or of the candidates."""
        return [(f, y) for (_, f, c, _), y in zip(self.rows, self.labels, strict=True)
                if y is not None and c == candidate]  # fmt: skip

    def alt_training(self):
        """(features, right) of each alternative speaker of an attribution on a labelled
        sentence that has a speaker."""
        return [(f, y) for (_, _, _, alts), ys in zip(self.rows, self.alt_labels, strict=True)
                if ys for (_, f), y in zip(alts, ys, strict=True)]  # fmt: skip

    def score(self, probs: Probs | None = None, check: float = 0.0, recall: float = 2.0,
              switch: float = 2.0):  # fmt: skip
        """bench_quotes' figures when the rules' speakers under ``check`` are withheld, an
        alternative speaker at ``switch`` and above replaces the rules' own, and the candidates
        at ``recall`` and above are emitted (``probs`` None: the rules alone)."""
        if probs is None:
            rows = [r for r, _, cand, _ in self.rows if not cand]
        else:
            rows = decide(self.rows, probs, check, recall, switch)
        found = pl.DataFrame(rows, schema=QUOTES_SCHEMA)
        tp, fp, hit, n, per, _ = evaluate(self.items, found, self.spans)
        return tp, fp, hit, n, per


def decide(rows, probs: Probs, check: float, recall: float, switch: float) -> list[dict]:
    """What :func:`toolkit.quotes.quotes` does with the models' probabilities."""
    out = []
    best: dict[tuple, float] = {}  # one candidate per sentence: the one rated highest
    for (r, _, cand, _), p in zip(rows, probs.main, strict=True):
        if cand:
            key = (r["doc_id"], r["start"])
            best[key] = max(best.get(key, 0.0), p)
    for (r, _, cand, alts), p, ap in zip(rows, probs.main, probs.alts, strict=True):
        if cand:
            key = (r["doc_id"], r["start"])
            if p >= recall and p == best[key]:
                out.append(r)
                best[key] = 2.0  # the first of equals only
            continue
        r = choose_speaker(r, [n for n, _ in alts], ap, switch)
        out.append(r if r["speaker"] is None or p >= check else {**r, "speaker": None})
    return out


def fit(data: list[tuple[dict[str, float], int]]) -> dict[str, float]:
    """An L2 logistic regression on named features, by Newton's method (deterministic)."""
    seen = Counter(name for f, _ in data for name, v in f.items() if v)
    names = sorted(n for n, c in seen.items() if c >= MIN_COUNT or n == "bias")
    col = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(data), len(names)))
    for i, (f, _) in enumerate(data):
        for n, v in f.items():
            if n in col:
                x[i, col[n]] = v
    y = np.array([label for _, label in data], dtype=float)
    penalty = np.full(len(names), L2)
    penalty[col["bias"]] = 0.0
    w = np.zeros(len(names))
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(names))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return {n: round(float(v), 6) for n, v in zip(names, w, strict=True)}


class Probs(NamedTuple):
    main: list[float]  # the check's (a rules' row) or the recall step's (a candidate)
    alts: list[list[float]]  # the choice's, for each alternative of each row


def _p(coef: dict[str, float], f: dict[str, float]) -> float:
    return float(1 / (1 + np.exp(-sum(coef.get(n, 0.0) * v for n, v in f.items()))))


def probabilities(models: tuple[dict, dict, dict], s: Set) -> Probs:
    check, recall, choice = models
    main = [_p(recall if cand else check, f) for _, f, cand, _ in s.rows]
    alts = [[_p(choice, f) for _, f in alts] for *_, alts in s.rows]
    return Probs(main, alts)


def fit_all(sets: list[Set]) -> tuple[dict, dict, dict]:
    return (fit([d for s in sets for d in s.training(False)]),
            fit([d for s in sets for d in s.training(True)]),
            fit([d for s in sets for d in s.alt_training()]))  # fmt: skip


def f1(tp: int, fp: int, hit: int, n: int) -> float:
    p, r = tp / max(tp + fp, 1), hit / max(n, 1)
    return 2 * p * r / max(p + r, 1e-9)


def choose_thresholds(sets: list[Set]) -> tuple[float, float, float]:
    """The choice's threshold, then the check's, then the recall step's, each with the best
    pooled F1 on out-of-fold probabilities (leave one set out among ``sets``); ties go to the
    threshold that changes the rules' output less."""
    oof = {s.name: probabilities(fit_all([o for o in sets if o is not s]), s) for s in sets}

    def pooled(check: float, recall: float, switch: float) -> float:
        return f1(*np.sum([s.score(oof[s.name], check, recall, switch)[:4] for s in sets],
                          axis=0))  # fmt: skip

    switch = max(SWITCH_GRID, key=lambda t: (round(pooled(0.0, 2.0, t), 9), t))
    check = max(CHECK_GRID, key=lambda t: (round(pooled(t, 2.0, switch), 9), -t))
    recall = max(RECALL_GRID, key=lambda t: (round(pooled(check, t, switch), 9), t))
    return check, recall, switch


def _fmt(tp: int, fp: int, hit: int, n: int) -> str:
    return (f"{tp / max(tp + fp, 1):.3f} ({tp}/{tp + fp}) | "
            f"{hit / max(n, 1):.3f} ({hit}/{n})")  # fmt: skip


def encode_sentences(sets: list[Set]) -> None:
    """The bundled sentence encoder's embedding of each labelled sentence (the probe)."""
    from toolkit.embed import load_model, model_info, offline

    with offline():
        model = load_model(model_info().path)
        for s in sets:
            s.emb = model.encode([it["sentence"] for it in s.items], batch_size=64,
                                 normalize_embeddings=True, show_progress_bar=False)  # fmt: skip
            s.has = np.array([int(bool(it["attributions"])) for it in s.items])


def inject_sentence_p(train: list[Set], held: Set) -> None:
    """A feature for the probe: how likely each row's labelled sentence holds an attribution,
    by a logistic regression on the sentence's embedding trained on other sets only (for a
    training set, on the other training sets; for the held-out set, on all training sets)."""
    from sklearn.linear_model import LogisticRegression

    for s in [*train, held]:
        others = [o for o in train if o is not s]
        clf = LogisticRegression(C=1.0, max_iter=2000)
        clf.fit(np.vstack([o.emb for o in others]), np.concatenate([o.has for o in others]))
        p = clf.predict_proba(s.emb)[:, 1]
        for (_, f, _, _), over in zip(s.rows, s.over, strict=True):
            f.pop("sentence_p", None)
            f.pop("sentence_p_high", None)
            if over:
                f["sentence_p"] = float(max(p[over]))
                f["sentence_p_high"] = float(max(p[over]) >= 0.6)


def cross_validate(sets: list[Set], sentence_probe: bool = False) -> None:
    print("| held-out set | rules P | rules R | model P | model R | thresholds |")
    print("|---|---:|---:|---:|---:|---:|")
    totals = {"rules": np.zeros(4, int), "model": np.zeros(4, int)}
    source = {"rules": defaultdict(Counter), "model": defaultdict(Counter)}
    for s in sets:
        train = [o for o in sets if o is not s]
        if sentence_probe:
            inject_sentence_p(train, s)
        check, recall, switch = choose_thresholds(train)
        rules = s.score()
        model = s.score(probabilities(fit_all(train), s), check, recall, switch)
        for key, r in (("rules", rules), ("model", model)):
            totals[key] += np.array(r[:4])
            for corpus, c in r[4].items():
                source[key][corpus].update(c)
        print(f"| {s.name} | {_fmt(*rules[:4])} | {_fmt(*model[:4])} | {check:.2f}, "
              f"{recall:.2f}, {switch:.2f} |", flush=True)  # fmt: skip
    print(f"| all folds | {_fmt(*totals['rules'])} | {_fmt(*totals['model'])} | |")
    print("\nBy source, all folds pooled:\n")
    print("| source | rules P | rules R | model P | model R |")
    print("|---|---:|---:|---:|---:|")
    for corpus in sorted(source["rules"]):
        cells = []
        for key in ("rules", "model"):
            c = source[key][corpus]
            cells.append(_fmt(c["tp"], c["fp"], c["hit"], c["hit"] + c["miss"]))
        print(f"| {corpus} | {cells[0]} | {cells[1]} |")


def write(sets: list[Set], path: Path) -> None:
    check, recall = fit_both(sets)
    check_threshold, recall_threshold = choose_thresholds(sets)
    model = Model(check, check_threshold, recall, recall_threshold)
    body = {"about": "toolkit.quote_model: logistic regression coefficients over named "
                     "features (no text); rebuilt by benchmarks/train_quotes_model.py --write "
                     "from the labelled sets " + ", ".join(s.name for s in sets),
            "digest": digest(model), "check_threshold": check_threshold,
            "recall_threshold": recall_threshold, "check": check, "recall": recall}  # fmt: skip
    path.write_text(yaml.safe_dump(body, sort_keys=False, width=100), encoding="utf-8")
    n = [sum(len(s.training(c)) for s in sets) for c in (False, True)]
    print(f"wrote {path}: {len(check)} + {len(recall)} coefficients from {n[0]} attributions "
          f"and {n[1]} candidates; thresholds {check_threshold}, {recall_threshold}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, action="append", required=True,
                    help="a labels.jsonl (give each set once)")  # fmt: skip
    ap.add_argument("--cv", action="store_true", help="leave-one-set-out cross-validation")
    ap.add_argument("--sentence-probe", action="store_true",
                    help="with --cv: add a sentence-encoder feature (probe only)")  # fmt: skip
    ap.add_argument("--write", action="store_true", help=f"train on all and write {WEIGHTS}")
    args = ap.parse_args()
    sets = [Set(p) for p in args.labels]
    if args.sentence_probe:
        encode_sentences(sets)
    if args.cv:
        cross_validate(sets, args.sentence_probe)
    if args.write:
        write(sets, WEIGHTS)


if __name__ == "__main__":
    main()
