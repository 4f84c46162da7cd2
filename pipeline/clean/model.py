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
    body_confidence: float = 1.0  # how sure the cleaner is that ``body`` is the page's article
    confidence_reason: str = ""  # the weakest part of that judgement, in words (when it is below 0.8)
