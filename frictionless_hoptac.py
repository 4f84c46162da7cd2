"""Frictionless plugin (found by its `frictionless_` name): Parquet read through the resource's byte
stream, so `frictionless validate` checks a Parquet resource's `hash` and `bytes` as it does a CSV's.

Frictionless' own Parquet parser hands the path to pyarrow: no bytes pass through its loader, the
counts stay empty and every `bytes` fails (`actual is "None"`) while a `hash` is never checked.
"""

from __future__ import annotations

import io

from frictionless import Plugin
from frictionless.formats.parquet import ParquetControl, ParquetParser
from frictionless.resources import TableResource


class StreamedParquetParser(ParquetParser):
    """`ParquetParser` that reads the file through the loader (which hashes and counts the bytes)."""

    requires_loader = True

    def read_cell_stream_create(self):
        import pyarrow.parquet as pq

        control = ParquetControl.from_dialect(self.resource.dialect)
        stream, data = self.loader.byte_stream, io.BytesIO()
        while chunk := stream.read1(1 << 20):  # `read1`: the calls the loader counts and hashes
            data.write(chunk)
        data.seek(0)
        table = pq.read_table(data, columns=control.columns, filters=control.filters or None)
        with TableResource(data=table.to_pandas(categories=control.categories or None), format="pandas") as resource:
            yield from resource.cell_stream


class HoptacPlugin(Plugin):
    """Registers `StreamedParquetParser` for `parquet`, ahead of the built-in parser."""

    def create_parser(self, resource):
        if resource.format in ("parq", "parquet"):
            return StreamedParquetParser(resource)
        return None
