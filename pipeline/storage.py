"""Reading and writing tables.

Tables built per batch keep one part per batch in a hive-partitioned directory
(`silver/articles/batch=seeds/part-0.parquet`) that pyarrow.dataset, DuckDB and polars read as one
table with a `batch` column. Gold tables are also published as one file each. Files are validated
before they are written and replace the old file only once complete, so a failed run leaves the
last good outputs in place.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import quote, unquote

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.faults import inject
from pipeline.roots import LOCAL, data_dir, is_local  # noqa: F401 - re-exported: callers import them from here
from schemas.registry import TABLES, Table

NESTED = (pa.types.is_list, pa.types.is_struct, pa.types.is_date, pa.types.is_timestamp)
BATCH = "batch"
PART = "part-0.parquet"


def _types_mapper(t: pa.DataType):
    return pd.ArrowDtype(t) if any(f(t) for f in NESTED) else None


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows (dicts of Python values) as a validated frame of table ``name`` (no rows: a copy of the
    table's empty frame, `_empty`)."""
    if not rows:
        return _empty(name).copy()
    table = TABLES[name]
    return table.validate(_typed(table, pa.Table.from_pylist(rows, schema=table.arrow_schema())), typed=True)


@functools.cache
def _empty(name: str) -> pd.DataFrame:
    """Table ``name`` with no rows, made once per process: nothing for pandera to check, and its dtypes
    are the model's by construction (the table's Arrow schema, which the registry makes from the model;
    `Table.validate` hands back the same frame, tests hold it). A small refresh leaves several tables of
    a batch empty, and each validation is a few milliseconds of fixed cost."""
    return _typed(TABLES[name], TABLES[name].arrow_schema().empty_table())


def _typed(table: Table, arrow: pa.Table) -> pd.DataFrame:
    """``arrow``, in the table's own Arrow schema, as a frame in the model's dtypes (Arrow gives pandas
    the nullable integers as floats: those are converted), as `Table.validate`'s ``typed`` expects."""
    df = arrow.to_pandas(types_mapper=_types_mapper)
    return df.astype(table.nullable_ints) if table.nullable_ints else df


def to_arrow(table: Table, df: pd.DataFrame, validated: bool = False) -> pa.Table:
    """The validated frame as Arrow with the published schema, rows in key order (deterministic bytes);
    ``validated``: the frame is what `Table.validate` returned (`frame`), not checked again."""
    df = df.drop(columns=[BATCH], errors="ignore")
    df = df if validated else table.validate(df)
    df = df.sort_values(table.key, kind="stable").reset_index(drop=True)
    return pa.Table.from_pandas(df, schema=table.arrow_schema(), preserve_index=False).replace_schema_metadata(None)


def hive_dir(batch: str) -> str:
    """The hive directory of a batch: `batch=<name>` with the name percent-encoded (as pyarrow, DuckDB
    and polars decode it), so any folder name (spaces, `=`, `%`, `/`-free Unicode) reads back as itself."""
    return f"{BATCH}={quote(batch, safe='')}"


def table_path(root: Path, name: str, batch: str | None = None, stage: Path | None = None) -> Path:
    """The file holding ``batch``'s part of table ``name``, or (no batch) its published single file
    (its staged copy in ``stage`` when a publication wrote one there)."""
    table = TABLES[name]
    if batch is None:
        if table.path == table.parts:
            raise ValueError(f"{name} is published as a directory of batches; name the batch")
        staged = stage / Path(table.path).name if stage is not None else None
        return staged if staged is not None and staged.exists() else root / table.path
    if table.parts is None:
        raise ValueError(f"{name} is not built per batch")
    return root / table.parts / hive_dir(batch) / PART


