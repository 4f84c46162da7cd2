"""Jobs, the sensor that picks up new batches, and the daily refresh."""


import dagster as dg

from pipeline.bronze import list_batches
from pipeline.defs.partitions import batches, build_plan
from pipeline.defs.resources import DataRoot
from pipeline.lock import describe, lock_holder

PER_BATCH = dg.AssetSelection.groups("silver") | dg.AssetSelection.key_prefixes(["gold", "batches"])
PUBLISH = dg.AssetSelection.groups("gold") - dg.AssetSelection.key_prefixes(["gold", "batches"])

build_batch = dg.define_asset_job(
    "build_batch", selection=PER_BATCH, partitions_def=batches,
    description="Clean and extract one batch (a first-level folder of `bronze/`) into silver and gold/batches.",
)
publish = dg.define_asset_job(
    "publish", selection=PUBLISH,
    description="Publish the gold tables over all batches, the gazetteer and the Data Package.",
)


@dg.sensor(job=build_batch, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Registers each new batch folder in bronze/ and builds batches whose files or code changed.")
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


@dg.run_status_sensor(run_status=dg.DagsterRunStatus.SUCCESS, monitored_jobs=[build_batch], request_job=publish,
                      default_status=dg.DefaultSensorStatus.RUNNING,
                      description="Republishes the gold tables after a batch is built.")
def publish_after_batch(context: dg.RunStatusSensorContext) -> dg.RunRequest | dg.SkipReason:
    from pipeline.storage import data_dir

    if holder := lock_holder(data_dir()):
        return dg.SkipReason(f"a build holds the data root ({describe(holder)}); it publishes itself")
    return dg.RunRequest(run_key=f"publish:{context.dagster_run.run_id}")


@dg.schedule(job=build_batch, cron_schedule="0 3 * * *", default_status=dg.DefaultScheduleStatus.RUNNING,
             description="Daily refresh: rebuild every batch (new code, lexicons or pages), then republish.")
def daily_refresh(context: dg.ScheduleEvaluationContext) -> list[dg.RunRequest]:
    return [dg.RunRequest(partition_key=b) for b in context.instance.get_dynamic_partitions(batches.name)]
