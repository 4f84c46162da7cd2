"""Faults an operator meets (issue 11), each against real `hoptac build` subprocesses: kills and a full
disk at named points (`pipeline.faults`), bronze changes, hostile batch names and files, a second
build at once, debris. After every fault the next build's outputs are byte-identical to a clean build
of the same bronze."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from pipeline.runner import run_build
from pipeline.storage import data_dir, read_table
from tests.conftest import ROOT

# Short articles written for these tests (one meeting and one figure each), in the style of the corpus.
ARTICLE = (
    "{place} và Quảng Tây tăng cường hợp tác\n"
    "Ngày {day}/5/2023, Chủ tịch UBND tỉnh {place} đã hội đàm với đoàn công tác của Khu tự trị dân tộc "
    "Choang Quảng Tây (Trung Quốc) tại thành phố {city}. Hai bên nhất trí đẩy mạnh giao thương qua các "
    "cửa khẩu và phối hợp quản lý biên giới trong thời gian tới.\n"
    "Năm 2022, kim ngạch xuất nhập khẩu giữa hai địa phương đạt {value} triệu USD, tăng {growth}% so với năm trước.\n"
)
PLACES = [("Lạng Sơn", "Lạng Sơn"), ("Cao Bằng", "Cao Bằng"), ("Hà Giang", "Hà Giang"), ("Quảng Ninh", "Hạ Long")]


def article(i: int) -> bytes:
    place, city = PLACES[i % len(PLACES)]
    return ARTICLE.format(place=place, city=city, day=1 + i % 27, value=100 + 7 * i, growth=3 + i % 20).encode()


def write(path: Path, raw: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return path


def hoptac(data: Path, *args: str, fault: str | None = None, home: Path | None = None,
           wait: bool = True) -> subprocess.CompletedProcess | subprocess.Popen:
    """`hoptac build` on ``data`` in a subprocess (its own DAGSTER_HOME), optionally with a fault."""
    env = {**os.environ, "DATA_DIR": str(data), "DAGSTER_HOME": str(home or data.parent / "home"),
           "HOPTAC_LOG_LEVEL": "WARNING"}
    env.pop("HOPTAC_FAULT", None)
    if fault:
        env["HOPTAC_FAULT"] = fault
    cmd = [sys.executable, "-m", "pipeline.cli", "build", *args]
    if not wait:
        return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: os.umask(0o022))
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                          preexec_fn=lambda: os.umask(0o022))


def ok(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    return proc.stdout


def outputs(data: Path) -> dict[str, bytes]:
    """Every file under silver/ and gold/ (hidden ones included: debris would show)."""
    return {p.relative_to(data).as_posix(): p.read_bytes()
            for layer in ("silver", "gold") for p in sorted((data / layer).rglob("*")) if p.is_file()}


def clean_build(data: Path, tmp_path: Path) -> dict[str, bytes]:
    """The outputs of a clean build of ``data``'s bronze (in process, fresh data root and instance)."""
    fresh = tmp_path / f"clean{len(list(tmp_path.glob('clean*')))}"
    shutil.copytree(data / "bronze", fresh / "bronze", symlinks=True)
    before = os.environ.get("DATA_DIR")
    with dg.DagsterInstance.ephemeral() as instance:
        try:
            result = run_build(instance, data_dir(str(fresh)), log=lambda m: None)
        finally:  # run_build points DATA_DIR at its root for the Dagster resources
            os.environ.pop("DATA_DIR", None) if before is None else os.environ.update(DATA_DIR=before)
    assert result.success, result.failures
    return outputs(fresh)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Two batches (b2 holds a copy of a b1 file), built once; each test works on its own copy."""
    d = tmp_path_factory.mktemp("built") / "data"
    for i in range(3):
        write(d / "bronze" / "b1" / f"a{i}.txt", article(i))
    write(d / "bronze" / "b2" / "b0.txt", article(10))
    write(d / "bronze" / "b2" / "copy.txt", article(1))
    ok(hoptac(d))
    return d


@pytest.fixture
def data(built: Path, tmp_path: Path) -> Path:
    """A copy of the built data root and its Dagster instance."""
    shutil.copytree(built.parent / "home", tmp_path / "home")
    shutil.copytree(built, tmp_path / "data", symlinks=True)
    return tmp_path / "data"


def test_failed_or_killed_publication_is_redone_and_never_mixed(data, tmp_path):
    old = outputs(data)
    write(data / "bronze" / "b2" / "b1.txt", article(11))

    killed = hoptac(data, fault="batches-built")  # batches recorded as built, nothing published
    assert killed.returncode == -9
    assert {k: v for k, v in outputs(data).items() if not k.startswith("silver") and "_batches" not in k} == \
        {k: v for k, v in old.items() if not k.startswith("silver") and "_batches" not in k}

    full = hoptac(data, fault="write:trade_figures.parquet=enospc")  # gold/ full while staging one table
    assert full.returncode == 1 and "No space left on device" in full.stderr + full.stdout
    gold = {k: v for k, v in outputs(data).items() if k.startswith("gold/") and "_batches" not in k}
    assert gold == {k: v for k, v in old.items() if k.startswith("gold/") and "_batches" not in k}  # none replaced

    assert hoptac(data, fault="publish-swap").returncode == -9  # killed between two renames of the swap
    assert "publishing" in ok(hoptac(data))  # decided from the package: it disagrees with the files
    assert outputs(data) == clean_build(data, tmp_path)
    assert "nothing changed" in ok(hoptac(data))


def test_a_no_op_build_is_decided_before_dagster_or_pandas_are_imported(data, tmp_path):
    ok(hoptac(data))  # a copy of the data root: its files' inodes differ, so the full path runs once
    code = ("import sys\nfrom pipeline.cli import main\nstatus = main(['build'])\n"
            "print(status, sorted(m for m in ('dagster', 'pandas', 'pyarrow') if m in sys.modules))")
    env = {**os.environ, "DATA_DIR": str(data), "DAGSTER_HOME": str(data.parent / "home")}
    before = outputs(data)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert "nothing changed" in out.stdout and out.stdout.strip().endswith("0 []"), out.stdout + out.stderr
    assert "documents read 5 in 2 batches" in out.stdout  # the recorded summary
    assert outputs(data) == before

    write(data / "bronze" / "b2" / "new.txt", article(21))  # any change takes the full path again
    assert "publishing" in ok(hoptac(data))
    assert outputs(data) == clean_build(data, tmp_path)


def test_bronze_is_the_truth_after_deletes_duplicates_and_silent_edits(data, tmp_path):
    docs = read_table(data, "documents").set_index("source_path")
    assert docs.loc["b2/copy.txt", "duplicate_of"] == "b1/a1.txt"

    (data / "bronze" / "b1" / "a1.txt").unlink()  # the kept copy goes: the other copy is the article now
    ok(hoptac(data))
    docs = read_table(data, "documents").set_index("source_path")
    assert docs.loc["b2/copy.txt", "status"] == "article"
    assert outputs(data) == clean_build(data, tmp_path)

    target = data / "bronze" / "b1" / "a2.txt"  # same size, same mtime, other bytes
    st = target.stat()
    raw = target.read_bytes()
    target.write_bytes(raw.replace(b"2022", b"2021"))
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert target.stat().st_size == st.st_size
    ok(hoptac(data))
    docs = read_table(data, "documents").set_index("source_path")
    assert docs.loc["b1/a2.txt", "sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()

    shutil.rmtree(data / "bronze" / "b2")  # a batch removed: its rows leave silver and gold
    out = ok(hoptac(data))
    assert "b2 is gone" in out
    assert set(read_table(data, "documents")["batch"]) == {"b1"}
    assert outputs(data) == clean_build(data, tmp_path)


def test_any_batch_name_builds_and_reads_back(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    data = tmp_path / "data"
    names = ["tháng 9", "a b", "a-b", "x=y", "a%20b", "_root"]
    for i, name in enumerate(names):
        write(data / "bronze" / name / "t.txt", article(i))
    write(data / "bronze" / "root.txt", article(9))
    ok(hoptac(data))
    keys = {"tháng 9", "a b", "a-b", "x=y", "a%20b", "__root", "_root"}
    docs = read_table(data, "documents")
    assert set(docs["batch"]) == keys and len(docs) == 7 and set(docs["status"]) == {"article"}
    import pyarrow.dataset as ds

    assert set(ds.dataset(data / "silver/documents", partitioning="hive").to_table()["batch"].to_pylist()) == keys
    rows = duckdb.sql(f"select batch from read_parquet('{data}/silver/articles/**/*.parquet', hive_partitioning=true)")
    assert {r[0] for r in rows.fetchall()} == keys
    env = {**os.environ, "DATA_DIR": str(data)}
    loaded = subprocess.run([sys.executable, "-c", "from pipeline.definitions import defs; "
                             "print(len(defs.resolve_job_def('build_batches_dask').graph.node_defs))"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0, loaded.stderr[-2000:]


def test_a_bad_file_is_one_row_never_a_failed_batch(tmp_path):
    data = tmp_path / "data"
    bronze = data / "bronze"
    for i, batch in enumerate(("good", "bad", "more")):
        write(bronze / batch / "ok.txt", article(i))
    bad = bronze / "bad"
    (bad / "dangling.txt").symlink_to(bad / "nowhere.txt")
    (bad / "loop.txt").symlink_to(bad / "loop.txt")
    write(tmp_path / "outside.txt", article(20))
    (bad / "outside.txt").symlink_to(tmp_path / "outside.txt")
    os.mkfifo(bad / "pipe.txt")
    write(bad / "notes.md", b"# notes")
    write(bad / "page.html", b"<html></html>")
    write(bad / "NOEXT", article(21))
    write(bad / "UPPER.TXT", article(22))
    text = article(23).decode()
    write(bad / "utf16.txt", text.encode("utf-16-le"))
    write(bad / "late_nul.txt", article(24) * 60 + b"\x00" + article(24))
    write(bad / "mojibake.txt", text.encode("utf-8").decode("latin-1").encode("utf-8"))
    write(bad / "raw.txt", ("<!DOCTYPE html><html><head><style>p{}</style><script>var x=1;</script></head>"
                            f"<body><div><p>{text}</p></div></body></html>").encode())
    ok(hoptac(data))
    docs = read_table(data, "documents").set_index("source_path")
    reasons = read_table(data, "rejected").set_index("source_path")["reason"]
    status = docs["status"].to_dict()
    assert status["bad/ok.txt"] == status["good/ok.txt"] == status["more/ok.txt"] == "article"
    expected = {"bad/dangling.txt": ("rejected", "dangling"), "bad/loop.txt": ("rejected", "loop"),
                "bad/outside.txt": ("rejected", "outside bronze"), "bad/pipe.txt": ("rejected", "regular file"),
                "bad/notes.md": ("ignored", ".txt"), "bad/page.html": ("ignored", ".txt"),
                "bad/NOEXT": ("ignored", ".txt"), "bad/late_nul.txt": ("rejected", "NUL"),
                "bad/raw.txt": ("rejected", "HTML")}
    for path, (want, why) in expected.items():
        assert status[path] == want and why in reasons[path], (path, status[path], reasons.get(path))
    articles = read_table(data, "articles").set_index("source_path")
    assert articles.loc["bad/utf16.txt", "encoding"] == "utf-16-le"
    assert articles.loc["bad/UPPER.TXT", "encoding"] == "utf-8"
    assert "Quảng Tây" in articles.loc["bad/mojibake.txt", "body"]
    assert len(docs) == sum(1 for p in bronze.rglob("*") if p.is_symlink() or not p.is_dir())


def test_one_build_at_a_time_and_debris_is_cleared(data, tmp_path):
    from pipeline.lock import LOCK_NAME, build_lock

    part = next((data / "silver" / "articles").glob("batch=b1"))
    (part / ".part-0.parquet.k1ll3d").write_bytes(b"half a file")
    (data / "gold" / ".publish-deadbeef").mkdir()
    (data / "gold" / ".publish-deadbeef" / "meetings.parquet").write_bytes(b"half")
    with build_lock(data_dir(str(data))):
        second = hoptac(data)
    assert second.returncode == 75 and f"another build holds {data / LOCK_NAME}" in second.stderr
    assert f"pid {os.getpid()}" in second.stderr

    (data / LOCK_NAME).write_text(json.dumps({"pid": 999999, "host": "gone", "started": "2020-01-01T00:00:00"}))
    write(data / "bronze" / "b3" / "c.txt", article(30))
    runs = [hoptac(data, "--wait", "300", wait=False) for _ in range(2)]  # two at once on one instance
    results = [p.communicate(timeout=600) + (p.returncode,) for p in runs]
    assert [rc for *_, rc in results] == [0, 0], results
    assert any("taking over the lock" in out for out, *_ in results)
    assert not list(data.rglob(".part-0.parquet.*")) and not list((data / "gold").glob(".publish-*"))
    assert outputs(data) == clean_build(data, tmp_path)


def test_published_files_are_readable_and_the_package_is_verified(data):
    from frictionless import validate

    for path in [*(data / "gold").glob("*.parquet"), *(data / "silver").rglob("*.parquet"), data / "gold" / "datapackage.json"]:
        assert path.stat().st_mode & 0o777 == 0o644, path
    package = json.loads((data / "gold" / "datapackage.json").read_text())
    names = {r["name"] for r in package["resources"]}
    assert {"meetings", "agreements", "trade_figures", "extraction_rejected", "localities"} <= names
    assert all(r["hash"].startswith("sha256:") and r["bytes"] > 0 for r in package["resources"])
    assert validate(data / "gold" / "datapackage.json").valid
    shutil.copy(data / "gold" / "meetings.parquet", data / "gold" / "agreement_events.parquet")  # a tampered file
    errors = {e[0] for e in validate(data / "gold" / "datapackage.json").flatten(["type"])}
    assert "hash-count" in errors


def test_extraction_over_its_time_budget_is_rejected_as_timeout(monkeypatch):
    import time

    import pipeline.build as build

    def stuck(doc):
        while True:
            time.sleep(0.01)

    monkeypatch.setenv("HOPTAC_DOCUMENT_BUDGET_S", "0.2")
    monkeypatch.setattr("pipeline.extract.extract_article", stuck)
    row = {"article_id": "0" * 16, "source_path": "b/slow.txt", "body": "Nội dung.", "title": None,
           "published_at": None, "reference_year": None}
    started = time.perf_counter()
    tables, rejected = build.build_gold([row])
    assert time.perf_counter() - started < 5
    assert all(not rows for rows in tables.values())
    assert rejected[0]["stage"] == "extract" and rejected[0]["reason"].startswith("timeout")


def test_decoding_tells_utf16_without_bom_from_binary_and_repairs_mojibake():
    from pipeline.bronze import RejectedDocument, decode

    text = "Đoàn công tác tỉnh Điện Biên thăm và làm việc tại Vân Nam, Trung Quốc."
    assert decode(text.encode("utf-16-be")).encoding == "utf-16-be"
    assert decode(text.encode("utf-8").decode("latin-1").encode("utf-8")).text == text
    with pytest.raises(RejectedDocument, match="NUL"):
        decode(text.encode() * 300 + b"\x00")
    with pytest.raises(RejectedDocument, match="HTML"):
        decode(f"<html><body><div><p>{text}</p></div></body></html>".encode())
    assert decode(codecs.BOM_UTF8 + text.encode()).text == text


def test_an_unreadable_file_is_rejected_with_its_reason(tmp_path, monkeypatch):
    import builtins

    import pipeline.bronze as bronze

    write(tmp_path / "b" / "fine.txt", article(1))
    write(tmp_path / "b" / "locked.txt", article(2))

    def guarded(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(bronze, "open", guarded, raising=False)
    files = {f.source_path: f for f in bronze.scan(tmp_path)}
    assert files["b/fine.txt"].sha256 and files["b/fine.txt"].problem is None
    locked = files["b/locked.txt"]
    assert (locked.status, locked.problem, locked.sha256) == ("rejected", "unreadable: Permission denied", None)


def test_ui_batch_runs_in_any_order_agree_with_the_first_copy_rule(tmp_path, monkeypatch):
    from pipeline.definitions import defs
    from pipeline.defs.partitions import register_batches, stale_batches

    data = tmp_path / "data"
    write(data / "bronze" / "a" / "one.txt", article(3))
    write(data / "bronze" / "z" / "again.txt", article(3))
    monkeypatch.setenv("DATA_DIR", str(data))
    root = data_dir(str(data))
    with dg.DagsterInstance.ephemeral() as instance:
        register_batches(instance, root)
        for batch in ("z", "a"):  # the later batch first: it still defers to the first copy
            assert defs.resolve_job_def("build_batch").execute_in_process(instance=instance, partition_key=batch).success
        assert stale_batches(instance, root) == []
        assert defs.resolve_job_def("publish").execute_in_process(instance=instance).success
    docs = read_table(root, "documents").set_index("source_path")
    assert docs.loc["z/again.txt", "duplicate_of"] == "a/one.txt" and docs.loc["a/one.txt", "status"] == "article"
    assert not list((data / "gold").glob(".publish-*"))
