"""Meeting extraction: sentences from the seeds and the VNTC sample, exact field values."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from pipeline.extract import ArticleText
from pipeline.extract.meetings import extract_meetings, meeting_groups
from pipeline.people import find_people


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
        # several visits told together (VNTC)
        "Chuyến đi thăm các nước Brazil, Chile, Argentina của Chủ tịch nước Trần Đức Lương cho thấy khả năng xuất "
        "khẩu vào các thị trường này.",
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


# --- scope: a Viet Nam side and a foreign side (VNTC sentences) ------------------------------


def test_domestic_meetings_are_out_of_scope():
    for body in (
        "Chủ tịch UBND TP HCM Lê Thanh Hải nhìn nhận như vậy tại cuộc họp với các sở, ngành góp ý, kiểm điểm công "
        "tác quản lý nhà nước trên địa bàn nhiệm kỳ 1999-2004, diễn ra hôm qua.",
        "Chủ tịch Quốc hội Nguyễn Văn An đã phát biểu như vậy, tại hội nghị triển khai công tác giám sát năm 2005 tổ "
        "chức sáng 14/1 tại Hà Nội.",
        "Trước đó, chiều 3/12, Phó thủ tướng Nguyễn Tấn Dũng đã làm việc với lãnh đạo chủ chốt hai tỉnh Đăk Lăk và "
        "Đăk Nông.",
        # a foreign country as the topic, not a side
        "Ngày 12/7, tại Hà Nội đã diễn ra hội nghị dưới sự chủ trì của Phó thủ tướng Vũ Khoan để triển khai thực hiện "
        "Hiệp định phân định Vịnh Bắc Bộ giữa Việt Nam và Trung Quốc.",
        # Vietnamese people abroad: the country is only the venue
        "Tối 6-6, Tổng Bí thư Nông Đức Mạnh đã tới thăm Đại sứ quán Việt Nam tại Pháp, gặp thân mật cán bộ các cơ "
        "quan đại diện và cộng đồng người Việt Nam tại Pháp.",
    ):
        assert run(body, 2005) == [], body


def test_foreign_foreign_meetings_are_out_of_scope():
    for body in (
        "Tổng Thư ký LHQ Kofi Annan trong bài diễn văn khai mạc Hội nghị Thượng đỉnh thế giới về thảm họa sóng thần "
        "tại Jakarta, thủ đô Indonesia, hôm qua, 6-1, đã kêu gọi các nước giải ngân ngay.",
        "Ngày 25/9, trong buổi họp báo sau khi kết thúc cuộc họp thường niên của WB và IMF tại Washington, chủ tịch Ủy "
        "ban Phát triển của WB, ông Trevor Manuel, chủ tịch Ngân hàng Thế giới Paul Wolfowitz đã công bố thỏa thuận.",
        "Thủ tướng Israel Ariel Sharon và Tổng thống Palestine Mahmoud Abbas nhận lời mời của Tổng thống Ai Cập Hosni "
        "Mubarak dự hội nghị thượng đỉnh ở Sharm el-Sheik, hôm qua.",
        # `Thủ tướng Lý Hiển Long` has only a bare title: not Vietnamese in an article that never names Viet Nam
        "Alliot-Marie đã từ Yemen đến thăm Singapore 5 tiếng đồng hồ và gặp Thủ tướng Lý Hiển Long và Phó thủ tướng "
        "Tony Tan.",
    ):
        assert run(body, 2005) == [], body


def test_foreign_delegation_named_in_the_sentence_gives_the_side():
    body = ("Chiều 11-4, Phó Bí thư Thành ủy, Chủ tịch HĐND TPHCM Phạm Phương Thảo đã tiếp đoàn đại biểu Ủy ban Đối "
            "ngoại, Hạ viện Cộng hòa Czech do ông Vladimir Lastuvka, Chủ nhiệm Ủy ban, làm trưởng đoàn.")
    [row] = run(body, 2005)
    assert (row["kind"], row["mode"], row["date"]) == ("reception", "in_person", date(2005, 4, 11))
    assert people(row) == {"Phạm Phương Thảo": "VN", "Vladimir Lastuvka": "CZ"}


def test_vietnamese_side_implied_by_a_vietnamese_article():
    body = ("Tỉnh Quảng Ninh đẩy mạnh thu hút đầu tư vào Khu kinh tế Vân Đồn, Quảng Ninh.\n"
            "Sáng 5/3, đoàn doanh nghiệp Nhật Bản do ông Tanaka Hiroshi, Tổng Giám đốc Tập đoàn Sumitomo dẫn đầu đã đến "
            "thăm và làm việc tại Vân Đồn.")
    [row] = run(body, 2005)
    assert (row["kind"], row["date"]) == ("visit", date(2005, 3, 5))
    assert people(row) == {"Tanaka Hiroshi": "JP"}


def test_international_officials_have_no_side():
    body = ("Tại phiên họp trù bị hôm 20/5 tại Geneva, tân Chủ tịch Ban Công tác WTO Eirik Glenne đã làm việc với "
            "Thứ trưởng Thương mại Lương Văn Tự về đàm phán gia nhập WTO của Việt Nam.")
    [row] = run(body, 2005)
    assert people(row) == {"Eirik Glenne": None, "Lương Văn Tự": "VN"}


def test_foreign_name_takes_the_one_country_named_nearby():
    body = ("Chiều 20/1, tại Hà Nội, Chủ tịch nước Trần Đức Lương đã hội đàm với Tổng thống Nasagiin Bagabandi "
            "về quan hệ hợp tác giữa Việt Nam và Mông Cổ.")
    [row] = run(body, 2005)
    assert (row["kind"], row["date"], row["location"]) == ("talks", date(2005, 1, 20), "Hà Nội")
    assert people(row) == {"Trần Đức Lương": "VN", "Nasagiin Bagabandi": "MN"}


def test_title_with_its_own_name_is_no_appositive():
    body = ("Chiều qua, trong buổi hội đàm với Tổng bí thư Nông Đức Mạnh, Thủ tướng Vương quốc Bỉ Guy Verhofstadt cho "
            "biết, Bỉ sẽ hỗ trợ Việt Nam trong đàm phán gia nhập WTO.")
    [row] = run(body, 2005)
    assert row["kind"] == "talks"
    assert people(row) == {"Nông Đức Mạnh": "VN", "Guy Verhofstadt": "BE"}


def test_year_less_date_takes_the_reference_year_not_a_deadline_in_the_sentence():
    body = ("Hoàn thành phân giới cắm mốc biên giới trước tháng 12-2008. Chiều 26-11, tại Hà Nội, Chủ tịch nước Trần "
            "Đức Lương đã tiếp Thủ tướng Campuchia Hun Sen, trước thời hạn tháng 12-2008.")
    [row] = run(body, 2005)
    assert (row["date"], row["date_precision"]) == (date(2005, 11, 26), "day")
    [row] = run("Ngày 26/11/2004, tại Hà Nội, Chủ tịch nước Trần Đức Lương đã tiếp Thủ tướng Campuchia Hun Sen.", 2005)
    assert (row["date"], row["date_precision"]) == (date(2004, 11, 26), "day")  # the year stated wins


# --- issue 9: news the rules were not written for ------------------------------------------------


def test_each_listed_guest_of_a_reception_is_its_own_meeting():
    body = ("Chiều 12/3, Chủ tịch UBND tỉnh Lào Cai Trịnh Xuân Trường đã tiếp ông Kenji Tanaka, Chủ tịch "
            "Hiệp hội doanh nghiệp Nhật Bản; ngài Hiroshi Sakamoto, Tổng Giám đốc Tập đoàn Marubeni và "
            "bà Yumiko Nakamura, Giám đốc Ngân hàng Mizuho.")
    rows = run(body, 2024)
    assert [sorted(people(r)) for r in rows] == [
        ["Kenji Tanaka", "Trịnh Xuân Trường"], ["Hiroshi Sakamoto", "Trịnh Xuân Trường"],
        ["Trịnh Xuân Trường", "Yumiko Nakamura"]]
    assert all(r["date"] == date(2024, 3, 12) and r["kind"] == "reception" for r in rows)


def test_a_delegation_head_and_members_are_one_meeting():
    body = ("Ngày 3/5, Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung đã tiếp đoàn công tác do ông Kenji Tanaka, "
            "Chủ tịch Hiệp hội doanh nghiệp Nhật Bản dẫn đầu, cùng ông Hiroshi Sakamoto, Tổng Giám đốc Tập "
            "đoàn Marubeni.")
    assert len(run(body, 2024)) == 1


def test_talks_and_a_reception_in_one_sentence_are_two_meetings():
    body = ("Ngày 5/4, Phó Thủ tướng Việt Nam Lê Minh Khái đã hội đàm với Phó Thủ tướng Lào Sonexay "
            "Siphandone; hội kiến Chủ tịch Quốc hội Lào Saysomphone Phomvihane.")
    rows = run(body, 2023)
    assert [(r["kind"], people(r)) for r in rows] == [
        ("talks", {"Lê Minh Khái": "VN", "Sonexay Siphandone": "LA"}),
        ("reception", {"Lê Minh Khái": "VN", "Saysomphone Phomvihane": "LA"})]


def test_a_framing_phrase_gives_its_people_to_the_meeting_after_it():
    body = ("Tại phiên họp thường niên hôm 20/5 ở Viêng Chăn, Bộ trưởng Kế hoạch Lào Phet Phomphiphak đã làm "
            "việc với Thứ trưởng Bộ Tài chính Việt Nam Trần Quốc Phương.")
    [row] = run(body, 2023)
    assert (row["kind"], people(row)) == ("reception", {"Phet Phomphiphak": "LA", "Trần Quốc Phương": "VN"})


def test_a_dated_visit_is_its_own_row_with_the_visitor_told_before_its_trigger():
    body = ("Sáng 30/1, tại Phủ Chủ tịch, Chủ tịch nước Võ Văn Thưởng đã hội đàm với Tổng thống Philippines "
            "Ferdinand Marcos thăm cấp nhà nước Việt Nam từ ngày 29 đến 31/1.\n"
            "Tổng thống Marcos khẳng định Philippines coi trọng quan hệ với Việt Nam.")
    talks, visit = run(body, 2024)
    assert (talks["kind"], talks["date"], people(talks)) == (
        "talks", date(2024, 1, 30), {"Võ Văn Thưởng": "VN", "Ferdinand Marcos": "PH"})
    assert (visit["kind"], visit["date"], people(visit)) == ("visit", date(2024, 1, 29), {"Ferdinand Marcos": "PH"})


def test_an_official_told_later_by_title_and_one_name_word_is_the_one_named_before():
    body = ("Thủ tướng Campuchia Hun Manet đang thăm chính thức Việt Nam.\n"
            "Chiều cùng ngày, Thủ tướng Manet hội kiến Chủ tịch Quốc hội Vương Đình Huệ.")
    rows = run(body, 2023)
    reception = next(r for r in rows if r["kind"] == "reception")
    assert people(reception) == {"Hun Manet": "KH", "Vương Đình Huệ": "VN"}


def test_a_bare_title_refers_to_its_only_holder_named_before():
    body = ("Phó Thủ tướng Trần Lưu Quang đã tới Vientiane dự Hội chợ thương mại Việt - Lào.\n"
            "Sáng 9/10, Phó Thủ tướng hội đàm với Phó Thủ tướng Lào Saleumxay Kommasith.")
    rows = run(body, 2023)
    talks = next(r for r in rows if r["kind"] == "talks")
    assert people(talks) == {"Trần Lưu Quang": "VN", "Saleumxay Kommasith": "LA"}


def test_a_side_from_the_country_in_one_title_holds_for_every_mention_of_the_name():
    body = ("Đại tướng Phan Văn Giang chủ trì lễ đón Thượng tướng, Bộ trưởng Quốc phòng Trung Quốc Đổng Quân.\n"
            "Sáng 6/12, Đại tướng Phan Văn Giang hội đàm với Thượng tướng Đổng Quân tại Hà Nội.")
    [row] = run(body, 2023)
    assert people(row) == {"Phan Văn Giang": "VN", "Đổng Quân": "CN"}


def test_a_year_less_day_is_a_date_for_keeping_a_meeting_with_one_named_person():
    body = "Sáng 14/8, Bộ trưởng Ngoại giao Việt Nam Bùi Thanh Sơn đã tiếp đoàn doanh nghiệp Hàn Quốc."
    [row] = run(body)
    assert (row["date"], row["date_precision"], people(row)) == (None, "unknown", {"Bùi Thanh Sơn": "VN"})
    assert run("Bộ trưởng Ngoại giao Việt Nam Bùi Thanh Sơn đã tiếp đoàn doanh nghiệp Hàn Quốc.") == []


def test_two_guests_of_one_host_do_not_merge_into_one_meeting():
    body = ("Thủ tướng Việt Nam Phạm Minh Chính tiếp ông Jensen Huang, Chủ tịch Tập đoàn Nvidia của Mỹ.\n"
            "Thủ tướng Phạm Minh Chính tiếp ông Satya Nadella, Tổng Giám đốc Tập đoàn Microsoft của Mỹ.\n"
            "Thủ tướng Phạm Minh Chính tiếp ông Huang Jensen tại trụ sở Chính phủ.")
    rows = run(body, 2023)
    assert [sorted(people(r)) for r in rows] == [["Jensen Huang", "Phạm Minh Chính"],
                                                 ["Phạm Minh Chính", "Satya Nadella"]]


def _work(body: str) -> int:
    """Seconds to extract ``body``'s meetings."""
    import time

    t = time.perf_counter()
    extract_meetings(ArticleText("t", body))
    return time.perf_counter() - t


