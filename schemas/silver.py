"""Silver: one cleaned article per distinct raw document, and the documents that could not be processed."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas._types import HEX16, Text, Timestamp, row_check


class Articles(pa.DataFrameModel):
    """One row per distinct raw document that holds an article."""

    article_id: Series[Text] = pa.Field(unique=True, str_matches=HEX16, description="First 16 hex characters of the SHA-256 of the raw bytes; stable.")
    source_path: Series[Text] = pa.Field(description="Path of the raw file relative to `bronze/` (the first path in order when several files hold the same bytes).")
    title: Series[Text] = pa.Field(nullable=True, description="Headline as written; null when the document has none.")
    body: Series[Text] = pa.Field(str_length={"min_value": 1}, description="Main text only, paragraphs joined by `\\n`: no menus, teasers of other articles, related-news lists, widgets, image placeholders or duplicated captions. Unicode NFC.")
    published_at: Series[Timestamp] = pa.Field(nullable=True, description="When the page says it was published (UTC).")
    reference_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1945, le=2100, description="Year used to resolve dates written without one (`Ngày 9/9`).")
    outlet: Series[Text] = pa.Field(nullable=True, description="Publishing outlet, e.g. `nhandan.vn`, when the text shows it.")
    author: Series[Text] = pa.Field(nullable=True, description="Byline, when present.")
    n_chars: Series[int] = pa.Field(ge=1, description="Length of `body` in characters.")
    encoding: Series[Text] = pa.Field(description="Encoding the raw bytes were decoded with.")
    body_confidence: Series[float] = pa.Field(ge=0, le=1, description="How sure the cleaner is that `body` is the page's article, 0–1: the share of the page's prose the body holds, the share of it in finished sentences, how much of the headline its opening echoes, and its length. Documents below 0.45 are not published here: they are in `rejected` (stage `clean`) with the weakest part as the reason.")

    @row_check("n_chars is the length of body")
    def n_chars_matches(cls, df: pd.DataFrame) -> Series[bool]:
        return df["body"].str.len() == df["n_chars"]

    class Config:
        strict = True
        coerce = True


class Rejected(pa.DataFrameModel):
    """Documents (or articles) a stage could not process, with the reason; nothing is dropped silently."""

    source_path: Series[Text] = pa.Field(description="Path of the raw file relative to `bronze/`.")
    article_id: Series[Text] = pa.Field(nullable=True, str_matches=HEX16, description="First 16 hex characters of the SHA-256 of the raw bytes; null for a file that was not read.")
    stage: Series[Text] = pa.Field(isin=["scan", "decode", "clean", "extract"], description="Stage that rejected the document (`scan`: not read: not a `.txt` file, unreadable, a bad or outside link; `extract` with a reason starting `timeout` when extraction ran past its time budget).")
    reason: Series[Text] = pa.Field(str_length={"min_value": 1}, description="Why, in words a person can act on.")

    class Config:
        strict = True
        coerce = True
