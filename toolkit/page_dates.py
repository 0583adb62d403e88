"""A scraped page's date among its lines: a stamp an outlet table knows, else any common stamp
nearest the title (between the title and the body first), not a photo caption's, nor a site
header's "today" far above the article; a stamp without a year kept partial; and, for a page
left undated, why the stamp nearest its title was not taken. :mod:`toolkit.extract` reads the
rest of the page.
"""

from __future__ import annotations

import datetime as dt
import re

from toolkit.date_order import Order
from toolkit.dates import PartialDate, date_from_groups
from toolkit.outlets import Registry
from toolkit.stamps import stamp_date, yearless_stamp
from toolkit.title_lines import BYLINE
from toolkit.titles import MERIDIEM

__all__ = ["doubtful_stamp", "page_date", "yearless_date"]

_ABOVE_MAX = 20  # lines above a scraped page's title where its stamp may sit
_CAPTION_MIN_SPACES = 8  # a caption is a sentence; a byline with its stamp is shorter
# After a caption's stamp its sentence closes, at once or after a place: "..., Dec. 21, 2025.
# (AP Photo/...)", "..., Thursday, April 27, 2023, in Indianapolis. (AP Photo/...)"
_CLOSES = re.compile(r"(?:,[^.!?]{0,40})?[.!?](?:\s|$)")


def page_date(
    lines: list[str],
    reg: Registry,
    maybe: list[bool] | None = None,
    *,
    stamps: bool = False,
    order: Order | None = None,
    anchor: int = 0,
    body: int | None = None,
) -> tuple[dt.date, str] | None:
    """The page's date and the line it was read from, or None: a stamp an outlet table knows
    (only the lines ``maybe`` marks, where given); for a scraped page (``stamps``), else any
    common stamp read by dateparser (``order``: the site's day/month order) near the title,
    ``lines[anchor]``, the lines down to the body's start (``lines[body]``) first."""
    any_date = reg.page_date_any.search
    for i, p in enumerate(lines):
        if not (maybe[i] if maybe is not None else any_date(p)):
            continue
        for pattern in reg.page_dates:
            m = pattern.search(p)
            if m and (d := date_from_groups(m, reg=reg)) and (full := d.complete()):
                return full, p
    if not stamps:
        return None
    # No outlet table knows the stamp: any common form, read by dateparser. First a stamp
    # between the title (``lines[anchor]``) and the body's start (``lines[body]``), where a
    # byline's sits, nearest the title first; then the others nearest the title, not another
    # story's date higher up, nor one more than _ABOVE_MAX lines above the title (a site
    # header's "today", "Friday, April 28, 2023", over its menus) unless a byline comes right
    # before it ("By Emanuella Grinberg, CNN", then "Updated 6:58 PM ET, Sun January 18, 2015").
    below = range(anchor, max(body if body is not None else anchor, anchor + 1))
    # nor one deeper than two lines into the body (a caption's or a timeline's, "June 22, 1941.
    # Hitler's Operation Barbarossa" among an op-ed's paragraphs)
    deepest = body + 2 if body is not None else len(lines)
    near = [
        i
        for i in range(min(len(lines), deepest + 1))
        if i >= anchor - _ABOVE_MAX or any(BYLINE.match(p) for p in lines[max(0, i - 1) : i + 1])
    ]
    for i in sorted(near, key=lambda i: (i not in below, abs(i - anchor), i)):
        p = lines[i]
        found = stamp_date(p, order=order)
        if found is not None and not _in_caption(p, found[1]):
            return found[0], p
    return None


def _in_caption(line: str, stamp: str) -> bool:
    """Whether ``stamp`` sits in a sentence of ``line`` rather than heading it: a line of many
    words that ends a sentence ("..., Nov 9, 2013.") or whose stamp closes one before a photo
    credit ("... in Shah Alam on November 19, 2024. — Picture by Yusof Mat Isa", "..., Dec. 21,
    2025. (AP Photo/Matias Delacroix)"). A line that opens with its stamp ("January 14, 2015 |
    This article appeared in ...") is no caption."""
    if line.startswith(stamp) or line.count(" ") < _CAPTION_MIN_SPACES:
        return False
    end = MERIDIEM.sub("", line)  # "5:00 a.m." is no end
    after = line[line.find(stamp) + len(stamp) :]
    return end.endswith((".", "!", "?")) or _CLOSES.match(after) is not None


def doubtful_stamp(lines: list[str], anchor: int, order: Order | None) -> str | None:
    """Why the stamp nearest the title (``lines[anchor]``) was not the page's date, for a page
    left without one: it is a caption's, or it is far above the title."""
    for i in sorted(range(len(lines)), key=lambda i: (abs(i - anchor), i)):
        if (found := stamp_date(lines[i], order=order)) is None:
            continue
        why = (
            "is in a photo caption"
            if _in_caption(lines[i], found[1])
            else f"is {anchor - i} lines above the article (a site header's date?)"
        )
        return f"page date not read: the stamp {found[1]!r} nearest the title {why}"
    return None


def yearless_date(lines: list[str], anchor: int) -> PartialDate | None:
    """A stamp without a year near the title (``lines[anchor]``), the nearest first: "Ярослав
    Кузишин ... 8 января, 17:46". Kept partial, as a dateline without a year is (no year is
    guessed; a weekday the story names may fix one, see :func:`toolkit.dates.infer_yearless`);
    not one that closes a sentence (a caption's "..., on 8 January.")."""
    for i in sorted(range(len(lines)), key=lambda i: (abs(i - anchor), i)):
        p = lines[i]
        if p.count(" ") >= 8 and p.endswith((".", "!", "?")):
            continue
        if (found := yearless_stamp(p)) is not None:
            month, day, text = found
            return PartialDate(None, month, day, text)
    return None
