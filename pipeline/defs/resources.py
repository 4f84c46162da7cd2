"""Where the data lives: the data root and the Parquet IO manager that publishes tables there."""


from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline.storage import data_dir, read_table, stage_dir, write_table
from schemas.registry import TABLES


def table_name(key: dg.AssetKey) -> str:
    """The registry table an asset writes: `silver/articles` → `articles`, `gold/batches/rejected` →
    `extraction_rejected` (per-batch parts and the published file of a gold table share the name)."""
    name = key.path[-1]
    return "extraction_rejected" if key.path[0] == "gold" and name == "rejected" else name


def table_metadata(name: str, df: pd.DataFrame, path: Path, published: bool = True, draw: bool = True) -> dict:
    """What the UI shows for a table: rows, column schema, a typed preview, where it is; charts for a
    published (unpartitioned) table (without ``draw``, only those kept for exactly this file)."""
    from pipeline.defs.previews import charts, preview

    return {
        **(charts(name, df, path, draw) if published else {}),
        "dagster/row_count": len(df),
        "dagster/column_schema": dg.TableSchema(columns=[
            dg.TableColumn(n, str(t), description=d, constraints=dg.TableColumnConstraints(nullable=nl))
            for n, t, nl, d in TABLES[name].columns()
        ]),
        "path": dg.MetadataValue.path(str(path)),
        "preview": preview(name, df),
    }


class DataRoot(dg.ConfigurableResource):
    """The data root (`DATA_DIR`): `bronze/` in, `silver/` and `gold/` out."""

    data_dir: str | None = None

    @property
    def path(self) -> Path:
        return data_dir(self.data_dir)

    @property
    def bronze(self) -> Path:
        return self.path / "bronze"


class ParquetTables(dg.ConfigurableIOManager):
    """Writes each asset as the Parquet file the registry names, validated, replacing the old file
    atomically. A table published as one file is written to the run's stage (`gold/.publish-<run>/`),
    which the `datapackage` step swaps into `gold/` with the package: a failed publication replaces nothing."""

    data_dir: str | None = None

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame) -> None:
        name = table_name(context.asset_key)
        root = data_dir(self.data_dir)
        batch = context.asset_partition_key if context.has_asset_partitions else None
        path = write_table(root, name, obj, batch, stage=None if batch else stage_dir(root, context.run_id))
        context.add_output_metadata(table_metadata(name, obj, path, published=batch is None))

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        root = data_dir(self.data_dir)
        if context.has_asset_partitions:
            return read_table(root, table_name(context.asset_key), list(context.asset_partition_keys))
        return read_table(root, table_name(context.asset_key), stage=stage_dir(root, context.step_context.run_id))


def default_resources(root: str | None = None) -> dict:
    """Resources for a data root; by default `$DATA_DIR` (or `data`) read when a run starts."""
    return {"data_root": DataRoot(data_dir=root), "io_manager": ParquetTables(data_dir=root)}


@dg.definitions
def resources() -> dg.Definitions:
    """Resources, and the in-process executor as the default: a run's steps are small and sequential
    (parallelism comes from running batches side by side), so a process per step only adds start-up."""
    return dg.Definitions(resources=default_resources(), executor=dg.in_process_executor)