def test_a_long_repeated_sentence_takes_linear_work():
    for unit in ("hội đàm ", "Thủ tướng Việt Nam Nguyễn Văn An hội đàm với Thủ tướng Lào Sonexay Siphandone; tiếp "
                 "ông Hideaki Omura, Thống đốc tỉnh Aichi, "):
        small, large = _work(unit * 100), _work(unit * 800)
        assert large < 20 * small + 1.0  # linear work is ~8x; quadratic would be ~64x
    assert _work("hội đàm " * 4000) < 5.0


def test_an_aftermath_anaphor_is_the_meeting_when_none_was_told():
    body = ("Ngay sau cuộc hội đàm, Tổng Bí thư Tô Lâm và Tổng thống Indonesia Prabowo Subianto đã chứng kiến lễ "
            "ký các văn kiện hợp tác.")
    [row] = run(body, 2025)
    assert (row["kind"], people(row)) == ("talks", {"Tô Lâm": "VN", "Prabowo Subianto": "ID"})


def test_the_news_day_programme_is_not_a_plan():
    body = ("Sáng 25/9, Thủ tướng Việt Nam Phạm Minh Chính hội đàm với Thủ tướng Hungary Viktor Orban.\n"
            "Cũng trong ngày, Thủ tướng Viktor Orban sẽ hội kiến Chủ tịch Quốc hội Trần Thanh Mẫn.")
    rows = run(body, 2024)
    assert [r["kind"] for r in rows] == ["talks", "reception"]
    assert run("Tuần tới, Thủ tướng Viktor Orban sẽ hội kiến Chủ tịch Quốc hội Việt Nam Trần Thanh Mẫn.", 2024) == []


def test_a_visit_of_someone_told_after_its_trigger():
    body = ("Hai bên ký kết văn kiện nhân chuyến thăm chính thức Ấn Độ của Thủ tướng Việt Nam Phạm Minh Chính theo lời mời "
            "của Thủ tướng Ấn Độ Narendra Modi, từ ngày 30/7 đến 1/8.")
    [row] = run(body, 2024)
    assert (row["kind"], row["date"]) == ("visit", date(2024, 7, 30))
    assert "Phạm Minh Chính" in people(row)


def test_a_co_chaired_session_is_a_conference():
    body = ("Sáng 10/1 tại Hà Nội, Thủ tướng Phạm Minh Chính và Thủ tướng Lào Sonexay Siphandone đồng chủ trì kỳ "
            "họp lần thứ 46 Ủy ban liên Chính phủ Việt Nam - Lào.")
    [row] = run(body, 2024)
    assert (row["kind"], row["location"], sorted(people(row))) == (
        "conference", "Hà Nội", ["Phạm Minh Chính", "Sonexay Siphandone"])


def test_a_leader_honoured_is_no_participant():
    body = ("Chiều 5/6, Bí thư Thành ủy Hà Nội Đinh Tiến Dũng tiếp đoàn đại biểu thủ đô Viêng Chăn do Phó Bí thư "
            "Thành ủy Viêng Chăn Sinlavong Khoutphaythoune dẫn đầu, nhân dịp kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh.")
    [row] = run(body, 2024)
    assert "Hồ Chí Minh" not in people(row)


