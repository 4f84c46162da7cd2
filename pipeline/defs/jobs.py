"""Jobs, the sensor that picks up new batches, the sensor that publishes after them, and the daily refresh.

The sensors and the schedule are off by default (`default_status=STOPPED`): opening the UI starts no
build. Turn them on under Automation in the UI (or `dg` / `dagster sensor start`)."""


import dagster as dg

from pipeline.bronze import list_batches
from pipeline.defs.partitions import batches, build_plan, register_batches, stale_batches
from pipeline.defs.resources import DataRoot
from pipeline.lock import describe, lock_holder

PER_BATCH = dg.AssetSelection.groups("silver") | dg.AssetSelection.key_prefixes(["gold", "batches"])
# publishing also observes bronze (files and bytes per batch): what the published tables were built from
PUBLISH = dg.AssetSelection.groups("gold") | dg.AssetSelection.assets(dg.AssetKey(["bronze", "raw_files"]))

build_batch = dg.define_asset_job(
    "build_batch", selection=PER_BATCH, partitions_def=batches,
    description="Clean and extract one batch (a first-level folder of `bronze/`) into silver and gold/batches.",
)
publish = dg.define_asset_job(
    "publish", selection=PUBLISH,
    description="Publish the gold tables over all batches, the gazetteer and the Data Package; observe bronze.",
)


@dg.sensor(job=build_batch, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED,
           description="Registers each new batch folder in bronze/ and builds batches whose files or code changed. "
           "Off by default.")
def new_batches(context: dg.SensorEvaluationContext, data_root: DataRoot) -> dg.SensorResult | dg.SkipReason:
    if holder := lock_holder(data_root.path):
        return dg.SkipReason(f"a build holds the data root ({describe(holder)})")
    known = set(context.instance.get_dynamic_partitions(batches.name))
    found = list_batches(data_root.bronze)
    plan = build_plan(context.instance, data_root.path)
    requests = [dg.RunRequest(partition_key=b, run_key=f"{b}:{plan.batches[b].fingerprint}") for b in plan.todo]
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[batches.build_add_request([b for b in found if b not in known])],
    )


BUILD_JOBS = ("build_batch", "build_batches_parallel", "build_batches_dask")
IN_FLIGHT = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
             dg.DagsterRunStatus.STARTED]


def _latest(instance: dg.DagsterInstance, jobs: tuple[str, ...], statuses: list | None = None) -> dg.RunRecord | None:
    """The most recently updated run of any of ``jobs`` (with one of ``statuses``), or None."""
    found = [r for job in jobs for r in instance.get_run_records(
        dg.RunsFilter(job_name=job, statuses=statuses), limit=1, order_by="update_timestamp")]
    return max(found, key=lambda r: r.update_timestamp, default=None)


def batch_runs_in_flight(instance: dg.DagsterInstance) -> int:
    """Batch builds queued, starting or running."""
    return sum(instance.get_runs_count(dg.RunsFilter(job_name=job, statuses=IN_FLIGHT)) for job in BUILD_JOBS)


@dg.sensor(job=publish, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED,
           description="Publishes once after batch builds: when a batch run succeeded since the last `publish` "
           "run started and no batch run is queued or running. Off by default.")
def publish_after_batch(context: dg.SensorEvaluationContext, data_root: DataRoot) -> dg.RunRequest | dg.SkipReason:
    instance = context.instance
    if holder := lock_holder(data_root.path):
        return dg.SkipReason(f"a build holds the data root ({describe(holder)}); it publishes itself")
    if pending := batch_runs_in_flight(instance):
        return dg.SkipReason(f"{pending} batch runs queued or running: publishing once they are done")
    built = _latest(instance, BUILD_JOBS, [dg.DagsterRunStatus.SUCCESS])
    if built is None:
        return dg.SkipReason("no batch run has succeeded yet")
    published = instance.get_run_records(dg.RunsFilter(job_name="publish"), limit=1, order_by="create_timestamp")
    if published and published[0].create_timestamp >= built.update_timestamp:
        return dg.SkipReason("the published tables are newer than every batch run")
    return dg.RunRequest(run_key=f"publish:{built.dagster_run.run_id}")


@dg.schedule(job=build_batch, cron_schedule="0 3 * * *", default_status=dg.DefaultScheduleStatus.STOPPED,
             description="Daily at 03:00: registers new batch folders and builds only the stale batches (files or "
             "code changed, or an output missing); `publish_after_batch` then publishes once. Off by default.")
def daily_refresh(context: dg.ScheduleEvaluationContext, data_root: DataRoot) -> list[dg.RunRequest] | dg.SkipReason:
    register_batches(context.instance, data_root.path)
    stale = stale_batches(context.instance, data_root.path)
    if not stale:
        return dg.SkipReason("no batch changed since its last build")
    return [dg.RunRequest(partition_key=b) for b in stale]
