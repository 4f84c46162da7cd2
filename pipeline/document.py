"""What one bronze document becomes, without pandas: decoded and cleaned into a silver article row
(`clean_file`), then extracted into gold rows (`extract_row`).

`pipeline.build` assembles batches from these, and `pipeline.ahead` runs them early in helper
processes; both call the same two functions, so a row is the same whichever process made it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC
from typing import TYPE_CHECKING

from pipeline.bronze import BronzeFile, RejectedDocument, decode
from pipeline.budget import DocumentTimeout, time_budget
from pipeline.clean.bands import LOW_CONFIDENCE, MIN_CONFIDENCE

if TYPE_CHECKING:
    from pipeline.extract import ArticleText

log = logging.getLogger(__name__)
GOLD_TABLES = ("meetings", "agreements", "trade_figures")


@dataclass(frozen=True)
class Cleaned:
    """A read document: its encoding (None when it could not be decoded), and its silver article row, or
    the stage that rejected it and why."""

    encoding: str | None
    article: dict | None = None
    stage: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Extracted:
    """An article's gold rows by table, or why extraction failed (``timed_out``: it ran out of time)."""

    tables: dict[str, list[dict]] | None
    reason: str | None = None
    timed_out: bool = False


def clean_file(f: BronzeFile) -> Cleaned:
    """Decode and clean a document that was read (``f.problem`` is None). The cleaner and the extractors
    are imported where first used, not with this module: a build whose documents were read ahead uses
    neither."""
    from pipeline.clean import clean_document

    stage, encoding = "decode", None
    try:
        decoded = decode(f.raw)
        encoding, stage = decoded.encoding, "clean"
        clean = clean_document(decoded.text, f.source_path)
        if not clean.body.strip():
            raise RejectedDocument("no article text found (a listing page, or page furniture only)")
        if clean.body_confidence < MIN_CONFIDENCE:
            raise RejectedDocument(f"{LOW_CONFIDENCE} ({clean.body_confidence:.2f} < {MIN_CONFIDENCE}): "
                                   f"{clean.confidence_reason}")
    except RejectedDocument as e:
        return Cleaned(encoding, stage=stage, reason=str(e))
    except Exception as e:  # noqa: BLE001 - a bad document must not stop the run; it is recorded instead
        log.exception("cleaning %s failed", f.source_path)
        return Cleaned(encoding, stage=stage, reason=f"{type(e).__name__}: {e}")
    published = clean.published_at.astimezone(UTC) if clean.published_at else None
    return Cleaned(encoding, {
        "article_id": f.article_id, "source_path": f.source_path, "title": clean.title, "body": clean.body,
        "published_at": published, "reference_year": clean.reference_year, "outlet": clean.outlet,
        "author": clean.author, "n_chars": len(clean.body), "encoding": encoding,
        "body_confidence": clean.body_confidence,
    })


def prepare() -> None:
    """Import the extractors and load the gazetteer's automaton (kept on disk, `pipeline.compiled`):
    what a process's first document would otherwise wait for (`pipeline.ahead` does it while the build
    walks the data root)."""
    from pipeline.clean import clean_document  # noqa: F401 - imported to be ready
    from pipeline.extract import agreements, figures, meetings, place_ids  # noqa: F401
    from pipeline.gazetteer import find_places

    find_places("")


def _missing(value) -> bool:
    """None, NaN, NaT or pandas' NA (an article row may come from a frame)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:  # pandas.NA
        return True


def article_text(row: dict) -> ArticleText:
    """What the extractors read of a silver article row (a dict, or a frame's row as a dict)."""
    from pipeline.extract import ArticleText

    published, year = row.get("published_at"), row.get("reference_year")
    if _missing(published):
        published = None
    elif hasattr(published, "to_pydatetime"):  # a pandas Timestamp
        published = published.to_pydatetime()
    return ArticleText(
        article_id=row["article_id"], body=row["body"], title=row.get("title") or None,
        reference_year=None if _missing(year) else int(year), published_at=published,
    )


def extract_row(row: dict, budget: float | None) -> Extracted:
    """The gold rows of one silver article row, extracted within ``budget`` seconds."""
    from pipeline.extract import extract_article

    try:
        with time_budget(budget):
            return Extracted(extract_article(article_text(row)))
    except DocumentTimeout as e:
        log.warning("extraction of %s ran out of time", row["source_path"])
        return Extracted(None, str(e), timed_out=True)
    except Exception as e:  # noqa: BLE001 - recorded in the rejected table
        log.exception("extraction failed for %s", row["source_path"])
        return Extracted(None, f"{type(e).__name__}: {e}")


class Ready:
    """Documents cleaned and extracted already, by path and content hash (`pipeline.ahead`): what a
    build finds here it takes instead of computing it; anything else it computes."""

    def __init__(self) -> None:
        self._cleaned: dict[tuple[str, str], Cleaned] = {}
        self._extracted: dict[tuple[str, str], Extracted] = {}

    def __len__(self) -> int:
        return len(self._cleaned)

    def add(self, source_path: str, sha256: str, cleaned: Cleaned, extracted: Extracted | None) -> None:
        self._cleaned[(source_path, sha256)] = cleaned
        if extracted is not None and cleaned.article is not None:
            self._extracted[(source_path, cleaned.article["article_id"])] = extracted

    def update(self, other: Ready) -> None:
        self._cleaned |= other._cleaned
        self._extracted |= other._extracted

    def cleaned(self, f: BronzeFile) -> Cleaned | None:
        return self._cleaned.get((f.source_path, f.sha256)) if f.sha256 else None

    def extracted(self, row: dict) -> Extracted | None:
        return self._extracted.get((row["source_path"], row["article_id"]))
