"""A learned check on each attribution the rules make: how likely its speaker is right.

The rules of :mod:`toolkit.quotes` read frames and resolve speakers; on documents they were not
written from, about one speaker in seven is wrong (a group resolved to one person, a role left
as written where the text names the person, a name cut from an institution). This module
describes each attribution by a few general features (which reading found it, the verb, what
kind of phrase the speaker is, how far and across how many sentences it was resolved, the
quotation's length) and scores it with a logistic regression trained on the labelled
quotations (``benchmarks/train_quotes_model.py`` rebuilds the weights, seeded and
byte-identical, from the label files). The weights hold coefficients only, no text.

Example:
    >>> model = load()
    >>> model.keeps({"bias": 1.0, "rule=after": 1.0, "verb=say": 1.0, "kind=name": 1.0})
    True
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from toolkit.errors import ToolkitError
from toolkit.speakers import DETERMINERS, is_organisation, is_person, word_spans

__all__ = ["WEIGHTS", "Model", "candidates", "features", "load"]

WEIGHTS = Path(__file__).parent / "data" / "quote_model.yaml"

_CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")


def features(*, rule: str, verb: str | None, direct: bool, speaker: str, speaker_text: str,
             start: int, end: int, speaker_at: int, sentence_of_quote: int,
             sentence_of_speaker: int, mentions: int, lex: dict[str, Any]) -> dict[str, float]:  # fmt: skip
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
    f["plural"] = float(" and " in f" {lower} " or bool(re.search(r"[^s]s$", lower)) and
                        not caps)  # fmt: skip
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
_MARKS = "\"“”«»„"
_OPENERS = {"but", "and", "however,", "also,", "still,", "yet", "so", "meanwhile,"}
_ADVERBS = {"also", "then", "further", "again", "repeatedly", "later", "earlier", "once",
            "has", "have", "had", "is", "was", "will", "would", "had", "previously"}  # fmt: skip
_CLAUSE_OPENERS = {"but", "while", "whereas", "although", "though", "and", "because"}
# lower-case words that are never a clause's verb after its subject
_NOT_VERBS = {"of", "for", "and", "or", "the", "a", "an", "in", "on", "at", "to", "from", "with",
              "by", "who", "which", "whose", "that", "as", "s"}  # fmt: skip
_CANDIDATE_REACH = 3  # sentences back to the speaker attributed last


def _verb(word: str) -> str:
    """A crude lemma of a word after a subject ("claimed" -> "claim"); a feature, not output."""
    w = word.lower().strip(",.:;\"“”")
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
            a, b, speaker = before[-1]
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
    return {"start": a, "end": b, "speaker": speaker, "speaker_text": written, "verb": verb,
            "quote": text[a:b], "direct": bool(shared["marks"])}


class ModelError(ToolkitError):
    """The quote model's weights file is missing or does not match this code."""


@dataclass(frozen=True)
class Model:
    """Two logistic regressions over named features: ``check`` scores the speaker of an
    attribution the rules made (withheld below ``check_threshold``), ``recall`` a candidate
    of :func:`candidates` (emitted at ``recall_threshold`` and above)."""

    check: dict[str, float]
    check_threshold: float
    recall: dict[str, float]
    recall_threshold: float

    @staticmethod
    def probability(coef: dict[str, float], feats: dict[str, float]) -> float:
        """The logistic regression's probability for these features."""
        z = sum(coef.get(name, 0.0) * value for name, value in feats.items())
        return 1.0 / (1.0 + math.exp(-z))

    def keeps(self, feats: dict[str, float]) -> bool:
        """Whether the speaker of a rules' attribution is kept."""
        return self.probability(self.check, feats) >= self.check_threshold

    def accepts(self, feats: dict[str, float]) -> bool:
        """Whether a candidate attribution is emitted."""
        return self.probability(self.recall, feats) >= self.recall_threshold


_PARTS = ("check", "check_threshold", "recall", "recall_threshold")


def digest(model: Model) -> str:
    """A checksum of the weights, stored with them so that an edited file is caught."""
    body = repr([sorted(v.items()) if isinstance(v, dict) else v
                 for v in (getattr(model, p) for p in _PARTS)]).encode()  # fmt: skip
    return hashlib.sha256(body).hexdigest()[:16]


def load(path: Path = WEIGHTS) -> Model:
    """The model stored in ``path`` (``toolkit/data/quote_model.yaml``).

    Raises:
        ModelError: when the file is missing, unreadable or its checksum does not match.
    """
    rebuild = "rebuild it with `python benchmarks/train_quotes_model.py --write`"
    if not path.is_file():
        raise ModelError(f"{path} is missing; {rebuild}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        model = Model(
            check={str(k): float(v) for k, v in data["check"].items()},
            check_threshold=float(data["check_threshold"]),
            recall={str(k): float(v) for k, v in data["recall"].items()},
            recall_threshold=float(data["recall_threshold"]),
        )
        stored = str(data["digest"])
    except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as e:
        raise ModelError(f"{path} is not a quote model ({e}); {rebuild}") from e
    if stored != digest(model):
        raise ModelError(f"{path}: its checksum does not match its weights (edited by hand?); "
                         f"{rebuild}")  # fmt: skip
    return model


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