def test_a_surname_after_a_title_is_the_person_named_in_full_later():
    body = ("Trưa 7/4, Thủ tướng Nga Medvedev đã gặp gỡ Chủ tịch UBND TP Hồ Chí Minh Lê Hoàng Quân.\n"
            "Đón tiếp Thủ tướng Dmitry Medvedev, ông Lê Hoàng Quân nói chuyến thăm rất ý nghĩa.")
    rows = run(body, 2015)
    assert people(rows[0]) == {"Dmitry Medvedev": "RU", "Lê Hoàng Quân": "VN"}


def test_a_building_or_a_city_after_tai_is_the_venue():
    body = "Sáng 3/3, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường hội đàm với Tổng thống Chile Gabriel Boric."
    [row] = run(body, 2025)
    assert (row["location"], row["mode"]) == ("Phủ Chủ tịch", "in_person")
    body = "Tại hội đàm sáng 5/3 ở Wellington, Thủ tướng New Zealand Christopher Luxon và Thủ tướng Việt Nam Phạm Minh Chính nhất trí."
    [row] = run(body, 2025)
    assert row["location"] == "Wellington"


def test_a_foreign_name_spelled_two_ways_is_one_person():
    body = ("Chiều 26/6, Phó Thủ tướng Việt Nam Trần Hồng Hà đã tiếp Bộ trưởng Bộ Y tế Lào Bounkong Syhavong.\n"
            "Phó Thủ tướng Trần Hồng Hà tiếp Bộ trưởng Bộ Y tế Lào Bounkong Sihavong.")
    assert len(run(body, 2024)) == 1


def test_a_meeting_after_a_yearless_day_is_kept():
    body = ("Chiều 16/4, Thủ tướng Việt Nam Phạm Minh Chính đến Praha, bắt đầu chuyến thăm chính thức Cộng hòa Séc.\n"
            "Sau đó, Thủ tướng Phạm Minh Chính tiếp lãnh đạo Hội hữu nghị Séc - Việt Nam.")
    rows = run(body)
    assert [r["kind"] for r in rows] == ["visit", "reception"]


def test_history_without_a_date_is_no_meeting():
    body = ("Ông cho biết công ty từng hỗ trợ nhiều hoạt động hồi Tổng thống Mỹ Barack Obama thăm Việt Nam và "
            "tiếp tục hợp tác với Bộ Công Thương Việt Nam.")
    assert run(body, 2019) == []
    body = "Hồi tháng 5/2016, Tổng thống Mỹ Barack Obama thăm Việt Nam và hội đàm với Chủ tịch nước Trần Đại Quang."
    assert [r["kind"] for r in run(body, 2019)] == ["talks"]


def test_vietnamese_places_meeting_about_a_foreign_country_is_out_of_scope():
    body = ("Hôm qua, đại diện các nạn nhân tỉnh Thái Bình đã lên Hà Nội làm việc với Hội Nạn nhân chất độc da cam "
            "về vụ kiện các công ty hóa chất của Mỹ.")
    assert run(body, 2005) == []


def test_meetings_told_in_one_sentence_have_distinct_ids():
    from pipeline.extract import extract_article

    body = ("Chiều 12/3, Chủ tịch UBND tỉnh Lào Cai Trịnh Xuân Trường đã tiếp ông Kenji Tanaka, Chủ tịch "
            "Hiệp hội doanh nghiệp Nhật Bản và bà Yumiko Nakamura, Giám đốc Ngân hàng Mizuho.")
    rows = extract_article(ArticleText("t", body, None, 2024))["meetings"]
    assert len(rows) == 2 and len({r["meeting_id"] for r in rows}) == 2


def test_a_dated_trip_to_attend_an_event_is_a_visit_beside_the_event():
    body = ("Từ ngày 12 đến 14/9, Bộ trưởng Công Thương Trần Văn Lâm đã sang Hàn Quốc tham dự và đồng chủ trì "
            "phiên họp lần thứ 5 Ủy ban hỗn hợp Việt Nam - Hàn Quốc về thương mại.")
    visit, session = run(body, 2024)
    assert (visit["kind"], visit["date"], people(visit)) == ("visit", date(2024, 9, 12), {"Trần Văn Lâm": "VN"})
    assert (session["kind"], session["date"]) == ("conference", date(2024, 9, 12))
    assert "Trần Văn Lâm" in people(session)


def test_an_undated_trip_to_attend_an_event_is_only_the_event():
    body = ("Bộ trưởng Công Thương Trần Văn Lâm sang Hàn Quốc tham dự phiên họp lần thứ 5 Ủy ban hỗn hợp "
            "Việt Nam - Hàn Quốc về thương mại tại Seoul.")
    [row] = run(body, 2024)
    assert row["kind"] == "conference"


def test_a_building_venue_keeps_its_lower_case_syllables_and_yields_to_its_city():
    body = ("Chiều 3/3, tại Trụ sở Chính phủ, Phó Thủ tướng Lê Minh Khái đã tiếp Bộ trưởng Thương mại Úc "
            "Don Farrell.\n"
            "Sáng 5/3, tại Nhà khách Quốc gia, Thủ đô Canberra, Phó Thủ tướng Lê Minh Khái hội đàm với "
            "Thủ tướng Úc Anthony Albanese. Quan hệ Việt Nam - Úc phát triển tốt.")
    reception, talks = run(body, 2024)
    assert reception["location"] == "Trụ sở Chính phủ"
    assert talks["location"] == "Canberra"


def test_a_kingdom_or_capital_word_is_no_city_and_a_visit_is_at_its_destination():
    body = ("Ngày 9/10, Thủ tướng Phạm Minh Chính đã tới Vương quốc Thái Lan, bắt đầu chuyến thăm chính thức "
            "từ ngày 9 đến 11/10 theo lời mời của Thủ tướng Thái Lan Srettha Thavisin. Việt Nam coi trọng quan hệ này.")
    [visit] = run(body, 2023)
    assert (visit["kind"], visit["location"], people(visit)) == ("visit", "Thái Lan", {"Phạm Minh Chính": "VN"})


def test_a_welcomed_visit_is_the_one_told_not_a_new_one():
    body = ("Sáng 4/3, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Úc Anthony Albanese tại Canberra.\n"
            "Thủ tướng Anthony Albanese hoan nghênh chuyến thăm của Thủ tướng Phạm Minh Chính, nhấn mạnh ý nghĩa "
            "chuyến thăm chính thức đầu tiên trong bối cảnh hai nước kỷ niệm 50 năm quan hệ Việt Nam - Úc "
            "vào năm 2023.")
    [row] = run(body, 2024)
    assert (row["kind"], row["date"]) == ("talks", date(2024, 3, 4))


def test_after_the_talks_the_seminar_is_its_own_meeting_of_who_attends_it():
    body = ("Sáng 4/3, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Úc Anthony Albanese.\n"
            "Sau cuộc hội đàm với Thủ tướng Phạm Minh Chính, Thủ tướng Úc Albanese đã tới tham dự hội thảo xúc tiến "
            "đầu tư giữa Úc và Việt Nam.")
    talks, seminar = run(body, 2024)
    assert (talks["kind"], people(talks)) == ("talks", {"Phạm Minh Chính": "VN", "Anthony Albanese": "AU"})
    assert (seminar["kind"], seminar["date"], people(seminar)) == (
        "conference", date(2024, 3, 4), {"Anthony Albanese": "AU"})


def test_talks_told_only_after_the_fact_are_a_meeting():
    body = ("Chiều 4/3, Thủ tướng Úc Anthony Albanese cho rằng Việt Nam và Úc cần tăng cường hợp tác năng lượng, "
            "sau khi hội đàm với Thủ tướng Phạm Minh Chính.")
    [talks] = run(body, 2024)
    assert (talks["kind"], talks["date"], people(talks)) == (
        "talks", date(2024, 3, 4), {"Anthony Albanese": "AU", "Phạm Minh Chính": "VN"})


def test_the_way_home_is_not_a_visits_destination():
    body = ("Chiều 11/10, Chủ tịch Quốc hội Trần Thanh Mẫn và đoàn đại biểu Việt Nam đã về đến Hà Nội, kết thúc "
            "chuyến thăm chính thức Vương quốc Campuchia từ ngày 9 đến 11/10.")
    [visit] = meeting_groups(ArticleText("t", body, None, 2023, None))
    assert (visit.kind, visit.destination, visit.localities) == ("visit", "Campuchia", ["Hà Nội"])


