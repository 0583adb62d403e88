"""A reporting verb's subject read from a Link Grammar parse: the prototype the probe
(``probe_linkgrammar.py``) measures; not part of the toolkit.

CMU Link Grammar (5.12, Debian's ``python3-link-grammar`` and ``link-grammar-dictionaries-en``;
not on PyPI) parses a sentence into typed links between its words, offline, from dictionaries
on disk. The subject of a verb is the left end of its ``S`` link ("the Belarusian leader
-Ss- said"), the right end of its ``SI`` link ('"...", said -SIs- Putin'), found through the
auxiliaries and coordinations that lead to it ("has -PP- stressed", "met ... and -VJr-
said"); a relative "who" stands for the noun it hangs on. The speaker's span is that noun with
its determiners, adjectives, name parts, possessives and "of" phrase ("the President of
Belarus").

The probe puts the parse into :func:`toolkit.quotes` as a fallback for the sentences its rules
attribute nothing in (:func:`unattributed`; ``probe_linkgrammar.parse_fallback``) and measures
what that does (on the labelled sets, one speaker gained and six wrong ones added: a prototype, not
on by default). ``linkgrammar`` is imported only when a :class:`LinkParser` is made;
:func:`available` says whether it can be.

Example:
    >>> parser = LinkParser()  # doctest: +SKIP
    >>> s = '"We are ready," the Belarusian leader said on Monday.'
    >>> a, b = parser.subject(s, s.index("said"))  # doctest: +SKIP
    >>> s[a:b]  # doctest: +SKIP
    'the Belarusian leader'
"""

from __future__ import annotations

import importlib.util
import logging
import re
from dataclasses import dataclass

from toolkit.errors import ToolkitError

__all__ = [
    "INSTALL",
    "LinkParser",
    "Parse",
    "ParserMissingError",
    "available",
    "direct_frame",
    "reported_frame",
    "subject_head",
    "subject_span",
    "unattributed",
]

log = logging.getLogger("toolkit")

INSTALL = (
    "install Debian's Link Grammar (apt-get install python3-link-grammar "
    "link-grammar-dictionaries-en) and link its package into this Python's site-packages: "
    "ln -s /usr/lib/python3/dist-packages/linkgrammar "
    '"$(python -c \'import sysconfig; print(sysconfig.get_paths()["purelib"])\')/linkgrammar"'
)

# links from an auxiliary or a conjunction to the verb it carries: "has -PP- said", "will -I-
# say", "is -Pg- saying", "was -Pv- told", "and -VJr- said" (the conjunction's own left link
# "met -VJl- and" leads to the first verb and its subject)
_CHAIN = re.compile(r"^(?:PP|I|Pg|Pv|VJr|VJ)")
_SUBJECT = re.compile(r"^S(?![IJF])")  # Ss, Sp, Ss*s, S**w, SX ("I"); not SI, SJ, SF
_INVERTED = re.compile(r"^SI")  # '"...", said -SIs- Putin'
_RELATIVE = re.compile(r"^(?:MX|R|B)")  # "Lee -MX*r- who", "the man -R- who"
# the noun's own words: determiners, adjectives, name parts, noun modifiers, possessives,
# titles, numbers, conjoined nouns ("Putin and Lukashenko"), and an "of" phrase with its object
_LEFT = re.compile(r"^(?:D|A|AN|G|GN|YS|YP|NN|ND|NI|L|TA|SJ)")
_RIGHT = re.compile(r"^(?:Mf|Mp|J|G|YS|YP|SJ)")


class ParserMissingError(ToolkitError):
    """Link Grammar's Python package or its English dictionaries are not installed."""


def available() -> bool:
    """Whether ``linkgrammar`` can be imported (Debian's package, linked into this Python)."""
    return importlib.util.find_spec("linkgrammar") is not None


@dataclass(frozen=True)
class Parse:
    """The best linkage of a sentence: each word's character span (the walls' are empty) and
    form as the dictionary knows it ("said.v-d", "that.j-p", "[a]" when left out), each link as
    (left word, label, right word); ``nulls``: words left out of the linkage."""

    words: tuple[tuple[int, int], ...]
    forms: tuple[str, ...]
    links: tuple[tuple[int, str, int], ...]
    nulls: int
    timed_out: bool


