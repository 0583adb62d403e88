"""What stands before a reporting verb: its subject without the appositives, asides and
adverbs between them (:func:`without_appositive`, :func:`without_adverbs`), and a verb form's
lemma (:func:`lemma_of`); whether a speaker phrase is a preposition's object rather than a
subject is :mod:`toolkit.quote_objects`'s. :mod:`toolkit.quote_frames`,
:mod:`toolkit.quote_reported`, :mod:`toolkit.quote_ends` and :mod:`toolkit.quote_coordinated`
read a frame's speaker with these.

Example:
    >>> from toolkit.speakers import lexicon
    >>> without_appositive("Dieter Graumann, head of the Central Council of Jews, ", lexicon())
    'Dieter Graumann'
"""

from __future__ import annotations

import re

from toolkit.quote_sources import DAY, MONTH
from toolkit.quote_subjects import (
    AUXILIARIES,
    AUXILIARY,
    DASH_ASIDE,
    ly_noun,
)
from toolkit.speaker_countries import is_country
from toolkit.speakers import (
    PARTICLES,
    QUANTIFIERS,
    UPPER,
    is_organisation,
    is_person,
    speaker_phrase,
    word_spans,
)

__all__ = [
    "CLAUSE_VERB",
    "PROGRESSIVE",
    "SAID_IN",
    "STATES",
    "TIME_AT_END",
    "TIME_PHRASE",
    "after_stop",
    "lemma_of",
    "without_adverbs",
    "without_appositive",
    "without_time",
]

# the auxiliary of a progressive ("are claiming that", "was saying that"): the subject is before it
PROGRESSIVE = {"is", "are", "was", "were", "been"}

_ADVERB = re.compile(
    r"^(?:(?-i:[a-z]\w*ly)|also|then|later|again|once|twice|further|however|has|have|had|would|will|"
    r"long|since|already|never|not|just|now|still|even|earlier|first|finally|always|often|ever|"
    r"both|all|did|does|do)$",  # (an emphasis's auxiliary: "the governor did say")
    # ("-ly" in lower case: "Ms. Waly said" is a name)
    re.I,
)
# an appositive between a speaker and the verb: "Dieter Graumann, head of the Central Council
# of Jews, said", "Mr. Herzog, 54, said"
_APPOSITIVE = re.compile(r",\s+((?:the |a |an |\d)?[\w’'\-]+)[^,\"“”«»;:!?()]{0,90}?,\s*$")
# a longer one after a name that opens the clause ("Christian Estrosi, a former mayor of Nice and
# currently president of the Regional Council of ...,"): a name's words, no dateline's capitals
_NAME_OPENS = re.compile(r"\s*(?:[A-Z][\w’'.\-]*\s+){0,4}[A-Z][\w’'.\-]*[a-z][\w’'.\-]*(?=,)")
_LONG_APPOSITIVE = re.compile(r",\s+((?:the |a |an |\d)?[\w’'\-]+)[^,\"“”«»;:!?()]{0,150}?,\s*$")


def _long_appositive(head: str) -> re.Match | None:
    """:data:`_LONG_APPOSITIVE` right after a name that opens ``head`` (its first group the
    appositive's first word, as :data:`_APPOSITIVE`'s), or None."""
    name = _NAME_OPENS.match(head)
    return _LONG_APPOSITIVE.match(head, name.end()) if name else None