def test_a_trip_dated_after_the_event_it_includes_takes_those_dates():
    body = ("Thủ tướng Phạm Minh Chính đang trong chuyến thăm chính thức Trung Quốc và dự Diễn đàn Kinh tế "
            "Thế giới Thiên Tân từ ngày 24/6 - 27/6, theo lời mời của Thủ tướng Trung Quốc Lý Cường. "
            "Việt Nam coi trọng quan hệ với Trung Quốc.")
    rows = run(body, 2024)
    # the trip is dated by its first day; the forum, told only as part of it, by the trip's month
    assert sorted((r["kind"], r["date"], r["date_precision"]) for r in rows) == [
        ("conference", date(2024, 6, 1), "month"), ("visit", date(2024, 6, 24), "day")]
    visit = next(r for r in rows if r["kind"] == "visit")
    assert (visit["location"], people(visit)) == ("Trung Quốc", {"Phạm Minh Chính": "VN"})


def test_a_meeting_after_the_ceremony_takes_the_ceremonys_date():
    body = ("Sáng 14/11, Lễ đón chính thức Tổng thống Indonesia Prabowo Subianto được tổ chức trọng thể tại "
            "Phủ Chủ tịch. Sau lễ đón, Chủ tịch nước Lương Cường và Tổng thống Prabowo Subianto đã tiến hành "
            "hội đàm.\nHai bên nhất trí nâng tầm quan hệ Việt Nam - Indonesia.")
    [talks] = run(body, 2024)
    assert (talks["kind"], talks["date"], talks["date_precision"]) == ("talks", date(2024, 11, 14), "day")


def test_a_visit_welcomed_in_advance_or_asked_about_is_not_told():
    for body in (
        "Nhà Trắng cho biết Tổng thống Mỹ Joe Biden hoan nghênh Chủ tịch nước Võ Văn Thưởng thăm Mỹ vào ngày 20/9.",
        "Thưa Thứ trưởng, chuyến thăm của Chủ tịch nước Võ Văn Thưởng tới Trung Quốc lần này nhằm vào những "
        "trọng tâm nào?",
    ):
        assert run(body + " Việt Nam coi trọng quan hệ này.", 2023) == [], body


def test_forum_in_a_future_main_clause_is_planned():
    frame = "Tại Diễn đàn Doanh nghiệp Việt Nam - Nhật Bản ngày 5/5 ở Tokyo, Bộ trưởng Việt Nam Nguyễn Văn Bình và Bộ " \
            "trưởng Nhật Bản Taro Suzuki "
    assert run(frame + "sẽ giới thiệu các dự án.", 2005) == []
    [row] = run(frame + "đã giới thiệu các dự án.", 2005)
    assert (row["kind"], row["date"]) == ("conference", date(2005, 5, 5))
    # a visit under way keeps its row though its programme is ahead
    [row] = run("Trong thời gian Thủ tướng Việt Nam Nguyễn Văn Bình thăm Nhật Bản từ ngày 3 đến 6/5, các diễn đàn "
                "doanh nghiệp Việt Nam - Nhật Bản sẽ được tổ chức tại Tokyo.", 2005)
    assert row["kind"] == "visit"


def test_programme_under_a_schedule_heading_is_planned():
    body = ("Thủ tướng Việt Nam Nguyễn Văn Bình tới Ottawa sáng 26/6.\n"
            "Chương trình làm việc ngày 27/6\n"
            "Thủ tướng Việt Nam Nguyễn Văn Bình hội kiến Chủ tịch Thượng viện Canada John Smith.")
    assert run(body, 2005) == []


def test_next_step_of_a_planned_sentence_is_planned():
    invited = ("Ông Nguyễn Văn Bình mời Bộ trưởng Nhật Bản Taro Suzuki sang thăm Việt Nam. Cùng ngày, Bộ trưởng Việt Nam "
               "Nguyễn Văn Bình hội kiến Thủ tướng Nhật Bản Ichiro Sato.")
    assert [set(people(r)) for r in run(invited, 2005)] == [{"Nguyễn Văn Bình", "Ichiro Sato"}]  # an invitation is no plan
    after = " Sau đó Thủ tướng Nguyễn Văn Bình hội đàm với Thủ tướng Canada John Smith."
    assert run("Ngày 27/6, Thủ tướng Việt Nam Nguyễn Văn Bình sẽ duyệt đội danh dự tại Ottawa." + after, 2005) == []
    [row] = run("Ngày 27/6, Thủ tướng Việt Nam Nguyễn Văn Bình duyệt đội danh dự tại Ottawa." + after, 2005)
    assert (row["kind"], set(people(row))) == ("talks", {"Nguyễn Văn Bình", "John Smith"})


def test_press_briefing_is_no_meeting():
    assert run("Chiều 14/3, Bộ trưởng Ngoại giao Nhật Bản Taro Aso gặp gỡ báo chí tại Hà Nội.", 2005) == []


def test_invitation_to_visit_is_no_visit():
    body = ("Tại cuộc gặp ngày 3/4, Đại sứ Việt Nam Nguyễn Văn Bình đã chuyển lời mời sang thăm Hà Nội của Chủ tịch "
            "nước tới Tổng thống Pháp Jacques Martin.")
    assert [r["kind"] for r in run(body, 2005)] == ["reception"]


def test_target_and_document_years_are_not_the_meeting_date():
    [row] = run("Tối qua, Thứ trưởng Việt Nam Lê Văn Bình đã gặp Thứ trưởng Mỹ John Sampson, ông John hy vọng vào mùa "
                "thu năm 2006 Việt Nam sẽ gia nhập WTO.")
    assert row["date"] is None
    [row] = run("Tại cuộc hội đàm hôm qua, Chủ tịch nước Việt Nam Trần Văn Bình và Tổng thống Mông Cổ Nasagiin Bayar "
                "đã thống nhất phấn đấu nâng kim ngạch lên 20 triệu USD vào năm 2012.")
    assert row["date"] is None
    [row] = run("Trong chuyến thăm chính thức tháng 3 của Tổng bí thư Việt Nam Trần Văn Bình tới Campuchia, hai bên "
                "khẳng định các nguyên tắc của Tuyên bố chung năm 2001.")
    assert row["date"] is None


def test_article_previewing_a_visit_keeps_only_what_is_dated_or_done():
    lead = "Chuyến thăm Nhật Bản của Chủ tịch nước Việt Nam Trần Văn Bình từ ngày 4 đến 8/9 sẽ mở ra giai đoạn mới.\n"
    rest = ("Chủ tịch nước Trần Văn Bình hội đàm với Thủ tướng Nhật Bản Ichiro Sato tại Tokyo.\n"
            "Năm 2003, Chủ tịch nước Trần Văn Bình đã hội kiến Thủ tướng Nhật Bản Ryu Tanaka tại Tokyo.")
    assert [set(people(r)) for r in run(lead + rest, 2005)] == [{"Trần Văn Bình", "Ryu Tanaka"}]
    held = run(lead.replace(" sẽ ", " đã ") + rest, 2005)
    assert [r["kind"] for r in held] == ["visit", "talks", "reception"]


def test_unnamed_session_where_one_person_spoke_is_no_meeting():
    tail = " chiều 3/4 ở Hà Nội, ông Somchai Wongsawat, Phó Tổng giám đốc công ty Thái Lan CP, cho biết công ty còn hàng."
    assert run("Trong cuộc họp về việc tiêu thụ gia cầm" + tail, 2005) == []
    [row] = run("Tại cuộc họp Ủy ban hỗn hợp Việt Nam - Thái Lan" + tail, 2005)
    assert (row["kind"], row["date"]) == ("conference", date(2005, 4, 3))


def test_visit_that_only_frames_a_statement_is_no_row():
    who = "Ông Peter Hartung, Giám đốc tập đoàn ABC khu vực Đông Nam Á trong chuyến công tác tới VN "
    said = " cho biết, tập đoàn này đang tích cực mở văn phòng tại Hà Nội."
    assert run(who + "cuối tháng trước" + said, 2005) == []
    [row] = run(who + "ngày 3/5" + said, 2005)  # with a day of its own the visit is reported, not only a frame
    assert (row["kind"], row["date"]) == ("visit", date(2005, 5, 3))


def test_compatriots_abroad_and_an_opening_are_no_meeting():
    assert run("Chiều 24/3, Tổng bí thư Trần Văn Bình đã tiếp đại diện bà con Việt kiều tại thành phố Viêng Chăn "
               "(Lào).", 2005) == []
    assert run("Chiều 3/4, Thủ tướng Đức Hans Weber đã đến thăm và khánh thành trụ sở mới của Viện Goethe tại "
               "Hà Nội.", 2005) == []
    [row] = run("Chiều 3/4, Thủ tướng Đức Hans Weber đã đến thăm Bộ Ngoại giao Việt Nam tại Hà Nội.", 2005)
    assert row["kind"] == "visit"


