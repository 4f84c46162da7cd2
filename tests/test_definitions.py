"""The Dagster project as `dg` sees it: assets grouped by layer, described, checked; jobs, sensors, schedule."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def listed() -> dict:
    dg = Path(sys.executable).parent / "dg"
    out = subprocess.run([str(dg), "list", "defs", "--json"], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, check=True)
    return json.loads(out.stdout)


def test_assets_are_grouped_by_layer_and_described(listed):
    groups = {a["asset_key"]: a["group_name"] for a in listed["assets"]}
    assert set(groups.values()) == {"bronze", "silver", "gold_per_batch", "gold"}
    assert groups["gold/batches/meetings"] == "gold_per_batch"  # not beside the published `meetings`
    assert groups["silver/articles"] == "silver" and groups["gold/meetings"] == "gold"
    assert all(a.get("description") for a in listed["assets"])


def test_jobs_sensors_and_the_daily_schedule_are_listed(listed):
    assert {j["name"] for j in listed["jobs"]} >= {"build_batch", "publish", "build_batches_parallel", "build_batches_dask"}
    assert {s["name"] for s in listed["sensors"]} == {"new_batches", "publish_after_batch"}
    assert listed["schedules"] == [{"name": "daily_refresh", "cron_schedule": "0 3 * * *"}]


def test_published_tables_have_blocking_checks(listed):
    checks = {(c["asset_key"], c["name"]) for c in listed["asset_checks"]}
    for table in ("meetings", "agreements", "trade_figures"):
        assert (f"gold/{table}", "schema") in checks
        assert (f"gold/{table}", "evidence_traceable") in checks
        assert (f"gold/{table}", "locality_ids_resolve") in checks
