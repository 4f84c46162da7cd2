"""Past one machine: batches built in parallel by the multiprocess executor and on a real Dask cluster
(a LocalCluster on loopback), each batch in its own step and process."""

from __future__ import annotations

import shutil

import dagster as dg
import pytest

from pipeline.defs.partitions import last_fingerprint, stale_batches
from pipeline.storage import batches_written, data_dir
from tests.conftest import SEEDS


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    seeds = sorted(SEEDS.glob("*.txt"))
    for i, f in enumerate(seeds):
        folder = tmp_path / "data" / "bronze" / f"b{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, folder / f.name)
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    return tmp_path


def run(factory: str, run_config: dict) -> tuple[dg.DagsterInstance, dg.ExecutionResult]:
    import pipeline.defs.scale as scale

    instance = dg.DagsterInstance.get()
    result = dg.execute_job(dg.reconstructable(getattr(scale, factory)), instance=instance, run_config=run_config)
    return instance, result


def step_pids(instance: dg.DagsterInstance, run_id: str) -> set[int]:
    records = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION).records
    return {r.event_log_entry.asset_materialization.metadata["pid"].value for r in records}


def check_built(instance: dg.DagsterInstance, result: dg.ExecutionResult) -> None:
    assert result.success
    root = data_dir()
    assert batches_written(root, "meetings") == ["b0", "b1", "b2"]
    assert stale_batches(instance, root) == []
    assert all(last_fingerprint(instance, b) for b in ("b0", "b1", "b2"))
    assert len(step_pids(instance, result.run_id)) >= 2  # batches ran in different processes


def test_multiprocess_executor_builds_batches_in_parallel(corpus):
    instance, result = run("parallel_job", {})
    with instance:
        check_built(instance, result)


def test_dask_cluster_builds_batches_in_parallel(corpus):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        config = {"execution": {"config": {"cluster": {"existing": {"address": cluster.scheduler_address}}}}}
        instance, result = run("dask_job", config)
        with instance:
            check_built(instance, result)


@pytest.mark.parametrize("workers", [2, 3])
def test_hoptac_build_runs_batches_in_worker_processes_like_sequential_runs(corpus, tmp_path, workers):
    """Two workers for three batches; or three, when this process builds the largest batch itself."""
    from pipeline.runner import run_build

    shutil.copy(next(SEEDS.glob("002_*.txt")), corpus / "data" / "bronze" / "b1" / "copy.txt")  # a cross-batch duplicate
    root = data_dir()
    logged: list[str] = []
    with dg.DagsterInstance.get() as instance:
        result = run_build(instance, root, log=logged.append, workers=workers)
        assert result.success and result.built == ["b0", "b1", "b2"] and result.published
        assert any(("in this process" in m) == (workers == 3) for m in logged if "worker processes" in m)
        assert stale_batches(instance, root) == []
        again = run_build(instance, root, log=lambda m: None, workers=workers)
        assert again.success and again.built == [] and not again.published
    parallel = {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.glob("**/*.parquet"))}
    sequential_root = tmp_path / "sequential"
    shutil.copytree(root / "bronze", sequential_root / "bronze")
    with dg.DagsterInstance.ephemeral() as instance:
        assert run_build(instance, data_dir(str(sequential_root)), log=lambda m: None).success
    sequential = {p.relative_to(sequential_root).as_posix(): p.read_bytes() for p in sorted(sequential_root.glob("**/*.parquet"))}
    assert parallel == sequential
