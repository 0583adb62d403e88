"""Quote attribution: who said what, with which verb, where in the text.

Rules over the forms news agencies use, not a list of speakers:

- direct quotes with a frame after them ('"...," X said', '"...", said X', '"...", the
  Belarusian leader said', '"...," Dieter Graumann, head of ..., said') or before them
  ('X said: "..."', 'X noted that "..."', 'X noted that [a clause], "..."', 'X responded by
  saying: "..."'); a quotation that ends its sentence or paragraph ('..."' then a new
  sentence) takes no frame after it;
- a quotation that continues one just attributed ('"...," Teng said. "The government ..."',
  also after an adverbial that ends the frame's sentence: '... said on television Monday.
  "..."') keeps its speaker, with no verb;
- reported speech: 'X stressed that ...' (the clause at the first "that"; 'that, as ...';
  after a long prepositional phrase; not a relative clause: 'mentioned an exhibition that had
  been opened'), 'X said the talks ...', '..., X said (on Thursday).' (not with an object
  after the verb, nor a frame that ends in a comma), 'According to X, ...'.

Sentences glued in the source ("said.If") are split, and a closing mark used to open a
quotation ("2021.\u201dWe ...") is read as one. Speakers (names, surnames, roles, pronouns) are
found and resolved within each document by :mod:`toolkit.speakers`: "the Belarusian leader"
becomes the one person the document gives that title, "he" the person mentioned last, "the
ministry" the one ministry the document names and "it" the institution quoted last. An
optional alias table (``aliases``, e.g. ``toolkit/lexicons/attribution.yaml``'s
``speakers``) maps resolved names to one canonical name. Verbs, role words and titles are in
``toolkit/lexicons/quotes.yaml``.

Example:
    >>> import polars as pl
    >>> corpus = pl.DataFrame({"doc_id": ["a"], "text": [
    ...     "Belarusian President Aleksandr Lukashenko met the delegation. "
    ...     "\\u201cWe are brothers,\\u201d the Belarusian leader said."]})
    >>> quotes(corpus).select("speaker", "speaker_text", "verb", "quote").row(0)
    ('Aleksandr Lukashenko', 'the Belarusian leader', 'say', 'We are brothers,')
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import polars as pl

from toolkit.errors import DataError
from toolkit.groups import group_sizes, with_groups
from toolkit.segment import split_sentences
from toolkit.speakers import (
    UPPER,
    Resolver,
    find_mentions,
    is_organisation,
    is_person,
    lexicon,
    speaker_phrase,
    word_spans,
)

__all__ = ["QUOTES_SCHEMA", "by_group", "quote_share", "quotes"]

QUOTES_SCHEMA = {"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "speaker": pl.String,
                 "speaker_text": pl.String, "verb": pl.String, "quote": pl.String,
                 "direct": pl.Boolean}  # fmt: skip

_OPEN, _CLOSE = "“«", "”»"
_ADVERB = re.compile(
    r"^(?:\w+ly|also|then|later|again|once|further|however|has|have|had|would|will)$", re.I
)
# a sentence end glued to the next sentence: a lower-case word's full stop, then a capital or a
# quotation mark with no space ("said.If", "Israel.”Prisoner"); not "U.S.A." or "Amazon.com"
_GLUED = re.compile(r"(?<=[a-z\d)][.!?])[”\"]?(?=[“\"]?[A-Z])")
# a clause right after "said" or "added", not a phrase ("said in", "said nothing")
_BARE_CLAUSE = re.compile(
    r"\s+(?!(?:in|on|at|to|after|before|during|with|by|for|of|so|nothing|it|this|yes|no)\b)"
    r"([a-z][^\"“”]{15,}?)[.!?]?$"
)

# the content clause after a reporting verb, at the first "that": "said (to reporters) that, ...",
# "said that it was an issue that could ..."; and after a long
# prepositional phrase ("emphasized at a function held by ... in Beijing late last year that")
_THAT = re.compile(r"(\s+[^,.;:\"“”]{0,50}?)??\s+that,?\s+(.{8,}?)[.!?]?[\"”]?$")
_ADJUNCT = (r"(?:in|on|at|during|after|before|while|with|to|from|for|via|late|earlier|later|"
            r"last|this|yesterday|today|tomorrow|\w+ly)\b")  # fmt: skip
_PP_THAT = re.compile(rf"(\s+{_ADJUNCT}[^.;:\"“”]{{0,150}}?)\s+that,?\s+(.{{8,}}?)[.!?]?[\"”]?$")
# "that" opening a relative clause: a verb right after it
_RELATIVE = re.compile(
    r"(?:is|was|are|were|has|had|have|will|would|could|can|may|might|should|did|does|do)\b"
)
# an appositive between a speaker and the verb: "Dieter Graumann, head of the Central Council
# of Jews, said", "Mr. Herzog, 54, said"
_APPOSITIVE = re.compile(r",\s+((?:the |a |an |\d)?[\w’'\-]+)[^,\"“”«»;:!?()]{0,90}?,\s*$")


def _without_appositive(head: str, lex: dict) -> str:
    """The words before a verb without an appositive that ends them: a noun phrase that starts
    with a determiner, an age or a role word, not a clause ("..., they are not ..., said X")."""
    m = _APPOSITIVE.search(head)
    if m is None:
        return head
    first = m.group(1)
    opens = re.match(r"(?:the|a|an) |\d", first) or first.lower() in lex["role_words"]
    return head[: m.start()] if opens else head


# ---------------------------------------------------------------- spans


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation's content: curly and angle quotes paired, straight ones
    taken in turns within a paragraph; one left open runs to the end of its paragraph."""
    spans = []
    pos = 0
    for para in text.split("\n"):
        opened = None
        straight = None
        for i, ch in enumerate(para):
            if ch in _CLOSE and opened is None and para[i + 1 : i + 2].isalpha():
                opened = i  # a closing mark used to open ("2021.”We will ...”")
            elif ch in _OPEN and opened is None:
                opened = i
            elif ch in _CLOSE and opened is not None:
                spans.append((pos + opened + 1, pos + i))
                opened = None
            elif ch == '"' and opened is None:
                if straight is None:
                    straight = i
                else:
                    spans.append((pos + straight + 1, pos + i))
                    straight = None
        for left in (opened, straight):
            if left is not None and len(para) - left > 20:
                spans.append((pos + left + 1, pos + len(para)))
        pos += len(para) + 1
    return sorted(s for s in spans if text[s[0] : s[1]].strip())


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, also where the source glued two together with no space
    ("...officials said.If confirmed", "...of Israel.”Prisoner X")."""
    spans, pos = [], 0
    for para in text.split("\n"):
        cursor = 0
        for s in split_sentences(para):
            at = para.find(s, cursor)
            if at < 0:
                continue
            cut = at
            for g in _GLUED.finditer(s):
                spans.append((pos + cut, pos + at + g.end()))
                cut = at + g.end()
            spans.append((pos + cut, pos + at + len(s)))
            cursor = at + len(s)
        pos += len(para) + 1
    return spans


@dataclass
class _Found:
    start: int
    end: int
    speaker_text: str
    speaker_at: int
    verb: str | None
    direct: bool
    frame_end: int


def _lemma(form: str, lex: dict) -> str:
    return lex["forms"][re.sub(r"\s+", " ", form.lower())]


def _after_frame(text: str, close: int, limit: int, lex: dict) -> tuple[int, int, str, int] | None:
    """'"...," X said' or '"...", said X' right after a closing quotation mark: the speaker's
    span, the verb's lemma and where the frame ends."""
    tail = text[close:limit]
    lead = re.match(r"[\s,—–-]*", tail).end()
    if "\n" in tail[:lead] or text[close - 2 : close - 1] == ".":
        return None  # a quotation that ends its sentence or paragraph has no frame after it
    for m in lex["verb"].finditer(tail, lead, min(len(tail), lead + 120)):
        lemma = _lemma(m.group(), lex)
        before = _without_appositive(tail[lead : m.start()], lex)
        words = word_spans(before)
        if words and _ADVERB.match(words[-1][2]):
            words = words[:-1]
        got = speaker_phrase(words, lex) if words else None
        stops = [w for _, _, w in words if re.search(r"[.!?]$", w) and w not in lex["titles"]
                 and not re.fullmatch(rf"[{UPPER}]\.", w)]  # fmt: skip
        if got and got[0] == 0 and not stops and not re.search(r"[!?]|\.\s*$", before):
            s, e = lead + words[0][0], lead + words[got[1] - 1][1]
            return close + s, close + e, lemma, close + m.end()
        if not before.strip() and lemma not in ("tell", "read"):  # inverted: said X
            who = _inverted(text, close + m.end(), limit, lex)
            if who:
                return who[0], who[1], lemma, who[1]
        break
    return None


