"""Which lines of a scraped page are prose: the word-count bounds and the title-case rule, and
the same answers from the column version over a batch's lines; where a scraped page's article
ends (a footer's menus cut, a list inside the article kept)."""

import random

import polars as pl
import pytest

from toolkit.outlets import registry
from toolkit.title_lines import is_title, topic_keys
from toolkit.titles import article_span, is_prose, lines_cut_below, prose_flags


def _words(n: int, word: str = "word", end: str = ".") -> str:
    return " ".join([word] * n) + end


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (_words(11), False),  # under 12 words: never prose
        (_words(12), True),
        (_words(12, end=""), False),  # 12-29 words must end as a sentence ends
        (_words(29, end=""), False),
        (_words(30, end=""), True),  # 30 words or more: always prose
        (_words(30, word="Word", end=""), True),
        # most long words capitalised: a headline, not prose
        (_words(12, word="Word"), False),
        (_words(29, word="Word"), False),
        (
            "Manhole Fires and Burst Pipes in the City Are Worse Than Ever Before, Say Officials.",
            False,
        ),
        # capitals among few long words do not make a headline
        ("The oil deal was signed in Minsk on Monday by the two sides at last.", True),
        # initials that are not letters do not count ("1234", "½abc")
        ("1234 ½abc Word word word word word word word word word word word.", True),
        ("x" * 58 + ".", False),  # one word: prose from 60 characters (scripts without spaces)
        ("x" * 59 + ".", True),
        # mostly Chinese or Japanese characters: counted in characters though a space is in it
        # (cn/People of flairNLP/fundus: a dateline, a space, the story)
        ("新华社北京4月24日电 " + "中" * 47 + "。", True),
        ("新华社北京4月24日电 " + "中" * 40 + "。", False),
        ("人民日报 人民日报海外版 中国汽车报 中国能源报 健康时报", False),  # a menu
        ("中" * 70, False),  # no sentence end: a headline
    ],
)
def test_prose(line, expected):
    assert is_prose(line) is expected


def _random_lines(n: int, seed: int = 4) -> list[str]:
    """Lines of the characters the prose test tells apart: spaces Python splits words at and
    polars' ``\\s`` does not (\\x1c-\\x1f), letters of each case and script (Greek, Cyrillic,
    titlecase ǅ, Han), digits, marks, sentence ends, a final newline; 1 to 45 words."""
    rng = random.Random(seed)
    spaces = [" ", " ", " ", "\u00a0", "\x1c", "\x1f", "\t", "\u3000"]
    starts = ["W", "w", "Я", "я", "Ω", "ǅ", "1", "½", "中", "(", "É", "\u0301", "ⅰ"]
    ends = [".", "!", "?", "…", "。", "”", ")", "'", ",", "", "", ".\n", ":"]
    lines = []
    for _ in range(n):
        words = [
            rng.choice(starts) + "x" * rng.choice([0, 1, 2, 3, 4, 7])
            for _ in range(rng.randint(1, 45))
        ]
        line = "".join(w + rng.choice(spaces) for w in words[:-1]) + words[-1]
        lines.append(line + rng.choice(ends))
    return lines


@pytest.mark.parametrize(
    "lines",
    [
        _random_lines(3000),
        ["x" * 59 + ".", "x" * 58 + ".", "", " ", _words(12, word="Word"), _words(30, end="")],
        [_words(12), "x" * 70],  # no line left open to the title-case test
        ["新华社北京4月24日电 " + "中" * 47 + "。", "中 " * 40 + "。", "ab 中中中。", ""],
        # about half kana or Han among words in letters of one byte (searched or not by their
        # bytes) or two (Cyrillic)
        [
            f"{han * k}{other * m}。"
            for k in range(0, 100, 3)
            for m in range(0, 60, 2)
            for han in ("中", "ひ")
            for other in (" a", " Я", "a", " ab")
        ],
    ],
)
def test_prose_flags_those_of_is_prose(lines):
    flags = prose_flags(pl.Series("line", lines, dtype=pl.String))
    assert flags.to_list() == [is_prose(line) for line in lines]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # titles in any script (ru/Kommersant, cn/People, jp/Sankei, kr/MBN of flairNLP/fundus)
        ("Легкий троннинг", True),
        ("促进航天技术更好惠及人民", True),
        ("小笠原諸島の警察無線「不感地帯」解消", True),
        ("‘흙수저’ 소년공이 쏘아올린 정치 신화", True),
        ("Putin and Lukashenko hold talks", True),
        # not a title: a sentence, no letters, a date
        ("Они пообедали и вышли с заявлениями к журналистам.", False),
        ("共同体进一步指明了方向。", False),
        ("$ 80,22", False),
        ("14.05.2025, 20:28", False),
    ],
)
def test_is_title(line, expected):
    assert is_title(line, registry()) is expected


