"""extract_figures on seed sentences and VNTC-style sentences: tidy rows with exact values."""

from datetime import date, datetime

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


def one_key(body, year=2005):
    return [(*key(r), r["locality"], r["partner"]) for r in rows(body, year)]


@pytest.mark.parametrize(("body", "expected"), [
    # a firm's or a demand's growth is not GDP; an economy's is
    ("Năm 2004, Công ty Vinamilk tăng trưởng 25% so với năm trước.", []),  # a firm's growth: no GDP, no figure
    ("Trong khi đó, nhu cầu sử dụng điện 3 tháng đầu năm nay có tốc độ tăng trưởng 13%.",
     [("other", "change_pct", 13.0, "percent")]),
    ("Mức tăng trưởng 21,8% so với cùng kỳ cũng cao gấp đôi.", [("other", "change_pct", 21.8, "percent")]),
    ("Theo báo cáo của Chính phủ, tốc độ tăng trưởng kinh tế 6 tháng đầu năm đạt 7,6%.",
     [("gdp", "change_pct", 7.6, "percent")]),
    ("Năm 2003, tỷ lệ tăng trưởng kinh tế nước này giảm một nửa, còn 3%.", [("gdp", "change_pct", 3.0, "percent")]),
    # domestic capital is not FDI; FDI firms' revenue is revenue, their exports are exports
    ("Hiện có 74 dự án đang hoạt động theo Luật đầu tư nước ngoài với tổng số vốn khoảng 540 triệu USD và 1.200 doanh "
     "nghiệp được cấp giấy phép theo Luật đầu tư trong nước với tổng số vốn đăng ký khoảng 2.200 tỷ đồng.",
     [("fdi_projects", "amount", 74.0, "project"), ("fdi_capital", "amount", 540000000.0, "USD"),
      ("other", "amount", 2200000000000.0, "VND")]),
    ("Theo đó, tổng vốn đầu tư cho tuyến đường sắt đô thị này lên tới gần 3.000 tỷ đồng.",
     [("other", "amount", 3000000000000.0, "VND")]),
    ("Năm 2005, doanh thu của các doanh nghiệp có vốn đầu tư nước ngoài đạt 5 tỷ USD; xuất khẩu của khu vực FDI đạt "
     "10 tỷ USD.", [("other", "amount", 5000000000.0, "USD"), ("export_value", "amount", 10000000000.0, "USD")]),
    ("Theo Sở Kế hoạch và Đầu tư, vốn FDI đăng ký năm 2005 đạt 2 tỷ USD.", [("fdi_capital", "amount", 2000000000.0, "USD")]),
    ("Bộ Thương mại cho biết, tháng 4, FDI vào nước này giảm 27%, chỉ đạt 4,1 tỷ USD.",
     [("fdi_capital", "change_pct", -27.0, "percent"), ("fdi_capital", "amount", 4100000000.0, "USD")]),
    # shares: ``đóng góp X% cho``, ``3% GDP``
    ("Tăng trưởng chậm đẩy thâm hụt ngân sách ở khu vực này vượt qua mức cho phép, 3% GDP.",
     [("other", "share_pct", 3.0, "percent")]),
    # a bare ``kim ngạch`` takes the one flow the paragraph talks about
    ("Xuất khẩu gạo sang Nhật tăng mạnh. Tính từ đầu năm, kim ngạch đạt 6,7 triệu USD.",
     [("export_value", "amount", 6700000.0, "USD")]),
    # a clause opened by ``thì`` does not inherit the export of the one before
    ("Với 900.000 tấn cà phê xuất khẩu năm 2004 thì lượng tạp chất rất nhiều (9.000 tấn tạp chất).",
     [("export_volume", "amount", 900000.0, "tonne")]),
])
def test_metric_confusions(body, expected):
    assert [key(r) for r in rows(body, 2005)] == expected


@pytest.mark.parametrize("body", [
    "\"Nhiệm vụ của giai đoạn 2001-2005 là phải đạt tốc độ tăng GDP bình quân 7,5%.",
    "Tỉnh nỗ lực để kim ngạch xuất khẩu năm nay đạt 500 triệu USD.",
    "GDP năm nay được dự báo tăng 7%.",
    "Trong tháng 6, các nhà máy chế biến xuất khẩu thủy sản đã thu mua trên 6.300 tấn nguyên liệu.",
    "Sân bay hiện phải đưa đón hơn 7.750.000 lượt hành khách/năm và 2,2 triệu xe các loại.",
    "Đây là nơi dân buôn bán hàng rong, đánh từ 10.000 đồng cho đến 100.000 đồng.",
])
def test_targets_and_non_trade_amounts_skipped(body):
    assert rows(body, 2005) == []


@needs_gaz
@pytest.mark.parametrize(("body", "expected"), [
    # no place and no anaphor in the sentence: None, not the country named in the sentence before
    ("Nga là nhà đầu tư lớn tại Việt Nam. Tuy nhiên, vốn thực hiện chỉ đạt hơn 9,7 triệu USD.",
     [("other", "amount", 9700000.0, "USD", None, None)]),
    # ``thành phố`` is the city the text is about, not a district named in between
    ("Tp. Hồ Chí Minh vừa tổng kết năm. Một vụ cháy xảy ra ở quận Bình Thạnh. Theo UBND thành phố, xuất khẩu đạt "
     "5,68 tỷ USD.", [("export_value", "amount", 5680000000.0, "USD", "Hồ Chí Minh", None)]),
    ("Nhật Bản công bố số liệu mới. Xuất khẩu của nước này tăng 10,8%.",
     [("export_value", "change_pct", 10.8, "percent", "Nhật Bản", None)]),
    # a destination market is the partner
    ("Mặt hàng xe đạp tại thị trường lớn Canada giảm tới 42% kim ngạch xuất khẩu trong tháng qua, đạt vỏn vẹn 12 "
     "triệu USD.", [("export_value", "amount", 12000000.0, "USD", None, "Canada")]),
    # a new item of a list does not take the place of the item before
    ("Vốn đầu tư của nhiều dự án chưa lớn: Dự án Khu công nghiệp Bắc Giang 9 triệu USD, Dự án nhà máy Diệu Thương chỉ "
     "1,3 triệu USD.", [("other", "amount", 9000000.0, "USD", "Bắc Giang", None),
                        ("other", "amount", 1300000.0, "USD", None, None)]),
    # ``Thái Bình Dương`` is an ocean, not Thái Bình
    ("Theo thống kê của Vụ châu Á Thái Bình Dương, năm 2004, kim ngạch xuất khẩu sang Hàn Quốc đạt 673 triệu USD.",
     [("export_value", "amount", 673000000.0, "USD", None, "Hàn Quốc")]),
    # capital crossing a border is the investor's figure, the host its partner (ANNOTATION.md, adjudicated R3)
    ("Indonesia đứng thứ 24 trong số các quốc gia có vốn đầu tư vào Việt Nam, với tổng vốn đăng ký khoảng 123 triệu "
     "USD.", [("fdi_capital", "amount", 123000000.0, "USD", "Indonesia", "Việt Nam")]),
    ("Năm 2003, Trung Quốc đã thu hút tới 54 tỷ USD FDI.",
     [("fdi_capital", "amount", 54000000000.0, "USD", "Trung Quốc", None)]),
    ("Năm 2004, Trung Quốc tăng trưởng 9,5%.", [("gdp", "change_pct", 9.5, "percent", "Trung Quốc", None)]),
    ("Tăng trưởng kinh tế của Trung Quốc đã đóng góp khoảng 13% cho tăng trưởng kinh tế thế giới.",
     [("gdp", "share_pct", 13.0, "percent", "Trung Quốc", None)]),
    # the subject of the sentence carries over its list of figures
    ("Trong 10 tháng, xuất khẩu của Thái Lan đạt 5 tỷ USD, tăng 12%; nông nghiệp tăng trưởng 3%.",
     [("export_value", "amount", 5000000000.0, "USD", "Thái Lan", None),
      ("export_value", "change_pct", 12.0, "percent", "Thái Lan", None),
      ("agriculture", "change_pct", 3.0, "percent", "Thái Lan", None)]),
])
def test_locality_is_whose_figure(body, expected):
    assert one_key(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Bình quân mỗi hecta cà phê đã cho sản lượng hàng năm là 1,68 tấn.", []),
    ("Bộ Công nghiệp nhận định với lượng tồn kho trong nước khoảng 230.000 tấn và giá phôi nhập khẩu ổn định.", []),
    ("Tổng sản lượng tôm từ đầu năm đến nay đạt 260.000 tấn, trong đó có 30.000 tấn dành để xuất khẩu.",
     [("export_volume", "amount", 30000.0, "tonne")]),
    ("Bộ Thương mại lại đưa ra số lượng xuất khẩu chỉ tăng 22,8%.", [("export_volume", "change_pct", 22.8, "percent")]),
])
def test_tonnage_traded_or_not(body, expected):
    assert [key(r) for r in rows(body, 2005)] == expected


@pytest.mark.parametrize("piece", ["tăng 10% ", "Xuất khẩu của tỉnh tăng 10%, đạt 5 triệu USD; "])
def test_long_sentence_is_linear(piece):
    """Every range question about a sentence is answered from matches found once: 4,000 numbers in one
    sentence take well under the quadratic cost (that took about a minute)."""
    import time
    body = piece * 4000
    t = time.process_time()
    rows(body)
    assert time.process_time() - t < 10


def test_value_usd_own_stated_or_converted():
    got = rows("Năm 2018, kim ngạch xuất khẩu của tỉnh đạt 120 triệu USD; thu ngân sách đạt 6,616 tỷ nhân dân tệ.", None)
    assert [(r["unit"], r["value_usd"], r["value_usd_source"]) for r in got] == [
        ("USD", 1.2e8, "stated"), ("CNY", pytest.approx(1e9, rel=1e-3), "converted")]
    (r,) = rows("Thu ngân sách đạt 6,616 tỷ nhân dân tệ.", None)  # no year anywhere: no rate to use
    assert (r["value_usd"], r["value_usd_source"]) == (None, None)


def test_bilateral_word_song_phuong_is_not_the_conjunction_song():
    (r,) = rows("Hai bộ trưởng nhất trí thúc đẩy kim ngạch song phương, hiện ở mức 3,5 tỷ USD.")
    assert key(r) == ("trade_turnover", "amount", 3.5e9, "USD")


def test_from_level_and_to_level_are_both_figures():
    got = rows("Thương mại hai chiều đã tăng nhanh từ 120 triệu USD năm 2010 lên 1,4 tỷ USD năm 2019.")
    assert [key(r) for r in got] == [("trade_turnover", "amount", 1.2e8, "USD"),
                                     ("trade_turnover", "amount", 1.4e9, "USD")]