def _before_frame(head: str, lex: dict) -> tuple[int, int, str] | None:
    """'X said: "...' or 'X noted that "...': the speaker's span and the verb's lemma."""
    m = re.search(r"(?:[:,]|\bthat|\bin part[:,]?)\s*$", head)
    if not m:
        return None
    verbs = list(lex["verb"].finditer(head))
    if not verbs:
        return None
    v = verbs[-1]
    if (len(verbs) > 1 and v.group().lower().endswith("ing")
            and re.search(r"(?:\bby|,)\s*$", head[: v.start()])
            and not re.search(r"[.!?;\"“”«»]", head[verbs[-2].end() : v.start()])):  # fmt: skip
        v = verbs[-2]  # "X responded to them by saying: ...": the subject of the verb before
        between = ""
    else:
        between = head[v.end() : m.start()]
    reported = re.match(r"\s+that\s", between) and len(between.split()) <= 40
    if re.search(r"[.!?;\"“”«»]", between) or (len(between.split()) > 6 and not reported):
        return None  # a frame, or "X noted that [a clause], “...”" (the quotation goes on)
    if re.match(r"\s*(?:to|on|at|in)\s*$", between) and not m.group().startswith(":"):
        return None
    words = word_spans(_without_appositive(head[: v.start()], lex))
    if words and _ADVERB.match(words[-1][2]):
        words = words[:-1]
    got = speaker_phrase(words, lex)
    if not got or _after_preposition(words, got[0]):
        return None
    return words[got[0]][0], words[got[1] - 1][1], _lemma(v.group(), lex)


