"""Quote attribution: who said what, with which verb, where in the text.

Rules over the forms news agencies use, not a list of speakers, in three jobs:
:mod:`toolkit.quote_spans` finds the quotations (curly, angle and straight marks, by their side)
and the sentences; :mod:`toolkit.quote_frames` reads the frame around each quotation ('"...," X
said', 'X said: "..."', '"...", the Belarusian leader said'), :mod:`toolkit.quote_reported`
reported speech in each sentence ('X stressed that ...', '..., X said.', 'According to X, ...');
a quotation that goes on one just attributed ('"...," Teng said. "The government ..."') keeps
its speaker, with no verb. :mod:`toolkit.quote_headlines` reads a text's headline ("Russia ready
to continue talks — Lavrov", "Kremlin urges West to ..."): a credit after a dash or before a
colon has no verb either. A single word before a headline's colon ("Putin: ...") is read as a
credit where another headline of the same corpus credits that word, so one document's rows
can depend on the corpus it is read with (:func:`toolkit.quote_headlines.credited_words`).

Speakers (names, surnames, roles, pronouns) are found by :mod:`toolkit.speakers` and resolved
within each document by :mod:`toolkit.speaker_resolver`: "the Belarusian leader" becomes the
one person the document gives that title, "he" the person mentioned last, "the ministry" the one
ministry the document names, "it" the institution quoted last, "they" the group quoted just
before, "the two leaders" the two people the document names most and "I" the speaker of a
transcript's turn ("Vladimir Putin: ... I said"; else no attribution). "He" with no person
before it and "they" with no group are attributions with a null ``speaker`` (the text does not
say who), but for "they" inside another's report ("Millennials say they believe ..."). An
optional alias table (``aliases``, e.g. ``toolkit/lexicons/attribution.yaml``'s ``speakers``)
maps resolved names to one canonical name.
Verbs, role words and titles are in ``toolkit/lexicons/quotes.yaml``.

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
import itertools
import re
from dataclasses import dataclass

import polars as pl
from tqdm import tqdm  # text bars: no ipywidgets needed in notebooks

from toolkit.errors import DataError
from toolkit.given_names import is_given_name
from toolkit.quote_cited import cited, cited_reports
from toolkit.quote_colon import colon_speaker
from toolkit.quote_continued import continues
from toolkit.quote_coordinated import joined_frame, participle_frame
from toolkit.quote_credits import credited, named_quotations
from toolkit.quote_ends import as_by
from toolkit.quote_fallback import gaps, tagged
from toolkit.quote_frames import after_frame, before_frame
from toolkit.quote_headlines import credited_words, credits, folded_headline
from toolkit.quote_kinds import speaker_kind
from toolkit.quote_objects import quoted_term
from toolkit.quote_reported import reported
from toolkit.quote_spans import double_marks, quote_spans, work_title
from toolkit.quote_titles import reads_title, title_rows
from toolkit.quote_voices import DIALOGUE, NO_CLAIM, no_report
from toolkit.speaker_aliases import alias_table
from toolkit.speaker_names import find_mentions, headline_names
from toolkit.speaker_offices import is_titled_person
from toolkit.speaker_pronouns import described_person
from toolkit.speaker_resolver import Resolver
from toolkit.speaker_turns import title_voice
from toolkit.speakers import UPPER, is_group, is_organisation, is_person, lexicon
from toolkit.tokens import language_stop_words

__all__ = ["QUOTES_SCHEMA", "quotes"]

QUOTES_SCHEMA = {"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "speaker": pl.String,
                 "speaker_text": pl.String, "verb": pl.String, "quote": pl.String,
                 "direct": pl.Boolean, "speaker_kind": pl.String, "field": pl.String}  # fmt: skip


@dataclass
class _Found:
    start: int
    end: int
    speaker_text: str
    speaker_at: int
    verb: str | None
    direct: bool
    frame_end: int
    # how it was found: after, before, continues, resumes, credit, headline, reported (no column)
    rule: str = "reported"


_CONTINUED = ("continues", "resumes")  # the readings whose quotation has no frame of its own
_RESUME_REACH = 600  # characters from the last attribution's frame to a quotation it resumes


def _resumes(text: str, sent: tuple[int, int], start: int, end: int, last: _Found,
             resolver: Resolver, frame_sentence_end: int) -> bool:  # fmt: skip
    """Whether a quotation with no frame resumes the speaker quoted last: it is whole
    sentences (it opens its sentence, ends with a stop and runs six words or more), within
    600 characters of that speaker's frame, and no other person is named between the frame's
    sentence and it ('“...,” said Aimal Faizi, ... Tuesday. [a sentence of narrative] “The
    president accepted it ...”'; a name in the frame's own appositive, "said Ady Barkan, a
    lawyer with the Center for Popular Democracy.", describes the speaker and does not count);
    not a phrase in quotation marks (a title, a scare quote, a nickname)."""
    whole = not text[sent[0] : start - 1].strip() and re.search(r"[.!?…]\W*$", text[start:end])
    return bool(
        whole
        and len(text[start:end].split()) >= 6
        and 0 <= start - last.frame_end <= _RESUME_REACH
        and not resolver.person_between(_frame_rest(last, frame_sentence_end), start)
    )


# "saying" or "telling" someone right before a quotation (the one a report quotes: quote_cited)
_SAYING = re.compile(r"\b(saying|telling)(?:\s+[\w’'\-]+){0,2}\s*[,:]?\s*$")
# "quote X:" before a quotation: X's words, not the one who quotes them
_QUOTES_NAME = re.compile(
    r"\bquot(?:e|es|ed|ing)\s+(?:the\s+(?:late\s+)?)?((?:[A-Z][\w’'\-.]*\s+){0,4}[A-Z][\w’'\-]+)"
    r"(?:(?:,[^:“”\"]{0,80})?\s*:|\s*,)\s*$"
)  # (or a comma right after the name: "To quote the late Chairman Mao, “...”")


def _sentence_quote(text: str, start: int, end: int) -> bool:
    """Whether a quotation is whole sentences: six words or more, ending with a stop."""
    return len(text[start:end].split()) >= 6 and bool(re.search(r"[.!?…]\W*$", text[start:end]))


def _told_that(head: str, text: str, start: int, lex: dict) -> tuple[int, int, str] | None:
    """The frame of a quotation that opens with "that" after whom one told or assured ('assured
    Aipac members “that City Hall ...”'), read as 'told Y that “...'; not a relative "that" after
    a noun ('wrote a book “that presidents have read”')."""
    if not text.startswith("that ", start):
        return None
    frame = before_frame(head + " that", lex)
    return frame if frame and frame[2] in ("tell", "assure", "remind", "warn", "inform") else None


def _phrase(text: str, start: int, end: int) -> bool:
    """Whether a quotation is a short phrase, no one's sentence: under five words with no stop
    or comma of its own ('"Strictly governing the Party", one of Xi's "Four Comprehensives",
    has become ...': a slogan's name)."""
    return len(text[start:end].split()) < 5 and not re.search(r"[.!?,;:…]\W*$", text[start:end])


_APPOSITIVE_REACH = 200  # characters from a frame's verb or speaker to its sentence's end


def _frame_rest(last: _Found, frame_sentence_end: int) -> int:
    """Where the words of the frame of ``last`` end: its sentence's end when a frame with a
    verb ends its sentence within an appositive's reach, else the frame itself (a quotation
    that goes on one with no frame of its own, or a sentence run on where the text lost a
    space)."""
    near = 0 <= frame_sentence_end - last.frame_end <= _APPOSITIVE_REACH
    return frame_sentence_end if last.verb and near else last.frame_end


def _in_doc(
    text: str, lex: dict, resolver: Resolver, known: frozenset[str] = frozenset()
) -> list[_Found]:
    found: list[_Found] = []
    sentences = resolver.sentences  # cut once, for the resolver and here
    spans = quote_spans(text)
    starts = [a for a, _ in sentences]
    ends = sorted(e for _, e in spans)
    first_start: dict[int, int] = {}  # where the first quotation that ends at an offset starts
    for a, b in spans:
        first_start.setdefault(b, a)
    previous: _Found | None = None
    last: _Found | None = None  # the quotation attributed last

    def frame_end_of(f: _Found) -> int:  # the end of the sentence that holds a frame
        return sentences[bisect.bisect_right(starts, f.frame_end) - 1][1]

    for start, end in spans:
        if work_title(text, start, end):  # 'in his autobiography, “Long Walk to Freedom.”': a
            k = bisect.bisect_right(starts, start - 1) - 1  # title, no one's words; the frame
            if previous and k >= 0 and previous.frame_end >= starts[k]:  # in its sentence runs
                previous.frame_end = end + 1  # over it
            continue
        close = end + 1 if end < len(text) else end
        k = bisect.bisect_right(starts, start - 1) - 1
        sent = sentences[k] if k >= 0 and start - 1 < sentences[k][1] else (0, len(text))
        after = after_frame(text, close, min(len(text), close + 300), lex)
        j = bisect.bisect_left(ends, start) - 1  # the quotation closed last before this one
        head_from = max(sent[0], ends[j] + 1 if j >= 0 else 0)
        head = text[head_from : start - 1]
        quoted = _QUOTES_NAME.search(head)
        saying = _SAYING.search(head)  # 'Mehr quoted Senator Sanders as saying, “...”'
        cite = cited(head[: saying.start()], lex) if saying else None
        if quoted:  # "I want to quote General Mikhail Dragomirov, a military theorist: “...”"
            before = (quoted.start(1), quoted.end(1), "say")
        elif cite:
            before = (*cite, "say" if saying.group(1) == "saying" else "tell")
        else:
            by = as_by(head, lex)  # "As noted in the HKBA's statement, “...”"
            before = (by[0], by[1], by[3]) if by and not head[by[2] :].strip() else None
            # (a quotation that ends in a stop ends its clause: its tail is that stop)
            tail = text[end - 1] if text[end - 1 : end] in ".!?" else text[close : close + 20]
            before = (before or before_frame(head, lex, tail) or _told_that(head, text, start, lex)
                      or participle_frame(head, lex) or joined_frame(head, lex))  # fmt: skip
            if (
                before is None
                and head_from > sent[0]
                and quoted_term(text[sent[0] : head_from], any(f.end == ends[j] for f in found))
            ):
                # a term in quotation marks earlier in the clause ('questioned the idea of
                # "Occupy Central," saying: "...'): the participle's clause is the sentence's
                before = participle_frame(text[sent[0] : start - 1], lex)
                head_from = sent[0] if before else head_from
            term = first_start[ends[j]] if j >= 0 else sent[0]
            if (before is None and term - 1 >= sent[0] and _phrase(text, term, ends[j])
                    and not _phrase(text, start, end)):  # fmt: skip
                # a word or two in quotation marks earlier in the frame's clause ('The author
                # of the "Plan B" story warns: "...'): plain words of it, their marks blanked
                whole = f"{text[sent[0] : term - 1]} {text[term : ends[j]]} {head}"
                before = before_frame(whole, lex, tail)
                head_from = sent[0] if before else head_from
        if before is None and _sentence_quote(text, start, end):
            before = colon_speaker(head, lex)  # "He ends on a note of doom: “...”"
        # a reporting verb right after the quotation that gives no speaker the rules read ('...,"
        # said a protester using the pseudonym Katya'): its own frame, so no one quoted before
        own_frame = after is None and lex["verb"].match(text[close : close + 80].lstrip(" ,—–"))
        if after:
            f = _Found(start, end, text[after[0] : after[1]], after[0], after[2], True, after[3],
                       "after")  # fmt: skip
        elif before:
            s, e, lemma = before
            f = _Found(start, end, text[head_from + s : head_from + e], head_from + s, lemma,
                       True, end, "before")  # fmt: skip
        elif (previous and not own_frame and continues(text[previous.frame_end : start - 1], lex)
              and not _phrase(text, start, end)):  # fmt: skip
            f = _Found(start, end, previous.speaker_text, previous.speaker_at, None, True, close,
                       "continues")  # fmt: skip
        elif (
            last
            and not own_frame
            and _resumes(text, sent, start, end, last, resolver, frame_end_of(last))
        ):
            f = _Found(start, end, last.speaker_text, last.speaker_at, None, True, close,
                       "resumes")  # fmt: skip
        else:
            previous = None
            continue
        found.append(f)
        previous = last = f
    framed = [(f.start, f.end, f.speaker_at, f.frame_end) for f in found]
    direct = [(x, y) for x, y, _, _ in framed]
    for i, (s0, s1) in enumerate(sentences):
        if any(a <= s0 and s1 <= b + 1 for a, b in direct):
            continue
        previous = sentences[i - 1] if i else None
        reports = reported(text, s0, s1, direct, lex, previous)
        for a, b, (p0, p1), lemma in reports + cited_reports(text[s0:s1], s0, lex):
            quote = text[a:b].strip()
            if len(quote.split()) < 3 or any(
                max(a, x) < min(b, y) and not _nested((a, b, p0, lemma), (x, y, at, fe))
                for x, y, at, fe in framed
            ):
                continue
            if text[p0:p1].count('"') % 2 and text[p1 : p1 + 1] == '"':
                p1 += 1  # 'Some "pan-democrats" claim': the name's closing mark too
            found.append(_Found(a, b, text[p0:p1], p0, lemma, False, b))
    for a, b, (p0, p1) in credited(text):  # a comment page's excerpt and its credit line
        found.append(_Found(a, b, text[p0:p1], p0, None, True, p1, "credit"))
    for a, b, (p0, p1) in named_quotations(text, lex):  # '"..."' and 'ZENG XINHUA, a professor'
        found.append(_Found(a, b, text[p0:p1], p0, None, True, p1, "credit"))
    said = {f.speaker_at for f in found}
    for a, b, (p0, p1), lemma in credits(text, lex, known):  # a headline's: "... — Lavrov"
        if p0 in said:
            continue  # read by the frames already ("Lavrov says ...")
        # a subject the frames read short ("Sri Lankan acting president says" as "president")
        found = [f for f in found
                 if not (p0 < f.speaker_at < p1 and max(a, f.start) < min(b, f.end))]  # fmt: skip
        found.append(_Found(a, b, text[p0:p1], p0, lemma, False, max(b, p1), "headline"))
    return sorted(found, key=lambda f: (f.start, f.end))


def _nested(report: tuple[int, int, int, str], quotation: tuple[int, int, int, int]) -> bool:
    """Whether a quotation (start, end, its speaker's offset, its frame's end) is a report
    nested in a reported clause (start, end, its speaker's offset, lemma), frame and all, so
    that both are rows: a report inside the clause, its speaker named before its quotation
    ("Trump said on Friday that Clinton once described the deal as “the gold standard”"), or
    a whole report that the clause's source gives ('“...,” he said, according to Reuters').
    Not a clause that runs over the frame of a quotation after it ("“...,” Representative
    John Lewis, Democrat of Georgia, ... said": no report of "Democrat of Georgia")."""
    a, b, p0, lemma = report
    x, y, at, frame_end = quotation
    if not (a <= x and y <= b + 1 and a <= at < b):
        return False
    return at < x or (lemma in ("according to", "report") and frame_end <= p0)


def quotes(
    corpus: pl.DataFrame,
    *,
    aliases: dict[str, list[str]] | None = None,
    progress: bool = False,
    tagger: bool = False,
) -> pl.DataFrame:
    """One row per attribution in each document's ``text``.

    Args:
        corpus: a frame with ``doc_id`` and ``text`` (the corpus table, or units of it), and
            optionally ``title``: a speech's title ("Speech by President Volodymyr Zelenskyy
            at ...") gives its "I" outside transcript turns, and a page's headline its credits
            ("... — Lukashenko": rows with ``field`` "title").
        aliases: optional canonical name -> the ways the text names that speaker (as
            ``toolkit/lexicons/attribution.yaml``'s ``speakers``); resolved speakers found among
            them take the canonical name.
        progress: a text progress bar over the documents (about 10 ms an article of 5,000
            characters: 4,000 articles take some 40 seconds).
        tagger: also ask the learned speaker tagger (:mod:`toolkit.quote_tagger`) about the
            sentences the rules attribute nothing in that may report someone's words
            (:mod:`toolkit.quote_fallback`; its rows' ``speaker_kind`` is "tagged"); by default
            the rules alone (the tagger costs 6-8 times their CPU for about 2 points of recall
            on the held-out sets, benchmarks/README.md).

    Returns:
        ``doc_id``, ``start`` and ``end`` (character offsets of the quote in the row's
        ``text``), ``speaker`` (resolved full name or organisation, else as written),
        ``speaker_text`` (as written), ``verb`` (lemma; null for a quotation that continues one
        just attributed, a comment page's credit line and a headline's credit after a dash or
        before a colon), ``quote``, ``direct`` (inside quotation marks) and ``speaker_kind``
        (how the frame gives the speaker: name, pronoun, description or continued; see
        :mod:`toolkit.quote_kinds`) and ``field``: "text", or "title" for a credit in the
        headline of a page whose title is not its text's first line (its offsets are into
        ``title``; :mod:`toolkit.quote_titles`).
    """
    missing = {"doc_id", "text"} - set(corpus.columns)
    if missing:
        raise DataError(f"quotes need the columns {', '.join(sorted(missing))}; the frame has "
                        f"{', '.join(corpus.columns)}")  # fmt: skip
    lex = lexicon()
    alias = alias_table(aliases or {})
    rows, todo, bounds = [], [], []  # bounds: the rows of each document in todo
    # (a title of another type, a number say, is read as its text)
    titles = (corpus["title"].cast(pl.String, strict=False) if "title" in corpus.columns
              else [None] * corpus.height)  # fmt: skip
    documents = tqdm(zip(corpus["doc_id"], corpus["text"], titles, strict=True),
                     total=corpus.height, desc="attribution", unit="doc", disable=not progress,
                     leave=False)  # fmt: skip
    doubled: dict = {}  # the texts of the documents with doubled marks, as they were
    # the single words the corpus's headlines credit ("— Putin"): a colon's label elsewhere
    # (and of the titles read apart from their texts: a corpus of pages keeps its headlines there)
    apart = (t for x, t in zip(corpus["text"], titles, strict=True) if reads_title(x or "", t))
    known = credited_words(itertools.chain(corpus["text"], apart), lex)
    for doc_id, text, title in documents:
        text = original = text or ""
        text = double_marks(text)  # (the same offsets: the rows' quotes are from original)
        if text != original:
            doubled[doc_id] = original
        # (the names of a title-case headline end before its verb: "Doctor Says" is no name)
        named = folded_headline(text, lex)
        resolver = Resolver(find_mentions(named, lex), lex, alias, named, quote_spans(text),
                            voice=title_voice(title, lex),
                            headline=headline_names(title, lex))  # fmt: skip
        # a frame is resolved once: a quotation that goes on one attributed before shares its
        # frame, and resolving its "he" again would skip the person that frame just named
        resolved: dict[int, str] = {}
        first = len(rows)
        unnamed: list[tuple[dict, int]] = []  # "they" rows that name no group, and where
        for f in _in_doc(text, lex, resolver, known):
            if no_report(text, f.speaker_text, f.speaker_at, f.verb, lex):
                continue  # a commonplace, a view of the first person's, a finding of no study
            if f.speaker_at not in resolved:
                # no name in a report before its own frame is the frame's "she" ("They also
                # told Iris about the massacre, she said")
                own = [(f.start, f.end)] if not f.direct and f.end <= f.speaker_at else []
                resolver.reported.extend(own)
                resolved[f.speaker_at] = resolver.resolve(f.speaker_text, f.speaker_at)
                del resolver.reported[len(resolver.reported) - len(own) :]
                # "they" that opens a group's reported clause is that group, its report part of
                # the group's and dropped below as an unnamed one is ("Some lawyers said they
                # worried that ...": not the group named before); not "he" or "she" ("His wife,
                # Pan Haixia, said he told her")
                outer = f.speaker_text.lower() == "they" and [
                    o["speaker"] for o in rows[first:]
                    if o["start"] == f.speaker_at and not o["direct"] and o["speaker"]]  # fmt: skip
                if outer and not is_person(outer[-1], lex):
                    resolved[f.speaker_at] = f.speaker_text
            speaker = resolved[f.speaker_at]
            if speaker in NO_CLAIM:
                continue  # first person outside a transcript's turn: the text's own voice;
                # "their" with no group quoted just before ("in their view"), "you" with no
                # turn before: no report
            if speaker.lower() in lex["pronouns"] | {"him", "her", "his"}:
                speaker = None  # "he" with no person before it, "they" with no group: the
                # text does not say who
            resolver.described.note(f.speaker_text, f.speaker_at, speaker)
            if f.speaker_text.lower() in DIALOGUE:
                pass  # a transcript turn's own speaker or the one it answers: "he" and
                # offices after it name others
            elif speaker and (is_person(speaker, lex) or is_titled_person(speaker)):
                resolver.last_person = (f.speaker_at, speaker)
                resolver.last_said = f.start
            elif (speaker and described_person(text, f.speaker_text, f.speaker_at, f.verb, lex)
                  and not is_organisation(f.speaker_text, lex)
                  and f.verb != "ask"):  # (one who asks is seldom the next "he")  # fmt: skip
                resolver.last_described = (f.speaker_at, speaker, len(f.speaker_text))
            elif speaker and is_organisation(f.speaker_text, lex):
                resolver.last_organisation = (f.speaker_at, speaker)
            elif speaker and is_group(speaker, lex):
                resolver.last_group = (f.end, speaker)
            elif speaker and re.fullmatch(rf"[{UPPER}][\w\-]+", speaker):
                resolver.last_described = None  # "Israa said": one named after a description
                if (not is_given_name(f"{speaker} X") and speaker not in lex["titles"]
                        and speaker.lower() not in language_stop_words("en")):  # fmt: skip
                    resolver.last_organisation = (f.speaker_at, speaker)  # no given name: a
                    # body's ("Alibaba said ... the company said")
            if not f.direct:
                resolver.reported.append((f.start, f.end))
            rows.append({"doc_id": doc_id, "start": f.start, "end": f.end, "speaker": speaker,
                         "speaker_text": f.speaker_text, "verb": f.verb,
                         "quote": original[f.start : f.end], "direct": f.direct,
                         "speaker_kind": speaker_kind(f.speaker_text, lex,
                                                      continued=f.rule in _CONTINUED),
                         "field": "text"})  # fmt: skip
            if speaker is None and f.speaker_text.lower() == "they":
                unnamed.append((rows[-1], f.speaker_at))
        # an unnamed "they" inside another's report is that report's, no speaker of its own
        # ("Millennials say they believe ...")
        inside = {id(r) for r, at in unnamed  # (its own frame may be inside its own report)
                  if any(o is not r and o["start"] <= at < o["end"]
                         for o in rows[first:])}  # fmt: skip
        rows[first:] = [r for r in rows[first:] if id(r) not in inside]
        if reads_title(original, title):  # a page's headline, kept apart from its text
            heads = title_rows(doc_id, title, lex, known, resolver)
            rows[first:first] = heads
            first += len(heads)
        if tagger and (found := gaps(text, resolver.sentences, rows[first:])):
            todo.append((doc_id, text, title, found, resolver.quoted))
            bounds.append((first, len(rows)))
    if todo:
        rows = _merged(rows, bounds, tagged(todo, lex, alias, progress=progress))
        for r in rows:  # a tagged row's quote as the text was
            if r["doc_id"] in doubled and r["field"] == "text":
                r["quote"] = doubled[r["doc_id"]][r["start"] : r["end"]]
    return pl.DataFrame(rows, schema=QUOTES_SCHEMA)


def _merged(rows: list[dict], bounds: list[tuple[int, int]], more: list[list[dict]]) -> list[dict]:
    """The rules' rows with the tagger's (``more``: for each document of ``bounds``, whose
    rules' rows are ``rows[first:last]``), each document's in the order of their quotations,
    the rules' first at a tie."""
    out, done = [], 0
    for (first, last), extra in zip(bounds, more, strict=True):
        out += rows[done:first]
        out += sorted(rows[first:last] + extra, key=lambda r: (r["start"], r["end"]))
        done = last
    return out + rows[done:]