# a clause's verb, a regular past or an auxiliary: what comes before ", and" or ", but" when a new
# clause opens there, and what no adjunct after an inverted frame holds (quote_ends)
CLAUSE_VERB = re.compile(rf"\b(?:[a-z]{{3,}}ed|{AUXILIARY})\b")
# a name in commas after a noun phrase, right before the verb: "a spokesman for the Chinese
# Ministry of Foreign Affairs, Hong Lei, said", "Sisi's sole rival, the leftist Hamdeen Sabbahi,"
_NAMED = re.compile(
    r"(?:^|,)\s*(?:(?:But|And|Yet|So|and|but)\s+)?"
    r"([^,\"“”«»;:!?()]{3,80}?),\s+([^,\"“”«»;:!?()]{3,60}?),\s*$"
)  # (after a conjunction that opens the sentence or a clause: "But a prosecutor, Capt. Joe
# Morrow, said", "..., and one of its producers, Antoine Vimal du Monteil, told": after a
# clause's verb, not a name's appositive, "Mark Zuckerberg, ..., and his wife, Dr. Priscilla Chan,")
# a relative clause between a speaker and the verb: "Abdel Fattah al-Sisi, who deposed ..., said"
# (not past the main clause's own verb after a comma: "But the king, who announced today that
# he would abdicate, has a bigger legacy, says Raphael Minder"; but "X, who, like most
# officials, is Buddhist, denied")
_RELATIVE_CLAUSE = re.compile(
    r",\s+(?:who|whose)\b(?:,[^\"“”«»;:!?()]{0,200}?|"
    rf"(?:(?!,\s+(?:{AUXILIARY})\s)[^\"“”«»;:!?()]){{0,200}}?),\s*$"
)
# a linking adverb in commas between a subject and its verb: "Mr. Mas, however, said"
_CONNECTIVE = re.compile(
    r",\s+(?:however|though|too|meanwhile|in turn|for (?:his|her|its|their) part|in response|"
    r"in fact|moreover|nevertheless|instead|in addition|likewise|in contrast|for example|"
    r"for instance)\s*,\s*$"
)
# an aside between dashes or a participle phrase in commas: "the Alliance for Peace and
# Democracy - the organizer of a massive petition - said", "Hollande, speaking to reporters
# later, welcomed", "Sullivan, struck by her story, told", or a dash and a comma ("Aung San
# Suu Kyi - one of the staunchest fighters for democracy, said")
_ASIDE = re.compile(
    rf"(?:{DASH_ASIDE}|,\s+[a-z]+ing\b[^,\"“”«»;:!?]{{0,80}},"
    # (or a past participle's phrase: "Sullivan, struck by her story, told her"; not "to",
    # a finite verb's: "Liu Xiangyang, ..., declined to be interviewed, saying")
    r"|,\s+(?:[a-z]+ed|struck|shaken|driven|taken|known|caught|held)\s+(?:by|with|at|in|"
    r"over|about|from|for|on)\b[^,\"“”«»;:!?]{0,80},"
    r"|\s+[-–—]\s+(?:one|a|an|the)\s[^-–—\"“”«»;:!?,]{3,120},)\s*$"
)
# a month's whole name ("in March"; not "in Marseille", "in Augusta")
_MONTH_NAME = (
    "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# a time phrase between a subject and its verb: "The police force on Monday acknowledged",
# "Officials last week said", "The ministry on Oct. 18 announced", "X on Thursday evening
# said", "an arbitration panel in 2001 found" (TIME_PHRASE: the phrase alone, also after a
# frame's verb, :func:`toolkit.quote_asides.group_frame`)
TIME_PHRASE = (
    rf"(?:(?:on\s+)?{DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|on\s+{MONTH}\.?\s+\d{{1,2}}|in\s+(?:{_MONTH_NAME}\s+)?(?:1[89]|20)\d\d|in\s+{_MONTH_NAME}"
    r"|(?:(?:earlier|later)\s+)?(?:last|this|next)\s+(?:week|weekend|month|year|night)(?![’']s)"
    # (how long ago: "less than two weeks ago", "a month ago", "a year later")
    r"|(?:(?:less|more)\s+than\s+)?(?:an?|two|three|four|five|six|\d+|a\s+few|several)\s+"
    r"(?:days?|weeks?|months?|years?)\s+(?:ago|later|earlier)"
    r"|yesterday|today|at\s+the\s+time)"
)
_TIME = re.compile(rf"(?<=[\w,])\s+{TIME_PHRASE}\s*$")
TIME_AT_END = re.compile(rf"\s*\b{TIME_PHRASE}$")  # a time phrase that ends some words
_NP_OPENS = re.compile(r"(?:the|a|an|another|one|his|her|its|their|\w+['’]s)$", re.I)
# a body's name: capitalised words, "of", "for" and "and" between ("the National Salvation Front")
_ORGANISATION = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][\w\-’']*(?:\s+(?:of|for|and|the|[A-Z][\w\-’']*)){1,7}"
)


