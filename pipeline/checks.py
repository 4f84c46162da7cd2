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


PLACE_COLUMNS = {  # gold table → (name column, id column, names are a list)
    "meetings": [("localities", "locality_ids", True), ("location", "location_id", False)],
    "agreements": [("parties", "party_ids", True)],
    "trade_figures": [("locality", "locality_id", False), ("partner", "partner_id", False)],
}


def unresolved_places(name: str, rows: pd.DataFrame, locality_ids: set[str]) -> list[dict]:
    """Rows of gold table ``name`` with a place id missing from ``gold/localities``, or a locality name
    (meetings' `localities`, figures' `locality`) left without an id."""
    bad = []
    for names_col, ids_col, many in PLACE_COLUMNS[name]:
        must_resolve = names_col in ("localities", "locality")
        for rid, names, ids in zip(rows.iloc[:, 0], rows[names_col], rows[ids_col], strict=True):
            pairs = zip(names, ids, strict=True) if many else [(names, ids)]
            for n, i in pairs:
                if n is None or (not many and pd.isna(n)):
                    continue
                if i is None or (isinstance(i, float) and pd.isna(i)):
                    if must_resolve:
                        bad.append({"id": rid, "column": names_col, "name": n, "problem": "no locality id"})
                elif i not in locality_ids:
                    bad.append({"id": rid, "column": ids_col, "locality_id": i, "problem": "not in gold/localities"})
    return bad
