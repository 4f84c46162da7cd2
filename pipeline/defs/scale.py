"""Fan-out builds for large corpora: every stale batch as its own step, run in parallel by the
multiprocess executor (a concurrency limit) or on a Dask cluster (dagster-dask).

Each step reports the batch's assets as materialised, with the fingerprint `hoptac build` and the
sensor compare, so later incremental builds know what is up to date.
"""

import hashlib
import os
import re

import dagster as dg

from pipeline.build import process_batch
from pipeline.defs.partitions import batch_events, build_plan, register_batches
from pipeline.defs.resources import DataRoot
from pipeline.version import code_version

# op outputs (batch names) in Dagster's own storage: the project's `io_manager` writes assets' tables only
OP_RESOURCES = {"data_root": DataRoot(), "io_manager": dg.FilesystemIOManager()}
MAX_CONCURRENT = int(os.environ.get("HOPTAC_MAX_CONCURRENT", os.cpu_count() or 2))
DASK_SLOTS = int(os.environ.get("HOPTAC_DASK_SLOTS", 8))  # fixed steps; each builds its share of the stale batches


@dg.executor(name="dask", requirements=dg.multiple_process_executor_requirements(), config_schema={
    "cluster": dg.Field(dg.Permissive(), is_required=False, default_value={"local": {}},
                        description="dagster-dask's cluster: one of existing (address), local, yarn, ssh, pbs, "
                                    "moab, sge, lsf, slurm, oar, kube, with its parameters")})
def dask_executor(init_context):
    """dagster-dask's executor, imported only when a run asks for it: Dask takes seconds to import and
    loading the definitions (every publication does) must not pay for it."""
    from dagster_dask import dask_executor as executor

    return executor.executor_creation_fn(init_context)


def mapping_key(batch: str) -> str:
    """A Dagster-safe, collision-free key for any batch name: its ASCII letters and digits, then a hash
    (`tháng 9` → `th_ng_9_…`; `a b` and `a-b` differ)."""
    return f"{re.sub(r'[^A-Za-z0-9]', '_', batch)[:40]}_{hashlib.sha256(batch.encode()).hexdigest()[:10]}"


@dg.op(out=dg.DynamicOut(str), description="Registers the batches found in bronze and emits those that are stale.")
def stale_batch_keys(context: dg.OpExecutionContext, data_root: DataRoot):
    register_batches(context.instance, data_root.path)
    for batch in build_plan(context.instance, data_root.path).todo:
        yield dg.DynamicOutput(batch, mapping_key=mapping_key(batch))


def _build_and_report(context: dg.OpExecutionContext, data_root: DataRoot, batch: str):
    """Build one batch and report its assets as materialised (with the fingerprint)."""
    state = build_plan(context.instance, data_root.path).batches[batch]  # stat signature before reading
    versions, counts = process_batch(data_root.path, batch, code_version(), state.known)
    context.log.info("batch %s built on pid %d: %s", batch, os.getpid(), counts)
    for event in batch_events(batch, {**versions, "stat_signature": state.signature}, counts):
        if isinstance(event, dg.AssetMaterialization):
            yield event


@dg.op(description="Cleans and extracts one batch into its silver and gold parts.")
def build_one_batch(context: dg.OpExecutionContext, data_root: DataRoot, batch: str):
    yield from _build_and_report(context, data_root, batch)
    yield dg.Output(batch)


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


def _slot_op(slot: int) -> dg.OpDefinition:
    @dg.op(name=f"build_slot_{slot}", out=dg.Out(list),
           description=f"Builds the stale batches of slot {slot} (every {DASK_SLOTS}th batch in name order).")
    def build(context: dg.OpExecutionContext, data_root: DataRoot):
        register_batches(context.instance, data_root.path)
        plan = build_plan(context.instance, data_root.path)  # slots share out all batches, stale or not: stable
        mine = [b for i, b in enumerate(plan.batches) if i % DASK_SLOTS == slot and b in plan.todo]
        for batch in mine:
            yield from _build_and_report(context, data_root, batch)
        yield dg.Output(mine)

    return build


@dg.op(description="Joins the slots: the list of batches built.")
def slots_built(slots: list[list]) -> list[str]:
    return sorted(b for slot in slots for b in slot)


def static_fanout_job(slots: int = DASK_SLOTS) -> dg.JobDefinition:
    """A fixed number of steps (the Dask executor plans the whole graph up front and does not run
    dynamically mapped steps); each finds the stale batches when it runs and builds its share, so
    no op is named after a bronze folder. The steps depend on nothing, so Dask spreads them over its
    workers from the start."""
    steps = [_slot_op(i) for i in range(slots)]

    @dg.graph(name="build_batches_dask_graph")
    def fan_out():
        slots_built([step() for step in steps])

    return fan_out.to_job(
        name="build_batches_dask",
        resource_defs=OP_RESOURCES,
        executor_def=dask_executor,
        description="Build every stale batch in parallel on a Dask cluster (configure "
        "`execution.config.cluster`), then run `publish`.",
    )


def parallel_job() -> dg.JobDefinition:
    """`reconstructable` target of `build_batches_parallel` (for `execute_job` from Python)."""
    return build_batches_parallel


def dask_job() -> dg.JobDefinition:
    """`reconstructable` target of `build_batches_dask`."""
    return build_batches_dask


build_batches_dask = static_fanout_job()
