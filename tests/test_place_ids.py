"""Locality ids: stable, unique, and the unit the article means where a name is ambiguous."""

from __future__ import annotations

import pandas as pd

from pipeline.checks import unresolved_places
from pipeline.extract.place_ids import PlaceContext, add_place_ids
from pipeline.gazetteer import localities_frame, lookup, places_named


def test_every_locality_has_a_unique_stable_id() -> None:
    frame = localities_frame()
    assert frame["locality_id"].is_unique and frame["locality_id"].notna().all()
    assert lookup("Lạng Sơn").locality_id == "VN-20"  # official province code
    assert lookup("Quảng Tây").locality_id == "CN-450000"  # Chinese adcode
    assert lookup("Trung Quốc").locality_id == "CN"  # a country: its ISO code
    assert lookup("Ninh Kiều").locality_id == "VN-92-district-ninh-kieu"  # no code: parent, level, name


def test_an_ambiguous_name_has_every_reading() -> None:
    countries = {p.country for p in places_named("Đông Hưng")}
    assert countries == {"VN", "CN"}


def test_the_article_context_chooses_the_unit() -> None:
    cn = "Đoàn cán bộ thành phố Đông Hưng (Quảng Tây, Trung Quốc) sang thăm Móng Cái."
    vn = "Lãnh đạo huyện Đông Hưng, tỉnh Thái Bình làm việc với sở ngành."
    cn_id = PlaceContext(cn).resolve("Đông Hưng", 0, len(cn))
    vn_id = PlaceContext(vn).resolve("Đông Hưng", 0, len(vn))
    assert cn_id.startswith("CN-") and vn_id.startswith("VN-")
    # a mention outside the row's sentence still decides it
    text = "Huyện Đông Hưng, tỉnh Thái Bình có nhiều doanh nghiệp. Đoàn đã đến thăm."
    assert PlaceContext(text).resolve("Đông Hưng", text.index("Đoàn"), len(text)).startswith("VN-")


def test_rows_get_ids_beside_their_names() -> None:
    body = "Sáng 3/4, lãnh đạo tỉnh Lạng Sơn tiếp đoàn Sùng Tả (Quảng Tây) tại Hà Nội; hai bên ký biên bản."
    tables = {
        "meetings": [{"localities": ["Lạng Sơn", "Sùng Tả"], "location": "Hà Nội",
                      "evidence_start": 0, "evidence_end": len(body)}],
        "agreements": [{"parties": ["Lạng Sơn", "Công ty Bình Minh"], "evidence_start": 0, "evidence_end": len(body)}],
        "trade_figures": [{"locality": "Lạng Sơn", "partner": None, "evidence_start": 0, "evidence_end": len(body)}],
    }
    add_place_ids(body, tables)
    assert tables["meetings"][0]["locality_ids"] == ["VN-20", "CN-451400"]
    assert tables["meetings"][0]["location_id"] == "VN-01"
    assert tables["agreements"][0]["party_ids"] == ["VN-20", None]  # an organisation has no locality id
    assert tables["trade_figures"][0]["locality_id"] == "VN-20"
    assert tables["trade_figures"][0]["partner_id"] is None


def test_the_foreign_key_check_finds_unknown_and_missing_ids() -> None:
    rows = pd.DataFrame({"meeting_id": ["a", "b"], "localities": [["Lạng Sơn"], ["Sùng Tả"]],
                         "locality_ids": [["VN-20"], [None]], "location": [None, "Hà Nội"],
                         "location_id": [None, "VN-999"]})
    bad = unresolved_places("meetings", rows, set(localities_frame()["locality_id"]))
    assert {(b["id"], b["problem"]) for b in bad} == {("b", "no locality id"), ("b", "not in gold/localities")}