# a time phrase that opens the sentence with no comma after it ("On Friday Ford Motor Company
# announced"): no part of a name that follows it
_OPENING_TIME = re.compile(
    rf"^\s*(?:On|on|Last|last)\s+(?:{DAY}|{MONTH}\.?\s+\d{{1,2}})\s+(?=[A-Z])"
)


# a document's release after its head noun, between it and its verb ("A Government
# Accountability Office report released last year found", "a 46-page analysis released by
# the Department of Veterans Affairs last month reveals", "A Monmouth poll out Monday showed")
_RELEASED = re.compile(  # (a plural too, and a capital: "Exit polls taken in", "Polls released")
    r"\b(?i:report|stud(?:y|ie)|survey|poll|analys[ie]s|review|audit|assessment|paper|memo|data|"
    r"figures|statistics|investigation|inquiry|census|index|document|disclosure|filing|cable)s?"
    r"(?:\s+(?:of|from|by|for)(?:\s+[\w’'\-/&.]+){1,6}?)?"  # ("A poll from Marquette Law School")
    r"(?P<released>\s+(?:released|published|issued|conducted|commissioned|compiled|carried\s+out|"
    r"out|taken|filed|obtained|reviewed|made\s+public|leaked)"
    r"(?:\s+(?:by|in|on|at|to|last|this|earlier|late|early|during|from)"
    r"(?:\s+(?!(?:that|who|which)\b)[\w’'\-/&.]+){1,10})*\s*)$"
)
# a phrase of what the speaker was doing, between the subject and its verb with no comma
# ("Richard Ferrand in relaying the news to parliament said")
_DOING = re.compile(
    r"(?<=\w)\s+(?:in|while|when|upon|after|before)\s+[a-z]+ing\b[^,.;:\"“”]{0,80}$"
)
# what something is said in: "in a statement", "in an interview", "in a Medium post"
SAID_IN = (
    r"statement|press\s+release|(?:press|news)\s+conference|briefing|interview|post|tweet|"
    r"speech|filing|letter|op-ed|column|video|e-?mail|memo"
)
# where it was said, after the subject: "Jeb Bush in a Medium post", "Mr. Li in an interview"
_MEDIUM = re.compile(
    rf"(?<=\w)\s+in\s+(?:a|an|his|her|its|their)\s+(?:[\w.’'\-]+\s+){{0,2}}(?:{SAID_IN})"
    r"(?:\s+with\s+(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})?\s*$"
)


# an aside in commas after a name, of where or when it was said ("Clinton, during a town hall
# meeting in Columbus, Ohio,", "Priebus, in the wake of a new poll showing ...,")
_NAME_ASIDE = re.compile(
    r"(?<=[\w.)])\s*,\s+(?:(?:during|at|after|before|in\s+the\s+wake\s+of|"
    r"in\s+(?:a|an|the|his|her)\s+[a-z]+)\s[^,;:\"“”()]{3,90}(?:,\s+[A-Z][a-z]+\.?)?"
    r"|in\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}),\s*$"  # (or a place: "Trump, in Kentucky,")
)


def _name_aside(head: str) -> re.Match | None:
    """:data:`_NAME_ASIDE` where a name, capitalised or in brackets, is right before it."""
    m = _NAME_ASIDE.search(head)
    last = head[: m.start()].split()[-1:] if m else []
    return m if last and (last[0][:1].isupper() or last[0].endswith(")")) else None


# a clause a colon or semicolon closes before a verb's subject, and what follows it
_STOP = re.compile(r"^([^\"“”«»]*)[;:]\s+(?=\S)")
_SHARE_NEXT = re.compile(r"\d|(?:A\s+majority|Most|Half|Nearly|About|More\s+than|Only)\b")


