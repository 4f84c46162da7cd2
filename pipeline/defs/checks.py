"""Blocking asset checks on the published gold tables: each conforms to its pandera model, and every
row points at a real silver article and quotes it exactly, and its locality ids resolve. They read the
run's staged copy, before it replaces the published file; the row checks look at the rows of the
batches new to the publication (`pipeline.publication`: the others were checked when first published).
(Per-batch assets are checked inside their step, before anything is written.)"""


from collections.abc import Callable
from pathlib import Path

import dagster as dg
import pandera.errors
import pyarrow.parquet as pq

from pipeline.defs.resources import DataRoot, table_name
from pipeline.publication import Publication, unresolved_rows, untraceable_rows
from pipeline.storage import read_table, stage_dir, table_path
from schemas.registry import TABLES, Table

PUBLISHED = ("meetings", "agreements", "trade_figures", "rejected", "localities", "meeting_events", "agreement_events")
TRACEABLE = ("meetings", "agreements", "trade_figures")


def _schema_check(name: str) -> dg.AssetChecksDefinition:
    key = dg.AssetKey(["gold", name])
    table = TABLES[table_name(key)]

    @dg.asset_check(asset=key, name="schema", blocking=True,
                    description=f"`{table.path}` conforms to its pandera model ({table.model.__name__}).")
    def check(context: dg.AssetCheckExecutionContext, data_root: DataRoot) -> dg.AssetCheckResult:
        stage = stage_dir(data_root.path, context.run.run_id)
        if (rows := written_as_published(table, table_path(data_root.path, table.name, stage=stage))) is not None:
            return dg.AssetCheckResult(passed=True, metadata={"rows": rows, "validated": "when written"})
        df = read_table(data_root.path, table.name, stage=stage)
        try:
            table.validate(df)
        except pandera.errors.SchemaErrors as e:
            return dg.AssetCheckResult(passed=False, metadata={
                "failures": len(e.failure_cases),
                "sample": dg.MetadataValue.md(e.failure_cases.head(20).astype(str).to_markdown())})
        return dg.AssetCheckResult(passed=True, metadata={"rows": len(df)})

    return check


def written_as_published(table: Table, path: Path) -> int | None:
    """The row count of ``path`` when it is this run's staged copy, written by `pipeline.publication`
    (from parts validated with pandera when written, or by `storage.to_arrow`) with exactly the published
    Arrow schema; None when the file must be validated row by row (not staged by this run, or another
    schema)."""
    if not path.exists() or path.parent.name == "gold":
        return None
    with path.open("rb") as f:
        meta = pq.read_metadata(f)
    if not meta.schema.to_arrow_schema().equals(table.arrow_schema(), check_metadata=False):
        return None
    return meta.num_rows


def _row_check(name: str, check_name: str, dep: str, description: str,
               find: Callable[[Publication, str], list[dict]]) -> dg.AssetChecksDefinition:
    """A blocking check on gold table ``name`` that fails when ``find(publication, table)`` lists bad rows
    (`pipeline.publication`: the rows of the batches new to this publication; the others were checked
    when first published)."""

    @dg.asset_check(asset=dg.AssetKey(["gold", name]), name=check_name, blocking=True,
                    additional_deps=[dg.AssetKey(dep.split("/"))], description=description)
    def check(context: dg.AssetCheckExecutionContext, data_root: DataRoot) -> dg.AssetCheckResult:
        from pipeline.defs.assets import publication

        pub = publication(context, data_root.path)
        bad = find(pub, name)
        return dg.AssetCheckResult(passed=not bad, metadata={
            "batches checked": len(pub.changed), "bad rows": len(bad), "sample": dg.MetadataValue.json(bad[:10])})

    return check


def _traceable_check(name: str) -> dg.AssetChecksDefinition:
    return _row_check(name, "evidence_traceable", "silver/articles",
                      "Every row's article exists in silver and `evidence == body[evidence_start:evidence_end]`.",
                      untraceable_rows)


def _places_check(name: str) -> dg.AssetChecksDefinition:
    return _row_check(name, "locality_ids_resolve", "gold/localities",
                      "Every locality id resolves in `gold/localities`, and every locality name has one.",
                      unresolved_rows)


schema_checks = [_schema_check(n) for n in PUBLISHED]
traceability_checks = [_traceable_check(n) for n in TRACEABLE]
place_checks = [_places_check(n) for n in TRACEABLE]