def test_rate_per_year_is_a_figure_price_per_kg_is_not():
    (r,) = rows("Kim ngạch thương mại giữa hai tỉnh hiện đạt khoảng 60 triệu USD/năm.")
    assert key(r) == ("trade_turnover", "amount", 6e7, "USD")
    assert rows("Giá xuất khẩu bình quân đạt 2.100 USD/tấn.") == []


def test_value_of_signed_documents_loans_and_grants():
    got = rows("Hai bên đã ký 12 văn kiện hợp tác với tổng trị giá hơn 3 tỷ USD, trong đó có 2 dự án vốn vay ODA "
               "trị giá 45 tỷ yên và một khoản viện trợ không hoàn lại 8 triệu USD.")
    assert [key(r) for r in got] == [("other", "amount", 3e9, "USD"), ("other", "amount", 2.0, "project"),
                                     ("other", "amount", 4.5e10, "JPY"), ("other", "amount", 8e6, "USD")]


def test_metric_carries_over_to_the_next_clause_of_the_sentence():
    got = rows("Kim ngạch buôn bán giữa hai tỉnh năm 2020 đạt 80 triệu USD; 9 tháng đầu năm 2021, đạt 75 triệu USD.")
    assert [key(r) for r in got] == [("trade_turnover", "amount", 8e7, "USD"), ("trade_turnover", "amount", 7.5e7, "USD")]
    assert got[1]["period_end"] == date(2021, 9, 30)


def test_listed_percentage_takes_the_measure_of_the_one_before():
    got = rows("Tăng trưởng kinh tế của tỉnh năm 2019 đạt 7,1%, năm 2020 đạt 3,4%.")
    assert [key(r)[1:3] for r in got] == [("change_pct", 7.1), ("change_pct", 3.4)]


def test_current_level_inside_a_target_sentence():
    (r,) = rows("Hai bên đặt mục tiêu nâng kim ngạch thương mại lên 5 tỷ USD, từ mức 3,2 tỷ USD hiện nay.")
    assert key(r) == ("trade_turnover", "amount", 3.2e9, "USD")


def test_tri_gia_of_a_bond_or_a_private_event_is_no_figure():
    assert rows("Lô trái phiếu của công ty trị giá 300 tỷ đồng đã được gia hạn.") == []
    assert rows("Một bữa tiệc xa hoa trị giá 2 triệu USD gây xôn xao dư luận.") == []


@needs_gaz
def test_two_sided_figure_is_viet_nams_with_the_articles_counterpart():
    body = ("Thủ tướng Việt Nam đã hội đàm với Thủ tướng Thái Lan tại Bangkok. Hai nhà lãnh đạo nhất trí tăng cường hợp "
            "tác với Thái Lan.\nNăm 2021, thương mại song phương đạt 18 tỷ USD.\nKim ngạch thương mại hai nước quý I "
            "đạt 4,2 tỷ USD.")
    got = rows(body)
    assert [(r["value"], r["locality"], r["partner"]) for r in got] == [(1.8e10, "Việt Nam", "Thái Lan"),
                                                                       (4.2e9, "Việt Nam", "Thái Lan")]


@needs_gaz
def test_capital_crossing_a_border_is_the_investors_with_the_host_as_partner():
    got = rows("Đến nay, các nhà đầu tư Thái Lan đã có 650 dự án tại Việt Nam với tổng vốn 13 tỷ USD.")
    assert [(key(r), r["locality"], r["partner"]) for r in got] == [
        (("fdi_projects", "amount", 650.0, "project"), "Thái Lan", "Việt Nam"),
        (("fdi_capital", "amount", 1.3e10, "USD"), "Thái Lan", "Việt Nam")]


def test_period_right_after_the_number_and_from_the_sentence_detailed():
    got = rows("Kim ngạch thương mại giữa hai tỉnh đã tăng từ 40 triệu USD năm 2012 lên 95 triệu USD năm 2019.")
    assert [(r["value"], r["period_start"]) for r in got] == [(4e7, date(2012, 1, 1)), (9.5e7, date(2019, 1, 1))]
    got = rows("Sáu tháng đầu năm 2020, kim ngạch xuất nhập khẩu của tỉnh đạt 300 triệu USD. Trong đó, xuất khẩu đạt "
               "180 triệu USD.", None)
    assert [(r["metric"], r["period_end"]) for r in got] == [("trade_turnover", date(2020, 6, 30)),
                                                             ("export_value", date(2020, 6, 30))]


def test_a_sentence_on_this_level_refers_to_the_figure_before():
    got = rows("Năm 2019, xuất khẩu thủy sản của tỉnh đạt 70 triệu USD. Mức này tăng 9% so với năm trước.", None)
    assert [key(r) for r in got] == [("export_value", "amount", 7e7, "USD"), ("export_value", "change_pct", 9.0, "percent")]
    assert got[1]["period_start"] == date(2019, 1, 1)


def test_len_toi_is_the_level_reached_not_a_lower_bound():
    (r,) = rows("Tổng vốn đầu tư nước ngoài vào tỉnh lên tới 2,3 tỷ USD.")
    assert r["qualifier"] == "exact"


def test_listed_fall_keeps_its_sign_and_a_target_or_a_tariff_is_no_figure():
    got = rows("Xuất khẩu gạo cả năm giảm 12% về lượng và 5,5% về giá trị.")
    assert [(r["measure"], r["value"]) for r in got] == [("change_pct", -12.0), ("change_pct", -5.5)]
    assert [r["value"] for r in rows("Quý I, GDP tăng 8,1% (vượt mức 7% mục tiêu đề ra).")] == [8.1]
    assert rows("Thuế nhập khẩu áp dụng cho ô tô giảm 10%.") == []
    (r,) = rows("Năm 2019, thu thuế của tỉnh đạt 900 tỷ đồng.")
    assert r["metric"] == "budget_revenue"


def test_bare_growth_word_is_the_growth_of_what_was_just_measured():
    got = rows("Năm 2020, kim ngạch xuất khẩu của tỉnh đạt 2 tỷ USD, tăng trưởng 14%.", None)
    assert [key(r)[:2] for r in got] == [("export_value", "amount"), ("export_value", "change_pct")]


@needs_gaz
def test_this_level_keeps_product_and_partner_and_exports_abroad_are_viet_nams():
    body = ("Việt Nam và Hàn Quốc nhất trí mở rộng hợp tác.\nNăm 2020, xuất khẩu cà phê sang Hàn Quốc đạt 150 triệu "
            "USD. Mức này tăng 20% so với năm 2019.")
    got = rows(body, None)
    assert [(r["metric"], r["product"], r["locality"], r["partner"]) for r in got] == [
        ("export_value", "cà phê", "Việt Nam", "Hàn Quốc"), ("export_value", "cà phê", "Việt Nam", "Hàn Quốc")]


@needs_gaz
def test_investor_named_as_its_firms():
    got = rows("Hiện có 95 dự án của doanh nghiệp Việt Nam đầu tư tại Lào với tổng vốn 1,2 tỷ USD.")
    assert [(r["metric"], r["locality"], r["partner"]) for r in got] == [("fdi_projects", "Việt Nam", "Lào"),
                                                                        ("fdi_capital", "Việt Nam", "Lào")]


def test_sut_giam_is_a_fall():
    (r,) = rows("Kim ngạch xuất khẩu chè sang hai thị trường này sụt giảm 8%.")
    assert (r["measure"], r["value"]) == ("change_pct", -8.0)


def test_gdp_per_capita_is_gdp_even_small():
    got = rows("GDP bình quân đầu người của tỉnh năm 2010 là 900 USD/người/năm, năm 2020 đạt 2.700 USD.", None)
    assert [key(r) for r in got] == [("gdp", "amount", 900.0, "USD"), ("gdp", "amount", 2700.0, "USD")]
    assert rows("Thu nhập bình quân đầu người đạt 900 USD/người/năm.") == []


@needs_gaz
def test_amount_named_by_the_words_after_it():
    (r,) = rows("Singapore là nhà đầu tư nước ngoài lớn thứ hai tại Việt Nam với gần 70 tỷ USD tổng vốn đăng ký.")
    assert (key(r), r["locality"], r["partner"]) == (("fdi_capital", "amount", 7e10, "USD"), "Singapore", "Việt Nam")


def test_percent_after_an_amount_is_not_listed_as_an_amount():
    got = rows("Các nhà tài trợ góp 50 triệu USD vốn vay, tức khoảng 15% tổng vốn của chương trình.")
    assert all(r["unit"] != "percent" or r["measure"] != "amount" for r in got)
    assert rows("Từ tháng 9, công ty giảm 10% cước dịch vụ gọi quốc tế.") == []
    # a deal still being negotiated is not a fact
    assert rows("Thành phố đang đàm phán với nhà đầu tư nước ngoài về dự án cảng trị giá 600 triệu USD.") == []


def test_conditions_permissions_and_forecasts_are_not_facts():
    assert rows("Chỉ cần chiếm 5% thị phần thì doanh thu của công ty sẽ đạt 80 triệu USD.") == []
    assert rows("Bộ Công Thương cho phép nhập khẩu 50.000 tấn đường theo hạn ngạch.") == []
    got = rows("Kinh tế nước này tăng trưởng 2,1% thay vì 2,8% như dự báo.")
    assert [r["value"] for r in got] == [2.1]


def test_a_venue_abroad_does_not_own_the_figure():
    [r] = rows("Diễn đàn doanh nghiệp Việt Nam - Hàn Quốc tổ chức tại Busan đã chứng kiến việc ký các thỏa thuận "
               "trị giá 2 tỷ USD.")
    assert r["locality"] != "Busan" and r["partner"] != "Busan"


def test_a_foreign_city_after_tai_is_where_it_was_said_not_whose_figure():
    [r] = rows("Theo Thương vụ Việt Nam tại Seoul, năm 2023 Hàn Quốc nhập khẩu 1,2 triệu tấn gạo.")
    assert r["locality"] == "Hàn Quốc"


def test_fdi_named_after_the_amount():
    (r,) = rows("Năm 2006, khu công nghiệp này thu hút tới 12 tỷ USD đầu tư trực tiếp của các nước.")
    assert key(r) == ("fdi_capital", "amount", 12e9, "USD")


@needs_gaz
def test_ranking_list_keeps_metric_and_gives_each_entry_its_place():
    got = rows("Hàn Quốc là nhà đầu tư lớn nhất vào Việt Nam với tổng số vốn đã thực hiện là 3,2 tỷ USD, tiếp theo là "
               "Đài Loan 2,8 tỷ USD và đứng thứ ba là Singapore 2,1 tỷ USD.")
    assert [(r["metric"], r["value"], r["locality"], r["partner"]) for r in got] == [
        ("fdi_capital", 3.2e9, "Hàn Quốc", "Việt Nam"), ("fdi_capital", 2.8e9, "Đài Loan", "Việt Nam"),
        ("fdi_capital", 2.1e9, "Singapore", "Việt Nam")]


