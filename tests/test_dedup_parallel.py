import numpy as np
import polars as pl
import pytest

from toolkit.dedup import find_duplicates
from toolkit.dedup_parallel import parallel_pairs, parallel_titles

LAW = (
    "President signed Federal Law On Ratifying the Treaty of Friendship, Cooperation and Mutual "
    "Assistance between the Russian Federation and the {} People's Republic"
)


@pytest.mark.parametrize(
    ("first", "second", "parallel"),
    [
        # trial W, kremlin-2021-22: two acts collapsed as copies of one another
        (LAW.format("Donetsk"), LAW.format("Lugansk"), True),
        (
            "126th Separate Coastal Defence Brigade receives honorary name Guards",
            "155th Separate Marine Brigade receives honorary name Guards",
            True,
        ),
        # statemedia-headlines and cn-statemedia-headlines: one outlet's series, other places
        (
            "Explosion reported in southern Ukrainian city of Nikolayev",
            "Explosion reported in southern Ukrainian city of Odessa",
            True,
        ),
        (
            "Xi inspects southwestern Chinese city of Meishan",
            "Xi inspects southwestern Chinese city of Yibin",
            True,
        ),
        (
            "China's non-manufacturing PMI down in April",
            "China's non-manufacturing PMI down in August",
            True,
        ),
        # one story: a rubric, a possessive, a spelling or initials changed
        (
            "Xi Focus-Closeup: Supporting sci-tech innovation",
            "Xi Story: Supporting sci-tech innovation",
            False,
        ),
        ("M4.4 quake hits SW China's Sichuan: CENC", "M4.4 quake hits SW China", False),
        (
            "China's changes in the eyes of a Cameroonian student",
            "China's changes in the eyes of a Cameroon student",
            False,
        ),
        (
            "CGTN and Argentina media premiere documentary",
            "CGTN and Argentine media premiere documentary",
            False,
        ),
        (
            "Report exposes rising anti-Asian racism in United States",
            "Report exposes rising anti-Asian racism in US",
            False,
        ),
        (
            "Clashes erupt between settlers in E. Jerusalem",
            "Clashes erupt between settlers in East Jerusalem",
            False,
        ),
        # updates of one story: numbers only, or other words than names
        (
            "Death toll rises to 12 in Dagestan floods",
            "Death toll rises to 15 in Dagestan floods",
            False,
        ),
        (
            "On February 4, Vladimir Putin will visit China",
            "Vladimir Putin arrived in China",
            False,
        ),
        ("Putin says talks went well", "Putin stresses talks went well", False),
        # title case: its capitals name nothing
        ("Putin Meets Lukashenko In Minsk Today", "Putin Meets Tokayev In Minsk Today", False),
        # the same title, or none
        ("Putin met Lukashenko", "Putin met Lukashenko", False),
        (None, "Putin met Lukashenko", False),
        # mostly other words: not one form
        ("Lukashenko met Putin", "Tokayev and Mirziyoyev spoke by phone with Xi", False),
    ],
)
def test_parallel_titles(first, second, parallel):
    assert parallel_titles(first, second) is parallel


def test_parallel_pairs_read_the_pairs_asked_across_outlets():
    titles = [LAW.format("Donetsk"), LAW.format("Lugansk"), LAW.format("Lugansk"), None]
    docs = pl.DataFrame({"outlet": ["Kremlin", "Kremlin", "TASS", "TASS"], "title": titles})
    a, b = np.array([0, 0, 1, 0, 0]), np.array([1, 2, 2, 3, 1])
    where = np.array([True, True, True, True, False])
    assert parallel_pairs(docs, a, b, where).tolist() == [True, True, False, False, False]
    assert not parallel_pairs(docs.drop("title"), a, b, where).any()


BODY = (
    "The President signed Federal Law On Ratifying the Treaty of Friendship, Cooperation and "
    "Mutual Assistance between the Russian Federation and the {} People's Republic. The Federal "
    "Law was adopted by the State Duma on February 22, 2022 and approved by the Federation "
    "Council on February 22, 2022. The treaty was signed in Moscow on February 21, 2022."
)


