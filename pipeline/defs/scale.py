"""Fan-out builds for large corpora: every stale batch as its own step, run in parallel by the
multiprocess executor (a concurrency limit) or on a Dask cluster (dagster-dask).

Each step reports the batch's assets as materialised, with the fingerprint `hoptac build` and the
sensor compare, so later incremental builds know what is up to date.
"""

import os
import re

import dagster as dg
from dagster_dask import dask_executor

from pipeline.build import process_batch
from pipeline.defs.partitions import register_batches, stale_batches
from pipeline.defs.resources import DataRoot
from pipeline.version import code_version

BATCH_ASSETS = [["silver", "documents"], ["silver", "articles"], ["silver", "rejected"],
                ["gold", "batches", "meetings"], ["gold", "batches", "agreements"],
                ["gold", "batches", "trade_figures"], ["gold", "batches", "rejected"]]
TABLE_OF = {("gold", "batches", "rejected"): "extraction_rejected"}
MAX_CONCURRENT = int(os.environ.get("HOPTAC_MAX_CONCURRENT", os.cpu_count() or 2))


@dg.op(out=dg.DynamicOut(str), description="Registers the batches found in bronze and emits those that are stale.")
def stale_batch_keys(context: dg.OpExecutionContext, data_root: DataRoot):
    register_batches(context.instance, data_root.path)
    for batch in stale_batches(context.instance, data_root.path):
        yield dg.DynamicOutput(batch, mapping_key=re.sub(r"\W", "_", batch))


@dg.op(description="Cleans and extracts one batch into its silver and gold parts.")
def build_one_batch(context: dg.OpExecutionContext, data_root: DataRoot, batch: str):
    fingerprint, counts = process_batch(data_root.path, batch, code_version())
    context.log.info("batch %s built on pid %d: %s", batch, os.getpid(), counts)
    for key in BATCH_ASSETS:
        name = TABLE_OF.get(tuple(key), key[-1])
        yield dg.AssetMaterialization(asset_key=key, partition=batch, metadata={
            "fingerprint": fingerprint, "dagster/row_count": counts[name], "pid": os.getpid()})
    yield dg.Output(batch)


@dg.op(description="Joins the fan-out: the list of batches built.")
def batches_built(batches: list[str]) -> list[str]:
    return sorted(batches)


@dg.graph
def build_batches_graph():
    batches_built(stale_batch_keys().map(build_one_batch).collect())


build_batches_parallel = build_batches_graph.to_job(
    name="build_batches_parallel",
    resource_defs={"data_root": DataRoot()},
    executor_def=dg.multiprocess_executor.configured({"max_concurrent": MAX_CONCURRENT}),
    description="Build every stale batch in parallel (one process per batch, at most HOPTAC_MAX_CONCURRENT "
    "at once), then run `publish`.",
)
build_batches_dask = build_batches_graph.to_job(
    name="build_batches_dask",
    resource_defs={"data_root": DataRoot()},
    executor_def=dask_executor,
    description="Build every stale batch in parallel on a Dask cluster (configure `execution.config.cluster`), "
    "then run `publish`.",
)


def parallel_job() -> dg.JobDefinition:
    """`reconstructable` target of `build_batches_parallel` (for `execute_job` from Python)."""
    return build_batches_parallel


def dask_job() -> dg.JobDefinition:
    """`reconstructable` target of `build_batches_dask`."""
    return build_batches_dask
