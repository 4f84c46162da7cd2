"""Dagster's bookkeeping beside the build (`pipeline.recorder`): `hoptac build` never imports Dagster,
yet once it returns the instance shows the batches' partitions and materialisations and the published
assets; the versions kept beside the instance count only while the batch's last part is the file the
build wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import dagster as dg

from pipeline.recorder import MANIFESTS, ProcessRecorder
from pipeline.storage import data_dir, read_table, write_table
from tests.conftest import ROOT
from tests.test_faults import article, write


def test_a_cli_build_records_everything_without_importing_dagster(tmp_path):
    data, home = tmp_path / "data", tmp_path / "home"
    for i, batch in enumerate(("b1", "b1", "b2")):
        write(data / "bronze" / batch / f"a{i}.txt", article(i))
    code = ("import sys\nfrom pipeline.cli import main\nstatus = main(['build'])\n"
            "print(status, 'dagster' in sys.modules)")
    timeline = tmp_path / "timeline.txt"
    env = {**os.environ, "DATA_DIR": str(data), "DAGSTER_HOME": str(home), "HOPTAC_LOG_LEVEL": "WARNING",
           "HOPTAC_TIMELINE": str(timeline)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert out.stdout.strip().endswith("0 False"), out.stdout[-2000:] + out.stderr[-2000:]
    steps = [line.split(maxsplit=2) for line in timeline.read_text().splitlines()]  # seconds, pid, step
    assert steps[0][2] == "build starts" and steps[-1][2] == "close end"
    helper = {pid for _, pid, step in steps if step == "instance open"}
    assert len(helper) == 1 and helper != {steps[0][1]}  # one clock for the build and its helper

    os.environ["DAGSTER_HOME"] = str(home)
    try:
        with dg.DagsterInstance.get() as instance:
            assert sorted(instance.get_dynamic_partitions("batches")) == ["b1", "b2"]
            part = instance.fetch_materializations(dg.AssetRecordsFilter(
                asset_key=dg.AssetKey(["gold", "batches", "rejected"]), asset_partitions=["b2"]), limit=1).records
            assert part and part[0].asset_materialization.metadata["fingerprint"].value
            meetings = instance.get_latest_materialization_event(dg.AssetKey(["gold", "meetings"]))
            rows = meetings.asset_materialization.metadata["dagster/row_count"].value
            assert rows == len(read_table(data_dir(str(data)), "meetings")) > 0
    finally:
        os.environ.pop("DAGSTER_HOME")


def test_kept_versions_count_only_while_the_last_part_is_unchanged(tmp_path):
    data, home = tmp_path / "data", tmp_path / "home"
    write(data / "bronze" / "b1" / "a.txt", article(4))
    env = {**os.environ, "DATA_DIR": str(data), "DAGSTER_HOME": str(home), "HOPTAC_LOG_LEVEL": "WARNING"}
    subprocess.run([sys.executable, "-m", "pipeline.cli", "build"], cwd=ROOT, env=env, check=True,
                   capture_output=True, timeout=600)
    [manifest] = (home / MANIFESTS).glob("*.json")
    kept = json.loads(manifest.read_text())
    real = kept["batches"]["b1"]["versions"]
    kept["batches"]["b1"]["versions"] = {**real, "fingerprint": "from-the-manifest"}
    manifest.write_text(json.dumps(kept))
    root = data_dir(str(data))

    def recorded() -> dict:
        recorder = ProcessRecorder(root, home)
        try:
            return recorder.recorded_versions(root, ["b1"])["b1"]
        finally:
            recorder.kill()

    assert recorded()["fingerprint"] == "from-the-manifest"  # the part is the one the build wrote
    rejected = read_table(root, "extraction_rejected", ["b1"]).drop(columns="batch")
    write_table(root, "extraction_rejected", rejected, "b1")  # as a `build_batch` run from the UI would
    assert recorded() == real  # asked from the instance
