"""Probe: can CMU Link Grammar (Debian's python3-link-grammar 5.12) find reporting verbs' subjects?

Measures, for ``linkgrammar_parse`` (a prototype beside this script, not part of the toolkit):

- ``quality``: on the labelled sets' attributions whose speaker and verb are in the sentence,
  whether the best linkage's subject of that verb is the labelled speaker (its head word inside
  the labelled speaker as written; the whole span equal to it);
- ``misses``: on the current rules' missed speakers (``bench_quotes.py``'s false negatives),
  how many the parse would name;
- ``speed``: CPU-seconds per sentence of 40-60 words from Kremlin and president.gov.ua
  documents, and how many run out of the time limit;
- ``corpus``: a sampled estimate of parsing every sentence with a reporting-verb candidate in
  the 1,796 Kremlin and president.gov.ua documents;
- ``determinism``: the same sentences parsed in two processes, their linkages compared;
  ``limits``: the same long sentences under time limits of 1, 5 and 30 s;
- ``plugged``: the sets' figures with the parse as a fallback for the sentences the rules
  attribute nothing in (``toolkit.quotes`` with :func:`parse_fallback`), beside the rules alone;
  ``fallback``: its cost on a sample of the Kremlin and president.gov.ua documents.

Run: ``PYTHONPATH=.:DIR python benchmarks/probe_linkgrammar.py quality|misses|speed|corpus|
determinism [--labels PATH ...] [--seconds N]`` where DIR holds Debian's ``linkgrammar``
package (or it is linked into the venv's site-packages; see ``linkgrammar_parse.INSTALL``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib
import json
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from linkgrammar_parse import LinkParser, subject_head, subject_span, unattributed  # noqa: E402

from toolkit.quote_spans import sentences as split_sentences  # noqa: E402
from toolkit.speakers import lexicon  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
SETS = [Path(f"/work/data/quotes_eval{n}/labels.jsonl") for n in ("", "2", "3", "4", "5")]
KREMLIN = ["putin_kremlin_en.csv", "zelenskyy_president_gov_ua_en.csv"]
_IRREGULAR = {"say": ["said"], "tell": ["told"], "write": ["wrote", "written"],
              "think": ["thought"], "read": ["read"], "speak": ["spoke", "spoken"],
              "make": ["made"], "give": ["gave", "given"], "find": ["found"],
              "hold": ["held"], "see": ["saw", "seen"], "feel": ["felt"]}  # fmt: skip


def forms(lemma: str, lex: dict) -> set[str]:
    """Inflected forms of a verb lemma: the lexicon's, the irregular ones and regular endings."""
    word = lemma.split()[0].lower()
    out = {f for f, lem in lex["forms"].items() if lem == lemma and " " not in f}
    out |= {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    out |= {word[:-1] + "ing", word[:-1] + "ied", word[:-1] + "ies"}
    return out | set(_IRREGULAR.get(word, []))


def verb_and_speaker(sentence: str, lemma: str, speaker: str, lex: dict):
    """Where the labelled verb and speaker are in the sentence: the nearest pair of a form of
    the verb and an occurrence of the speaker as written ("he" may be there twice)."""
    verbs = [m.start() for m in re.finditer(r"[\w’'-]+", sentence)
             if m.group().lower() in forms(lemma, lex)]  # fmt: skip
    names = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(speaker)}(?!\w)", sentence)]
    pairs = [(v, (s, s + len(speaker))) for v in verbs for s in names]
    return min(pairs, key=lambda p: min(abs(p[0] - p[1][0]), abs(p[0] - p[1][1])), default=None)


def located(items: list[dict], lex: dict):
    """(item, attribution, speaker span, verb offset) for each attribution whose speaker as
    written and verb are in the sentence; and the counts of those left out, by why."""
    out, skipped = [], Counter()
    for it in items:
        for g in it["attributions"]:
            text = g.get("speaker_text") or ""
            if not g.get("speaker_in_sentence", True) or not text or text not in it["sentence"]:
                skipped["speaker not in the sentence"] += 1
                continue
            if g["verb"] in (None, "according to"):
                skipped[f"verb {g['verb']!r} (no verb to parse)"] += 1
                continue
            pair = verb_and_speaker(it["sentence"], g["verb"], text, lex)
            if pair is None:
                skipped["verb form not found in the sentence"] += 1
                continue
            out.append((it, g, pair[1], pair[0]))
    return out, skipped