_PREPOSITION = re.compile(
    r"^(?:in|of|from|at|for|with|by|to|on|about|against|between|among|"
    r"into|over|under|without|than|like|and|or)$",
    re.I,
)


def _after_preposition(words: list[tuple[int, int, str]], first: int) -> bool:
    """Whether the speaker phrase starting at ``words[first]`` is the object of a preposition
    or the second of a pair ("reports here and in Australia suggested"): then it is no subject."""
    return first > 0 and _PREPOSITION.match(words[first - 1][2]) is not None


def _inverted(text: str, at: int, limit: int, lex: dict) -> tuple[int, int] | None:
    """The speaker right after an inverted verb ('..., said X, the ...'), up to a comma or a
    stop; None when the words there are no speaker phrase."""
    after = word_spans(text[at:limit][:80])
    ends = [i for i, (_, _, w) in enumerate(after) if re.search(r"[,.;:!?]$", w)
            and w not in lex["titles"] and not re.fullmatch(rf"[{UPPER}]\.", w)]  # fmt: skip
    cut = ends[0] if ends else None
    words = after[: cut + 1] if cut is not None else after[:4]
    if not words:
        return None
    last = words[-1]
    words[-1] = (last[0], last[1] - (re.search(r"[,.;:!?]$", last[2]) is not None),
                 re.sub(r"[,.;:!?]$", "", last[2]))  # fmt: skip
    got = speaker_phrase(words, lex)
    if got and got[0] == 0 and got[1] == len(words) and words[0][2]:
        return at + words[0][0], at + words[-1][1]
    return None


