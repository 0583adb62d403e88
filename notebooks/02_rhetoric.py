# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Rhetoric across sources
#
# How the outlets frame the same relationship differently: the words that set each apart, how
# often each frame appears, who is quoted and with which verbs, us-and-them language and tone,
# and any keyword in context. Every table carries each group's documents and words; groups
# with fewer than `min_group_docs` documents are flagged "small n", greyed in the plots, and
# should not be compared.

# %% tags=["parameters"]
name = "seeds"
sources = ["seeds"]
manifest = None
outlet_tables = None
unit = "paragraph"
duplicates = "collapse"
outlets = []
date_from = None
date_to = None
seed = 42
model = None
dedup = {}
min_group_docs = 5
ingest = {}
rhetoric = {
    "group_by": "outlet",
    "period": "year",
    "pair": [],
    "top_terms": 20,
    "min_count": 5,
    "prior_strength": 500.0,
    "ngram_max": 2,
    "stop_words": [],
    "exclude_terms": [],
    "frames_file": None,
    "frames_mode": "extend",
    "keywords": ["sanction*", "union state", "brother*"],
    "window": 8,
    "bootstrap": 1000,
}
output_dir = None
prepared_key = None  # set by `toolkit run`: the corpus it prepared
cache_dir = None  # set by `toolkit run`: its cache folder

# %%
import polars as pl
from IPython.display import Markdown, display

from toolkit import rhetoric as rh
from toolkit.context import context
from toolkit.plots import log_odds_scatter, rate_bars
from toolkit.report import show, show_table

ctx = context(globals(), "rhetoric")
opts, minimum, seed = ctx.params["rhetoric"], ctx.params["min_group_docs"], ctx.params["seed"]
docs = ctx.stories
by = opts["group_by"]
if by == "period":
    trunc = {"month": "1mo", "quarter": "1q", "year": "1y"}[opts["period"]]
    docs = docs.with_columns(period=pl.col("published").dt.truncate(trunc).cast(pl.String))
sizes = rh.group_sizes(docs, by=by, min_group_docs=minimum)
ctx.save_table(sizes, "group_sizes")
show_table(sizes, caption=f"Groups ({by}): documents and words")
small = sizes.filter("small_n")["group"].to_list()
display(Markdown(f"{ctx.filters()} Reprints: `duplicates: {ctx.params['duplicates']}`."))
if small:
    display(
        Markdown(
            f"**Small n**: {', '.join(small)} ha{'s' if len(small) == 1 else 've'} fewer than "
            f"{minimum} documents. Differences involving them are anecdotes, not evidence."
        )
    )

# %% [markdown]
# ## Distinctive terms
#
# The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008): for
# each group against all the others, the terms it uses more than expected, ranked by z-score
# (|z| > 1.96 is the usual bar). The prior shrinks rare terms, so a word used twice does not top
# the list.

# %%
terms = rh.distinctive_terms(
    docs, by=by, ngram_max=opts["ngram_max"], min_count=opts["min_count"],
    prior_strength=opts["prior_strength"], top=opts["top_terms"], min_group_docs=minimum,
    stop_words=opts["stop_words"], exclude_terms=opts["exclude_terms"],
)  # fmt: skip
ctx.save_table(terms, "distinctive_terms")
if terms.height:
    show_table(
        terms.select(
            "group", "term", "count", "count_other", "per_1000", "z", "n_docs", "n_words", "small_n"
        ),
        caption="Most distinctive terms of each group against the rest",
        rows=min(terms.height, opts["top_terms"] * sizes.height),
    )

# %% [markdown]
# Two groups side by side: each term's frequency against its z-score. Terms above the upper
# dotted line belong to the first group, below the lower one to the second. Hover for the term.

# %%
ranked = sizes.sort(["n_docs", "group"], descending=[True, False])["group"].to_list()
pair = opts["pair"] or ranked[:2]
if len(pair) == 2:
    versus = rh.distinctive_terms(
        docs, by=by, pair=tuple(pair), ngram_max=opts["ngram_max"], min_count=opts["min_count"],
        prior_strength=opts["prior_strength"], min_group_docs=minimum,
        stop_words=opts["stop_words"], exclude_terms=opts["exclude_terms"],
    )  # fmt: skip
    ctx.save_table(versus, "distinctive_terms_pair")
    n = {g: r for g, *r in sizes.select("group", "n_docs", "n_words").iter_rows()}
    title = f"{pair[0]} (n={n[pair[0]][0]} docs) against {pair[1]} (n={n[pair[1]][0]} docs)" + (
        " - small n, do not read as evidence" if set(pair) & set(small) else ""
    )
    if versus.height:
        show(log_odds_scatter(versus, title=title))