def test_hypotheses_and_alternatives_are_not_facts():
    assert rows("Cho dù tăng trưởng GDP của Lào là 6%, là 7% hay 7,5% thì nước này vẫn cần vốn.") == []
    assert rows("Giả sử xuất khẩu tăng 10% thì thu ngân sách tăng 5%.") == []
    assert [r["value"] for r in rows("Năm 2010 kim ngạch đạt 3 tỷ USD hoặc 4 tỷ USD.")] == []
    # ``hay`` restating an amount as a share is still a fact
    assert [r["measure"] for r in rows("Xuất khẩu tăng 12%, đạt 5 tỷ USD, hay 20% GDP.")] == [
        "change_pct", "amount", "share_pct"]


def test_percent_levels_from_to_are_shares_unless_a_growth_rate():
    got = rows("Tỷ trọng nông nghiệp trong GDP giảm mạnh; công nghiệp tăng từ 25,2% lên 31,4%.")
    assert [key(r) for r in got] == [("industry", "share_pct", 25.2, "percent"), ("industry", "share_pct", 31.4, "percent")]
    assert rows("Tỷ lệ hộ nghèo của xã giảm từ 12% xuống 8%.") == []
    got = rows("Năm 2005, tốc độ tăng trưởng GDP tăng từ 7,2% lên 8,4%.")
    assert [r["measure"] for r in got] == ["change_pct", "change_pct"]


def test_period_from_compared_year_and_sentence_before():
    got = rows("Tổng kim ngạch xuất khẩu của tỉnh đạt 3,1 tỷ USD, tăng 12% so với năm 2007.", None)
    assert {(r["period_start"], r["period_end"]) for r in got} == {(date(2008, 1, 1), date(2008, 12, 31))}
    got = rows("Trong 9 tháng đầu năm 2009, tỉnh thu hút nhiều dự án. Kim ngạch xuất khẩu đạt 6 tỷ USD, tăng 8%.", None)
    assert {r["period_start"] for r in got} == {date(2009, 1, 1)}
    # a bare year before (a founding) is not the period of the next sentence's figures
    (r,) = rows("Hiệp hội được thành lập năm 1995. Kim ngạch xuất khẩu của ngành đạt 900 triệu USD.", None)
    assert r["period_start"] is None
    # a day before a reporting verb is when it was said, not the period; a new paragraph does not inherit
    assert {r["period_start"] for r in rows("Ngày 5/6, ông A cho biết như vậy. Kim ngạch xuất khẩu đạt 6 tỷ USD.", None)} == {None}
    assert {r["period_start"] for r in rows("Năm 2009 tỉnh có nhiều dự án.\nKim ngạch xuất khẩu đạt 6 tỷ USD.", None)} == {None}


@needs_gaz
def test_ranking_sentence_amounts_belong_to_the_place_before_them():
    got = rows("Theo số liệu mới, Singapore đứng thứ 2 (3,1 tỉ USD), sau Nhật Bản (4,4 tỉ USD) về FDI vào Việt Nam. "
               "Đài Loan đứng vị trí thứ 3 với 1,2 tỉ USD.", 2019)
    assert [(r["metric"], r["value"], r["locality"], r["partner"]) for r in got] == [
        ("fdi_capital", 3.1e9, "Singapore", "Việt Nam"), ("fdi_capital", 4.4e9, "Nhật Bản", "Việt Nam"),
        ("fdi_capital", 1.2e9, "Đài Loan", "Việt Nam")]


def test_own_year_after_number_and_publication_day_is_no_period():
    got = rows("Xuất khẩu năm 2019 đạt 5 tỷ USD. Con số này thấp hơn nhiều so với mức tăng trưởng 30% của năm 2018.")
    assert [(r["value"], r["period_start"]) for r in got] == [(5e9, date(2019, 1, 1)), (30.0, date(2018, 1, 1))]
    (r,) = rows("Theo công bố ngày 12-3 của Tổng cục Hải quan, kim ngạch xuất khẩu đạt 20 tỷ USD.")
    assert r["period_start"] is None


def test_period_carries_through_a_paragraph_of_figures():
    got = rows("Năm nay kinh tế tăng trưởng 7%. Công nghiệp tăng 16% so với năm ngoái. Xuất khẩu đạt 26 tỷ USD.", 2004)
    assert {r["period_start"] for r in got} == {date(2004, 1, 1)}


def test_older_spelling_of_quarter_is_a_period():
    (r,) = rows("Trong quí 2, tỉnh thu hút 40 triệu USD vốn đầu tư nước ngoài.", 2006)
    assert (r["period_start"], r["period_end"]) == (date(2006, 4, 1), date(2006, 6, 30))


@needs_gaz
def test_project_counts_of_investors_into_a_country_are_fdi():
    got = rows("Các nước đứng đầu về số dự án đầu tư vào Việt Nam vẫn là Nhật Bản (40 dự án), Hàn Quốc (30 dự án).")
    assert [(r["metric"], r["value"], r["locality"], r["partner"]) for r in got] == [
        ("fdi_projects", 40.0, "Nhật Bản", "Việt Nam"), ("fdi_projects", 30.0, "Hàn Quốc", "Việt Nam")]
    assert {r["metric"] for r in rows("Tỉnh có 30 dự án đầu tư trong nước với tổng vốn 2.000 tỷ đồng.")} == {"other"}


@needs_gaz
def test_sentence_detailing_fdi_keeps_it_foreign():
    got = rows("Năm 2005, cả nước thu hút 900 dự án FDI với tổng vốn 5 tỷ USD. Trong đó, Đài Loan có 120 dự án, tổng vốn "
               "đầu tư đăng ký là 1,2 tỷ USD.")
    assert [(r["metric"], r["locality"]) for r in got[2:]] == [("fdi_projects", "Đài Loan"), ("fdi_capital", "Đài Loan")]


def test_goods_and_services_is_not_the_services_sector():
    (r,) = rows("Các nước này mỗi năm sản xuất 3.000 tỷ USD hàng hoá và dịch vụ, chiếm 12% GDP toàn cầu.")
    assert (r["metric"], r["measure"]) == ("gdp", "share_pct")


def test_purpose_requirements_capacity_and_street_traffic_are_not_figures():
    assert rows("Để xây dựng cảng cạn này, tổng vốn cần khoảng 8 triệu USD thì mới đủ điều kiện hoạt động.") == []
    assert rows("Khả năng thu hút vốn vay nước ngoài cho hạ tầng năm tới chỉ đạt khoảng 300 triệu USD.") == []
    assert rows("Mỗi ngày có khoảng 4.000 lượt xe qua lại con đường này.") == []
    (r,) = rows("Trong tháng 3, có 2.100 lượt xe hàng qua lại cửa khẩu Tân Thanh.")
    assert (r["metric"], r["value"]) == ("vehicle_crossings", 2100.0)


def test_thresholds_after_the_number_and_prices_per_tonne_are_not_figures():
    assert rows("Các doanh nghiệp có kim ngạch xuất khẩu từ 500.000 USD trở lên được xét thưởng.") == []
    assert rows("Hiện 1 tấn hàng xuất khẩu được chào bán với giá tương đương 900 USD.") == []


def test_the_capital_of_a_foreign_country_told_as_the_subject_is_foreign_investment():
    got = rows("Về vị trí đầu tư, Hàn Quốc là nước có số dự án cao nhất (45 dự án), với tổng vốn đầu tư gần 80 triệu USD.")
    assert [(r["metric"], r["value"], r["locality"]) for r in got] == [
        ("fdi_projects", 45.0, "Hàn Quốc"), ("fdi_capital", 80e6, "Hàn Quốc")]
    # a Vietnamese province as the subject keeps its capital domestic, whoever is named after it
    got = rows("Tỉnh Lạng Sơn có 12 dự án với tổng vốn đầu tư 500 tỷ đồng, chủ yếu từ Trung Quốc.")
    assert {r["metric"] for r in got} == {"other"}


def test_sector_and_bank_metrics_named_by_their_own_words():
    (r,) = rows("Trong năm qua, khu vực nông, lâm nghiệp và thủy sản của tỉnh tăng trưởng 3,4%.")
    assert (r["metric"], r["measure"], r["value"]) == ("agriculture", "change_pct", 3.4)
    got = rows("Vốn huy động của các ngân hàng trên địa bàn đạt 45.000 tỷ đồng, tăng 12% so với cùng kỳ.")
    assert [(r["metric"], r["measure"]) for r in got] == [("deposits", "amount"), ("deposits", "change_pct")]
    (r,) = rows("Dự trữ ngoại hối của Thái Lan đạt 50 tỷ USD.")
    assert (r["metric"], r["value"]) == ("other", 5e10)
    (r,) = rows("Ngân hàng đã triển khai dịch vụ thẻ thanh toán với tốc độ tăng trưởng 35%.")
    assert r["metric"] == "other"  # a firm's service, not the services sector


def test_loans_firm_names_taxes_and_tourists_are_not_figures():
    assert rows("Tổng dư nợ cho vay của chi nhánh đạt 3.200 tỷ đồng.") == []
    assert rows("Nhờ nguồn vốn huy động dồi dào, tổng dư nợ cho vay trên địa bàn đạt 900 tỷ đồng.") == []
    assert rows("Công ty cổ phần Xuất nhập khẩu Thủy sản Cửu Long vừa đầu tư 500.000 USD xây kho lạnh.") == []
    assert rows("Bộ Tài chính giảm thuế VAT nhập khẩu linh kiện từ 10% xuống 5%.") == []
    assert rows("Các hãng lữ hành lớn cho biết lượng khách cũng tăng 25%.") == []


def test_growth_by_volume_and_by_value():
    got = rows("Tháng 3, cả nước xuất khẩu 400.000 tấn cà phê, trị giá 600 triệu USD, giảm 12% về lượng nhưng tăng 8% "
               "về giá trị.")
    assert [(r["metric"], r["measure"], r["value"]) for r in got[2:]] == [
        ("export_volume", "change_pct", -12.0), ("export_value", "change_pct", 8.0)]
    got = rows("Năm nay tỉnh xuất khẩu 20.000 tấn hạt điều, tăng 9% về lượng và 14% về kim ngạch.")
    assert [(r["metric"], r["value"]) for r in got[1:]] == [("export_volume", 9.0), ("export_value", 14.0)]


