"""find_dates: real forms from the seeds and VNTC, exact dates and periods."""

from datetime import date, datetime

import pytest

from pipeline.dates import STAND_IN_YEAR, find_dates, improves, same_day, stated, within, year_or_stand_in

D = date


@pytest.mark.parametrize(
    ("text", "surface", "day", "precision", "start", "end"),
    [
        ("Ngày 9/9, đoàn công tác", "Ngày 9/9", D(2022, 9, 9), "day", D(2022, 9, 9), D(2022, 9, 9)),
        ("Sáng 22/2, tỉnh Hà Giang đăng cai", "Sáng 22/2", D(2022, 2, 22), "day", D(2022, 2, 22), D(2022, 2, 22)),
        ("chiều 16/5, Đại sứ", "chiều 16/5", D(2022, 5, 16), "day", D(2022, 5, 16), D(2022, 5, 16)),
        ("Ngày 29/6/2022, Bí thư", "Ngày 29/6/2022", D(2022, 6, 29), "day", D(2022, 6, 29), D(2022, 6, 29)),
        ("sáng ngày 19-3 tại Hà Nội", "sáng ngày 19-3", D(2022, 3, 19), "day", D(2022, 3, 19), D(2022, 3, 19)),
        ("ngày 2.3 vừa qua", "ngày 2.3", D(2022, 3, 2), "day", D(2022, 3, 2), D(2022, 3, 2)),
        ("ngày 12 tháng 3 năm 2005", "ngày 12 tháng 3 năm 2005", D(2005, 3, 12), "day", D(2005, 3, 12),
         D(2005, 3, 12)),
        ("Tháng 7/2022, nhân dịp", "Tháng 7/2022", D(2022, 7, 1), "month", D(2022, 7, 1), D(2022, 7, 31)),
        ("trong tháng 7-2005", "tháng 7-2005", D(2005, 7, 1), "month", D(2005, 7, 1), D(2005, 7, 31)),
        ("hồi tháng 7 vừa qua", "tháng 7", D(2022, 7, 1), "month", D(2022, 7, 1), D(2022, 7, 31)),
        ("năm 2021, bất chấp", "năm 2021", D(2021, 1, 1), "year", D(2021, 1, 1), D(2021, 12, 31)),
        ("GDP trong nửa đầu năm đạt", "nửa đầu năm", D(2022, 1, 1), "month", D(2022, 1, 1), D(2022, 6, 30)),
        ("6 tháng đầu năm nay", "6 tháng đầu năm nay", D(2022, 1, 1), "month", D(2022, 1, 1), D(2022, 6, 30)),
        ("9 tháng đầu năm 2005", "9 tháng đầu năm 2005", D(2005, 1, 1), "month", D(2005, 1, 1), D(2005, 9, 30)),
        ("trong quý I/2024", "quý I/2024", D(2024, 1, 1), "month", D(2024, 1, 1), D(2024, 3, 31)),
        ("Từ tháng 1 đến tháng 8 năm 2022, tổng kim ngạch", "Từ tháng 1 đến tháng 8 năm 2022", D(2022, 1, 1),
         "month", D(2022, 1, 1), D(2022, 8, 31)),
        ("Từ ngày 6-8/9, đoàn", "Từ ngày 6-8/9", D(2022, 9, 6), "day", D(2022, 9, 6), D(2022, 9, 8)),
        ("trong ba ngày từ 12 đến 14/6", "từ 12 đến 14/6", D(2022, 6, 12), "day", D(2022, 6, 12), D(2022, 6, 14)),
        ("từ ngày 12 đến 18/8", "từ ngày 12 đến 18/8", D(2022, 8, 12), "day", D(2022, 8, 12), D(2022, 8, 18)),
        ("giai đoạn 2023-2027", "giai đoạn 2023-2027", D(2023, 1, 1), "year", D(2023, 1, 1), D(2027, 12, 31)),
        ("năm ngoái", "năm ngoái", D(2021, 1, 1), "year", D(2021, 1, 1), D(2021, 12, 31)),
        ("từ đầu năm nay", "từ đầu năm nay", D(2022, 1, 1), "year", D(2022, 1, 1), None),
    ],
)
def test_forms(text, surface, day, precision, start, end):
    (m,) = find_dates(text, reference_year=2022)
    assert (m.text, m.date, m.precision, m.period_start, m.period_end) == (surface, day, precision, start, end)
    assert text[m.start:m.end] == m.text


def test_end_of_year_is_year_precision():
    (m,) = find_dates("vào cuối năm 2022.", reference_year=2025)
    assert (m.date, m.precision) == (D(2022, 1, 1), "year")


def test_relative_days_need_publication_date():
    pub = datetime(2023, 1, 5, 8, 0)
    got = [(m.text, m.date) for m in find_dates("Sáng nay, hôm qua và ngày 28/12", published_at=pub)]
    assert got == [("Sáng nay", D(2023, 1, 5)), ("hôm qua", D(2023, 1, 4)), ("ngày 28/12", D(2022, 12, 28))]
    (m,) = find_dates("hôm nay")
    assert m.date is None and m.precision == "day"



def test_a_relative_day_followed_by_its_own_day_and_month_is_that_day():
    # with no publication date, "chiều qua 14-8" is still 14 August of the reference year
    got = [(m.date, m.precision) for m in find_dates("Chiều qua 14-8, đoàn công tác tỉnh Hà Giang đã tới Văn Sơn; "
                                                     "sáng hôm qua (13/8) hai bên hội đàm", reference_year=2019)]
    assert got == [(D(2019, 8, 14), "day"), (D(2019, 8, 13), "day")]