def test_an_unnamed_event_quoted_as_a_source_and_a_visit_congratulated_are_no_rows():
    said = " về WTO do Ngân hàng Thế giới tổ chức tại Hà Nội, ông Nguyễn Văn Bình, Đại sứ Việt Nam, nói rằng hội nhập là tất yếu."
    assert run("Năm 2004, trong một hội thảo" + said) == []
    [row] = run("Năm 2004, tại Hội thảo" + said)
    assert (row["kind"], row["date"]) == ("conference", date(2004, 1, 1))
    assert run("Hôm qua, Thống đốc bang Ohio John Miller đã chúc mừng chuyến thăm Mỹ của Thủ tướng Việt Nam Nguyễn Văn "
               "Bình.") == []


def test_a_time_zone_is_no_locality():
    body = ("Lúc 17h ngày 27/6 (tức 6h sáng 28/6 giờ Hà Nội), Thủ tướng Việt Nam Nguyễn Văn Bình hội đàm với Thủ tướng "
            "Canada John Martin tại Ottawa.")
    [row] = run(body, 2005)
    assert row["localities"] == []


def test_a_visit_that_only_dates_a_deed_is_no_row():
    assert run("Hai bên bàn tiến độ các dự án đầu tư được ký kết trong chuyến thăm Campuchia của đoàn UBND TP Hồ Chí "
               "Minh do Chủ tịch UBND Lê Văn Bình dẫn đầu.", 2005) == []
    [row] = run("Từ ngày 3 đến 5/4, đoàn UBND TP Hồ Chí Minh do Chủ tịch UBND Lê Văn Bình dẫn đầu đã có chuyến thăm "
                "Campuchia.", 2005)
    assert (row["kind"], row["date"]) == ("visit", date(2005, 4, 3))


def test_a_visit_told_as_ahead_by_its_predicate_and_a_field_trip_are_no_rows():
    visit = "Chuyến thăm Nhật Bản của Thủ tướng Việt Nam Nguyễn Văn Bình (từ 4 đến 8/5) "
    assert run(visit + "hứa hẹn thúc đẩy quan hệ hai nước.", 2005) == []
    assert [r["date"] for r in run(visit + "đã thúc đẩy quan hệ hai nước.", 2005)] == [date(2005, 5, 4)]
    trip = "Chiều 9/5, Thủ tướng Việt Nam Nguyễn Văn Bình đã đến thăm "
    assert run(trip + "Trường Đại học Kyoto (Nhật Bản) và nghe giới thiệu về các đề tài nghiên cứu.", 2005) == []
    assert run("Hôm nay trong chuyến thăm Chương trình phòng chống lũ ở Việt Nam, Bộ trưởng Nhật Bản Taro Suzuki đã "
               "tuyên bố Nhật Bản sẽ hỗ trợ các tỉnh miền Trung.", 2005) == []
    assert [r["kind"] for r in run(trip + "và làm việc với tỉnh Aichi (Nhật Bản).", 2005)] == ["visit"]


def test_a_working_session_folded_into_a_visit_is_told_for_its_anaphora():
    body = ("TP.HCM - Chiều 21/6, ông Pierre Dubois, chủ tịch Hội Hữu nghị Pháp - Việt, đã đến thăm và làm việc với báo "
            "Tuổi Trẻ.\nTại cuộc gặp, ông Pierre Dubois đã giới thiệu một số dự án trợ giúp nạn nhân ở Tây Ninh.")
    [row] = run(body, 2005)
    assert (row["kind"], row["date"]) == ("visit", date(2005, 6, 21))


_TRIP = "Ngày 8/9, đoàn công tác của tỉnh Nghệ An do Chủ tịch UBND tỉnh Nguyễn Văn Bình dẫn đầu đã thăm và làm việc tại "


def test_delegation_visiting_a_foreign_country_is_in_scope():
    """A Vietnamese delegation's dated visit to a foreign country, with no host named, is Viet Nam ↔ foreign;
    one to a Vietnamese province is not."""
    [row] = run(_TRIP + "Hàn Quốc.", 2024)
    assert (row["kind"], row["date"], row["location"]) == ("visit", date(2024, 9, 8), "Hàn Quốc")
    assert people(row) == {"Nguyễn Văn Bình": "VN"}
    assert run(_TRIP + "tỉnh Đồng Nai.", 2024) == []


def test_korean_counterpart_gets_a_row_of_its_own():
    body = ("Ngày 5/3, Bộ trưởng Bộ Công Thương Việt Nam Trần Văn An đã làm việc với Bộ trưởng Thương mại Hàn Quốc "
            "Kim Jae Won tại Seoul.\n"
            "Cùng ngày, Bộ trưởng Trần Văn An làm việc với Chủ tịch Ủy ban Chuyển đổi số 4.0 Choi Min Su.")
    rows = run(body, 2024)
    assert [sorted(people(r)) for r in rows] == [["Kim Jae Won", "Trần Văn An"], ["Choi Min Su", "Trần Văn An"]]
    assert people(rows[1])["Choi Min Su"] != "VN"


def test_venue_of_a_main_phrase_the_gazetteer_holds_but_does_not_match():
    """`ở Auckland`: a city the gazetteer knows but matches only in context is still the venue."""
    body = ("Tại cuộc hội đàm chiều 4-5 ở Auckland, Thủ tướng New Zealand Christopher Luxon và Thủ tướng "
            "Phạm Minh Chính nhất trí thúc đẩy thương mại Việt Nam - New Zealand.")
    [row] = run(body, 2024)
    assert (row["kind"], row["location"]) == ("talks", "Auckland")


def test_anaphor_gives_the_venue_of_its_own_phrase():
    body = ("Chiều 4-5, Bộ trưởng Ngoại giao Việt Nam Bùi Thanh Sơn đã hội đàm với Bộ trưởng Ngoại giao Úc "
            "Penny Wong.\nTại buổi hội đàm tại trụ sở Bộ Ngoại giao, hai bên bàn về hợp tác kinh tế tại Việt Nam.")
    [row] = run(body, 2024)
    assert (row["date"], row["location"]) == (date(2024, 5, 4), "trụ sở Bộ Ngoại giao")


def test_event_of_a_dated_trip_is_held_where_the_trip_goes():
    body = ("Từ ngày 3 đến 5/10, Bộ trưởng Bộ Công Thương Việt Nam Trần Văn An đã sang Hàn Quốc tham dự kỳ họp "
            "lần thứ 4 Ủy ban hỗn hợp Việt Nam - Hàn Quốc về hợp tác kinh tế.")
    rows = run(body, 2024)
    assert [(r["kind"], r["location"]) for r in rows] == [("visit", "Hàn Quốc"), ("conference", "Hàn Quốc")]


def test_inviter_named_after_a_long_title_is_not_on_the_visit():
    body = ("Sáng 3/5, Chủ tịch nước Việt Nam Võ Văn Thưởng đã đến Viêng Chăn, bắt đầu chuyến thăm chính thức Lào "
            "theo lời mời của Tổng Bí thư Ban Chấp hành Trung ương Đảng, Chủ tịch nước Lào Thoong - lun Xi - xu - lit.")
    [row] = run(body, 2024)
    assert row["kind"] == "visit" and people(row) == {"Võ Văn Thưởng": "VN"}


def test_visit_named_as_the_occasion_of_a_press_event_is_no_row():
    said = (" Bộ trưởng Thương mại Úc John Miller khẳng định hai nước sẽ sớm hoàn tất đàm phán về nông sản.")
    assert run("Phát biểu trong cuộc họp báo chiều nay nhân chuyến thăm chính thức Việt Nam," + said, 2005) == []
    assert run("Trả lời phỏng vấn báo chí nhân dịp chuyến thăm Việt Nam," + said, 2005) == []
    [row] = run("Chiều 3/5, Bộ trưởng Thương mại Úc John Miller bắt đầu chuyến thăm chính thức Việt Nam và hội đàm với "
                "Bộ trưởng Công Thương Lê Văn Bình.", 2005)
    assert row["kind"] in ("talks", "visit")