def test_rules_requests_promises_and_conditions_are_not_facts():
    assert rows("Theo quy định, tổng mức vay không được vượt quá 30% vốn điều lệ của ngân hàng.") == []
    assert rows("Hiệp hội đề nghị được vay 500 tỷ đồng để thu mua lúa cho nông dân.") == []
    assert rows("Chính phủ Nhật Bản đã hứa viện trợ 20 triệu USD cho tỉnh này.") == []
    assert rows("Doanh nghiệp nhập khẩu 3.000 tấn phân bón thì sẽ được giảm phí kho bãi.") == []
    assert rows("Công ty muốn ký hợp đồng xuất khẩu 100.000 tấn gạo trong quý tới.") == []
    # after a conjunction the clause tells a fact again; ``so với dự toán`` only compares
    (r,) = rows("Theo quy định, đơn vị phải có kim ngạch xuất khẩu tối thiểu 5 triệu USD, nhưng huyện A chỉ xuất khẩu "
                "4 triệu USD.")
    assert (r["metric"], r["value"]) == ("export_value", 4e6)
    got = rows("Thu ngân sách năm 2005 của tỉnh đạt 2.000 tỷ đồng, vượt 10% so với dự toán và tăng 15% so với năm 2004.")
    assert (got[0]["metric"], got[0]["value"]) == ("budget_revenue", 2e12) and got[-1]["value"] == 15.0
    # a range is no single figure (its midpoint is told nowhere)
    assert rows("Trong năm, tỉnh xuất khẩu từ 120.000 đến 150.000 tấn gạo.") == []
    assert rows("Kim ngạch xuất khẩu của huyện tăng 20-25%, đạt từ 4 triệu USD đến 5 triệu USD.") == []


def test_a_value_is_not_a_price_and_a_ratio_to_last_year_is_growth():
    (r,) = rows("Giá trị xuất khẩu của tỉnh năm nay tăng 11% so với năm trước.")
    assert (r["metric"], r["measure"], r["value"]) == ("export_value", "change_pct", 11.0)
    got = rows("Quý I, cả nước xuất khẩu 50.000 tấn chè, trị giá 70 triệu USD, bằng 95,5% về lượng và 112,4% về trị giá "
               "so với cùng kỳ.")
    assert [(r["metric"], r["measure"], r["value"]) for r in got[2:]] == [
        ("export_volume", "change_pct", pytest.approx(-4.5)), ("export_value", "change_pct", pytest.approx(12.4))]
    # a growth rate ``bằng`` a percentage is that rate; a share of a planned volume is no figure
    got = rows("Sáu tháng đầu năm, kim ngạch xuất khẩu đạt 900 triệu USD, mức tăng trưởng chỉ bằng 4,5% so với cùng kỳ.")
    assert [(r["measure"], r["value"]) for r in got] == [("amount", 9e8), ("change_pct", 4.5)]
    assert [r["value"] for r in rows("Các hợp đồng đã ký chiếm 70% lượng gạo mà ngành dự định xuất khẩu năm nay.")] == []


def test_a_growth_rate_falling_from_one_level_to_another_keeps_both_rates_positive():
    got = rows("Năm 2005, tăng trưởng kinh tế của khu vực giảm từ 6,1% xuống còn 5,2%.")
    assert [(r["measure"], r["value"]) for r in got] == [("change_pct", 6.1), ("change_pct", 5.2)]


def test_a_figure_of_the_lead_told_again_in_the_body_is_one_row():
    body = ("Đồng Nai thu ngân sách hơn 120 tỷ đồng Ngân hàng Beta mở chi nhánh mới\n"
            "Trong 9 tháng đầu năm, tỉnh Đồng Nai đã thu ngân sách nhà nước hơn 120 tỷ đồng.")
    (r,) = rows(body)
    assert r["evidence_start"] > body.index("\n") and r["period_start"] is not None


def test_projects_owned_by_a_foreign_country_after_the_number_are_fdi():
    got = rows("Năm qua, tỉnh đã cấp phép cho 14 dự án của Nhật Bản với tổng vốn đầu tư 90 triệu USD.")
    assert got[0]["metric"] == "fdi_projects"
    got = rows("Đến nay, Đức có 120 dự án đầu tư tại Việt Nam. Vốn đăng ký khoảng 1 tỷ USD của nước này tập trung vào "
               "công nghiệp.")
    assert got[-1]["metric"] == "fdi_capital"


def test_shares_of_projects_and_of_capital_and_of_the_workforce():
    got = rows("Các nước châu Âu chiếm 12% tổng vốn đăng ký FDI và chiếm 9% số dự án; châu Á chiếm 70% số dự án và 60% "
               "tổng vốn đăng ký.")
    assert [r["metric"] for r in got] == ["fdi_capital", "fdi_projects", "fdi_projects", "fdi_capital"]
    assert rows("Tỉnh phấn đấu năm nay giảm tỷ trọng lao động nông nghiệp xuống 48%.") == []
    assert rows("Năm qua tỉnh đã giảm tỷ trọng lao động nông nghiệp xuống 48%.") == []


def test_a_country_naming_the_currency_is_not_the_figure_s_partner():
    (r,) = rows("Ngân hàng Gamma có tổng vốn đầu tư tại Hà Nội là 40 triệu đô-la Mỹ.")
    assert r["partner"] is None and r["locality"] == "Hà Nội"


def test_requirements_floors_and_shares_of_people_are_not_figures():
    assert rows("Công ty chứng khoán có vốn nước ngoài phải có vốn điều lệ tối thiểu là 500.000 USD.") == []
    assert rows("Bộ trưởng nói không thể để xuất khẩu chè tụt xuống dưới mức 80 triệu USD.") == []
    assert rows("Theo luật, để áp thuế tự vệ, lượng nhập khẩu phải tăng trên 20% trong một năm.") == []
    assert rows("Ngành chè chiếm 5% giá trị xuất khẩu nông sản nhưng có tới 40% số hộ nghèo của tỉnh.")[1:] == []
    assert rows("Cả nước có hơn 60% người dân sống ở nông thôn, tăng 2% so với năm trước.") == []
    # the minimum wage is no rule on the figure after it; demand is no traded tonnage
    got = rows("Từ năm 2000 đến 2005, lương tối thiểu tăng nhiều lần, GDP bình quân tăng 7,5%/năm.")
    assert [(r["metric"], r["value"]) for r in got] == [("gdp", 7.5)]
    assert rows("Nước này phải nhập khẩu một nửa lượng đường trong tổng nhu cầu khoảng 2 triệu tấn năm nay.") == []


def test_a_date_after_so_voi_is_the_compared_period():
    got = rows("Tính chung 5 tháng, nhập siêu là 2 tỷ USD, tăng 12% so với thời gian này năm 2004.", year=2005)
    assert [r["period_start"] for r in got] == [date(2005, 1, 1), date(2005, 1, 1)]
    got = rows("Tỉnh đã xuất khẩu 3 triệu tấn gạo, so với 2,5 triệu tấn năm 2004.", year=2005)
    assert [r["period_start"] for r in got] == [None, date(2004, 1, 1)]


def test_taxes_designs_and_non_farm_land_are_not_figures():
    assert rows("Bộ Tài chính giữ nguyên thuế giá trị gia tăng đối với linh kiện điện tử nhập khẩu là 10%.") == []
    assert rows("Số đơn đăng ký kiểu dáng công nghiệp năm nay tăng 30% so với năm trước.") == []
    assert rows("Giá đất phi nông nghiệp ở quận này được điều chỉnh giảm trung bình 15%.") == []
    # the industrial output of the foreign-invested sector is industry, not foreign investment
    got = rows("Giá trị sản xuất công nghiệp tăng 14%, trong đó doanh nghiệp (DN) có vốn đầu tư nước ngoài tăng 15%.")
    assert [r["metric"] for r in got] == ["industry", "industry"]


def test_needs_and_what_is_planned_from_now_on_are_not_facts():
    assert rows("Từ nay đến năm 2015, tỉnh cần khoảng 12.000 tỷ đồng vốn đầu tư cho hạ tầng.") == []
    assert rows("Ngành thép cần đến 3 tỷ USD để xây dựng các nhà máy mới.") == []
    # ``Cần Thơ`` is a city, not a need
    (r,) = rows("Năm qua, xuất khẩu thủy sản của Cần Thơ đạt 300 triệu USD.")
    assert r["value"] == 3e8


def test_duties_collected_are_budget_revenue_and_capacities_no_figures():
    (r,) = rows("Quý I, số thu thuế nhập khẩu của tỉnh ước đạt 1.500 tỷ đồng.")
    assert (r["metric"], r["value"]) == ("budget_revenue", 1.5e12)
    assert rows("Nhà máy phân bón mới có công suất 300.000 tấn mỗi năm.") == []
    assert rows("Dự án thử nghiệm tiết kiệm điện năng ở phường này đã giảm được 40% lượng điện tiêu thụ.") == []


def test_fixed_asset_investment_visitors_irregularities_and_purposes():
    (r,) = rows("Năm qua, tổng vốn đầu tư vào tài sản cố định của tỉnh tăng 18%.")
    assert (r["metric"], r["value"]) == ("fixed_asset_investment", 18.0)
    assert rows("Dịp Tết, các điểm tham quan đón nhiều khách tham quan, tăng 8% so với năm trước.") == []
    assert rows("Thanh tra 12 công trình, cơ quan chức năng phát hiện sai phạm tới 30 tỷ đồng.") == []
    assert rows("Để đảm bảo tốc độ tăng trưởng GDP 7% trong năm nay, tỉnh phải thu hút thêm vốn đầu tư.") == []
    (r,) = rows("Hai năm qua, lĩnh vực dịch vụ này tăng trưởng 35%/năm.")
    assert r["metric"] == "other"  # one service, not the services sector


@needs_gaz
def test_two_way_trade_with_a_foreign_country_named_first_is_viet_nams():
    got = rows("Năm 2021, kim ngạch thương mại giữa Ba Lan và Việt Nam đạt 2,6 tỷ USD.")
    assert [(r["locality"], r["partner"]) for r in got] == [("Việt Nam", "Ba Lan")]
    got = rows("Năm 2021, vốn đầu tư của Singapore vào Việt Nam tăng mạnh, thương mại song phương đạt 8 tỷ USD.")
    assert [(r["metric"], r["locality"], r["partner"]) for r in got] == [("trade_turnover", "Việt Nam", "Singapore")]
    got = rows("Năm 2021, Ba Lan nhập khẩu từ Việt Nam 1,5 tỷ USD hàng hóa.")  # one flow keeps its direction
    assert [(r["locality"], r["partner"]) for r in got] == [("Ba Lan", "Việt Nam")]


