"""Meeting extraction: sentences from the seeds and the VNTC sample, exact field values."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from pipeline.extract import ArticleText
from pipeline.extract.meetings import extract_meetings


def run(body: str, year: int | None = None, published: datetime | None = None) -> list[dict]:
    rows = extract_meetings(ArticleText("t", body, None, year, published))
    for r in rows:
        assert body[r["evidence_start"]: r["evidence_end"]] == r["evidence"]
    return rows


def people(row: dict) -> dict[str, str | None]:
    return {p["name"]: p["side"] for p in row["participants"]}


def test_lead_caption_and_anaphora_are_one_reception():
    body = ("Sáng 16/5, trong khuôn khổ chuyến công tác tại Khu tự trị dân tộc Choang Quảng Tây, Đại sứ Việt Nam "
            "tại Trung Quốc Phạm Thanh Bình đã hội kiến với đồng chí Trần Cương, Ủy viên Trung ương Đảng Cộng sản "
            "Trung Quốc, Bí thư Đảng ủy Khu tự trị dân tộc Choang Quảng Tây.\n"
            "Đại sứ Phạm Thanh Bình hội kiến với đồng chí Trần Cương.\n"
            "Tại cuộc hội kiến, Đại sứ Phạm Thanh Bình đánh giá cao vai trò lịch sử của Quảng Tây.")
    [row] = run(body, 2025)
    assert (row["kind"], row["mode"], row["date"], row["date_precision"]) == (
        "reception", "in_person", date(2025, 5, 16), "day")
    assert people(row) == {"Phạm Thanh Bình": "VN", "Trần Cương": "CN"}
    assert row["localities"] == ["Quảng Tây"]
    assert row["evidence_start"] == 0


def test_title_without_place_takes_the_city_named_before():
    body = ("Ông Chân Kiến Vĩ khẳng định, Thành ủy, Chính quyền TP Sùng Tả hết sức coi trọng hợp tác với Việt Nam. "
            "Ngày 29/6/2022, Bí thư Thành ủy Lam Hiểu đã có hội đàm trực tuyến thành công với Phó Chủ tịch UBND "
            "tỉnh Lạng Sơn Đoàn Thu Hà theo cơ chế gặp gỡ, trao đổi định kỳ giữa hai tỉnh/thành phố.")
    [row] = run(body, 2022)
    assert (row["kind"], row["mode"], row["date"]) == ("talks", "online", date(2022, 6, 29))
    assert people(row) == {"Lam Hiểu": "CN", "Đoàn Thu Hà": "VN"}
    assert row["localities"] == ["Sùng Tả", "Lạng Sơn"]


def test_month_date_and_online_courtesy_call():
    body = ("Tháng 7/2022, nhân dịp tới Quảng Tây chủ trì Phiên hợp Ủy ban Chỉ đạo hợp tác song phương Việt – Trung, "
            "Phó Thủ tướng Thường trực Phạm Bình Minh đã có hội kiến trực tuyến với Bí thư Khu ủy Quảng Tây Lưu Ninh.")
    [row] = run(body, 2022)
    assert (row["kind"], row["mode"], row["date"], row["date_precision"]) == (
        "reception", "online", date(2022, 7, 1), "month")
    assert people(row) == {"Phạm Bình Minh": "VN", "Lưu Ninh": "CN"}
    assert row["localities"] == ["Quảng Tây"]


def test_undated_caption_reception():
    body = ("Tổng Lãnh sự Việt Nam tại Nam Ninh Đỗ Nam Trung tiếp và làm việc với ông Chân Kiến Vĩ, Thường vụ "
            "Thành ủy, Phó Thị trưởng TP Sùng Tả, Quảng Tây. |")
    [row] = run(body, 2022)
    assert (row["kind"], row["mode"], row["date"], row["date_precision"]) == (
        "reception", "in_person", None, "unknown")
    assert row["location"] is None  # `tại Nam Ninh` is the consulate's seat, not the venue
    assert people(row) == {"Đỗ Nam Trung": "VN", "Chân Kiến Vĩ": "CN"}
    assert row["localities"] == ["Sùng Tả", "Quảng Tây"]


def test_event_anaphora_adds_people_and_mode():
    body = ("Chủ tịch UBND thành phố Bắc Giang Đặng Đình Hoan, Thị trưởng thành phố Nam Ninh Liêu Lập Dũng đồng "
            "chủ trì Hội nghị với sự tham gia của lãnh đạo các sở ngành chủ chốt của hai thành phố.\n"
            "Tổng lãnh sự Việt Nam tại Nam Ninh Đỗ Nam Trung đã tham dự và phát biểu tại sự kiện.\n"
            "Toàn cảnh buổi gặp gỡ trực tuyến. |")
    [row] = run(body)
    assert (row["kind"], row["mode"], row["date"]) == ("conference", "online", None)
    assert people(row) == {"Đặng Đình Hoan": "VN", "Liêu Lập Dũng": "CN", "Đỗ Nam Trung": "VN"}
    assert row["localities"] == ["Bắc Giang", "Nam Ninh"]


SEED_002 = (
    "Sáng 22/2, tỉnh Hà Giang đăng cai tổ chức Chương trình Gặp gỡ đầu xuân năm 2023 (trực tuyến) giữa Bí thư "
    "Tỉnh ủy 4 tỉnh: Hà Giang, Quảng Ninh, Lạng Sơn, Cao Bằng và Bí thư Khu tự trị dân tộc Choang Quảng Tây "
    "(Trung Quốc).\n"
    "Trong năm 2022, các tỉnh biên giới của Việt Nam và tỉnh Quảng Tây (Trung Quốc) đã phối hợp tổ chức hơn 50 "
    "cuộc hội đàm trực tuyến, hội đàm thực địa tại biên giới.\n"
    "Bí thư các tỉnh biên giới Việt Nam ký kết trực tuyến biên bản hội nghị và thỏa thuận hợp tác.\n"
    "Bí thư các tỉnh/khu đã ký kết trực tuyến biên bản hội nghị và thỏa thuận hợp tác giữa các tỉnh Hà Giang, "
    "Lạng Sơn, Quảng Ninh, Cao Bằng và Bí thư Khu ủy Khu tự trị dân tộc Choang Quảng Tây (giai đoạn 2023-2027).\n"
    "Ngay sau Chương trình gặp gỡ đầu xuân là hội nghị lần thứ 14, Ủy ban công tác liên hợp các tỉnh Hà Giang, "
    "Quảng Ninh, Lạng Sơn, Cao Bằng (Việt Nam) và Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc) theo hình "
    "thức trực tuyến."
)


def test_two_meetings_same_day_stay_apart_and_aggregates_are_skipped():
    rows = run(SEED_002, 2023)
    assert len(rows) == 2
    for row in rows:
        assert (row["kind"], row["mode"], row["date"], row["participants"]) == (
            "conference", "online", date(2023, 2, 22), [])
        assert sorted(row["localities"]) == ["Cao Bằng", "Hà Giang", "Lạng Sơn", "Quảng Ninh", "Quảng Tây"]
    assert rows[0]["evidence"].startswith("Sáng 22/2")
    assert rows[1]["evidence"].startswith("Ngay sau")


def test_caption_gives_the_venue():
    body = ("Ngày 16/7, Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam Phan Anh Sơn đã tiếp Đoàn đại biểu do ông "
            "Ngụy Nhiên, Giám đốc Sở Ngoại vụ, Hội trưởng Hội Hữu nghị đối ngoại nhân dân Khu tự trị dân tộc "
            "Choang Quảng Tây dẫn đầu.\n"
            "Quang cảnh buổi tiếp. (Ảnh: Đinh Hoà)\n"
            "Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam Phan Anh Sơn tiếp Đoàn đại biểu đối ngoại Quảng Tây "
            "(Trung Quốc) ngày 16/7 tại Hà Nội. (Ảnh: Đinh Hòa)")
    published = datetime(2025, 7, 16, 16, 24, tzinfo=timezone(timedelta(hours=7)))
    [row] = run(body, 2025, published)
    assert (row["kind"], row["mode"], row["date"], row["location"]) == (
        "reception", "in_person", date(2025, 7, 16), "Hà Nội")
    assert people(row) == {"Phan Anh Sơn": "VN", "Ngụy Nhiên": "CN"}
    assert row["localities"] == ["Quảng Tây"]


def test_phone_talks_are_online():
    [row] = run("Hôm qua, Chủ tịch nước Trần Đức Lương đã hội đàm qua điện thoại với Tổng thống Pháp Jacques Chirac.",
                2005)
    assert (row["kind"], row["mode"], row["date"]) == ("talks", "online", None)
    assert people(row) == {"Trần Đức Lương": "VN", "Jacques Chirac": "FR"}


def test_reception_with_venue_vntc():
    [row] = run("Sáng 5/3, tại Hà Nội, Phó Thủ tướng Vũ Khoan đã tiếp Đại sứ Nhật Bản Norio Hattori.", 2005)
    assert (row["kind"], row["mode"], row["date"], row["location"], row["localities"]) == (
        "reception", "in_person", date(2005, 3, 5), "Hà Nội", [])
    assert people(row) == {"Vũ Khoan": "VN", "Norio Hattori": "JP"}


def test_talks_win_over_the_visit_they_happen_in():
    body = ("Chiều 13/7, Bộ trưởng Ngoại giao nước CHND Bangladesh M.Morshed Khan đến Hà Nội trong chuyến thăm chính "
            "thức nước ta, đã có cuộc hội đàm với Bộ trưởng Ngoại giao Nguyễn Dy Niên.")
    [row] = run(body, 2004)
    assert (row["kind"], row["date"]) == ("talks", date(2004, 7, 13))
    assert "Nguyễn Dy Niên" in people(row)


def test_not_meetings():
    for body in (
        "Hai bên nhất trí sẽ tổ chức hội nghị lần thứ 15 tại Nam Ninh vào năm 2024.",  # planned
        "Công trình Trung tâm hội nghị quốc gia được xây trên khu đất thuộc xã Mễ Trì (Từ Liêm), Hà Nội.",
        "Bên cạnh những nỗi lo này, Chủ tịch Hội Kiến trúc sư và Giám đốc Sở Xây dựng Đà Nẵng Nguyễn Ngọc Tuấn "
        "đánh giá việc quy hoạch thành phố.",
        "Mở đầu phiên chất vấn trực tiếp Phó Thủ tướng Thường trực Nguyễn Tấn Dũng, ĐB Đỗ Trọng Ngoạn (Bắc Giang) "
        "đi thẳng vào vấn đề.",
        "Khảo sát của Công ty ACNielsen thực hiện trên 1.500 người ở TP HCM, Hà Nội, Đà Nẵng cho thấy xu hướng mới.",
        "Hà Tây là tỉnh duy nhất trong cả nước vinh dự được đón Chủ tịch Hồ Chí Minh về thăm và làm việc 53 lần.",
        "Tại cuộc gặp, hai bên đã trao đổi các biện pháp tăng cường hợp tác.",  # anaphora with nothing before
    ):
        assert run(body, 2005) == [], body


def test_same_day_sentence_takes_the_date_and_plans_are_skipped():
    body = ("Sáng 5/3, tại Hà Nội, Chủ tịch nước Trần Đức Lương đã tiếp Bộ trưởng Ngoại giao Lào Somsavat Lengsavad.\n"
            "Cùng ngày, Thủ tướng Phan Văn Khải đã hội đàm với Bộ trưởng Ngoại giao Lào Somsavat Lengsavad.\n"
            "Tại buổi hội đàm, hai bên nhất trí tăng cường hợp tác.\n"
            "Chiều 6/3, Thủ tướng Phan Văn Khải sẽ tiếp Đại sứ Nhật Bản Norio Hattori.")
    reception, talks = run(body, 2005)
    assert (reception["kind"], reception["date"], reception["location"]) == ("reception", date(2005, 3, 5), "Hà Nội")
    assert (talks["kind"], talks["date"], talks["date_precision"]) == ("talks", date(2005, 3, 5), "day")
    assert people(talks) == {"Phan Văn Khải": "VN", "Somsavat Lengsavad": "LA"}