def judge(parser: LinkParser, sentence: str, gold: tuple[int, int], at: int) -> str:
    parsed = parser.parse(sentence)
    if parsed is None:
        return "no linkage"
    head = subject_head(parsed, at)
    if head is None:
        return "no subject"
    a, b = parsed.words[head]
    if not (gold[0] <= a and b <= gold[1]):
        return "wrong subject"
    span = subject_span(parsed, at)
    strip = " \t,.;:\"“”'"
    same = span and sentence[span[0] : span[1]].strip(strip) == sentence[gold[0] : gold[1]].strip(
        strip
    )
    return "right head, same span" if same else "right head, other span"


def load(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines()]


def cmd_quality(args) -> None:
    lex, parser = lexicon(), LinkParser(max_seconds=args.seconds)
    for path in args.labels:
        rows, skipped = located(load([path]), lex)
        c0 = time.process_time()
        got = Counter(judge(parser, it["sentence"], gold, at) for it, _, gold, at in rows)
        cpu = time.process_time() - c0
        right = got["right head, same span"] + got["right head, other span"]
        share = right / max(len(rows), 1)
        print(
            f"{path.parent.name}: {len(rows)} attributions with speaker and verb in the "
            f"sentence; subject head right {right}/{len(rows)} ({share:.3f}); "
            f"{dict(sorted(got.items()))}; left out {dict(skipped)}; {cpu:.1f} CPU-s"
        )


def labelled(path: Path):
    """A set's items, their documents as a corpus frame, and each item's span in its document
    (as ``bench_quotes.py`` reads them)."""
    import bench_quotes as bq
    import polars as pl

    items = load([path])
    docs = {s: bq.document(s) for s in sorted({it["source"] for it in items})}
    spans = {}
    for it in items:
        text = docs[it["source"]]
        c = text.find(it["context"])
        s = text.find(it["sentence"]) if c < 0 else c + it["context"].find(it["sentence"])
        spans[it["id"]] = (s, s + len(it["sentence"]))
    return items, pl.DataFrame({"doc_id": list(docs), "text": list(docs.values())}), spans


def cmd_misses(args) -> None:
    import bench_quotes as bq

    import toolkit

    lex, parser = lexicon(), LinkParser(max_seconds=args.seconds)
    total = Counter()
    for path in args.labels:
        items, corpus, spans = labelled(path)
        *_, errors = bq.evaluate(items, toolkit.quotes(corpus), spans)
        by_id = {it["id"]: it for it in items}
        missed = Counter((e[1], e[2]) for e in errors if e[0] == "FN")
        kinds = Counter()
        for (item_id, name), _ in missed.items():
            it = by_id[item_id]
            g = next(g for g in it["attributions"] if bq._norm(g["speaker"]) == name)
            rows, skipped = located([{**it, "attributions": [g]}], lex)
            none = not any(e[0] == "FP" and e[1] == item_id for e in errors) and not [
                e for e in errors if e[1] == item_id and e[0] == "FN" and e[3]
            ]
            where = "no speaker predicted" if none else "another speaker predicted"
            if not rows:
                kinds[(where, next(iter(skipped)))] += 1
                continue
            _, _, gold, at = rows[0]
            kinds[(where, judge(parser, it["sentence"], gold, at))] += 1
        print(f"{path.parent.name}: {sum(missed.values())} missed speakers")
        for k, n in sorted(kinds.items()):
            print(f"  {k[0]:26} {k[1]:38} {n}")
        total.update(kinds)
    print("all sets:")
    for k, n in sorted(total.items()):
        print(f"  {k[0]:26} {k[1]:38} {n}")


@contextmanager
def parse_fallback(parser: LinkParser):
    """``toolkit.quotes`` with the parse as a fallback while inside: in each document, the
    sentences no rule attributes anything in get the parse's subject. Put in from here, so the
    toolkit keeps no parser code."""
    tq = importlib.import_module("toolkit.quotes")  # the module, not the function

    rules = tq._in_doc

    def in_doc(text, lex, resolver, *rest):  # (rest: what quotes() passes on, as it is)
        found = rules(text, lex, resolver, *rest)
        taken = [(f.start, f.end) for f in found]
        sentences, spans = resolver.sentences, tq.quote_spans(text)
        for a, b, (p0, p1), lemma, direct in unattributed(parser, text, sentences, spans,
                                                         taken, lex):  # fmt: skip
            found.append(tq._Found(a, b, text[p0:p1], p0, lemma, direct, b))
        return sorted(found, key=lambda f: (f.start, f.end))

    tq._in_doc = in_doc
    try:
        yield
    finally:
        tq._in_doc = rules