def _is_speaker(phrase: str, lex: dict) -> bool:
    words = word_spans(phrase)
    if len(words) == 1 and words[0][2].lower() in ("him", "her"):
        return True
    got = speaker_phrase(words, lex)
    return bool(got and got[0] == 0)


def _inverted_report(text: str, s0: int, s1: int, v: re.Match, lemma: str, lex: dict):
    """'..., said Natalia Eismont, spokeswoman of the Belarusian leader.': the clause before the
    verb, and the speaker after it, who ends the sentence or takes an appositive."""
    head = re.match(r"^(.{12,}?),\s*$", text[s0 : s0 + v.start()])
    if head is None or lemma in ("tell", "read"):
        return None
    who = _inverted(text, s0 + v.end(), s1, lex)
    rest = text[who[1] : s1] if who else ""
    if who and (not rest.strip(" .") or re.match(r",\s+(?:the |a |an |who |\w+ of )", rest)):
        return s0 + head.start(1), s0 + head.end(1), who, lemma
    return None


def _reported(text: str, s0: int, s1: int, direct: list[tuple[int, int]], lex: dict):
    """Reported speech in the sentence text[s0:s1]: (start, end, speaker span, lemma)."""
    sentence = text[s0:s1]
    out = []
    for m, quote, who in (
        (re.match(r"\s*According to ([^,]{2,80}),\s*(.+?)[.]?$", sentence), 2, 1),
        (re.search(r"^(.{12,}?),\s+according to ([^,.]{2,80})\.?$", sentence), 1, 2),
    ):
        if m and _is_speaker(m.group(who), lex):  # "according to the data" is no speaker
            out.append((s0 + m.start(quote), s0 + m.end(quote),
                        (s0 + m.start(who), s0 + m.end(who)), "according to"))  # fmt: skip
    for v in lex["verb"].finditer(sentence):
        at = s0 + v.start()
        if any(a <= at < b for a, b in direct):
            continue
        lemma = _lemma(v.group(), lex)
        words = word_spans(_without_appositive(sentence[: v.start()], lex))
        if words and _ADVERB.match(words[-1][2]):
            words = words[:-1]
        got = speaker_phrase(words, lex)
        if not got:
            inverted = _inverted_report(text, s0, s1, v, lemma, lex)
            if inverted:
                out.append(inverted)
            continue
        if _after_preposition(words, got[0]):
            continue
        speaker = (s0 + words[got[0]][0], s0 + words[got[1] - 1][1])
        rest = sentence[v.end() :]
        clause = re.match(_THAT, rest) or re.match(_PP_THAT, rest)
        if clause and lex["verb"].search(clause.group(1) or ""):
            continue  # "News reports here ... have suggested that": the noun, not the verb
        if clause and (clause.group(1) or "").strip() and _RELATIVE.match(clause.group(2)):
            clause = None  # "mentioned an exhibition that had been opened": a relative clause
        if clause is None and lemma in ("say", "add"):
            clause = _BARE_CLAUSE.match(rest)  # "X said the talks went well"
            clause = clause and re.match(r"()\s+(.+)", rest[: clause.end(1)])
        if clause is not None:
            out.append(
                (s0 + v.end() + clause.start(2), s0 + v.end() + clause.end(2), speaker, lemma)
            )
            continue
        aside = re.match(r",\s+([^\"“”«»].{14,}?)[.!?]?$", rest)  # "However, X noted, the ..."
        if aside and re.search(r"(?:^|,)\s*$", sentence[: speaker[0] - s0]):
            out.append((s0 + v.end() + aside.start(1), s0 + v.end() + aside.end(1), speaker, lemma))
            continue
        head = sentence[: speaker[0] - s0]
        tail = re.match(r"^(.{12,}?),\s*$", head)
        n_rest = len(rest.split())
        adjunct = (re.match(r"[\s.]*$", rest) or (lemma == "tell" and n_rest <= 8)
                   or (re.match(rf"\s+{_ADJUNCT}", rest) and n_rest <= 15))  # fmt: skip
        if (tail and adjunct and "that" not in rest.split() and not re.search(r"[\"“”«»]", rest)
                and not re.search(r"[,:]\s*$", sentence)):  # fmt: skip
            # "..., X said on Thursday."; a frame that ends in a comma or colon introduces
            # what follows ("On this occasion, the Head of State emphasised,")
            out.append((s0 + tail.start(1), s0 + tail.end(1), speaker, lemma))
    return out


