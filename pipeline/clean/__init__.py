"""Silver cleaning: a decoded page becomes a `CleanDoc` (title, body, published_at, outlet, author,
reference_year, body_confidence). See `document.clean_document`."""

from pipeline.clean.confidence import MIN_CONFIDENCE
from pipeline.clean.document import clean_document
from pipeline.clean.model import CleanDoc

__all__ = ["MIN_CONFIDENCE", "CleanDoc", "clean_document"]
