"""extract_figures on seed sentences and VNTC-style sentences: tidy rows with exact values."""

from datetime import date

import pytest

from pipeline.extract import ArticleText
from pipeline.extract.figures import extract_figures

try:
    from pipeline.gazetteer import find_places  # noqa: F401
    HAVE_GAZ = True
except ImportError:  # pragma: no cover
    HAVE_GAZ = False
needs_gaz = pytest.mark.skipif(not HAVE_GAZ, reason="gazetteer not available")


def rows(body, year=2022):
    out = extract_figures(ArticleText("t", body, None, year, None))
    for r in out:
        assert body[r["evidence_start"]:r["evidence_end"]] == r["evidence"]
    return out


def key(r):
    return (r["metric"], r["measure"], r["value"], r["unit"])


SUNG_TA = ("Theo thống kê, GDP của Sùng Tả trong nửa đầu năm đạt 50,043 tỷ nhân dân tệ (7,2 tỷ USD), tăng 5,7% so "
           "với cùng kỳ; nông nghiệp tăng trưởng 6,2%; công nghiệp tăng trưởng 12,7%; dịch vụ tăng trưởng 1,2%; đầu tư "
           "tài sản cố định tăng 19,8%; đầu tư vào công nghiệp tăng 49,9%; thu ngân sách công 2,288 tỷ nhân dân tệ "
           "(330 triệu USD), tăng 3,0%.")


def test_level_growth_and_sector_list():
    got = rows(SUNG_TA)
    assert [key(r) for r in got] == [
        ("gdp", "amount", 50043000000.0, "CNY"), ("gdp", "change_pct", 5.7, "percent"),
        ("agriculture", "change_pct", 6.2, "percent"), ("industry", "change_pct", 12.7, "percent"),
        ("services", "change_pct", 1.2, "percent"), ("fixed_asset_investment", "change_pct", 19.8, "percent"),
        ("industrial_investment", "change_pct", 49.9, "percent"), ("budget_revenue", "amount", 2288000000.0, "CNY"),
        ("budget_revenue", "change_pct", 3.0, "percent")]
    assert got[0]["value_usd"] == pytest.approx(7.2e9)
    assert all((r["period_start"], r["period_end"]) == (date(2022, 1, 1), date(2022, 6, 30)) for r in got)


@needs_gaz
def test_locality_from_paragraph_and_period_range():
    body = SUNG_TA + ("\nTừ tháng 1 đến tháng 8 năm 2022, tổng kim ngạch XNK của thành phố đạt 93,2 tỷ nhân dân tệ "
                      "(13,4 tỷ USD); với 138.000 lượt phương tiện ra vào các cửa khẩu, chuyên chở 1,16 triệu tấn "
                      "hàng hóa xuất nhập khẩu, trong đó phần lớn là với Việt Nam.")
    got = rows(body)[-3:]
    assert [key(r) for r in got] == [("trade_turnover", "amount", 93200000000.0, "CNY"),
                                     ("vehicle_crossings", "amount", 138000.0, "vehicle"),
                                     ("goods_volume", "amount", 1160000.0, "tonne")]
    assert {r["locality"] for r in rows(body)} == {"Sùng Tả"}
    assert got[0]["period_end"] == date(2022, 8, 31) and got[0]["value_usd"] == pytest.approx(1.34e10)


@needs_gaz
def test_fdi_owner_partner_and_share():
    body = ("Chủ tịch UBND Đặng Đình Hoan cho biết, tính đến nay, toàn tỉnh Bắc Giang có hơn 160 dự án đầu tư FDI "
            "của các doanh nghiệp Trung Quốc, với tổng số vốn đăng ký đạt khoảng 3,370 tỷ USD (tương đương 50% tổng "
            "vốn đăng ký đầu tư nước ngoài), là quốc gia đứng thứ nhất về tổng vốn đăng ký.")
    got = rows(body, None)
    assert [(*key(r), r["qualifier"]) for r in got] == [
        ("fdi_projects", "amount", 160.0, "project", "more_than"), ("fdi_capital", "amount", 3370000000.0, "USD", "approx"),
        ("fdi_capital", "share_pct", 50.0, "percent", "exact")]
    assert {(r["locality"], r["partner"]) for r in got} == {("Bắc Giang", "Trung Quốc")}


