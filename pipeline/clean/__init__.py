"""Silver cleaning: a decoded page becomes a `CleanDoc` (title, body, published_at, outlet, author,
reference_year). See `document.clean_document`."""

from pipeline.clean.document import clean_document
from pipeline.clean.model import CleanDoc

__all__ = ["CleanDoc", "clean_document"]
