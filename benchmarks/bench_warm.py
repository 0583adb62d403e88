"""Warm reruns and cold topics, end to end: `toolkit run` cold (empty caches) against warm (the
same run again), and the embedding options on this CPU.

    python benchmarks/bench_warm.py runs --size 20000 --rounds 2   # cold/warm `toolkit run`
    python benchmarks/bench_warm.py runs --size 4000 --rounds 2
    python benchmarks/bench_warm.py seeds --rounds 3   # `make report`: set-up, first run, rerun
    python benchmarks/bench_warm.py embed --texts 2000 --rounds 3  # batch size, ONNX, model2vec
    python benchmarks/bench_warm.py quality --units 4000           # topic agreement (ARI)

The parameter set is made here from ../shared/corpora/statemedia-headlines-2006-26 (76,588
headlines with a snippet of RT, TASS, the Kremlin, the Russian foreign and defence ministries
and Sputnik): ``--size`` rows sampled with seed 0, written under /tmp/toolkit-bench-warm with a
params file like params/headlines-ru.yaml (unit article, no stability refits). Each `toolkit
run` is a fresh process measured by /usr/bin/time (wall, user and system CPU-seconds, peak
memory), with `uptime`'s load before it: the machine is shared, so cold and warm runs are
interleaved and repeated. Results: benchmarks/results/warm.json. Before a cold run, ``runs``
does what ``make setup`` does once (:func:`toolkit.run.set_up`: numba's compiled code) unless
``--no-setup``.

``seeds`` is what ``make report`` does after set-up: with empty outputs, set-up's one-time
step (timed on its own), then `toolkit run params/seeds.yaml` twice (first run, rerun).
``--code DIR`` (``seeds`` and ``runs``) runs another checkout's code (``git archive COMMIT |
tar -x -C DIR``), the before side of a comparison; a checkout without ``set_up`` skips that
step.

``embed`` times the embedding options on the same texts in one process, interleaved: the
bundled model through sentence-transformers at batch sizes 32, 64 and 128; the same model
exported to ONNX (torch.onnx, no download) run by ONNX Runtime; and a static model2vec model
distilled from the bundled one (its own vocabulary, no download). ``quality`` fits the topics
on ``--units`` headlines with each option's embeddings and reports the adjusted Rand index of
the topic assignments against the default (the bundled model through sentence-transformers),
and, as the floor any option is judged against, the default's ARI with itself under another
seed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "statemedia-headlines-2006-26" / "headlines.csv"
WORK = Path("/tmp/toolkit-bench-warm")
RESULTS = HERE / "results" / "warm.json"

PARAMS = """name: warm{size}
sources: [corpus{size}]
unit: article
duplicates: collapse
seed: 42
min_group_docs: 30
corpus:
  sample: 5
  explain: 5
topics:
  stability_runs: 0
  period: year
rhetoric:
  group_by: outlet
  pair: [RT, TASS]
  keywords: ["belarus*", "lukashenko", "union state", "minsk"]
