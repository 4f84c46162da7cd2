"""End to end: materialise every asset in process into a temporary DATA_DIR holding the seeds and bad files."""

from __future__ import annotations

import codecs
import shutil
import unicodedata
from pathlib import Path

import dagster as dg
import pytest

from pipeline.definitions import defs
from pipeline.runner import BuildResult, run_build
from pipeline.storage import read_table
from tests.conftest import SEEDS

ARTICLE = (
    "Quảng Ninh và Quảng Tây hội đàm về hợp tác biên giới\n"
    "Ngày 12/3/2024, Bí thư Tỉnh ủy Quảng Ninh đã có buổi hội đàm với đoàn đại biểu Khu tự trị dân tộc Choang "
    "Quảng Tây (Trung Quốc) tại thành phố Hạ Long. Hai bên thống nhất tăng cường hợp tác thương mại, du lịch "
    "và giao lưu nhân dân trong thời gian tới, đồng thời đẩy nhanh việc nâng cấp các cặp cửa khẩu.\n"
    "Năm 2023, kim ngạch xuất nhập khẩu giữa hai địa phương đạt hơn 3 tỷ USD, tăng 12% so với năm trước.\n"
)


def build(root: Path, instance: dg.DagsterInstance, monkeypatch, force: bool = False) -> BuildResult:
    monkeypatch.setenv("DATA_DIR", str(root))
    return run_build(instance, root, force=force, log=lambda m: None)


def outputs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted([*root.glob("silver/**/*.parquet"), *root.glob("gold/**/*.parquet"), *root.glob("gold/*.json")])}