def _continues(gap: str, lex: dict) -> bool:
    """Whether a quotation goes on the one attributed before it, given the text between that
    one's frame and it: nothing, or the rest of the frame's sentence ('..., Mr. Herzog said on
    Israeli television Monday evening. “The choice ...'), with no verb of its own."""
    rest = gap.strip(' \n.,;:"“”«»')
    if not rest:
        return True
    short = len(rest.split()) <= 8 and "\n" not in gap and gap.rstrip().endswith(".")
    return short and not lex["verb"].search(rest) and not re.search(r"[a-z]ed\b|[\"“”«»]", rest)


def _in_doc(text: str, lex: dict, resolver: Resolver) -> list[_Found]:
    found: list[_Found] = []
    sentences = _sentences(text)
    spans = _quote_spans(text)
    starts = [a for a, _ in sentences]
    ends = sorted(e for _, e in spans)
    previous: _Found | None = None
    for start, end in spans:
        close = end + 1 if end < len(text) else end
        k = bisect.bisect_right(starts, start - 1) - 1
        sent = sentences[k] if k >= 0 and start - 1 < sentences[k][1] else (0, len(text))
        after = _after_frame(text, close, min(len(text), close + 200), lex)
        j = bisect.bisect_left(ends, start) - 1  # the quotation closed last before this one
        head_from = max(sent[0], ends[j] + 1 if j >= 0 else 0)
        before = _before_frame(text[head_from : start - 1], lex)
        if after:
            f = _Found(start, end, text[after[0] : after[1]], after[0], after[2], True, after[3])
        elif before:
            s, e, lemma = before
            f = _Found(start, end, text[head_from + s : head_from + e], head_from + s, lemma,
                       True, end)  # fmt: skip
        elif previous and _continues(text[previous.frame_end : start - 1], lex):
            f = _Found(start, end, previous.speaker_text, previous.speaker_at, None, True, close)
        else:
            previous = None
            continue
        found.append(f)
        previous = f
    direct = [(f.start, f.end) for f in found]
    for s0, s1 in sentences:
        if any(a <= s0 and s1 <= b + 1 for a, b in direct):
            continue
        for a, b, (p0, p1), lemma in _reported(text, s0, s1, direct, lex):
            quote = text[a:b].strip()
            if len(quote.split()) < 3 or any(max(a, x) < min(b, y) for x, y in direct):
                continue
            found.append(_Found(a, b, text[p0:p1], p0, lemma, False, b))
    return sorted(found, key=lambda f: (f.start, f.end))