"""


def save(kind: str, row: dict) -> None:
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data.setdefault(kind, []).append({**row, "date": time.strftime("%Y-%m-%d %H:%M")})
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(data, indent=1) + "\n")


def load() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def params_file(size: int) -> Path:
    """The parameter set and its corpus: ``size`` headlines sampled with seed 0."""
    import polars as pl

    folder = WORK / f"corpus{size}"
    if not (folder / "headlines.csv").is_file():
        folder.mkdir(parents=True, exist_ok=True)
        frame = pl.read_csv(CORPUS, infer_schema_length=0)
        frame.sample(n=size, seed=0).write_csv(folder / "headlines.csv")
    path = WORK / f"warm{size}.yaml"
    path.write_text(PARAMS.format(size=size))
    return path


def timed(args: list[str], outputs: Path, code: Path = ROOT) -> tuple[dict, str]:
    """``python ARGS`` in a fresh process under /usr/bin/time -v, with ``code`` on the path and
    ``outputs`` as its outputs folder: wall, CPU-seconds, peak memory, load; and its stderr."""
    env = {**os.environ, "TOOLKIT_OUTPUTS": str(outputs), "PYTHONPATH": str(code)}
    before = load()
    done = subprocess.run(["/usr/bin/time", "-v", sys.executable, *args], cwd=code, env=env,
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])

    def field(name: str) -> str:
        return re.search(rf"{re.escape(name)}: (.+)", done.stderr).group(1).strip()

    clock = [float(x) for x in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = sum(x * 60**i for i, x in enumerate(reversed(clock)))
    return {
        "wall_s": round(wall, 1),
        "cpu_s": round(float(field("User time (seconds)")) + float(field("System time (seconds)")),
                       1),
        "peak_mb": round(int(field("Maximum resident set size (kbytes)")) / 1024),
        "load_before": before,
        "load_after": load(),
    }, done.stderr  # fmt: skip


def set_up(outputs: Path, code: Path = ROOT) -> dict | None:
    """What ``make setup`` does once besides installing (numba's compiled code), timed; None
    for code that has no such step."""
    if "def set_up(" not in (code / "toolkit" / "run.py").read_text():
        return None
    return timed(["-c", "from toolkit.run import set_up; set_up()"], outputs, code)[0]


def timed_run(params: Path, outputs: Path, code: Path = ROOT) -> dict:
    """One `toolkit run` in a fresh process, under /usr/bin/time -v."""
    row, _ = timed(["-m", "toolkit", "run", str(params), "-q"], outputs, code)
    run = json.loads((outputs / params.stem / "latest" / "run.json").read_text())
    return {
        **row,
        "status": run["status"],
        "prepare_s": run["seconds"]["prepare"],
        "notebooks_s": {nb["notebook"]: nb["seconds"] for nb in run["notebooks"]},
    }  # fmt: skip


def runs(size: int, rounds: int, setup: bool = True, code: Path = ROOT) -> None:
    params = params_file(size)
    code = code.resolve()
    label = {} if code == ROOT else {"code": str(code)}
    for r in range(rounds):
        outputs = WORK / f"outputs{size}"
        shutil.rmtree(outputs, ignore_errors=True)  # cold: no prepared corpus, no caches
        made = set_up(outputs, code) if setup else None
        if made:
            row = {"size": size, "round": r, "phase": "setup", **label, **made}
            print(json.dumps(row), flush=True)
            save("runs", row)
        for phase in ("cold", "warm"):
            row = {"size": size, "round": r, "phase": phase, **label,
                   **timed_run(params, outputs, code)}  # fmt: skip
            print(json.dumps(row), flush=True)
            save("runs", row)


def seeds(rounds: int, code: Path) -> None:
    """``make report`` after set-up, from empty outputs: set-up's step, then two runs."""
    code = code.resolve()
    label = "this" if code == ROOT else str(code)
    for r in range(rounds):
        outputs = WORK / "outputs-seeds"
        shutil.rmtree(outputs, ignore_errors=True)
        rows = [("setup", set_up(outputs, code))]
        for phase in ("first", "rerun"):
            rows.append((phase, timed_run(code / "params" / "seeds.yaml", outputs, code)))
        for phase, row in rows:
            if row:
                row = {"code": label, "round": r, "phase": phase, **row}
                print(json.dumps(row), flush=True)
                save("seeds", row)


def texts(n: int, seed: int = 1) -> list[str]:
    import toolkit

    corpus = toolkit.load_corpus([params_file(20_000).parent / "corpus20000"], progress=False)
    return corpus.sample(n=min(n, corpus.height), seed=seed)["text"].to_list()


class OnnxEncoder:
    """The bundled model exported to ONNX (torch.onnx, offline) and run by ONNX Runtime, with
    sentence-transformers' pooling (mean over tokens) and normalisation."""

    def __init__(self, threads: int = 2):
        import numpy as np
        import onnxruntime as ort
        import torch
        from tokenizers import Tokenizer

        from toolkit.embed import load_model, model_info

        path = Path(model_info(None).path)
        onnx = WORK / "minilm.onnx"
        if not onnx.is_file():
            st = load_model(str(path))
            hf = st[0].auto_model.eval()

            class Encoder(torch.nn.Module):  # the transformer called by keyword
                def __init__(self):
                    super().__init__()
                    self.hf = hf

                def forward(self, input_ids, attention_mask, token_type_ids):
                    return self.hf(input_ids=input_ids, attention_mask=attention_mask,
                                   token_type_ids=token_type_ids).last_hidden_state  # fmt: skip

            ids = torch.ones((2, 8), dtype=torch.int64)
            axes = {0: "batch", 1: "tokens"}
            names = ["input_ids", "attention_mask", "token_type_ids"]
            with torch.no_grad():
                torch.onnx.export(
                    Encoder(), (ids, ids, torch.zeros_like(ids)), str(onnx), dynamo=False,
                    input_names=names, output_names=["last_hidden_state"], opset_version=17,
                    dynamic_axes={k: axes for k in [*names, "last_hidden_state"]},
                )  # fmt: skip
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(onnx), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(256)
        self.tokenizer.enable_padding()
        self.np = np

    def encode(self, sentences, batch_size=64, **_):
        np = self.np
        order = np.argsort([-len(t) for t in sentences], kind="stable")
        out = np.empty((len(sentences), 384), dtype=np.float32)
        for start in range(0, len(sentences), batch_size):
            idx = order[start : start + batch_size]
            enc = self.tokenizer.encode_batch([sentences[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            (hidden,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                                "token_type_ids": np.zeros_like(ids)})  # fmt: skip
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out[idx] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return out


class StaticEncoder:
    """A model2vec static model distilled from the bundled one (its own vocabulary)."""

    def __init__(self):
        from model2vec import StaticModel
        from model2vec.distill import distill

        from toolkit.embed import model_info

        folder = WORK / "minilm-m2v"
        if not (folder / "config.json").is_file():
            distill(model_name=model_info(None).path, pca_dims=256).save_pretrained(str(folder))
        self.model = StaticModel.from_pretrained(str(folder))

    def encode(self, sentences, batch_size=64, **_):
        import numpy as np

        vectors = self.model.encode(list(sentences), batch_size=1024)
        return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def encoders() -> dict:
    from toolkit.embed import load_model, model_info

    st = load_model(model_info(None).path)
    out = {f"torch batch {b}": (st, b) for b in (32, 64, 128)}
    out["onnxruntime batch 64"] = (OnnxEncoder(), 64)
    try:
        out["model2vec static"] = (StaticEncoder(), 64)
    except Exception as e:  # a benchmark says what it could not measure
        print(f"model2vec: not measured: {type(e).__name__}: {e}", flush=True)
    return out


def embed_speed(n: int, rounds: int) -> None:
    from toolkit.embed import _encode

    sample = texts(n)
    options = encoders()
    for enc, batch in options.values():  # warm each up once (and build the exports)
        _encode(enc, sample[:64], batch_size=batch, progress=False)
    for r in range(rounds):
        for name, (enc, batch) in options.items():
            before, c0, t0 = load(), time.process_time(), time.perf_counter()
            _encode(enc, sample, batch_size=batch, progress=False)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            row = {"option": name, "round": r, "texts": len(sample), "wall_s": round(wall, 2),
                   "cpu_s": round(cpu, 2), "texts_per_s": round(len(sample) / wall, 1),
                   "load_before": before}  # fmt: skip
            print(json.dumps(row), flush=True)
            save("embed", row)


def quality(n: int) -> None:
    """Topic assignments with each option's embeddings against the default's (ARI)."""
    from sklearn.metrics import adjusted_rand_score

    import toolkit
    from toolkit import topics as tp
    from toolkit.embed import _encode

    corpus = toolkit.load_corpus([params_file(20_000).parent / "corpus20000"], progress=False)
    units = toolkit.segment(corpus.sample(n=n, seed=2).sort("doc_id"), "article")
    sample = units["text"].to_list()
    fits = {}
    for name, (enc, batch) in encoders().items():
        if name in ("torch batch 32", "torch batch 128"):
            continue
        emb = _encode(enc, sample, batch_size=batch, progress=False)
        result = tp.fit_topics(units, emb, seed=42, options={"representation": "none"})
        fits[name] = result.units["topic"].to_numpy()
        base = fits["torch batch 64"]
        row = {"option": name, "units": units.height, "topics": result.n_topics,
               "outliers": result.outliers.get("share_before"),
               "ari_vs_default": round(float(adjusted_rand_score(base, fits[name])), 4),
               }  # fmt: skip
        print(json.dumps(row), flush=True)
        save("quality", row)
    # the floor: the default's own embeddings, clustered with another seed
    emb = _encode(encoders()["torch batch 64"][0], sample, batch_size=64, progress=False)
    result = tp.fit_topics(units, emb, seed=43, options={"representation": "none"})
    ari = adjusted_rand_score(fits["torch batch 64"], result.units["topic"])
    row = {"option": "torch batch 64, seed 43", "units": units.height, "topics": result.n_topics,
           "outliers": result.outliers.get("share_before"),
           "ari_vs_default": round(float(ari), 4)}  # fmt: skip
    print(json.dumps(row), flush=True)
    save("quality", row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("runs", "seeds", "embed", "quality"))
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--units", type=int, default=4000)
    parser.add_argument("--no-setup", action="store_true", help="runs: cold without set-up")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to run")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.what == "runs":
        runs(args.size, args.rounds, setup=not args.no_setup, code=args.code)
    elif args.what == "seeds":
        seeds(args.rounds, args.code)
    elif args.what == "embed":
        embed_speed(args.texts, args.rounds)
    else:
        quality(args.units)


if __name__ == "__main__":
    main()
