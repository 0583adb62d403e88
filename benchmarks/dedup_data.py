"""Data for the duplicate-detection benchmark: a labelled evaluation set and synthetic corpora.

The labelled set starts from real articles in ``../shared/corpora`` and makes reprints of some of
them with the edits reprinting outlets make: a new headline always, plus one to three of added
site chrome, trimmed final paragraphs, light copy edits, British/American spelling, merged
paragraphs, or embedding the story in a longer compilation. Every reprint keeps at least half of
its original's text. The rest of the real articles stay in as negatives, among them the hard ones:
different stories on the same event or topic (the Kremlin's templated call readouts, China Daily
and New York Times stories on the same days).

The synthetic corpora for throughput are word sequences drawn from a bigram model of the same real
articles (realistic word frequencies and lengths, about 600 words, in paragraphs), with 5% of the
documents edited copies of others, so the exact-check stage has real work to do.
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import numpy as np
import polars as pl

import toolkit
import toolkit.dedup

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
POOL_SOURCES = ("chinadaily-nyt-2013-15", "kremlin-2021-22", "tass-sample-2024")
SERIES_SOURCES = ("statemedia-headlines-2006-26", "kremlin-2021-22")
# what RT's RSS feed gives as the description of every item: a body that is only boilerplate
RT_FEED_LINE = "Read Full Article at RT.com"

# in the order they are applied: a story is trimmed and edited before it is embedded
EDITS = ("trim", "copy_edit", "spelling", "merge", "chrome", "embed")

CHROME_LINES = [
    "Source: Xinhua | Editor: Wang Lei",
    "Share this article on Facebook, Twitter and VK",
    "Follow BelTA on Telegram for the latest news",
    "Related: more stories on bilateral relations",
    "Copyright 2023 China Daily. All rights reserved.",
    "Print | Email | Comments (0)",
    "If you are interested in this topic, subscribe to our newsletter",
    "Photo: courtesy of the press service",
    "Read also:",
    "The views expressed are the author's own.",
]

# American -> British; reprints switch them in either direction
SPELLINGS = {
    "organization": "organisation", "organize": "organise", "organized": "organised",
    "recognize": "recognise", "recognized": "recognised", "emphasize": "emphasise",
    "emphasized": "emphasised", "realize": "realise", "modernization": "modernisation",
    "stabilization": "stabilisation", "normalization": "normalisation", "center": "centre",
    "defense": "defence", "favor": "favour", "favorable": "favourable", "honor": "honour",
    "labor": "labour", "neighbor": "neighbour", "neighboring": "neighbouring",
    "behavior": "behaviour",
    "program": "programme", "programs": "programmes", "analyze": "analyse", "dialog": "dialogue",
    "criticize": "criticise", "criticized": "criticised", "mobilization": "mobilisation",
    "characterized": "characterised", "prioritize": "prioritise", "utilize": "utilise",
    "licence": "license", "traveled": "travelled", "color": "colour", "endeavor": "endeavour",
}  # fmt: skip


def pool(min_words: int = 150) -> pl.DataFrame:
    """Real articles with at least ``min_words`` words, reduced to one copy of each story: the
    corpora hold genuine re-publications, which would otherwise count against precision. They
    are removed at looser thresholds (Jaccard 0.2, containment 0.5) than any evaluated."""
    corpus = toolkit.load_corpus([CORPORA / s for s in POOL_SOURCES], progress=False)
    corpus = corpus.filter(pl.col("n_words") >= min_words)
    # every pair alike at these thresholds, template or not: the series gate is off here (a
    # version of the toolkit without it builds the same pool, so versions compare on one set)
    fields = {f.name for f in dataclasses.fields(toolkit.dedup.DedupOptions)}
    off = {"min_shingles": 0, "template_docs": 10**6} if "template_docs" in fields else {}
    loose = toolkit.find_duplicates(corpus, threshold=0.2, containment=0.5, bands=64, **off)
    canonical = loose.clusters.filter(pl.col("is_canonical")).select("doc_id")
    return (
        corpus.join(canonical, on="doc_id")
        .sort("doc_id")
        .select("doc_id", "outlet", "site", "published", "title", "text")
    )


def _paras(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def edit(text: str, kind: str, rng: random.Random, fillers: list[str]) -> str:
    """``text`` with one reprint edit applied."""
    paras = _paras(text)
    if kind == "chrome":
        top = rng.sample(CHROME_LINES, rng.randint(1, 2))
        bottom = rng.sample(CHROME_LINES, rng.randint(1, 2))
        paras = top + paras + bottom
    elif kind == "trim" and len(paras) > 2:
        words = [len(p.split()) for p in paras]
        total, keep = sum(words), len(paras)
        target = rng.uniform(0.55, 0.85) * total
        while keep > 1 and sum(words[: keep - 1]) >= target:
            keep -= 1
        paras = paras[:keep]
    elif kind == "copy_edit":
        out = []
        for p in paras:
            words = p.split()
            for i in range(len(words)):
                r = rng.random()
                if r < 0.015:
                    words[i] = ""
                elif r < 0.03:
                    words[i] = rng.choice(("also", "further", "then", "the", "its", "new"))
                elif r < 0.035 and any(c.isdigit() for c in words[i]):
                    words[i] = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), words[i])
            out.append(" ".join(w for w in words if w))
        paras = out
    elif kind == "spelling":
        table = {**SPELLINGS, **{v: k for k, v in SPELLINGS.items()}}
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, table)) + r")\b", re.IGNORECASE)
        paras = [
            pattern.sub(lambda m: _same_case(m.group(), table[m.group().lower()]), p) for p in paras
        ]
    elif kind == "merge" and len(paras) > 2:
        for _ in range(rng.randint(1, max(1, len(paras) // 3))):
            if len(paras) < 2:
                break
            i = rng.randrange(len(paras) - 1)
            paras[i : i + 2] = [paras[i] + " " + paras[i + 1]]
    elif kind == "embed":
        # each filler story is used once, so compilations share nothing but the embedded story
        before = [fillers.pop() for _ in range(rng.randint(1, 2))]
        after = [fillers.pop() for _ in range(rng.randint(0, 2))]
        paras = (
            [p for f in before for p in _paras(f)] + paras + [p for f in after for p in _paras(f)]
        )
    return "\n\n".join(paras)


def _same_case(found: str, replacement: str) -> str:
    return replacement.capitalize() if found[:1].isupper() else replacement


def labelled_set(
    base: pl.DataFrame, *, originals: int = 600, fillers: int = 1500, seed: int = 0
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(corpus, labels). ``labels`` has ``doc_id, story, edits``: documents with the same story
    are copies of one another; ``edits`` lists what was done to a reprint (null for originals)."""
    rng = random.Random(seed)
    ids = base["doc_id"].to_list()
    rng.shuffle(ids)
    filler_ids = set(ids[:fillers])  # only ever inside compilations, never on their own
    chosen = set(ids[fillers : fillers + originals])
    filler_texts = base.filter(pl.col("doc_id").is_in(filler_ids))["text"].to_list()
    rows, labels = [], []
    for r in base.filter(~pl.col("doc_id").is_in(filler_ids)).iter_rows(named=True):
        rows.append(r)
        labels.append((r["doc_id"], r["doc_id"], None))
        if r["doc_id"] not in chosen:
            continue
        for k in range(rng.randint(1, 3)):
            kinds = sorted(rng.sample(EDITS, rng.randint(1, 3)), key=EDITS.index)
            text = r["text"]
            for kind in kinds:
                text = edit(text, kind, rng, filler_texts)
            copy = {
                **r,
                "doc_id": f"{r['doc_id']}~{k}",
                "title": f"Reprint: {r['title'] or ''}".strip(),  # a new headline, always
                "site": rng.choice(("belarus.by", "chinadaily.com.cn", "sputnik.by", r["site"])),
                "published": r["published"],
                "text": text,
            }
            rows.append(copy)
            labels.append((copy["doc_id"], r["doc_id"], ",".join(sorted(kinds))))
    corpus = pl.DataFrame(rows, schema=base.schema, orient="row")
    return corpus, pl.DataFrame(labels, schema=["doc_id", "story", "edits"], orient="row")


