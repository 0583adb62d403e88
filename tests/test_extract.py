import datetime as dt
from pathlib import Path

import pytest

from toolkit.extract import assemble_page, copyright_holder, detect_site, read_page

HEAD = "Putin and Lukashenko hold talks"
BODY = "The two presidents discussed integration."


@pytest.mark.parametrize(
    ("line", "outlet", "place", "month_day", "first_body"),
    [
        (
            "MINSK, December 19. /TASS/. Lukashenko said.",
            "TASS",
            "MINSK",
            (12, 19),
            "Lukashenko said.",
        ),
        (
            "IGORA /Leningrad Region/, December 26. /TASS/. Russia could use it.",
            "TASS",
            "IGORA /Leningrad Region/",
            (12, 26),
            "Russia could use it.",
        ),
        (
            "MOSCOW, 9 September (BelTA) – Belarus and Russia agree.",
            "BelTA",
            "MOSCOW",
            (9, 9),
            "Belarus and Russia agree.",
        ),
        (
            "MINSK, 27 June (BelTA) - The talks began.",
            "BelTA",
            "MINSK",
            (6, 27),
            "The talks began.",
        ),
        (
            "MOSCOW, April 5 (Xinhua) -- Russian officials said.",
            "Xinhua",
            "MOSCOW",
            (4, 5),
            "Russian officials said.",
        ),
        (
            "MOSCOW - Russian President Vladimir Putin visited Minsk.",
            None,
            "MOSCOW",
            None,
            "Russian President Vladimir Putin visited Minsk.",
        ),
        (
            "HONG KONG — Thousands of demonstrators marched.",
            None,
            "HONG KONG",
            None,
            "Thousands of demonstrators marched.",
        ),
        ("BEIJING, March 5 - Delegates gathered.", None, "BEIJING", (3, 5), "Delegates gathered."),
        # the wires state media carry (trial T: their pages had no outlet)
        ("NEW YORK (Reuters) - Oil prices fell.", "Reuters", "NEW YORK", None, "Oil prices fell."),
        ("LONDON, Nov 19 (Reuters) - Oil fell.", "Reuters", "LONDON", (11, 19), "Oil fell."),
        ("MOSCOW (AP) — The Kremlin said.", "Associated Press", "MOSCOW", None,
         "The Kremlin said."),
        ("Moscow (AFP) - The Kremlin said.", "AFP", "Moscow", None, "The Kremlin said."),
        ("HAYWARD, Calif. (AP) — A man died.", "Associated Press", "HAYWARD, Calif.", None,
         "A man died."),
        ("HANOI, Vietnam (AP) — Talks began.", "Associated Press", "HANOI, Vietnam", None,
         "Talks began."),
    ],
)  # fmt: skip
def test_datelines(line, outlet, place, month_day, first_body):
    page = read_page([HEAD, line, BODY])
    assert page.outlet == outlet
    assert page.dateline == place
    got = (page.dateline_date.month, page.dateline_date.day) if page.dateline_date else None
    assert got == month_day
    assert page.title == HEAD
    assert page.body == [first_body, BODY]


@pytest.mark.parametrize(
    ("lines", "outlet", "site", "page_date"),
    [
        (
            ["xi's moments", HEAD, "Xinhua | Updated: 2022-12-20 09:31", BODY, "Global Edition"],
            "Xinhua",
            "chinadaily.com.cn",
            dt.date(2022, 12, 20),
        ),
        (
            [
                HEAD,
                "By Zhang Wei | China Daily | Updated: 2023-01-05 07:10",
                BODY,
                "Global Edition",
            ],
            "China Daily",
            "chinadaily.com.cn",
            dt.date(2023, 1, 5),
        ),
        (
            [HEAD, BODY, "Based on materials of sb.by and belta.by"],
            "President.gov.by",
            "president.gov.by",
            None,
        ),
        (
            ["Official Website of the Republic of Belarus", "9 Sep 2021", HEAD, BODY],
            None,
            "belarus.by",
            dt.date(2021, 9, 9),
        ),
        (["All news", HEAD, BODY], None, "tass.com", None),
        ([HEAD, BODY], None, None, None),
    ],
)
def test_bylines_cues_and_sites(lines, outlet, site, page_date):
    detected = detect_site(lines)
    page = read_page(lines, site=detected)
    assert (page.outlet, detected, page.page_date) == (outlet, site, page_date)
    assert page.title == HEAD
    assert page.body == [BODY]


