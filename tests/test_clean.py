import itertools
import random
import re
from importlib import resources

import polars as pl
import pytest
from conftest import SEEDS

from toolkit.clean import chrome_flags, clean, cut_chrome_lines, cut_chrome_sentences, learn_chrome
from toolkit.glue import paragraph_lines, paragraphs, split_glued, split_glued_lines
from toolkit.normalize import nfc_unsafe_ranges, normalize
from toolkit.outlet_tables import apart, literal_screen
from toolkit.outlets import any_of, registry


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeffTitle\r\n\r\nBody line.\r\n", "Title\n\nBody line."),
        ("a\u00a0b\u202fc\u2009d", "a b c d"),
        ("soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"),
        ("  indented\n      deep  ", "indented\ndeep"),
        ("one\n\n\n\n\ntwo", "one\n\ntwo"),
        ("tabs\tand   spaces", "tabs and spaces"),
        ("Lukashenkoâ€™s â€œbrotherlyâ€\x9d talks", "Lukashenko’s “brotherly” talks"),  # mojibake
        ("CafÃ© in Minsk", "Café in Minsk"),
        ("old\rMac", "old\nMac"),
        ("Cafe\u0301 in Minsk", "Café in Minsk"),  # decomposed: NFC composes it
        ("5 \u212b", "5 Å"),  # the Angstrom sign is a singleton NFC replaces
        ("\u1100\u1161", "\uac00"),  # Hangul jamo compose
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_nfc_unsafe_table_matches_this_pythons_unicode_data():
    text = (resources.files("toolkit") / "data" / "nfc_unsafe.txt").read_text("utf-8")
    lines = [x for x in text.splitlines() if x and not x.startswith("#")]
    assert lines == [f"{a:04X}-{b:04X}" for a, b in nfc_unsafe_ranges()]


@pytest.mark.parametrize(
    ("paragraph", "pieces"),
    [
        # seed 004 (president.gov.by)
        (
            "Sergei Aleinik“We are well informed.",
            ["Sergei Aleinik", "“We are well informed."],
        ),
        (
            "our neighbours. You know who these neighbours are.Sergey Lavrov noted, “As for",
            ["our neighbours. You know who these neighbours are.", "Sergey Lavrov noted, “As for"],
        ),
        (
            "we will stand our ground,” Aleksandr Lukashenko stressed.The President noted",
            [
                "we will stand our ground,” Aleksandr Lukashenko stressed.",
                "The President noted",
            ],
        ),
        # seed 001 (belarus.by): a closing quote used as an opening one
        (
            "exercise Zapad 2021.”We will only increase,” he stated.",
            ["exercise Zapad 2021.", "”We will only increase,” he stated."],
        ),
        ("He said “yes.”The end.", ["He said “yes.”", "The end."]),
        ('He said "no."Then left.', ['He said "no."', "Then left."]),
        # not glue
        (
            "The U.S.Army and Mr.Smith met in St.Petersburg.",
            ["The U.S.Army and Mr.Smith met in St.Petersburg."],
        ),
        ("See sb.by and belta.by for more.", ["See sb.by and belta.by for more."]),
        ("He said: “Yes, we will.”", ["He said: “Yes, we will.”"]),
        ("Version 2.0 ships.", ["Version 2.0 ships."]),
    ],
)
def test_split_glued(paragraph, pieces):
    assert split_glued(paragraph) == pieces


_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr St Prof Gen Col Lt Sgt Capt Gov Sen Rep Jr Sr No Nos Inc Ltd Co Dept Fig "
    "vs etc approx".split()
)


def reference_split_glued(paragraph: str) -> list[str]:
    """split_glued one match at a time in plain Python: the rules the column version follows."""
    points = []
    for m in re.finditer(r"[.!?…][\"”“]?[A-Z][a-z]|“[A-Za-z]", paragraph):
        i = m.start()
        if paragraph[i] == "“":
            if i > 0 and paragraph[i - 1] in "abcdefghijklmnopqrstuvwxyz,":
                points.append(i)
            continue
        if i == 0 or paragraph[i - 1] not in "abcdefghijklmnopqrstuvwxyz0123456789)]":
            continue
        word = re.compile(r"(\w+)$").search(paragraph, max(0, i - 24), i)
        if word and word.group(1) in _ABBREVIATIONS:
            continue
        quote = paragraph[i + 1] if paragraph[i + 1] in '"”“' else ""
        if not quote:
            points.append(i + 1)
            continue
        before = paragraph[: i + 1]
        if quote == '"':
            closes = before.count('"') % 2 == 1
        else:
            closes = before.count("“") > before.count("”")
        points.append(i + 2 if closes else i + 1)
    if not points:
        return [paragraph]
    cuts = [0, *points, len(paragraph)]
    pieces = (paragraph[a:b].strip() for a, b in itertools.pairwise(cuts))
    return [p for p in pieces if p]


