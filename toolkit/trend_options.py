"""The trends notebook's options (the ``trends`` section of a parameter set): period, query and
the phrases it leaves out, events, the before/after window, and the rest; their defaults are
the notebook's parameters cell. :mod:`toolkit.trends` computes with them.

Example:
    >>> TrendOptions().period, TrendOptions().query[:2]
    ('month', ['belarus*', 'lukashenk*'])
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.options import option
from toolkit.resources import PERIODS

__all__ = ["TrendOptions"]


# Phrases in which the default query's "minsk" names no Belarusian matter: the Minsk agreements
# on Donbas (and their protocol, package, format and talks' other names) and the OSCE Minsk
# Group on Karabakh. In the Kremlin's 2021-22 releases 179 of 222 "Minsk"s were these, and 45
# of the 57 items the query found only by "minsk" were about the agreements. Their Russian,
# Ukrainian and Belarusian names too, for a query in those languages ("Минские соглашения").
_QUERY_EXCEPT = [
    "minsk agreement*",
    "minsk accord*",
    "minsk protocol*",
    "minsk package",
    "minsk format",
    "minsk process",
    "minsk group",
    "minsk deal*",
    "minsk-2",
    "minsk ii",
    "минск* соглашени*",
    "минск* договор*",
    "минск* групп*",
    "минск* формат*",
    "минск* процесс*",
    "минск-2",
    "минск-3",
    "минска-2",
    "минска-3",
    "мінськ* угод*",
    "мінск* пагадненн*",
]

_EVENTS = [
    {"date": "2020-08-09", "label": "Belarusian presidential election"},
    {"date": "2021-11-04", "label": "Union State programmes"},
    {"date": "2022-02-24", "label": "February 2022"},
    {"date": "2023-01-19", "label": "Lavrov in Minsk"},
]


@dataclass(frozen=True)
class TrendOptions:
    """The trends notebook's options (the ``trends`` section of a parameter set)."""

    period: str = option("month", "period of every series", choices=tuple(PERIODS))
    query: list = option(
        ["belarus*", "lukashenk*", "minsk", "union state"],
        "terms whose share of items is followed (whole words; * for any ending)",
    )
    query_except: list = option(
        _QUERY_EXCEPT,
        "phrases in which a query term is not counted (written as terms are; [] for none)",
    )
    events: list = option(_EVENTS, "events drawn on every time plot: a list of {date, label}")
    event: str | None = option(
        "2022-02-24", "the event compared before and after", types=(str, type(None))
    )
    window_days: int = option(180, "days either side of the event", minimum=1, maximum=36_525)
    rolling: int = option(
        1, "periods pooled in a rolling window (1: none)", minimum=1, maximum=1000
    )
    min_period_items: int = option(
        5,
        "periods with fewer items are left out of share plots (kept in the tables)",
        minimum=0,
        maximum=10**6,
    )
    permutations: int = option(
        2000, "shuffles in the before/after permutation test", minimum=1, maximum=100_000
    )
    top_terms: int = option(20, "terms listed as rising and falling", minimum=1, maximum=1000)
    min_count: int = option(
        3,
        "terms rarer than this around the event are not ranked",
        minimum=1,
        maximum=10**6,
    )
    topics_drawn: int = option(
        10,
        "topics drawn over time (the largest); the tables keep every topic",
        minimum=1,
        maximum=1000,
    )
    stop_words: list = option(
        [], "your own stop words, added to the list of each language of the corpus"
    )
    exclude_terms: list = option(
        [], "terms left out of the words that rose and fell: words or phrases, * for any letters"
    )
    languages: list = option(
        [],
        "languages whose items the query, frames and words follow (ISO 639-1); empty: the "
        "corpus's most common one alone (with a language_map: it and the languages mapped)",
    )
    language_map: dict = option(
        {},
        "each language's words mapped to shared terms ({ru: {санкция: sanction}}): the only "
        "way the words that rose and fell compare across languages",
    )
