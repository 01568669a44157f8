import json

import pytest

from planwatch.errors import PlanFileError
from planwatch.plans.loader import get_plan, json_schema, load_plan_file, parse_plan_text
from planwatch.plans.model import DEFAULT_AROUND_TOLERANCE

MINIMAL = """\
id: demo
title: {en: Demo plan}
region: CN-BJ
horizon: 2025
targets:
  - id: t1
    indicator: rd_intensity
    quote: {en: "R&D at 6%"}
    comparator: around
    value: 6
    unit: "%"
    deadline: 2025
"""


def test_builtin_beijing_plan_is_complete():
    plan = get_plan("beijing-istic-2025")
    assert len(plan.targets) == 7
    assert len(plan.tasks) == 6
    assert len(plan.issuers) == 12
    assert plan.issued.isoformat() == "2023-05-08" and plan.released.isoformat() == "2023-05-17"
    assert plan.title.zh.startswith("深入贯彻落实习近平总书记重要批示精神")
    assert [g.deadline for g in plan.goals] == [2025]
    zgc = plan.target("zgc-revenue-leading")
    assert (zgc.comparator, zgc.measure, zgc.value, zgc.peer_group) == ("rank_at_most", "rank", 1, "national-high-tech-zones")
    de = plan.target("digital-economy-growth")
    assert de.measure == "average_annual_growth" and de.base_year == 2022
    for t in plan.targets:
        assert t.quote.zh and t.quote.en, t.id


def test_minimal_plan_validates_with_default_tolerance():
    plan = parse_plan_text(MINIMAL, "demo.yaml")
    assert plan.targets[0].around_tolerance() == pytest.approx(6 * DEFAULT_AROUND_TOLERANCE)


@pytest.mark.parametrize(
    ("change", "line", "field", "message"),
    [
        (("comparator: around", "comparator: roughly"), 9, "targets.0.comparator", "Input should be"),
        (("indicator: rd_intensity", "indicator: nonsense"), 7, "targets.0.indicator", "unknown indicator"),
        (('unit: "%"', "unit: 亿元"), 11, "targets.0.unit", "does not fit"),
        (("deadline: 2025", "deadline: 3025"), 12, "targets.0.deadline", "less than or equal"),
        (("value: 6", "value: six"), 10, "targets.0.value", "valid number"),
    ],
)
def test_errors_name_file_line_and_field(change, line, field, message):
    text = MINIMAL.replace(*change)
    with pytest.raises(PlanFileError) as exc:
        parse_plan_text(text, "demo.yaml")
    problems = exc.value.problems
    assert any(p[0] == line and p[1] == field and message in p[2] for p in problems), problems
    assert f"demo.yaml:{line}: {field}" in str(exc.value)


def test_growth_target_needs_explicit_base_year():
    text = MINIMAL.replace("comparator: around", "comparator: around\n    measure: average_annual_growth")
    with pytest.raises(PlanFileError, match="base_year"):
        parse_plan_text(text, "demo.yaml")


def test_yaml_syntax_error_has_a_line(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(PlanFileError) as exc:
        load_plan_file(f)
    assert exc.value.problems[0][0] is not None
    assert str(f) in str(exc.value)


def test_plan_may_declare_its_own_indicators_and_regions():
    text = """\
id: eu-digital
title: {en: Digital Decade}
region: EU
horizon: 2030
regions: [{id: EU, name: {en: European Union}}]
indicators: [{id: gigabit, name: {en: Gigabit coverage}, unit: "%", kind: share}]
targets:
  - {id: g, indicator: gigabit, quote: {en: "all households"}, comparator: at_least, value: 100, unit: "%", deadline: 2030}
"""
    plan = parse_plan_text(text, "eu.yaml")
    assert plan.region == "EU" and plan.targets[0].indicator == "gigabit"


def test_json_schema_is_published():
    schema = json.loads(json_schema())
    assert "targets" in schema["properties"]
    assert "Target" in schema["$defs"]
