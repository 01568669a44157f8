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

    from .files import read_records
    from .rows import check_header, validate_records

    digest = builtin_digest()
    if store.get_meta(META_KEY) == digest:
        return False
    rows = []
    for f in builtin_files():
        content = f.read_bytes()
        header, records = read_records(Path(f.name), content)
        file_rows, errors = validate_records(records)
        errors = check_header(header) + errors
        if errors:  # a packaging bug, caught by the test suite
            raise ImportRejected(f"built-in {f.name}", errors)
        rows += file_rows
    # Revisions follow publication dates, whichever file a figure is in: the newest publication is current.
    rows.sort(key=lambda r: r.published)
    store.write(rows, origin="builtin:" + ",".join(f.name for f in builtin_files()), content=digest.encode())
    store.set_meta(META_KEY, digest)
    return True