def test_yearless_days_keep_two_meetings_apart_and_date_neither():
    # no year anywhere: each row's date is null, but talks on 3/9 and a reception on 6/9 of the same two people
    # stay two meetings (a caption mixing talks and reception up would be merged), and a yearless caption of
    # the same day joins the dated telling
    body = ("Sáng 3/9, Chủ tịch UBND tỉnh Lạng Sơn Hồ Tiến Thiệu hội đàm với Chủ tịch Chính phủ Khu tự trị Quảng Tây "
            "Lam Thiên Lập tại Nam Ninh.\n"
            "Chiều 6/9, Chủ tịch UBND tỉnh Lạng Sơn Hồ Tiến Thiệu hội kiến Chủ tịch Chính phủ Khu tự trị Quảng Tây "
            "Lam Thiên Lập tại Bằng Tường.")
    rows = run(body)
    assert [(r["kind"], r["date"], r["date_precision"]) for r in rows] == [
        ("talks", None, "unknown"), ("reception", None, "unknown")]
    dated = ("Sáng 3/9/2024, Chủ tịch UBND tỉnh Lạng Sơn Hồ Tiến Thiệu hội đàm với Chủ tịch Chính phủ Khu tự trị "
             "Quảng Tây Lam Thiên Lập tại Nam Ninh.\n"
             "Ông Hồ Tiến Thiệu hội đàm với ông Lam Thiên Lập sáng 3/9.")
    [row] = run(dated)
    assert (row["date"], row["date_precision"]) == (date(2024, 9, 3), "day")


def test_meeting_during_a_dated_trip_takes_its_month_the_trip_its_first_day():
    body = ("Chủ tịch UBND tỉnh Quảng Ninh Cao Tường Huy hội đàm với Bí thư Khu ủy Quảng Tây Lưu Ninh nhân chuyến thăm "
            "làm việc tại Nam Ninh từ ngày 14 đến 17/8/2023 của đoàn đại biểu tỉnh Quảng Ninh.")
    rows = run(body, 2023)
    dates = {r["kind"]: (r["date"], r["date_precision"]) for r in rows}
    assert dates["talks"] == (date(2023, 8, 1), "month")
    assert dates.get("visit", (date(2023, 8, 14), "day")) == (date(2023, 8, 14), "day")


def test_a_bare_state_title_is_the_vietnamese_holder():
    body = ("Chiều 9/3, tại thủ đô Viên, Thủ tướng Áo Karl Huber chủ trì lễ đón Thủ tướng Phạm Minh Hoàng.\n"
            "Sau đó, Thủ tướng tiếp lãnh đạo Hội Hữu nghị Áo - Việt Nam tại khách sạn.")
    rows = [r for r in run(body, 2024) if r["kind"] == "reception"]
    assert [people(r) for r in rows] == [{"Phạm Minh Hoàng": "VN"}]


def test_a_bare_company_title_is_not_resolved_by_nationality():
    body = ("Ông Lê Văn Tâm, Phó Tổng giám đốc công ty Sao Mai, cho biết giá đã tăng.\n"
            "Trong cuộc họp về việc tiêu thụ rau chiều nay, ông Kenji Morita, Phó Tổng giám đốc công ty Fuji "
            "Việt Nam, cho biết kho còn đầy.")
    assert run(body, 2024) == []


def test_a_host_who_also_receives_another_guest_holds_two_meetings():
    body = ("Ngày 12/9, Bộ trưởng Công Thương Trần Văn Minh đã tiếp Bộ trưởng Thương mại Hàn Quốc Park Min Ho.\n"
            "Cùng ngày, Bộ trưởng Trần Văn Minh cũng đã tiếp đoàn doanh nghiệp của Hàn Quốc.\n"
            "Hàn Quốc là nhà đầu tư lớn nhất tại Việt Nam.")
    rows = run(body, 2024)
    assert [(r["kind"], sorted(people(r)), r["date"]) for r in rows] == [
        ("reception", ["Park Min Ho", "Trần Văn Minh"], date(2024, 9, 12)),
        ("reception", ["Trần Văn Minh"], date(2024, 9, 12))]


def test_a_working_trip_and_a_summit_are_triggers():
    trip = "Ngày 4/10, Chủ tịch UBND tỉnh Bến Tre Lê Thị Nga có chuyến làm việc tại tỉnh Gyeonggi (Hàn Quốc)."
    [row] = run(trip, 2024)
    assert (row["kind"], people(row), row["date"]) == ("visit", {"Lê Thị Nga": "VN"}, date(2024, 10, 4))
    summit = ("Sáng 20/11, Thủ tướng Phạm Minh Hoàng và Thủ tướng Thái Lan Somchai Prasert đã dự phiên toàn thể "
              "Thượng đỉnh ACMECS tại Băng Cốc.\nThái Lan là đối tác lớn của Việt Nam.")
    [row] = run(summit, 2024)
    assert (row["kind"], sorted(people(row))) == ("conference", ["Phạm Minh Hoàng", "Somchai Prasert"])


def test_work_already_prepared_for_a_meeting_is_no_plan():
    body = ("\"Tôi cảm ơn các bộ trưởng đã chuẩn bị cho các văn kiện này\", Thủ tướng Lào Sonexay Vongsa phát biểu "
            "tại Thượng đỉnh CLV sáng 8-5 cùng Thủ tướng Phạm Minh Hoàng.\nLào là láng giềng của Việt Nam.")
    [row] = run(body, 2024)
    assert sorted(people(row)) == ["Phạm Minh Hoàng", "Sonexay Vongsa"]
    ahead = body.replace("đã chuẩn bị", "đang chuẩn bị")
    assert run(ahead, 2024) == []


def test_a_series_of_meetings_is_an_aggregate():
    body = ("Tại Nhật Bản, Thủ tướng Phạm Minh Hoàng có hàng loạt cuộc làm việc, gặp gỡ, tọa đàm với các tập đoàn "
            "lớn của Nhật Bản.")
    assert run(body, 2024) == []


def test_a_part_of_a_reception_and_a_praised_visit_tell_no_new_meeting():
    body = ("Ngày 3-7, Bí thư Tỉnh uỷ Quảng Nam Trần Văn Hải đã tiếp đoàn đại biểu tỉnh Champasak (Lào) đến thăm "
            "và làm việc.\n"
            "Trong phần hội đàm, hai bên đã trao đổi về hợp tác giữa Quảng Nam và Champasak.\n"
            "Bí thư Tỉnh uỷ Quảng Nam Trần Văn Hải đánh giá chuyến thăm của đoàn đại biểu tỉnh Champasak rất có "
            "ý nghĩa.")
    [row] = run(body, 2024)
    assert (row["kind"], row["date"], people(row)) == ("reception", date(2024, 7, 3), {"Trần Văn Hải": "VN"})
    assert row["evidence"].startswith("Ngày 3-7")


def test_a_meeting_on_a_trip_abroad_takes_the_trip_destination():
    body = ("Từ ngày 2 đến 5/6, Bộ trưởng Tài chính Lê Quang Vinh đã sang Ba Lan dự phiên họp Uỷ ban hỗn hợp.\n"
            "Trong chuyến công tác, Bộ trưởng Lê Quang Vinh còn hội kiến với Bộ trưởng Tài chính Ba Lan Jan Nowak.\n"
            "Ba Lan là đối tác lớn của Việt Nam.")
    [row] = [r for r in run(body, 2024) if r["kind"] == "reception"]
    assert (people(row), row["location"]) == ({"Lê Quang Vinh": "VN", "Jan Nowak": "PL"}, "Ba Lan")
    home = ("Từ ngày 2 đến 5/6, Bộ trưởng Tài chính Ba Lan Jan Nowak đã thăm Việt Nam.\n"
            "Bộ trưởng Tài chính Lê Quang Vinh đã hội đàm với Bộ trưởng Jan Nowak.\nBa Lan là đối tác lớn của Việt Nam.")
    [row] = [r for r in run(home, 2024) if r["kind"] == "talks"]
    assert row["location"] is None  # a trip to Viet Nam as a whole says nothing of the venue


def test_people_between_whom_a_later_event_is_held_are_not_the_visitors():
    body = ("Ngày 5-3, đoàn đại biểu Hàn Quốc và thành phố Đà Nẵng đến thăm và làm việc với lãnh đạo tập đoàn Sao Việt.\n"
            "Chuyến thăm diễn ra tại Hòa Vang, Đà Nẵng trước thềm hội nghị thượng đỉnh Mỹ - Hàn giữa Tổng thống Mỹ "
            "John Carter và Tổng thống Hàn Quốc Lee Min Jun.")
    assert not [r for r in run(body, 2024) if {"John Carter", "Lee Min Jun"} & set(people(r))]


