"""What the UI shows of a table's rows: a typed `MetadataValue.table` preview and the charts."""

from __future__ import annotations

import datetime as dt
import math

import dagster as dg
import pandas as pd
import pyarrow as pa

from schemas.registry import TABLES

ROWS = 10
WIDTH = 120  # characters of a long text cell


KINDS = ((pa.types.is_boolean, "bool"), (pa.types.is_integer, "int"), (pa.types.is_floating, "float"),
         (pa.types.is_date, "date"), (pa.types.is_timestamp, "date"))


def column_type(t: pa.DataType) -> str:
    """The Dagster table column type of an Arrow type (lists and structs are shown as text)."""
    return next((kind for test, kind in KINDS if test(t)), "string")


def _person(p: dict) -> str:
    """`Name (title, side)`: a participant as a reader writes it."""
    extra = ", ".join(str(p[k]) for k in ("title", "side") if p.get(k))
    return f"{p.get('name') or '?'} ({extra})" if extra else str(p.get("name") or "?")


def cell(value: object, kind: str) -> str | int | float | bool | None:
    """One preview cell: None for a null (shown empty), lists joined with `; `, people as `Name (title, side)`."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if isinstance(value, dt.datetime | dt.date | pd.Timestamp):
        return value.isoformat()
    if isinstance(value, dict):
        return _person(value)
    if hasattr(value, "__len__") and not isinstance(value, str):
        return "; ".join(_person(v) if isinstance(v, dict) else str(v) for v in value)
    text = str(value)
    return text if len(text) <= WIDTH else text[:WIDTH - 1] + "…"


def preview(name: str, df: pd.DataFrame, rows: int = ROWS) -> dg.TableMetadataValue:
    """The first ``rows`` rows of registry table ``name`` with its column types."""
    columns = [(n, column_type(t)) for n, t, _, _ in TABLES[name].columns() if n in df.columns]
    head = df.head(rows)
    records = [dg.TableRecord({n: cell(v, kind) for (n, kind), v in zip(columns, values, strict=True)})
               for values in head[[n for n, _ in columns]].itertuples(index=False, name=None)]
    return dg.MetadataValue.table(records, schema=dg.TableSchema(
        columns=[dg.TableColumn(n, kind) for n, kind in columns]))


def charts(name: str, df: pd.DataFrame) -> dict[str, dg.MarkdownMetadataValue]:
    """The table's charts as Markdown metadata (PNG data URIs); none for tables without charts."""
    from pipeline.charts import table_charts

    return {title: dg.MetadataValue.md(text) for title, text in table_charts(name, df).items()}