def test_no_title_is_invented_from_a_lead_sentence():
    lead = "Minsk considers Russia to be a strategic partner, Lukashenko stated on Thursday."
    page = read_page([lead, BODY])
    assert page.title is None
    assert page.body == [lead, BODY]


MENU = ["Home", "World", "Business", "Sport", "Video", "Contact us"]
STORY = [
    "Police in Minsk have arrested three people over the gas pipeline fire on Friday night.",
    "The fire broke out at a pumping station of the pipeline near Minsk, officials said.",
    "Firefighters put the fire out after four hours; nobody was hurt, the ministry said.",
]
TITLE = "Three arrested over Minsk pipeline fire"
STANDFIRST = "Police arrested three people over the Minsk pipeline fire at a gas pumping station"


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # an author's blurb above the title shares nothing of the story
        (
            ["Anna Petrova Contributor", "I cover energy in Eastern Europe. full bio →", TITLE],
            TITLE,
        ),
        # the line right above a byline, not the video caption below it
        ([TITLE, "By Anna Petrova, Reuters", "Pipeline fire near Minsk 01:04"], TITLE),
        ([TITLE, "Anna Petrova, CNN", "Updated 5:57 PM ET, Sun January 18, 2015"], TITLE),
        # the title, not the standfirst or a summary point below it that shares as much
        (
            [
                TITLE,
                "Police say three people were arrested over the fire at the Minsk pipeline",
                "Pipeline fire: nobody was hurt",
            ],
            TITLE,
        ),
        ([TITLE, "by Anna Petrova", "Published March 9, 2017"], TITLE),
        # a headline in title case is no paragraph, even ending with an abbreviation
        (
            [
                "Three Arrested Over Pipeline Fire That Cut Gas To Homes Across Minsk, Not the U.S.S.R."
            ],
            "Three Arrested Over Pipeline Fire That Cut Gas To Homes Across Minsk, Not the U.S.S.R.",
        ),
        # a caption ending with its credit is no title
        ([TITLE, "The pipeline station near Minsk on Friday. (Photo: Getty Images)"], TITLE),
        # a section path or a site name around the title is cut where it shares no word
        ([f"News > Belarus > {TITLE}"], TITLE),
        ([f"Start / Ausland / {TITLE}"], TITLE),  # a breadcrumb of slashes (li/Landesspiegel)
        ([f"World|{TITLE}"], TITLE),
        ([f"Minsk|{TITLE}"], TITLE),  # a section that shares less than half as many words
        ([f"{TITLE} - The Daily Planet"], TITLE),
        # a title sharing no word with the story, written in the <title> above it as well
        (
            ["The Lower Depths | The Daily Planet", "Tweet", "The Lower Depths", "Anna Petrova"],
            "The Lower Depths",
        ),
        (["Blogs » Minsk » The Lower Depths", "Tweet", "The Lower Depths"], "The Lower Depths"),
        # captions between the title and the byline; the standfirst below it is no title
        (
            [
                "Minsk pipeline blaze: arrests made",
                "The pumping station near Minsk on Friday night.",
                "Firefighters at the station on Friday night.",
                "By Anna Petrova",
                STANDFIRST,
            ],
            "Minsk pipeline blaze: arrests made",
        ),
        # a photographer's credit over the byline is no title
        (
            [
                TITLE,
                "The pumping station near Minsk on Friday night.",
                "Police Minsk / Pipeline Fire Agency",
                "By Anna Petrova",
            ],
            TITLE,
        ),
    ],
)
def test_the_title_of_a_scraped_page(header, title):
    paras = MENU + header + STORY
    page = assemble_page(paras, [False] * len(paras), [], scraped=True)
    assert page.title == title
    assert page.body[-3:] == STORY
    assert not set(MENU) & set(page.body)


