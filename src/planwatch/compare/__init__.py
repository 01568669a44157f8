"""Compare: a region beside its peers on the same indicator (composite indices come later)."""
