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
#
# Outlets publish at their own pace and go quiet at their own times, so every share is
# computed **within each outlet** (the share of that outlet's items) and drawn per outlet. The
# line for all outlets together weights each outlet equally, whatever its volume, and says so.
# Periods only partly covered by the data (before an outlet's first item or after its last)
# are hollow markers, not dips; periods in which an outlet published nothing are gaps, not
# zeros.

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
groups_drawn = 12
ingest = {}
trends = {
    "period": "month",
    "query": ["belarus*", "lukashenk*", "minsk", "union state"],
    "query_except": [
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
    ],
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
    "topics_drawn": 10,
    "stop_words": [],
    "exclude_terms": [],
    "languages": [],
    "language_map": {},
}
rhetoric = {"frames_file": None, "frames_mode": "extend"}  # the frames, as in 02_rhetoric
output_dir = None
prepared_key = None  # set by `toolkit run`: the corpus it prepared
cache_dir = None  # set by `toolkit run`: its cache folder
progress = True  # set by `toolkit run`: False under -q (no progress bars)

# %%
from html import escape

import polars as pl
from IPython.display import HTML, display

from toolkit import evidence, overview
from toolkit import rhetoric as rh
from toolkit import trends as tr
from toolkit.article_text import read_whole
from toolkit.comparison import comparison
from toolkit.context import context
from toolkit.display import evidence_table
from toolkit.groups import drawn_note, most
from toolkit.palette import colours_for
from toolkit.plots import add_events, events_outside, share_panels, volume_lines
from toolkit.report import show, show_table
from toolkit.tokens import tokens_for


def say(html_text: str) -> None:
    """A paragraph of HTML; every value from the data in it is escaped by the caller."""
    display(HTML(f"<p>{html_text}</p>"))


ctx = context(globals(), "trends")
opts, seed = ctx.params["trends"], ctx.params["seed"]
docs, period, events = ctx.stories, opts["period"], opts["events"]
floor = opts["min_period_items"]
dating = tr.dating(docs)
ctx.record("dating", dating)
say(
    f"<b>{escape(ctx.params['name'])}</b>: {escape(ctx.filters())} Of {dating['items']} items, "
    f"{dating['dated']} have a full date and are placed in time; {dating['partial']} have a "
    f"date written that was not taken (a day-month order nothing settles, no year, refused or "
    f"not understood: the corpus report's load notes say which) and {dating['undated']} none: "
    f"these are left out of every plot below."
)
left_out = dating["items"] - dating["dated"]
# the data's first and last dates: events between them are drawn (one late in the last period too)
dated = docs["published"].drop_nulls()
span = (dated.min(), dated.max()) if dated.len() else None
# the query, frames and words read the texts of one language, or of several through terms given
# per language; volume counts the items of every language
compared = comparison(docs, languages=opts["languages"], language_map=opts["language_map"],
                      through="frame terms per language")  # fmt: skip
read = read_whole(compared.select(docs))  # each item's title and text, as the query reads it
say(f"Volume counts every item; the query, frames and words follow the items "
    f"<b>{escape(compared.describe())}</b>.")  # fmt: skip

# %% [markdown]
# ## Volume
#
# Items per outlet per period; periods without items count as zero, so gaps show; a period in
# which no outlet has an item is a gap in the data (grey band), not a fall. Each outlet's
# line runs from its first item to its last: before and after, the corpus holds none of its
# items, which says nothing about what it published (the table keeps those periods, marked
# `in_range` false). A first or last period the outlet's data begin or end within is a hollow
# marker beside the line (`coverage` "partial" in the table): fewer items there is no fall.

# %%
# the longer results are kept by the corpus, the parameters and the code: a rerun reads them
if shared := overview.repeated_note(docs):
    say(f"<b>{escape(shared)}</b>")
vol = ctx.cached("volume", lambda: tr.volume(docs, period=period, by="outlet"))
ctx.save_table(vol, "volume")
# the outlets with the most items are drawn (many lines are read as none); tables keep all
outlets_drawn = most(docs, by="outlet", n=ctx.params["groups_drawn"])
drawn_outlet = pl.col("outlet").is_in([*outlets_drawn, tr.POOLED])
if vol.height:
    if few := drawn_note(outlets_drawn, docs["outlet"].n_unique()):
        say(escape(few) + " The pooled lines weigh every outlet.")
    fig = volume_lines(
        vol.filter(drawn_outlet),
        by="outlet",
        colours=ctx.colours,
        title=f"Items per {period} ({left_out} without a full date left out)",
    )
    add_events(fig, events, within=span)
    show(fig)
    outside = events_outside(events, span)
    if outside:
        say("Events outside the data's dates (" + escape(f"{span[0]} to {span[1]}") + "), "
            "drawn on no plot: " + escape("; ".join(f"{e['label']} ({e['date']})"
                                                    for e in outside)) + ".")  # fmt: skip
