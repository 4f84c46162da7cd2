"""Compiled lexicons kept on disk (`pipeline.compiled`): built once per code version, the same matches
when loaded, and a damaged file is built again, never trusted."""

from __future__ import annotations

import subprocess
import sys

from pipeline.compiled import CACHE, cached
from tests.conftest import ROOT

TEXT = "Đoàn công tác tỉnh Cao Bằng sang thăm thành phố Bách Sắc (Quảng Tây) và thủ đô Viêng Chăn."


def test_a_value_is_built_once_and_a_damaged_copy_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"built": len(calls)}

    assert cached("thing", build) == {"built": 1}
    assert cached("thing", build) == {"built": 1} and len(calls) == 1  # read back, not built
    [kept] = (tmp_path / CACHE).glob("thing-*.pickle")
    kept.write_bytes(b"\x80\x05 half a pickle")
    assert cached("thing", build) == {"built": 2}


def test_without_a_dagster_home_nothing_is_kept(monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    assert cached("thing", lambda: 3) == 3


def test_the_gazetteer_loaded_from_disk_matches_as_when_compiled(tmp_path):
    code = ("from pipeline.gazetteer import find_places\n"
            f"print([(m.start, m.end, m.place.locality_id) for m in find_places({TEXT!r})])")
    env = {"DAGSTER_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=300, check=True).stdout for _ in range(2)]
    assert list((tmp_path / CACHE).glob("gazetteer-*.pickle"))
    assert runs[0] == runs[1] and "CN-45" in runs[0]