class LinkParser:
    """One English dictionary and its options, for many sentences.

    Args:
        max_seconds: the parse time limit of one sentence (whole seconds). A sentence that runs
            out of it mostly gets no linkage, else a panic-mode one (``Parse.timed_out``): at
            the limit, the result depends on the machine's speed and load.
        linkage_limit: linkages looked at per sentence (the best by cost is kept).
    """

    def __init__(self, *, max_seconds: int = 5, linkage_limit: int = 100):
        try:
            import linkgrammar as lg
        except ImportError as e:
            raise ParserMissingError(f"Link Grammar is not installed: {INSTALL}") from e
        self._lg = lg
        # the English dictionary names a locale the machine may lack: its notes go to the log
        lg.LG_Error.set_handler(lambda info, _: log.debug("link-grammar: %s", info.text))
        self._dict = lg.Dictionary("en")
        self._options = lg.ParseOptions(
            verbosity=0,
            linkage_limit=linkage_limit,
            min_null_count=0,
            max_null_count=250,
            max_parse_time=int(max_seconds),
            repeatable_rand=True,
        )
        self._last: tuple[str, Parse | None] | None = None  # a sentence asked about twice

    def parse(self, sentence: str) -> Parse | None:
        """The best linkage of ``sentence``, or None when it has none."""
        if self._last is None or self._last[0] != sentence:
            self._last = (sentence, self._parse(sentence))
        return self._last[1]

    def _parse(self, sentence: str) -> Parse | None:
        lg, c = self._lg, self._lg.Clinkgrammar
        sent = lg.Sentence(sentence, self._dict, self._options)
        # the C calls, not Sentence.parse(): that raises on a timeout, dropping a panic-mode
        # linkage
        if c.sentence_parse(sent._obj, self._options._obj) < 0:
            return None
        if c.sentence_num_valid_linkages(sent._obj) == 0:
            return None
        timed_out = bool(c.parse_options_timer_expired(self._options._obj))
        best = lg.Linkage(0, sent, self._options._obj)
        words = tuple(
            (best.word_char_start(i), best.word_char_end(i)) for i in range(best.num_of_words())
        )
        forms = tuple(best.word(i) for i in range(best.num_of_words()))
        links = tuple(
            (
                c.linkage_get_link_lword(best._obj, i),
                c.linkage_get_link_label(best._obj, i),
                c.linkage_get_link_rword(best._obj, i),
            )
            for i in range(best.num_of_links())
        )
        return Parse(words, forms, links, sent.null_count(), timed_out)

    def subject(self, sentence: str, verb_at: int) -> tuple[int, int] | None:
        """The character span of the subject of the verb at ``verb_at`` in ``sentence``, or
        None when the parse gives it none."""
        parsed = self.parse(sentence)
        return None if parsed is None else subject_span(parsed, verb_at)


def subject_span(parsed: Parse, verb_at: int) -> tuple[int, int] | None:
    """The character span of the subject of the verb at character ``verb_at``: its head word
    (:func:`subject_head`) with the noun's own words."""
    head = subject_head(parsed, verb_at)
    return None if head is None else _noun_span(parsed, head)


def subject_head(parsed: Parse, verb_at: int) -> int | None:
    """The index of the word that heads the subject of the verb at character ``verb_at``."""
    verb = next((i for i, (a, b) in enumerate(parsed.words) if a <= verb_at < b), None)
    if verb is None:
        return None
    links = parsed.links
    chain, todo = {verb}, [verb]
    while todo:  # through the verb's auxiliaries and conjunctions
        w = todo.pop()
        for left, label, right in links:
            up = right == w and _CHAIN.match(label)  # "has -PP- said", "and -VJr- said"
            down = left == w and label.startswith("VJl")  # "said -VJl- and ... noted"
            near = right if down else left
            if (up or down) and near not in chain:
                chain.add(near)
                todo.append(near)
    head = next((a for a, lab, b in links if b in chain and _SUBJECT.match(lab)), None)
    if head is None and any(a == 0 and b in chain and lab.startswith("CP") for a, lab, b in links):
        # "Vladimir Putin stressed that ...", read as a bare noun phrase ("LEFT-WALL -Wa- Putin")
        # and a quotation verb ("LEFT-WALL -CPx- stressed.q", "stressed -SI- that Armenia"):
        # the noun phrase is the subject
        head = next(
            (b for a, lab, b in links if a == 0 and lab.startswith("Wa") and b < verb), None
        )
    if head is None:  # '"...", said -SIs- Putin'; not "said -SI- that" (a clause, no noun)
        head = next(
            (
                b
                for a, lab, b in links
                if a in chain and _INVERTED.match(lab) and ".j" not in parsed.forms[b]
            ),
            None,
        )
    if head is None:  # '"...," the President stressed.' read as "the President (who was)
        # stressed": a reporting verb's participle reading is the frame's subject
        head = next((a for a, lab, b in links if b == verb and lab.startswith("Mv")), None)
    if head is None:
        return None
    for left, label, right in links:  # "Martin Lee, who said": the noun "who" is on
        if right == head and _RELATIVE.match(label) and left < head:
            return left
    return head


def _noun_span(parsed: Parse, head: int) -> tuple[int, int] | None:
    words, links = parsed.words, parsed.links
    span = {head}
    grown = True
    while grown:
        grown = False
        for left, label, right in links:
            if right in span and left not in span and left < head and _LEFT.match(label):
                span.add(left)
                grown = True
            elif left in span and right not in span and right > left and _RIGHT.match(label):
                span.add(right)
                grown = True
    # a span is contiguous: the words between its ends (commas in "Washington, D.C.") are in it
    first, last = min(span), max(span)
    a, b = words[first][0], words[last][1]
    return (a, b) if b > a else None


