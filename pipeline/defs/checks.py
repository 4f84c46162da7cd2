"""Blocking asset checks on the published gold tables: each conforms to its pandera model, and every
row points at a real silver article and quotes it exactly. They read the run's staged copy, before
it replaces the published file. (Per-batch assets are checked inside their step, before anything is written.)"""


import dagster as dg
import pandera.errors

from pipeline.checks import untraceable
from pipeline.defs.resources import DataRoot, table_name
from pipeline.storage import article_bodies, read_table, stage_dir
from schemas.registry import TABLES

PUBLISHED = ("meetings", "agreements", "trade_figures", "rejected", "localities", "meeting_events", "agreement_events")
TRACEABLE = ("meetings", "agreements", "trade_figures")


def _schema_check(name: str) -> dg.AssetChecksDefinition:
    key = dg.AssetKey(["gold", name])
    table = TABLES[table_name(key)]

    @dg.asset_check(asset=key, name="schema", blocking=True,
                    description=f"`{table.path}` conforms to its pandera model ({table.model.__name__}).")
    def check(context: dg.AssetCheckExecutionContext, data_root: DataRoot) -> dg.AssetCheckResult:
        df = read_table(data_root.path, table.name, stage=stage_dir(data_root.path, context.run.run_id))
        try:
            table.validate(df)
        except pandera.errors.SchemaErrors as e:
            return dg.AssetCheckResult(passed=False, metadata={
                "failures": len(e.failure_cases),
                "sample": dg.MetadataValue.md(e.failure_cases.head(20).astype(str).to_markdown())})
        return dg.AssetCheckResult(passed=True, metadata={"rows": len(df)})

    return check


def _traceable_check(name: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=dg.AssetKey(["gold", name]), name="evidence_traceable", blocking=True,
                    additional_deps=[dg.AssetKey(["silver", "articles"])],
                    description="Every row's article exists in silver and `evidence == body[evidence_start:evidence_end]`.")
    def check(context: dg.AssetCheckExecutionContext, data_root: DataRoot) -> dg.AssetCheckResult:
        rows = read_table(data_root.path, name, stage=stage_dir(data_root.path, context.run.run_id))
        bad = untraceable(rows, article_bodies(data_root.path)) if len(rows) else []
        return dg.AssetCheckResult(passed=not bad, metadata={
            "rows": len(rows), "untraceable": len(bad), "sample": dg.MetadataValue.json(bad[:10])})

    return check


schema_checks = [_schema_check(n) for n in PUBLISHED]
traceability_checks = [_traceable_check(n) for n in TRACEABLE]
