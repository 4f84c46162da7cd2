"""Column types shared by the table models: pandas dtypes backed by the Arrow types we publish."""

from __future__ import annotations

from typing import Annotated

import pandas as pd
import pyarrow as pa
from pandera import dtypes
from pandera.engines import pandas_engine
from pandera.pandas import dataframe_check

DATE = pa.date32()
TIMESTAMP = pa.timestamp("us", tz="UTC")
PARTICIPANT = pa.struct([("name", pa.string()), ("title", pa.string()), ("side", pa.string())])

Date = Annotated[pd.ArrowDtype, DATE]
Timestamp = Annotated[pd.ArrowDtype, TIMESTAMP]
StringList = Annotated[pd.ArrowDtype, pa.list_(pa.string())]
Participants = Annotated[pd.ArrowDtype, pa.list_(PARTICIPANT)]

PRECISIONS = ["day", "month", "year", "unknown"]
MODES = ["online", "in_person", "unknown"]
ISO2 = r"^[A-Z]{2}$"
HEX16 = r"^[0-9a-f]{16}$"


@pandas_engine.Engine.register_dtype
@dtypes.immutable(init=True)
class Text(pandas_engine.STRING):
    """pandera's string dtype (`Series[str]`), whose check answers a column of the very dtype with
    `True`: pandera's answers with one `True` per row, and then builds failure cases and a message for
    the column even when it passes (half the time of validating a table of strings). Any other dtype
    is checked as pandera checks it."""

    def check(self, pandera_dtype, data_container=None):
        try:
            if pandas_engine.Engine.dtype(pandera_dtype).type == self.type:
                return True
        except TypeError:
            return False
        return super().check(pandera_dtype, data_container)


def row_check(description: str):
    """A table-wide check with one answer per row (`pandera.dataframe_check`). pandera's default also
    passes every row all of whose values are null (`ignore_na`), at the cost of an `isna` of the whole
    frame per check; no row of these tables is all null (each has its id), so that is left out."""
    return dataframe_check(description=description, ignore_na=False)
