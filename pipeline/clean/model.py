"""The cleaned article handed to the silver layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(slots=True)
class CleanDoc:
    """One page reduced to its article: headline, main text and what the page says about it."""

    title: str | None
    body: str
    published_at: datetime | None = None
    outlet: str | None = None
    author: str | None = None
    reference_year: int | None = None