def quotes(corpus: pl.DataFrame, *, aliases: dict[str, list[str]] | None = None) -> pl.DataFrame:
    """One row per attribution in each document's ``text``.

    Args:
        corpus: a frame with ``doc_id`` and ``text`` (the corpus table, or units of it).
        aliases: optional canonical name -> the ways the text names that speaker (as
            ``toolkit/lexicons/attribution.yaml``'s ``speakers``); resolved speakers found among
            them take the canonical name.

    Returns:
        ``doc_id``, ``start`` and ``end`` (character offsets of the quote in the row's
        ``text``), ``speaker`` (resolved full name or organisation, else as written),
        ``speaker_text`` (as written), ``verb`` (lemma; null for a quotation that continues one
        just attributed), ``quote`` and ``direct`` (inside quotation marks).
    """
    missing = {"doc_id", "text"} - set(corpus.columns)
    if missing:
        raise DataError(f"quotes need the columns {', '.join(sorted(missing))}; the frame has "
                        f"{', '.join(corpus.columns)}")  # fmt: skip
    lex = lexicon()
    alias = {str(f).lower(): str(k) for k, forms in (aliases or {}).items() for f in [k, *forms]}
    rows = []
    for doc_id, text in corpus.select("doc_id", "text").iter_rows():
        text = text or ""
        resolver = Resolver(find_mentions(text, lex), lex, alias, text, _quote_spans(text))
        for f in _in_doc(text, lex, resolver):
            speaker = resolver.resolve(f.speaker_text, f.speaker_at)
            if speaker.lower() in lex["pronouns"] | {"him", "her"}:
                speaker = None  # "he" with no person before it: the text does not say who
            if speaker and is_person(speaker, lex):
                resolver.last_person = (f.speaker_at, speaker)
            elif speaker and is_organisation(f.speaker_text, lex):
                resolver.last_organisation = (f.speaker_at, speaker)
            if not f.direct:
                resolver.reported.append((f.start, f.end))
            rows.append({"doc_id": doc_id, "start": f.start, "end": f.end, "speaker": speaker,
                         "speaker_text": f.speaker_text, "verb": f.verb,
                         "quote": text[f.start : f.end], "direct": f.direct})  # fmt: skip
    return pl.DataFrame(rows, schema=QUOTES_SCHEMA)


# ---------------------------------------------------------------- tables for the notebooks


def by_group(
    found: pl.DataFrame, docs: pl.DataFrame, *, by: str = "outlet", min_group_docs: int = 5
) -> pl.DataFrame:
    """Who is quoted in each group, with which verbs: attributions per group, speaker and verb
    (direct and reported), the documents they come from, and the group's n with ``small_n``."""
    groups = with_groups(docs, by).select("doc_id", "group")
    sizes = group_sizes(docs, by=by, min_group_docs=min_group_docs)
    return (
        found.join(groups, on="doc_id")
        .group_by("group", "speaker", "verb")
        .agg(
            attributions=pl.len().cast(pl.Int64),
            direct=pl.col("direct").sum().cast(pl.Int64),
            docs=pl.col("doc_id").n_unique().cast(pl.Int64),
        )
        .join(sizes, on="group")
        .sort(
            ["group", "attributions", "speaker", "verb"],
            descending=[False, True, False, False],
            nulls_last=True,
        )
    )


def quote_share(found: pl.DataFrame, docs: pl.DataFrame, *, by: str = "outlet",
                min_group_docs: int = 5) -> pl.DataFrame:  # fmt: skip
    """The share of each group's characters inside attributed direct quotes, with n."""
    chars = pl.col("text").fill_null("").str.len_chars()
    groups = with_groups(docs, by).select("doc_id", "group", chars=chars)
    quoted = (found.filter("direct").unique(["doc_id", "start", "end"])
              .group_by("doc_id").agg(quoted=(pl.col("end") - pl.col("start")).sum()))  # fmt: skip
    sizes = group_sizes(docs, by=by, min_group_docs=min_group_docs)
    return (
        groups.join(quoted, on="doc_id", how="left")
        .group_by("group")
        .agg(
            chars=pl.col("chars").sum().cast(pl.Int64),
            quoted_chars=pl.col("quoted").fill_null(0).sum().cast(pl.Int64),
        )
        .with_columns(share=(pl.col("quoted_chars") / pl.col("chars")).round(4))
        .join(sizes, on="group")
        .sort("group")
    )