else:
    say(f"None of the {dating['items']} items has a full date: nothing to place in time.")

# %% [markdown]
# ## The share of items matching the query
#
# Within each outlet: the share of its items in each period whose title or text mentions any
# query term, with 95% intervals. The dark dashed line is the mean of the outlets' shares,
# each outlet weighted equally (not the share of all items pooled, which a busy or a silent
# outlet would tilt), its band the outlets' Wilson intervals combined (MOVER, Zou and Donner
# 2008: one outlet's band is its own); it is hollow where an outlet is missing or partial in
# that period.
# Periods with fewer than `min_period_items` items in an outlet are left out of the plots and
# kept in the tables.

# %%
pattern = rh.term_pattern(opts["query"])
query_unless = rh.except_pattern({"except": opts["query_except"]})
query_label = " | ".join(opts["query"])
by_outlet = ctx.cached("query_share", lambda: tr.query_share(
    read, pattern, period=period, by="outlet", rolling=opts["rolling"],
    unless=query_unless))  # fmt: skip
both = tr.pooled(by_outlet, min_items=floor)
ctx.save_table(by_outlet, "query_share_by_outlet")
ctx.save_table(both, "query_share_pooled")
has_items = pl.col("period").filter(pl.col("items") > 0)
inside = pl.col("period").is_between(has_items.min(), has_items.max())  # its first to its last
coverage = (
    by_outlet.group_by("outlet")
    .agg(
        # a period's own items (n pools the rolling window's)
        items=pl.col("items").sum(),
        periods_with_items=(pl.col("items") > 0).sum(),
        periods_partial=(pl.col("coverage") == "partial").sum(),
        # between its first and last item: before and after, the data hold none of it
        periods_without_items=((pl.col("coverage") == "no items") & inside).sum(),
        periods_below_floor=((pl.col("items") > 0) & (pl.col("n") < floor)).sum(),
        first=pl.col("period").filter(pl.col("items") > 0).min(),
        last=pl.col("period").filter(pl.col("items") > 0).max(),
    )
    .sort("outlet")
)
show_table(coverage, caption=f"Each outlet's {period}s: with items, partial, without items, "
           f"below min_period_items ({floor})")  # fmt: skip
# query terms in a script the items compared are not written in match nothing: say so
query_note = rh.script_note("the query's terms", opts["query"], compared.languages)
ctx.record("query_script", query_note)
if query_note:
    say(escape(query_note))
drawable = not rh.matches_none(opts["query"], compared.languages)  # else no plot of zeros
# items that mention a query term only inside a query_except phrase ("Minsk agreements"):
# not counted; say how many, so that a reader knows what the exceptions took out
excepted = ctx.cached("query_excepted", lambda: tr.excepted_only(read, pattern, query_unless))
ctx.save_table(excepted, "query_excepted")
if drawable and opts["query_except"]:
    held = excepted["items"].sum()
    by_which = ", ".join(f"{escape(o)} {n:,}" for o, n in excepted.rows())
    say(f"Query terms inside these phrases are not counted (<code>query_except</code>): "
        f"{escape(', '.join(opts['query_except']))}. Items that mention a query term only "
        f"there: {held:,}" + (f" ({by_which})" if held else "") + "; they are not in the "
        "query's share.")  # fmt: skip
if drawable and by_outlet.filter(pl.col("n") >= floor).height:
    show(
        share_panels(
            pl.concat(
                [by_outlet.filter(drawn_outlet), both.drop("groups")], how="diagonal_relaxed"
            ),
            series="outlet",
            pooled=tr.POOLED,
            min_items=floor,
            events=events,
            span=span,
            colours=ctx.colours,
            title=f"Share of each outlet's items per {period} matching the query "
            f"({left_out} undated left out)",
        )
    )
elif drawable:
    say(f"No outlet has {floor} or more dated items in any {period}: no share to draw.")

