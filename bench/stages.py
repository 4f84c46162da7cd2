"""Per-stage timing in one process: decode+normalise, clean, extract (public functions only)."""

from __future__ import annotations

import hashlib
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

STAGES = ("decode", "clean", "extract", "clean+extract")
WARMUP = 5  # articles run untimed first: lexicons and lazy imports load on first use


@dataclass
class StageStats:
    """Timings of one stage over the articles it succeeded on."""

    n_ok: int = 0
    n_failed: int = 0
    first_error: str | None = None
    seconds: list[float] = field(default_factory=list)
    n_bytes: int = 0

    def record(self, seconds: float, n_bytes: int) -> None:
        self.n_ok += 1
        self.seconds.append(seconds)
        self.n_bytes += n_bytes

    def fail(self, error: BaseException) -> None:
        self.n_failed += 1
        self.first_error = self.first_error or f"{type(error).__name__}: {error}"

    def summary(self) -> dict:
        """Median, mean and p95 ms per article, total seconds, input MB and MB/s."""
        out = {k: v for k, v in asdict(self).items() if k != "seconds"}
        if not self.seconds:
            return out | {"median_ms": None, "mean_ms": None, "p95_ms": None, "total_s": 0.0, "mb_per_s": None}
        total = sum(self.seconds)
        ms = sorted(s * 1000 for s in self.seconds)
        return out | {
            "median_ms": statistics.median(ms), "mean_ms": total * 1000 / len(ms),
            "p95_ms": ms[min(len(ms) - 1, int(0.95 * len(ms)))], "total_s": total,
            "mb": self.n_bytes / 1e6, "mb_per_s": self.n_bytes / 1e6 / total if total else None,
        }


@dataclass
class StageRun:
    """Result of `measure_stages`: stats per stage and the decoded texts (the baselines' input)."""

    stats: dict[str, StageStats]
    texts: list[str]
    clean_chars: list[int]

    def summary(self) -> dict:
        return {name: s.summary() for name, s in self.stats.items()}


def _timed(fn: Callable, *args):
    t = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - t


def measure_stages(raws: Sequence[bytes], warmup: int = WARMUP) -> StageRun:
    """Decode, clean and extract each document, timing each stage per article.

    A stage that raises is counted as failed (with its first error) and the article skips later stages,
    so a half-integrated pipeline is measured rather than crashing the harness.
    """
    from pipeline.bronze import decode
    from pipeline.clean import clean_document
    from pipeline.extract import ArticleText, extract_article

    def one(raw: bytes, stats: dict[str, StageStats], run: StageRun | None) -> None:
        try:
            decoded, t_dec = _timed(decode, raw)
        except Exception as e:  # noqa: BLE001 - rejected or broken: counted, not fatal
            stats["decode"].fail(e)
            return
        stats["decode"].record(t_dec, len(raw))
        text_bytes = len(decoded.text.encode("utf-8"))
        try:
            clean, t_clean = _timed(clean_document, decoded.text)
        except Exception as e:  # noqa: BLE001
            stats["clean"].fail(e)
            return
        stats["clean"].record(t_clean, text_bytes)
        if run is not None:
            run.texts.append(decoded.text)
            run.clean_chars.append(len(clean.body))
        doc = ArticleText(hashlib.sha256(raw).hexdigest()[:16], clean.body, clean.title,
                          clean.reference_year, clean.published_at)
        try:
            _, t_ext = _timed(extract_article, doc)
        except Exception as e:  # noqa: BLE001
            stats["extract"].fail(e)
            stats["clean+extract"].fail(e)
            return
        stats["extract"].record(t_ext, len(clean.body.encode("utf-8")))
        stats["clean+extract"].record(t_clean + t_ext, text_bytes)

    for raw in raws[:warmup]:
        one(raw, {name: StageStats() for name in STAGES}, None)
    run = StageRun({name: StageStats() for name in STAGES}, [], [])
    for raw in raws:
        one(raw, run.stats, run)
    return run
