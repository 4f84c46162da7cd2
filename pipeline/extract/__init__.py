"""Gold extraction: meetings, agreements and trade figures from one cleaned article."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from pipeline.text import Span, sentences


@dataclass
class ArticleText:
    """What the extractors read: a silver article."""

    article_id: str
    body: str
    title: str | None = None
    reference_year: int | None = None
    published_at: datetime | None = None
    extra: dict = field(default_factory=dict)

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.body)

    @cached_property
    def places(self) -> list:
        """Gazetteer matches of the whole body, found once for every step that needs them."""
        from pipeline.gazetteer import find_places

        return find_places(self.body)


ID_FIELDS = {
    "meetings": ("meeting_id", ("kind", "date", "participants")),  # one sentence may tell several meetings
    "agreements": ("agreement_id", ("agreement_type", "status")),
    "trade_figures": ("figure_id", ("metric", "measure", "value", "unit")),
}


def stable_id(*parts: object) -> str:
    """16 hex characters of SHA-256 over the parts; the same input always gives the same id."""
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def extract_article(doc: ArticleText) -> dict[str, list[dict]]:
    """Run every extractor on one article and give each row its article and stable id."""
    from pipeline.extract.agreements import extract_agreements
    from pipeline.extract.figures import extract_figures
    from pipeline.extract.meetings import extract_meetings
    from pipeline.extract.place_ids import add_place_ids

    out = {
        "meetings": extract_meetings(doc),
        "agreements": extract_agreements(doc),
        "trade_figures": extract_figures(doc),
    }
    for table, rows in out.items():
        id_col, keys = ID_FIELDS[table]
        for row in rows:
            row[id_col] = stable_id(doc.article_id, table, row["evidence_start"], row["evidence_end"],
                                    *(row.get(k) for k in keys))
            row["article_id"] = doc.article_id
    add_place_ids(doc.body, out, doc.places)
    return out