def quotes_with(corpus, parser: LinkParser | None):
    """``toolkit.quotes`` of ``corpus``, with the parse as a fallback when ``parser`` is given."""
    import toolkit

    if parser is None:
        return toolkit.quotes(corpus)
    with parse_fallback(parser):
        return toolkit.quotes(corpus)


def cmd_plugged(args) -> None:
    """The sets' figures with the parse as a fallback for what the rules leave without a
    speaker, beside the rules alone, in one process."""
    import bench_quotes as bq

    parser = LinkParser(max_seconds=args.seconds)
    sums = {"rules": Counter(), "rules + parse": Counter()}
    for path in args.labels:
        items, corpus, spans = labelled(path)
        for name, use in (("rules", None), ("rules + parse", parser)):
            c0 = time.process_time()
            found = quotes_with(corpus, use)
            cpu = time.process_time() - c0
            tp, fp, hit, n_gold, _, errors = bq.evaluate(items, found, spans)
            sums[name].update(tp=tp, fp=fp, hit=hit, gold=n_gold, cpu=cpu, found=found.height)
            print(f"{path.parent.name:13} {name:13} precision {tp / max(tp + fp, 1):.3f} "
                  f"({tp}/{tp + fp}), recall {hit / max(n_gold, 1):.3f} ({hit}/{n_gold}); "
                  f"{found.height} attributions, {cpu:.1f} CPU-s")  # fmt: skip
            if args.errors and name != "rules":
                for e in errors:
                    print("   ", *e, sep=" | ")
    for name, c in sums.items():
        p, r = c["tp"] / max(c["tp"] + c["fp"], 1), c["hit"] / max(c["gold"], 1)
        print(f"sets together {name:13} precision {p:.3f} ({c['tp']}/{c['tp'] + c['fp']}), "
              f"recall {r:.3f} ({c['hit']}/{c['gold']}); {c['found']} attributions, "
              f"{c['cpu']:.1f} CPU-s")  # fmt: skip


def kremlin_docs() -> list[str]:
    csv.field_size_limit(10**9)
    out = []
    for name in KREMLIN:
        with open(CORPORA / "kremlin-2021-22" / name, newline="", encoding="utf-8") as f:
            out += [r["body"] or "" for r in csv.DictReader(f)]
    return out


def candidates(text: str, lex: dict) -> list[str]:
    """The sentences of a document that hold a reporting-verb candidate."""
    out = []
    for a, b in split_sentences(text):
        s = text[a:b].strip()
        if s and lex["verb"].search(s):
            out.append(s)
    return out


def timed(parser: LinkParser, sentences: list[str], limit: int) -> tuple[list[float], Counter]:
    """CPU-seconds per sentence, and how many got no linkage, ran out of the time limit (the
    parser then gives no linkage or a panic-mode one), or left words out of the linkage."""
    cpu, flags = [], Counter()
    for s in sentences:
        c0 = time.process_time()
        parsed = parser.parse(s)
        cpu.append(time.process_time() - c0)
        flags["no linkage" if parsed is None else "parsed"] += 1
        flags["at the time limit"] += cpu[-1] >= 0.95 * limit
        if parsed is not None:
            flags["with null words"] += parsed.nulls > 0
    return cpu, flags


def summary(cpu: list[float]) -> str:
    q = statistics.quantiles(cpu, n=10) if len(cpu) > 1 else cpu * 9
    return (f"mean {statistics.mean(cpu):.3f}, median {statistics.median(cpu):.3f}, "
            f"90th percentile {q[8]:.3f}, max {max(cpu):.3f} CPU-s per sentence")  # fmt: skip


def cmd_speed(args) -> None:
    lex, parser = lexicon(), LinkParser(max_seconds=args.seconds)
    pool = [s for d in kremlin_docs() for s in candidates(d, lex) if 40 <= len(s.split()) <= 60]
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    cpu, flags = timed(parser, sample, args.seconds)
    print(f"{len(sample)} of {len(pool)} reporting-verb sentences of 40-60 words (seed "
          f"{args.seed}), limit {args.seconds} s: {summary(cpu)}; {dict(flags)}")  # fmt: skip


