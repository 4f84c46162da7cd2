"""Batches: each first-level folder of `bronze/` (and the files lying directly in it) is a dynamic partition."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipeline.plan import BATCH_TABLES, Plan, make_plan
from pipeline.version import code_version

batches = dg.DynamicPartitionsDefinition(name="batches")
SILVER_KEY = dg.AssetKey(["silver", "documents"])
FINGERPRINT_KEY = dg.AssetKey(["gold", "batches", "rejected"])  # the last output of a batch run
VERSION_KEYS = ("fingerprint", "content", "stat_signature")
__all__ = ["BATCH_TABLES", "batches", "build_plan"]


def last_versions(instance: dg.DagsterInstance, batch: str, key: dg.AssetKey = FINGERPRINT_KEY) -> dict[str, str]:
    """`fingerprint`, `content` and `stat_signature` recorded by the batch's last successful build (or
    the last materialisation of ``key``); empty when there is none."""
    result = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=key, asset_partitions=[batch]), limit=1)
    if not result.records:
        return {}
    meta = result.records[0].asset_materialization.metadata
    return {k: meta[k].value for k in VERSION_KEYS if k in meta and meta[k].value}


def last_fingerprint(instance: dg.DagsterInstance, batch: str, key: dg.AssetKey = FINGERPRINT_KEY) -> str | None:
    """The fingerprint recorded by the batch's last successful build (or last materialisation of ``key``)."""
    return last_versions(instance, batch, key).get("fingerprint")


def build_plan(instance: dg.DagsterInstance, root: Path, force: bool = False) -> Plan:
    """What to build (`pipeline.plan`), against the versions the instance recorded."""
    return make_plan(root, code_version(), lambda b: last_versions(instance, b), force)


def published_build(instance: dg.DagsterInstance, root: Path) -> dict:
    """What a publication is built from, as its package records it: the code version and the recorded
    fingerprint of every batch with written parts."""
    from pipeline.storage import batches_written
    from pipeline.version import publication_version

    return {"code": publication_version(),
            "batches": {b: last_fingerprint(instance, b) or "" for b in batches_written(root, "documents")}}


def stale_batches(instance: dg.DagsterInstance, root: Path) -> list[str]:
    """The batches of `root/bronze` whose files, the documents other batches keep for them or the code
    changed since their last build, or with a part missing, in name order."""
    return build_plan(instance, root).todo


def register_batches(instance: dg.DagsterInstance, root: Path, only: list[str] | None = None) -> list[str]:
    """Add every batch found in bronze (or those of ``only``) as a partition; return the new ones."""
    from pipeline.bronze import list_batches

    known = set(instance.get_dynamic_partitions(batches.name))
    new = [b for b in (list_batches(root / "bronze") if only is None else only) if b not in known]
    if new:
        try:
            instance.add_dynamic_partitions(batches.name, new)
        except Exception:  # noqa: BLE001 - another process registered some at the same moment: add the rest
            known = set(instance.get_dynamic_partitions(batches.name))
            for b in new:
                if b not in known and not instance.has_dynamic_partition(batches.name, b):
                    instance.add_dynamic_partitions(batches.name, [b])
    return new


BATCH_ASSETS = {
    ("silver", "documents"): "documents", ("silver", "articles"): "articles", ("silver", "rejected"): "rejected",
    ("gold", "batches", "meetings"): "meetings", ("gold", "batches", "agreements"): "agreements",
    ("gold", "batches", "trade_figures"): "trade_figures", ("gold", "batches", "rejected"): "extraction_rejected",
}
CHECKED = {("silver", "documents"): ("schema",), ("silver", "articles"): ("schema",), ("silver", "rejected"): ("schema",),
           ("gold", "batches", "meetings"): ("schema", "evidence_traceable"),
           ("gold", "batches", "agreements"): ("schema", "evidence_traceable"),
           ("gold", "batches", "trade_figures"): ("schema", "evidence_traceable")}


def batch_events(batch: str, versions: dict[str, str], counts: dict[str, int], pid: int | None = None) -> list:
    """What a batch built outside a `build_batch` run reports: each asset's materialisation (with the
    fingerprint and stat signature later builds compare) and its passed checks (it was validated before
    it was written)."""
    events: list = []
    for key, name in BATCH_ASSETS.items():
        events.append(dg.AssetMaterialization(asset_key=list(key), partition=batch, metadata={
            **versions, "dagster/row_count": counts[name], "pid": pid or os.getpid()}))
        events += [dg.AssetCheckEvaluation(asset_key=dg.AssetKey(list(key)), check_name=check, passed=True,
                                           metadata={"rows": counts[name], "batch": batch})
                   for check in CHECKED.get(key, ())]
    return events
