"""Monte Carlo chunks on a Dask cluster: the shared inputs are scattered once, chunks run as tasks.

``scheduler`` is an address (``tcp://host:8786``) or an existing ``distributed.Client`` (tests use an
in-process ``LocalCluster``). Workers need planwatch installed: they import :func:`evaluate_chunk`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import numpy as np

from ...errors import PlanwatchError


def map_on_dask(payload: Any, chunks: list[np.ndarray], scheduler: Any,
                advance: Callable[[int], None] | None = None) -> list[np.ndarray]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise PlanwatchError("--scheduler needs dask[distributed] (pip install 'planwatch[corpus]')") from None
    from .uncertainty import evaluate_chunk

    own = not isinstance(scheduler, Client)
    if own:
        for name in ("distributed", "distributed.worker", "distributed.scheduler", "distributed.client"):
            logging.getLogger(name).setLevel(logging.ERROR)
        try:
            client = Client(scheduler, timeout="20s")
        except Exception as exc:
            raise PlanwatchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    else:
        client = scheduler
    try:
        shared = client.scatter(payload, broadcast=True)
        futures = [client.submit(evaluate_chunk, shared, c, pure=False) for c in chunks]
        position = {f.key: i for i, f in enumerate(futures)}
        out: list[np.ndarray | None] = [None] * len(chunks)
        for fut in as_completed(futures):
            i = position[fut.key]
            try:
                out[i] = fut.result()
            except Exception as exc:
                raise PlanwatchError(f"a Monte Carlo chunk failed on the cluster: {exc}") from None
            if advance is not None:
                advance(len(chunks[i]))
        return [o for o in out if o is not None]
    finally:
        if own:
            client.close()
