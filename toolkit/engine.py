"""Where the per-batch maps of ingest and duplicate detection run: here (local) or on Dask.

An engine is ``None`` or ``"local"`` (this process, today's code), ``"dask"`` (a LocalCluster
started for the call), a scheduler address (``"tcp://host:8786"``, or ``"dask://host:8786"`` as
the command line writes it), or a ``distributed.Client`` the caller made (a dask-jobqueue
cluster's, for example). ``dask[distributed]`` is the optional extra ``toolkit[dask]``; it is
imported only when a Dask engine is asked for.

Example:
    >>> is_local(None), is_local("local"), is_local("tcp://10.0.0.5:8786")
    (True, True, False)
    >>> scheduler_address("dask://10.0.0.5:8786")
    'tcp://10.0.0.5:8786'
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from toolkit.errors import ToolkitError

__all__ = [
    "EngineError",
    "client_for",
    "is_local",
    "open_engine",
    "polars_sizeof",
    "scheduler_address",
]

_SCHEMES = ("tcp://", "tls://", "inproc://", "ucx://")


class EngineError(ToolkitError):
    """An engine cannot be used: unknown, unreachable, or its extra is not installed."""


def is_local(engine: Any) -> bool:
    """True for the local engine (``None`` or ``"local"``)."""
    return engine is None or engine == "local"


def scheduler_address(engine: str) -> str | None:
    """The scheduler address an engine string names; None for ``"dask"`` (a LocalCluster)."""
    if engine == "dask":
        return None
    if engine.startswith("dask://"):
        return "tcp://" + engine.removeprefix("dask://")
    if engine.startswith(_SCHEMES):
        return engine
    raise EngineError(
        f"unknown engine {engine!r}; use 'local', 'dask' (a local cluster), "
        "'dask://host:port' or 'tcp://host:port' (a running Dask scheduler)"
    )


@contextmanager
def client_for(engine: Any, *, local_workers: int = 2) -> Iterator[Any]:
    """A ``distributed.Client`` for a Dask engine, closed on leaving unless the caller gave it.

    Args:
        engine: ``"dask"``, a scheduler address, or a ``distributed.Client``.
        local_workers: workers of the LocalCluster started for ``"dask"`` (one thread each).

    Raises:
        EngineError: dask[distributed] is not installed, the engine is unknown, or the
            scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError(
            "the Dask engine needs dask[distributed]: pip install 'toolkit[dask]' "
            "(or use engine 'local')"
        ) from None
    if isinstance(engine, Client):
        _count_polars(engine)
        yield engine
        return
    if not isinstance(engine, str):
        raise EngineError(
            f"engine is a {type(engine).__name__}; pass 'local', 'dask', a scheduler address "
            "or a distributed.Client"
        )
    address = scheduler_address(engine)
    if address is None:
        # no dashboard, and its HTTP routes on a free port, not 8787 (a second cluster's
        # "port in use"); distributed's own INFO lines (it sets its logger up itself) are no
        # news of a run: its warnings still show
        said = logging.getLogger("distributed")
        level = said.level
        said.setLevel(max(level, logging.WARNING))
        try:
            cluster = LocalCluster(
                n_workers=local_workers,
                threads_per_worker=1,
                dashboard_address=None,
                scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
            )
            with cluster, Client(cluster) as client:
                _count_polars(client)
                yield client
        finally:
            said.setLevel(level)
        return
    try:
        client = Client(address, timeout="30s")
    except OSError as e:
        raise EngineError(
            f"no Dask scheduler answered at {address} ({e}); start one (dask scheduler, or a "
            "dask-jobqueue cluster) or use engine 'local'"
        ) from None
    with client:
        _count_polars(client)
        yield client


def polars_sizeof() -> None:
    """Teach Dask the size of a polars frame or series (its ``estimated_size``): Dask counts
    56 bytes for one otherwise, so its memory accounting and transfer counts miss them."""
    import polars as pl
    from dask.sizeof import sizeof

    sizeof.register(pl.DataFrame, lambda frame: int(frame.estimated_size()))
    sizeof.register(pl.Series, lambda series: int(series.estimated_size()))


def _count_polars(client: Any) -> None:
    """:func:`polars_sizeof` here and on every worker of ``client``, those that join later too
    (a worker plugin: dask-jobqueue clusters scale)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class PolarsSizes(WorkerPlugin):
        name = "toolkit-polars-sizeof"

        def setup(self, worker: Any) -> None:
            polars_sizeof()

    polars_sizeof()
    client.register_plugin(PolarsSizes())


@contextmanager
def open_engine(engine: Any = "local", dask: dict[str, Any] | None = None) -> Iterator[Any]:
    """The engine a parameter set names, ready to hand to ``ingest`` and ``find_duplicates``:
    None for ``"local"``, else a ``distributed.Client`` (closed on leaving unless given).

    Args:
        engine: ``"local"``, ``"dask"``, ``"dask://host:port"``, a scheduler address or a
            ``distributed.Client`` (the ``engine`` key, or ``toolkit run --engine``).
        dask: the ``dask`` key: ``address`` (a running scheduler) or ``local_workers`` (a
            LocalCluster of that many workers; 2 by default), read when ``engine`` is ``"dask"``.

    Example:
        >>> with open_engine("local") as engine:
        ...     engine is None
        True
    """
    if is_local(engine):
        yield None
        return
    dask = dask or {}
    if engine == "dask" and dask.get("address"):
        engine = dask["address"]
    with client_for(engine, local_workers=dask.get("local_workers", 2)) as client:
        yield client