@needs_gaz
def test_place_past_a_conjunction_is_not_the_partner_of_the_figure_before_it():
    body = ("Thủ tướng Việt Nam hội đàm với Thủ tướng Trung Quốc. Trong tổng kim ngạch 60 tỷ USD giữa hai nước thì "
            "riêng thương mại của Việt Nam với Vân Nam đã là 4 tỷ USD.")
    got = rows(body)
    assert [(r["value"], r["partner"]) for r in got][0] == (6e10, "Trung Quốc")


@needs_gaz
def test_period_of_the_same_measure_carries_over_a_paragraph_break():
    body = ("Vốn FDI vào Việt Nam tăng mạnh trong 9 tháng đầu năm 2021.\nSingapore đứng thứ nhất với 5 tỷ USD vốn đăng ký."
            "\nXuất khẩu cũng khởi sắc.\nCả nước xuất khẩu 200 tỷ USD.")
    got = rows(body)
    assert [(r["metric"], r["period_start"], r["period_end"]) for r in got] == [
        ("fdi_capital", date(2021, 1, 1), date(2021, 9, 30)), ("export_value", None, None)]


@needs_gaz
def test_place_less_gdp_is_the_economy_of_the_sentence_before():
    got = rows("Ông cho biết Lào tăng trưởng kinh tế khá. GDP bình quân đầu người năm 2020 đạt 2.600 USD.")
    assert [(r["metric"], r["locality"]) for r in got] == [("gdp", "Lào")]
    got = rows("Ông cho biết Lào tăng trưởng kinh tế khá.\nGDP bình quân đầu người năm 2020 đạt 2.600 USD.")
    assert [r["locality"] for r in got] == [None]  # another paragraph: not told whose


def test_joint_stock_firm_name_does_not_block_its_figures():
    got = rows("Năm 2021, tổng vốn đầu tư của Công ty cổ phần Giấy Sài Gòn là 900 tỷ đồng.")
    assert [(r["metric"], r["value"]) for r in got] == [("other", 9e11)]
    got = rows("Năm 2021, các công ty cổ phần dệt may xuất khẩu 300 triệu USD hàng may mặc.")
    assert [(r["metric"], r["value"]) for r in got] == [("export_value", 3e8)]
    assert rows("Nhà đầu tư Thái Lan mua lại 20% cổ phần với giá trị 100 tỷ đồng.") == []  # a share deal still blocks


@needs_gaz
def test_no_period_from_a_target_and_no_economy_from_a_name_or_a_non_economic_sentence():
    body = "Tỉnh đặt mục tiêu thu hút vốn FDI trong giai đoạn 2021-2025.\nHiện tỉnh có 300 triệu USD vốn FDI."
    assert [r["period_start"] for r in rows(body)] == [None]
    body = "Bà Nga cho rằng nền kinh tế còn khó khăn. Năm 2021, GDP tăng 2,6%."
    assert [r["locality"] for r in rows(body)] == [None]
    body = "Mùa hè, người Canada thường sang Cuba nghỉ mát. Năm 2021, du lịch đóng góp 10% GDP."
    assert [r["locality"] for r in rows(body)] == [None]


def test_goods_named_right_after_the_amount_are_its_product():
    got = rows("Năm 2021, tỉnh xuất khẩu 45.000 tấn hồ tiêu sang Ấn Độ.")
    assert [(r["metric"], r["product"]) for r in got] == [("export_volume", "hồ tiêu")]
    got = rows("Năm 2021, cảng đã bốc xếp 2 triệu tấn hàng hóa than đá.")
    assert [r["product"] for r in got] == ["than đá"]


@needs_gaz
def test_aid_from_abroad_is_viet_nams_with_the_donor_as_partner():
    body = "Thủ tướng Việt Nam tiếp Đại sứ Ireland. Năm 2021, Chính phủ Ireland viện trợ 3 triệu euro giúp nông dân Việt Nam."
    assert [(r["locality"], r["partner"]) for r in rows(body)] == [("Việt Nam", "Ireland")]
    body = "Thủ tướng Việt Nam tiếp Đại sứ Ireland. Đại sứ cho biết quỹ viện trợ mới trị giá 3 triệu euro."
    assert [(r["locality"], r["partner"]) for r in rows(body)] == [(None, None)]  # no foreign giver named


@needs_gaz
def test_a_country_investing_into_another_is_foreign_capital():
    got = rows("Năm 2021, Singapore đầu tư 2 tỷ USD vào Việt Nam.")
    assert [(r["metric"], r["locality"], r["partner"]) for r in got] == [("fdi_capital", "Singapore", "Việt Nam")]
    assert rows("Năm 2021, tỉnh đầu tư 200 tỷ đồng xây dựng đường giao thông.") == []  # not across a border
    # the capital of another country's economy, told in passing, is not the sentence subject's investment
    assert rows("Năm 2021, Việt Nam thu hút 20 tỷ USD vốn FDI, trong khi đầu tư nước ngoài vào Ấn Độ chỉ 9 tỷ USD.")[1:] == []


@needs_gaz
def test_the_trader_named_after_the_flow_word_and_a_market_told_by_anaphor():
    body = ("Thị trường Nhật Bản đòi hỏi chất lượng cao. Theo đề xuất của phía Nhật Bản, xuất khẩu cà phê Việt Nam sang "
            "thị trường này 9 tháng đầu năm 2021 tăng 12%.")
    got = rows(body)
    assert [(r["locality"], r["partner"]) for r in got] == [("Việt Nam", "Nhật Bản")]
    body = "Việt Nam có nhiều lợi thế về dệt may. Kim ngạch xuất khẩu dệt may sang thị trường này năm 2021 đạt 2 tỷ USD."
    assert [r["partner"] for r in rows(body)] == [None]  # the antecedent is the exporter's own country


def test_budget_revenue_from_trade_is_the_budgets_and_import_substitution_is_no_import():
    body = "Sáu tháng đầu năm 2019, thu ngân sách từ dầu khí và xuất nhập khẩu lần lượt đạt 9.000 và 12.500 tỷ đồng."
    assert {r["metric"] for r in rows(body)} == {"budget_revenue"}
    body = "Năm 2019, dự án chế tạo máy bơm thay thế nhập khẩu được tỉnh rót khoảng 12 tỷ đồng."
    assert [r["metric"] for r in rows(body)] != ["import_value"]


def test_a_contract_still_being_negotiated_and_a_class_of_projects_by_size_are_no_facts():
    body = "Năm 2019, công ty đang trong giai đoạn thương thảo một hợp đồng xuất khẩu trị giá khoảng 3 triệu USD."
    assert rows(body) == []
    body = ("Năm 2019, tỉnh được quyền tự cấp phép cho các dự án đầu tư nước ngoài có tổng vốn dưới 5 triệu USD, "
            "rút ngắn thời gian thẩm định.")
    assert rows(body) == []


def test_a_master_plan_gives_planned_values_not_facts():
    assert rows("Theo quy hoạch phát triển cảng biển đến năm 2015 đã được phê duyệt, lượng hàng hóa qua các cảng miền "
                "Trung đạt 20 triệu tấn/năm.") == []
    assert rows("Theo qui hoạch vùng được duyệt năm 2006, kim ngạch xuất khẩu của tỉnh đạt 800 triệu USD.") == []
    [row] = rows("Năm 2019, Sở Quy hoạch - Kiến trúc cho biết kim ngạch xuất khẩu của thành phố đạt 3 tỷ USD.")
    assert row["metric"] == "export_value"


def test_then_after_a_target_tells_the_target_state():
    target = "Mục tiêu đến năm 2025, dệt may trở thành ngành xuất khẩu chủ lực của tỉnh. "
    assert rows(target + "Khi đó, xuất khẩu dệt may đạt khoảng 5 tỷ USD.") == []
    [row] = rows("Năm 2019, giá dầu thế giới tăng mạnh. Khi đó, xuất khẩu dầu thô của Việt Nam đạt 2 tỷ USD.")
    assert row["metric"] == "export_value"


def test_both_flows_named_are_the_turnover():
    [row] = rows("Năm 2019, tổng giá trị xuất khẩu và nhập khẩu của tỉnh đạt 1,2 tỷ USD.")
    assert row["metric"] == "trade_turnover"
    got = rows("Năm 2019, xuất khẩu và nhập khẩu của tỉnh lần lượt đạt 1,2 tỷ USD và 0,9 tỷ USD.")
    assert "trade_turnover" not in {r["metric"] for r in got}


def test_a_condition_with_then_needs_and_a_budget_awaiting_approval_are_no_facts():
    assert rows("Năm 2019, mỗi doanh nghiệp xuất khẩu 2.000 tấn gạo thì cần khoảng 80 container để chở hàng.") == []
    assert rows("Năm 2019, hai dự án đang chờ UBND tỉnh phê duyệt vốn gồm dự án cảng cạn có vốn đầu tư là 50 tỷ đồng.") == []


def test_respective_lists_give_each_amount_its_own_metric():
    got = rows("Năm 2019, kim ngạch xuất khẩu, nhập khẩu của tỉnh lần lượt đạt 2,5 tỷ USD và 1,8 tỷ USD, tăng 11% và 7%.")
    assert [(r["metric"], r["value"]) for r in got] == [
        ("export_value", 2500000000.0), ("import_value", 1800000000.0), ("export_value", 11.0), ("import_value", 7.0)]
    # a bare ``tăng trưởng`` or ``kim ngạch`` after one named flow is no second metric of the list
    got = rows("Năm 2019, xuất khẩu cà phê của Brazil và Colombia đạt tăng trưởng cao, lần lượt là 15% và 12%.")
    assert {r["metric"] for r in got} == {"export_value"}


def test_words_after_a_percentage_name_what_it_measures():
    got = rows("Năm 2019, tỉnh cấp phép cho 40 dự án FDI với tổng vốn đăng ký 300 triệu USD, tăng 20% về số dự án "
               "và 35% về vốn so với năm trước.")
    assert [(r["metric"], r["value"]) for r in got if r["unit"] == "percent"] == [
        ("fdi_projects", 20.0), ("fdi_capital", 35.0)]
    got = rows("Năm 2019, xuất khẩu cá ngừ đạt 900 tấn, chiếm 30% về lượng và 45% trong tổng kim ngạch xuất khẩu.")
    assert [(r["metric"], r["value"]) for r in got if r["unit"] == "percent"] == [
        ("export_volume", 30.0), ("export_value", 45.0)]


@needs_gaz
def test_growth_owned_by_a_country_named_after_it_is_gdp():
    [row] = rows("Năm 2019, tốc độ tăng trưởng bình quân của Indonesia đạt khoảng 5%.")
    assert (row["metric"], row["locality"]) == ("gdp", "Indonesia")
    assert rows("Năm 2019, tốc độ tăng trưởng của tập đoàn Toyota của Nhật Bản đạt 8%.") == []  # a firm's: none


