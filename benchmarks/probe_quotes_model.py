"""Probe: a learned component for quote attribution, cross-validated by leaving one set out.

Round 7 of the quote work (``benchmarks/README.md``, "Round 7"). Three learned parts were tried on
top of the rules of :func:`toolkit.quotes`, each a logistic regression (L2, Newton's method,
numpy only, deterministic) over general features, never names or documents:

- **check** (a precision filter): for each attribution the rules make, whether its speaker is
  right, from which reading found it, the verb, the kind of speaker phrase (pronoun, description
  and its head word, full name, one word, organisation), whether and how far it was resolved,
  across how many sentences, the quotation's length, how often the document names the speaker;
  a speaker under the threshold is withheld (left null);
- **choice** (a resolver): for each attribution, the rules' speaker against the six names the
  document gives last before it, from recency, frequency, shared title words, a surname in the
  speaker as written, a name inside the quotation, the speaker quoted before; the rated best
  replaces the rules' own above a threshold;
- **recall**: for each sentence the rules leave unattributed, candidates (the speaker
  attributed within three sentences before, and every reading of a clause's first words as
  subject and verb, "The opposition repeatedly demands", "but Woodhouse feared"), the best one
  per sentence emitted above a threshold; with ``--sentence-probe`` a feature from the bundled
  sentence encoder (a logistic regression on all-MiniLM-L6-v2 embeddings of the sentence,
  trained on other sets only) is added to all three.

Each threshold is chosen on out-of-fold probabilities of the training sets only (the bench's
pooled F1; ties go to the threshold that changes the rules' output less), then the held-out set
is scored with bench_quotes' scorer beside the rules. ``--ceilings`` prints what a perfect
choice among the candidates could reach. The rules' attributions are read by a copy of
:func:`toolkit.quotes.quotes`' loop that also keeps each one's reading and resolver; the copy is
checked against :func:`toolkit.quotes.quotes` on every set, so it cannot drift silently.

Run: ``python benchmarks/probe_quotes_model.py --labels A/labels.jsonl --labels B/... --cv``.
Not adopted (the folds do not move); nothing here is used by the toolkit.
"""

from __future__ import annotations

import argparse
import bisect
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_quotes import _names, _norm, evaluate, load_set  # noqa: E402

import toolkit  # noqa: E402
from toolkit.quote_spans import quote_spans  # noqa: E402
from toolkit.quote_spans import sentences as split_document  # noqa: E402
from toolkit.quotes import QUOTES_SCHEMA, _in_doc  # noqa: E402
from toolkit.speaker_names import find_mentions  # noqa: E402
from toolkit.speaker_resolver import Resolver  # noqa: E402
from toolkit.speakers import (  # noqa: E402
    DETERMINERS,
    is_organisation,
    is_person,
    lexicon,
    word_spans,
)

# ---------------------------------------------------------------- features

_CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")


def features(*, rule: str, verb: str | None, direct: bool, speaker: str, speaker_text: str,
             start: int, end: int, speaker_at: int, sentence_of_quote: int,
             sentence_of_speaker: int, mentions: int, lex: dict[str, Any]
             ) -> dict[str, float]:  # fmt: skip
    """The features of one attribution, by name (absent names are 0).

    Args:
        rule: the reading that found it (after, before, continues, resumes, reported).
        verb: its verb lemma, or None for a quotation that goes on one attributed.
        direct: inside quotation marks.
        speaker: the speaker as resolved; speaker_text: as written.
        start, end: the quotation's span; speaker_at: where the speaker is written.
        sentence_of_quote, sentence_of_speaker: the indexes of their sentences.
        mentions: how often the document names the resolved speaker in full.
        lex: the quote lexicon (:func:`toolkit.speakers.lexicon`).
    """
    written = speaker_text.strip()
    words = written.split()
    lower = written.lower()
    first = lower.split()[0] if words else ""
    caps = [w for w in words if _CAPITALISED.match(w)]
    f: dict[str, float] = {"bias": 1.0, f"rule={rule}": 1.0, f"verb={verb or '-'}": 1.0}
    f["direct"] = float(direct)
    if lower in lex["pronouns"] or lower in {"they", "we", "she", "he", "i", "it"}:
        f[f"pronoun={lower}"] = 1.0
    elif first in {"the", "a", "an"} or (words and written[0].islower()):
        f["kind=description"] = 1.0
        f[f"head={words[-1].lower().strip(',.')}"] = 1.0
    elif len(caps) >= 2 and len(caps) == len(words):
        f["kind=name"] = 1.0
    elif len(words) == 1 and caps:
        f["kind=one_word"] = 1.0
    else:
        f["kind=mixed"] = 1.0
    f["organisation"] = float(is_organisation(written, lex))
    f["person"] = float(is_person(speaker, lex))
    f["resolved"] = float(speaker != written)
    f["plural"] = float(" and " in f" {lower} " or (bool(re.search(r"[^s]s$", lower))
                                                     and not caps))  # fmt: skip
    f["possessive"] = float("'s" in lower or "’s" in lower)
    f["speaker_words"] = min(len(speaker.split()), 6) / 3
    f["written_words"] = min(len(words), 8) / 4
    f["speaker_after"] = float(speaker_at >= end)
    f["distance"] = math.log1p(abs(speaker_at - start)) / 6
    f["other_sentence"] = float(sentence_of_quote != sentence_of_speaker)
    f["sentences_away"] = min(abs(sentence_of_quote - sentence_of_speaker), 5) / 5
    f["quote_words"] = math.log1p(len(range(start, end)) / 6) / 4
    f["named_in_full"] = float(mentions > 0)
    f["named_often"] = float(mentions > 2)
    return f