def hard_negatives(base: pl.DataFrame, *, min_cosine: float = 0.4) -> pl.DataFrame:
    """Pairs of different stories on the same event or topic: TF-IDF cosine of at least
    ``min_cosine`` between two articles of the de-duplicated pool."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.neighbors import NearestNeighbors

    texts = base["text"].to_list()
    x = TfidfVectorizer(stop_words="english", min_df=2, sublinear_tf=True).fit_transform(texts)
    nn = NearestNeighbors(n_neighbors=6, metric="cosine").fit(x)
    dist, idx = nn.kneighbors(x)
    ids = base["doc_id"].to_list()
    pairs = {
        tuple(sorted((ids[i], ids[j])))
        for i in range(len(ids))
        for d, j in zip(dist[i], idx[i], strict=True)
        if j != i and 1 - d >= min_cosine
    }
    return pl.DataFrame(sorted(pairs), schema=["doc_a", "doc_b"], orient="row")


def series_negatives(
    exclude: pl.Series,
    *,
    per_series: int = 40,
    series_per_outlet: int = 3,
    boilerplate: int = 41,
    seed: int = 0,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Real items of templated series, and items whose body is only boilerplate: documents that
    are copies of nothing, and the pairs among them that must never be merged.

    - Headline series: in ``statemedia-headlines-2006-26``, the largest series of each outlet
      (same first three words of the title: RT's "RT News - <date> (12:00 MSK)" bulletins,
      TASS's "Bank of Russia ..." and "Russian stock indices ...", the Kremlin's "Speech at the
      ...", the defence ministry's daily reports), ``per_series`` consecutive items each (a
      window of the series from a random start, as a corpus of a period holds them).
    - Call readouts: every Kremlin "Telephone conversation with ..." release in
      ``kremlin-2021-22``, full texts on one template.
    - Boilerplate-only bodies: ``boilerplate`` real RT items (title, URL, date) whose text is
      :data:`RT_FEED_LINE`, as RT's feed gives them.

    Truth from evidence: within a series no two items share a URL or a date (readouts: a URL),
    and no two have the same text, so each is its own story. Documents whose id is in
    ``exclude`` (the pool the labelled set is made from, whose articles are also embedded in
    compilations) are left out.

    Returns:
        (documents in the pool's schema, pairs ``doc_a, doc_b, kind`` with kind ``series`` or
        ``boilerplate``).
    """
    rng = random.Random(seed)
    cols = ["doc_id", "outlet", "site", "published", "title", "text"]
    heads = toolkit.load_corpus(CORPORA / SERIES_SOURCES[0], progress=False)
    heads = heads.with_columns(
        series=pl.col("title").str.to_lowercase().str.extract_all(r"[a-z]+").list.head(3)
        .list.join(" "),
        when=pl.coalesce("url", pl.col("published").cast(pl.String)),
    ).filter(pl.col("when").is_not_null())  # fmt: skip
    # one item per URL (or date where there is none), per text
    heads = heads.unique(["outlet", "series", "when"], keep="first", maintain_order=True)
    heads = heads.unique(["outlet", "series", "text"], keep="first", maintain_order=True)
    heads = heads.unique(["outlet", "series", "published"], keep="first", maintain_order=True)
    top = (
        heads.group_by("outlet", "series")
        .len()
        .filter(pl.col("len") >= 10)
        .sort(["outlet", "len", "series"], descending=[False, True, False])
        .group_by("outlet", maintain_order=True)
        .head(series_per_outlet)
    )
    groups = []
    for outlet, series, _ in top.iter_rows():
        items = heads.filter((pl.col("outlet") == outlet) & (pl.col("series") == series))
        items = items.sort("published", "doc_id")
        start = rng.randrange(max(1, items.height - per_series + 1))
        groups.append(("series", items.slice(start, per_series).select(cols)))
    kremlin = toolkit.load_corpus(CORPORA / SERIES_SOURCES[1], progress=False)
    calls = kremlin.filter(pl.col("title").str.starts_with("Telephone conversation with"))
    calls = calls.unique("url", keep="first", maintain_order=True)
    calls = calls.unique("text", keep="first", maintain_order=True).sort("doc_id")
    groups.append(("series", calls.select(cols)))
    rt = heads.filter((pl.col("outlet") == "RT") & pl.col("url").is_not_null()).sort("doc_id")
    rt = rt.filter(~pl.col("doc_id").is_in([d for _, g in groups for d in g["doc_id"]]))
    picked = rt[sorted(rng.sample(range(rt.height), boilerplate))]
    feed = picked.select(cols).with_columns(
        doc_id=pl.col("doc_id") + "~feed", text=pl.lit(RT_FEED_LINE)
    )
    groups.append(("boilerplate", feed))
    groups = [(k, g.filter(~pl.col("doc_id").is_in(exclude.implode()))) for k, g in groups]
    docs = pl.concat([g for _, g in groups]).unique("doc_id", keep="first", maintain_order=True)
    pairs = []
    for kind, g in groups:
        ids = sorted(g["doc_id"].to_list())
        pairs += [(a, b, kind) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    negatives = pl.DataFrame(pairs, schema=["doc_a", "doc_b", "kind"], orient="row")
    return docs, negatives


def synthesize(
    base: pl.DataFrame, n: int, out: Path, *, seed: int = 0, chunk: int = 50_000
) -> Path:
    """Write ``n`` synthetic articles of about 600 words to ``out`` (parquet), 5% of them edited
    copies (last fifth dropped, 3% of words changed) of earlier ones."""
    rng = np.random.default_rng(seed)
    words = pl.Series(" ".join(base["text"].to_list()).split())
    vocab, ids = np.unique(words.to_numpy(), return_inverse=True)
    vocab = pl.Series(vocab)
    # successors of each word, as CSR arrays
    order = np.argsort(ids[:-1], kind="stable")
    succ = ids[1:][order]
    counts = np.bincount(ids[:-1], minlength=vocab.len())
    start = np.concatenate(([0], np.cumsum(counts)[:-1]))
    frames = []
    for offset in range(0, n, chunk):
        m = min(chunk, n - offset)
        lengths = np.clip(rng.normal(600, 150, m), 200, 1000).astype(np.int64)
        state = ids[rng.integers(0, ids.size, m)]
        seq = np.empty((m, lengths.max()), dtype=np.int64)
        for t in range(seq.shape[1]):
            seq[:, t] = state
            c = counts[state]
            nxt = succ[
                np.minimum(start[state] + (rng.random(m) * c).astype(np.int64), succ.size - 1)
            ]
            state = np.where(c > 0, nxt, ids[rng.integers(0, ids.size, m)])
        copies = np.flatnonzero(rng.random(m) < 0.05)
        copies = copies[copies > 0]
        source = (rng.random(copies.size) * copies).astype(np.int64)
        seq[copies] = seq[source]
        lengths[copies] = (lengths[source] * 0.8).astype(np.int64)
        noise = rng.random((copies.size, seq.shape[1])) < 0.03
        seq[copies] = np.where(noise, rng.integers(0, vocab.len(), noise.shape), seq[copies])
        # words joined with a space, and a paragraph break after every 60th
        doc = np.repeat(np.arange(m), seq.shape[1])
        pos = np.tile(np.arange(seq.shape[1]), m)
        keep = pos < lengths[doc]
        sep = np.where(pos[keep] % 60 == 59, "\n\n", " ")
        frame = (
            pl.DataFrame({"d": doc[keep], "w": vocab.gather(seq.ravel()[keep]), "sep": sep})
            .group_by("d", maintain_order=True)
            .agg(text=(pl.col("w") + pl.col("sep")).str.join("").str.strip_chars())
        )
        frames.append(
            frame.select(
                doc_id=pl.format("syn{}", pl.col("d") + offset),
                text="text",
                published=pl.lit(None, dtype=pl.Date),
            )
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    pl.concat(frames).write_parquet(out, row_group_size=50_000)
    return out
