"""What the UI shows of a table's rows: a typed `MetadataValue.table` preview and the charts."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from pathlib import Path

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


def charts(name: str, df: pd.DataFrame, path: Path | None = None, draw: bool = True) -> dict[str, dg.MarkdownMetadataValue]:
    """The table's charts as Markdown metadata (PNG data URIs); none for tables without charts. Drawn
    again only when the written file (``path``) or the code changed (`cached_charts`), and only when
    ``draw`` (`hoptac build` does not draw: matplotlib would cost a refresh seconds; the Dagster
    `publish` job does)."""
    from pipeline.charts import table_charts

    texts = cached_charts(name, path)
    if texts is None and not draw:
        return {}
    if texts is None:
        texts = table_charts(name, df)
        store_charts(name, path, texts)
    return {title: dg.MetadataValue.md(text) for title, text in texts.items()}


def _cache_entry(name: str, path: Path | None) -> tuple[Path, str] | None:
    """Where a table's charts are kept (beside the Dagster instance) and the key they are valid for:
    the written file's SHA-256 and the code version. None without a local file or a Dagster home."""
    from pipeline.publish import sha256_file
    from pipeline.storage import is_local
    from pipeline.version import publication_version

    home = os.environ.get("DAGSTER_HOME")
    if not home or path is None or not is_local(path) or not Path(path).is_file():
        return None
    return Path(home) / "hoptac-charts" / f"{name}.json", f"{publication_version()}:{sha256_file(Path(path))}"


def cached_charts(name: str, path: Path | None) -> dict[str, str] | None:
    """The charts drawn for exactly this file by an earlier publication, if kept."""
    if (entry := _cache_entry(name, path)) is None:
        return None
    try:
        kept = json.loads(entry[0].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return kept["charts"] if kept.get("key") == entry[1] else None


def store_charts(name: str, path: Path | None, texts: dict[str, str]) -> None:
    """Keep the charts of this file for the next publication (one entry per table; failures ignored)."""
    if (entry := _cache_entry(name, path)) is None:
        return
    try:
        entry[0].parent.mkdir(parents=True, exist_ok=True)
        tmp = entry[0].with_name(f".{entry[0].name}.{os.getpid()}")
        tmp.write_text(json.dumps({"key": entry[1], "charts": texts}), encoding="utf-8")
        os.replace(tmp, entry[0])
    except OSError:
        pass