_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us|me|ourselves|myself)\b")
_MARKS = '"“”«»„'
_OPENERS = {"but", "and", "however,", "also,", "still,", "yet", "so", "meanwhile,"}
_ADVERBS = {"also", "then", "further", "again", "repeatedly", "later", "earlier", "once",
            "has", "have", "had", "is", "was", "will", "would", "previously"}  # fmt: skip
_CLAUSE_OPENERS = {"but", "while", "whereas", "although", "though", "and", "because"}
# lower-case words that are never a clause's verb after its subject
_NOT_VERBS = {"of", "for", "and", "or", "the", "a", "an", "in", "on", "at", "to", "from", "with",
              "by", "who", "which", "whose", "that", "as", "s"}  # fmt: skip
_CANDIDATE_REACH = 3  # sentences back to the speaker attributed last


def _verb(word: str) -> str:
    """A crude lemma of a word after a subject ("claimed" -> "claim"); a feature, not output."""
    w = word.lower().strip(',.:;"“”')
    for suffix, new in (("ies", "y"), ("ied", "y"), ("es", ""), ("ed", ""), ("s", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            return w[: -len(suffix)] + new
    return w


def candidates(text: str, sentences: list[tuple[int, int]], found: list[dict],
               resolve: Any, person_between: Any, lex: dict[str, Any]
               ) -> list[tuple[dict, dict[str, float]]]:  # fmt: skip
    """Attributions the rules did not make, proposed for the model to accept or not: for each
    sentence no attribution of ``found`` (this document's rows, in order) covers, the speaker
    attributed last within three sentences (a quotation or a paraphrase that goes on), and the
    speaker phrase that opens the sentence before a lower-case word ("He also claimed ...").

    Args:
        text: the document; sentences: its sentence spans.
        found: the rules' rows for the document; resolve(written, pos): the resolver's name.
        person_between(a, b): whether a person is named between two offsets.
        lex: the quote lexicon.
    """
    out: list[tuple[dict, dict[str, float]]] = []
    spans = [(r["start"], r["end"], r["speaker"]) for r in found]
    for k, (s0, s1) in enumerate(sentences):
        body = text[s0:s1].strip()
        words = word_spans(body)
        if len(words) < 4 or any(max(a, s0) < min(b, s1) for a, b, _ in spans):
            continue
        shared = {"marks": float(any(c in body for c in _MARKS)),
                  "opens_mark": float(body[:1] in _MARKS),
                  "first_person": min(len(_FIRST_PERSON.findall(body)), 3) / 3,
                  "colon": float(":" in body), "question": float("?" in body),
                  "length": min(len(words), 60) / 30}  # fmt: skip
        before = [(a, b, sp) for a, b, sp in spans if b <= s0 and sp]
        if before:
            _, b, speaker = before[-1]
            away = k - next((j for j, (x0, x1) in enumerate(sentences) if x0 <= b <= x1), k)
            if 0 < away <= _CANDIDATE_REACH or (away == 0 and b <= s0):
                f = {"bias": 1.0, "cand=previous": 1.0, **shared,
                     "away": away / _CANDIDATE_REACH,
                     "person_between": float(person_between(b, s0)),
                     "previous_person": float(is_person(speaker, lex))}  # fmt: skip
                out.append((_row(text, s0, s1, speaker, speaker, None, shared), f))
        # each way of reading a clause's first words as subject and verb ("The opposition
        # repeatedly demands", "but Woodhouse feared") is a candidate; the model weighs them
        opens = [0] + [j + 1 for j, (_, _, w) in enumerate(words[:-2])
                       if w.lower() in _CLAUSE_OPENERS or w.endswith(";")]  # fmt: skip
        for c0 in opens:
            if words[c0][2].lower() in _OPENERS:
                c0 += 1
            for i in range(c0 + 1, min(len(words) - 1, c0 + 7)):
                if re.search(r"[,;:\"“”()]", words[i - 1][2]):
                    break  # a subject ends at a comma or a quotation mark
                w = words[i][2]
                if not re.fullmatch(r"[a-z][a-z\-’']*", w) or w in _NOT_VERBS:
                    continue
                at = s0 + (len(text[s0:s1]) - len(text[s0:s1].lstrip())) + words[c0][0]
                written = body[words[c0][0] : words[i - 1][1]]
                got = _subject(written, at, words, i, c0 == 0, shared, resolve, lex)
                if got is not None:
                    speaker, lemma, f = got
                    out.append((_row(text, s0, s1, speaker, written, lemma, shared), f))
    return out


def _subject(written: str, at: int, words: list[tuple[int, int, str]], i: int, opens: bool,
             shared: dict[str, float], resolve: Any, lex: dict[str, Any]
             ) -> tuple[str, str, dict[str, float]] | None:  # fmt: skip
    """A candidate from a clause whose subject is ``written`` and whose verb is ``words[i]``."""
    low = written.lower()
    if low in DETERMINERS or low in {"it", "this", "that", "there", "i"}:
        return None
    speaker = resolve(written, at)
    if not speaker or speaker.lower() in lex["pronouns"] | {"they", "we", "him", "her"}:
        return None
    j = i
    while words[j][2] in _ADVERBS and j + 1 < len(words) - 1:
        j += 1
    verb = words[j][2].strip(",.:;")
    lemma = lex["forms"].get(verb, _verb(verb))
    after = " ".join(x[2] for x in words[j + 1 : j + 4])
    first = written.split()[0]
    f = {"bias": 1.0, "cand=subject": 1.0, **shared, f"verb={lemma}": 1.0,
         "reporting_form": float(verb in lex["forms"]),
         "verb_s": float(verb.endswith("s") and not verb.endswith("ss")),
         "verb_ed": float(verb.endswith("ed")),
         "adverb": float(j > i), "sentence_opens": float(opens),
         "that": float(after.split()[:1] == ["that"]),
         "that_near": float("that" in after.split()),
         "mark_near": float(any(c in after for c in _MARKS) or ":" in after),
         "subject_pronoun": float(low in lex["pronouns"] or low == "they"),
         "subject_determiner": float(first.lower() in DETERMINERS),
         "subject_capital": float(first[:1].isupper() and first.lower() not in DETERMINERS),
         "subject_person": float(is_person(speaker, lex)),
         "subject_organisation": float(is_organisation(written, lex)),
         "subject_role": float(any(x.lower() in lex["role_words"] for x in written.split())),
         "subject_document": float(any(x.lower().strip("s") in lex["documents"] | lex["sources"]
                                       for x in written.split())),
         "subject_resolved": float(speaker != written),
         "subject_words": min(len(written.split()), 6) / 3,
         "subject_possessive": float("'s" in written or "’s" in written),
         "subject_plural_head": float(written.split()[-1].endswith("s")
                                      and written.split()[-1][:1].islower())}  # fmt: skip
    return speaker, lemma, f


def _row(text: str, s0: int, s1: int, speaker: str, written: str, verb: str | None,
         shared: dict[str, float]) -> dict:  # fmt: skip
    body = text[s0:s1]
    a = s0 + len(body) - len(body.lstrip())
    b = s0 + len(body.rstrip())
    return {
        "start": a,
        "end": b,
        "speaker": speaker,
        "speaker_text": written,
        "verb": verb,
        "quote": text[a:b],
        "direct": bool(shared["marks"]),
    }


_STOP = {"the", "a", "an", "of", "for", "and", "to", "in", "on", "'s", "’s", "his", "her", "its"}


def _kind(written: str, rule: str, lex: dict[str, Any]) -> str:
    words = written.split()
    low = written.lower()
    if rule in ("continues", "resumes"):
        return "goes_on"
    if low in lex["pronouns"] or low in {"they", "we"}:
        return "pronoun"
    if words and (words[0].lower() in {"the", "a", "an"} or written[0].islower()):
        return "description"
    return "name" if len(words) >= 2 else "one_word"


def alternatives(*, speaker: str | None, speaker_text: str, rule: str, start: int, end: int,
                 speaker_at: int, mentions: list[Any], previous: str | None,
                 lex: dict[str, Any]) -> list[tuple[str, dict[str, float]]]:  # fmt: skip
    """The people a rules' attribution could name: the rules' own speaker and each full name
    the document gives before the speaker (the six named last), each with features for the
    learned choice between them (how recently and often named, whether the titles around a
    name share words with the speaker as written, whether it is named inside the quotation).

    Args:
        speaker: the rules' resolved speaker (None when they found no one).
        speaker_text, rule, start, end, speaker_at: the attribution (see :func:`features`).
        mentions: the document's :class:`toolkit.speaker_names.Mention` list, in order.
        previous: the speaker of the document's attribution before this one.
        lex: the quote lexicon.
    """
    kind = _kind(speaker_text, rule, lex)
    said = {w.lower().strip(",.’'") for w in speaker_text.split()} - _STOP
    by_name: dict[str, list[Any]] = {}
    for m in mentions:
        by_name.setdefault(m.name, []).append(m)
    last_before = {n: max((m.start for m in ms if m.start < speaker_at), default=None)
                   for n, ms in by_name.items()}  # fmt: skip
    recent = sorted((p, n) for n, p in last_before.items() if p is not None)[::-1][:6]
    names = [n for _, n in recent]
    choice = (speaker or "").lower()
    if speaker and speaker not in names:
        names.append(speaker)
    out = []
    for rank, name in enumerate(names):
        ms = by_name.get(name, [])
        titles = set().union(*(m.titles for m in ms)) if ms else set()
        last = last_before.get(name)
        chosen = name.lower() == choice
        tag = "choice" if chosen else "other"
        f = {"bias": 1.0, f"{tag}&{kind}": 1.0, "chosen": float(chosen),
             "rank": min(rank, 6) / 6 if last is not None else 1.0,
             "first": float(rank == 0 and last is not None),
             "distance": math.log1p(speaker_at - last) / 8 if last is not None else 1.0,
             "mentions": math.log1p(len(ms)) / 2,
             "lead": float(bool(ms) and ms[0].start < 300),
             "surname": float(name.split()[-1].lower() in said),
             "titles_shared": float(bool(said & titles)),
             "in_quote": float(any(start <= m.start < end for m in ms)),
             "named_after": float(any(0 <= m.start - speaker_at < 150 for m in ms)),
             "previous": float(name == previous),
             "person": float(is_person(name, lex)),
             "cue": float(any(m.cue for m in ms))}  # fmt: skip
        out.append((name, f))
    return out


def choose_speaker(row: dict, names: list[str], probs: list[float], threshold: float) -> dict:
    """``row`` with the alternative speaker the choice model rates highest, when it is not the
    rules' own, is rated at ``threshold`` or above and above the rules' own."""
    if not names:
        return row
    best = max(range(len(names)), key=lambda i: (probs[i], -i))
    own = next((probs[i] for i, n in enumerate(names) if n == row["speaker"]), 0.0)
    if names[best] != row["speaker"] and probs[best] >= threshold and probs[best] > own:
        return {**row, "speaker": names[best]}
    return row


# ---------------------------------------------------------------- the rules' attributions


def attributions(corpus: pl.DataFrame) -> list[tuple[dict, dict[str, float], bool, list]]:
    """:func:`toolkit.quotes.quotes`' loop, keeping for each row its check features and its
    alternatives, then each unattributed sentence's candidates (flagged True)."""
    lex = lexicon()
    rows = []
    for doc_id, text in corpus.select("doc_id", "text").iter_rows():
        text = text or ""
        resolver = Resolver(find_mentions(text, lex), lex, {}, text, quote_spans(text))
        sentences = split_document(text)
        starts = [a for a, _ in sentences]
        doc_rows: list[dict] = []
        resolved: dict[int, str] = {}
        for f in _in_doc(text, lex, resolver):
            if f.speaker_at not in resolved:
                resolved[f.speaker_at] = resolver.resolve(f.speaker_text, f.speaker_at)
            speaker = resolved[f.speaker_at]
            if speaker == "I":
                continue
            if speaker.lower() in lex["pronouns"] | {"him", "her"}:
                speaker = None
            if speaker and is_person(speaker, lex):
                resolver.last_person = (f.speaker_at, speaker)
                resolver.last_said = f.start
            elif speaker and is_organisation(f.speaker_text, lex):
                resolver.last_organisation = (f.speaker_at, speaker)
            if not f.direct:
                resolver.reported.append((f.start, f.end))
            feats = {} if speaker is None else features(
                rule=f.rule, verb=f.verb, direct=f.direct, speaker=speaker,
                speaker_text=f.speaker_text, start=f.start, end=f.end, speaker_at=f.speaker_at,
                sentence_of_quote=bisect.bisect_right(starts, f.start) - 1,
                sentence_of_speaker=bisect.bisect_right(starts, f.speaker_at) - 1,
                mentions=resolver.count.get(speaker, 0), lex=lex)  # fmt: skip
            alts = alternatives(speaker=speaker, speaker_text=f.speaker_text, rule=f.rule,
                                start=f.start, end=f.end, speaker_at=f.speaker_at,
                                mentions=resolver.mentions, lex=lex,
                                previous=doc_rows[-1]["speaker"] if doc_rows else None)  # fmt: skip
            doc_rows.append({"doc_id": doc_id, "start": f.start, "end": f.end,
                             "speaker": speaker, "speaker_text": f.speaker_text, "verb": f.verb,
                             "quote": text[f.start : f.end], "direct": f.direct})  # fmt: skip
            rows.append((doc_rows[-1], feats, False, alts))
        for row, feats in candidates(text, sentences, doc_rows, resolver.resolve,
                                     resolver.person_between, lex):  # fmt: skip
            rows.append(({"doc_id": doc_id, **row}, feats, True, []))
    mine = pl.DataFrame([r for r, _, cand, _ in rows if not cand], schema=QUOTES_SCHEMA)
    if not mine.equals(toolkit.quotes(corpus)):
        raise SystemExit("the probe's copy of the rules' loop differs from toolkit.quotes: "
                         "bring attributions() in line with toolkit/quotes.py")  # fmt: skip
    return rows


# ---------------------------------------------------------------- training and folds

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


def ceilings(sets: list[Set]) -> None:
    """What a perfect choice could add: every right candidate emitted, and every right
    alternative chosen (the rules' check left as it is)."""
    print("| set | rules P | rules R | + every right candidate: P | R "
          "| + every right alternative: P | R |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|")
    for s in sets:
        rows, fixed = [], []
        for (r, _, cand, alts), y, ys in zip(s.rows, s.labels, s.alt_labels, strict=True):
            if cand:
                if y == 1:
                    rows.append(r)
                continue
            fixed.append(r)
            if ys and not any(y2 for (n, _), y2 in zip(alts, ys, strict=True)
                              if n == r["speaker"]) and any(ys):  # fmt: skip
                fixed[-1] = {
                    **r,
                    "speaker": next(n for (n, _), y2 in zip(alts, ys, strict=True) if y2),
                }
        cells = [_fmt(*s.score()[:4])]
        for extra in ([*[r for r, _, c, _ in s.rows if not c], *rows], fixed):
            found = pl.DataFrame(extra, schema=QUOTES_SCHEMA)
            cells.append(_fmt(*evaluate(s.items, found, s.spans)[:4]))
        print(f"| {s.name} | " + " | ".join(cells) + " |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, action="append", required=True,
                    help="a labels.jsonl (give each set once)")  # fmt: skip
    ap.add_argument("--cv", action="store_true", help="leave-one-set-out cross-validation")
    ap.add_argument("--sentence-probe", action="store_true",
                    help="with --cv: add a sentence-encoder feature")  # fmt: skip
    ap.add_argument("--ceilings", action="store_true", help="what a perfect choice could add")
    args = ap.parse_args()
    sets = [Set(p) for p in args.labels]
    if args.ceilings:
        ceilings(sets)
    if args.sentence_probe:
        encode_sentences(sets)
    if args.cv:
        cross_validate(sets, args.sentence_probe)


if __name__ == "__main__":
    main()