def test_split_glued_lines_follows_the_reference_on_random_text():
    rng = random.Random(7)
    alphabet = ["a", "b", "Ab", "Mr", "No", "Co", "1", ")", "]", ",", " ", ".", "!", "?", "…"]
    alphabet += ['"', "“", "”", "We", "The", "x", "é"]
    lines = [
        "".join(rng.choices(alphabet, k=rng.randint(1, 40))).strip() or "a" for _ in range(3000)
    ]
    lines += [p for seed in sorted(SEEDS.glob("*.txt")) for p in seed.read_text().splitlines() if p]
    got = split_glued_lines(pl.Series(lines)).to_list()
    for line, pieces in zip(lines, got, strict=True):
        expected = reference_split_glued(line)
        assert (pieces if len(pieces) > 1 else [line]) == expected, line


def test_paragraphs_one_per_line_and_rejoined_when_hard_wrapped():
    scraped = "First paragraph of a page.\nSecond paragraph.\n\nThird."
    assert paragraphs(scraped) == ["First paragraph of a page.", "Second paragraph.", "Third."]
    wrapped = (
        "Belarus and Russia will step up the joint\ncounteraction of common challenges\n"
        "and threats, the president said.\n\nThe presidents spoke at length about\n"
        "the situation in instability zones.\n\nThey met in Moscow."
    )
    assert paragraphs(wrapped) == [
        "Belarus and Russia will step up the joint counteraction of common challenges and "
        "threats, the president said.",
        "The presidents spoke at length about the situation in instability zones.",
        "They met in Moscow.",
    ]


def test_paragraph_lines_of_many_texts_are_each_texts_paragraphs():
    wrapped = (
        "Belarus and Russia will step up the joint\ncounteraction of common challenges\n"
        "and threats, the president said.\n\nThe presidents spoke at length about\n"
        "the situation in instability zones.\n\nThey met in Moscow."
    )
    seeds = [normalize(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    texts = [wrapped, "One.Two\nThree", None, "", "Solo line", *seeds]
    frame = paragraph_lines(pl.Series(texts, dtype=pl.String))
    for i, text in enumerate(texts):
        got = frame.filter(pl.col("doc") == i)
        assert got["pos"].to_list() == list(range(got.height))
        assert got["line"].to_list() == ([] if text is None else paragraphs(text))


@pytest.mark.parametrize(
    "chrome",
    [
        "© Pavel Bednyakov/POOL/TASS",
        "Belarusian President Alexander Lukashenko Pavel Bednyakov/POOL/TASS",
        "Copyright 1995 - . All rights reserved. The content (including but not limited to text) belongs to China Daily Information Co (CDIC).",
        "Su Mo Tu We Th Fr Sa",
        "1 2 3 4 5 6 7",
        "Tags: Belarus, Russia, Union State",
        "| Home | News | Opinions & Interviews",
        "Home | Europe",
        "Share",
        "Read more: Putin and Lukashenko meet in Minsk",
        "Related stories",
        "An archive photo",
        "President shakes hands with counterpart in Minsk, Belarus Dec 19, 2022. [Photo/Agencies]",
        "This site uses cookies to improve your experience.",
        "Previous Page",
        "Previous Page 11 12 13 Next Page",
        "Follow us on Twitter: @nytnow.",
        # lines of their own on flairNLP/fundus' pages (NineNews, PoliticoEu, LeMonde, NRK...)
        "Advertisement",
        "ADVERTISEMENT",
        "Advertisement 3",
        "SPONSORED CONTENT",
        "Read More",
        "Most Read",
        "Publicité",
        "Реклама",
        "Flipboard",
        "Paylaş",
    ],
)
def test_common_and_tass_chrome_is_removed(chrome):
    assert clean(f"Body stays.\n{chrome}\nBody too.", site="tass.com") == "Body stays.\n\nBody too."


@pytest.mark.parametrize(
    "body",
    [
        "Putin said the photo was taken in 2022.",
        "The share of trade grew to 40 percent.",
        "Archive materials were declassified on Monday.",
        "Home | Europe " * 100,  # a long paragraph is never chrome
        # the same words in a sentence, or with more on the line, are the story's
        "Advertisement revenue fell by a third.",
        "Listen to the president, he said.",
        "Save the date: the forum opens on Monday",
        "Ad hoc talks began in Minsk.",
    ],
)
def test_body_text_is_kept(body):
    assert clean(body, site="tass.com") == body.strip()


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_clean_is_idempotent_on_seeds(seed):
    once = clean(seed.read_text(encoding="utf-8"))
    assert clean(once) == once


def test_learn_chrome_needs_many_documents_of_one_group():
    menu = ["Belarus Events Calendar", "Souvenirs from Belarus"]
    docs = [[*menu, f"Story {i} body text."] for i in range(6)]
    docs += [["Other site line.", f"Other story {i}."] for i in range(6)]
    groups = ["belarus.by"] * 6 + ["other.example"] * 6
    learned = learn_chrome(docs, groups, min_docs=5, min_share=0.5)
    assert learned == {
        "belarus.by": {"Belarus Events Calendar": 6, "Souvenirs from Belarus": 6},
        "other.example": {"Other site line.": 6},
    }
    assert learn_chrome(docs[:4], groups[:4], min_docs=5) == {}
    assert learn_chrome(docs, [None] * len(docs)) == {}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Minsk and Moscow agreed on oil prices. © 2019 Reuters. All rights reserved.",
            "Minsk and Moscow agreed on oil prices.",
        ),
        (
            "The ministers met in Minsk on Friday. Copyright 2019 The New York Times Company. All rights reserved.",
            "The ministers met in Minsk on Friday.",
        ),
        ("Copyright 2019 Hawaii News Now. All rights reserved.", None),
        ("© 2019 Reuters. The ministers met in Minsk on Friday.", None),
        ("Copyright 2019 Reuters", None),
        # a bare notice that closes a line is cut, and a short sentence before it stays
        (
            "Minsk and Moscow agreed on oil prices. © 2019 Reuters.",
            "Minsk and Moscow agreed on oil prices.",
        ),
        ("Oil prices rose. © 2019 Reuters.", "Oil prices rose."),
    ],
)
def test_a_closing_notice_is_cut_from_its_text_not_the_text_with_it(line, expected):
    assert cut_chrome_sentences(line) == expected
    assert clean(f"Body stays.\n{line}") == "\n\n".join(
        ["Body stays.", *([expected] if expected else [])]
    )