# A scraped page, real-shaped (en.kremlin.ru's talks): menus, its title, paragraphs of prose.
_MENU = ["President", "News", "Events", "Transcripts", "Photos", "Videos"]
_TITLE = "Russian-Belarusian talks"
_STORY = [
    "Vladimir Putin and Alexander Lukashenko held talks in the Kremlin on Friday, first in a"
    " restricted format and then with the participation of the two delegations.",
    "The two presidents discussed the integration of their countries within the Union State,"
    " trade, energy supplies and joint projects in industry and agriculture.",
    "The leaders also exchanged views on the situation in the region and on cooperation"
    " within the Eurasian Economic Union and the Collective Security Treaty Organisation.",
]
_PARTICIPANTS = [
    "Participants in the talks in an expanded format:",
    "Sergei Lavrov – Minister of Foreign Affairs",
    "Alexei Overchuk – Deputy Prime Minister",
    "Maxim Oreshkin – Aide to the President",
    "Yury Ushakov – Aide to the President",
    "Sergei Shoigu – Minister of Defence",
    "Anton Siluanov – Minister of Finance",
    "Vladimir Makei – Minister of Foreign Affairs of Belarus",
    "Roman Golovchenko – Prime Minister of Belarus",
]
_AFTER = [
    "Following the talks, the presidents made statements for the press and answered the"
    " journalists' questions on the integration programmes agreed last year.",
]
_FOOTER = [
    "Publication date",
    "Topics",
    "Foreign policy",
    "Persons",
    "Lukashenko Alexander",
    "Text version",
    "Send to email",
    "Copy link",
    "Print",
    "Contacts",
]
_PROGRAMME = [
    "The programme of the visit:",
    "10:00 – Arrival at the Kremlin",
    "11:00 – Talks in a restricted format",
    "13:00 – Talks with the delegations",
    "15:00 – Statements for the press",
]

_DOCUMENTS = [
    "Documents signed:",
    "• Agreement on the mutual recognition of visas",
    "• Programme of cooperation in the humanitarian sphere",
    "• Memorandum on cooperation in agriculture",
]


@pytest.mark.parametrize(
    ("article", "after", "repeated", "kept"),
    [
        # a footer's menus after the last paragraph: cut
        (_STORY, [], None, len(_STORY)),
        # a list of participants and the paragraph after it: the article's
        (_STORY + _PARTICIPANTS + _AFTER, [], None, len(_STORY + _PARTICIPANTS + _AFTER)),
        # a programme that ends the article, the footer below it: cut below the programme
        (_STORY + _PROGRAMME, [], None, len(_STORY + _PROGRAMME)),
        (_STORY + _DOCUMENTS, [], None, len(_STORY + _DOCUMENTS)),  # a bulleted list
        # lines the site's other pages have are its chrome, whatever their shape
        (_STORY, _PARTICIPANTS + _AFTER, True, len(_STORY)),
        # two items are no list; a menu's links set apart by bars are none
        (_STORY, _PARTICIPANTS[:3] + _FOOTER + _AFTER, None, len(_STORY)),
        (_STORY, [f"{p}: Events | Photos | Videos" for p in _FOOTER] + _AFTER, None, len(_STORY)),
        # a long line between items is no subheading: the list has ended above it
        (
            _STORY + _PROGRAMME[:4],
            ["The statements were broadcast live by every channel of the country", *_PROGRAMME[4:]],
            None,
            len(_STORY + _PROGRAMME[:4]),
        ),
    ],
)
def test_a_list_inside_the_article_is_kept(article, after, repeated, kept):
    lines = [*_MENU, _TITLE, *article, *after, *_FOOTER]
    flags = [repeated is True and (p in after or p in _MENU + _FOOTER) for p in lines]
    _, end = article_span(lines, registry(), flags if repeated else None)
    top = len(_MENU) + 1
    assert lines[top:end] == [*article, *after][:kept]