def test_two_acts_of_one_form_are_near_misses_not_copies_but_a_reprint_elsewhere_is_a_copy():
    corpus = pl.DataFrame(
        {
            "doc_id": ["dpr", "lpr", "tass"],
            "outlet": ["Kremlin", "Kremlin", "TASS"],
            "title": [LAW.format("Donetsk"), LAW.format("Lugansk"), LAW.format("Lugansk")],
            "text": [BODY.format("Donetsk"), BODY.format("Lugansk"), BODY.format("Lugansk")],
        }
    )
    dups = find_duplicates(corpus, min_shingles=5)
    kinds = {(a, b): k for a, b, k in dups.near_misses.select("doc_a", "doc_b", "kind").rows()}
    assert kinds[("dpr", "lpr")] == "parallel"
    assert kinds[("dpr", "tass")] == "parallel"  # else TASS's copy would join the two acts
    linked = {frozenset((a, b)) for a, b in dups.pairs.select("doc_a", "doc_b").rows()}
    assert linked == {frozenset(("lpr", "tass"))}  # the same act on another site is a copy
    assert dups.clusters.filter(pl.col("doc_id") == "dpr")["cluster_size"].item() == 1
    assert dups.stats["parallel"] == 2
    assert "parallel acts, not copies): 2" in dups.summary()


STANDFIRST = "Ten thinkers on the start of the U.S. president's second term and what comes next."
TEASER = ("The U.S. president's trade war and threats of annexation have shaken the country's "
          "politics, and the vote has become a referendum on how to face him, analysts say.")  # fmt: skip


@pytest.mark.parametrize(
    ("titles", "text", "outlets", "copies"),
    [
        # one outlet's standfirst under every title of a series: not copies (trial AB)
        (["Does Trump Have an Africa Policy?", "What Is Trump's Foreign-Policy Doctrine?"],
         STANDFIRST, ["Foreign Policy"] * 2, False),
        # a short shared body under unrelated titles: not copies
        (["Trump Looms Over Canada's Pivotal Election", "Why Modi Courts the Gulf States Now"],
         TEASER, ["Foreign Policy"] * 2, False),
        # the same short story retitled by its outlet (titles sharing words): a copy
        (["Trump thinks Zelensky ready to give up Crimea", "Trump claims Zelensky ready to give "
          "up Crimea"], TEASER, ["TheJournal.ie"] * 2, True),
        # one title written twice, or cut: a copy
        (["Is Gen Z Abandoning Donald Trump?", "Is Gen Z Abandoning Donald Trump?"], STANDFIRST,
         ["Biztoc"] * 2, True),
        # two outlets: a reprint under a new headline stays a copy
        (["Does Trump Have an Africa Policy?", "What Is Trump's Foreign-Policy Doctrine?"],
         STANDFIRST, ["Foreign Policy", "Newsweek"], True),
    ],
)  # fmt: skip
def test_a_short_body_one_outlet_puts_under_other_titles_is_no_copy(titles, text, outlets, copies):
    corpus = pl.DataFrame(
        {"doc_id": ["a", "b"], "outlet": outlets, "title": titles, "text": [text, text],
         "n_words": [len(text.split())] * 2}
    )  # fmt: skip
    dups = find_duplicates(corpus, min_shingles=3)
    assert (dups.pairs.height == 1) is copies
    if not copies:
        assert dups.near_misses["kind"].to_list() == ["parallel"]


def test_a_long_story_retitled_by_its_outlet_stays_a_copy():
    # China Daily retitles whole op-eds ("Xi opens first meeting of top reformers" and "Xi
    # urges leading group to push reforms", 381 words each): the rule reads short bodies only
    text = " ".join([BODY.format("Donetsk")] * 4)
    corpus = pl.DataFrame(
        {"doc_id": ["a", "b"], "outlet": ["China Daily"] * 2,
         "title": ["At 60 principles still hold", "The echo of history and demand of time"],
         "text": [text, text], "n_words": [len(text.split())] * 2}
    )  # fmt: skip
    assert find_duplicates(corpus, min_shingles=3).pairs.height == 1
