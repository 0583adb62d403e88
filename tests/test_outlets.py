import re

import polars as pl
import pytest

from toolkit.errors import DataError
from toolkit.extract import read_page
from toolkit.load import ingest
from toolkit.outlet_tables import _opens_with_literal, any_of, apart
from toolkit.outlets import Registry, registry


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("tass", "TASS"),
        ("TASS", "TASS"),
        ("belta", "BelTA"),
        ("xinhuanet", "Xinhua"),
        ("chinadaily", "China Daily"),
        ("globaltimes", "Global Times"),
        ("cgtn", "CGTN"),
        ("rt", "RT"),
        ("mfa", "Russian MFA"),
        ("mod", "Russian MoD"),
        ("kremlin", "Kremlin"),
        ("sputnik", "Sputnik"),
        ("bbc", "BBC"),
        ("РИА Новости", "RIA Novosti"),  # a Telegram channel's name (a trial's public export)
        ("ria.ru", "RIA Novosti"),
        ("BBC News | Русская служба", "BBC"),
        ("aljazeera.com", "Al Jazeera"),  # RUWA's Site column (a trial's public table)
        ("en.news-front.info", "News Front"),
        ("president.gov.by", "President.gov.by"),
        ("ТАСС", "TASS"),
        ("БЕЛТА", "BelTA"),
        ("Новости Беларуси", "BelTA"),
        ("新华社", "Xinhua"),
        ("人民网", "People's Daily"),
        ("en.people.cn", "People's Daily"),
        ("Chinanews.com", "China News Service"),  # NewsAPI's source name (trial C)
        ("中新网", "China News Service"),
        ("中新社", "China News Service"),
        ("no such outlet", None),
    ],
)
def test_canonical_names(alias, canonical):
    assert registry().canonical(alias) == canonical


@pytest.mark.parametrize(
    ("url", "site", "outlet"),
    [
        ("https://tass.com/politics/1894093", "tass.com", "TASS"),
        ("http://en.kremlin.ru/events/president/news/68700", "kremlin.ru", "Kremlin"),
        ("https://www.rt.com/news/4157-ukraine/", "rt.com", "RT"),
        ("https://www.belarus.by/en/press-center/news", "belarus.by", None),  # a carrier
        (
            "https://www.chinadaily.com.cn/a/202212/20/WS63a1.html",
            "chinadaily.com.cn",
            "China Daily",
        ),
        ("https://www.bbc.co.uk/news/world-europe-60506682", "bbc.co.uk", "BBC"),
        ("http://www.news.cn/world/2022-12/20/c_1129219712.htm", "news.cn", "Xinhua"),
        ("https://example.org/a", "example.org", None),
        ("", None, None),
    ],
)
def test_site_and_outlet_of_url(url, site, outlet):
    reg = registry()
    assert reg.site_of_url(url) == site
    assert reg.outlet_of_site(site) == outlet


def test_every_alias_that_is_a_domain_is_a_site_of_its_outlet():
    """An alias written as a domain ("bbc.co.uk") is a site the outlet owns, or a subdomain of
    one ("en.kremlin.ru"): else its pages get no outlet while the alias names one."""
    reg = registry()
    for outlet in reg.outlets.values():
        for alias in outlet.aliases:
            if re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", alias):
                site = reg.site_of_url(f"https://{alias}/")
                assert reg.outlet_of_site(site) == outlet.name, (outlet.source, alias)


def test_every_outlet_table_compiles_and_has_a_site():
    reg = registry()
    assert len(reg.outlets) >= 15
    for outlet in reg.outlets.values():
        assert outlet.sites, outlet.source
        for pattern in outlet.datelines:
            assert "place" in pattern.groupindex, (outlet.source, pattern.pattern)


def test_adding_an_outlet_is_adding_data(tmp_path):
    (tmp_path / "belsat.yaml").write_text(
        "outlet: Belsat\n"
        "aliases: [belsat]\n"
        "datelines:\n"
        "  - '^(?P<place>[A-Z]+), (?P<month>[A-Z][a-z]+) (?P<day>\\d{1,2}) \\(Belsat\\) -\\s*'\n"
        "sites:\n"
        "  - domain: belsat.eu\n"
        "    cues: []\n"
        "    chrome: ['^Belsat TV$']\n"
    )
    reg = Registry.load(extra_dirs=(tmp_path,))
    page = read_page(
        ["Belsat TV", "Headline here", "WARSAW, May 3 (Belsat) - Something happened."],
        site="belsat.eu",
        reg=reg,
    )
    assert (page.outlet, page.dateline, page.title) == ("Belsat", "WARSAW", "Headline here")
    assert page.body == ["Something happened."]