else:
    display(Markdown("Only one group: nothing to compare side by side."))

# %% [markdown]
# ## Frames
#
# Matches of each frame's lexicon per 1,000 words, with 95% bootstrap intervals (documents
# resampled within each group). The lexicons are in `toolkit/lexicons/frames.yaml`; a params
# file can extend or replace them.

# %%
frames = ctx.frames()  # the bundled frames with `frames_file` (extend or replace)
rates = rh.frame_rates(docs, by=by, frames=frames, seed=seed, n_boot=opts["bootstrap"],
                       min_group_docs=minimum, stop_words=opts["stop_words"],
                       exclude_terms=opts["exclude_terms"])  # fmt: skip
ctx.save_table(rates, "frame_rates")
columns = ["group", "label", "matches", "per_1000", "ci_low", "ci_high", "n_docs", "n_words"]
show_table(rates.select(*columns, "small_n"), caption="Frames per 1,000 words", rows=200)
show(rate_bars(rates.drop("frame").rename({"label": "frame"}), group="group", category="frame",
               value="per_1000", title="Frames per 1,000 words (95% bootstrap intervals)",
               axis_title="matches per 1,000 words"))  # fmt: skip

# %% [markdown]
# ## Attribution
#
# Sentences that name a speaker and carry a reporting verb: who is quoted or paraphrased, and
# how. British and American spellings count as one verb ("emphasised", "emphasized"). The quote
# share is the part of the text inside quotation marks.

# %%
quoted = rh.attribution(docs, by=by, min_group_docs=minimum)
ctx.save_table(quoted, "attribution")
show_table(quoted.select("group", "speaker", "verb", "sentences", "per_1000_sentences",
                         "n_docs", "small_n"), caption="Speakers and reporting verbs",
           rows=60)  # fmt: skip
verbs = quoted.group_by("group", "verb").agg(pl.col("sentences").sum()).sort("group", "verb")
if verbs.height:
    table = verbs.pivot(on="verb", index="group", values="sentences").fill_null(0)
    table = sizes.select("group", "n_docs", "n_words", "small_n").join(
        table, on="group", how="left"
    )
    show_table(table, caption="Reporting verbs per group (sentences), with each group's n")
share = rh.quote_share(docs, by=by, seed=seed, n_boot=opts["bootstrap"], min_group_docs=minimum)
ctx.save_table(share, "quote_share")
show_table(share, caption="Share of text in direct quotes")

# %% [markdown]
# ## Stance and tone
#
# We/our against they/the West, evaluative words (per 1,000 words), and sentiment: VADER's
# compound score (-1 to 1) averaged over each group's sentences. VADER is a general-purpose
# lexicon: read differences in tone between groups, not the absolute values.

# %%
tone = rh.stance(docs, by=by, seed=seed, n_boot=opts["bootstrap"], min_group_docs=minimum)
ctx.save_table(tone, "stance")
markers = tone.filter(pl.col("measure") != "sentiment")
show(rate_bars(markers, group="group", category="measure", value="per_1000",
               title="Stance markers per 1,000 words (95% bootstrap intervals)",
               axis_title="per 1,000 words"))  # fmt: skip
show_table(tone.filter(pl.col("measure") == "sentiment").select(
    "group", "mean", "ci_low", "ci_high", "n_sentences", "n_docs", "small_n"),
    caption="Sentiment (VADER compound, mean of sentences)")  # fmt: skip

# %% [markdown]
# ## Keywords in context

# %%
for term in opts["keywords"]:
    kwic = rh.concordance(docs, term, by=by, window=opts["window"])
    ctx.save_table(kwic, f"concordance_{rh.slug(term)}")
    if kwic.height:
        show_table(kwic, caption=f"“{term}” in context")
    else:
        display(Markdown(f"“{term}”: no occurrences."))
