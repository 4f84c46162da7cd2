"""Shared fixtures: the seed pages, the VNTC sample (read from ../shared, never shipped)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "bronze" / "seeds"
SHARED = ROOT.parent / "shared"
VNTC = SHARED / "corpus" / "vntc" / "vntc-sample.jsonl.gz"
GOLD = SHARED / "eval" / "dev"

# builds run by tests return once the Dagster instance holds them (tests look at it right after);
# the default, recording in the background, is tested in `test_recorder`
os.environ.setdefault("HOPTAC_WAIT_FOR_INSTANCE", "1")


def vntc_articles(n: int | None = None, start: int = 0) -> list[dict]:
    """Articles of the VNTC sample, in file order (`start`, then `n` of them)."""
    if not VNTC.exists():
        pytest.skip(f"VNTC sample not found at {VNTC}")
    out = []
    with gzip.open(VNTC, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i < start:
                continue
            if n is not None and len(out) >= n:
                break
            out.append(json.loads(line))
    return out


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