def after_stop(head: str) -> str:
    """The words before a verb with what a colon or semicolon closes blanked, offsets kept:
    a clause of five words or more ("Haredi schools teach little math: one recent study
    said"), or anything before a share of those polled ("On terrorism: 47% say"); not a
    headline's short label ("Tweet gone wrong: Outrage over AP post saying")."""
    m = _STOP.match(head)
    if m and (len(m.group(1).split()) >= 5 or _SHARE_NEXT.match(head, m.end())):
        return " " * m.end() + head[m.end() :]
    return head


def without_time(head: str) -> str:
    """The words before a verb without a time phrase that ends them ("The police force on
    Monday", "Officials last week"), a phrase of what the speaker was doing ("in relaying
    the news to parliament") or where ("in a Medium post"), or a document's release ("a
    report released last year"): the subject is what comes before it; a time phrase that
    opens them with no comma after it is blanked, offsets kept ("On Friday Ford Motor
    Company")."""
    for _ in range(2):  # a time after a release too: "a report released last year"
        m = _TIME.search(head) or _DOING.search(head) or _MEDIUM.search(head) or _name_aside(head)
        released = None if m else _RELEASED.search(head)
        head = head[: m.start()] if m else head[: released.start("released")] if released else head
    return _OPENING_TIME.sub(lambda m: " " * len(m.group()), head, count=1)


# what ends the words before a verb: "that" and a subject of up to four words
_THAT_SUBJECT = re.compile(r"\sthat\s+((?:[\w’'\-]+\s+){1,4})$")


def _reports_with_that(head: str, at: int, lex: dict) -> bool:
    """Whether the relative clause at ``at`` reports with "that" and its content's subject
    ends ``head``: the verb after it is the content's, not the clause's head's ("a pastor who
    once argued that biblical verses suggested that ..."; not "a judge who ruled that most of
    it could be broadcast said")."""
    content = _THAT_SUBJECT.search(head, at)
    if content is None or any(w in _AUXILIARY for w in content.group(1).split()):
        return False
    return any(re.match(r"\s+that\s", head[m.end() :]) for m in lex["verb"].finditer(head, at))


# a name right after a dash, before the verb
_AFTER_DASH = re.compile(
    rf"\s[—–]\s+((?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[{UPPER}][\w’'\-.]*(?:\s+[{UPPER}][\w’'\-.]*){{0,3}})\s*$"
)


# a city's state or country after its comma, in a place phrase ("chief economist of High
# Frequency Economics in Valhalla, New York, wrote"): the appositive goes on through it
STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|"
    "Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\\.H|N\\.J|N\\.M|N\\.Y|N\\.C|N\\.D|Okla|Ore|Pa|R\\.I|"
    "S\\.C|S\\.D|Tenn|Va|Vt|Wash|Wis|Wyo"
)
_STATE = re.compile(rf"(?:{STATES})\.?")
_CITY_PLACE = re.compile(
    rf"\b(?:in|of|from|at|near|outside)\s+(?:[{UPPER}][\w’'\-.]*\s+){{0,2}}[{UPPER}][\w’'\-.]*"
    rf"(,)\s+((?:{STATES})\.?|[{UPPER}][\w’'\-]*(?:\s+[{UPPER}][\w’'\-]*){{0,2}})(?=,)"
)


def _city_places(head: str) -> str:
    """The head with the comma between a city and its state or country blanked, offsets kept."""
    for m in reversed(list(_CITY_PLACE.finditer(head))):
        if _STATE.fullmatch(m.group(2)) or is_country(m.group(2)):
            head = head[: m.start(1)] + " " + head[m.end(1) :]
    return head