def test_a_letter_to_a_conference_and_a_visit_on_the_occasion_of_a_forum_are_no_meetings():
    letter = ("Ngày 3-4, Chủ tịch Hội Cựu chiến binh Việt Nam Trần Văn Bình đã gửi thư cho hội nghị quốc tế về nạn "
              "nhân bom mìn ở Geneva (Thụy Sĩ).")
    assert run(letter, 2024) == []
    occasion = ("Ngày 3-4, báo Otago Times đã đăng bài của bà Mary Collins, nghị sĩ New Zealand, sau chuyến đi tới "
                "các làng nghề tại Việt Nam nhân dịp diễn ra Diễn đàn Nghị viện châu Á - Thái Bình Dương vừa qua.")
    assert [r for r in run(occasion, 2024) if r["kind"] == "conference"] == []


def test_a_quoted_meeting_programme_is_a_conference():
    body = ("Sáng 5/3 tại Hà Nội, Thứ trưởng Ngoại giao Lê Hoài Nam và Đại sứ Hàn Quốc Park Jin Woo đồng chủ trì "
            "chương trình “Gặp gỡ Hàn Quốc” dành cho doanh nghiệp hai nước.")
    [row] = run(body, 2024)
    assert (row["kind"], row["location"], sorted(people(row))) == ("conference", "Hà Nội", ["Lê Hoài Nam", "Park Jin Woo"])


def test_a_visit_opening_the_sentence_after_nhan_is_the_occasion_of_the_talks():
    body = ("Nhân chuyến thăm chính thức Việt Nam của Tổng thống Chile Mateo Rojas, sáng 14-9, Chủ tịch nước Võ "
            "Minh Hải đã hội đàm với Tổng thống Mateo Rojas tại Phủ Chủ tịch.")
    [row] = run(body, 2024)
    assert (row["kind"], row["date"], row["location"]) == ("talks", date(2024, 9, 14), "Phủ Chủ tịch")
    assert people(row) == {"Mateo Rojas": "CL", "Võ Minh Hải": "VN"}
    dateline = ("(PV)- Nhân chuyến thăm Việt Nam của Thủ tướng Chính phủ Hoàng gia Thái Lan, chiều 2-5 tại Hà Nội, "
                "Thủ tướng Lê Văn Thành đã hội kiến Thủ tướng Thái Lan.")
    assert [r["kind"] for r in run(dateline, 2024)] == ["reception"]
    # no meeting of its own after the phrase: the visit stays the news
    alone = "Nhân chuyến thăm Hàn Quốc, chiều 10-10, Chủ tịch UBND tỉnh Bắc Ninh Đỗ Văn Tâm đã trao quà cho Samsung."
    assert [r["kind"] for r in run(alone, 2024)] == ["visit"]
    # `nhân` inside a clause (`hội đàm nhân chuyến thăm …`) frames nothing that follows
    inside = ("Chiều 2-5, Thủ tướng Lê Văn Thành hội đàm với Thủ tướng Thái Lan Somchai Wongsawat nhân chuyến thăm "
              "chính thức Việt Nam, sau đó hai bên hội kiến báo chí.")
    assert [r["kind"] for r in run(inside, 2024)] == ["talks"]


def test_a_name_told_twice_in_a_sentence_is_found_both_times():
    # `Thủ tướng Sok Chan` (no country, no Latin-looking word) is only known from the first mention
    body = ("Tại lễ đón Thủ tướng Campuchia Sok Chan ở Phủ Chủ tịch sáng 3-3, Chủ tịch nước Võ Minh Hải cho biết Việt "
            "Nam coi trọng quan hệ; sau đó Chủ tịch nước Võ Minh Hải đã hội đàm với Thủ tướng Sok Chan.")
    [row] = run(body, 2024)
    assert (row["kind"], people(row)) == ("talks", {"Võ Minh Hải": "VN", "Sok Chan": "KH"})


def test_conferences_with_different_names_are_two_meetings():
    body = ("Ngày 4-6, Thủ tướng Lê Văn Thành và Thủ tướng Nhật Bản Kenji Sato đã dự Hội nghị Tương lai châu Á.\n"
            "Thủ tướng Lê Văn Thành và Thủ tướng Kenji Sato cũng dự Hội nghị xúc tiến đầu tư Việt Nam tại Tokyo.\n"
            "Tại Hội nghị, Thủ tướng Lê Văn Thành nêu các cơ hội đầu tư.")
    rows = [r for r in run(body, 2024) if r["kind"] == "conference"]
    assert [r["evidence"][:40] for r in rows] == ["Ngày 4-6, Thủ tướng Lê Văn Thành và Thủ ",
                                                    "Thủ tướng Lê Văn Thành và Thủ tướng Kenj"]
    # the same name word told again is the same conference
    again = ("Ngày 5-6, Thủ tướng Lê Văn Thành và Thủ tướng Nhật Bản Kenji Sato đã dự Hội nghị Tương lai châu Á tại Tokyo.\n"
             "Phát biểu tại Hội nghị Tương lai châu Á, Thủ tướng Lê Văn Thành nêu tầm nhìn của Việt Nam.")
    assert len([r for r in run(again, 2024) if r["kind"] == "conference"]) == 1


def test_a_summit_told_by_a_foreign_speaker_is_in_scope_when_a_vietnamese_official_is_named():
    body = ("Hội nghị cấp cao Hợp tác sông Hằng - Mekong lần thứ 3 khai mạc tại Bangkok, Thái Lan.\n"
            "\"Chúng ta cần kết nối hạ tầng\", Thủ tướng Thái Lan Somchai Wongsawat phát biểu tại phiên toàn thể "
            "Hội nghị cấp cao sáng 12-5.\nThủ tướng Lê Văn Thành đề xuất ba hướng hợp tác cho Việt Nam và các nước.")
    rows = [r for r in run(body, 2024) if r["kind"] == "conference"]
    assert [(r["date"], people(r)) for r in rows] == [(date(2024, 5, 12), {"Somchai Wongsawat": "TH"})]
    # no Vietnamese official in the article: a foreign summit
    foreign = body.replace("Thủ tướng Lê Văn Thành đề xuất", "Các chuyên gia Ấn Độ đề xuất")
    assert [r for r in run(foreign, 2024) if r["kind"] == "conference"] == []


def test_a_foreign_counterpart_told_by_honorific_takes_part_but_cannot_make_a_meeting_alone():
    body = ("Ông Pedro Alvarez cho rằng Việt Nam và Chile cần mở rộng hợp tác nông nghiệp, sau khi hội đàm với Thủ "
            "tướng Lê Văn Thành.")
    [row] = run(body, 2024)
    assert (row["kind"], people(row)) == ("talks", {"Pedro Alvarez": "CL", "Lê Văn Thành": "VN"})
    # only honorific people (a school's recruiter at a seminar): no official side, no meeting
    seminar = ("Ngày 4/5, ông Peter Grant, đại diện trường Đại học Sydney, tổ chức buổi gặp gỡ với sinh viên tại Hà "
               "Nội, Việt Nam.")
    assert [p.name for p in find_people(seminar)] == ["Peter Grant"] and run(seminar, 2024) == []


def test_a_bare_title_before_a_khmer_name_is_the_foreign_counterpart():
    body = ("Chiều 4-3 tại Hà Nội, Bộ trưởng Công Thương Lê Minh Tâm đã hội đàm với Bộ trưởng Keo Vanh trong chuyến "
            "thăm Việt Nam của đoàn Bộ Thương mại Campuchia.")
    [row] = run(body, 2024)
    assert (row["kind"], people(row)) == ("talks", {"Lê Minh Tâm": "VN", "Keo Vanh": "KH"})


def test_two_guests_told_by_honorific_alone_are_one_reception():
    body = "Ngày 3/9, Chủ tịch nước Võ Minh Hải tiếp ông Pierre Laval và bà Claire Dubois, hai người bạn Pháp."
    [row] = run(body, 2024)
    assert sorted(people(row)) == ["Claire Dubois", "Pierre Laval", "Võ Minh Hải"]


def test_a_meeting_between_two_people_is_one_row_with_both_sides():
    body = ("Trong cuộc gặp giữa Bộ trưởng Ngoại giao Việt Nam Lê Minh Tâm và Bộ trưởng Ngoại giao Lào Bounmy Phasouk "
            "tại Viêng Chăn ngày 12/4, hai bên nhất trí tăng cường hợp tác.")
    [row] = run(body, 2024)
    assert (row["kind"], people(row)) == ("reception", {"Lê Minh Tâm": "VN", "Bounmy Phasouk": "LA"})


