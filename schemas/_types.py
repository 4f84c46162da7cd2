"""Column types shared by the table models: pandas dtypes backed by the Arrow types we publish."""

from __future__ import annotations

from typing import Annotated

import pandas as pd
import pyarrow as pa

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
