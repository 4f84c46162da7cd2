"""The benchmark harness's per-stage part on a few VNTC articles, so `make bench` does not rot."""

from __future__ import annotations

import pytest

from bench.corpus import SAMPLE, read_sample
from bench.report import markdown
from bench.stages import STAGES, measure_stages

N = 50


@pytest.fixture(scope="module")
def raws() -> list[bytes]:
    if not SAMPLE.exists():
        pytest.skip(f"VNTC sample not found at {SAMPLE}")
    return [a.raw for a in read_sample(N)]


def test_stages_measure_every_article(raws: list[bytes]) -> None:
    run = measure_stages(raws, warmup=2)
    summary = run.summary()
    assert set(summary) == set(STAGES)
    for name, s in summary.items():
        assert s["n_ok"] + s["n_failed"] <= N, name
    assert summary["decode"]["n_ok"] + summary["decode"]["n_failed"] == N
    assert summary["decode"]["n_ok"] > 0 and summary["decode"]["median_ms"] > 0
    assert len(run.texts) == len(run.clean_chars) == summary["clean"]["n_ok"]
    md = markdown({"meta": {"started": "now", "commit": "test", "cores": 1, "python": "3", "stage_n": N,
                            "duration_s": 0.0}, "stages": summary})
    assert md.count("\n| ") == len(STAGES) + 1  # header and one row per stage