def without_appositive(head: str, lex: dict) -> str:
    """The words before a verb without an appositive that ends them: a noun phrase that starts
    with a determiner, an age or a role word ("Scott Mastic, regional director for ...,"), or a
    relative clause ("X, who deposed Morsi on July 3, said"); not a clause ("..., they are not
    ..., said X"). A name in commas after a noun phrase is the speaker itself: what comes before
    it is blanked ("The Deputy Magistrate, Michael Chan Pik-kiu, said"), so offsets hold."""
    head = _city_places(head)
    adverb = re.search(
        r",\s*(?:(?:[a-z]+ly|also|again|then|later|once|has|have|had)\s*){1,2}$", head
    )
    if adverb:  # "Benny Tai, one of the organizers, repeatedly said": the adverb left out
        # (and an auxiliary: "As Lu Wei, minister of ..., once said", "..., has announced")
        head = head[: adverb.start() + 1]
    connective = _CONNECTIVE.search(head)
    if connective:  # "Mr. Mas, however, said": the subject before the linking adverb
        head = head[: connective.start()]
    # a short quotation inside an appositive is part of it ("Benny Tai, one of the three
    # organizers of the "Occupy Central" movement, said"): its marks read as apostrophes
    # (with the comma the American style sets inside the closing mark: 'a former performer on
    # “Saturday Night Live,” said'; a longer title after "of", up to 80 characters, its colon
    # read as a space: 'the host of “Watch What Happens: Live,” said')
    head = re.sub(
        r"[\"“]([^\"“”,]{1,40}|(?<=of [“\"])[^\"“”,]{1,80})(,?)[\"”]",
        lambda m: f"'{m.group(1).replace(':', ' ')}'{m.group(2)}",
        head,
    )
    dashed = _AFTER_DASH.search(head)
    if dashed and (
        re.match(r"(?:Mr|Ms|Mrs|Dr)\b", dashed.group(1)) or _is_named(dashed.group(1), lex)
    ):  # a name after a dash is the verb's subject ("report to executives who do — Mr.
        # Kryukov claimed"): what comes before it is blanked
        return " " * dashed.start(1) + head[dashed.start(1) :]
    named = _NAMED.search(head)
    if (
        named
        and (
            not re.match(r",\s*(?:and|but)\s", named.group())
            or CLAUSE_VERB.search(head[: named.start()])
        )
        and _is_noun_phrase(named.group(1), lex)
        and (
            _is_named(named.group(2), lex)
            or (is_organisation(named.group(1), lex) and _ORGANISATION.fullmatch(named.group(2)))
        )
    ):  # (or a body's name after what it is: "The major opposition group, the National
        # Salvation Front, has announced")
        return " " * named.start(2) + head[named.start(2) : named.end(2)]
    # the verb of a relative clause ("Scolari, who also said he ..."), or one that ends the
    # subject ("The Israeli official who described the campaign acknowledged that ...")
    right = re.search(r",?\s+who(?:\s+(\w+))?\s*$", head)  # the verb is the relative clause's
    if right and right.group(1) and _own_subject(right.group(1), lex):
        right = None  # "Mr. Morsi, who critics said had ...": the clause has its own subject
    who = right or re.search(r"\s+who\s+[^,;:\"“”«»]{3,80}$", head)
    if (
        who
        and not _reports_with_that(head, who.start(), lex)
        and (right or speaker_phrase(word_spans(head[: who.start()]), lex))
    ):
        kept = head[: who.start()]
        # (a place after an appositive is no one who speaks: "said Lu Jingxiang, a pastor from
        # Anhui Province, in eastern China, who said")
        place = re.search(r",\s+(?:in|at|from|near|outside)\s[^,\"“”]*$", kept)
        if place and re.search(r",\s+(?:a|an|the)\s[^,\"“”]*$", kept[: place.start()]):
            kept = kept[: place.start()]
        # "Dov Hanin, a lawmaker from the left-wing Hadash Party, who suggested": the name
        # before the appositive (also where no role list holds the appositive's head: "John
        # C. Hagee, an evangelical pastor who once argued")
        app = re.search(r",\s+(?:a|an|the)\s[^,\"“”]*$", kept)
        name = (
            re.search(rf"(?:[{UPPER}][\w’'\-.]*\s+){{1,3}}[{UPPER}][\w’'\-]*$", kept[: app.start()])
            if app
            else None
        )
        if name and is_person(name.group(), lex):
            return kept[: app.start()]
        if speaker_phrase(word_spans(kept), lex):
            return kept
    m = _RELATIVE_CLAUSE.search(head) or _ASIDE.search(head)
    if m is not None:
        head = head[: m.start()]
        last = head.rsplit(",", 1)[-1].strip()
        inner = m.re is _ASIDE or "," not in m.group().strip(" ,")
        if "," in head and inner and not _is_named(last, lex) and not is_person(last, lex):
            # (a name's appositive before the aside or the clause: "John Dickey, the chief
            # executive of Ora Media -- the production company that owns ... -- told me",
            # "Schiff, 56, who has served on the committee for a decade, told"; not where the
            # name is after the comma, nor past a clause of commas the verb may not be theirs)
            named = without_appositive(head + ", ", lex)
            words = word_spans(named)
            if words and speaker_phrase(words, lex) == (0, len(words)):
                return named
        return head
    kept = head
    for _ in range(2):  # a second appositive before the first ("Scott Pruitt, the attorney
        # general of Oklahoma, one of the states suing the EPA, said")
        m = _APPOSITIVE.search(head) or _long_appositive(head)
        if m is None:
            return kept
        first = m.group(1)
        lower_role = any(w in lex["role_words"] for w in re.findall(r"\b[a-z]+\b", m.group()[:40]))
        # (also a possessive: "Even China, Pyongyang's only ally ..., said")
        opens = (re.match(r"(?:the|a|an) |\d|one$|now$|aged$|[\w\-]+['’]s$", first)
                 or first.lower() in lex["role_words"])  # fmt: skip
        # a nickname: "But Leung, also known as 'Long Hair', insisted"
        opens = opens or re.match(r",\s+(?:also\s+)?(?:known\s+as|nicknamed|dubbed)\s", m.group())
        if not (opens or lower_role):
            return kept
        kept = head = head[: m.start()]
        if not re.search(r",\s+[^,]+$", head):
            return kept
        head += ", "  # the first appositive, its closing comma as the verb's
    return kept