# Documents signed, a list the rule cannot tell from a footer's links (no numbers, no labels)...
_SIGNED = [
    "Documents signed",
    "Agreement on the mutual recognition of visas of the two states",
    "Programme of cooperation in the humanitarian sphere for three years",
    "Memorandum on cooperation in agriculture and food supplies",
    "Agreement on the joint use of the border crossing points",
    "Plan of consultations between the two foreign ministries",
    "Agreement on cooperation in science and higher education",
    "Joint statement on the results of the talks of the two presidents",
    "Agreement on the supply of natural gas in the next year",
]
# ...and the article's paragraphs after it (on its topic: the presidents, integration, talks)
_MORE = [
    "The presidents said the integration programmes of the Union State were on track and the"
    " talks on energy supplies and trade would go on in the Eurasian Economic Union.",
    "Alexander Lukashenko thanked Vladimir Putin for the talks and invited him to Minsk, where"
    " the two presidents will discuss the integration of the Union State again next month.",
    "The two presidents agreed that trade between their countries, the energy supplies and the"
    " joint projects of the Union State would be discussed at the next talks in Minsk.",
]
_NOTICES = [
    "All materials of this site are available under a Creative Commons Attribution 4.0"
    " International licence, with a link to the site required for any use.",
    "The editorial office is not responsible for the content of the external sites linked"
    " from these pages or for the opinions of the authors of comments.",
    "Cookies help us provide our services; by continuing to browse the site you agree to"
    " our use of cookies as described in the privacy policy of the site.",
]
_TEASERS = [
    "Putin and Lukashenko held talks",
    "The two presidents discussed the integration of the Union State and trade, and the"
    " energy supplies for next year at talks in Minsk.",
    "Union State integration talks",
    "The presidents discussed the integration programmes of the Union State and the energy"
    " supplies at talks in the Kremlin on Friday.",
    "Energy supplies to the Union State",
    "The presidents said the talks on trade and energy supplies would go on in the Union"
    " State and the Eurasian Economic Union.",
]


# a story long enough that three paragraphs below a footer's run are less than half as much
_LONG_STORY = [
    *_STORY,
    *(
        f"{who} spoke of the integration of the Union State, of trade and of the energy supplies,"
        " and of the joint projects the two countries have in industry and in agriculture."
        for who in ("Vladimir Putin", "Alexander Lukashenko", "The Prime Minister", "The envoy")
    ),
]


@pytest.mark.parametrize(
    ("below", "repeated", "noted"),
    [
        # paragraphs on the article's topic, in a row, below a list it cut: its end may be lost
        (_SIGNED + _MORE, False, True),
        # a footer's notices in a row: not on its topic
        (_FOOTER + _NOTICES, False, False),
        # teasers of other stories on its topic: one by one, between their headlines
        (_FOOTER + _TEASERS, False, False),
        # the site's other pages have them: its chrome
        (_SIGNED + _MORE, True, False),
        (_FOOTER, False, False),
    ],
)
def test_paragraphs_like_the_article_s_cut_below_it_are_noted(below, repeated, noted):
    lines = [*_MENU, _TITLE, *_LONG_STORY, *below, *_FOOTER]
    flags = [repeated and p in _MORE for p in lines]
    _, end = article_span(lines, registry(), flags)
    assert lines[end - 1] == _LONG_STORY[-1]  # cut below the story, whatever follows
    cut = lines_cut_below(lines, end, [is_prose(p) for p in lines], flags)
    assert cut == (len(lines) - end if noted else 0)


@pytest.mark.parametrize(
    "text",
    [
        "Cases of the case: Lukashenko's talks in Minsk",
        "Переговоры в Минске продолжились",
        "a of",
        "",
    ],
)
def test_topic_keys_of_a_text_in_spaced_scripts_are_its_words_keys(text):
    # a text with a Han word is read word by word, the same words alone at once: the same keys
    assert topic_keys(text) == topic_keys(f"{text} 会谈") - {"会谈"}
    assert topic_keys("Treaties of the treaty: Lukashenko's talks") == {"treat", "lukas", "talk"}