def test_chrome_sentences_of_many_lines_of_several_sites_are_cut_as_one_at_a_time():
    # the lines of one query, each with each site in turn (RT's patterns are not TASS's)
    table = test_a_closing_notice_is_cut_from_its_text_not_the_text_with_it.pytestmark[0]
    lines = [case[0] for case in table.args[1]]
    lines += ["Like this story? Share it with a friend!", "One sentence only", ""]
    sites = [None, "rt.com", "tass.com"]
    pairs = [(line, sites[i % 3]) for i, line in enumerate(lines * 3)]
    expected = [cut_chrome_sentences(line, site) for line, site in pairs]
    assert cut_chrome_lines([p[0] for p in pairs], [p[1] for p in pairs]) == expected
    assert "Oil prices rose." in expected and None in expected


def test_copies_of_one_story_vote_once_when_chrome_is_learned():
    story = ["A real sentence of one story.", "Another sentence of it."]
    docs = [story] * 8 + [["Site menu line.", f"Story {i}."] for i in range(5)]
    learned = learn_chrome(docs, ["site"] * 13, min_docs=5, min_share=0.05)
    assert learned == {"site": {"Site menu line.": 5}}


def test_a_long_line_repeated_across_a_sites_documents_is_learned():
    menu = " ".join(f"icon{i} Menu{i}" for i in range(60))  # an icon-font menu line
    docs = [[menu, f"Story {i} body text."] for i in range(6)]
    assert learn_chrome(docs, ["rt.com"] * 6) == {"rt.com": {menu: 6}}


def test_an_rt_pages_share_line_and_related_link_are_chrome(tmp_path):
    """Trial T: RT's "Like this story? Share it with a friend!" stayed in an article's text (the
    pattern of the whole line was undone by cutting the line's sentences, neither chrome alone),
    and so did "Also on rt.com ..." (a related story's link)."""
    from toolkit import ingest

    body = (
        "<p>Three people have died during protests in Bolivia, the public defender said on "
        "Tuesday.</p><p>Also on rt.com Journalists threatened with sedition arrests as Bolivia "
        "purges socialist elements</p><p>A doctor on the scene said he tried to save one of the "
        "wounded demonstrators, but failed to do so.</p><p>Like this story? Share it with a "
        "friend!</p>"
    )
    page = (
        '<html><head><title>Bolivia clashes</title><link rel="canonical" '
        'href="https://www.rt.com/news/473849-bolivia/"></head><body><article><h1>Bolivia '
        f"clashes</h1>{body}</article></body></html>"
    )
    (tmp_path / "rt.html").write_text(page, encoding="utf-8")
    row = ingest(tmp_path).corpus.row(0, named=True)
    assert (row["site"], row["outlet"]) == ("rt.com", "RT")
    assert "Like this story" not in row["text"] and "Also on rt.com" not in row["text"]
    assert "A doctor on the scene" in row["text"]