def _is_named(phrase: str, lex: dict) -> bool:
    """Whether a phrase ends with a person's name of two or more words ("Hong Lei", "the
    leftist Hamdeen Sabbahi"), not an institution's ("the Central Council of Jews")."""
    words = word_spans(phrase)
    got = speaker_phrase(words, lex)
    if not got:
        return False
    named = [w for _, _, w in words[got[0] : got[1]]]
    caps = taken = 0
    for w in reversed(named):
        if w.lower() in PARTICLES and caps:  # "Servini de Cubría": a particle inside the name
            taken += 1
            continue
        if not re.match(rf"[{UPPER}]", w) or w in lex["titles"] or w.lower() in lex["role_words"]:
            break
        caps, taken = caps + 1, taken + 1
    return caps >= 2 and is_person(" ".join(named[-taken:]), lex)


def _is_noun_phrase(phrase: str, lex: dict) -> bool:
    """Whether the words before a name in commas are a noun phrase about a person ("a spokesman
    for ...", "Another abstainer", "Sisi's sole rival"), not a clause or a list of names; a
    relative clause may end it ("the head of the panel that ruled on the case")."""
    words = phrase.split()
    return (
        0 < len(words) <= 12
        and not lex["verb"].search(re.sub(r"\s(?:that|who)\s.*", "", phrase))
        and (_NP_OPENS.match(words[0]) is not None or words[0].lower() in lex["role_words"])
    )


def without_adverbs(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words before a verb without up to two adverbs or auxiliaries that end them ("has
    long denied", "also said")."""
    for _ in range(2):
        if (len(words) > 1 and _ADVERB.match(words[-1][2])
                and not ly_noun(words[-1][2], words[-2][2])
                and not (words[-1][2][:1].isupper() and words[-2][2][:1].isupper())):  # fmt: skip
            words = words[:-1]  # (not "The family said": a noun; nor a name's last word,
            # "Peter Long said")
    return words


def lemma_of(form: str, lex: dict) -> str:
    return lex["forms"][re.sub(r"\s+", " ", form.lower())]


_AUXILIARY = set(AUXILIARIES)  # a clause's verb, not a word of a noun phrase


def _own_subject(word: str, lex: dict) -> bool:
    """Whether a word right after "who" is the relative clause's own subject, not an adverb or
    an auxiliary of its verb: a group ("critics", "analysts"), a quantifier ("many") or a
    pronoun ("he")."""
    low = word.lower()
    return low in lex["roles"] or low in QUANTIFIERS or low in lex["pronouns"]
