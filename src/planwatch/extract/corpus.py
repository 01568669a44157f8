"""Extract a whole folder of documents in parallel with Dask and write one Parquet row per target.

By default a ``distributed.LocalCluster`` is started with ``workers`` single-threaded worker processes (the
extractor is pure Python, so processes — not threads — give parallelism); pass ``scheduler`` to use a running
cluster instead (``tcp://host:8786``; the workers need planwatch installed). Documents are sent in small
batches so that scheduling overhead stays low for corpora of many short texts. A document that cannot be
read or extracted is reported in ``errors`` and skipped; it never stops the run.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

from ..errors import PlanwatchError

DOC_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".pdf")

COLUMNS = [
    ("document", "string"),
    ("language", "string"),
    ("document_year", "int32"),
    ("horizon_year", "int32"),
    ("target", "int32"),
    ("indicator", "string"),
    ("comparator", "string"),
    ("value", "float64"),
    ("value_high", "float64"),
    ("unit", "string"),
    ("deadline", "int32"),
    ("measure", "string"),
    ("base_year", "int32"),
    ("quote", "string"),
    ("start", "int64"),
    ("end", "int64"),
]


def _process_one(path: str) -> dict[str, Any]:
    from . import extract_text, read_document

    try:
        text = read_document(path)
        d = extract_text(text)
    except PlanwatchError as exc:
        msg = str(exc)
        return {"document": path, "rows": [], "error": msg if msg.startswith(path) else f"{path}: {msg}"}
    except Exception as exc:  # a bug on one document must not stop a corpus run
        return {"document": path, "rows": [], "error": f"{path}: unexpected {type(exc).__name__}: {exc}"}
    rows = []
    for i, t in enumerate(d.targets):
        rows.append(
            {
                "document": path,
                "language": d.language,
                "document_year": d.document_year,
                "horizon_year": d.horizon_year,
                "target": i,
                "indicator": t.indicator,
                "comparator": t.comparator,
                "value": t.value,
                "value_high": t.value_high,
                "unit": t.unit,
                "deadline": t.deadline,
                "measure": t.measure,
                "base_year": t.base_year,
                "quote": t.quote,
                "start": t.start,
                "end": t.end,
            }
        )
    return {"document": path, "rows": rows, "error": None}


def process_batch(paths: list[str]) -> list[dict[str, Any]]:
    """Worker entry point: extract a batch of documents (importable, so it pickles by reference)."""
    return [_process_one(p) for p in paths]


def list_documents(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise PlanwatchError(f"no such folder: {folder}")
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in DOC_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _schema():
    import pyarrow as pa

    types = {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64(), "float64": pa.float64()}
    return pa.schema([(name, types[t]) for name, t in COLUMNS])


def write_parquet(rows: list[dict[str, Any]], out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=_schema())
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    try:
        pq.write_table(table, tmp)
        tmp.replace(out)
    except OSError as exc:
        raise PlanwatchError(f"cannot write {out}: {exc.strerror or exc}") from None


def extract_corpus(
    folder: Path,
    out: Path,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: bool = True,
    processes: bool = True,
) -> dict[str, Any]:
    """Extract every document under ``folder`` (recursively) and write the targets to ``out`` (Parquet).

    Returns ``{"documents": n, "targets": m, "errors": [...], "seconds": s, "out": path}``; ``errors``
    holds one message per skipped document, starting with the document's path.
    """
    t0 = time.perf_counter()
    folder, out = Path(folder), Path(out)
    docs = [str(p) for p in list_documents(folder)]
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise PlanwatchError(
            "corpus extraction needs dask[distributed], pyarrow and pandas (pip install 'planwatch[corpus]')"
        ) from None
    n_workers = max(1, workers or os.cpu_count() or 1)
    results: list[dict[str, Any]] = []
    if docs:
        for name in ("distributed", "distributed.worker", "distributed.scheduler", "distributed.nanny"):
            logging.getLogger(name).setLevel(logging.ERROR)
        cluster = None
        try:
            if scheduler:
                client = Client(scheduler, timeout="20s")
            else:
                cluster = LocalCluster(
                    n_workers=n_workers,
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                client = Client(cluster)
        except Exception as exc:
            where = scheduler or "a local cluster"
            raise PlanwatchError(f"cannot start Dask on {where}: {exc}") from None
        try:
            size = max(1, min(50, len(docs) // (n_workers * 8) or 1))
            batches = [docs[i : i + size] for i in range(0, len(docs), size)]
            futures = client.map(process_batch, batches, pure=False)
            bar = None
            if progress:
                from rich.console import Console
                from rich.progress import (
                    BarColumn,
                    MofNCompleteColumn,
                    Progress,
                    TextColumn,
                    TimeElapsedColumn,
                )

                bar = Progress(
                    TextColumn("extracting"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TextColumn("documents"),
                    TimeElapsedColumn(),
                    console=Console(stderr=True),
                    transient=False,
                )
                task = bar.add_task("docs", total=len(docs))
                bar.start()
            try:
                for fut in as_completed(futures):
                    try:
                        batch = fut.result()
                    except Exception as exc:  # a worker died: report the batch, go on
                        idx = futures.index(fut)
                        batch = [
                            {"document": p, "rows": [], "error": f"{p}: worker failed ({exc})"}
                            for p in batches[idx]
                        ]
                    results.extend(batch)
                    if bar is not None:
                        bar.advance(task, len(batch))
            finally:
                if bar is not None:
                    bar.stop()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    rows = [r for res in sorted(results, key=lambda r: r["document"]) for r in res["rows"]]
    # one line per skipped document; every message starts with the document's path
    errors = [str(r["error"]) for r in sorted(results, key=lambda r: r["document"]) if r["error"]]
    write_parquet(rows, out)
    return {
        "documents": len(docs),
        "targets": len(rows),
        "errors": errors,
        "seconds": time.perf_counter() - t0,
        "out": str(out),
    }
