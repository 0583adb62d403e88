"""Memory handed back to the system as soon as polars frees it.

polars allocates with jemalloc and sets it, on import, to keep freed pages for half a second
before handing them back (``dirty_decay_ms:500``; pola-rs/polars#18088, #21829), appending
whatever ``_RJEM_MALLOC_CONF`` already holds, so a value there overrides its default. A load of
one big page frees the normalised text a moment before it turns the page's lines into Python
strings, and what jemalloc still held then made that step's peak vary from run to run by up to a
third of the page's size (a 100 MB page: 490 to 650 MiB in runs of the same code). With the
decay at zero the peak is the same every time (467-468 MiB), at a cost of about 5-10% more CPU
time in polars' steps (system time: pages handed back and faulted in again).
`benchmarks/README.md` ("Memory") has the figures.

jemalloc reads its settings once, when polars is loaded. So the setting is made on import of
``toolkit``, before polars is loaded, and is inherited by what the toolkit starts (notebook
kernels, Dask workers on this machine). A value the user set is kept; if polars was imported
before ``toolkit``, nothing changes and a load peaks as it would without this. This is the
allocator counterpart of what Dask does for glibc's heap in the worker processes it starts
(``MALLOC_TRIM_THRESHOLD_``).
"""

from __future__ import annotations

import os
import re
import sys

__all__ = ["IN_FORCE", "JEMALLOC_CONF", "JEMALLOC_VARIABLE", "in_force", "settle"]

JEMALLOC_VARIABLE = "_RJEM_MALLOC_CONF"
JEMALLOC_CONF = "dirty_decay_ms:0"


def in_force(conf: str | None) -> bool:
    """Whether a jemalloc setting string hands freed pages back at once (its last
    ``dirty_decay_ms`` is 0; later entries override earlier ones)."""
    decays = re.findall(r"dirty_decay_ms:(-?\d+)", conf or "")
    return bool(decays) and decays[-1] == "0"


def settle() -> bool:
    """Set polars' allocator to hand freed memory back at once, where it still can be; returns
    whether that is in force for this process (False when polars was loaded first)."""
    if "polars" in sys.modules:
        return False
    os.environ.setdefault(JEMALLOC_VARIABLE, JEMALLOC_CONF)
    return in_force(os.environ[JEMALLOC_VARIABLE])


IN_FORCE = settle()  # on import: `toolkit/__init__` imports this module before any other
