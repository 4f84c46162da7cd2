"""Silver cleaning: a decoded page becomes a `CleanDoc` (title, body, published_at, outlet, author,
reference_year, body_confidence). See `document.clean_document`.

The cleaner is imported when first asked for (`clean_document`, `CleanDoc`): a process that cleans
nothing (a refresh whose documents were read ahead) can use `bands` without it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.clean.bands import MIN_CONFIDENCE

if TYPE_CHECKING:
    from pipeline.clean.document import clean_document
    from pipeline.clean.model import CleanDoc

__all__ = ["MIN_CONFIDENCE", "CleanDoc", "clean_document"]


def __getattr__(name: str):
    if name == "clean_document":
        from pipeline.clean.document import clean_document

        return clean_document
    if name == "CleanDoc":
        from pipeline.clean.model import CleanDoc

        return CleanDoc
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
