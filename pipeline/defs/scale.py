"""Fan-out builds for large corpora: every stale batch as its own step, run in parallel by the
multiprocess executor (a concurrency limit) or on a Dask cluster (dagster-dask).

Each step reports the batch's assets as materialised, with the fingerprint `hoptac build` and the
sensor compare, so later incremental builds know what is up to date.
"""

import os
import re

import dagster as dg
from dagster_dask import dask_executor

from pipeline.bronze import stat_signature
from pipeline.build import process_batch
from pipeline.defs.partitions import batch_events, is_stale, register_batches, stale_batches
from pipeline.defs.resources import DataRoot
from pipeline.version import code_version

# op outputs (batch names) in Dagster's own storage: the project's `io_manager` writes assets' tables only
OP_RESOURCES = {"data_root": DataRoot(), "io_manager": dg.FilesystemIOManager()}
MAX_CONCURRENT = int(os.environ.get("HOPTAC_MAX_CONCURRENT", os.cpu_count() or 2))


@dg.op(out=dg.DynamicOut(str), description="Registers the batches found in bronze and emits those that are stale.")
def stale_batch_keys(context: dg.OpExecutionContext, data_root: DataRoot):
    register_batches(context.instance, data_root.path)
    for batch in stale_batches(context.instance, data_root.path):
        yield dg.DynamicOutput(batch, mapping_key=re.sub(r"\W", "_", batch))


def _build_and_report(context: dg.OpExecutionContext, data_root: DataRoot, batch: str):
    """Build one batch and report its assets as materialised (with the fingerprint)."""
    signature = stat_signature(data_root.bronze, batch, code_version()) or ""
    fingerprint, counts = process_batch(data_root.path, batch, code_version())
    context.log.info("batch %s built on pid %d: %s", batch, os.getpid(), counts)
    for event in batch_events(batch, {"fingerprint": fingerprint, "stat_signature": signature}, counts):
        if isinstance(event, dg.AssetMaterialization):
            yield event
    yield dg.Output(batch)


@dg.op(description="Cleans and extracts one batch into its silver and gold parts.")
def build_one_batch(context: dg.OpExecutionContext, data_root: DataRoot, batch: str):
    yield from _build_and_report(context, data_root, batch)


@dg.op(description="Joins the fan-out: the list of batches built.")
def batches_built(batches: list[str]) -> list[str]:
    return sorted(batches)


@dg.graph
def build_batches_graph():
    batches_built(stale_batch_keys().map(build_one_batch).collect())


build_batches_parallel = build_batches_graph.to_job(
    name="build_batches_parallel",
    resource_defs=OP_RESOURCES,
    executor_def=dg.multiprocess_executor.configured({"max_concurrent": MAX_CONCURRENT}),
    description="Build every stale batch in parallel (one process per batch, at most HOPTAC_MAX_CONCURRENT "
    "at once), then run `publish`.",
)


def _static_batch_op(batch: str) -> dg.OpDefinition:
    name = "build_" + re.sub(r"\W", "_", batch)

    @dg.op(name=name, description=f"Registers batch `{batch}` and builds it if it is stale.")
    def build(context: dg.OpExecutionContext, data_root: DataRoot):
        register_batches(context.instance, data_root.path, only=[batch])
        if is_stale(context.instance, data_root.path, batch):
            yield from _build_and_report(context, data_root, batch)
        else:
            yield dg.Output(batch)

    return build


def static_fanout_job(batches: list[str]) -> dg.JobDefinition:
    """One step per batch, fixed when the job is built: the Dask executor plans the whole graph up front
    and does not run dynamically mapped steps. The steps depend on nothing, so Dask spreads them over
    its workers from the start (a shared upstream output would pin them to the worker holding it)."""
    steps = [_static_batch_op(b) for b in batches]

    @dg.graph(name="build_batches_dask_graph")
    def fan_out():
        batches_built([step() for step in steps])

    return fan_out.to_job(
        name="build_batches_dask",
        resource_defs=OP_RESOURCES,
        executor_def=dask_executor,
        description="Build every stale batch in parallel on a Dask cluster (configure "
        "`execution.config.cluster`), then run `publish`. Steps are the batches found when the code loaded.",
    )


def parallel_job() -> dg.JobDefinition:
    """`reconstructable` target of `build_batches_parallel` (for `execute_job` from Python)."""
    return build_batches_parallel


def dask_job() -> dg.JobDefinition:
    """`reconstructable` target of `build_batches_dask`, over the batches in `$DATA_DIR/bronze` (every
    process that rebuilds it sees the same folders)."""
    from pipeline.bronze import list_batches
    from pipeline.storage import data_dir

    register = data_dir() / "bronze"
    return static_fanout_job(list_batches(register) if register.exists() else [])


build_batches_dask = dask_job()
