"""Telegram Desktop's HTML export: one row per message. The markup is the exporter's
(Telegram/SourceFiles/export/output/export_output_html.cpp), as public parsers of it describe it
(a message's body, ``date details`` with the day-first time in its title, ``from_name`` left out
on ``joined`` messages, ``forwarded body``)."""

import pytest

from toolkit import ingest
from toolkit.telegram_html import is_export, messages

HEAD = (
    '<html><head><meta charset="utf-8"/></head><body><div class="page_wrap">'
    '<div class="page_header"><div class="content"><div class="text bold">\nБелТА\n</div></div>'
    '</div><div class="page_body chat_page"><div class="history">'
    '<div class="message service" id="message-1"><div class="body details">3 December 2024'
    "</div></div>"
)
TAIL = "</div></div></div></body></html>"


def _message(n, body, joined=False):
    return (
        f'<div class="message default clearfix{" joined" if joined else ""}" id="message{n}">'
        f'<div class="body">{body}</div></div>'
    )


def _date(title):
    return f'<div class="pull_right date details" title="{title}">10:05</div>'


@pytest.mark.parametrize(
    ("bodies", "expected"),
    [
        # the sender of a joined message is the one before it; <br> breaks lines
        (
            [_date("03.12.2024 10:05:00 UTC+03:00") + '<div class="from_name">\nБелТА\n</div>'
             '<div class="text"><strong>Talks</strong><br><br>in Minsk</div>',
             _date("03.12.2024 11:00:00 UTC+03:00") + '<div class="text">Second</div>'],
            [{"id": "101", "date": "2024-12-03T10:05:00+03:00", "from": "БелТА",
              "text": "Talks\n\nin Minsk", "channel": "БелТА"},
             {"id": "102", "date": "2024-12-03T11:00:00+03:00", "from": "БелТА",
              "text": "Second", "channel": "БелТА"}],
        ),
        # a forwarded message: its text and the source it came from
        (
            [_date("03.12.2024 10:05:00") + '<div class="from_name">БелТА</div>'
             '<div class="forwarded body"><div class="from_name">Kremlin News</div>'
             '<div class="text">Forwarded text</div></div>'],
            [{"id": "101", "date": "2024-12-03T10:05:00", "from": "БелТА",
              "text": "Forwarded text", "forwarded_from": "Kremlin News", "channel": "БелТА"}],
        ),
        # a photo without a caption has no text; a time in another form is not guessed
        (
            [_date("yesterday") + '<div class="from_name">БелТА</div>'
             '<div class="media_wrap clearfix">Photo</div>'],
            [{"id": "101", "from": "БелТА", "channel": "БелТА"}],
        ),
    ],
)  # fmt: skip
def test_messages_of_an_export_page(bodies, expected):
    page = HEAD + "".join(_message(101 + i, b, joined=i > 0) for i, b in enumerate(bodies)) + TAIL
    assert is_export(page)
    rows, service = messages(page)
    assert [fields for _, _, fields in rows] == expected
    assert service == 1  # the day's heading: not a message


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><article><p>Talks in Minsk.</p></article></body></html>",
        '<html><body><div class="message default">no history</div></body></html>',
    ],
)
def test_other_pages_are_not_exports(page):
    assert not is_export(page)


def test_an_export_loads_one_row_a_message_with_its_channel_as_outlet(tmp_path):
    bodies = [
        _date("03.12.2024 10:05:00 UTC+03:00") + '<div class="from_name">БелТА</div>'
        '<div class="text">Лукашенко провел переговоры<br><br>Обсудили программы.</div>',
        _date("03.12.2024 11:00:00 UTC+03:00") + '<div class="text">Минск и Москва.</div>',
        _date("03.12.2024 12:00:00 UTC+03:00") + '<div class="media_wrap">Photo</div>',
    ]
    page = HEAD + "".join(_message(101 + i, b, joined=i > 0) for i, b in enumerate(bodies)) + TAIL
    (tmp_path / "messages.html").write_text(page, encoding="utf-8")
    result = ingest(tmp_path)
    assert result.corpus.select("outlet", "title", "text").rows() == [
        ("BelTA", "Лукашенко провел переговоры", "Обсудили программы."),  # a title line, read
        ("BelTA", None, "Минск и Москва."),
    ]
    assert [str(d) for d in result.corpus["published"]] == ["2024-12-03", "2024-12-03"]
    assert result.skipped.select("record", "reason").rows() == [
        (2, "no body text: empty text cell")
    ]
    loaded = result.report.filter(status="loaded")["note"].to_list()
    assert loaded == ["a page of a Telegram export: its service entries (day headings, pinned"
                      " messages: 1) are not messages and were not loaded"] * 2  # fmt: skip


@pytest.mark.parametrize(
    ("history", "rows"),
    [
        # a page of day headings only: one skip that says so, not a page of "3 December 2024"
        ("", [(None, "a page of a Telegram export with no messages (1 service entries)")]),
        # a message with nothing in it (a sticker): that message skipped, not the page
        (_message(7, ""), [(0, "no body text: empty text cell")]),
    ],
)
def test_an_export_page_without_readable_messages_says_so(tmp_path, history, rows):
    (tmp_path / "messages.html").write_text(HEAD + history + TAIL, encoding="utf-8")
    result = ingest(tmp_path)
    assert result.corpus.height == 0
    assert result.skipped.select("record", "reason").rows() == rows
