"""Batches: each first-level folder of `bronze/` (and the files lying directly in it) is a dynamic partition."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipeline.bronze import fingerprint, list_batches, scan, stat_signature
from pipeline.storage import table_path
from pipeline.version import code_version

batches = dg.DynamicPartitionsDefinition(name="batches")
SILVER_KEY = dg.AssetKey(["silver", "documents"])
FINGERPRINT_KEY = dg.AssetKey(["gold", "batches", "meetings"])  # written last in a batch run
BATCH_TABLES = ("documents", "articles", "rejected", "meetings", "agreements", "trade_figures", "extraction_rejected")


def batch_fingerprint(bronze: Path, batch: str) -> str:
    return fingerprint(scan(bronze, batch), code_version())


def last_versions(instance: dg.DagsterInstance, batch: str, key: dg.AssetKey = FINGERPRINT_KEY) -> dict[str, str]:
    """`fingerprint` and `stat_signature` recorded by the batch's last successful build (or the last
    materialisation of ``key``); empty when there is none."""
    result = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=key, asset_partitions=[batch]), limit=1)
    if not result.records:
        return {}
    meta = result.records[0].asset_materialization.metadata
    return {k: meta[k].value for k in ("fingerprint", "stat_signature") if k in meta and meta[k].value}


def last_fingerprint(instance: dg.DagsterInstance, batch: str, key: dg.AssetKey = FINGERPRINT_KEY) -> str | None:
    """The fingerprint recorded by the batch's last successful build (or last materialisation of ``key``)."""
    return last_versions(instance, batch, key).get("fingerprint")


def is_stale(instance: dg.DagsterInstance, root: Path, batch: str) -> bool:
    """True when the batch's bronze files or the code changed since its last build, or an output is missing.

    Unchanged paths, sizes and modification times settle it without reading; otherwise the content
    hashes decide (a file touched but not changed is not rebuilt)."""
    if not all(table_path(root, name, batch).exists() for name in BATCH_TABLES):
        return True
    last = last_versions(instance, batch)
    signature = stat_signature(root / "bronze", batch, code_version())
    if signature and last.get("stat_signature") == signature:
        return False
    return last.get("fingerprint") != batch_fingerprint(root / "bronze", batch)


def stale_batches(instance: dg.DagsterInstance, root: Path) -> list[str]:
    """The batches of `root/bronze` that `is_stale`, in name order."""
    return [b for b in list_batches(root / "bronze") if is_stale(instance, root, b)]


def register_batches(instance: dg.DagsterInstance, root: Path, only: list[str] | None = None) -> list[str]:
    """Add every batch found in bronze (or those of ``only``) as a partition; return the new ones."""
    known = set(instance.get_dynamic_partitions(batches.name))
    new = [b for b in (list_batches(root / "bronze") if only is None else only) if b not in known]
    if new:
        instance.add_dynamic_partitions(batches.name, new)
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
