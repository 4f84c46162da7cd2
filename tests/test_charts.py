"""Charts and previews of the published tables: real PNG images on a continuous monthly axis, typed previews."""

from __future__ import annotations

import base64
import datetime as dt

import dagster as dg
import pandas as pd

from pipeline.charts import category_counts, monthly_counts, table_charts
from pipeline.defs.previews import cell, preview
from pipeline.defs.runless import bronze_stats
from schemas.registry import TABLES

PNG = b"\x89PNG\r\n\x1a\n"


IDS = {"Hà Giang": "VN-02", "Vân Nam": "CN-530000"}


def meetings() -> pd.DataFrame:
    rows = [
        {"meeting_id": f"{i:016x}", "article_id": "a" * 16, "date": d, "date_precision": p, "mode": "in_person",
         "kind": k, "location": loc, "participants": people, "localities": locs,
         "locality_ids": [IDS[n] for n in locs], "location_id": IDS.get(loc),
         "evidence": "Hai bên hội đàm.", "evidence_start": 0, "evidence_end": 16}
        for i, (d, p, k, loc, people, locs) in enumerate([
            (dt.date(2022, 1, 5), "day", "talks", "Hà Giang", [{"name": "Trần Văn A", "title": "Chủ tịch", "side": "VN"}],
             ["Hà Giang", "Vân Nam"]),
            (dt.date(2022, 4, 1), "month", "reception", None, [], ["Hà Giang"]),
            (None, "unknown", "visit", None, [{"name": "Lý Minh", "title": None, "side": None}], []),
        ])
    ]
    return TABLES["meetings"].validate(pd.DataFrame(rows))


def images(markdown: str) -> list[bytes]:
    return [base64.b64decode(part.split(")")[0]) for part in markdown.split("data:image/png;base64,")[1:]]


def test_monthly_counts_keep_the_empty_months_between():
    table = monthly_counts(pd.Series([dt.date(2022, 1, 5), dt.date(2022, 4, 1), None]),
                           pd.Series(["talks", "reception", "visit"]))
    assert [str(p) for p in table.index] == ["2022-01", "2022-02", "2022-03", "2022-04"]
    assert table.loc[pd.Period("2022-02", "M")].sum() == 0 and table.to_numpy().sum() == 2


def test_category_counts_rank_labels_and_split_them_by_group():
    table = category_counts(pd.Series(["Lạng Sơn", "Cao Bằng", "Lạng Sơn"]), pd.Series(["talks", "visit", "visit"]))
    assert list(table.index) == ["Lạng Sơn", "Cao Bằng"]
    assert table.loc["Lạng Sơn"].to_dict() == {"visit": 1, "talks": 1}


def test_meeting_charts_are_png_images():
    charts = table_charts("meetings", meetings())
    assert set(charts) == {"chart: meetings per month", "chart: meetings by locality"}
    for text in charts.values():
        (png,) = images(text)
        assert png.startswith(PNG) and len(png) > 1000


def test_every_chart_survives_an_empty_table():
    for name in ("meetings", "agreements", "trade_figures", "meeting_events", "agreement_events"):
        charts = table_charts(name, TABLES[name].empty())
        assert charts and all("_no" in text and "base64" not in text for text in charts.values()), name
    assert table_charts("localities", TABLES["localities"].empty()) == {}


def test_the_preview_is_typed_with_nulls_empty_and_people_readable():
    value = preview("meetings", meetings())
    types = {c.name: c.type for c in value.schema.columns}
    assert types["date"] == "date" and types["evidence_start"] == "int" and types["kind"] == "string"
    first, second, third = (r.data for r in value.records)
    assert first["participants"] == "Trần Văn A (Chủ tịch, VN)" and first["localities"] == "Hà Giang; Vân Nam"
    assert first["date"] == "2022-01-05" and first["evidence_start"] == 0
    assert second["location"] is None and second["participants"] == ""
    assert third["date"] is None and third["participants"] == "Lý Minh"


def test_preview_cells():
    assert cell(float("nan"), "float") is None and cell(pd.NA, "int") is None
    assert cell("x" * 500, "string").endswith("…") and len(cell("x" * 500, "string")) == 120
    assert isinstance(preview("trade_figures", TABLES["trade_figures"].empty()), dg.TableMetadataValue)


def test_bronze_stats_count_files_and_bytes_per_batch(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_bytes(b"abc")
    (tmp_path / "a" / "y.txt").write_bytes(b"de")
    (tmp_path / "loose.txt").write_bytes(b"f")
    (tmp_path / "a" / "skip.html").write_bytes(b"ignored")
    stats = bronze_stats(tmp_path).set_index("batch")
    assert stats.to_dict("index") == {"_root": {"files": 1, "bytes": 1}, "a": {"files": 2, "bytes": 5}}
    assert bronze_stats(tmp_path / "missing").empty


def test_colours_follow_frequency_and_are_shared_by_a_tables_charts():
    from pipeline.charts import colours

    assert colours(pd.Series(["visit", "talks", "talks"])) == {"talks": "C0", "visit": "C1"}
