"""Quote attribution against a hand-labelled set: precision and recall of the speaker.

The labelled set (``labels.jsonl``, see its README) holds sentences from real articles in
``../shared/corpora`` and the seeds, each with its attributions (speaker as written, resolved
speaker, verb, quote span) and a dev/test split by document. Each item's whole document is read
from its source, :func:`toolkit.quotes` runs on the documents, and an attribution counts for an
item when its quote span overlaps the item's sentence, or the item's labelled quotation where
that lies outside the sentence (a frame sentence, "This was stated by X during ...", whose
quotation is the sentence before: the labelling guide labels the frame's sentence; until round 11
such attributions were counted as misses, see benchmarks/README.md).

- precision: of the distinct speakers predicted for labelled sentences, the share that is a
  labelled speaker of that sentence (strict: the resolved name, compared without case, leading
  "the" or "Mr."/"Ms."; the mention as written also counts when it holds that name whole);
- recall: of the labelled attributions, the share whose speaker is predicted for the sentence.

Run: ``python benchmarks/bench_quotes.py [--labels PATH] [--split dev|test|all] [--errors]``.
Sets 1-24, 26, 29, 31 and 33 are development data (their errors were read; each one's blind runs
are recorded in ``benchmarks/README.md``), and of sets 1-24 only the committed items remain. Sets
25, 27 and 28 (English Wikinews, ``quotes_eval25`` ...) and 30, 32 and 34 (China Daily and NYT),
labelled blind in sessions 23 and 24, are the held-out sets: run them ``--split all`` without
``--errors``, and do not tune on them; so are the headline sets' set 37 ``--split test`` and set
38 (session 30; set 37's dev split and sets 39 and 40 are development data). Speakers are compared
without honorifics or middle initials (:func:`_norm`). A set whose folder holds ``docs.jsonl``
brings its own documents (:func:`local_documents`); the others are read from
``../shared/corpora`` and the seeds (a headline set's from its corpus's CSV row), a stand-off
set's text (``labels_standoff.jsonl``) from its offsets (:func:`rebuilt`).
:func:`load_set` reads a set for other scripts (``probe_quotes_model.py``).
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import toolkit  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
LABELS = [ROOT / "benchmarks" / "data" / "quotes_eval" / "labels.jsonl",
          Path("/work/data/quotes_eval/labels.jsonl")]  # fmt: skip


_HEADLINES = ("statemedia-headlines-2006-26/", "cn-statemedia-headlines-2022/")


def _record(source: str) -> dict:
    """The CSV row (Kremlin, president.gov.ua, a headline) or JSON item (TASS) an item's source
    names ("statemedia-headlines-2006-26/headlines.csv/row17": the CSV's row 17)."""
    if source.startswith(_HEADLINES):
        folder, name, row = source.split("/")
        return _headlines(folder, name)[int(row.removeprefix("row"))]
    if source.startswith("kremlin-2021-22/"):
        name, row = source.split("/")[1], int(source.rsplit("row", 1)[1])
        csv.field_size_limit(10**9)
        with open(CORPORA / "kremlin-2021-22" / name, newline="", encoding="utf-8") as f:
            return next(r for i, r in enumerate(csv.DictReader(f)) if i == row)
    _, name, index = source.split("/")
    return json.loads((CORPORA / "tass-sample-2024" / name).read_text(encoding="utf-8"))[int(index)]


@functools.cache
def _headlines(folder: str, name: str) -> list[dict]:
    with open(CORPORA / folder / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def local_documents(labels: Path) -> dict[str, dict]:
    """The documents a set commits beside its labels (``docs.jsonl``: ``source``, ``title``,
    ``text``, ...; a set of texts whose licence lets them be committed, such as Wikinews's CC
    BY 2.5), by source; none where the set has no such file."""
    path = labels.parent / "docs.jsonl"
    if not path.is_file():
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {r["source"]: r for r in rows}


def document(source: str, local: dict[str, dict] | None = None) -> str:
    """The whole text of an item's document, read from its source (``local``: the documents
    a set commits, see :func:`local_documents`)."""
    if local and source in local:
        return local[source]["text"]
    if source.startswith("kremlin-2021-22/"):
        return _record(source)["body"] or ""
    if source.startswith(_HEADLINES):  # a headline is its own text, as ingest makes it
        return _record(source)["title"]
    if source.startswith("tass-sample-2024/"):
        return "\n".join(p for p in _record(source)["content"] if p.strip())
    if source.startswith("chinadaily-nyt-2013-15/"):
        return (CORPORA / source).read_text(encoding="utf-8", errors="replace")
    if source.startswith("seeds/"):
        return (ROOT / source).read_text(encoding="utf-8")
    raise ValueError(f"unknown source {source}")


def title(source: str, local: dict[str, dict] | None = None) -> str | None:
    """An item's document's title, as the corpus table gives it (a speech's title says whose
    words the text is): the CSV's headline, the JSON item's title, the file's name."""
    if local and source in local:
        return local[source].get("title") or None
    if source.startswith("kremlin-2021-22/"):
        return _record(source).get("headline") or None
    if source.startswith("tass-sample-2024/"):
        return _record(source).get("title") or None
    if source.startswith("chinadaily-nyt-2013-15/"):
        return re.sub(r"^\d{4}-\d{2}-\d{2}\s+", "", Path(source).stem)
    return None


def _norm(name: str | None) -> str:
    name = (name or "").lower().replace("’", "'")
    # honorifics are no part of a name: Mr., Ms., Dr., and Burmese U and Daw ("U Win Htein",
    # "Daw Aung San Suu Kyi", later "Mr. Win Htein", "Ms. Aung San Suu Kyi")
    name = re.sub(r"^(?:the|a|an|mr\.?|ms\.?|mrs\.?|dr\.?|u|daw)\s+", "", name.strip())
    name = re.sub(r"[^\w' -]", "", name).strip()
    # nor is a middle initial: "Vladimir V. Putin" is "Vladimir Putin", as labels write either
    return re.sub(r"(?<=\w) [a-z](?= \w)", "", name)


def _names(gold: dict) -> set[str]:
    """The names that count for a labelled speaker: the resolved one, and the mention as written
    when it holds that name whole ("Postimees newspaper" for "Postimees", as the labelling
    guide writes the speaker as the mention when no fuller name is given)."""
    speaker, written = _norm(gold["speaker"]), _norm(gold["speaker_text"])
    within = written and re.search(rf"(?:^|\s){re.escape(speaker)}(?:\s|$)", written)
    return {speaker, written} if within else {speaker}


def _outside_quotes(item: dict, text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The item's labelled quotations that lie outside its sentence (``a``-``b``), found in the
    document nearest to the sentence, within 3,000 characters."""
    found = []
    for g in item["attributions"]:
        quote = (g.get("quote") or "").strip()
        if len(quote) < 12:
            continue
        hits = [m.start() for m in re.finditer(re.escape(quote), text[max(0, a - 3000) : b + 3000])]
        if not hits:
            continue
        q = min((max(0, a - 3000) + h for h in hits), key=lambda h: abs(h - a))
        if not max(q, a) < min(q + len(quote), b):
            found.append((q, q + len(quote)))
    return found


def evaluate(
    items: list[dict],
    found: pl.DataFrame,
    spans: dict[str, tuple[int, int]],
    docs: dict[str, str] | None = None,
    kinds: dict[str, Counter] | None = None,
):
    """Precision and recall of the speaker; with ``docs``, an attribution whose quotation
    overlaps an item's labelled quotation outside the sentence also counts for the item; with
    ``kinds``, the right and wrong speakers are counted there by their ``speaker_kind``."""
    by_doc = defaultdict(list)
    for r in found.iter_rows(named=True):
        if r.get("field", "text") == "text":  # a page title's credits: no labelled sentence
            by_doc[r["doc_id"]].append(r)
    tp = fp = hit = n_gold = 0
    errors = []
    per = defaultdict(Counter)
    for it in items:
        a, b = spans[it["id"]]
        where = [(a, b)] + (_outside_quotes(it, docs[it["source"]], a, b) if docs else [])
        pred = {_norm(r["speaker"]): r for r in by_doc[it["source"]] if r["speaker"]
                and any(max(r["start"], x) < min(r["end"], y) for x, y in where)}  # fmt: skip
        gold = {n for g in it["attributions"] for n in _names(g)}
        for name in pred:
            ok = name in gold
            tp, fp = tp + ok, fp + (not ok)
            per[it["corpus"]]["tp" if ok else "fp"] += 1
            if kinds is not None:
                kinds[pred[name].get("speaker_kind") or "?"]["tp" if ok else "fp"] += 1
            if not ok:
                errors.append(("FP", it["id"], name, sorted(gold), it["sentence"][:160]))
        for g in it["attributions"]:
            ok = bool(_names(g) & set(pred))
            hit, n_gold = hit + ok, n_gold + 1
            per[it["corpus"]]["hit" if ok else "miss"] += 1
            if not ok:
                errors.append(("FN", it["id"], _norm(g["speaker"]), sorted(pred),
                               it["sentence"][:160]))  # fmt: skip
    return tp, fp, hit, n_gold, per, errors


def rebuilt(item: dict, text: str) -> dict:
    """A stand-off item (offsets into its document, no text of it: a set whose texts may not be
    committed, ``labels_standoff.jsonl``) with its context, sentence, quotes and speakers as
    written taken from the document; an item with its text as it is."""
    if "sentence_start" not in item:
        return item
    found = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if found != item["doc_sha256"]:
        raise ValueError(
            f"{item['id']}: {item['source']} is not the document the set was labelled on "
            f"(sha256 {found[:12]}, labelled {item['doc_sha256'][:12]}); its offsets do not hold"
        )

    def span(start: int | None, end: int | None) -> str | None:
        return None if start is None else text[start:end]

    return {
        **item,
        "context": span(item["context_start"], item["context_end"]),
        "sentence": span(item["sentence_start"], item["sentence_end"]),
        "attributions": [
            {
                **a,
                "speaker_text": span(a["speaker_text_start"], a["speaker_text_end"]),
                "quote": span(a["quote_start"], a["quote_end"]),
            }
            for a in item["attributions"]
        ],
    }


def load_set(labels: Path, split: str = "all"):
    """A labelled set's items (of ``split``), their documents (source -> text) and each item's
    sentence span in its document; items whose corpus is absent are left out. A stand-off set's
    items get their text from their documents (:func:`rebuilt`)."""
    items = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    items = [it for it in items if split == "all" or it["split"] == split]
    sources = sorted({it["source"] for it in items})
    local = local_documents(labels)
    available = [s for s in sources if s in local or s.startswith("seeds/") or CORPORA.is_dir()]
    docs = {s: document(s, local) for s in available}
    items = [rebuilt(it, docs[it["source"]]) for it in items if it["source"] in docs]
    spans = {}
    for it in items:
        text = docs[it["source"]]
        c = text.find(it["context"])
        # a context re-cut from the source (NYT paragraphs): look for the sentence itself
        s = text.find(it["sentence"]) if c < 0 else c + it["context"].find(it["sentence"])
        assert s >= 0, it["id"]
        spans[it["id"]] = (s, s + len(it["sentence"]))
    return items, docs, spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=next((p for p in LABELS if p.is_file()), None))
    ap.add_argument("--split", default="test", choices=("dev", "test", "all"))
    ap.add_argument("--errors", action="store_true", help="list every wrong or missed speaker")
    ap.add_argument("--tagger", action="store_true",
                    help="the rules and the learned speaker tagger (tagger=True)")  # fmt: skip
    args = ap.parse_args()
    if args.labels is None or not args.labels.is_file():
        sys.exit("no labels.jsonl: give --labels")
    items, docs, spans = load_set(args.labels, args.split)
    local = local_documents(args.labels)
    corpus = pl.DataFrame(
        {
            "doc_id": list(docs),
            "text": list(docs.values()),
            "title": [title(s, local) for s in docs],
        }
    )
    t0, c0 = time.perf_counter(), time.process_time()
    found = toolkit.quotes(corpus, tagger=args.tagger)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    kinds: dict[str, Counter] = defaultdict(Counter)
    tp, fp, hit, n_gold, per, errors = evaluate(items, found, spans, docs, kinds)
    chars = sum(len(t) for t in docs.values())
    print(f"split {args.split}: {len(items)} sentences from {len(docs)} documents "
          f"({chars:,} characters); {found.height} attributions found in {cpu:.2f} CPU-s "
          f"({wall:.2f} s wall)")  # fmt: skip
    print(f"speaker precision {tp / max(tp + fp, 1):.3f} ({tp}/{tp + fp}), "
          f"recall {hit / max(n_gold, 1):.3f} ({hit}/{n_gold})")  # fmt: skip
    for corpus_name, c in sorted(per.items()):
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["hit"] / max(c["hit"] + c["miss"], 1)
        print(f"  {corpus_name:18} precision {p:.3f} ({c['tp']}/{c['tp'] + c['fp']}), "
              f"recall {r:.3f} ({c['hit']}/{c['hit'] + c['miss']})")  # fmt: skip
    for kind, c in sorted(kinds.items()):  # how the frame gave the speakers predicted
        print(f"  speaker_kind {kind:11} precision {c['tp'] / max(c['tp'] + c['fp'], 1):.3f} "
              f"({c['tp']}/{c['tp'] + c['fp']})")  # fmt: skip
    if args.errors:
        for e in errors:
            print(*e, sep=" | ")


if __name__ == "__main__":
    main()
