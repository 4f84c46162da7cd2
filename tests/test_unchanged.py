"""The no-op check from file stats, pandera without Dask, and charts kept for unchanged tables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline import unchanged

ROOT = Path(__file__).resolve().parents[1]


def _root(tmp_path: Path) -> tuple[Path, Path]:
    root, home = tmp_path / "data", tmp_path / "home"
    (root / "bronze" / "b1").mkdir(parents=True)
    (root / "bronze" / "b1" / "a.txt").write_text("Tỉnh Lạng Sơn tiếp đoàn khách.\n", encoding="utf-8")
    (root / "gold").mkdir()
    (root / "gold" / "datapackage.json").write_text("{}", encoding="utf-8")
    home.mkdir()
    return root, home


def test_a_recorded_root_is_unchanged_until_any_file_is_touched(tmp_path):
    root, home = _root(tmp_path)
    assert unchanged.recorded_summary(root, home) is None  # nothing recorded yet
    unchanged.record(root, home, ["  documents read 1"])
    assert unchanged.recorded_summary(root, home) == ["  documents read 1"]
    (root / ".hoptac.lock").write_text("{}")  # the lock file is not data
    assert unchanged.recorded_summary(root, home) == ["  documents read 1"]

    target = root / "bronze" / "b1" / "a.txt"
    st = target.stat()
    target.write_text("Tỉnh Cao Bằng tiếp đoàn khách.\n", encoding="utf-8")  # same size, same mtime
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert unchanged.recorded_summary(root, home) is None  # the change time still shows


def test_debris_and_new_batches_are_changes(tmp_path):
    root, home = _root(tmp_path)
    unchanged.record(root, home, [])
    (root / "gold" / ".meetings.parquet.x1y2").write_bytes(b"half")
    assert unchanged.recorded_summary(root, home) is None
    (root / "gold" / ".meetings.parquet.x1y2").unlink()
    assert unchanged.recorded_summary(root, home) == []
    (root / "bronze" / "b2").mkdir()
    (root / "bronze" / "b2" / "c.txt").write_text("Hai bên ký kết biên bản ghi nhớ.\n", encoding="utf-8")
    assert unchanged.recorded_summary(root, home) is None


def test_models_are_built_without_importing_dask():
    code = ("import sys\nfrom schemas.registry import TABLES\n"
            "[t.schema for t in TABLES.values()]\nTABLES['meetings'].validate(TABLES['meetings'].empty())\n"
            "print('dask.dataframe' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_charts_are_drawn_again_only_when_the_file_changes(tmp_path, monkeypatch):
    from pipeline.defs.previews import cached_charts, charts
    from schemas.registry import TABLES

    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    path = tmp_path / "meetings.parquet"
    path.write_bytes(b"first version")
    df = TABLES["meetings"].empty()
    assert cached_charts("meetings", path) is None
    first = charts("meetings", df, path)
    assert set(cached_charts("meetings", path)) == set(first)
    path.write_bytes(b"second version")
    assert cached_charts("meetings", path) is None


def test_a_staged_table_written_with_the_published_schema_is_not_validated_again(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.defs.checks import written_as_published
    from pipeline.storage import write_table
    from schemas.registry import TABLES

    table = TABLES["localities"]
    stage = tmp_path / "gold" / ".publish-run1"
    stage.mkdir(parents=True)
    path = write_table(tmp_path, "localities", table.empty(), stage=stage)
    assert path.parent == stage and written_as_published(table, path) == 0

    other = stage / "other.parquet"  # another schema: validated row by row
    pq.write_table(pa.table({"locality_id": ["VN-01"]}), other)
    assert written_as_published(table, other) is None
    published = tmp_path / "gold" / "localities.parquet"  # not staged by this run
    published.write_bytes(path.read_bytes())
    assert written_as_published(table, published) is None


def test_one_walk_gives_every_batch_its_stat_signature_and_stands_for_bronze_after_the_build(tmp_path):
    from pipeline.bronze import list_batches, stat_signature

    root, home = _root(tmp_path)
    bronze = root / "bronze"
    (bronze / "_Hà Nội" / "tháng 5").mkdir(parents=True)
    (bronze / "_Hà Nội" / "tháng 5" / "b.txt").write_text("Đoàn Quảng Tây thăm Hà Nội.\n", encoding="utf-8")
    (bronze / "c.txt").write_text("Tin ngắn.\n", encoding="utf-8")  # the root batch
    (bronze / "b2").mkdir()
    (bronze / "b2" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # an entry whose stat fails
    snap = unchanged.snapshot(root, home)
    walked = snap.batches()
    assert sorted(walked) == list_batches(bronze) == ["__Hà Nội", "_root", "b1", "b2"]
    for batch in walked:
        assert stat_signature(bronze, batch, "v1", walked[batch]) == stat_signature(bronze, batch, "v1")
    (root / "gold" / "meetings.parquet").write_bytes(b"PAR1")  # what a build writes
    assert snap.after_build().signature() == unchanged.signature(root, home)
    (bronze / "b1" / "late.txt").write_text("Đến muộn.\n", encoding="utf-8")  # lands during the build
    after = snap.after_build().signature()
    assert after != unchanged.signature(root, home)  # so the next build looks again and builds it
