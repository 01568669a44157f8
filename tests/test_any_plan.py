"""Any plan works like the built-in one: its own indicators, regions and units, fed by import, assessed,
and a second built-in plan whose deadline has passed shows decided verdicts."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.errors import PlanFileError, PlanwatchError
from planwatch.plans.catalogue import store_catalogue
from planwatch.plans.loader import add_catalogue, add_plan, get_plan
from planwatch.sources.builtin import ensure_builtin
from planwatch.sources.files import import_file

DATA = Path(__file__).parent / "data" / "any-plan"
runner = CliRunner()


def cli(*args, db):
    r = runner.invoke(app, [*args, "--db", str(db)])
    return r


def test_a_plan_with_its_own_indicators_regions_and_units_is_fed_and_assessed(sqlite_store, tmp_path):
    plan = add_plan(DATA / "eu-europe-2020-lite.yaml", sqlite_store)
    cat = store_catalogue(sqlite_store)
    assert "EU27_2020" in cat.regions and "gerd_share_gdp" in cat.indicators
    res = import_file(sqlite_store, DATA / "eu-figures.csv", catalogue=cat)
    assert res.new == sum(1 for _ in csv.DictReader((DATA / "eu-figures.csv").open(encoding="utf-8")))
    from planwatch.assess.run import assess_plan

    by = {t.target_id: t for t in assess_plan(sqlite_store, get_plan(plan.id, sqlite_store)).targets}
    assert by["rd-investment"].verdict == "missed"
    assert by["renewable-energy"].verdict == "met"


def test_import_refuses_rows_a_plan_does_not_declare(sqlite_store):
    from planwatch.errors import ImportRejected

    with pytest.raises(ImportRejected, match="unknown region 'EU27'"):
        import_file(sqlite_store, DATA / "eu-figures.csv", catalogue=store_catalogue(sqlite_store))


def test_conflicting_redefinition_is_refused(sqlite_store, tmp_path):
    bad = tmp_path / "cat.yaml"
    bad.write_text("indicators:\n  - id: rd_intensity\n    name: {en: R&D}\n    unit: 亿元\n    kind: level\n", encoding="utf-8")
    with pytest.raises(PlanwatchError, match="already defined with another meaning"):
        add_catalogue(bad, sqlite_store)
    same = tmp_path / "same.yaml"
    same.write_text("indicators:\n  - id: patents_per_10k\n    name: {en: 'Invention patents per 10,000 people'}\n"
                    "    unit: patents per 10,000 people\n    kind: rate\nunits:\n  patents per 10,000 people: 件/万人\n",
                    encoding="utf-8")
    add_catalogue(same, sqlite_store)
    cat = store_catalogue(sqlite_store)
    assert cat.indicators["patents_per_10k"].unit == "patents per 10,000 people"


def test_plan_add_refuses_an_existing_id_unless_replace(sqlite_store, tmp_path):
    add_plan(DATA / "eu-europe-2020-lite.yaml", sqlite_store)
    changed = tmp_path / "changed.yaml"
    changed.write_text((DATA / "eu-europe-2020-lite.yaml").read_text(encoding="utf-8").replace("horizon: 2020", "horizon: 2021"),
                       encoding="utf-8")
    with pytest.raises(PlanwatchError, match="already in the store"):
        add_plan(changed, sqlite_store)
    add_plan(changed, sqlite_store, replace=True)
    assert get_plan("eu-lite", sqlite_store).horizon == 2021
    assert len([d for d in sqlite_store.documents("plan")]) == 1


@pytest.mark.parametrize(("patch", "message"), [
    (("value: 3\n", "value: yes\n"), "not a yes/no value"),
    (("value: 3\n", "value: .nan\n"), "finite number"),
    (("horizon: 2020\n", "horizon: 2020\nhorizon: 2021\n"), "duplicate key"),
    (("deadline: 2020\n", "deadline: 2005\n"), "before the plan was issued"),
])
def test_plan_values_are_typed_strictly(sqlite_store, tmp_path, patch, message):
    f = tmp_path / "p.yaml"
    f.write_text((DATA / "eu-europe-2020-lite.yaml").read_text(encoding="utf-8").replace(*patch, 1), encoding="utf-8")
    with pytest.raises(PlanFileError, match=message):
        add_plan(f, sqlite_store)


def test_alias_bombs_are_refused_before_expansion(sqlite_store, tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, "
                                                      f"*{chr(97 + i)}, *{chr(97 + i)}]" for i in range(9)]
    f = tmp_path / "bomb.yaml"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PlanFileError, match="YAML aliases"):
        add_plan(f, sqlite_store)


def test_the_builtin_data_comes_with_the_builtin_plan_only(tmp_path):
    db = tmp_path / "other.sqlite"
    assert cli("plans", "-f", "json", db=db).exit_code == 0
    from planwatch.store.repository import Store

    assert Store.open(str(db)).counts()["observations"] == 0  # a store kept for another plan stays empty
    assert cli("status", "eu-europe-2020", "-f", "json", db=db).exit_code == 0
    store = Store.open(str(db))
    assert {o.indicator for o in store.observations()} <= set(get_plan("eu-europe-2020").declarations().model_dump()
                                                               and [i.id for i in get_plan("eu-europe-2020").indicators])
    r = cli("data", "load", "builtin", db=db)
    assert r.exit_code == 0 and "beijing-istic-2025: loaded" in r.output


def test_the_second_builtin_plan_has_decided_verdicts(tmp_path):
    store_db = tmp_path / "eu.sqlite"
    r = cli("status", "eu-europe-2020", "-f", "json", db=store_db)
    assert r.exit_code == 0, r.output
    verdicts = {t["target_id"]: t["verdict"] for t in json.loads(r.output)["targets"]}
    assert verdicts["employment-rate"] == "missed" and verdicts["rd-investment"] == "missed"
    assert verdicts["renewable-energy"] == "met" and verdicts["early-school-leavers"] == "met"
    assert sum(v in ("met", "missed") for v in verdicts.values()) >= 6


def test_every_builtin_eu_figure_is_sourced(tmp_path):
    from planwatch.store.repository import Store

    store = Store.open(str(tmp_path / "s.sqlite"))
    ensure_builtin(store, "eu-europe-2020")
    obs = store.observations(all_revisions=True)
    assert len(obs) > 80
    assert all(o.publisher and o.url and o.published and o.quote for o in obs)


@pytest.mark.slow
def test_from_text_to_verdicts_in_five_commands(tmp_path):
    """extract → edit the draft → plan validate/add → import → status, with the real commands."""
    db = tmp_path / "e2e.sqlite"
    env_cmd = [sys.executable, "-m", "planwatch"]
    text = DATA / "europe-2020-executive-summary.txt"
    draft = tmp_path / "draft.yaml"
    run = lambda *a: subprocess.run([*env_cmd, *a], capture_output=True, text=True, timeout=300)  # noqa: E731
    r = run("extract", str(text), "-o", str(draft), "--plan-id", "europe-2020-draft")
    assert r.returncode == 0, r.stderr
    import yaml

    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert len(data["targets"]) >= 5
    # the analyst's edit: keep the R&D target, link it to a declared indicator and region
    edited = tmp_path / "plan.yaml"
    shutil.copy(DATA / "europe-2020-edited.yaml", edited)
    assert run("plan", "validate", str(edited), "--db", str(db)).returncode == 0
    r = run("plan", "add", str(edited), "--db", str(db))
    assert r.returncode == 0 and "planwatch import" in r.stdout, r.stdout + r.stderr
    r = run("import", str(DATA / "eu-figures.csv"), "--plan", "europe-2020-mine", "--db", str(db), "-f", "json")
    assert r.returncode == 0, r.stderr
    r = run("status", "europe-2020-mine", "--db", str(db), "-f", "json")
    assert r.returncode == 0, r.stderr
    verdicts = {t["target_id"]: t["verdict"] for t in json.loads(r.stdout)["targets"]}
    assert verdicts["rd-investment"] == "missed"