def test_capital_in_dollars_after_an_fdi_figure_is_foreign():
    got = rows("Năm 2019, vốn FDI đăng ký vào tỉnh đạt 600 triệu USD. Tuy nhiên, vốn thực hiện chỉ đạt 150 triệu USD. "
               "Cầu Rạch Cát có tổng vốn đầu tư 900 tỷ đồng.")
    assert [(r["metric"], r["value"]) for r in got] == [
        ("fdi_capital", 600000000.0), ("fdi_capital", 150000000.0), ("other", 900000000000.0)]


def test_risks_plan_variants_caps_theories_halted_projects_and_tax_cuts_are_no_facts():
    assert rows("Năm nay, xuất khẩu chè của tỉnh có nguy cơ giảm 10%, xuống còn 40 triệu USD.") == []
    assert rows("Hội nghị chọn phương án tăng trưởng kinh tế 9%/năm cho giai đoạn 2021-2025.") == []
    assert rows("Năm 2019, hạn mức cho vay của quỹ được nâng từ 2 triệu USD lên 5 triệu USD.") == []
    assert rows("Trên lý thuyết, một tỉnh công nghiệp có tỷ trọng công nghiệp khoảng 60%.") == []
    assert rows("Năm 2019, tỉnh đã thu hồi giấy phép 5 dự án FDI có tổng vốn 20 triệu USD.") == []
    assert rows("Năm 2019, Chính phủ giảm 30% thuế nhập khẩu linh kiện ô tô.") == []
    [row] = rows("Năm 2019, mặt hàng có nguy cơ bị kiện là tôm, xuất khẩu vẫn đạt 40 triệu USD.")
    assert row["metric"] == "export_value"


def test_a_bare_production_value_is_the_sector_named_before_it():
    [row] = rows("Năm 2019, nông nghiệp gặp hạn hán, giá trị sản xuất chỉ tăng 2,1%.")
    assert (row["metric"], row["value"]) == ("agriculture", 2.1)
    [row] = rows("Ngành công nghiệp của tỉnh phục hồi nhanh. Giá trị sản xuất quý I ước đạt 12.000 tỷ đồng.")
    assert (row["metric"], row["value"]) == ("industry", 12000000000000.0)
    [row] = rows("Năm 2019, xí nghiệp cơ khí của tỉnh có giá trị sản xuất đạt 300 tỷ đồng.")
    assert row["metric"] == "other"


def test_a_world_region_growing_is_gdp():
    [row] = rows("Năm 2019, tăng trưởng của khu vực Mỹ Latinh chỉ đạt 0,8%.")
    assert (row["metric"], row["value"]) == ("gdp", 0.8)
    [row] = rows("Năm 2019, khu vực FDI tăng trưởng 12%.")
    assert row["metric"] == "other"


def test_a_milestone_passed_beside_the_figure_or_not_reached_is_no_figure():
    got = rows("Năm 2019, kim ngạch xuất khẩu cà phê vượt qua mốc 3 tỷ USD, đạt 3,1 tỷ USD.")
    assert [r["value"] for r in got] == [3100000000.0]
    assert rows("Năm 2019, doanh thu của hãng vẫn chưa vượt qua con số 900 tỷ đồng.") == []
    [row] = rows("Năm 2019, lần đầu tiên kim ngạch xuất khẩu gỗ vượt ngưỡng 2 tỷ USD.")
    assert row["value"] == 2000000000.0


@needs_gaz
def test_a_foreign_firm_or_a_foreign_destination_makes_capital_fdi():
    [row] = rows("Năm 2019, tại Cần Thơ đã có 7 doanh nghiệp Nhật Bản hoạt động với tổng vốn 150 triệu USD.")
    assert row["metric"] == "fdi_capital"
    [row] = rows("Năm 2019, Công ty Cao su Đồng Phú đã đầu tư sang Campuchia với số vốn 12 triệu USD.")
    assert (row["metric"], row["partner"]) == ("fdi_capital", "Campuchia")
    [row] = rows("Năm 2019, khởi công khu nghỉ dưỡng có tổng vốn đầu tư 90 triệu USD do Tập đoàn Marina Group (Singapore) "
                 "làm chủ đầu tư.")
    assert row["metric"] == "fdi_capital"
    [row] = rows("Năm 2019, khởi công cầu Cao Lãnh có tổng vốn đầu tư 90 triệu USD.")
    assert row["metric"] == "other"


@needs_gaz
def test_each_entry_of_a_list_of_places_and_amounts_is_its_own_partner():
    got = rows("Năm 2019, xuất khẩu gạo của Thái Lan sang Philippines tăng 20%, Indonesia 15% và Malaysia 8%.")
    assert [(r["value"], r["locality"], r["partner"]) for r in got] == [
        (20.0, "Thái Lan", "Philippines"), (15.0, "Thái Lan", "Indonesia"), (8.0, "Thái Lan", "Malaysia")]


@needs_gaz
def test_a_percentage_of_another_economy_is_a_ratio_not_a_share():
    assert rows("Năm 2019, GDP của Campuchia chỉ bằng khoảng 9% GDP của Việt Nam.") == []
    got = rows("Năm 2019, GDP của Lào đạt 18 tỷ USD, chỉ bằng 4% so với Thái Lan.")
    assert [r["unit"] for r in got] == ["USD"]
    [row] = rows("Năm 2019, ngành du lịch chiếm 12% GDP của Thái Lan.")
    assert (row["measure"], row["locality"]) == ("share_pct", "Thái Lan")


def test_a_share_of_a_quantity_after_the_percentage_is_a_volume():
    [row] = rows("Năm 2019, thị trường Nhật Bản chiếm 25% lượng tôm xuất khẩu của tỉnh.")
    assert (row["metric"], row["measure"]) == ("export_volume", "share_pct")


def test_the_economy_s_total_investment_is_fixed_asset_investment():
    [row] = rows("Năm 2019, vốn đầu tư phát triển toàn xã hội của tỉnh đạt 45.000 tỷ đồng.")
    assert row["metric"] == "fixed_asset_investment"
    [row] = rows("Năm 2019, khu vực tư nhân chiếm 40% tổng vốn đầu tư của nền kinh tế.")
    assert (row["metric"], row["measure"]) == ("fixed_asset_investment", "share_pct")


def test_a_class_of_projects_by_a_capital_threshold_is_a_rule():
    assert rows("Năm 2019, các dự án có vốn đầu tư trực tiếp ra nước ngoài trên 20 triệu USD phải trình Quốc hội.") == []


@needs_gaz
def test_a_share_is_of_the_total_named_after_it_and_its_owner():
    got = rows("Năm 2019, hàng hóa Nhật Bản chiếm 15% giá trị nhập khẩu của Indonesia, tiếp theo là Hàn Quốc 9%.")
    assert [(r["metric"], r["value"], r["locality"], r["partner"]) for r in got] == [
        ("import_value", 15.0, "Indonesia", "Nhật Bản"), ("import_value", 9.0, "Indonesia", "Hàn Quốc")]
    [row] = rows("Năm 2019, các doanh nghiệp FDI của tỉnh chiếm 60% tổng kim ngạch xuất khẩu.")
    assert row["metric"] == "export_value"
    [row] = rows("Năm 2019, nông nghiệp chiếm 14% GDP của tỉnh.")
    assert row["metric"] == "agriculture"


def test_ownership_dividends_and_trade_balances():
    assert rows("Năm 2019, phía Việt Nam nắm giữ 51% vốn điều lệ của liên doanh.") == []
    assert rows("Năm 2019, công ty là doanh nghiệp 100% vốn nước ngoài.") == []
    assert rows("Năm 2019, nhiều công ty có cổ tức tăng 20%.") == []
    [row] = rows("Năm 2019, thâm hụt mậu dịch của Mỹ với các nước xuất khẩu dầu lên tới 90 tỷ USD.")
    assert row["metric"] == "other"


def test_price_index_details_offered_projects_and_what_does_not_exist_are_no_figures():
    got = rows("Chỉ số giá tiêu dùng tháng 3 tăng 0,8%. Cụ thể, nhóm lương thực tăng 1,2%, dịch vụ giáo dục 0,5%.")
    assert [r["value"] for r in got] == []
    got = rows("Năm 2019, trong 12 dự án kêu gọi đầu tư của tỉnh có khu du lịch với tổng vốn 60 triệu USD.")
    assert [r for r in got if r["unit"] == "USD"] == []
    assert rows("Năm 2019, tỉnh vẫn chưa có dự án FDI nào với số vốn trên 50 triệu USD.") == []
    assert rows("Năm 2019, khách hàng cá nhân chiếm 70% tại các ngân hàng của tỉnh.") == []


def test_deposit_rates_by_term_and_capital_spread_over_countries():
    assert rows("Năm 2019, mức tăng tại các kỳ hạn dài là 0,4%/năm đối với tiền gửi tiết kiệm bằng USD.") == []
    got = rows("Năm 2019, doanh nghiệp Việt Nam đã đầu tư 45 dự án ở hơn 12 quốc gia với tổng vốn 80 triệu USD.")
    assert [r["metric"] for r in got] == ["fdi_projects", "fdi_capital"]


@needs_gaz
def test_foreign_economies_side_by_side_are_not_each_others_partners():
    got = rows("Năm 2010, kinh tế Đức tăng trưởng 3,6% và nền kinh tế Pháp tăng 1,5%.")
    assert [(r["value"], r["locality"], r["partner"]) for r in got] == [(3.6, "Đức", None), (1.5, "Pháp", None)]
    got = rows("Năm 2010, Nhật Bản nhập khẩu 60 tỷ USD, Hàn Quốc 40 tỷ USD.")
    assert [(r["value"], r["locality"], r["partner"]) for r in got] == [
        (60e9, "Nhật Bản", None), (40e9, "Hàn Quốc", None)]


@needs_gaz
def test_list_entries_after_a_share_of_the_world_own_their_shares():
    got = rows("Hàn Quốc chiếm 3% xuất khẩu toàn cầu, sau Nhật Bản (5%) và Pháp (4%).")
    assert [(r["value"], r["locality"], r["partner"]) for r in got] == [
        (3.0, "Hàn Quốc", None), (5.0, "Nhật Bản", None), (4.0, "Pháp", None)]


@needs_gaz
def test_an_entry_after_trong_do_breaks_the_owners_total_down_by_partner():
    got = rows("Năm 2010, Hàn Quốc xuất khẩu 460 tỷ USD, trong đó Trung Quốc 116 tỷ USD.")
    assert [(r["value"], r["locality"], r["partner"]) for r in got] == [
        (460e9, "Hàn Quốc", None), (116e9, "Hàn Quốc", "Trung Quốc")]


