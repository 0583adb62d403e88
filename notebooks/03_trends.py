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
# # Trends over time
#
# How coverage shifts: volume per outlet, the share of items about Belarus (or any query),
# frames and topics per period, events drawn on every plot, and what rose or fell around a
# chosen event. Only fully dated items are placed in time; the others are counted and left out.

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
trends = {
    "period": "month",
    "query": ["belarus*", "lukashenk*", "minsk", "union state"],
    "events": [
        {"date": "2020-08-09", "label": "Belarusian presidential election"},
        {"date": "2021-11-04", "label": "Union State programmes"},
        {"date": "2022-02-24", "label": "February 2022"},
        {"date": "2023-01-19", "label": "Lavrov in Minsk"},
    ],
    "event": "2022-02-24",
    "window_days": 180,
    "rolling": 1,
    "min_period_items": 5,
    "permutations": 2000,
    "top_terms": 20,
    "min_count": 3,
}
rhetoric = {"frames_file": None, "frames_mode": "extend"}  # the frames, as in 02_rhetoric
output_dir = None
prepared_key = None  # set by `toolkit run`: the corpus it prepared
cache_dir = None  # set by `toolkit run`: its cache folder

# %%
import plotly.graph_objects as go
import polars as pl
from IPython.display import Markdown, display

from toolkit import rhetoric as rh
from toolkit import trends as tr
from toolkit.context import context
from toolkit.plots import add_events, share_lines
from toolkit.report import show, show_table

ctx = context(globals(), "trends")
opts, seed = ctx.params["trends"], ctx.params["seed"]
docs, period, events = ctx.stories, opts["period"], opts["events"]
dating = tr.dating(docs)
ctx.record("dating", dating)
display(
    Markdown(
        f"**{ctx.params['name']}**: {ctx.filters()} Of {dating['items']} items, "
        f"{dating['dated']} have a full date and are placed in time; {dating['partial']} have a "
        f"partial date and {dating['undated']} none: these are left out of every plot below."
    )
)
left_out = dating["items"] - dating["dated"]

# %% [markdown]
# ## Volume
#
# Items per outlet per period; periods without items count as zero, so gaps show.

# %%
vol = tr.volume(docs, period=period, by="outlet")
ctx.save_table(vol, "volume")
fig = go.Figure()
many = vol["period"].n_unique() > 60
for (outlet,), rows in vol.group_by("outlet", maintain_order=True):
    fig.add_scatter(x=rows["period"].to_list(), y=rows["items"].to_list(), name=outlet,
                    mode="lines" if many else "lines+markers")  # fmt: skip
add_events(fig, events)
fig.update_layout(title=f"Items per {period} ({left_out} without a full date left out)",
                  yaxis_title="items", xaxis={"rangeslider": {"visible": many}})  # fmt: skip
show(fig)

# %% [markdown]
# ## The share of items matching the query
#
# The share of each period's items whose title or text mentions any query term, with a 95%
# interval. With one or two items in a period the interval spans most of the axis: that is the
# honest picture of how little a period with so few items says.

# %%
pattern = rh.term_pattern(opts["query"])
share = tr.query_share(docs, pattern, period=period, rolling=opts["rolling"])
ctx.save_table(share, "query_share")
floor = opts["min_period_items"]
thin = share.filter(pl.col("n").is_between(1, floor - 1)).height
if thin:
    display(Markdown(f"{thin} periods with 1 to {floor - 1} items are left out of the share plots "
                     f"(`min_period_items: {floor}`); the tables keep them."))  # fmt: skip
show(
    share_lines(
        share.filter(pl.col("n") >= floor).with_columns(series=pl.lit(" | ".join(opts["query"]))),
        x="period",
        category="series",
        title=f"Share of items per {period} matching the query ({left_out} undated left out)",
        events=events,
    )
)
by_outlet = tr.query_share(docs, pattern, period=period, by="outlet", rolling=opts["rolling"])
ctx.save_table(by_outlet, "query_share_by_outlet")

# %% [markdown]
# ## Frames over time
#
# The share of each period's items in which each frame's lexicon appears at least once.

# %%
frames = ctx.frames()  # the bundled frames with the rhetoric section's `frames_file`
frame_series = tr.frame_shares(docs, frames, period=period, rolling=opts["rolling"])
ctx.save_table(frame_series, "frame_share")
if frame_series.height:
    show(share_lines(frame_series.filter(pl.col("n") >= floor), x="period", category="frame",
                     events=events,
                     title=f"Share of items per {period} with each frame "
                     f"({left_out} undated left out)"))  # fmt: skip

# %% [markdown]
# ## Topics over time
#
# When the topics notebook ran first in this run, each article's dominant topic is followed
# here as a share of the period's articles.

# %%
article_topics = ctx.table("topics", "article_topics")  # None when 01_topics has not run here
if article_topics is not None:
    topic_series, undated_topics = tr.topic_shares(docs, article_topics, period=period,
                                                   rolling=opts["rolling"])  # fmt: skip
    ctx.save_table(topic_series, "topic_share")
    show(share_lines(topic_series.filter((pl.col("topic") >= 0) & (pl.col("n") >= floor)),
                     x="period", category="topic",
                     events=events, title=f"Dominant topics per {period} "
                     f"({undated_topics} undated articles left out)"))  # fmt: skip
else:
    display(Markdown("The topics notebook has not run in this folder: no topic series."))
ctx.record("topics_used", article_topics is not None)

# %% [markdown]
# ## Before and after the event
#
# Items in the window before the event against those in the window after it (the event day
# counts as after). For frames, the query and topics: the share before and after, the change,
# and a permutation test (labels shuffled, seeded); for words, the log-odds ratio with an
# informative prior (z > 0 rose, z < 0 fell). Small windows give wide uncertainty: read the n.

# %%
event = opts["event"]
if event:
    b0, b1, a0, a1 = tr.event_window(event, opts["window_days"])
    label = next((e["label"] for e in events if e["date"] == event), event)
    flagged, measures = tr.event_measures(docs, query=pattern, frames=frames,
                                          article_topics=article_topics)  # fmt: skip
    change = tr.before_after_shares(flagged, measures, event=event, days=opts["window_days"],
                                    seed=seed, permutations=opts["permutations"])  # fmt: skip
    ctx.save_table(change, "before_after")
    display(Markdown(f"**{label}** ({event}): before {b0} to {b1}, after {a0} to {a1}."))
    show_table(change, caption="Shares before and after, with permutation p-values")
    words = tr.before_after_terms(
        docs, event=event, days=opts["window_days"], min_count=opts["min_count"],
        min_group_docs=min_group_docs,
    )  # fmt: skip
    if words.height:
        ctx.save_table(words, "before_after_terms")
        cols = ["term", "count", "count_other", "z"]
        show_table(words.head(opts["top_terms"]).select(cols), caption="Rose after the event")
        show_table(words.sort("z").head(opts["top_terms"]).select(cols), caption="Fell after")
    else:
        display(Markdown("Too few dated items on one side of the event to compare words."))