# %% [markdown]
# ## Frames over time
#
# Within each outlet: the share of its items in each period in which each frame's lexicon
# appears at least once; the first panel weights the outlets equally.

# %%
frames = ctx.frames()  # the bundled frames with the rhetoric section's `frames_file`
frames, frames_left = rh.frames_for(frames, compared)  # the terms of the languages followed
if frames_left:
    say(escape("; ".join(frames_left)))
frames_script = rh.frames_note(frames, compared.languages)  # an English lexicon on Russian items
ctx.record("frames_script", frames_script)
if frames_script:
    say(escape(frames_script))
frame_series = ctx.cached("frame_shares", lambda: tr.frame_shares(
    read, frames, period=period, by="outlet", rolling=opts["rolling"]), inputs=frames)  # fmt: skip
frame_pooled = tr.pooled(frame_series, category="frame", min_items=floor)
ctx.save_table(frame_series, "frame_share_by_outlet")
ctx.save_table(frame_pooled, "frame_share_pooled")
# no plot of zeros where no frame's terms can match the items' script
countable = not frames or any(not rh.matches_none(f["terms"], compared.languages)
                              for f in frames.values())  # fmt: skip
if countable and frame_series.filter(pl.col("n") >= floor).height:
    show(
        share_panels(
            pl.concat([frame_pooled.drop("groups"), frame_series], how="diagonal_relaxed")
            .filter(drawn_outlet),
            panel="outlet", series="frame", pooled=tr.POOLED, min_items=floor, events=events,
            span=span, colours=ctx.colours,  # frames after the outlets' colours
            title=f"Share of each outlet's items per {period} with each frame",
        )
    )  # fmt: skip
elif countable:
    say(f"No frame to draw: no outlet has {floor} or more dated items in any {period}.")

# %% [markdown]
# ## Topics over time
#
# When the topics notebook ran first in this run, each article's dominant topic is followed
# here as a share of each outlet's articles per period, named by its label: the
# `topics_drawn` largest topics; the table `topic_share_by_outlet` holds every topic.

# %%
article_topics = ctx.table("topics", "article_topics")  # None when 01_topics has not run here
topic_table = ctx.table("topics", "topics")  # with each topic's label
topic_labels = {} if topic_table is None else dict(topic_table.select("topic", "label").rows())
if article_topics is not None:
    topic_series, undated_topics = ctx.cached("topic_shares", lambda: tr.topic_shares(
        docs, article_topics, period=period, by="outlet", rolling=opts["rolling"]
    ), inputs=article_topics)  # fmt: skip
    topic_series = topic_series.filter(pl.col("topic") >= 0)
    topic_pooled = tr.pooled(topic_series, category="topic", min_items=floor)
    ctx.save_table(topic_series, "topic_share_by_outlet")
    ctx.save_table(topic_pooled, "topic_share_pooled")
    sizes = topic_series.group_by("topic").agg(pl.col("k").sum())
    sizes = sizes.sort(["k", "topic"], descending=[True, False])
    largest = sizes.head(opts["topics_drawn"])["topic"].to_list()
    if sizes.height > len(largest):
        say(f"The {len(largest)} largest of {sizes.height} topics are drawn "
            "(<code>topics_drawn</code>); the table holds them all.")  # fmt: skip
    drawn = pl.concat([topic_pooled.drop("groups"), topic_series], how="diagonal_relaxed")
    drawn = drawn.filter(pl.col("topic").is_in(largest) & drawn_outlet)
    if drawn.filter(pl.col("n") >= floor).height:
        show(
            share_panels(
                drawn,
                panel="outlet", series="topic", labels=topic_labels, pooled=tr.POOLED,
                min_items=floor, events=events, span=span,
                # after the outlets' colours, and as in the topics report
                colours=colours_for(list(topic_labels), ctx.colours),
                title=f"Dominant topics per {period}, within each outlet "
                f"({undated_topics} undated articles left out)",
            )
        )  # fmt: skip
    else:
        say(f"No topic to draw: no outlet has {floor} or more dated articles with a topic in "
            f"any {period}.")  # fmt: skip
else:
    say("The topics notebook has not run in this folder: no topic series.")
ctx.record("topics_used", article_topics is not None)

