"""The one registry of published tables: where each lives, its pandera model, and the Arrow schema
and data-dictionary entries generated from that model."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow

from schemas.bronze import Documents
from schemas.gold import AgreementEvents, Agreements, Localities, MeetingEvents, Meetings, TradeFigures
from schemas.silver import Articles, Rejected

EVIDENCE = ("evidence", "evidence_start", "evidence_end")


@dataclass(frozen=True)
class Table:
    """A published table."""

    name: str
    layer: str
    path: str  # where consumers read it, relative to DATA_DIR: a file, or a hive-partitioned directory
    model: type[pa.DataFrameModel]
    key: str
    parts: str | None = None  # directory of per-batch parts `parts/batch=<batch>/part-0.parquet`, if built per batch

    @property
    def partitioned(self) -> bool:
        return self.parts is not None

    @property
    def description(self) -> str:
        return " ".join((self.model.__doc__ or "").split())

    @property
    def schema(self) -> pa.DataFrameSchema:
        return self.model.to_schema()

    @cached_property
    def column_names(self) -> list[str]:
        """Published column order: the key, the article, the table's own columns, then the evidence."""
        names = list(self.schema.columns)
        tail = [n for n in EVIDENCE if n in names and n != self.key]
        head = list(dict.fromkeys(n for n in (self.key, "article_id") if n in names))
        return head + [n for n in names if n not in head and n not in tail] + tail

    def columns(self) -> list[tuple[str, pa_arrow.DataType, bool, str]]:
        """(name, arrow type, nullable, description) per column, in published order."""
        return list(self._columns)

    @cached_property
    def _columns(self) -> tuple[tuple[str, pa_arrow.DataType, bool, str], ...]:
        cols = self.schema.columns
        return tuple((n, arrow_type(cols[n].dtype.type), cols[n].nullable, cols[n].description or "")
                     for n in self.column_names)

    def arrow_schema(self) -> pa_arrow.Schema:
        return self._arrow_schema

    @cached_property
    def _arrow_schema(self) -> pa_arrow.Schema:
        """Taken once per process: the model does not change while it runs."""
        return pa_arrow.schema([pa_arrow.field(n, t, nullable=nl) for n, t, nl, _ in self._columns])

    def validate(self, df: pd.DataFrame, typed: bool = False) -> pd.DataFrame:
        """Validate (all failures at once) and return the frame in the model's column order and dtypes.

        ``typed``: the frame was made with the table's Arrow schema and its nullable integers converted
        (`storage.frame`), so each column has the model's dtype, and pandera checks every column's
        dtype instead of coercing it (a third of the time of validating a small frame). A frame that
        fails is validated again the usual way, which coerces what it can and reports the rest."""
        if typed:
            try:
                return self._typed_schema.validate(df, lazy=True)[self.column_names]
            except pa.errors.SchemaErrors:
                pass
        out = self.model.validate(df, lazy=True)
        return out[self.column_names]

    @cached_property
    def _typed_schema(self) -> pa.DataFrameSchema:
        schema = copy.deepcopy(self.schema)
        schema.coerce = False
        return schema

    @cached_property
    def nullable_ints(self) -> dict[str, pd.api.extensions.ExtensionDtype]:
        """The nullable integer columns and their dtype (Arrow hands pandas them as floats)."""
        cols = self.schema.columns
        return {n: cols[n].dtype.type for n in cols if isinstance(cols[n].dtype.type, pd.Int64Dtype)}

    def empty(self) -> pd.DataFrame:
        return self.arrow_schema().empty_table().to_pandas(types_mapper=pd.ArrowDtype).pipe(self.validate)


def arrow_type(dtype) -> pa_arrow.DataType:
    """The Arrow type published for a pandas dtype of a model column."""
    if isinstance(dtype, pd.ArrowDtype):
        return dtype.pyarrow_dtype
    kind = pd.api.types.pandas_dtype(dtype)
    if pd.api.types.is_bool_dtype(kind):
        return pa_arrow.bool_()
    if pd.api.types.is_integer_dtype(kind):
        return pa_arrow.int64()
    if pd.api.types.is_float_dtype(kind):
        return pa_arrow.float64()
    if pd.api.types.is_string_dtype(kind) or pd.api.types.is_object_dtype(kind):
        return pa_arrow.string()
    raise TypeError(f"no Arrow type for {dtype!r}")


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        # silver: published as hive-partitioned directories, one part per batch
        Table("documents", "silver", "silver/documents", Documents, "source_path", parts="silver/documents"),
        Table("articles", "silver", "silver/articles", Articles, "article_id", parts="silver/articles"),
        Table("rejected", "silver", "silver/rejected", Rejected, "source_path", parts="silver/rejected"),
        # gold: extracted per batch into gold/_batches, published as one file per table
        Table("meetings", "gold", "gold/meetings.parquet", Meetings, "meeting_id", parts="gold/_batches/meetings"),
        Table("agreements", "gold", "gold/agreements.parquet", Agreements, "agreement_id", parts="gold/_batches/agreements"),
        Table("trade_figures", "gold", "gold/trade_figures.parquet", TradeFigures, "figure_id",
              parts="gold/_batches/trade_figures"),
        Table("extraction_rejected", "gold", "gold/rejected.parquet", Rejected, "source_path",
              parts="gold/_batches/rejected"),
        Table("localities", "gold", "gold/localities.parquet", Localities, "locality_id"),
        Table("meeting_events", "gold", "gold/meeting_events.parquet", MeetingEvents, "event_id"),
        Table("agreement_events", "gold", "gold/agreement_events.parquet", AgreementEvents, "event_id"),
    )
}
