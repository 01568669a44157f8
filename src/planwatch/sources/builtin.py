"""The built-in sourced observations shipped with planwatch, loaded into a store on first use.

The data files are hashed; when a new planwatch version ships changed figures, the next command loads
them as revisions (the store keeps what was there before).
"""

from __future__ import annotations

import hashlib
from importlib import resources

from ..errors import ImportRejected
from ..store.repository import Store

META_KEY = "builtin_data_sha256"


def builtin_files() -> list:
    folder = resources.files("planwatch.sources") / "builtin"
    return sorted((f for f in folder.iterdir() if f.name.endswith(".csv")), key=lambda f: f.name)


def builtin_digest() -> str:
    h = hashlib.sha256()
    for f in builtin_files():
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def ensure_builtin(store: Store) -> bool:
    """Load the built-in data if this store has not seen this version of it. Returns True if it loaded."""
    from pathlib import Path

    from .files import open_records
    from .rows import Validator, check_header

    digest = builtin_digest()
    if store.get_meta(META_KEY) == digest:
        return False
    rows = []
    for f in builtin_files():
        header, records, _ = open_records(Path(f.name), f.read_bytes())
        v = Validator()
        file_rows = list(v.stream(records))
        errors = check_header(header) + v.errors
        if errors:  # a packaging bug, caught by the test suite
            raise ImportRejected(f"built-in {f.name}", errors)
        rows += file_rows
    # Revision numbers follow publication dates, whichever file a figure is in (the current figure is chosen
    # by the publication rules of store/vintage.py either way).
    rows.sort(key=lambda r: r.published)
    with store.begin_write() as conn:
        if store.get_meta(META_KEY, conn=conn) == digest:  # another process loaded it while this one waited
            return False
        store.write(rows, origin="builtin:" + ",".join(f.name for f in builtin_files()), digest=digest, conn=conn)
        store.set_meta(META_KEY, digest, conn=conn)
    return True