def test_a_bad_regex_in_data_names_the_file(tmp_path):
    (tmp_path / "broken.yaml").write_text(
        "outlet: Broken\ndatelines: ['(unclosed']\nsites: [{domain: broken.example}]\n"
    )
    with pytest.raises(DataError, match=re.escape("broken.yaml")):
        Registry.load(extra_dirs=(tmp_path,))


def test_a_chrome_pattern_polars_cannot_match_names_the_file(tmp_path):
    tables = tmp_path / "outlets"
    tables.mkdir()
    (tables / "lookahead.yaml").write_text(
        "outlet: Lookahead\nsites: [{domain: look.example, chrome: ['^Share(?= this)']}]\n"
    )
    (tmp_path / "t.csv").write_text("url,text\nhttps://look.example/a,Body text of a page.\n")
    with pytest.raises(DataError, match=r"lookahead\.yaml.*look-around"):
        ingest(tmp_path / "t.csv", outlets=tables)


def test_an_alias_may_name_only_one_outlet(tmp_path):
    (tmp_path / "dup.yaml").write_text("outlet: Other\naliases: [tass]\nsites: []\n")
    with pytest.raises(DataError, match="already names"):
        Registry.load(extra_dirs=(tmp_path,))


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("the-new-york-times", "New York Times"),  # a slug
        ("NEW YORK TIMES", "New York Times"),  # case
        ("New York Times.", "New York Times"),  # punctuation
        ("global_times", "Global Times"),
        ("TASS.com", "TASS"),
        ("new-york", None),  # a variant matches an alias, not a part of one
    ],
)
def test_slug_case_and_punctuation_variants_of_an_alias_match(alias, canonical):
    assert registry().canonical(alias) == canonical


def test_a_users_table_naming_a_known_outlet_extends_it(tmp_path):
    (tmp_path / "nyt.yaml").write_text(
        "outlet: the-new-york-times\naliases: [NYT Wire]\ncues: ['^NYT WIRE$']\n"
        "sites: [{domain: nyt.example}]\n"
    )
    reg = Registry.load(extra_dirs=(tmp_path,))
    assert reg.canonical("NYT Wire") == reg.canonical("nytimes") == "New York Times"
    assert reg.outlet_of_site("nyt.example") == "New York Times"
    assert reg.outlets["New York Times"].cues[-1].pattern == "^NYT WIRE$"
    assert "nytimes.com" in reg.sites  # what the bundled table knows stays


@pytest.mark.parametrize(
    ("names", "error"),
    [
        ({"the-grey-lady": "New York Times"}, None),
        ({"the-grey-lady": "nyt"}, None),  # an alias names the outlet too
        ({"the-grey-lady": "Grey Lady Inc"}, "is no known outlet"),
    ],
)
def test_outlet_names_add_aliases_of_known_outlets(names, error):
    if error:
        with pytest.raises(DataError, match=error):
            Registry.load(names=names)
    else:
        assert Registry.load(names=names).canonical("The Grey Lady") == "New York Times"


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        ("All rights reserved", True),
        ("(?:Photo|Image) (?:by|courtesy of)", True),
        (r"\[(?:Photo|Video)\]$", True),  # an escaped bracket is a literal
        ("(?i)(?P<x>ab|cd)e", True),
        (r"[.!?…]\s+©", False),  # a class
        ("(?:Photo|[Ii]mage)", False),  # one alternative opens with a class
        ("a?b", False),
        ("^ab", False),
        ("", False),
    ],
)
def test_opens_with_literal(pattern, literal):
    assert _opens_with_literal(re.compile(pattern)) is literal


def test_patterns_searched_apart_find_what_all_at_once_find():
    reg = registry()
    lines = pl.Series(
        "line",
        [
            "Minsk and Moscow agree. © 2019 Reuters.",
            "[Photo/Xinhua]",
            "Photo by Ivan Petrov",
            "This site uses cookies",
            "Copyright 2020 China Daily Information Co. All rights reserved",
            "Putin said so.",
            "",
        ],
    )
    for site in [None, *reg.sites]:
        patterns = list(reg.chrome_for(site)[1])
        searches = apart(patterns)
        assert len(searches) <= len(patterns)
        at_once = lines.str.contains(any_of(patterns))
        found = pl.select(pl.any_horizontal(pl.lit(lines).str.contains(p) for p in searches))
        assert found.to_series().to_list() == at_once.to_list()
        assert at_once.any() and not at_once.all()