def test_published_year_wins_over_reference_year():
    (m,) = find_dates("Ngày 9/9", reference_year=2020, published_at=datetime(2022, 9, 10))
    assert m.date == D(2022, 9, 9)


def test_no_year_keeps_precision_and_resolves_with_hint():
    (m,) = find_dates("ngày 7/9 đạt mức 1488 xe")
    assert m.date is None and m.precision == "day" and (m.month, m.day) == (9, 7)
    assert m.with_year(2022).date == D(2022, 9, 7)


def test_anniversary_is_a_mention_but_not_a_date():
    (m,) = find_dates("kỷ niệm 75 năm (18/1/1950-18/1/2025)")
    assert m.kind == "anniversary" and m.date is None
    assert (m.period_start, m.period_end) == (D(1950, 1, 18), D(2025, 1, 18))
    (m,) = find_dates("18/1/1950-18/1/2025", anniversaries=True)
    assert m.date == D(2025, 1, 18)


@pytest.mark.parametrize("text", ["tăng 2.3%", "chiếm gần 1/3", "ngày 35/13", "ngày 30/2", "tỷ số 2-1", "COVID-19",
                                  "đạt 1.488 xe", "lần thứ 14"])
def test_not_dates(text):
    assert find_dates(text, reference_year=2022) == []


def test_offset():
    (m,) = find_dates("Ngày 9/9", 2022, offset=100)
    assert (m.start, m.end) == (100, 108)


@pytest.mark.parametrize(
    ("body", "year"),
    [
        # the lead sentence's date is the news's, over later background dates
        ("Từ ngày 10-12/3/2024, tại Hà Nội, hai đoàn đã làm việc.\nTháng 5/2023 và tháng 9/2023, hai bên đã ký "
         "các văn kiện. Tính đến tháng 11/2023, tổng vốn đạt 2 tỷ USD.", 2024),
        # a target year is not the news's
        ("Ngày 9/9, hai bên nhất trí đưa kim ngạch lên 5 tỷ USD vào năm 2030 và hợp tác đến năm 2030.", None),
        # a lunar new year names the news's year; a birth or a founding does not
        ("Nhân dịp Xuân Giáp Thìn 2024, đoàn đã sang thăm. Ông sinh năm 1965, công ty thành lập năm 1990.", 2024),
        # a month written `(01/2024)` is a full date
        ("Sau chuyến thăm (01/2024) của Tổng Bí thư, hai bên đã ký kết. Hồi tháng 6/2023, hai bên đã gặp.", 2024),
    ],
)
def test_reference_year_from_the_news(body: str, year: int | None) -> None:
    from pipeline.clean.metadata import reference_year

    assert reference_year(body) == year


def test_every_year_a_target_cue_governs_is_no_reference_year() -> None:
    from pipeline.clean.metadata import reference_year

    body = "Tỉnh đặt mục tiêu năm 2025 và 2030 tăng gấp đôi kim ngạch. Ngày 3/4/2019, hai bên họp tại Hà Khẩu."
    assert reference_year(body) == 2019


def test_stand_in_year_keeps_day_and_month_but_dates_nothing() -> None:
    [m] = find_dates("Chiều 29/2, hai đoàn làm việc tại Vạn Tượng.", year_or_stand_in(None))
    assert m.date == D(STAND_IN_YEAR, 2, 29) and stated(m.date) is None
    [last_year] = find_dates("Hai bên ký kết hồi tháng 5 năm ngoái.", year_or_stand_in(None))
    assert stated(last_year.date) is None
    assert stated(D(2023, 5, 2)) == D(2023, 5, 2)
    assert same_day(D(STAND_IN_YEAR, 9, 3), D(2024, 9, 3))
    assert not same_day(D(STAND_IN_YEAR, 9, 3), D(STAND_IN_YEAR, 9, 6))
    assert not same_day(D(2023, 9, 3), D(2024, 9, 3))
    assert improves(D(STAND_IN_YEAR, 9, 3), D(2024, 9, 3))
    assert not improves(D(STAND_IN_YEAR, 9, 3), D(2024, 1, 1))  # another day's year
    assert not improves(D(2024, 9, 3), D(2024, 9, 3)) and improves(None, D(2024, 9, 3))


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Đoàn thăm Thái Lan từ ngày 03 đến ngày 07 tháng 11 năm 2019.", D(2019, 11, 3), D(2019, 11, 7)),
    ("Hội chợ mở cửa trong hai ngày 14 và 15 tháng 12.", D(2022, 12, 14), D(2022, 12, 15)),
    ("Các ngày 20 - 22 tháng 4 năm 2021, hai đoàn khảo sát cửa khẩu.", D(2021, 4, 20), D(2021, 4, 22)),
])
def test_day_range_with_month_in_words_dates_its_first_day(text: str, first: D, last: D) -> None:
    [m] = find_dates(text, 2022)
    assert (m.date, m.precision, m.kind, m.period_start, m.period_end) == (first, "day", "period", first, last)


def test_within_a_trip_is_its_month_or_year() -> None:
    assert within(D(2023, 7, 8), "day", 4) == (D(2023, 7, 1), "month")
    assert within(D(2023, 6, 29), "day", 5) == (D(2023, 1, 1), "year")  # 29/6 - 3/7
    assert within(D(2023, 12, 30), "day", 4) == (None, "unknown")
    assert within(D(2023, 7, 8), "day", 1) == (D(2023, 7, 8), "day")
    assert within(D(2023, 7, 1), "month", 4) == (D(2023, 7, 1), "month")