CAPTION = (
    "Firefighters at the pumping station of the gas pipeline near Minsk on Friday night, when"
    " the fire broke out after an explosion."
)
HEADLINE_2 = "Minsk pipeline fire. Police arrest three"


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # cases of flairNLP/fundus' test pages (the site named), written over this story
        # a title's abbreviation before a name ends no sentence (us/TheIntercept)
        (
            [
                CAPTION,
                "Minsk pipeline fire: Rep. Anna Petrova says police arrested three over the blaze",
                "Anna Petrova",
                "April 28 2023, 3:54 p.m.",
                CAPTION,
            ],
            "Minsk pipeline fire: Rep. Anna Petrova says police arrested three over the blaze",
        ),
        # a short headline of two sentences (ca/TheGlobeAndMail, cz/SeznamZpravy)
        (
            [
                "Digital access Digital + home delivery",
                HEADLINE_2,
                "newsletter",
                HEADLINE_2,
                "Anna Petrova",
                "Published 3 seconds ago",
            ],
            HEADLINE_2,
        ),
        (
            ["Photo: Daily Planet", HEADLINE_2, "Anna Petrova", "Published 3 seconds ago"],
            HEADLINE_2,
        ),
        # one word of a script that sets words apart is a section, not a title (pl/Rzeczpospolita)
        (
            [
                "Wydarzenia",
                "Three arrested over Minsk pipeline fire. Police say more to come",
                "Anna",
            ],
            "Three arrested over Minsk pipeline fire. Police say more to come",
        ),
        # a section path is no title, though it shares the story's words (uk/EveningStandard)
        (
            [
                "Minsk | Pipeline",
                "Three arrested over Minsk pipeline fire at pumping station",
                "Getty Images",
                "Anna Petrova 2 minutes ago",
            ],
            "Three arrested over Minsk pipeline fire at pumping station",
        ),
        # 14 photos with captions between the title and the body (us/APNews)
        (
            [
                "The Daily Planet is an independent global news organization dedicated to factual"
                " reporting, founded in 1846 and still based in Minsk today.",
                "Read More",
                TITLE,
                TITLE,
                *(
                    line
                    for i in range(1, 15)
                    for line in (
                        f"{i} of 14 |",
                        f"Photo {i} of the fire at the Minsk pumping station, where police"
                        " arrested three people on Friday night after the blaze.",
                        "Read More",
                    )
                ),
            ],
            TITLE,
        ),
    ],
)
def test_the_title_among_a_page_s_sections_and_photos(header, title):
    paras = MENU + header + STORY
    for repeated in (None, [p in MENU or p == "Read More" for p in paras]):
        page = assemble_page(paras, [False] * len(paras), [], scraped=True, repeated=repeated)
        assert page.title == title


def test_a_footer_after_the_article_is_cut():
    footer = ["About us", "Advertise", "Site map", "Careers", "Help", "Terms", "Privacy", "RSS"]
    notice = "Registration on or use of this site constitutes acceptance of our User Agreement."
    paras = [*MENU, TITLE, *STORY, "Nobody was hurt.", *footer, notice]
    page = assemble_page(paras, [False] * len(paras), [], scraped=True)
    assert page.body == [*STORY, "Nobody was hurt."]


@pytest.mark.parametrize("noted", [True, False])
def test_paragraphs_like_the_article_s_cut_below_it_are_noted(noted):
    # a run of specifications, then three more paragraphs of the story (or of a cookie notice)
    footer = ["About us", "Advertise", "Site map", "Careers", "Help", "Terms", "Privacy", "RSS"]
    story = [f"{p} The fire at the pipeline pumping station near Minsk was out." for p in STORY]
    other = "Cookies help us provide our services and show you the adverts you may like best."
    below = story if noted else [other] * 3
    paras = [*MENU, TITLE, *STORY * 4, *footer, *below, *footer]
    page = assemble_page(paras, [False] * len(paras), [], scraped=True)
    assert page.body == STORY * 4
    assert (page.cut_note is not None) is noted


@pytest.mark.parametrize(
    ("line", "name", "outlet"),
    [
        ("© 2015 BBC. All rights reserved.", "BBC", "BBC"),
        ("Copyright 2015 Fox News Network, LLC. All rights reserved.", "Fox News Network", None),
        ("© Copyright 2015 by The New York Times Company", "The New York Times", "New York Times"),
        ("© 2015 Cable News Network. Turner Broadcasting System, Inc.", "Cable News Network", None),
        ("© Pavel Bednyakov/POOL/TASS", None, None),  # a photo's credit
        ("(c) 2014", None, None),
    ],
)
def test_copyright_lines(line, name, outlet):
    assert copyright_holder(line) == name
    paras = [*MENU, TITLE, *STORY, line]
    page = assemble_page(paras, [False] * len(paras), [line], scraped=True)
    assert page.outlet == outlet
    assert (page.outlet_note is not None) == (name is not None and outlet is None)