# %% [markdown]
# ## Before and after the event
#
# Items in the window before the event against those in the window after it (the event day counts
# as after). For the query, frames and topics: each outlet's share before and after, the mean over
# the outlets with items on both sides (each weighted equally), the change with its 95% interval
# (`change_low`, `change_high`: Newcombe's, from the Wilson intervals of each side in each
# outlet), and a permutation test with the before/after labels shuffled **within outlets**
# (seeded), so an outlet that went quiet on one side cannot make a change. Outlets with items on
# one side only are left out, and their items counted (`left_out`). Many measures are tested at
# once: the q-value (Benjamini-Hochberg) is the one to read; a row with q below 0.05 is a change
# at a 5% false discovery rate. For words, the log-odds ratio with an informative prior (z > 0
# rose, z < 0 fell), computed within each outlet with items on both sides (its own words as the
# prior) and pooled over those outlets by inverse-variance weights, so an outlet that went quiet
# on one side makes no word rise or fall; the other outlets' items are left out and counted.

# %%
event = opts["event"]
if event:
    b0, b1, a0, a1 = tr.event_window(event, opts["window_days"])
    label = next((e["label"] for e in events if e["date"] == event), event)
    # a frame (or query) whose terms cannot match the items' script is not tested: no "no change"
    tested_frames = rh.countable_frames(frames, compared.languages)
    flagged, measures = tr.event_measures(read, query=pattern, frames=tested_frames,
                                          article_topics=article_topics, topic_labels=topic_labels,
                                          query_label=f"query: {query_label}",
                                          query_unless=query_unless)  # fmt: skip
    if not drawable:
        measures.pop("query")
    tested = [tested_frames, article_topics, topic_labels, drawable]  # what the measures come from
    change = ctx.cached("before_after", lambda: tr.before_after_shares(
        flagged, measures, event=event, days=opts["window_days"], seed=seed,
        permutations=opts["permutations"], min_group_docs=min_group_docs),
        inputs=tested)  # fmt: skip
    per_outlet = ctx.cached("before_after_by_outlet", lambda: tr.before_after_by_group(
        flagged, measures, event=event, seed=seed, days=opts["window_days"],
        permutations=opts["permutations"], min_group_docs=min_group_docs),
        inputs=tested)  # fmt: skip
    ctx.save_table(change, "before_after")
    ctx.save_table(per_outlet, "before_after_by_outlet")
    say(f"<b>{escape(label)}</b> ({escape(str(event))}): before {b0} to {b1}, after {a0} to "
        f"{a1}.")  # fmt: skip
    if languages_left := compared.left_out_note("These measures, their tables and the words"):
        say(escape(languages_left))  # left_out below counts outlets on one side only
    least = tr.gap_days(flagged["published"])  # a week at least, at the data's rate
    gaps = tr.corpus_gaps(flagged, b0, a1, min_days=least)  # no item of any outlet as long
    ctx.record("corpus_gaps", [[str(a), str(b)] for a, b in gaps])
    if gaps:
        runs = "; ".join(f"{a} to {b} ({(b - a).days + 1} days, "
                         f"{'before' if b < a0 else 'after' if a >= a0 else 'both sides'})"
                         for a, b in gaps)  # fmt: skip
        say(f"<b>Gaps in the data</b> ({least} days or more in a row without an item of any "
            "outlet: a week at least, and what a steady flow at the data's rate would seldom "
            f"leave): no outlet has a dated item from {escape(runs)}: the "
            "collection stopped, or the corpus was cut, not the outlets. A side's shares come "
            "from its other days, and each outlet's <code>days_before</code> and "
            "<code>days_after</code> leave the gaps out (<code>coverage</code> "
            "partial).")  # fmt: skip
    # each measure's lines in the window (the query and frames: a topic's are in the topics
    # report), up to 5 per outlet; a label in the tables below links to them
    window_items = read.filter(pl.col("published").is_between(b0, a1))
    keyed = {spec["label"]: spec["terms"] for spec in tested_frames.values()}
    if drawable:
        keyed[measures["query"]] = opts["query"]
    excepted = rh.frame_exceptions(tested_frames)
    if drawable and opts["query_except"]:
        excepted[measures["query"]] = opts["query_except"]
    measure_lines = ctx.cached("evidence_measures", lambda: evidence.kwic(
        window_items, keyed, by="outlet", window=8, per_key=5,
        exceptions=excepted), inputs=tested)  # fmt: skip
    ctx.save_table(measure_lines, "evidence_measures")
    linked = {"label": ("measure", set(measure_lines["key"]))}
    if per_outlet.height:
        show_table(
            change.drop("measure"),
            rows=len(measures),
            caption="Shares before and after, within outlets (each weighted equally), with "
            f"p- and q-values; small_groups: outlets with fewer than {min_group_docs} items on "
            "a side",
            links=linked,
        )
        # the permutation test weighs each outlet's items; the interval weighs each outlet
        # equally: with many small outlets the two may disagree
        split = change.filter((pl.col("q_value") < 0.05) & (pl.col("change_low") <= 0)
                              & (pl.col("change_high") >= 0))  # fmt: skip
        if split.height:
            say("q below 0.05 but a 95% interval of the change that holds 0: "
                + escape("; ".join(split["label"].to_list())) + ". The test shuffles items "
                "within outlets, the interval weighs each outlet as much as the largest "
                "(<code>small_groups</code> counts the small ones): read them as "
                "unsettled.")  # fmt: skip
        near = tr.unsettled(change, permutations=opts["permutations"])
        if near.height:
            rows_near = "; ".join(f"{m} (q {q:.4f} ± {e:.4f})" for m, q, e in near.iter_rows())
            say(f"q-values within their Monte Carlo error of 0.05: {escape(rows_near)}. Another "
                f"seed's {opts['permutations']:,} shuffles could put them on the other side of "
                "0.05: raise <code>permutations</code> before reading them.")  # fmt: skip
        show_table(per_outlet.drop("measure"), rows=per_outlet.height, links=linked,
                   caption="Each outlet on its own (q-values over this whole table; small_n: "
                           f"fewer than {min_group_docs} items on a side; coverage partial: "
                           "the outlet's data span fewer days of a side than the window (gaps in "
                           "the data left out), "
                           "days_before and days_after)")  # fmt: skip
        short = per_outlet.filter(pl.col("coverage") == "partial").unique("outlet")
        if short.height:
            spans = ", ".join(f"{o} ({b} of {opts['window_days']} days before, {a} after)"
                              for o, b, a in short.sort("outlet").select(
                                  "outlet", "days_before", "days_after").iter_rows())  # fmt: skip
            say(f"Outlets whose data cover only part of a side: {escape(spans)}. Their shares "
                "compare those days only; read their changes, and the pooled row they enter, "
                "with that in mind.")  # fmt: skip
    else:
        say("No outlet has dated items on both sides of the event: nothing to compare within "
            "outlets.")  # fmt: skip
    words = ctx.cached("before_after_terms", lambda: tr.before_after_terms(
        read, event=event, days=opts["window_days"], min_count=opts["min_count"],
        min_group_docs=min_group_docs, stop_words=opts["stop_words"],
        exclude_terms=opts["exclude_terms"], languages=compared.languages,
        language_map=opts["language_map"],
    ))  # fmt: skip
    if words.height:
        say(f"Words compared {escape(words['comparison'][0])}, within "
            f"{words['strata'][0]} outlet(s) with items on both sides "
            f"({words['left_out'][0]} items of outlets on one side only left out).")  # fmt: skip
        ctx.save_table(words, "before_after_terms")
        cols = ["term", "count", "count_other", "z", "p_value", "q_value"]
        rose = words.head(opts["top_terms"])
        fell = words.sort("z").head(opts["top_terms"])
        show_table(rose.select(cols), caption="Rose after the event", links={"term": "term"})
        show_table(fell.select(cols), caption="Fell after", links={"term": "term"})
        stops = tokens_for(window_items, stop_words=opts["stop_words"],
                           exclude_terms=opts["exclude_terms"]).stop  # fmt: skip
        shown_terms = sorted(set(rose["term"]) | set(fell["term"]))
        word_lines = ctx.cached("evidence_words", lambda: evidence.kwic(
            window_items, shown_terms, by="outlet", per_key=5, stop_words=stops))  # fmt: skip
        ctx.save_table(word_lines, "evidence_words")
        display(evidence_table(word_lines, kind="term", title="The words that rose or fell, in "
                               "context (up to 5 lines per word and outlet in the window, "
                               "earliest first)", **ctx.whole("evidence_words")))  # fmt: skip
    else:
        say("Too few dated items on one side of the event to compare words.")
    if measure_lines.height:
        display(evidence_table(measure_lines, kind="measure", title="The query and frames in "
                               "context (up to 5 lines per measure and outlet in the window, "
                               "earliest first)", **ctx.whole("evidence_measures")))  # fmt: skip
