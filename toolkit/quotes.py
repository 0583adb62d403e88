"""Quote attribution: who said what, with which verb, where in the text.

Rules over the forms news agencies use, not a list of speakers:

- direct quotes with a frame after them ('"...," X said', '"...", said X', '"...", the
  Belarusian leader said') or before them ('X said: "..."', 'X noted that "..."');
- a quotation that continues one just attributed ('"...," Teng said. "The government ..."')
  keeps its speaker, with no verb;
- reported speech: 'X stressed that ...', 'X said the talks ...', '..., X said.',
  'According to X, ...', '..., adding that ...'.

Speakers are noun phrases found next to a reporting verb: names ("Russian Foreign Minister
Sergey Lavrov"), surnames, roles ("the Belarusian leader", "the ministry") and pronouns. Each is
resolved within its document where the text makes it clear: a surname to the full name mentioned
with it, a role to the one name the document gives that title ("Belarusian President Aleksandr
Lukashenko" makes "the Belarusian leader" Aleksandr Lukashenko), "he" or "she" to the last person
quoted or named before. Otherwise the speaker is left as written. An optional alias table
(``aliases``, e.g. ``toolkit/lexicons/attribution.yaml``'s ``speakers``) maps resolved names to
one canonical name. Verbs, role words and titles are in ``toolkit/lexicons/quotes.yaml``.

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
import functools
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Any

import polars as pl
import yaml

from toolkit.errors import DataError
from toolkit.groups import group_sizes, with_groups
from toolkit.segment import split_sentences

__all__ = ["QUOTES_SCHEMA", "by_group", "quote_share", "quotes"]

QUOTES_SCHEMA = {"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "speaker": pl.String,
                 "speaker_text": pl.String, "verb": pl.String, "quote": pl.String,
                 "direct": pl.Boolean}  # fmt: skip

_OPEN, _CLOSE = "“«", "”»"
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_CAP = re.compile(rf"^[{_UPPER}][\w’'\-.\[\]]*$")
_PARTICLES = {"de", "da", "di", "du", "van", "von", "der", "bin", "al", "le", "la", "el"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "one"}
_ADVERB = re.compile(
    r"^(?:\w+ly|also|then|later|again|once|further|however|has|have|had|would|will|had|was)$", re.I
)
# a clause right after "said" or "added", not a phrase ("said in", "said nothing")
_BARE_CLAUSE = re.compile(
    r"\s+(?!(?:in|on|at|to|after|before|during|with|by|for|of|so|nothing|it|this|yes|no)\b)"
    r"([a-z][^\"“”]{15,}?)[.!?]?$"
)
_PRONOUN_REACH = 400  # characters between a pronoun and the person it is resolved to
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ich)$")
_NAME_RUN = re.compile(
    rf"[{_UPPER}][\w’'\-]+(?:[ \t]+(?:(?:{'|'.join(sorted(_PARTICLES))})[ \t]+)?"
    rf"(?:[{_UPPER}]\.|[{_UPPER}][\w’'\-]+))+"
)
_NOT_NAME_WORDS = {
    "ministry", "state", "states", "union", "council", "committee", "government", "party",
    "republic", "federation", "kingdom", "nations", "house", "office", "service", "agency",
    "university", "news", "bank", "company", "day", "street", "city", "square", "sea", "ocean",
    "river", "parliament", "assembly", "duma", "forum", "games", "cup", "organization",
    "organisation", "commission", "court", "army", "forces", "force", "group", "corporation",
    "institute", "times", "daily", "post", "press", "china", "russia", "belarus", "ukraine",
    "america", "europe", "asia", "africa", "war", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "kremlin", "tass",
    "xinhua", "belta", "ria", "interfax", "reuters", "minister", "president", "prime",
}  # fmt: skip


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    text = (resources.files("toolkit") / "lexicons" / "quotes.yaml").read_text(encoding="utf-8")
    lex = yaml.safe_load(text)
    forms = {f.lower(): lemma for lemma, fs in lex["verbs"].items() for f in fs}
    # longest first, so "pointed out" wins over a shorter form
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return {
        "forms": forms,
        "verb": re.compile(rf"\b(?:{alternation})\b", re.I),
        "need_that": set(lex["need_that"]),
        "roles": {r.lower() for r in lex["roles"]},
        "role_words": {w for r in lex["roles"] for w in r.lower().split()},
        "synonyms": {k: set(v) for k, v in lex["synonyms"].items()},
        "titles": set(lex["titles"]),
        "title_words": {t.lower().rstrip(".") for t in lex["titles"]},
        "not_speakers": set(lex["not_speakers"]),
        "pronouns": set(lex["pronouns"]),
    }


# ---------------------------------------------------------------- speaker phrases


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]


def _kind(word: str, lex: dict[str, Any]) -> str:
    low = word.lower()
    if low in lex["pronouns"]:
        return "pronoun"
    if re.fullmatch(rf"[{_UPPER}][a-z]+ing", word):  # "Having said that", "Speaking to ..."
        return "other"
    if low in _DETERMINERS:
        return "det"
    if low in lex["role_words"]:
        return "role"
    if _CAP.match(word) and word not in lex["not_speakers"]:
        return "cap"
    if low in _PARTICLES or low in {"of", "to", "for", "and"}:
        return "link"
    if re.fullmatch(r"[a-z][\w\-]*", word):
        return "lower"
    return "other"


def _phrase(words: list[tuple[int, int, str]], lex: dict[str, Any]) -> tuple[int, int] | None:
    """The speaker phrase that ends with the last of ``words`` (read right to left): a
    pronoun, or names, titles and role words, with a determiner and adjectives before a role."""
    if not words or re.search(r"[^\w.’'\]\-]$", words[-1][2]):
        return None
    kinds = [_kind(w, lex) for _, _, w in words]
    if kinds[-1] == "pronoun":
        return len(words) - 1, len(words)
    if kinds[-1] not in ("cap", "role"):
        return None
    i = len(words) - 1
    while i > 0:
        k, w = kinds[i - 1], words[i - 1][2]
        if re.search(r"[^\w.’'\]\-]$", w):  # a comma or a quotation mark ends the phrase
            break
        if k in ("cap", "role") or (k == "link" and i >= 2 and kinds[i - 2] == "cap"):
            i -= 1
        elif k == "det":
            i -= 1
            break
        elif k == "lower" and "role" in kinds[i:] and "det" in kinds[max(0, i - 4) : i - 1]:
            i -= 1  # an adjective between a determiner and a role: "the Russian top diplomat"
        else:
            break
    if kinds[i] == "link":
        i += 1
    return i, len(words)


def _name_of(phrase: str, lex: dict[str, Any]) -> tuple[list[str], str | None]:
    """A phrase's title words and the name at its end ("Russian Foreign Minister Sergey Lavrov"
    -> (["Russian", "Foreign", "Minister"], "Sergey Lavrov")); the name is None for a role."""
    words = phrase.split()
    i = len(words)
    taken = 0
    while i > 0:
        w = words[i - 1]
        if w in lex["titles"] or (not _CAP.match(w) and w.lower() not in _PARTICLES):
            break
        if w.lower() in _NOT_NAME_WORDS or w in lex["not_speakers"]:
            break
        initial = re.fullmatch(rf"[{_UPPER}]\.", w) is not None
        if taken >= 2:  # first and last name taken: only an initial or a particle goes on
            nxt = words[i].lower()
            if not (initial or w.lower() in _PARTICLES or nxt in _PARTICLES
                    or _PATRONYMIC.search(nxt)):  # fmt: skip
                break
        i -= 1
        taken += 0 if initial or w.lower() in _PARTICLES else 1
    while i < len(words) and words[i].lower() in _PARTICLES:
        i += 1
    name = " ".join(words[i:]) or None
    return words[:i], name


# ---------------------------------------------------------------- the names a document gives


@dataclass
class _Mention:
    start: int
    name: str
    titles: set[str]


def _mentions(text: str, lex: dict[str, Any]) -> list[_Mention]:
    """Every full name (two or more words) in the text with the title words around it."""
    found = []
    for m in _NAME_RUN.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()].split()[-4:]
        titles, name = _name_of(" ".join([*before, m.group()]), lex)
        if not name or len(name.split()) < 2:
            continue
        words = {w.lower().strip(",") for w in titles[-5:]}
        after = re.match(r",\s+(?:the\s+)?([^,.;]{3,60})[,.]", text[m.end() : m.end() + 70])
        if after:
            words |= {w.lower() for w in after.group(1).split()}
        found.append(_Mention(m.start() + m.group().find(name.split()[0]), name, words))
    return found


def _is_person(name: str, lex: dict[str, Any]) -> bool:
    words = name.split()
    return len(words) >= 2 and all(
        (_CAP.match(w) or w.lower() in _PARTICLES) and w.lower() not in _NOT_NAME_WORDS
        and w not in lex["not_speakers"] for w in words
    )  # fmt: skip


def _title_matches(titles: set[str], head: str, modifiers: set[str], lex: dict) -> bool:
    heads = lex["synonyms"].get(head, set()) | {head}
    joined = " ".join(sorted(titles))
    if not any(all(w in titles for w in h.split()) for h in heads) and head not in joined:
        return False
    return modifiers <= titles


def _salient(name: str, words: Counter, addressed: set[str], count: Counter) -> bool:
    """A person named again by a surname or a title ("Ms. Lu", "Lukashenko"), not a place
    ("Hong Kong") or a one-off run of capitals."""
    return any(words[w] > count[name] or w in addressed for w in name.split())


@dataclass
class _Resolver:
    mentions: list[_Mention]
    lex: dict[str, Any]
    aliases: dict[str, str]
    text: str = ""
    last_person: tuple[int, str] | None = None

    def __post_init__(self) -> None:
        self.count = Counter(m.name for m in self.mentions)
        words = Counter(re.findall(r"[\w’'\-]+", self.text))
        addressed = set(re.findall(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+([\w’'\-]+)", self.text))
        self.persons = [m for m in self.mentions if _is_person(m.name, self.lex)
                        and _salient(m.name, words, addressed, self.count)]  # fmt: skip

    def person_before(self, pos: int) -> tuple[int, str] | None:
        names = [m for m in self.persons if m.start < pos]
        return (names[-1].start, names[-1].name) if names else None

    def resolve(self, written: str, pos: int) -> str:
        lex = self.lex
        low = written.lower()
        if low in ("he", "she", "him", "her"):
            # the person quoted last, or named last, in the sentences just before (a pronoun
            # further from its person is left unresolved: names between them make it a guess)
            near = [p for p in (self.last_person, self.person_before(pos))
                    if p and 0 < pos - p[0] < _PRONOUN_REACH]  # fmt: skip
            return max(near)[1] if near else written
        _titles, name = _name_of(written, lex)
        if name and len(name.split()) >= 2:
            return self._alias(name)
        if name:  # a surname: the full name that ends with it, the latest before, else the first
            full = [m for m in self.mentions if m.name.split()[-1] == name]
            if full:  # the one most often named, the latest before the quote among equals
                best = max(
                    full,
                    key=lambda m: (
                        bool(m.titles & self.lex["title_words"]),
                        self.count[m.name],
                        m.start < pos,
                        m.start,
                    ),
                )
                return self._alias(best.name)
            return self._alias(written)
        words = [w.lower() for w in written.split() if w.lower() not in _DETERMINERS]
        head = next((" ".join(words[i:]) for i in range(len(words))
                     if " ".join(words[i:]) in lex["roles"]), None)  # fmt: skip
        if head is None:
            return written
        modifiers = {w for w in words[: len(words) - len(head.split())]
                     if w[:1].isalpha() and w not in {"top", "senior", "former"}}  # fmt: skip
        matches = [m for m in self.mentions if m.start < pos
                   and _title_matches(m.titles, head, modifiers, lex)]  # fmt: skip
        if len({m.name for m in matches}) == 1:
            return self._alias(matches[0].name)
        if matches and self.last_person and self.last_person[1] in {m.name for m in matches}:
            return self.last_person[1]
        return written

    def _alias(self, name: str) -> str:
        return self.aliases.get(name.lower(), name)


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
            if ch in _OPEN and opened is None:
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
    spans, pos = [], 0
    for para in text.split("\n"):
        cursor = 0
        for s in split_sentences(para):
            at = para.find(s, cursor)
            if at < 0:
                continue
            spans.append((pos + at, pos + at + len(s)))
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
    for m in lex["verb"].finditer(tail, lead, min(len(tail), lead + 120)):
        lemma = _lemma(m.group(), lex)
        before = tail[lead : m.start()]
        words = _words(before)
        if words and _ADVERB.match(words[-1][2]):
            words = words[:-1]
        got = _phrase(words, lex) if words else None
        stops = [w for _, _, w in words if re.search(r"[.!?]$", w) and w not in lex["titles"]
                 and not re.fullmatch(rf"[{_UPPER}]\.", w)]  # fmt: skip
        if got and got[0] == 0 and not stops and not re.search(r"[!?]|\.\s*$", before):
            s, e = lead + words[0][0], lead + words[got[1] - 1][1]
            return close + s, close + e, lemma, close + m.end()
        if not before.strip() and lemma not in ("tell", "read"):  # inverted: said X
            after = _words(text[close + m.end() : limit][:80])
            cut = next((i for i, (_, _, w) in enumerate(after) if re.search(r"[,.;:!?]$", w)), None)
            words = after[: cut + 1] if cut is not None else after[:4]
            if words:
                last = words[-1]
                words[-1] = (last[0], last[1] - (re.search(r"[,.;:!?]$", last[2]) is not None),
                             re.sub(r"[,.;:!?]$", "", last[2]))  # fmt: skip
                got = _phrase(words, lex)
                if got and got[0] == 0 and got[1] == len(words) and words[0][2]:
                    base = close + m.end()
                    return base + words[0][0], base + words[-1][1], lemma, base + words[-1][1]
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
    between = head[v.end() : m.start()]
    if re.search(r"[.!?;\"“”«»]", between) or len(between.split()) > 6:
        return None
    if re.match(r"\s*(?:to|on|at|in)\s*$", between) and not m.group().startswith(":"):
        return None
    words = _words(head[: v.start()])
    if words and _ADVERB.match(words[-1][2]):
        words = words[:-1]
    got = _phrase(words, lex)
    if not got:
        if re.fullmatch(r"according to", v.group(), re.I):
            return None
        return None
    return words[got[0]][0], words[got[1] - 1][1], _lemma(v.group(), lex)


def _is_speaker(phrase: str, lex: dict) -> bool:
    words = _words(phrase)
    if len(words) == 1 and words[0][2].lower() in ("him", "her"):
        return True
    got = _phrase(words, lex)
    return bool(got and got[0] == 0)


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
        words = _words(sentence[: v.start()])
        if words and _ADVERB.match(words[-1][2]):
            words = words[:-1]
        got = _phrase(words, lex)
        if not got:
            continue
        speaker = (s0 + words[got[0]][0], s0 + words[got[1] - 1][1])
        rest = sentence[v.end() :]
        clause = re.match(r"(?:\s+[^,.;:\"“”]{0,50}?)?\s+that\s+(.{8,}?)[.!?]?[\"”]?$", rest)
        if clause is None and lemma in ("say", "add"):
            clause = _BARE_CLAUSE.match(rest)  # "X said the talks went well"
        if clause is not None:
            out.append(
                (s0 + v.end() + clause.start(1), s0 + v.end() + clause.end(1), speaker, lemma)
            )
            continue
        aside = re.match(r",\s+(.{15,}?)[.!?]?$", rest)  # "However, X noted, the ..."
        if aside and re.search(r"(?:^|,)\s*$", sentence[: speaker[0] - s0]):
            out.append((s0 + v.end() + aside.start(1), s0 + v.end() + aside.end(1), speaker, lemma))
            continue
        head = sentence[: speaker[0] - s0]
        tail = re.match(r"^(.{12,}?),\s*$", head)
        if tail and len(rest.split()) <= 8 and "that" not in rest.split():
            out.append((s0 + tail.start(1), s0 + tail.end(1), speaker, lemma))
    return out


def _in_doc(text: str, lex: dict, resolver: _Resolver) -> list[_Found]:
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
        elif previous and not text[previous.frame_end : start - 1].strip(' \n.,;:"“”«»'):
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
            if len(quote.split()) < 3 or any(x <= a < y for x, y in direct):
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
    lex = _lexicon()
    alias = {str(f).lower(): str(k) for k, forms in (aliases or {}).items() for f in [k, *forms]}
    rows = []
    for doc_id, text in corpus.select("doc_id", "text").iter_rows():
        text = text or ""
        resolver = _Resolver(_mentions(text, lex), lex, alias, text)
        for f in _in_doc(text, lex, resolver):
            speaker = resolver.resolve(f.speaker_text, f.speaker_at)
            if speaker.lower() in lex["pronouns"] | {"him", "her"}:
                speaker = None  # "he" with no person before it: the text does not say who
            if speaker and _is_person(speaker, lex):
                resolver.last_person = (f.speaker_at, speaker)
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
