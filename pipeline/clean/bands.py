"""The confidence threshold and bands of the cleaner's score, without the cleaner: what a build reports
and rejects by, importable where nothing is cleaned (`pipeline.build` in a refresh whose documents
were read ahead)."""

from __future__ import annotations

MIN_CONFIDENCE = 0.45  # below this a document is not published: it goes to `rejected` with the reason
LOW_CONFIDENCE = "article not found with confidence"  # how a rejection for low confidence starts


def distribution(scores: list[float], n_rejected: int = 0) -> dict[str, int]:
    """Articles per confidence band, and the documents rejected below `MIN_CONFIDENCE` (for the UI)."""
    bands = {f"< {MIN_CONFIDENCE} (rejected)": n_rejected, f"{MIN_CONFIDENCE}–0.6": 0, "0.6–0.8": 0, "0.8–1": 0}
    labels = list(bands)
    for s in scores:
        bands[labels[1] if s < 0.6 else labels[2] if s < 0.8 else labels[3]] += 1
    return bands
