"""The bronze manifest: every raw file and what became of it."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas._types import HEX16, Text


class Documents(pa.DataFrameModel):
    """One row per entry under `bronze/` (files, links, unreadable folders): articles + duplicates + rejected + ignored = entries."""

    source_path: Series[Text] = pa.Field(unique=True, description="Path of the raw file relative to `bronze/`.")
    sha256: Series[Text] = pa.Field(nullable=True, str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the raw bytes: the document's identity; null for an entry that was not read (see `silver/rejected`).")
    n_bytes: Series[int] = pa.Field(ge=0, description="Size of the raw file in bytes.")
    encoding: Series[Text] = pa.Field(nullable=True, description="Encoding the bytes were decoded with (`utf-8`, `utf-8-sig`, `utf-16-le`, `utf-16-be`, `windows-1258`); null when undecodable.")
    status: Series[Text] = pa.Field(isin=["article", "duplicate", "rejected", "ignored"], description="`article`: became a silver article; `duplicate`: same bytes as another file; `rejected`: see `silver/rejected`; `ignored`: not a `.txt` file or a link to a folder, not read (reason in `silver/rejected`, stage `scan`).")
    article_id: Series[Text] = pa.Field(nullable=True, str_matches=HEX16, description="First 16 hex characters of `sha256`; null when not read.")
    duplicate_of: Series[Text] = pa.Field(nullable=True, description="For a duplicate, the `source_path` of the file kept as the article.")

    class Config:
        strict = True
        coerce = True
