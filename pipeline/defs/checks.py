"""Blocking asset checks: every published table is validated against its pandera model, and gold rows
must point at real articles and quote them exactly."""

from __future__ import annotations


import dagster as dg
import pandas as pd
import pandera.errors

from pipeline.defs.resources import DataRoot, table_name
from pipeline.storage import read_table
from schemas.registry import TABLES

KEYS = [
    ["silver", "documents"], ["silver", "articles"], ["silver", "rejected"],
    ["gold", "meetings"], ["gold", "agreements"], ["gold", "trade_figures"], ["gold", "rejected"],
    ["gold", "localities"],
]
GOLD_EVENTS = (["gold", "meetings"], ["gold", "agreements"], ["gold", "trade_figures"])


def _schema_check(key: list[str]) -> dg.AssetChecksDefinition:
    name = table_name(dg.AssetKey(key))

    @dg.asset_check(asset=dg.AssetKey(key), name="schema", blocking=True,
                    description=f"`{TABLES[name].path}` conforms to its pandera model ({TABLES[name].model.__name__}).")
    def check(data_root: DataRoot) -> dg.AssetCheckResult:
        df = read_table(data_root.path, name)
        try:
            TABLES[name].validate(df)
        except pandera.errors.SchemaErrors as e:
            cases = e.failure_cases.head(20)
            return dg.AssetCheckResult(passed=False, metadata={
                "failures": len(e.failure_cases), "sample": dg.MetadataValue.md(cases.astype(str).to_markdown())})
        return dg.AssetCheckResult(passed=True, metadata={"rows": len(df)})

    return check


def _traceable_check(key: list[str]) -> dg.AssetChecksDefinition:
    name = table_name(dg.AssetKey(key))

    @dg.asset_check(asset=dg.AssetKey(key), name="evidence_traceable", blocking=True,
                    additional_deps=[dg.AssetKey(["silver", "articles"])],
                    description="Every row's article exists in silver and `evidence == body[evidence_start:evidence_end]`.")
    def check(data_root: DataRoot) -> dg.AssetCheckResult:
        rows = read_table(data_root.path, name)
        bodies = read_table(data_root.path, "articles").set_index("article_id")["body"]
        return dg.AssetCheckResult(passed=not (bad := untraceable(rows, bodies)), metadata={
            "rows": len(rows), "untraceable": len(bad), "sample": dg.MetadataValue.json(bad[:10])})

    return check


def untraceable(rows: pd.DataFrame, bodies: pd.Series) -> list[dict]:
    """Rows whose article is missing or whose evidence is not the quoted slice of its body."""
    bad = []
    for r in rows[["article_id", "evidence", "evidence_start", "evidence_end"]].itertuples(index=False):
        body = bodies.get(r.article_id)
        if body is None:
            bad.append({"article_id": r.article_id, "problem": "article not in silver"})
        elif body[r.evidence_start:r.evidence_end] != r.evidence:
            bad.append({"article_id": r.article_id, "problem": "evidence differs from body slice",
                        "evidence": r.evidence[:120]})
    return bad


schema_checks = [_schema_check(k) for k in KEYS]
traceability_checks = [_traceable_check(k) for k in GOLD_EVENTS]