@needs_gaz
def test_trade_between_two_foreign_economies_keeps_both_sides():
    got = rows("Kim ngạch thương mại Nhật Bản - Ấn Độ năm 2010 đạt 14 tỷ USD.")
    assert {got[0]["locality"], got[0]["partner"]} == {"Nhật Bản", "Ấn Độ"}


@needs_gaz
def test_the_country_a_vietnamese_mission_sits_in_is_the_counterpart_not_the_owner():
    got = rows("Theo Thương vụ Việt Nam tại Malaysia, kim ngạch buôn bán giữa hai nước quý I đạt 2 tỷ USD. "
               "Malaysia là đối tác lớn của Việt Nam.")
    assert [(r["locality"], r["partner"]) for r in got] == [("Việt Nam", "Malaysia")]
    got = rows("Theo Thương vụ Việt Nam tại Malaysia, xuất khẩu cao su của Việt Nam quý I đạt 20 triệu USD.")
    assert [(r["locality"], r["partner"]) for r in got] == [("Việt Nam", "Malaysia")]


def test_the_investment_law_named_after_an_amount_says_whether_it_is_fdi():
    got = rows("Năm qua, kiều bào lập 12 doanh nghiệp với tổng vốn 45 triệu USD theo Luật Đầu tư nước ngoài "
               "và 300 doanh nghiệp với tổng vốn 900 tỷ đồng theo Luật Khuyến khích đầu tư trong nước.")
    assert [(r["metric"], r["value"]) for r in got if r["unit"] != "project"] == [
        ("fdi_capital", 45e6), ("other", 900e9)]


def test_a_percentage_compared_with_keeps_the_kind_of_the_figure_before_it():
    got = rows("Bội chi ngân sách chiếm 4,8% GDP năm nay, giảm so với mức 5,2% của năm trước.")
    assert [(r["measure"], r["value"]) for r in got] == [("share_pct", 4.8), ("share_pct", 5.2)]
    got = rows("Sản xuất công nghiệp quý II tăng 9,2%, thấp hơn so với con số 10,4% của quý I.")
    assert [(r["measure"], r["value"]) for r in got] == [("change_pct", 9.2), ("change_pct", 10.4)]


def test_a_level_set_as_a_target_right_after_it_is_no_figure():
    assert rows("Tốc độ tăng trưởng xuất khẩu vẫn thấp hơn so với mức 25% đề ra cho cả năm.") == []


@needs_gaz
def test_what_a_market_importing_from_viet_nam_buys_is_viet_nams_export():
    got = rows("Năm 2005, Nhật Bản là thị trường nhập khẩu cà phê lớn thứ hai của Việt Nam với 90.000 tấn.")
    assert [(r["metric"], r["locality"], r["partner"]) for r in got] == [("export_volume", "Việt Nam", "Nhật Bản")]
    got = rows("Quý I, Hàn Quốc tiếp tục là thị trường nhập khẩu dệt may lớn của Việt Nam với kim ngạch 80 triệu USD.")
    assert [(r["metric"], r["locality"], r["partner"]) for r in got] == [("export_value", "Việt Nam", "Hàn Quốc")]


@needs_gaz
def test_the_total_after_trong_tong_so_has_no_single_partner():
    got = rows("Năm 2010, xuất khẩu cà phê sang Đức đạt 300 triệu USD trong tổng số gần 1,8 tỷ USD xuất sang các nước.")
    assert [(r["value"], r["partner"]) for r in got] == [(300e6, "Đức"), (1.8e9, None)]


def test_growth_of_remittances_is_not_the_economys():
    got = rows("Theo một công ty chuyển tiền, mức tăng trưởng lượng kiều hối trong quý I chỉ là 12,4%, thấp hơn quý trước.")
    assert [(r["metric"], r["measure"], r["value"]) for r in got] == [("other", "change_pct", 12.4)]


def test_a_sector_named_after_the_gdp_word_owns_the_share():
    got = rows("Trong cơ cấu GDP của tỉnh năm qua, công nghiệp chiếm 41%, nông nghiệp đóng góp 22%.")
    assert [(r["metric"], r["measure"], r["value"]) for r in got] == [
        ("industry", "share_pct", 41.0), ("agriculture", "share_pct", 22.0)]


def test_a_firms_or_a_persons_revenue_profit_capital_trade_and_taxes_are_no_figures():
    assert rows("Công ty Thương mại Hòa Bình đạt doanh thu 500 tỷ đồng, lợi nhuận 20 tỷ đồng, vốn điều lệ 100 tỷ đồng.") == []
    assert rows("Năm 2021, Công ty cổ phần Dệt may Hòa Thọ xuất khẩu 300 triệu USD hàng may mặc.") == []
    assert rows("Tập đoàn Điện tử Sao Mai cho biết, quý I tập đoàn đã xuất khẩu 200 triệu USD hàng điện tử, nộp ngân sách "
                "30 tỷ đồng.") == []
    assert rows("Một nông dân ở Long An cho biết doanh thu mỗi năm của gia đình ông trên 1 tỷ đồng.") == []
    assert rows("Năm ngoái, Kim Phát Group có doanh số 80 triệu USD, chiếm 12% doanh thu của cả tập đoàn.") == []


def test_a_sectors_revenue_many_firms_and_a_firm_quoting_the_economy_stay():
    got = rows("Năm 2021, doanh thu du lịch của Đà Nẵng đạt 2.000 tỷ đồng; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ "
               "tăng 12%.")
    assert [(r["metric"], r["value"], r["locality"]) for r in got] == [("other", 2e12, "Đà Nẵng"), ("other", 12.0, "Đà Nẵng")]
    got = rows("Doanh thu của các doanh nghiệp có vốn đầu tư nước ngoài đạt 3 tỷ USD, trong khi doanh thu của hãng này chỉ "
               "50 triệu USD.")
    assert [r["value"] for r in got] == [3e9]
    (r,) = rows("Tập đoàn Điện tử Sao Mai cho biết, quý I cả nước đã xuất khẩu 2 tỷ USD hàng điện tử.")
    assert (r["metric"], r["locality"]) == ("export_value", "Việt Nam")


def test_an_amount_restated_in_another_currency_is_one_figure():
    got = rows("Hợp đồng xây dựng cảng trị giá 14 triệu bảng Anh (khoảng 394 tỉ đồng) đã được ký kết.")
    assert [(r["value"], r["unit"]) for r in got] == [(14e6, "GBP")]
    got = rows("Năm 2021, Nhật Bản dành cho Việt Nam khoản vay ODA 50 tỷ yên, tương đương 10.000 tỷ đồng.")
    assert [(r["value"], r["unit"]) for r in got] == [(50e9, "JPY")]


def test_a_breakdown_after_a_forecast_or_a_target_is_no_fact():
    body = ("Bộ Công Thương dự báo, quý III, kim ngạch xuất khẩu của cả nước sẽ đạt 30 tỷ USD. Trong đó, xuất khẩu điện "
            "tử đạt 9 tỷ USD, dệt may 4 tỷ USD.")
    assert rows(body) == []
    assert rows("Tỉnh đặt mục tiêu năm 2025 xuất khẩu đạt 2 tỷ USD.\nCụ thể, xuất khẩu nông sản tăng 40%.") == []
    body = ("Quý III, kim ngạch xuất khẩu của cả nước đạt 30 tỷ USD. Trong đó, xuất khẩu điện tử đạt 9 tỷ USD, dệt may "
            "4 tỷ USD.")
    assert [r["value"] for r in rows(body)] == [30e9, 9e9, 4e9]


def test_a_sectors_points_of_a_growth_rate_are_no_share():
    assert rows("Năm 2021, trong 6,5% tăng trưởng chung, công nghiệp đóng góp 3,1%, dịch vụ 2,6%.") == []
    assert rows("Đóng góp vào mức tăng GDP của tỉnh, khu vực dịch vụ chiếm 2,9%.") == []
    (r,) = rows("Kinh tế Ấn Độ đã đóng góp khoảng 15% cho tăng trưởng kinh tế thế giới.")
    assert (r["measure"], r["value"]) == ("share_pct", 15.0)


def test_a_change_reaching_a_tonnage_is_a_volumes_and_a_share_of_output_is_no_trade():
    got = rows("Năm 2021, xuất khẩu gạo của tỉnh giảm 30% xuống còn 12.000 tấn.")
    assert [(r["metric"], r["measure"]) for r in got] == [("export_volume", "change_pct"), ("export_volume", "amount")]
    got = rows("Năm 2021, xuất khẩu gạo của tỉnh tăng 30% lên 12 triệu USD.")
    assert [(r["metric"], r["measure"]) for r in got] == [("export_value", "change_pct"), ("export_value", "amount")]
    got = rows("Năm 2021, cà phê của tỉnh chiếm 12% về sản lượng và 15% lượng xuất khẩu cà phê của cả nước.")
    assert [(r["metric"], r["value"]) for r in got] == [("export_volume", 15.0)]
    got = rows("Trong quý I, lượng thép mà Thái Lan nhập khẩu từ Hàn Quốc đã tăng 20%.")
    assert [(r["metric"], r["measure"], r["locality"]) for r in got] == [("goods_volume", "change_pct", "Thái Lan")]


def test_a_tender_taken_part_in_is_no_export_but_one_won_is():
    assert rows("Các doanh nghiệp của tỉnh vừa tham gia đấu thầu cung cấp 200.000 tấn gạo cho Indonesia.") == []
    assert rows("Tháng trước, Bangladesh đã mở thầu nhập khẩu 50.000 tấn gạo.") == []
    (r,) = rows("Các doanh nghiệp của tỉnh đã trúng thầu xuất khẩu 150.000 tấn gạo sang Indonesia.")
    assert (r["metric"], r["value"]) == ("export_volume", 150000.0)


def test_figures_of_an_outlook_the_headline_tells_are_forecasts():
    body = ("Ngày 5/4, IMF công bố báo cáo kinh tế khu vực.\nCũng theo báo cáo trên, Mông Cổ có tốc độ tăng trưởng cao nhất "
            "(12%), tiếp theo là Lào (7%).")
    assert extract_figures(ArticleText("t", body, "IMF dự báo châu Á tăng trưởng nhanh", 2022, None)) == []
    body = "Báo cáo kinh tế khu vực.\nKinh tế Lào tăng trưởng 6% năm 2020 và 7% năm 2021, năm nay ước đạt 7,5%."
    got = extract_figures(ArticleText("t", body, "Triển vọng kinh tế châu Á", 2022, None))
    assert [r["value"] for r in got] == [6.0, 7.0]
    got = extract_figures(ArticleText("t", body, "Kinh tế châu Á", 2022, None))
    assert [r["value"] for r in got] == [6.0, 7.0, 7.5]