def cmd_corpus(args) -> None:
    lex, parser = lexicon(), LinkParser(max_seconds=args.seconds)
    docs = kremlin_docs()
    counts = [len(candidates(d, lex)) for d in docs]
    sample = random.Random(args.seed).sample(range(len(docs)), args.n)
    sents = [s for i in sample for s in candidates(docs[i], lex)]
    cpu, flags = timed(parser, sents, args.seconds)
    per = sum(cpu) / len(sents)
    print(f"{len(docs)} documents, {sum(counts)} sentences with a reporting-verb candidate "
          f"({statistics.mean(counts):.1f} a document); sample of {args.n} documents (seed "
          f"{args.seed}): {len(sents)} sentences in {sum(cpu):.1f} CPU-s, {summary(cpu)}; "
          f"{dict(flags)}; estimate for the corpus {per * sum(counts):.0f} CPU-s "
          f"({per * sum(counts) / 3600:.2f} CPU-hours)")  # fmt: skip


def cmd_fallback(args) -> None:
    """What the fallback costs on a sample of the Kremlin and president.gov.ua documents: the
    rules alone and with the parse, CPU-seconds and attributions, in one process."""
    import polars as pl

    docs = kremlin_docs()
    sample = random.Random(args.seed).sample(range(len(docs)), args.n)
    corpus = pl.DataFrame({"doc_id": [str(i) for i in sample], "text": [docs[i] for i in sample]})
    parser = LinkParser(max_seconds=args.seconds)
    for name, use in (("rules", None), ("rules + parse", parser)):
        c0 = time.process_time()
        found = quotes_with(corpus, use)
        cpu = time.process_time() - c0
        print(f"{args.n} of {len(docs)} documents (seed {args.seed}) {name}: {found.height} "
              f"attributions in {cpu:.1f} CPU-s; estimate for all {cpu * len(docs) / args.n:.0f} "
              f"CPU-s")  # fmt: skip


def cmd_dump(args) -> None:
    parser = LinkParser(max_seconds=args.seconds)
    for s in json.loads(Path(args.sentences).read_text(encoding="utf-8")):
        p = parser.parse(s)
        print(json.dumps(None if p is None else [p.words, p.links, p.nulls, p.timed_out]))


def cmd_determinism(args) -> None:
    lex = lexicon()
    pool = [s for d in kremlin_docs() for s in candidates(d, lex) if len(s.split()) >= 15]
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    path = Path("/tmp/probe_linkgrammar_sentences.json")
    path.write_text(json.dumps(sample), encoding="utf-8")
    cmd = [sys.executable, __file__, "dump", "--sentences", str(path), "--seconds",
           str(args.seconds)]  # fmt: skip
    runs = [subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()
            for _ in range(args.runs)]  # fmt: skip
    digests = [hashlib.sha256("\n".join(r).encode()).hexdigest()[:16] for r in runs]
    differ = sum(len({r[i] for r in runs}) > 1 for i in range(len(sample)))
    timeouts = sum(bool(json.loads(x) and json.loads(x)[3]) for x in runs[0])
    print(f"{len(sample)} sentences (15 words or more, seed {args.seed}), {args.runs} processes, "
          f"limit {args.seconds} s: digests {digests}; sentences whose best linkage differs "
          f"{differ}; timed out in the first run {timeouts}")  # fmt: skip


def cmd_limits(args) -> None:
    """The same long sentences under time limits of 1, 5 and 30 s: a sentence whose best
    linkage changes with the limit has one that depends on the machine's speed and load."""
    lex = lexicon()
    pool = [s for d in kremlin_docs() for s in candidates(d, lex) if 40 <= len(s.split()) <= 60]
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    runs = {}
    for limit in (1, 5, 30):
        parser = LinkParser(max_seconds=limit)
        runs[limit] = [p and p.links for p in map(parser.parse, sample)]
    for a, b in ((1, 5), (5, 30)):
        differ = sum(x != y for x, y in zip(runs[a], runs[b], strict=True))
        none_a, none_b = (sum(x is None for x in runs[k]) for k in (a, b))
        print(f"{len(sample)} sentences of 40-60 words (seed {args.seed}): best linkage differs "
              f"between limits {a} s and {b} s in {differ}; no linkage at {a} s "
              f"{none_a}, at {b} s {none_b}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=sorted(n[4:] for n in globals() if n.startswith("cmd_")))
    ap.add_argument("--labels", type=Path, nargs="+", default=SETS)
    ap.add_argument("--seconds", type=int, default=5, help="parse time limit per sentence")
    ap.add_argument("--n", type=int, default=100, help="sample size")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--sentences", help="(dump) a JSON list of sentences")
    ap.add_argument(
        "--errors", action="store_true", help="(plugged) list the errors with the parse"
    )
    args = ap.parse_args()
    globals()[f"cmd_{args.what}"](args)


if __name__ == "__main__":
    main()
