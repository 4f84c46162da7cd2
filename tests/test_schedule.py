"""The daily schedule requests only stale batches; the publish sensor publishes once, after every batch run."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.storage.dagster_run import DagsterRun

from pipeline.definitions import defs
from pipeline.defs.jobs import daily_refresh, new_batches, publish_after_batch
from pipeline.defs.resources import DataRoot
from pipeline.runner import run_build
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dg.DagsterInstance]:
    root = tmp_path_factory.mktemp("data")
    shutil.copytree(SEEDS, root / "bronze" / "seeds")
    (root / "bronze" / "other").mkdir()
    (root / "bronze" / "other" / "a.txt").write_text(
        "Hai tỉnh bàn về hợp tác\nNgày 3/4/2023, lãnh đạo tỉnh Lào Cai tiếp đoàn đại biểu tỉnh Vân Nam "
        "(Trung Quốc) tại thành phố Lào Cai và trao đổi về hợp tác thương mại qua biên giới.\n", encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("DATA_DIR", str(root))  # run_build sets it; restored afterwards
    with dg.instance_for_test() as instance:
        try:
            assert run_build(instance, root, log=lambda m: None).success
        finally:
            mp.undo()
        yield root, instance


def evaluate(instance: dg.DagsterInstance, root: Path):
    context = dg.build_schedule_context(instance=instance, resources={"data_root": DataRoot(data_dir=str(root))},
                                        repository_def=defs.get_repository_def())
    return daily_refresh.evaluate_tick(context)


def test_the_daily_schedule_on_an_unchanged_corpus_requests_no_run(built):
    root, instance = built
    result = evaluate(instance, root)
    assert result.run_requests == [] and "no batch changed" in result.skip_message


def test_the_daily_schedule_requests_only_the_changed_batch(built):
    root, instance = built
    page = root / "bronze" / "other" / "a.txt"
    before = page.read_bytes()
    page.write_bytes(before + "Đây là một câu mới.\n".encode())
    try:
        result = evaluate(instance, root)
    finally:
        page.write_bytes(before)
    assert [r.partition_key for r in result.run_requests] == ["other"]


def test_a_new_folder_is_registered_and_requested(built):
    root, instance = built
    new = root / "bronze" / "fresh"
    new.mkdir()
    (new / "b.txt").write_text("Một bài mới\nTỉnh Cao Bằng tiếp đoàn khách Quảng Tây.\n", encoding="utf-8")
    try:
        result = evaluate(instance, root)
        assert "fresh" in instance.get_dynamic_partitions("batches")
        assert [r.partition_key for r in result.run_requests] == ["fresh"]
    finally:
        shutil.rmtree(new)
        instance.delete_dynamic_partition("batches", "fresh")


def _run(instance: dg.DagsterInstance, job: str, status: dg.DagsterRunStatus) -> DagsterRun:
    run = instance.add_run(DagsterRun(job_name=job, status=status))
    time.sleep(0.01)  # distinct timestamps
    return run


def _publish_request(instance: dg.DagsterInstance, root: Path):
    context = dg.build_sensor_context(instance=instance, resources={"data_root": DataRoot(data_dir=str(root))})
    return publish_after_batch.evaluate_tick(context)


def test_publish_waits_for_every_batch_run_then_publishes_once(tmp_path):
    with dg.instance_for_test() as instance:
        assert _publish_request(instance, tmp_path).run_requests == []  # nothing built yet
        _run(instance, "build_batch", dg.DagsterRunStatus.SUCCESS)
        second = _run(instance, "build_batch", dg.DagsterRunStatus.STARTED)
        waiting = _publish_request(instance, tmp_path)
        assert waiting.run_requests == [] and "1 batch runs" in waiting.skip_message
        instance.run_storage.handle_run_event(second.run_id, dg.DagsterEvent(  # the second run ends
            event_type_value=dg.DagsterEventType.RUN_SUCCESS.value, job_name="build_batch"))
        requests = _publish_request(instance, tmp_path).run_requests
        assert [r.run_key for r in requests] == [f"publish:{second.run_id}"]
        _run(instance, "publish", dg.DagsterRunStatus.SUCCESS)
        assert _publish_request(instance, tmp_path).run_requests == []  # published after the last batch run


def test_sensors_and_schedule_are_off_by_default():
    assert daily_refresh.default_status == dg.DefaultScheduleStatus.STOPPED
    for sensor in (new_batches, publish_after_batch):
        assert sensor.default_status == dg.DefaultSensorStatus.STOPPED


def test_publishing_observes_bronze_files_and_bytes_per_batch(built):
    root, instance = built
    records = instance.fetch_observations(dg.AssetKey(["bronze", "raw_files"]), limit=1).records
    meta = records[0].asset_observation.metadata
    assert meta["files"].value == 6 and meta["batches"].value == 2
    per_batch = {r.data["batch"]: r.data["files"] for r in meta["per batch"].value.records}
    assert per_batch == {"other": 1, "seeds": 5}
    assert records[0].asset_observation.data_version


def test_fan_out_jobs_keep_op_outputs_out_of_the_table_io_manager():
    """Launched from the UI or `dg launch`, their op outputs (batch names) are not tables to publish."""
    from pipeline.defs.resources import ParquetTables

    for name in ("build_batches_parallel", "build_batches_dask"):
        io_manager = defs.resolve_job_def(name).resource_defs["io_manager"]
        assert not issubclass(io_manager.configurable_resource_cls, ParquetTables), name