@pytest.mark.parametrize(
    ("pattern", "screen"),
    [
        (r"[.!?…]\s+(?:©|\(c\)|Copyright\b)[^.!?]{0,80}[.!?]?$", r"(?i)\(c\)|Copyright|©"),
        (r"[.!?]\s+Read more", "(?i)Read more"),
        (r"\d+ views", "(?i) views"),
        (r"(?:abc)?def", "(?i)def"),  # an optional part is not a literal every match holds
        (r"(?:ab|cd)e", None),  # it opens with its literals: no screen
        (r"x(?:ab|cd)", None),
        (r"\s(?:ab|c\.d)", r"(?i)ab|c\.d"),
        (r"(?:a|b*)c", "(?i)c"),
        (r"(?i:foo)bar", "(?i)bar"),  # a part with flags of its own is passed over
        (r"x|[ab]", None),
        (r"\w+", None),
        (r"[ab]c.d\+", r"(?i)d\+"),  # the longest of the runs every match holds
        (r"\d+(?:abc)+x", "(?i)abc"),  # a part repeated at least once
        (r"\d+(?:abc)*xy", "(?i)xy"),
        # an alternation: a run from each alternative (an agency's dateline)
        (r"(?:^|\s)(?:[A-Z]+, (?:\d+) \(AFP\) —|[A-Z]+ /TASS/)", r"(?i) \(AFP\) —| /TASS/"),
        (r"(?:^|\s)(?:[A-Z]+ \(AFP\)|[A-Z]+)", None),
    ],
)
def test_a_pattern_that_opens_with_a_class_is_screened_by_the_literals_it_holds(pattern, screen):
    assert literal_screen(pattern) == screen


def test_every_chrome_line_the_patterns_find_passes_their_literal_screens():
    # every site's chrome found anywhere, on lines made of its own literals, in any case, and
    # on the chrome lines of the tables above: the screen never hides a line the pattern finds
    reg = registry()
    rng = random.Random(20261202)
    patterns = {p for site in [None, *reg.sites] for p in apart(list(reg.chrome_for(site)[1]))}
    screened = [(p, s) for p in patterns if (s := literal_screen(p)) is not None]
    assert screened
    table = test_common_and_tass_chrome_is_removed.pytestmark[0].args[1]
    lines = [
        *table,
        "Oil rose. © 2019 Reuters.",
        "Talks ended! (C) 2020 BelTA",
        "Ends. COPYRIGHT 2021",
    ]
    for pattern, _ in screened:
        words = re.findall(r"[A-Za-z©]{2,}", pattern)
        lines += [f"{rng.choice(['Done.', 'Ok!', 'x'])} {w.upper() if rng.random() < .5 else w} 2020."
                  for w in words]  # fmt: skip
    frame = pl.DataFrame({"line": lines})
    hits = 0
    for pattern, screen in screened:
        found = frame.select(pl.col("line").str.contains(pattern)).to_series()
        passed = frame.select(pl.col("line").str.contains(screen)).to_series()
        assert not (found & ~passed).any(), (pattern, screen)
        hits += found.sum()
    assert hits >= 2  # the lines do hold chrome the screened patterns find


def test_chrome_flags_are_the_patterns_answer_with_or_without_screens():
    reg = registry()
    lines = pl.Series("line", [
        "Oil rose. © 2019 Reuters.", "Share", "Body text that goes on.", "x" * 900 + ". © 2019",
        "Read more: Putin and Lukashenko meet in Minsk", "Talks ended! (C) 2020 BelTA", "",
    ])  # fmt: skip
    for site in [None, "tass.com", "rt.com"]:
        at_start, anywhere = reg.chrome_for(site)
        whole = pl.lit(False)
        if (start := any_of(at_start)) is not None:
            whole = whole | pl.col("line").str.contains(f"^(?:{start})")
        for found in apart(list(anywhere)):
            whole = whole | pl.col("line").str.contains(found)
        want = pl.DataFrame([lines]).select((pl.col("line").str.len_chars() <= 800) & whole)
        assert chrome_flags(lines, site, reg=reg).to_list() == want.to_series().to_list()
