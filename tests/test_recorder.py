"""Dagster's bookkeeping off the build's path (`pipeline.recorder`): `hoptac build` never imports Dagster
and returns once its journal is in the outbox; the instance then shows the batches' partitions and
materialisations and the published assets. A recording that fails loses nothing: the journal stays,
the next build says so and records it. The versions kept beside the instance count only while the
batch's last part is the file the build wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import dagster as dg
import pytest

from pipeline.cli import INSTANCE_YAML
from pipeline.recorder import (
    MANIFESTS,
    MAX_ATTEMPTS,
    OutboxRecorder,
    drain,
    journals,
    problems,
    wait_recorded,
)
from pipeline.storage import data_dir, read_table, write_table
from tests.conftest import ROOT
from tests.test_faults import article, write

BROKEN_YAML = "telemetry:\n  enabled: false\nstorage:\n  no_such_storage: {}\n"


def _env(data, home, **more) -> dict:
    return {**os.environ, "DATA_DIR": str(data), "DAGSTER_HOME": str(home), "HOPTAC_LOG_LEVEL": "WARNING", **more}


def _build(data, home, *args, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "build", *args], cwd=ROOT, env=_env(data, home, **env),
                          capture_output=True, text=True, timeout=600)


def _instance(home):
    os.environ["DAGSTER_HOME"] = str(home)
    return dg.DagsterInstance.get()


def test_a_cli_build_returns_first_and_the_instance_records_it_from_the_outbox(tmp_path):
    data, home = tmp_path / "data", tmp_path / "home"
    for i, batch in enumerate(("b1", "b1", "b2")):
        write(data / "bronze" / batch / f"a{i}.txt", article(i))
    code = ("import sys\nfrom pipeline.cli import main\nstatus = main(['build'])\n"
            "print(status, 'dagster' in sys.modules)")
    env = _env(data, home, HOPTAC_WAIT_FOR_INSTANCE="0")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert out.stdout.strip().endswith("0 False"), out.stdout[-2000:] + out.stderr[-2000:]
    assert "records this build in the background" in out.stdout
    assert wait_recorded(home, timeout=120)
    assert problems(home) == []
    try:
        with _instance(home) as instance:
            assert sorted(instance.get_dynamic_partitions("batches")) == ["b1", "b2"]
            part = instance.fetch_materializations(dg.AssetRecordsFilter(
                asset_key=dg.AssetKey(["gold", "batches", "rejected"]), asset_partitions=["b2"]), limit=1).records
            assert part and part[0].asset_materialization.metadata["fingerprint"].value
            meetings = instance.get_latest_materialization_event(dg.AssetKey(["gold", "meetings"]))
            rows = meetings.asset_materialization.metadata["dagster/row_count"].value
            assert rows == len(read_table(data_dir(str(data)), "meetings")) > 0
    finally:
        os.environ.pop("DAGSTER_HOME")


def test_a_recording_that_fails_is_kept_reported_and_recorded_by_the_next_build(tmp_path):
    data, home = tmp_path / "data", tmp_path / "home"
    write(data / "bronze" / "b1" / "a.txt", article(1))
    home.mkdir()
    (home / "dagster.yaml").write_text(BROKEN_YAML)  # the instance cannot be opened
    failed = _build(data, home, "--wait-for-instance")
    assert failed.returncode == 1 and "recording the build in the Dagster instance failed" in failed.stderr
    assert (data / "gold" / "meetings.parquet").exists()  # the outputs are published all the same
    [kept] = journals(home)
    assert problems(home) and "attempt 1" in kept.with_suffix(".error").read_text()

    (home / "dagster.yaml").write_text(INSTANCE_YAML)
    write(data / "bronze" / "b2" / "a.txt", article(2))
    again = _build(data, home, "--wait-for-instance")
    assert again.returncode == 0, again.stderr[-2000:]
    assert "could not be recorded in the Dagster instance yet" in again.stdout
    assert journals(home) == [] and problems(home) == []
    try:
        with _instance(home) as instance:
            assert sorted(instance.get_dynamic_partitions("batches")) == ["b1", "b2"]
    finally:
        os.environ.pop("DAGSTER_HOME")


def test_a_journal_that_keeps_failing_is_set_aside_and_later_ones_still_go_in(tmp_path, monkeypatch):
    data, home = tmp_path / "data", tmp_path / "home"
    write(data / "bronze" / "b1" / "a.txt", article(3))
    home.mkdir()
    (home / "dagster.yaml").write_text(INSTANCE_YAML)
    root = data_dir(str(data))
    bad = OutboxRecorder(root, home)
    bad._requests.append(("no_such_request", ()))  # what no instance can take
    bad._write_journal()
    good = OutboxRecorder(root, home)
    good.register(root)
    good._write_journal()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    for _ in range(1, MAX_ATTEMPTS):
        assert drain(home) and len(journals(home)) == 2  # the later journal waits, in order
    assert drain(home)  # the last attempt sets the bad one aside, and the good one goes in
    assert journals(home) == [] and any("set aside" in p for p in problems(home))
    with dg.DagsterInstance.get() as instance:
        assert instance.get_dynamic_partitions("batches") == ["b1"]


def test_kept_versions_count_only_while_the_last_part_is_unchanged(tmp_path):
    data, home = tmp_path / "data", tmp_path / "home"
    write(data / "bronze" / "b1" / "a.txt", article(4))
    assert _build(data, home).returncode == 0
    [manifest] = (home / MANIFESTS).glob("*.json")
    kept = json.loads(manifest.read_text())
    real = kept["batches"]["b1"]["versions"]
    kept["batches"]["b1"]["versions"] = {**real, "fingerprint": "from-the-manifest"}
    manifest.write_text(json.dumps(kept))
    root = data_dir(str(data))

    def recorded() -> dict:
        return OutboxRecorder(root, home).recorded_versions(root, ["b1"])["b1"]

    try:
        assert recorded()["fingerprint"] == "from-the-manifest"  # the part is the one the build wrote
        rejected = read_table(root, "extraction_rejected", ["b1"]).drop(columns="batch")
        write_table(root, "extraction_rejected", rejected, "b1")  # as a `build_batch` run from the UI would
        assert recorded() == real  # asked from the instance
    finally:
        os.environ.pop("DAGSTER_HOME", None)


@pytest.mark.parametrize("wait", ["0", "1"])
def test_versions_asked_from_the_instance_come_after_what_the_outbox_holds(tmp_path, wait):
    """A batch the manifest does not cover is looked up only once earlier journals are in the instance."""
    data, home = tmp_path / "data", tmp_path / "home"
    write(data / "bronze" / "b1" / "a.txt", article(5))
    assert _build(data, home, HOPTAC_WAIT_FOR_INSTANCE=wait).returncode == 0
    for manifest in (home / MANIFESTS).glob("*.json"):
        manifest.unlink()  # as after a build from the UI: every batch is asked from the instance
    os.utime(data / "bronze" / "b1" / "a.txt")  # touched, not changed: the plan runs and finds it built
    again = _build(data, home, HOPTAC_WAIT_FOR_INSTANCE=wait)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "batch b1" not in again.stdout  # its versions were found: nothing was built again
