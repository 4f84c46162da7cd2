"""Data checks beyond the column schemas, shared by the asset checks and the tests."""

from __future__ import annotations

import pandas as pd


def untraceable(rows: pd.DataFrame, bodies: pd.Series) -> list[dict]:
    """Rows whose article is missing from ``bodies`` (article_id → body) or whose evidence is not the
    quoted slice of its body."""
    bad = []
    for r in rows[["article_id", "evidence", "evidence_start", "evidence_end"]].itertuples(index=False):
        body = bodies.get(r.article_id)
        if body is None:
            bad.append({"article_id": r.article_id, "problem": "article not in silver"})
        elif body[r.evidence_start:r.evidence_end] != r.evidence:
            bad.append({"article_id": r.article_id, "problem": "evidence differs from body slice",
                        "evidence": r.evidence[:120]})
    return bad