# ---------------------------------------------------------------- a fallback for the rules

# a clause right after the verb, or after a person told: "stressed that ...", "told reporters
# that"; not "tells the audience about the factors that ..." (a relative clause)
_CLAUSE = re.compile(
    r"(?:\s+(?:me|us|him|her|them|reporters|journalists))?\s+that,?\s+(.{8,}?)[.!?]?[\"”»]?$"
)
# a quotation's own frame: the verb right after it ('“...,” said X', '“...,” X said') or
# right before it ('X said: “...”')
_NEXT_TO = 60
# no speaker the parse should name: pronouns (the rules resolve "he", "she", "I" in a
# transcript's turn, and leave "we", "you", "they"), "it", "this", relative pronouns
_NO_SPEAKER = {"it", "this", "that", "there", "which", "what", "who", "these", "those", "i",
               "we", "you", "they", "he", "she", "one"}  # fmt: skip


def _speaker(parser: LinkParser, sentence: str, at: int) -> tuple[int, int] | None:
    """The subject of the verb at ``at``, when it can be a speaker: not a passive's ("It was
    noted that"), not a pronoun, "it", "this" or a relative pronoun left unresolved."""
    parsed = parser.parse(sentence)
    if parsed is None:
        return None
    verb = next((i for i, (a, b) in enumerate(parsed.words) if a <= at < b), None)
    if any(b == verb and lab.startswith("Pv") for _, lab, b in parsed.links):
        return None
    span = subject_span(parsed, at)
    if span is None or sentence[span[0] : span[1]].lower() in _NO_SPEAKER:
        return None
    return span


def unattributed(
    parser: LinkParser,
    text: str,
    sentences: list[tuple[int, int]],
    quotations: list[tuple[int, int]],
    taken: list[tuple[int, int]],
    lex: dict,
) -> list[tuple[int, int, tuple[int, int], str, bool]]:
    """Attributions from the parse in the sentences no attribution of the rules (``taken``)
    touches: a quotation's speaker (:func:`direct_frame`), else reported speech
    (:func:`reported_frame`). Each is (start, end, speaker span, lemma, direct)."""
    out = []
    for s0, s1 in sentences:
        if any(max(a, s0) < min(b, s1) for a, b in taken):
            continue
        inside = [(a, b) for a, b in quotations if s0 < a < s1]
        for a, b in inside:
            got = direct_frame(parser, text, (s0, s1), a, b, lex)
            if got:
                out.append((a, b, (got[0], got[1]), got[2], True))
        if not inside:
            out += [(*r, False) for r in reported_frame(parser, text, (s0, s1), lex)]
    return out


def direct_frame(
    parser: LinkParser, text: str, sent: tuple[int, int], start: int, end: int, lex: dict
) -> tuple[int, int, str] | None:
    """A quotation the rules found no frame for: the subject of the reporting verb nearest it
    in its sentence, outside the quotation ('Nick Ryan, the founder of ..., which spent ...,
    said, "..."'). Returns the speaker's span in ``text`` and the verb's lemma."""
    s0, s1 = sent
    sentence = text[s0:s1]
    verbs = [v for v in lex["verb"].finditer(sentence)
             if 0 < s0 + v.start() - end <= _NEXT_TO or 0 < start - s0 - v.end() <= 3]  # fmt: skip
    for v in sorted(
        verbs, key=lambda v: min(abs(s0 + v.start() - start), abs(s0 + v.start() - end))
    ):
        span = _speaker(parser, sentence, v.start())
        if span and not (start - 1 <= s0 + span[0] <= end):
            return s0 + span[0], s0 + span[1], lex["forms"][re.sub(r"\s+", " ", v.group().lower())]
    return None


def reported_frame(
    parser: LinkParser, text: str, sent: tuple[int, int], lex: dict
) -> list[tuple[int, int, tuple[int, int], str]]:
    """Reported speech in a sentence the rules attributed nothing in: a reporting verb followed
    by a "that"-clause, its subject read from the parse ("Only 33 percent of Americans said
    that ..."). Returns (start, end, speaker span, lemma) of each, as
    :func:`toolkit.quote_reported.reported` does."""
    s0, s1 = sent
    sentence = text[s0:s1]
    out = []
    for v in lex["verb"].finditer(sentence):
        if v.group()[0].isupper():
            continue  # a verb opens no report at a sentence's start ("Says ...") or in a name
        clause = _CLAUSE.match(sentence[v.end() :])
        if clause is None:
            continue
        span = _speaker(parser, sentence, v.start())
        if span is None or span[1] > v.start():
            continue
        a, b = v.end() + clause.start(1), v.end() + clause.end(1)
        lemma = lex["forms"][re.sub(r"\s+", " ", v.group().lower())]
        out.append((s0 + a, s0 + b, (s0 + span[0], s0 + span[1]), lemma))
        break
    return out