@pytest.fixture(scope="module")
def bronze(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("data")
    b = root / "bronze"
    shutil.copytree(SEEDS, b / "seeds")
    odd = b / "odd"
    odd.mkdir()
    (odd / "empty.txt").write_bytes(b"")
    (odd / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (odd / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + ARTICLE.replace("\n", "\r\n").encode("utf-16-le"))
    (odd / "nfd.txt").write_bytes(unicodedata.normalize("NFD", ARTICLE.replace("2024", "2021")).encode("utf-8"))
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    cp = "".join(unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", ch) if c not in tones))
                 + "".join(c for c in unicodedata.normalize("NFD", ch) if c in tones) for ch in ARTICLE.replace("2024", "2022"))
    (odd / "windows1258.txt").write_bytes(cp.encode("cp1258"))
    shutil.copy(SEEDS / "002_4daef516841b4135.txt", b / "copy_of_002.txt")
    return root


@pytest.fixture(scope="module")
def instance():
    with dg.DagsterInstance.ephemeral() as inst:
        yield inst


@pytest.fixture(scope="module")
def built(bronze, instance) -> Path:
    mp = pytest.MonkeyPatch()
    try:
        result = build(bronze, instance, mp)
    finally:
        mp.undo()
    assert result.success, result.failures
    assert result.built == ["_root", "odd", "seeds"] and result.published
    return bronze


def test_every_bronze_file_is_accounted_for(built):
    docs = read_table(built, "documents")
    n_files = sum(1 for _ in (built / "bronze").rglob("*.txt"))
    assert len(docs) == n_files == 11
    counts = docs["status"].value_counts()
    articles, rejected = read_table(built, "articles"), read_table(built, "rejected")
    assert counts["article"] == len(articles) == 8
    assert counts["duplicate"] == 1
    assert counts["rejected"] == len(rejected) == 2
    assert counts.sum() == n_files
    dup = docs[docs["status"] == "duplicate"].iloc[0]
    assert {dup["source_path"], dup["duplicate_of"]} == {"copy_of_002.txt", "seeds/002_4daef516841b4135.txt"}
    assert set(docs["batch"]) == {"_root", "odd", "seeds"}


def test_rejections_carry_clear_reasons(built):
    rejected = read_table(built, "rejected").set_index("source_path")
    assert rejected.loc["odd/empty.txt", "reason"] == "empty file"
    assert "PNG image" in rejected.loc["odd/picture.txt", "reason"]
    assert set(rejected["stage"]) == {"decode"}


def test_encodings_are_recorded_and_text_is_nfc(built):
    articles = read_table(built, "articles").set_index("source_path")
    assert articles.loc["odd/utf16.txt", "encoding"] == "utf-16-le"
    assert articles.loc["odd/windows1258.txt", "encoding"] == "windows-1258"
    assert articles.loc["odd/nfd.txt", "encoding"] == "utf-8"
    for body in articles["body"]:
        assert unicodedata.is_normalized("NFC", body) and "\r" not in body
    assert "Bí thư Tỉnh ủy Quảng Ninh" in articles.loc["odd/windows1258.txt", "body"]
    assert (articles["n_chars"] == articles["body"].str.len()).all()


def test_gold_tables_are_published_and_traceable(built):
    bodies = read_table(built, "articles").set_index("article_id")["body"]
    for name in ("meetings", "agreements", "trade_figures"):
        df = read_table(built, name)
        assert len(df) > 0, name
        for r in df.itertuples():
            assert bodies[r.article_id][r.evidence_start:r.evidence_end] == r.evidence
    assert len(read_table(built, "localities")) > 100


def test_the_data_package_validates(built):
    from frictionless import validate

    report = validate(built / "gold" / "datapackage.json")
    assert report.valid, report.flatten(["type", "message"])[:5]
    assert (built / "gold" / "README.md").read_text(encoding="utf-8").count("## ") >= 4


def test_the_package_declares_place_foreign_keys_and_frictionless_checks_them(built, tmp_path):
    import hashlib
    import json
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq
    from frictionless import validate

    gold = tmp_path / "gold"
    shutil.copytree(built / "gold", gold, ignore=shutil.ignore_patterns("_batches"))
    table = pq.read_table(gold / "meetings.parquet")
    ids = table.column("location_id").to_pylist()
    ids[next(i for i, v in enumerate(ids) if v)] = "VN-nowhere"  # an id the gazetteer does not have
    pq.write_table(table.set_column(table.schema.get_field_index("location_id"), "location_id",
                                    pa.array(ids, pa.string())), gold / "meetings.parquet")
    package = json.loads((gold / "datapackage.json").read_text(encoding="utf-8"))
    for r in package["resources"]:
        if r["name"] == "meetings":
            raw = (gold / "meetings.parquet").read_bytes()
            r["hash"], r["bytes"] = f"sha256:{hashlib.sha256(raw).hexdigest()}", len(raw)  # only the key is wrong
            assert {"fields": "location_id", "reference": {"resource": "localities", "fields": "locality_id"}} in r[
                "schema"]["foreignKeys"]
    (gold / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = validate(gold / "datapackage.json")
    assert not report.valid and {e[0] for e in report.flatten(["type"])} == {"foreign-key"}


def test_rebuild_with_nothing_new_recomputes_nothing(built, instance, monkeypatch):
    before = outputs(built)
    result = build(built, instance, monkeypatch)
    assert result.success and result.built == [] and not result.published
    assert outputs(built) == before


def test_a_failing_run_leaves_the_last_good_outputs(built, instance, monkeypatch):
    before = {k: v for k, v in outputs(built).items() if k.startswith("gold/") and "/_batches/" not in k}
    import pipeline.build

    def broken(rows):
        bad = {"meeting_id": "bad", "article_id": "x", "kind": "party"}
        return {"meetings": [bad], "agreements": [], "trade_figures": []}, []

    monkeypatch.setattr(pipeline.build, "build_gold", broken)
    result = build(built, instance, monkeypatch, force=True)
    assert not result.success and not result.published
    after = {k: v for k, v in outputs(built).items() if k in before}
    assert after == before


def test_a_new_batch_folder_is_picked_up_by_the_sensor_alone(built, instance, monkeypatch):
    from pipeline.defs.jobs import new_batches
    from pipeline.defs.resources import DataRoot

    monkeypatch.setenv("DATA_DIR", str(built))
    assert build(built, instance, monkeypatch, force=True).success  # back to a good state after the failing run
    (built / "bronze" / "new").mkdir()
    (built / "bronze" / "new" / "a.txt").write_text(ARTICLE.replace("2024", "2020"), encoding="utf-8")
    context = dg.build_sensor_context(instance=instance, resources={"data_root": DataRoot()}, definitions=defs)
    result = new_batches(context)
    assert [r.partition_key for r in result.run_requests] == ["new"]
    assert build(built, instance, monkeypatch).built == ["new"]
    docs = read_table(built, "documents")
    assert "new/a.txt" in set(docs["source_path"])


def test_touched_files_are_not_rebuilt_but_changed_ones_are(built, instance, monkeypatch):
    import os

    assert build(built, instance, monkeypatch).built == []
    target = built / "bronze" / "odd" / "nfd.txt"
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))  # new modification time, same bytes
    assert build(built, instance, monkeypatch).built == []
    target.write_bytes(target.read_bytes() + "\nMột dòng mới.\n".encode())
    assert build(built, instance, monkeypatch).built == ["odd"]
