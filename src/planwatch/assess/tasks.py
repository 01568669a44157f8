"""Tasks and goals with their evidence and status: what the plan asked for beyond numbers, and what is
known about it — dated, sourced entries, and a status an editor set from them (with who, when and why).

Pure over the plan and the rows read from the store; ``as_of`` keeps only what had been published (and
statuses set) by then, like every other replay.
"""

from __future__ import annotations

from .model import EvidenceItem, SourceRef, StatusNote, SubjectAssessment


def _item(r: dict) -> EvidenceItem:
    return EvidenceItem(id=r.get("id"), date=r["date"], kind=r["kind"], text={"en": r.get("text_en"), "zh": r.get("text_zh")},
                        quote=r["quote"], source=SourceRef(publisher=r["publisher"], title=r["title"], url=r["url"],
                                                           published=r["published"]),
                        ranking=r.get("ranking"), confidence=r.get("confidence"), note=r.get("note"),
                        recorded_by=r.get("recorded_by"))


def subjects(plan, evidence_rows: list[dict], status_rows: dict[str, list[dict]]) -> list[SubjectAssessment]:
    """Every task, then every goal, of a plan with its evidence: stored entries plus those in the plan file."""
    by_subject: dict[str, list[EvidenceItem]] = {}
    for r in evidence_rows:
        by_subject.setdefault(r["subject"], []).append(_item(r))
    out = []
    items = [("task", t.id, {"en": t.title.en, "zh": t.title.zh}, None, list(t.orientations), t.evidence) for t in plan.tasks]
    items += [("goal", g.id, {"en": g.text.en, "zh": g.text.zh}, g.deadline, [], g.evidence) for g in plan.goals]
    for kind, sid, title, deadline, orientations, own in items:
        ev = list(by_subject.get(sid, []))
        ev += [EvidenceItem(date=e.date.isoformat(), kind="reported", text={"en": e.text, "zh": None}, quote=e.text,
                            source=SourceRef(publisher="(plan file)", title="evidence in the plan file", url=e.source,
                                             published=e.date.isoformat())) for e in own]
        ev.sort(key=lambda e: e.date)
        history = [StatusNote(status=r["status"], reason=r["reason"], set_by=r.get("set_by"),
                              set_at=r["set_at"].isoformat() if hasattr(r["set_at"], "isoformat") else str(r["set_at"]))
                   for r in status_rows.get(sid, [])]
        out.append(SubjectAssessment(id=sid, kind=kind, title=title, deadline=deadline, orientations=orientations,
                                     status=history[-1].status if history else None, status_history=history, evidence=ev))
    return out
