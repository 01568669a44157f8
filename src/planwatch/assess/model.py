"""Assessment results: the boundary between ``assess`` and everything that shows them (JSON, tables, HTML)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

Verdict = Literal["met", "missed", "on_track", "off_track", "no_data"]
Confidence = Literal["high", "medium", "low"]


class SourceRef(BaseModel):
    publisher: str
    title: str
    url: str
    published: str


class Point(BaseModel):
    """One current observation, in the indicator's unit (``value``) and as published (``published_value``)."""

    period: int
    value: float | None
    published_value: float | None
    published_unit: str
    status: str
    revision: int
    confidence: str | None = None
    quote: str | None = None
    note: str | None = None
    source: SourceRef
    basis: str | None = None
    rounded: bool = False
    derivation: str | None = None
    comparator: str | None = None  # for a statement: how its number bounds the value


class StatementEvidence(BaseModel):
    """An official statement with an approximate number, as the interval it puts the value in."""

    point: Point
    low: float | None
    high: float | None
    used: str  # decides | conditions | shown


class ConflictNote(BaseModel):
    """Two pieces of evidence for the same cell that disagree; both are shown, neither is hidden."""

    period: int
    kind: Literal["figures", "statement", "rank"]
    current: Point | None = None
    other: Point | None = None
    text: dict[str, str]


class Projection(BaseModel):
    year: int
    value: float
    low: float | None = None
    high: float | None = None
    level: float = 0.8
    method: str
    why: str
    fitted_from: int | None = None
    fitted_to: int | None = None
    n_changes: int = 0
    model: str = "drift"
    conditioned_on: list[int] = []  # years of official statements the projection was conditioned on


class Requirement(BaseModel):
    """What it takes: the change per year needed from the latest value to reach the target."""

    from_year: int
    to_year: int
    threshold: float
    per_year: float | None  # absolute change per year in the indicator unit (or pp of growth)
    per_year_pct: float | None = None  # compound growth per year, for levels measured in money
    observed_per_year: float | None = None
    observed_per_year_pct: float | None = None
    text: str


class MethodResult(BaseModel):
    method: str
    version: str
    status: str
    score: float | None = None
    components: dict[str, Any]
    note: str | None = None


class BaseYearCase(BaseModel):
    base_year: int
    average_growth: float | None
    observed_years: list[int]
    projected_years: list[int]
    verdict: Verdict


class TargetAssessment(BaseModel):
    target_id: str
    indicator: str
    indicator_name: dict[str, str | None]
    region: str
    measure: str
    comparator: str
    target_value: float | None
    target_value_high: float | None = None
    target_unit: str
    target_value_in_indicator_unit: float | None
    indicator_unit: str
    deadline: int
    quote: dict[str, str | None]
    verdict: Verdict
    provisional: bool
    probability: float | None = None
    confidence: Confidence | None = None
    decided_by: Literal["figure", "projection", "statement", "rank", "none"] = "none"
    basis: dict[str, str | None] | None = None  # the definition the target is read on, where there are several
    latest: Point | None = None
    current_value: float | None = None  # the value compared with the target (e.g. average growth)
    current_year: int | None = None
    projection: Projection | None = None
    requirement: Requirement | None = None
    explanation: dict[str, str]
    reasons: list[str] = []
    methods: list[MethodResult] = []
    base_year_sensitivity: list[BaseYearCase] = []
    series: list[Point] = []
    growth_series: list[Point] = []
    evidence: list[Point] = []  # official words without a number
    statements: list[StatementEvidence] = []
    other_basis: list[Point] = []  # figures on another definition: shown, never trended
    conflicts: list[ConflictNote] = []
    breaks: list[int] = []
    caveats: list[dict[str, str | None]] = []
    peers: list[dict[str, Any]] = []
    ranks: list[Point] = []  # published ranks (for rank targets), each with its source


TaskStatus = Literal["not_started", "in_progress", "achieved", "unclear"]


class EvidenceItem(BaseModel):
    id: int | None = None
    date: str
    kind: str
    text: dict[str, str | None]
    quote: str
    source: SourceRef
    ranking: dict[str, Any] | None = None
    confidence: str | None = None
    note: str | None = None
    recorded_by: str | None = None


class StatusNote(BaseModel):
    status: TaskStatus
    reason: str
    set_by: str | None = None
    set_at: str


class SubjectAssessment(BaseModel):
    """A task or the goal of a plan, with its evidence (newest last) and its status history (newest last)."""

    id: str
    kind: Literal["task", "goal"]
    title: dict[str, str | None]
    deadline: int | None = None
    orientations: list[str] = []
    status: TaskStatus | None = None
    status_history: list[StatusNote] = []
    evidence: list[EvidenceItem] = []


class PlanAssessment(BaseModel):
    plan_id: str
    title: dict[str, str | None]
    region: str
    horizon: int
    as_of: str
    database: str
    targets: list[TargetAssessment]
    subjects: list[SubjectAssessment] = []  # tasks and goals with their evidence and status (assess.tasks)