SECTION = "Business"


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # the page's first line of its own (its section, a line of every page, above it)
        # shares the story's words: the title, not the standfirst that shares more
        (
            [
                SECTION,
                "Minsk pipeline blaze: arrests made",
                "Anne Cusack / Daily Planet",
                "The pumping station near Minsk on Friday night.",
                "By Anna Petrova",
                STANDFIRST,
            ],
            "Minsk pipeline blaze: arrests made",
        ),
        # over its byline, however far above the body: a list of videos comes between
        (
            [
                SECTION,
                "Minsk pipeline blaze: arrests made",
                "By Anna Petrova 16 hours ago",
                *(f"Video {i}: Minsk pipeline fire station footage" for i in range(45)),
            ],
            "Minsk pipeline blaze: arrests made",
        ),
        # a first own line sharing one word is a section of its own, not the title
        ([SECTION, "Minsk Region", TITLE, "Published March 9, 2017", "Associated Press"], TITLE),
    ],
)
def test_the_first_own_line_of_a_page_whose_site_is_known(header, title):
    paras = MENU + header + STORY
    repeated = [p in MENU or p == SECTION for p in paras]
    page = assemble_page(paras, [False] * len(paras), [], scraped=True, repeated=repeated)
    assert page.title == title


def test_a_title_other_pages_link_to_over_a_dateline():
    """The article starts at its title even where the site's other pages have it too."""
    lead = "MINSK – " + STORY[0]
    paras = [*MENU, TITLE, "Published March 9, 2017", lead, *STORY[1:]]
    repeated = [p in MENU or p == TITLE for p in paras]
    page = assemble_page(paras, [False] * len(paras), [], scraped=True, repeated=repeated)
    assert (page.title, page.dateline) == (TITLE, "MINSK")


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # learned (other pages link to it) but over the page's stamp: the title, kept
        ([TITLE, "Published January 19, 2015", *STORY], {TITLE}),
        # a list of dated links below the middle of the body stays chrome
        ([*STORY, *STORY, TITLE, "Published January 19, 2015", "Help"], set()),
        # captions between the title and its byline: the nearest learned headline above the
        # byline that shares three words of the story
        (
            [
                "Pipeline Fire Put Out In Minsk",
                TITLE,
                "Police Minsk / Pipeline Fire Agency",
                "The pumping station near Minsk on Friday night.",
                "By Anna Petrova",
                *STORY,
            ],
            {TITLE},
        ),
        # one sharing fewer (an offer of the site) is no title
        (
            ["Free Minsk Pipeline Guide", "Energy", "Minsk", "By Anna Petrova", *STORY],
            set(),
        ),
        # only the first headline over a stamp: a dated list above the body keeps the rest
        (
            [
                TITLE,
                "January 19, 2015",
                "Pipeline Fire Put Out In Minsk",
                "January 20, 2015",
                *STORY,
            ],
            {TITLE},
        ),
    ],
)
def test_a_learned_headline_over_a_stamp_is_the_title(lines, kept):
    from toolkit.outlets import registry
    from toolkit.titles import titles_over_bylines

    learned = [
        p in {TITLE, "Pipeline Fire Put Out In Minsk", "Free Minsk Pipeline Guide"} for p in lines
    ]
    chrome = titles_over_bylines(lines, learned, learned, registry())
    assert {p for p, c, was in zip(lines, chrome, learned, strict=True) if was and not c} == kept


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        # a long line that opens with its stamp is the page's date line, not a caption
        (
            "January 14, 2015 | This article appeared in the February 2, 2015 edition of the Planet.",
            dt.date(2015, 1, 14),
        ),
        # a caption that ends with a date is not the page's date
        ("The pumping station near Minsk is seen in this photo taken on Nov 9, 2013.", None),
        # ...nor one whose sentence closes after its date, before the photo credit
        ("The pumping station near Minsk on Friday, Nov. 8, 2013. (AP Photo/Anna Petrova)", None),
        ("The pumping station near Minsk, Nov. 8, 2013, at night. Picture by Anna Petrova", None),
        # a byline that carries its stamp is no caption
        (
            "By Anna Petrova and Ivan Sidorov, Minsk Daily, Nov. 8, 2013, 5:00 p.m.",
            dt.date(2013, 11, 8),
        ),
    ],
)
def test_the_stamp_of_a_scraped_page(stamp, published):
    paras = [*MENU, TITLE, stamp, *STORY]
    page = assemble_page(paras, [False] * len(paras), [], scraped=True)
    assert page.page_date == published