def test_a_guests_ongoing_visit_frames_the_reception_it_follows():
    [row] = run("Chiều qua, trong buổi tiếp Thủ tướng Mông Cổ Miyegombo Enkhbold đang ở thăm Việt Nam, Chủ tịch nước "
                "Nguyễn Minh Triết khẳng định Việt Nam coi trọng quan hệ với Mông Cổ.", 2006)
    assert row["kind"] == "reception"
    assert [p["name"] for p in row["participants"]] == ["Miyegombo Enkhbold", "Nguyễn Minh Triết"]
    [row] = run("Tổng thống Mông Cổ Nambaryn Enkhbayar đang ở thăm chính thức Việt Nam từ ngày 3 đến 5/4.", 2006)
    assert row["kind"] == "visit"  # alone, the visit under way is the news


def test_a_visit_after_nhan_in_an_event_frame_is_its_occasion():
    body = ("Tại buổi gặp gỡ giữa doanh nghiệp hai nước nhân chuyến thăm của Thủ tướng Lào Bouasone Bouphavanh "
            "sáng qua, nhiều doanh nghiệp Việt Nam cho biết muốn mở rộng thị trường.")
    assert "visit" not in [r["kind"] for r in run(body, 2007)]  # the visit only frames the business meeting


def test_a_meeting_noun_with_two_hosts_and_a_guest_is_one_meeting():
    body = ("Chiều qua, trong cuộc gặp Bộ trưởng Công Thương Lê Văn Hòa và Phó thủ tướng Đỗ Minh Quang, "
            "Thủ tướng Lào Sonexay Phomvihane đã đề nghị Việt Nam mở rộng thương mại qua biên giới.")
    [row] = run(body, 2024)
    assert people(row) == {"Lê Văn Hòa": "VN", "Đỗ Minh Quang": "VN", "Sonexay Phomvihane": "LA"}


def test_a_foreign_name_told_shorter_is_the_same_person_with_the_full_name():
    body = ("Sáng 3/5, Tổng thống Brazil Luiz Carlos Pereira Santos đã hội đàm với Chủ tịch nước Võ Minh Hải "
            "tại Hà Nội.\nCùng ngày, Tổng thống Pereira Santos hội kiến Chủ tịch Quốc hội Trần Thanh Bình.")
    rows = run(body, 2024)
    names = {name: side for row in rows for name, side in people(row).items()}
    assert "Pereira Santos" not in names
    assert names["Luiz Carlos Pereira Santos"] == "BR"


def test_a_meeting_noun_followed_by_a_comma_names_no_one_who_met():
    body = ("Tại cuộc gặp, tôi đã chuyển lời mời thăm Pháp của Tổng thống Pháp Jean Moreau "
            "tới Thủ tướng Việt Nam Hoàng Văn Long.")
    assert all(len(row["participants"]) < 2 for row in run(body, 2024))


def test_a_visit_told_on_a_day_of_its_trip_is_the_same_visit():
    body = ("Chiều 21/3, Tổng thống Chile Rodrigo Andrés Vidal đã rời Hà Nội, kết thúc chuyến thăm chính thức "
            "Việt Nam.\nTrong chuyến thăm từ ngày 19 đến 21/3, Tổng thống Andrés Vidal đã đến thăm Đà Nẵng.")
    visits = [r for r in run(body, 2024) if r["kind"] == "visit"]
    assert len(visits) == 1
    assert people(visits[0]) == {"Rodrigo Andrés Vidal": "CL"}


def test_this_event_after_it_is_announced_is_planned():
    intro = "Trường Đại học Tổng hợp Melbourne sẽ tổ chức một hội thảo về du học vào ngày 12/5 tại khách sạn Daewoo. "
    guests = ("Tham dự hội thảo lần này có Phó Hiệu trưởng Peter Morris, Tổng lãnh sự Australia Andrew Barnes và "
              "Thứ trưởng Bộ Giáo dục Nguyễn Văn Hùng.")
    assert run(intro + "Đây là lần đầu trường tổ chức hội thảo tại Việt Nam. " + guests, 2005) == []
    held = run("Sáng qua, Trường Đại học Tổng hợp Melbourne đã tổ chức một hội thảo về du học tại Hà Nội. " + guests, 2005)
    assert [people(r) for r in held] == [{"Peter Morris": "AU", "Andrew Barnes": "AU", "Nguyễn Văn Hùng": "VN"}]
    today = run("Diễn đàn hợp tác Việt Nam - Australia diễn ra sáng nay tại Hà Nội. Theo chương trình, diễn đàn sẽ "
                "bàn về giáo dục. " + guests.replace("hội thảo", "diễn đàn"), 2005)
    assert len(today) == 1  # the news day's programme is told with `sẽ` too


def test_staff_sent_to_a_working_session_is_no_meeting():
    sent = ("Ngày 5/3, ông Trần Văn Bình, Giám đốc Công ty Thủy sản Hạ Long, cho biết công ty đã cử 3 chuyên gia sang "
            "làm việc với Tập đoàn Maruha (Nhật Bản) để đàm phán hợp đồng.")
    assert run(sent, 2005) == []
    went = run("Ngày 5/3, Giám đốc Công ty Thủy sản Hạ Long Trần Văn Bình đã sang Tokyo làm việc với Chủ tịch "
               "Tập đoàn Maruha Hiroshi Tanaka.", 2005)
    assert len(went) == 1 and "Trần Văn Bình" in people(went[0])


def test_a_meeting_recalled_by_a_speaker_takes_no_date_from_the_news():
    body = ("Sáng 30/4, hàng trăm cựu chiến binh đã gặp mặt tại Hội trường Thống Nhất. Thiếu tướng Lê Văn Tám, nguyên "
            "phó tư lệnh quân khu 5 nhớ lại chiến dịch mùa xuân (1972) đã buộc Mỹ phải ngồi vào bàn đàm phán hội nghị "
            "Paris.")
    assert meeting_groups(ArticleText("t", body, None, 2005, None)) == []


def test_places_firms_come_from_are_no_sides_of_a_seminar():
    firms = ("Hôm qua 12/10, hội thảo Cơ hội kinh doanh tại Việt Nam diễn ra tại Singapore với sự tham dự đông đảo của "
             "giới đầu tư Singapore cùng các doanh nghiệp từ Hải Phòng, Cần Thơ và Bình Dương.")
    assert meeting_groups(ArticleText("t", firms, None, 2005, None)) == []
    provinces = "Ngày 12/10, hội nghị hợp tác giữa các tỉnh Điện Biên, Lai Châu và tỉnh Phongsaly (Lào) đã diễn ra."
    [row] = run(provinces, 2005)
    assert row["localities"] == ["Điện Biên", "Lai Châu", "Phông Xa Lỳ"] and row["participants"] == []


def test_a_visit_told_in_passing_after_the_lead_without_a_day_is_background():
    lead = ("Hôm qua, Bộ trưởng Thương mại Nguyễn Văn Hùng đã hội đàm với Bộ trưởng Thương mại Hàn Quốc Kim Hyun Chong "
            "tại Seoul.\n")
    passing = ("Ông Lê Văn Nam, Cục trưởng Cục Đầu tư nước ngoài, cho biết, trong dịp Thủ tướng Phan Văn Khải đi thăm và "
               "làm việc tại Hàn Quốc, nhiều dự án của các nhà đầu tư Hàn Quốc sẽ được cấp phép.")
    assert [g.kind for g in meeting_groups(ArticleText("t", lead + passing, None, 2005, None))] == ["talks"]
    dated = "Sáng 3/6, Phó Thủ tướng Vũ Khoan đã đến Tokyo, bắt đầu chuyến thăm chính thức Nhật Bản."
    assert [g.kind for g in meeting_groups(ArticleText("t", lead + dated, None, 2005, None))] == ["talks", "visit"]


def test_a_quoted_letter_gives_the_meeting_neither_its_date_nor_its_author():
    body = ("Tại buổi tiếp đoàn nghị sĩ Pháp do Chủ tịch Thượng viện Christian Poncelet dẫn đầu sang thăm Việt Nam mới "
            "đây, Chủ tịch Quốc hội Nguyễn Văn Hùng nhắc lại thông điệp của Chủ tịch Hồ Chí Minh trong bức thư gửi Tổng "
            "thống Pháp cách đây 60 năm (tháng 3-1946): “Việt Nam muốn hợp tác với Pháp”.")
    groups = meeting_groups(ArticleText("t", body, None, 2006, None))
    assert groups and all(g.date is None for g in groups)
    assert "Hồ Chí Minh" not in {p.name for g in groups for p in g.people}
    assert "Nguyễn Văn Hùng" in {p.name for g in groups for p in g.people}
