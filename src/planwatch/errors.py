"""Errors a user can cause and fix. The CLI prints them as one clear message, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


class PlanwatchError(Exception):
    """A mistake in the user's input or request: shown as a message, exit code 2."""


@dataclass(frozen=True)
class RowError:
    """One problem in one cell of an input file (row numbers count the header as row 1)."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column!r}: {self.reason}"


class ImportRejected(PlanwatchError):
    """A file with at least one bad row: nothing from it was written."""

    def __init__(self, path: str, errors: list[RowError]):
        self.path = path
        self.errors = errors
        lines = "\n".join(f"  {e}" for e in errors[:200])
        more = f"\n  … and {len(errors) - 200} more" if len(errors) > 200 else ""
        super().__init__(
            f"{path}: rejected, nothing was imported ({len(errors)} error(s)):\n{lines}{more}"
        )


class PlanFileError(PlanwatchError):
    """A plan file that does not validate; each problem names file, line and field."""

    what = "plan file"

    def __init__(self, path: str, problems: list[tuple[int | None, str, str]]):
        self.path = path
        self.problems = problems
        lines = "\n".join(
            f"  {path}:{line if line is not None else '?'}: {field}: {msg}" for line, field, msg in problems
        )
        super().__init__(f"{path}: invalid {self.what} ({len(problems)} problem(s)):\n{lines}")


class CatalogueFileError(PlanFileError):
    what = "catalogue file"


class EvidenceFileError(PlanFileError):
    what = "evidence file"