_DATES = Path(__file__).parent / "data" / "pages_dates"  # see its README: public pages


@pytest.mark.parametrize(
    ("excerpt", "order", "published"),
    [
        # a caption's date under the title, its sentence closed before the photo credit: the
        # byline's stamp below it is the page's
        ("malaymail_my", None, dt.date(2024, 11, 22)),
        ("euronews_uk", "dmy", dt.date(2026, 1, 6)),  # "06/01/2026 - 13:55", the site's order
        ("euronews_uk", None, None),  # the stamp's order unsettled: no date, not the caption's
        # the page's stamp 18 lines above its title, over share links, not the caption below
        ("lemonde_fr", None, dt.date(2023, 8, 30)),
        # only a slideshow's captions' dates: no date
        ("apnews_us", None, None),
        # the header's "today" right above the title loses to the byline's stamp below it
        ("ilanga_za", None, dt.date(2024, 11, 5)),
        # the header's "today" 46 lines above the title, over the site's menus, is not its date
        # (a stamp that far up is taken only after a byline)
        ("worldtruth_us", None, None),
    ],
)
def test_a_caption_or_the_headers_today_is_not_the_pages_date(excerpt, order, published):
    lines = (_DATES / f"{excerpt}.txt").read_text(encoding="utf-8").splitlines()
    paras = [p.strip() for p in lines if p.strip()]
    page = assemble_page(
        paras, [False] * len(paras), [], scraped=True, order=order, repeated=[False] * len(paras)
    )
    assert page.page_date == published
    # a date left null says which stamp was not taken, and why
    note = page.date_note or page.unsettled_date
    assert (note is None) == (published is not None)


@pytest.mark.parametrize(
    ("lead", "gap", "published"),
    [
        ("Weather", 5, dt.date(2015, 1, 18)),  # near the title: the page's stamp
        ("Weather", 25, None),  # far above, over menus: a header's "today"
        ("By Anna Petrova, Reuters", 25, dt.date(2015, 1, 18)),  # a byline's stamp
    ],
)
def test_a_stamp_far_above_the_title(lead, gap, published):
    menus = [f"Section {k}" for k in range(gap)]
    paras = [lead, "Sun January 18, 2015", *menus, TITLE, *STORY]
    # the site's pages known (none shares these lines): the stamp is sought from the top
    page = assemble_page(
        paras, [False] * len(paras), [], scraped=True, repeated=[False] * len(paras)
    )
    assert page.title == TITLE
    assert page.page_date == published
    assert (page.date_note is not None) == (published is None)


def test_a_reporters_note_after_the_last_paragraph_is_kept():
    note = "(Reporting by Anna Petrova; Editing by Ivan Sidorov)"
    footer = [
        "Family & Relationships",
        "Death & Funeral",
        "View Comments (49)",
        "Help",
        "RSS",
        "Map",
    ]
    paras = [*MENU, TITLE, *STORY, note, *footer]
    page = assemble_page(paras, [False] * len(paras), [], scraped=True)
    assert page.body == [*STORY, note]


_NONLATIN = Path(__file__).parent / "data" / "pages_nonlatin"  # see its README: public pages


