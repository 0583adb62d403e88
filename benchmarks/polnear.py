"""Speaker-tagging examples from PolNeAR, a public corpus of attribution in news (Newell, Margolin
and Ruths, LREC 2018: 1,008 articles of 7 US publishers from the 2016 campaign, 24,000
attributions marked by trained annotators as source, cue and content).

Truth comes from the corpus's annotators, not from this project. An attribution counts as
someone's words when its cue is a reporting cue by :func:`toolkit.quote_tagger.may_report` or a
colon ('Trump: "..."'); its source is then the speaker as written. Attributions of other states
("wants", "seemed", "declined") are not speech: a sentence whose only sources are theirs is left
out (neither speaker nor not). Each sentence (:func:`toolkit.quote_spans.sentences`) that holds a
speech source is an example with those sources marked; a sentence that holds no source and
passes the tagger's screen is an example with none (the tagger reads only such sentences).
An article annotated by several annotators is read from its first annotator's file.

PolNeAR is not in the repository (its articles are the publishers' text, and the corpus names no
licence): mirror github.com/networkdynamics/PolNeAR and pass its folder, e.g.
``python scripts/train_speaker_tagger.py --polnear /work/data/polnear``, and
``benchmarks/bench_quotes_polnear.py`` measures attribution on it.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from toolkit.quote_spans import sentences
from toolkit.quote_tagger import may_report

__all__ = ["articles", "examples", "speech"]

_SPAN = re.compile(r"^(T\d+)\t(\w+) ([\d; ]+)\t")
_EVENT = re.compile(r"^E\d+\t(.*)$")


def articles(root: Path, compartment: str) -> list[tuple[str, str, list[dict]]]:
    """Each article of a compartment (train, dev, test): its name, its text and its
    attributions, each ``{"source", "cue_at", "content"}`` (lists of ``(start, end)``: a span
    may be in parts; an attribution with no source has none) and ``cue`` (its text)."""
    folder = Path(root) / "data" / compartment
    files = sorted((folder / "attributions").glob("*.ann"))
    if not files:
        raise SystemExit(
            f"{folder / 'attributions'}: no PolNeAR annotation files (.ann) here; "
            "pass the folder of a copy of github.com/networkdynamics/PolNeAR"
        )
    out, seen = [], set()
    for ann in files:
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        source = folder / "text" / f"{name}.txt"
        if not source.is_file():
            raise SystemExit(f"{ann}: its article {source} is missing; the copy is incomplete")
        text = source.read_text(encoding="utf-8")
        spans, found = {}, []
        for line in ann.read_text(encoding="utf-8").splitlines():
            if m := _SPAN.match(line):
                parts = [tuple(map(int, p.split())) for p in m.group(3).split(";")]
                spans[m.group(1)] = (m.group(2), parts)
            elif m := _EVENT.match(line):
                roles = dict(r.split(":", 1) for r in m.group(1).split())
                cue_at = spans.get(roles.get("Cue"), ("", []))[1]
                found.append({
                    "source": spans.get(roles.get("Source"), ("", []))[1],
                    "cue": " ".join(text[a:b] for a, b in cue_at),
                    "cue_at": cue_at,
                    "content": spans.get(roles.get("Content"), ("", []))[1],
                })  # fmt: skip
        out.append((name, text, found))
    return out


def speech(cue: str) -> bool:
    """Whether a cue gives someone's words (a reporting cue or a colon), not a state."""
    return may_report(cue) or cue.strip() == ":"


def _named(text: str, a: int, b: int) -> tuple[int, int]:
    """A source less the apposition after its first comma ("Sen. Ted Cruz, R-Texas," and
    "Malkia Cyril, the executive director at ...," are marked as "Sen. Ted Cruz" and "Malkia
    Cyril", as the speakers as written of the quote sets are)."""
    head = text[a:b].split(",", 1)[0].rstrip()
    return (a, a + len(head)) if head.strip() else (a, b)


def examples(root: Path, compartment: str, *, negatives: float = 0.5, seed: int = 0) -> list[dict]:
    """The compartment's sentences as tagger examples (``sentence``, ``spans``: the speakers'
    character spans in it), with a seeded sample of ``negatives`` (a share of the number of
    sentences with speakers) of the screened sentences without a source."""
    pos, neg = [], []
    for name, text, found in articles(root, compartment):
        spoken = [_named(text, *p) for a in found if speech(a["cue"]) for p in a["source"]]
        other = [p for a in found if not speech(a["cue"]) for p in a["source"]]
        for k, (s, e) in enumerate(sentences(text)):
            marks = sorted({(a - s, b - s) for a, b in spoken if s <= a and b <= e})
            sourced = any(s < b and a < e for a, b in [*other, *spoken])
            if marks:
                pos.append({"id": f"{name}#{k}", "sentence": text[s:e], "spans": marks})
            elif not sourced and may_report(text[s:e]) and len(text[s:e].split()) >= 4:
                neg.append({"id": f"{name}#{k}", "sentence": text[s:e], "spans": []})
    rng = random.Random(seed)
    rng.shuffle(neg)
    return pos + neg[: int(len(pos) * negatives)]
