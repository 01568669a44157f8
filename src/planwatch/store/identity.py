"""Source identity: one stored source per (publisher, title, address, publication date)."""

from __future__ import annotations

import hashlib


def source_identity(publisher: str, title: str, url: str, published: str) -> str:
    """A fixed-length key for the four fields, so the unique index works for any field length on any store."""
    h = hashlib.sha256()
    for part in (publisher, title, url, published):
        data = part.encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()
