"""How an attribution's frame gives its speaker, the ``speaker_kind`` column of
:func:`toolkit.quotes`.

- ``name``: the frame names the speaker: a capitalised word that is no title, role,
  determiner or common word, nor an adjective before a noun ("Vladimir Putin", "Mr. Kerry",
  "President Lukashenko", "Xinhua"; not "the Belarusian leader");
- ``pronoun``: "he", "she", "they", "I", "we", ... resolved along the document;
- ``description``: a role or other noun phrase ("the Belarusian leader", "officials", "the
  report", "An Arab official"), resolved where the document names whom it describes;
- ``continued``: a quotation with no frame of its own that goes on from one attributed just
  before, whose speaker it takes;
- ``tagged``: a sentence no rule read a frame in, whose speaker the learned tagger marked
  (:mod:`toolkit.quote_fallback`).

Measured on the held-out sets (``benchmarks/README.md``, "Quote attribution"), the kinds differ
in precision: named speakers are right far more often than described ones, so a study can keep
``speaker_kind == "name"`` where precision matters more than coverage.

    >>> from toolkit.speakers import lexicon
    >>> speaker_kind("President Vladimir Putin", lexicon())
    'name'
    >>> speaker_kind("the Belarusian leader", lexicon())
    'description'
    >>> speaker_kind("The Ukrainian President", lexicon())
    'description'
"""

from __future__ import annotations

import re
from typing import Any

import polars as pl

from toolkit.errors import DataError
from toolkit.groups import group_sizes, with_groups
from toolkit.speakers import DETERMINERS, QUANTIFIERS, month_surname
from toolkit.stats import MIN_GROUP_DOCS, N_BOOT, SEED, ratio_by_group
from toolkit.tokens import language_stop_words

__all__ = ["KINDS", "kinds_by_group", "speaker_kind"]

KINDS = ("name", "pronoun", "description", "continued", "tagged")
_PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "his", "her", "their"}
_EDGES = ",.;:’'\"“”()[]"


# per lexicon (held, so that its id is not reused): the words whose capital says nothing, and one
# pattern for the roles of several words, longest first
_PREPARED: dict[int, tuple[dict[str, Any], frozenset[str], re.Pattern[str] | None]] = {}


def _prepared(lex: dict[str, Any]) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """Words whose capital says nothing (roles, titles, determiners and English stop words),
    and the roles of several words as one pattern ("The First Lady"), made once a lexicon."""
    held = _PREPARED.get(id(lex))
    if held is None or held[0] is not lex:
        roles = frozenset(lex["roles"])
        common = (roles | frozenset(lex["title_words"]) | frozenset(lex["role_initialisms"])
                  | DETERMINERS | QUANTIFIERS | language_stop_words("en"))  # fmt: skip
        several = sorted((r for r in roles if " " in r), key=len, reverse=True)
        pattern = (
            re.compile(rf"(?i)\s(?:{'|'.join(map(re.escape, several))})(?=\s)") if several else None
        )
        held = _PREPARED[id(lex)] = (lex, common, pattern)
    return held[1], held[2]


def speaker_kind(speaker_text: str, lex: dict[str, Any], *, continued: bool = False) -> str:
    """One of :data:`KINDS` for a frame's speaker as written (``continued``: a quotation with
    no frame of its own that continues the one before)."""
    if continued:
        return "continued"
    if speaker_text.strip().lower() in _PRONOUNS:
        return "pronoun"
    common, several = _prepared(lex)
    offices = lex["offices"]
    text = f" {speaker_text} "
    # a role of several words ("The First Lady") leaves a lower-case word in its place, so a
    # capitalised adjective before it stays an adjective ("Russian top diplomat")
    while several and (cut := several.sub(" role ", text)) != text:
        text = cut  # (again: a role the removal of another brings together)
    words = [w.strip(_EDGES).removesuffix("’s").removesuffix("'s").rstrip(".")
             for w in text.split()]  # fmt: skip
    for i, core in enumerate(words):
        low = core.lower()
        # "US", "TASS": no stop word "us"; but "PM" is a role
        acronym = len(core) > 1 and core.isupper() and low not in lex["role_initialisms"]
        # (a month last is a surname: "Mrs. May", "May")
        month = i == len(words) - 1 and month_surname(None, core)
        if not core[:1].isupper() or (
            not acronym and not month and (low in common or low.removesuffix("s") in common)
        ):
            continue
        if i + 1 < len(words) and (
            words[i + 1][:1].islower()
            or words[i + 1].lower() in lex["role_initialisms"]
            or (i > 0 and words[i - 1].lower() in DETERMINERS and words[i + 1].lower() in offices)
        ):
            continue  # an adjective before a noun: "the Belarusian leader", "An Arab official",
            # "Slovak PM", "the Ukrainian President" (an office; not "the European Union",
            # "Xinhua Director Li")
        return "name"
    return "description"


def kinds_by_group(
    found: pl.DataFrame,
    docs: pl.DataFrame,
    *,
    by: str = "outlet",
    min_group_docs: int = MIN_GROUP_DOCS,
    seed: int = SEED,
    n_boot: int = N_BOOT,
) -> pl.DataFrame:
    """How each group's attributions give their speakers: attributions of each kind (a column
    per kind of :data:`KINDS`), ``attributions`` in all, and ``named`` the share whose frame
    names the speaker, with a 95% interval from resampling the group's documents (``ci_low``,
    ``ci_high``; none from one document), with the group's n and ``small_n``. A group whose
    attributions are mostly pronouns and descriptions is read less surely than one whose
    speakers are named (``benchmarks/README.md``, "Quote attribution")."""
    if "speaker_kind" not in found.columns:
        raise DataError("kinds_by_group needs the speaker_kind column of toolkit.quotes(); this "
                        "table has none (a quotes table saved by an older version?): run "
                        "toolkit.quotes() on the corpus again")  # fmt: skip
    groups = with_groups(docs, by).select("doc_id", "group")
    per_doc = (
        groups.join(found.select("doc_id", "speaker_kind"), on="doc_id", how="left")
        .group_by("group", "doc_id")
        .agg(
            named=(pl.col("speaker_kind") == "name").sum().cast(pl.Int64),
            attributions=pl.col("speaker_kind").is_not_null().sum().cast(pl.Int64),
            **{k: (pl.col("speaker_kind") == k).sum().cast(pl.Int64) for k in KINDS},
        )
    )
    intervals = ratio_by_group(per_doc, "named", "attributions", name="named", seed=seed,
                               n_boot=n_boot)  # fmt: skip
    return (
        per_doc.group_by("group")
        .agg(pl.col(*KINDS, "attributions").sum())
        .join(intervals, on="group", how="left")
        .join(group_sizes(docs, by=by, min_group_docs=min_group_docs), on="group")
        .sort("group")
    )
