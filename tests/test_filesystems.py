"""DATA_DIR may be any fsspec filesystem: the same build on local disk and in memory gives the same tables."""

from __future__ import annotations

import shutil

import dagster as dg
import pytest
from upath import UPath

from pipeline.runner import run_build
from pipeline.storage import data_dir, read_table
from tests.conftest import SEEDS

SAMPLE = sorted(SEEDS.glob("*.txt"))[:2]


def build(root, monkeypatch):
    monkeypatch.setenv("DATA_DIR", str(root))
    with dg.DagsterInstance.ephemeral() as instance:
        return run_build(instance, data_dir(), log=lambda m: None)


@pytest.fixture
def memory_root():
    root = UPath("memory://hoptac-test")
    for f in SAMPLE:
        (root / "bronze" / "seeds").mkdir(parents=True, exist_ok=True)
        (root / "bronze" / "seeds" / f.name).write_bytes(f.read_bytes())
    yield root
    root.fs.rm(root.path, recursive=True)


def test_memory_and_local_filesystems_build_the_same_tables(memory_root, tmp_path, monkeypatch):
    for f in SAMPLE:
        (tmp_path / "bronze" / "seeds").mkdir(parents=True, exist_ok=True)
        shutil.copy(f, tmp_path / "bronze" / "seeds" / f.name)
    assert build(memory_root, monkeypatch).success
    assert build(tmp_path, monkeypatch).success
    assert (memory_root / "gold" / "datapackage.json").exists()
    assert not (tmp_path / "memory:").exists()
    for name in ("documents", "articles", "meetings", "trade_figures", "meeting_events"):
        mem, local = read_table(memory_root, name), read_table(UPath(tmp_path), name)
        assert len(mem) == len(local) and mem.astype(str).equals(local.astype(str)), name
