"""What a publication made outside a Dagster run (`hoptac build`) reports to the instance: the
observation of bronze, each published asset's materialisation, as the `publish` job's would record
it, and its passed checks (`pipeline.publication` checked the new rows before anything was swapped
in). Charts are attached only when kept for exactly the published file (`previews.cached_charts`)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import dagster as dg
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from dagster._core.definitions.data_version import DATA_VERSION_TAG

from pipeline.bronze import TEXT_SUFFIX, entry_sizes, stat_signature
from pipeline.defs.checks import PUBLISHED, TRACEABLE
from pipeline.defs.resources import table_metadata, table_name
from pipeline.storage import _types_mapper
from schemas.registry import TABLES

PREVIEW_ROWS = 10


def _head(path: Path) -> pd.DataFrame:
    """The first rows of a published file (for the preview; the rest is not decoded)."""
    with path.open("rb") as f:
        parquet = pq.ParquetFile(f)
        batch = next(parquet.iter_batches(batch_size=PREVIEW_ROWS), None)
        table = pa.Table.from_batches([batch]) if batch is not None else parquet.schema_arrow.empty_table()
    return table.to_pandas(types_mapper=_types_mapper)


def bronze_stats(bronze) -> pd.DataFrame:
    """Files and bytes per batch of `bronze/` (from the directory listing; nothing is read)."""
    return _stats(entry_sizes(bronze))


def _stats(rows: list[tuple[str, int]]) -> pd.DataFrame:
    stats = pd.DataFrame(rows, columns=["batch", "bytes"]).groupby("batch")["bytes"].agg(files="count", bytes="sum")
    return stats.reset_index().astype({"files": "int64", "bytes": "int64"})


def _observation_metadata(stats: pd.DataFrame, bronze) -> dict:
    """The observation's metadata from the files and bytes per batch (batches in order, none empty)."""
    return {
        "files": int(stats["files"].sum()), "bytes": int(stats["bytes"].sum()), "batches": len(stats),
        "per batch": dg.MetadataValue.table(
            [dg.TableRecord(r) for r in stats.to_dict("records")],
            schema=dg.TableSchema(columns=[dg.TableColumn("batch", "string"), dg.TableColumn("files", "int"),
                                           dg.TableColumn("bytes", "int")])),
        "path": dg.MetadataValue.path(str(bronze)),
    }


def bronze_observation(bronze) -> tuple[str, dict]:
    """What observing `bronze/raw_files` records: the data version (the stat signature of the files) and
    the files and bytes per batch."""
    rows = entry_sizes(bronze)
    signature = stat_signature(bronze, None, "") or hashlib.sha256(repr(sorted(rows)).encode()).hexdigest()[:24]
    return signature, _observation_metadata(_stats(rows), bronze)


def documents_observation(root: Path, build: dict) -> tuple[str, dict]:
    """`bronze_observation` as the build's documents tell it (every entry is a row, with its bytes),
    without listing bronze again; the data version is the digest of the batch fingerprints. Each batch's
    part is counted with Arrow (no row goes through Python). The outbox may record a build after a later
    one removed a batch (`pipeline.recorder`): a part gone since is left out of this, by then superseded,
    observation."""
    import pyarrow.compute as pc

    from pipeline.publish import read_part
    from pipeline.storage import table_path

    per_batch = []
    for b in sorted(build["batches"]):
        try:
            docs = read_part(table_path(root, "documents", b), ["source_path", "n_bytes"])
        except FileNotFoundError:
            continue
        text = docs.filter(pc.ends_with(pc.utf8_lower(docs["source_path"]), TEXT_SUFFIX))
        if text.num_rows:
            per_batch.append((b, text.num_rows, pc.sum(text["n_bytes"]).as_py()))
    stats = pd.DataFrame(per_batch, columns=["batch", "files", "bytes"]).astype({"files": "int64", "bytes": "int64"})
    version = hashlib.sha256(json.dumps(build["batches"], sort_keys=True).encode()).hexdigest()[:24]
    return version, _observation_metadata(stats, root / "bronze")


def publication_events(root: Path, build: dict, package: dict, written: list[str]) -> list:
    """The observation of bronze, the materialisations and check evaluations of the gold assets written
    again (``written``; the others' last materialisation still describes their file) and of the package,
    for the published ``package`` (what a `publish` run records)."""
    rows = {r["name"]: r["rows"] for r in package["resources"]}
    version, metadata = documents_observation(root, build)
    events: list = [dg.AssetObservation(asset_key=["bronze", "raw_files"], metadata=metadata,
                                        tags={DATA_VERSION_TAG: version})]
    for asset in PUBLISHED:
        key = dg.AssetKey(["gold", asset])
        name = table_name(key)
        if name not in written:
            continue
        path = root / TABLES[name].path
        meta = table_metadata(name, _head(path), path, draw=False) | {"dagster/row_count": rows[name]}
        events.append(dg.AssetMaterialization(asset_key=key, metadata=meta))
        checks = ("schema", *(("evidence_traceable", "locality_ids_resolve") if asset in TRACEABLE else ()))
        events += [dg.AssetCheckEvaluation(asset_key=key, check_name=check, passed=True,
                                           metadata={"rows": rows[name], "checked": "rows of new batches"})
                   for check in checks]
    events.append(dg.AssetMaterialization(asset_key=["gold", "datapackage"], metadata={
        "resources": len(package["resources"]), "rows": dg.MetadataValue.json(rows),
        "batches": len(build["batches"]), "path": dg.MetadataValue.path(str(root / "gold" / "datapackage.json"))}))
    return events
