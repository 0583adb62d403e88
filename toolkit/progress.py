"""Text progress bars for long steps, live in a notebook and in the terminal under ``toolkit
run`` (tqdm's text bars: no ipywidgets needed), cleared when the step ends, so the reports do
not keep them.

Example:
    >>> with step("clustering (HDBSCAN)", progress=False):
    ...     pass
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator

from tqdm import tqdm

__all__ = ["step"]


@contextlib.contextmanager
def step(desc: str, *, progress: bool = True) -> Iterator[None]:
    """A text progress bar for a step that reports none of its own (UMAP, HDBSCAN, quote
    attribution): its name and the time it has taken, refreshed every two seconds, cleared
    when it ends.

    Example:
        >>> with step("clustering (HDBSCAN)", progress=False):
        ...     pass
    """
    if not progress:
        yield
        return
    bar = tqdm(total=1, desc=desc, bar_format="{desc}: {elapsed} elapsed", leave=False,
               file=sys.stderr)  # fmt: skip
    done = threading.Event()

    def tick() -> None:
        while not done.wait(2.0):
            bar.refresh()

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        yield
    finally:
        done.set()
        ticker.join()
        bar.close()