@pytest.mark.parametrize(
    ("excerpt", "title", "published", "yearless"),
    [
        # a Chinese title (no Latin letters) over its stamp "2024年04月24日23:52 | 来源： 新华网"
        (
            "people_cn",
            "促进航天技术更好惠及人民――习近平主席向首届“中国－拉美和加勒比国家航天合作论坛”"
            "致贺信为中拉深化航天合作指明方向",
            dt.date(2024, 4, 24),
            (4, 24),  # the Xinhua dateline's own day, "新华社北京4月24日电"
        ),
        # a Russian title over a byline whose stamp has no year: the date stays partial
        (
            "pravda_ru",
            "157 миллионов за бездействие. Как судьи ликвидированного ОАСК до сих пор сидят на"
            " выплатах из госбюджета",
            None,
            (1, 8),
        ),
        # Japanese: "2025/1/21 20:50", a one-digit month
        (
            "sankei_jp",
            "小笠原諸島の警察無線「不感地帯」解消 以前は電波を探し警察官が往復 住民から安堵の声",
            dt.date(2025, 1, 21),
            None,
        ),
        # Korean: "입력 2026.07.12 22:09", dotted, the year first
        (
            "hankook_kr",
            "민주당 '선호투표제' 도입 또다시 불발··· 친청계 \"당규 개정 왜 밀어붙이나\"",
            dt.date(2026, 7, 12),
            None,
        ),
        # Korean: the title 19 lines above the body, its subheads between (words of the story
        # matched by pairs of syllables: "국민 통합" and "국민통합을")
        (
            "hankook2_kr",
            "\"왜 경상도, 전라도 나눠서 싸우나\"... DJ 고향에서 '국민 통합' 외친 이재명",
            dt.date(2025, 5, 15),
            None,
        ),
        # Japanese: the title over a stamp's label and the stamp ("公開日：", "2025/01/31 11:30"),
        # not the standfirst below, which shares more words with the story
        (
            "nikkan_jp",
            'フジテレビ問題でスポーツ界にも大激震！協賛企業"総スカン"で各競技団体のビジネスモデル完全崩壊へ',
            dt.date(2025, 1, 31),
            None,
        ),
    ],
)
def test_a_scraped_page_in_another_script(excerpt, title, published, yearless):
    lines = (_NONLATIN / f"{excerpt}.txt").read_text(encoding="utf-8").splitlines()
    paras = [p.strip() for p in lines if p.strip()]
    page = assemble_page(paras, [False] * len(paras), [], scraped=True)
    assert (page.title, page.page_date) == (title, published)
    partial = page.dateline_date
    assert ((partial.month, partial.day) if partial else None) == yearless
    assert partial is None or partial.year is None  # no year guessed


def test_the_chinese_page_names_its_agency():
    lines = (_NONLATIN / "people_cn.txt").read_text(encoding="utf-8").splitlines()
    paras = [p.strip() for p in lines if p.strip()]
    page = assemble_page(paras, [False] * len(paras), [], scraped=True)
    assert (page.outlet, page.dateline) == ("Xinhua", "北京")


@pytest.mark.parametrize(
    ("name", "text", "note"),
    [
        # a page stamp without a year (an excerpt of the Pravda page): said to be the stamp's
        ("pravda_ru.txt", None, "the page's date stamp has no year and no evidence fixes one"),
        # a dateline without a year
        (
            "tass.txt",
            "Talks in Minsk\n\nMINSK, December 19. /TASS/. The presidents met in Minsk today.\n",
            "dateline has no year and no evidence fixes one",
        ),
    ],
)
def test_the_note_on_a_yearless_date_says_where_it_came_from(tmp_path, name, text, note):
    from toolkit import ingest

    source = _NONLATIN / name if text is None else None
    (tmp_path / name).write_text(
        source.read_text(encoding="utf-8") if source else text, encoding="utf-8"
    )
    notes = ingest(tmp_path).report["note"].to_list()
    assert notes[0] is not None and note in notes[0]


def test_prose_cut_above_a_title_is_noted():
    # trial AC: paragraphs other pages of the folder share (a re-crawl's) were cut above the
    # title with no note; the page now says its start may be lost
    shared = [
        "The United States in the next few days will deploy 3,000 more troops to Romania, "
        "Poland and Germany amid the ongoing situation between Russia and Ukraine.",
        "Last week, Defense Secretary Lloyd Austin put 8,500 U.S. troops on heightened "
        "preparedness, as President Biden and his national security team weighed options.",
    ]
    paras = [*MENU, *shared, TITLE, *STORY]
    repeated = [p in MENU or p in shared for p in paras]
    page = assemble_page(paras, [False] * len(paras), [], scraped=True, repeated=repeated)
    assert page.title == TITLE
    assert " of prose above the title cut (" in page.cut_note
    # nothing of prose cut: no note
    page = assemble_page([*MENU, TITLE, *STORY], [False] * 10, [], scraped=True,
                         repeated=[True] * 6 + [False] * 4)  # fmt: skip
    assert page.cut_note is None
