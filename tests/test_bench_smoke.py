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


def test_build_rows_give_refresh_ratio_noop_and_floor_beside_their_targets() -> None:
    from bench.report import build_rows

    def run(wall: float) -> dict:
        return {"wall_s": wall, "cpu_s": wall * 1.5, "peak_rss_mb": 400.0, "returncode": 0}

    e2e = {"n_articles": 1000, "n_refresh": 10, "full": run(20.0), "refresh": run(2.0), "noop": run(0.3),
           "floor": {"wall_s": 0.5, "cpu_s": 0.4, "files": 1000, "chars": 10**6}}
    rows = {r[0]: r for r in build_rows(e2e, {})}
    assert rows["`hoptac build`, 1,000 articles"][1] == "20.0 s wall, 30.0 s CPU, peak RSS 400 MiB"
    refresh = rows["refresh: +10 articles (1 %) in new batches"]
    assert "10.0% of the full build" in refresh[1] and refresh[3] == "**miss**"  # 10 % > 5 %
    assert rows["no-op re-run, nothing changed"][3] == "pass"
    assert "40× it" in rows["read+NFC floor: 1,000 files, one process"][1]
