"""Request and response models of the JSON API (they are its OpenAPI document's schemas)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ...assess.model import PlanAssessment, TargetAssessment  # noqa: F401  (response models, re-exported)
from ...plans.entries import Indicator, PeerGroup, Region  # noqa: F401


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Texts(BaseModel):
    en: str | None = None
    zh: str | None = None


class PlanSummary(BaseModel):
    id: str
    title: Texts
    short_title: Texts | None = None
    region: str
    horizon: int
    targets: int
    tasks: int
    origin: str


class PlanList(BaseModel):
    items: list[PlanSummary]


class TargetList(BaseModel):
    plan_id: str
    as_of: str
    items: list[TargetAssessment]


class SourceOut(BaseModel):
    id: int
    publisher: str
    title: str
    url: str
    published: str


class SourceRow(SourceOut):
    figures: int


class ObservationOut(BaseModel):
    id: int
    indicator: str
    region: str
    period: int
    revision: int
    value: float | None
    unit: str
    value_std: float | None
    status: str
    basis: str | None
    comparator: str | None
    rounded: bool
    derivation: str | None
    quote: str | None
    confidence: str | None
    note: str | None
    recorded_at: str
    current: bool = Field(description="the figure that counts now for its cell and basis (or a live statement)")
    live: bool = Field(description="the newest revision of its source line")
    import_id: int
    added_by: str | None = Field(description="the signed-in user who added it (none for command-line imports)")
    source: SourceOut


class Page(BaseModel):
    limit: int
    offset: int
    next: str | None = Field(description="the address of the next page, or null on the last page")


class ObservationPage(Page):
    items: list[ObservationOut]


class SourcePage(Page):
    items: list[SourceRow]


class SourceDetail(SourceOut):
    observations: list[ObservationOut]


class IndicatorList(BaseModel):
    items: list[Indicator]


class RegionList(BaseModel):
    items: list[Region]
    peer_groups: list[PeerGroup]


class StatusOut(BaseModel):
    status: str
    reason: str
    set_at: str
    set_by: str | None


class EvidenceOut(BaseModel):
    id: int
    subject: str
    date: str
    kind: str
    text_en: str | None
    text_zh: str | None
    quote: str
    publisher: str
    title: str
    url: str
    published: str
    ranking: dict[str, Any] | None
    confidence: str | None
    note: str | None
    recorded_at: str
    recorded_by: str | None


class TaskOut(BaseModel):
    id: str
    kind: Literal["task", "goal"]
    title: Texts
    orientations: list[str]
    deadline: int | None
    status: StatusOut | None
    status_history: list[StatusOut]
    evidence: list[EvidenceOut]


class TaskList(BaseModel):
    plan_id: str
    as_of: str | None
    items: list[TaskOut]


class CoverageRowOut(BaseModel):
    indicator: str
    region: str
    own: bool
    target_id: str | None = None
    cells: dict[str, Literal["figure", "derived", "statement", "words", "gap"]]


class CoverageOut(BaseModel):
    plan_id: str
    as_of: str | None
    years: list[int]
    rows: list[CoverageRowOut]


class TimelinePointOut(BaseModel):
    date: str
    verdict: str
    provisional: bool
    probability: float | None
    confidence: str | None
    latest_year: int | None
    latest_value: float | None
    trigger: str


class TimelineOut(BaseModel):
    target_id: str
    points: list[TimelinePointOut]
    summary: dict[str, str]


class AuditOut(BaseModel):
    id: int
    at: str
    user_name: str
    action: str
    plan_id: str | None
    subject: str | None
    old_value: str | None
    new_value: str | None
    source: str | None
    detail: dict[str, Any] | None
    import_id: int | None


class AuditPage(Page):
    items: list[AuditOut]


class UserOut(BaseModel):
    name: str
    role: str
    active: bool
    created_at: str
    created_by: str | None


class UserList(BaseModel):
    items: list[UserOut]


class UserCreated(UserOut):
    token: str = Field(description="the user's API token: shown only in this response")


class WriteOut(BaseModel):
    import_id: int
    rows: int
    new: int
    revised: int
    metadata_only: int
    unchanged: int


class ErrorItem(BaseModel):
    row: int | None
    column: str | None
    reason: str


class ErrorOut(BaseModel):
    detail: str
    errors: list[ErrorItem] = []


class Done(BaseModel):
    ok: bool = True
    detail: str


# -- requests -------------------------------------------------------------------------------------------------
class ObservationIn(_In):
    """One figure, with the columns of an import file (docs/observations-format.md) and the same checks."""

    indicator: str = Field(max_length=200)
    region: str = Field(max_length=200)
    period: int | str
    value: float | str | None = None
    unit: str = Field(max_length=200)
    status: str = Field(max_length=40)
    publisher: str = Field(max_length=1000)
    title: str = Field(max_length=2000)
    url: str = Field(max_length=4000)
    published: str = Field(max_length=40)
    quote: str | None = Field(None, max_length=8000)
    confidence: str | None = Field(None, max_length=10)
    note: str | None = Field(None, max_length=8000)
    basis: str | None = Field(None, max_length=200)
    comparator: str | None = Field(None, max_length=40)
    rounded: bool | None = None
    derivation: str | None = Field(None, max_length=8000)
    plan: str | None = Field(None, max_length=100, description="check against this plan's catalogue (default: the store's)")


class WithdrawIn(_In):
    indicator: str = Field(max_length=64)
    region: str = Field(max_length=32)
    period: int = Field(ge=1949, le=2100)
    url: str = Field(max_length=2000)
    basis: str | None = Field(None, max_length=32)
    reason: str = Field(min_length=1, max_length=4000)
    plan: str | None = Field(None, max_length=100)


class SourceIn(_In):
    publisher: str = Field(max_length=300)
    title: str = Field(max_length=1000)
    url: str = Field(max_length=2000)
    published: str = Field(max_length=10)


class EvidenceIn(_In):
    subject: str = Field(max_length=100, description="a task id or goal id of the plan")
    date: str = Field(max_length=10)
    kind: Literal["achieved", "announced", "assessment", "ranking"]
    text: Texts
    quote: str = Field(max_length=4000)
    source: SourceIn
    confidence: Literal["H", "M", "L"] | None = None
    note: str | None = Field(None, max_length=4000)


class EvidenceWithdrawIn(_In):
    reason: str = Field(min_length=1, max_length=4000)


class StatusIn(_In):
    subject: str = Field(max_length=100)
    status: Literal["not_started", "in_progress", "achieved", "unclear"]
    reason: str = Field(min_length=1, max_length=4000)


class PlanIn(_In):
    text: str = Field(description="the plan file (YAML or JSON)")
    replace: bool = False


class DraftIn(_In):
    text: str = Field(description="the plan's text (English or Chinese)")
    plan_id: str = Field("draft", max_length=100)
    region: str | None = Field(None, max_length=32)


class UserIn(_In):
    name: str = Field(max_length=100)
    role: Literal["editor", "admin"]