def umask() -> int:
    """The process's file-mode creation mask (new files get `0o666 & ~umask()`)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_aside(arrow: pa.Table, path: Path) -> str:
    """Write ``arrow`` next to ``path`` under a temporary name (mode from the umask, as for any new file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
    os.close(fd)
    try:
        os.chmod(tmp, 0o666 & ~umask())
        pq.write_table(arrow, tmp, compression="zstd")
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def write_tables(root: Path, tables: dict[tuple[str, str | None], pd.DataFrame], stage: Path | None = None,
                 validated: bool = False) -> list[Path]:
    """Validate (unless ``validated``: frames from `frame`) and write several tables (``(name, batch)`` →
    frame): all are written aside first, then each replaces its file, so they become visible together
    and a failure replaces none."""
    targets = []
    for (name, batch), df in tables.items():
        path = table_path(root, name, batch) if batch is not None or stage is None else stage / Path(TABLES[name].path).name
        targets.append((to_arrow(TABLES[name], df, validated), path))
    return write_arrow(targets)


def write_arrow(targets: list[tuple[pa.Table, Path]]) -> list[Path]:
    """Write Arrow tables (already validated, in their published schema and row order) to their paths:
    all aside first, then each replaces its file, so a failure replaces none."""
    if not all(is_local(path) for _, path in targets):  # an object store replaces an object whole, in one PUT
        for arrow, path in targets:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as f:
                pq.write_table(arrow, f, compression="zstd")
        return [path for _, path in targets]
    written: list[tuple[str, Path]] = []
    try:
        for arrow, path in targets:
            inject(f"write:{path.name}")
            written.append((_write_aside(arrow, path), path))
    except BaseException:
        for tmp, _ in written:
            os.unlink(tmp)
        raise
    for i, (tmp, path) in enumerate(written):
        if i:
            inject("between-parts")
        os.replace(tmp, str(path))
    return [path for _, path in targets]


def write_table(root: Path, name: str, df: pd.DataFrame, batch: str | None = None, stage: Path | None = None) -> Path:
    """Validate and write table ``name`` (or one batch of it, or its staged copy) under ``root``,
    replacing the old file atomically."""
    return write_tables(root, {(name, batch): df}, stage)[0]


def replace_file(src: Path, dst: Path) -> None:
    """Move ``src`` over ``dst`` (atomically on a local disk)."""
    if is_local(dst):
        os.replace(str(src), str(dst))
    else:
        dst.fs.mv(src.path, dst.path)


def remove_debris(root: Path) -> list[str]:
    """Delete what a killed build leaves: temporary `.<name>.XXXX` files next to the tables and
    unfinished publications (`gold/.publish-*`). Call only while holding the build lock."""
    if not is_local(root):
        return []
    removed = []
    for layer in ("silver", "gold"):
        for dirpath, dirnames, filenames in os.walk(Path(root) / layer):
            for d in [d for d in dirnames if d.startswith(STAGE_PREFIX)]:
                shutil.rmtree(os.path.join(dirpath, d), ignore_errors=True)
                dirnames.remove(d)
                removed.append(os.path.join(dirpath, d))
            for f in filenames:
                if f.startswith(".") and (".parquet." in f or f.endswith(".tmp") or ".json." in f or ".md." in f):
                    os.unlink(os.path.join(dirpath, f))
                    removed.append(os.path.join(dirpath, f))
    return removed


STAGE_PREFIX = ".publish-"


def stage_dir(root: Path, run_id: str) -> Path:
    """Where a publication run writes its tables and package before they replace the published ones."""
    return root / "gold" / f"{STAGE_PREFIX}{run_id}"


def read_parquet(path: Path, schema: pa.Schema | None = None, columns: list[str] | None = None) -> pa.Table:
    """One Parquet file from any filesystem (only ``columns``, when given). Without a ``schema`` to read it
    as, it is read as one `ParquetFile`: pyarrow's dataset machinery costs ~1 ms per file and ~20 ms to
    import, and a refresh reads only files it wrote with the published schema. On one thread: these
    files (a batch's part, a gold table) are small, and handing their columns to Arrow's thread pool
    made a read two to three times slower, and uneven, on a busy 2-core machine."""
    with path.open("rb") as f:
        if schema is None:
            return pq.ParquetFile(f).read(columns=columns, use_threads=False)
        return pq.read_table(f, schema=schema, columns=columns, use_threads=False)


def drop_batch(root: Path, batch: str) -> None:
    """Remove every table's part for ``batch`` (its bronze folder is gone)."""
    for table in TABLES.values():
        part = root / table.parts / hive_dir(batch) if table.parts else None
        if part is not None and part.exists():
            shutil.rmtree(part) if is_local(part) else part.fs.rm(part.path, recursive=True)


def batches_written(root: Path, name: str) -> list[str]:
    """Batches that have a part of table ``name``."""
    parts = TABLES[name].parts
    if parts is None:
        return []
    base = root / parts
    return sorted(unquote(p.parent.name.split("=", 1)[1]) for p in base.glob(f"{BATCH}=*/{PART}")) if base.is_dir() else []


def read_table(root: Path, name: str, batches: list[str] | None = None,
               columns: list[str] | None = None, stage: Path | None = None) -> pd.DataFrame:
    """Read a table with the dtypes `frame` gives: its published file, or (``batches`` given, or no
    single file) its per-batch parts with a `batch` column; only ``columns`` when given (the silver
    bodies are most of the bytes). FileNotFoundError when nothing was written.
    """
    table = TABLES[name]
    schema = table.arrow_schema()
    if columns is not None:
        schema = pa.schema([schema.field(c) for c in columns])
    if batches is None and table.path != table.parts:
        return read_parquet(table_path(root, name, stage=stage), schema, columns).to_pandas(types_mapper=_types_mapper)
    parts = batches_written(root, name) if batches is None else batches
    files = [table_path(root, name, b) for b in parts]
    missing = [f for f in files if not f.exists()]
    if missing or not files:
        raise FileNotFoundError(missing[0] if missing else root / table.parts)
    pieces = []
    for batch, f in zip(parts, files, strict=True):
        t = read_parquet(f, schema, columns)
        pieces.append(t.append_column(BATCH, pa.array([batch] * t.num_rows, pa.string())))
    return pa.concat_tables(pieces).to_pandas(types_mapper=_types_mapper)


def row_count(root: Path, name: str) -> int:
    """Rows of table ``name`` (its published file, or all its parts) from the Parquet footers alone;
    FileNotFoundError when nothing was written."""
    table = TABLES[name]
    files = ([table_path(root, name, b) for b in batches_written(root, name)] if table.path == table.parts
             else [table_path(root, name)])
    if not files:
        raise FileNotFoundError(root / table.path)
    total = 0
    for path in files:
        with path.open("rb") as f:
            total += pq.read_metadata(f).num_rows
    return total
