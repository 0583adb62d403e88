"""A field's value as text: an object's ``name`` before its first text value, on NewsAPI's
``source`` objects (from the "top headlines" dumps of github.com/andrewfromtver/news_ag,
app-data/news_ru.js and news_cn.js, as trial C's data/SOURCES.md names them)."""

import pytest

from toolkit.records import text_value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ({"id": "xinhua-net", "name": "Xinhua Net"}, "Xinhua Net"),  # the name, not the id
        ({"id": "rbc", "name": "RBC"}, "RBC"),
        ({"id": None, "name": "Ria.ru"}, "Ria.ru"),
        ({"id": "lenta", "name": "  "}, "lenta"),  # an empty name: the first text value
        ({"id": "google-news", "name": None}, "google-news"),
        ({"type": "bold", "text": "Talks", "name": "run"}, "Talks"),  # text still first
        ({"rendered": "Talks in Minsk", "protected": False}, "Talks in Minsk"),
    ],
)
def test_text_value_of_an_object(value, text):
    assert text_value(value) == text
