"""parse_number and find_quantities: Vietnamese digit groups, scale words, units, qualifiers, USD brackets."""

import math

import pytest

from pipeline.numbers import find_quantities, parse_number, usd_equivalent


@pytest.mark.parametrize(("s", "v"), [("50,043", 50.043), ("138.000", 138000), ("1.488", 1488), ("3,370", 3.37),
                                      ("1100", 1100), ("7.2", 7.2), ("1,16", 1.16), ("25.495.000.000", 25495000000),
                                      ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1,234,567", 1234567)])
def test_parse_number(s, v):
    assert parse_number(s) == pytest.approx(v)


def one(text):
    (q,) = [q for q in find_quantities(text) if q.unit]
    return q


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("đạt 50,043 tỷ nhân dân tệ", 50043000000, "CNY", "exact"),
        ("với 138.000 lượt phương tiện", 138000, "vehicle", "exact"),
        ("chuyên chở 1,16 triệu tấn hàng hóa", 1160000, "tonne", "exact"),
        ("duy trì hàng ngày trên 1100 xe", 1100, "vehicle", "more_than"),
        ("đạt khoảng 3,370 tỷ USD", 3370000000, "USD", "approx"),
        ("có hơn 160 dự án đầu tư FDI", 160, "project", "more_than"),
        ("GDP vượt mốc 75 tỷ USD", 75000000000, "USD", "more_than"),
        ("tăng 5,7% so với cùng kỳ", 5.7, "percent", "exact"),
        ("nhập siêu dưới 2 tỷ USD", 2000000000, "USD", "less_than"),
        ("doanh thu 485 tỉ đồng", 485000000000, "VND", "exact"),
        ("khoảng 500 nghìn tỷ đồng", 500000000000000, "VND", "approx"),
        ("lợi nhuận 1.748.000.000 đồng", 1748000000, "VND", "exact"),
        ("tổng vốn 7.2 tỷ USD", 7200000000, "USD", "exact"),
        ("gần 300 triệu đôla", 300000000, "USD", "approx"),
        ("đạt 1,4-1,5 tỷ USD", 1450000000, "USD", "approx"),
        ("mỗi năm bán từ 300.000 đến 350.000 tấn", 325000, "tonne", "approx"),
        ("doanh thu đã vượt qua con số 900 tỷ đồng", 900000000000, "VND", "more_than"),
        ("doanh thu vẫn chưa thể vượt qua con số 900 tỷ đồng", 900000000000, "VND", "less_than"),
        ("cao hơn mức 9% của năm trước", 9, "percent", "exact"),
        ("vốn từ 2 triệu tới 4 triệu USD", 3000000, "USD", "approx"),
        ("sản lượng 880.000 đến 1,2 triệu tấn", 1040000, "tonne", "approx"),
        ("diện tích 22.700 km²", 22700, "km2", "exact"),
    ],
)
def test_quantities(text, value, unit, qualifier):
    q = one(text)
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, qualifier)
    assert text[q.start:q.end] == q.text


def test_usd_bracket_is_merged():
    text = "GDP đạt 50,043 tỷ nhân dân tệ (7,2 tỷ USD), tăng 5,7%"
    qs = find_quantities(text)
    assert [(q.unit, q.value_usd) for q in qs] == [("CNY", pytest.approx(7.2e9)), ("percent", None)]
    assert qs[0].text == "50,043 tỷ nhân dân tệ (7,2 tỷ USD)" and qs[0].scale_text == "tỷ"
    (q,) = [q for q in find_quantities("500 nghìn tỷ đồng, tương đương 30 tỷ USD") if q.unit]
    assert q.value_usd == pytest.approx(3e10)


def test_share_in_bracket_is_not_usd():
    qs = [q for q in find_quantities("3,370 tỷ USD (tương đương 50% tổng vốn)") if q.unit]
    assert [(q.unit, q.value) for q in qs] == [("USD", pytest.approx(3.37e9)), ("percent", 50)]


