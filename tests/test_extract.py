import datetime as dt

import pytest

from toolkit.extract import detect_site, read_page

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
    ],
)
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
