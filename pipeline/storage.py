"""Reading and writing published tables: Arrow schema from the registry, atomic replace on write."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from schemas.registry import TABLES, Table

NESTED = (pa.types.is_list, pa.types.is_struct, pa.types.is_date, pa.types.is_timestamp)


def data_dir(value: str | os.PathLike | None = None) -> Path:
    """The data root: the argument, else `$DATA_DIR`, else `data` (relative to the working directory)."""
    return Path(value or os.environ.get("DATA_DIR") or "data").resolve()


def _types_mapper(t: pa.DataType):
    return pd.ArrowDtype(t) if any(f(t) for f in NESTED) else None


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows (dicts of Python values) as a validated frame of table ``name``."""
    table = TABLES[name]
    arrow = pa.Table.from_pylist(rows, schema=table.arrow_schema()) if rows else table.arrow_schema().empty_table()
    return table.validate(arrow.to_pandas(types_mapper=_types_mapper))


def to_arrow(table: Table, df: pd.DataFrame) -> pa.Table:
    df = df.sort_values(table.key, kind="stable").reset_index(drop=True) if len(df) else df
    return pa.Table.from_pandas(df, schema=table.arrow_schema(), preserve_index=False).replace_schema_metadata(None)


def write_table(root: Path, name: str, df: pd.DataFrame) -> Path:
    """Validate and write table ``name`` under ``root``; the old file is replaced only once the new one is complete."""
    table = TABLES[name]
    arrow = to_arrow(table, table.validate(df))
    path = root / table.path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(arrow, tmp, compression="zstd")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def read_table(root: Path, name: str) -> pd.DataFrame:
    """Read a published table back with the same dtypes `frame` gives."""
    table = TABLES[name]
    arrow = pq.read_table(root / table.path, schema=table.arrow_schema())
    return arrow.to_pandas(types_mapper=_types_mapper)