@needs_gaz
def test_product_share_and_growth_of_partner():
    got = rows("Thị trường Trung Quốc là thị trường truyền thống; sản lượng vải thiều xuất khẩu sang thị trường Trung "
               "Quốc chiếm khoảng 40% tổng sản lượng vải thiều của tỉnh.")
    assert [(key(r), r["product"], r["partner"], r["qualifier"]) for r in got] == [
        (("export_volume", "share_pct", 40.0, "percent"), "vải thiều", "Trung Quốc", "approx")]
    (r,) = rows("Việc Việt Nam liên tục trong 26 năm qua là đối tác thương mại lớn nhất của Quảng Tây, với tăng trưởng "
                "kim ngạch hàng năm đạt khoảng 16,4% là minh chứng.", 2025)
    assert (key(r), r["locality"], r["partner"]) == (("trade_turnover", "change_pct", 16.4, "percent"), "Quảng Tây",
                                                      "Việt Nam")


@needs_gaz
def test_day_period_and_comparison_date_ignored():
    got = rows("Dưới nỗ lực của hai bên, lượng xe hàng thông quan tại các cửa khẩu hướng Bằng Tường – Lạng Sơn duy "
               "trì hàng ngày trên 1100 xe; riêng ngày 7/9 đạt mức 1488 xe, cao nhất từ đầu năm nay.")
    assert [(r["value"], r["qualifier"], r["locality"], r["period_start"]) for r in got] == [
        (1100.0, "more_than", "Lạng Sơn", None), (1488.0, "exact", "Lạng Sơn", date(2022, 9, 7))]


def test_growth_and_gdp_in_one_sentence():
    got = rows("Thị trưởng cho biết, năm 2021, bất chấp dịch bệnh, thành phố vẫn đạt tốc độ tăng trưởng 8,3%, GDP năm "
               "2021 vượt mốc 75 tỷ USD.", None)
    assert [(*key(r), r["qualifier"], r["period_start"]) for r in got] == [
        ("gdp", "change_pct", 8.3, "percent", "exact", date(2021, 1, 1)),
        ("gdp", "amount", 75000000000.0, "USD", "more_than", date(2021, 1, 1))]


@pytest.mark.parametrize("body", [
    "Nam Ninh có diện tích 22.700 km², dân số gần 10 triệu dân.",
    "Các tỉnh đã phối hợp tổ chức hơn 50 cuộc hội đàm trực tuyến.",
    "Ngay sau đó là hội nghị lần thứ 14, giai đoạn 2023-2027.",
    "Giá gạo xuất khẩu đạt 300 USD/tấn.",
    "Giá xăng tăng 5% so với tháng trước.",
    "Mức hỗ trợ là 5.000 đồng đối với gà vịt.",
    "Hai nước phấn đấu đưa kim ngạch thương mại đạt 10 tỷ USD vào năm 2010.",
    "Tỷ lệ hộ nghèo giảm còn 12%.",
    "Vụ tai nạn làm hỏng 3 xe.",
    "Lợi nhuận chỉ đạt 3,65% kế hoạch năm.",
    "Số tiền bị chiếm dụng tới 30 tỷ đồng.",
])
def test_not_figures(body):
    assert rows(body) == []


def test_vntc_style_national_figures():
    got = rows("Trong 10 tháng đầu năm, kim ngạch xuất khẩu của cả nước đạt 26,5 tỷ USD, tăng 21% so với cùng kỳ "
               "năm ngoái; nhập khẩu 30,1 tỷ USD.", 2005)
    assert [key(r) for r in got] == [("export_value", "amount", 26500000000.0, "USD"),
                                     ("export_value", "change_pct", 21.0, "percent"),
                                     ("import_value", "amount", 30100000000.0, "USD")]
    assert got[0]["period_end"] == date(2005, 10, 31)
    if HAVE_GAZ:
        assert got[0]["locality"] == "Việt Nam"