def test_dates_and_comrades_are_not_quantities():
    assert [q for q in find_quantities("Ngày 29/6/2022, 2 đồng chí, COVID-19") if q.unit] == []
    assert all(q.text != "22" for q in find_quantities("ngày 22/2"))


def test_scaled_values_are_exact():
    assert [q.value for q in find_quantities("4,1 tỷ USD, 0,3 triệu tấn và 1,16 triệu tấn")] == [
        4100000000.0, 300000.0, 1160000.0]


def test_units_filter_reads_only_those_units():
    text = "Ngày 7/9/2022, 2 đồng chí cho biết GDP đạt 50,043 tỷ nhân dân tệ (7,2 tỷ USD), tăng 5,7%, diện tích 300 ha."
    keep = {"CNY", "USD", "percent"}
    got = find_quantities(text, keep)
    assert got == [q for q in find_quantities(text) if q.unit in keep]
    assert [(q.unit, q.value, q.value_usd) for q in got] == [("CNY", 50043000000.0, 7200000000.0), ("percent", 5.7, None)]


def test_a_number_too_long_for_a_float_is_not_a_quantity():
    text = "mã số " + "9" * 400 + " USD, kim ngạch đạt 5 triệu USD"
    qs = find_quantities(text)
    assert [q.value for q in qs] == [5e6]
    assert all(math.isfinite(q.value) for q in qs)


def test_usd_equivalent_own_stated_converted_or_none():
    assert usd_equivalent(5e6, "USD") == (5e6, "stated")
    assert usd_equivalent(7e9, "CNY", stated=1e9) == (1e9, "stated")
    usd, source = usd_equivalent(6.616e9, "CNY", year=2018)
    assert source == "converted" and usd == pytest.approx(1e9, rel=1e-3)
    assert usd_equivalent(6.616e9, "CNY") == (None, None)  # no year: no rate
    assert usd_equivalent(10.0, "percent", year=2018) == (None, None)


def test_partner_currencies():
    (q,) = find_quantities("chương trình trị giá 1,5 triệu đô - la New Zealand")
    assert (q.value, q.unit) == (1.5e6, "NZD")
    (q,) = find_quantities("khoản viện trợ 20 tỷ won")
    assert (q.value, q.unit) == (2e10, "KRW")


def test_scaled_values_are_exact_decimals():
    """``2.076,3 tỷ`` is 2076300000000.0 exactly, not 2076299999999.9998 (a float product)."""
    assert one("thu ngân sách 2.076,3 tỷ đồng").value == 2076300000000.0
    assert one("kim ngạch 44,7 tỷ euro").value == 44700000000.0


def test_a_year_before_tới_and_an_amount_is_no_range():
    [q] = [q for q in find_quantities("Năm 2004, thâm hụt của nước này lên năm 2004 tới 120 tỷ USD.") if q.unit == "USD"]
    assert (q.value, q.qualifier) == (120000000000.0, "exact")


def test_a_range_of_percentages_with_a_sign_on_each_end_is_one_quantity():
    (q,) = find_quantities("năng suất tăng 4% - 6%/năm")
    assert (q.value, q.unit, q.qualifier) == (5.0, "percent", "approx")
    (q,) = find_quantities("lợi nhuận tăng 12,5%–13,5% so với quý trước")
    assert (q.value, q.unit) == (13.0, "percent")
    assert [q.value for q in find_quantities("xuất khẩu tăng 12%, nhập khẩu tăng 8%")] == [12.0, 8.0]


def test_a_qualifier_is_read_only_as_a_word_right_before_the_number():
    assert one("KHOẢNG 40 tấn cá").qualifier == "approx"  # capitals: the stems are compared casefolded
    assert one("Bình quân đạt 12 tấn").qualifier == "approx"
    assert one("nước bạn nhập 40 tấn cá").qualifier == "exact"  # `ước` inside `nước` is no qualifier
    assert one("hơn(40 tấn)").qualifier == "exact"  # not blank-separated from the word
    assert one("mua 40 tấn, hơn hẳn năm ngoái").qualifier == "exact"  # the word comes after the number
