"""End to end: materialise every asset in process into a temporary DATA_DIR holding the seeds and bad files."""

from __future__ import annotations

import codecs
import shutil
import unicodedata
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipeline.definitions import defs
from pipeline.storage import read_table
from tests.conftest import SEEDS

ARTICLE = (
    "Quảng Ninh và Quảng Tây hội đàm về hợp tác biên giới\n"
    "Ngày 12/3/2024, Bí thư Tỉnh ủy Quảng Ninh đã có buổi hội đàm với đoàn đại biểu Khu tự trị dân tộc Choang "
    "Quảng Tây (Trung Quốc) tại thành phố Hạ Long. Hai bên thống nhất tăng cường hợp tác thương mại, du lịch "
    "và giao lưu nhân dân trong thời gian tới, đồng thời đẩy nhanh việc nâng cấp các cặp cửa khẩu.\n"
    "Năm 2023, kim ngạch xuất nhập khẩu giữa hai địa phương đạt hơn 3 tỷ USD, tăng 12% so với năm trước.\n"
)


def run_build(data_dir: Path, monkeypatch) -> dg.ExecuteInProcessResult:
    monkeypatch.setenv("DATA_DIR", str(data_dir))
    with dg.DagsterInstance.ephemeral() as instance:
        return defs.resolve_job_def("build_all").execute_in_process(instance=instance, raise_on_error=False)


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
def built(bronze, tmp_path_factory) -> Path:
    mp = pytest.MonkeyPatch()
    try:
        result = run_build(bronze, mp)
    finally:
        mp.undo()
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    checks = result.get_asset_check_evaluations()
    assert checks and all(c.passed for c in checks), [c.check_name for c in checks if not c.passed]
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
    dup = docs.set_index("source_path").loc["copy_of_002.txt"]
    assert dup["duplicate_of"] == "seeds/002_4daef516841b4135.txt"
    assert set(docs["batch"]) == {".", "odd", "seeds"}


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


def test_a_failing_run_leaves_the_last_good_outputs(built, monkeypatch):
    before = {p: p.read_bytes() for p in (built / "gold").glob("*.parquet")}
    import pipeline.defs.assets as assets

    def broken(rows):
        tables, rejected = {"meetings": [], "agreements": [], "trade_figures": []}, []
        tables["meetings"].append({"meeting_id": "bad", "article_id": "x", "kind": "party"})
        return tables, rejected

    monkeypatch.setattr(assets, "build_gold", broken)
    result = run_build(built, monkeypatch)
    assert not result.success
    after = {p: p.read_bytes() for p in (built / "gold").glob("*.parquet")}
    assert after == before


def test_rebuild_is_byte_identical(built, monkeypatch):
    before = {p.name: p.read_bytes() for p in sorted(built.glob("*/*.parquet"))}
    assert run_build(built, monkeypatch).success
    after = {p.name: p.read_bytes() for p in sorted(built.glob("*/*.parquet"))}
    assert after == before
    assert isinstance(read_table(built, "meetings"), pd.DataFrame)