def test_a_target_the_city_is_determined_to_reach_and_a_share_of_demand_are_no_figures():
    assert rows("Năm nay, thành phố quyết tâm thu hút 20.000 tỷ đồng vốn đầu tư xã hội.") == []
    assert rows("Năm 2021, thịt bò nhập khẩu đáp ứng 30% nhu cầu của thị trường.") == []
    (r,) = rows("Năm 2021, xuất khẩu của tỉnh tăng 14% nhờ nhu cầu lớn của thế giới.")
    assert r["value"] == 14.0
    assert rows("Năm 2021, thương hiệu Sao Việt có tốc độ tăng trưởng hằng năm là 30%.") == []


def test_one_named_firms_sales_and_one_banks_deposits_are_no_figures():
    assert rows("Năm 2021, tổng doanh số bán lẻ của Minh Phát đạt 2 tỷ USD.") == []
    assert rows("Năm 2021, vốn huy động của Sao Bắc Bank tăng 25%, đạt 9.000 tỷ đồng.") == []
    (r,) = rows("Năm 2021, tiền gửi của dân cư tại các ngân hàng trên địa bàn tỉnh tăng 12%.")
    assert (r["metric"], r["value"]) == ("deposits", 12.0)


def test_a_breakdown_two_sentences_after_a_target_and_a_tariff_level_are_no_facts():
    body = ("Tỉnh đặt mục tiêu xuất khẩu 2 tỷ USD năm nay. Các mặt hàng chủ lực vẫn là gạo và cà phê.\n"
            "Trong đó, kim ngạch xuất khẩu gạo đạt 800 triệu USD, tăng 10%.")
    assert rows(body) == []
    assert rows("Năm nay, mức thuế nhập khẩu linh kiện ô tô tăng lên 30%.") == []


def test_growth_of_a_sector_or_a_throughput_named_with_a_place_is_not_gdp():
    assert [r["metric"] for r in rows("Năm 2021, du lịch Đà Nẵng vẫn đạt mức tăng trưởng 15%.")] == ["other"]
    assert [r["metric"] for r in rows("Năm 2021, cảng Hải Phòng có tốc độ tăng trưởng container 12%/năm.")] == ["other"]
    assert [r["metric"] for r in rows("Năm 2021, Đà Nẵng đạt mức tăng trưởng 7%.")] == ["gdp"]
    assert rows("Tháng 7, tốc độ tăng trưởng tín dụng trên địa bàn tỉnh ước khoảng 1,5%.") == []


def test_a_value_not_reached_is_no_figure():
    got = rows("Tháng 3, kim ngạch nhập khẩu của cả nước chỉ đạt 2,3 tỷ USD (chưa vượt 2,5 tỷ USD như kỳ vọng).")
    assert [key(r) for r in got] == [("import_value", "amount", 2300000000.0, "USD")]


def test_a_trade_deficit_is_no_import_flow():
    got = rows("Năm 2004, kim ngạch nhập khẩu của tỉnh đạt 150 triệu USD, đẩy mức thâm thủng mậu dịch lên 40 triệu USD.")
    assert [key(r) for r in got] == [("import_value", "amount", 150000000.0, "USD"),
                                     ("other", "amount", 40000000.0, "USD")]


def test_a_loss_or_its_equivalent_is_no_gdp_figure():
    assert rows("Về kinh tế, trận lũ đã làm giảm tăng trưởng GDP của tỉnh tới 0,4%, tương đương 700 tỷ đồng.") == []
    # a change told with the money it amounts to: the change is a figure, the amount an absolute change
    got = rows("Năm 2004, kim ngạch xuất khẩu của tỉnh tăng 12%, tương đương 90 triệu USD.")
    assert [key(r) for r in got] == [("export_value", "change_pct", 12.0, "percent")]


def test_output_growth_is_no_trade_growth():
    assert rows("Nhờ chính sách khuyến khích xuất khẩu thép, trong 3 năm qua sản lượng thép của Ấn Độ mỗi năm tăng "
                "khoảng 12%.") == []
    # (the volume traded, named after the output, keeps its flow)
    got = rows("Năm 2004, sản lượng khai thác tiếp tục giảm mạnh khiến lượng xuất khẩu than giảm 7%.")
    assert [key(r) for r in got] == [("export_volume", "change_pct", -7.0, "percent")]


def test_an_outlooks_figure_of_the_year_not_over_is_the_forecast():
    body = ("Ngân hàng Phát triển châu Á (ADB) vừa công bố triển vọng kinh tế khu vực.\nTăng trưởng kinh tế năm 2006 của "
            "Thái Lan giảm từ 5,1% xuống 4,6%. Năm 2005, kinh tế Thái Lan tăng trưởng 4,5%.")
    doc = ArticleText("t", body, None, 2006, datetime(2006, 4, 3))
    assert [(r["value"], r["period_start"]) for r in extract_figures(doc)] == [(4.5, date(2005, 1, 1))]


def test_yearless_months_take_the_paragraphs_stated_year_without_an_article_year():
    body = ("Giới thiệu.\nTháng 6/2005, kim ngạch xuất khẩu của cả nước đạt 2,4 tỷ USD. Trong 6 tháng đầu năm, nhập khẩu "
            "của cả nước đạt 15 tỷ USD; quý II đạt 8 tỷ USD.\nTrong 8 tháng đầu năm, xuất khẩu của tỉnh đạt 90 triệu USD, "
            "tăng 9% so với cùng kỳ năm 2004.")
    got = extract_figures(ArticleText("t", body, None, None, None))
    assert [(r["value"], r["period_start"], r["period_end"]) for r in got] == [
        (2.4e9, date(2005, 6, 1), date(2005, 6, 30)), (1.5e10, date(2005, 1, 1), date(2005, 6, 30)),
        (8e9, date(2005, 4, 1), date(2005, 6, 30)),
        (9e7, None, None), (9.0, None, None)]  # (a compared year, in another paragraph, is no year of its figures)


def test_a_founding_year_is_no_year_of_a_later_month():
    body = ("Giới thiệu.\nThành lập năm 1998, khu công nghiệp này trong tháng 9 đã thu hút thêm vốn đầu tư trực tiếp "
            "nước ngoài 30 triệu USD.")
    got = extract_figures(ArticleText("t", body, None, None, None))
    assert [(r["metric"], r["period_start"]) for r in got] == [("fdi_capital", None)]


@needs_gaz
def test_a_placeless_figure_takes_its_siblings_place():
    body = ("Năm 2004, kim ngạch xuất khẩu của Đồng Nai đạt 2,1 tỷ USD. Nhập khẩu đạt 1,8 tỷ USD, tăng 12%.\n"
            "Nhập khẩu máy móc đạt 300 triệu USD.")
    got = rows(body)
    assert [(r["value"], r["locality"]) for r in got] == [
        (2.1e9, "Đồng Nai"), (1.8e9, "Đồng Nai"), (12.0, "Đồng Nai"), (3e8, None)]  # (not past a paragraph break)


@needs_gaz
def test_a_placeless_figure_is_the_headlines_subject_or_a_national_agencys():
    doc = ArticleText("t", "Giới thiệu.\nTrong tháng 9, xuất khẩu đạt 68 tỷ euro, tăng 4%.", "Đức: xuất khẩu tăng mạnh",
                      2005, None)
    assert {r["locality"] for r in extract_figures(doc)} == {"Đức"}
    body = "Giới thiệu.\nTheo Tổng cục Thống kê, tháng 5 nhập khẩu xăng dầu đạt 400 triệu USD. Xuất khẩu đạt 2 tỷ USD."
    assert {r["locality"] for r in extract_figures(ArticleText("t", body, "Tin kinh tế", 2005, None))} == {"Việt Nam"}
    # two places in the headline: no single subject
    doc = ArticleText("t", "Giới thiệu.\nTrong tháng 9, xuất khẩu đạt 68 tỷ euro.", "Đức và Pháp", 2005, None)
    assert {r["locality"] for r in extract_figures(doc)} == {None}


def test_month_spans_the_calendar_resolves():
    body = ("Giới thiệu.\nTheo Cục Đầu tư nước ngoài, trong 5 tháng qua, vốn FDI đăng ký đạt 1,2 tỷ USD. Trong ba tháng đầu "
            "năm, nhập khẩu của cả nước đạt 6 tỷ USD.\nXuất khẩu của cả nước trong tháng này ước đạt 2,1 tỷ USD.")
    spans = [(r["value"], r["period_start"], r["period_end"])
             for r in extract_figures(ArticleText("t", body, None, 2006, datetime(2006, 6, 2)))]
    assert spans == [(1.2e9, date(2006, 1, 1), date(2006, 5, 31)), (6e9, date(2006, 1, 1), date(2006, 3, 31)),
                     (2.1e9, date(2006, 6, 1), date(2006, 6, 30))]
    # told in another month, ``5 tháng qua`` are any five months: no period
    late = extract_figures(ArticleText("t", body, None, 2006, datetime(2006, 10, 2)))
    assert (late[0]["period_start"], late[0]["period_end"]) == (None, None)


def test_a_sentences_own_yearless_period_takes_the_year_of_the_one_before():
    body = ("Giới thiệu.\nQuý I năm 2005, thâm hụt thương mại của Nhật Bản là 12 tỷ USD. Thâm hụt tăng từ 12 tỷ USD trong "
            "quý I lên 15 tỷ USD trong quý II. Thâm hụt tháng này ước đạt 6 tỷ USD.")
    got = extract_figures(ArticleText("t", body, None, None, None))
    assert [(r["value"], r["period_start"], r["period_end"]) for r in got] == [
        (1.2e10, date(2005, 1, 1), date(2005, 3, 31)), (1.2e10, date(2005, 1, 1), date(2005, 3, 31)),
        (1.5e10, date(2005, 4, 1), date(2005, 6, 30)),
        (6e9, None, None)]  # (``tháng này`` with no publication date: unknown, not the quarter before)


def test_aid_asked_for_or_pledged_is_no_figure():
    assert rows("Chính phủ nước này đã kêu gọi cộng đồng quốc tế viện trợ khẩn cấp 120 triệu USD.") == []
    assert rows("Nhiều nhà tài trợ cũng tuyên bố viện trợ, như Canada 30 triệu USD và Úc 45 triệu USD.") == []


def test_mining_output_falling_is_no_export_change():
    assert rows("Tại Chile, nước xuất khẩu đồng lớn nhất thế giới, năm 2004 sức khai thác đã giảm 4,2%.") == []
