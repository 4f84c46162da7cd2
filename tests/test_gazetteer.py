"""Gazetteer: surface forms from the seed pages and the VNTC sample."""

import time

import pytest

from pipeline.gazetteer import country_name, find_places, localities_frame, lookup


def _found(text: str) -> list[tuple[str, str, str, str]]:
    return [(m.surface, m.place.canonical, m.place.country, m.place.level) for m in find_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bí thư Tỉnh ủy Cao Bằng Trần Hồng Minh và Bí thư Khu ủy Khu tự trị dân tộc Choang Quảng Tây Lưu Ninh",
         [("Cao Bằng", "Cao Bằng", "VN", "province"),
          ("Khu tự trị dân tộc Choang Quảng Tây", "Quảng Tây", "CN", "province")]),
        ("Phó Thị trưởng TP Sùng Tả, Quảng Tây.",
         [("Sùng Tả", "Sùng Tả", "CN", "prefecture"), ("Quảng Tây", "Quảng Tây", "CN", "province")]),
        ("thành phố Sùng Tả (Quảng Tây, Trung Quốc)",
         [("Sùng Tả", "Sùng Tả", "CN", "prefecture"), ("Quảng Tây", "Quảng Tây", "CN", "province"),
          ("Trung Quốc", "Trung Quốc", "CN", "country")]),
        ("TP.Nam Ninh và thành phố Nam Ninh",
         [("Nam Ninh", "Nam Ninh", "CN", "prefecture"), ("Nam Ninh", "Nam Ninh", "CN", "prefecture")]),
        ("các cửa khẩu hướng Bằng Tường – Lạng Sơn",
         [("Bằng Tường", "Bằng Tường", "CN", "county"), ("Lạng Sơn", "Lạng Sơn", "VN", "province")]),
        ("Tổng Lãnh sự Cộng hòa Dân chủ Nhân dân Lào tại TP. Hồ Chí Minh",
         [("Cộng hòa Dân chủ Nhân dân Lào", "Lào", "LA", "country"),
          ("TP. Hồ Chí Minh", "Hồ Chí Minh", "VN", "province")]),
        ("TP.HCM, TPHCM, Thừa Thiên Huế, Bà Rịa - Vũng Tàu, Đông Hưng và Móng Cái",
         [("TP.HCM", "Hồ Chí Minh", "VN", "province"), ("TPHCM", "Hồ Chí Minh", "VN", "province"),
          ("Thừa Thiên Huế", "Huế", "VN", "province"), ("Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu", "VN", "province"),
          ("Đông Hưng", "Đông Hưng", "CN", "county"), ("Móng Cái", "Móng Cái", "VN", "city")]),
        ("Lào Cai giáp Vân Nam, Hà Khẩu (Vân Nam)",
         [("Lào Cai", "Lào Cai", "VN", "province"), ("Vân Nam", "Vân Nam", "CN", "province"),
          ("Hà Khẩu", "Hà Khẩu", "CN", "county"), ("Vân Nam", "Vân Nam", "CN", "province")]),
        ("tỉnh Hà Tây", [("Hà Tây", "Hà Tây", "VN", "province")]),  # pre-2008 province (VNTC)
        ("Thủ tướng Singapore Lý Hiển Long", [("Singapore", "Singapore", "SG", "country")]),
        ("Hoa Kỳ, Mỹ, Nhật Bản, Hàn Quốc, Campuchia, Thái Lan",
         [("Hoa Kỳ", "Hoa Kỳ", "US", "country"), ("Mỹ", "Hoa Kỳ", "US", "country"),
          ("Nhật Bản", "Nhật Bản", "JP", "country"), ("Hàn Quốc", "Hàn Quốc", "KR", "country"),
          ("Campuchia", "Campuchia", "KH", "country"), ("Thái Lan", "Thái Lan", "TH", "country")]),
        ("Liên bang Nga", [("Liên bang Nga", "Nga", "RU", "country")]),
    ],
)
def test_find_places(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "bà Nguyễn Thị Nga phát biểu",  # given name, not Russia
        "ông Lê Thanh Hóa",  # person, not the province
        "phường Đông Hưng Thuận, quận 12",  # VNTC: Vietnamese ward, not 东兴
        "phường Hồng Hà, thành phố",  # VNTC: Yên Bái ward, not 红河
        "ấp Đông Hưng, Tân Hiệp",  # VNTC
        "đường Trường Sơn Đông",  # VNTC: not 山东
        "Chủ tịch Hồ Chí Minh",  # the person
        "người anh em, anh An và chị Bình",  # lower case / single syllables
        "khách sạn Bảo Sơn",  # VNTC: hotel, not 保山
    ],
)
def test_no_false_places(text: str) -> None:
    assert [m for m in find_places(text) if m.place.country != "VN" or m.place.level == "province"] == []


def test_offsets_and_order() -> None:
    text = "Quảng Tây (Trung Quốc) và Lạng Sơn"
    ms = find_places(text)
    assert [(m.start, m.end) for m in ms] == [(0, 9), (11, 21), (26, 34)]
    assert all(text[m.start:m.end] == m.surface for m in ms)


@pytest.mark.parametrize(
    ("name", "canonical", "country", "level"),
    [
        ("tỉnh Lạng Sơn", "Lạng Sơn", "VN", "province"),
        ("TP Sùng Tả", "Sùng Tả", "CN", "prefecture"),
        ("Khu tự trị dân tộc Choang Quảng Tây", "Quảng Tây", "CN", "province"),
        ("Quảng Tây (Trung Quốc)", "Quảng Tây", "CN", "province"),
        ("广西壮族自治区", "Quảng Tây", "CN", "province"),
        ("崇左市", "Sùng Tả", "CN", "prefecture"),
        ("Guangxi", "Quảng Tây", "CN", "province"),
        ("thành phố Hồ Chí Minh", "Hồ Chí Minh", "VN", "province"),
        ("Thanh Hoá", "Thanh Hóa", "VN", "province"),
        ("Mỹ", "Hoa Kỳ", "US", "country"),
        ("Hà Nam", "Hà Nam", "VN", "province"),  # VN wins over 河南
    ],
)
def test_lookup(name: str, canonical: str, country: str, level: str) -> None:
    p = lookup(name)
    assert p is not None and (p.canonical, p.country, p.level) == (canonical, country, level)


def test_chinese_readings() -> None:
    expected = {"广西壮族自治区": "Quảng Tây", "崇左市": "Sùng Tả", "南宁市": "Nam Ninh", "凭祥市": "Bằng Tường",
                "东兴市": "Đông Hưng", "防城港市": "Phòng Thành Cảng", "云南省": "Vân Nam", "浙江省": "Chiết Giang",
                "杭州市": "Hàng Châu", "上海市": "Thượng Hải"}
    for native, vi in expected.items():
        assert lookup(native).canonical == vi


def test_place_fields() -> None:
    p = lookup("Bắc Giang")
    assert (p.native, p.latin, p.province_2025) == ("Tỉnh Bắc Giang", "Bac Giang", "Bắc Ninh")
    q = lookup("Bằng Tường")
    assert (q.native, q.latin, q.parent, q.province_2025) == ("凭祥市", "Pingxiang", "Sùng Tả", None)
    assert lookup("Móng Cái").parent == "Quảng Ninh"


def test_country_name() -> None:
    assert country_name("CN") == "Trung Quốc"
    assert country_name("LA") == "Lào"
    assert country_name("us") == "Hoa Kỳ"
    assert country_name("XX") is None


def test_localities_frame() -> None:
    df = localities_frame()
    assert list(df.columns) == ["locality_id", "canonical", "native", "latin", "country", "level", "parent", "province_2025"]
    vn = df[(df.country == "VN") & (df.level == "province")]
    assert len(vn) == 64  # 63 pre-2025 units + Hà Tây (pre-2008)
    assert vn.province_2025.nunique() == 34
    cn = df[df.country == "CN"]
    assert len(cn[cn.level == "province"]) >= 31 and len(cn[cn.level == "prefecture"]) > 300


def test_speed() -> None:
    text = open("data/bronze/seeds/000_99fd119f7ef53b7a.txt", encoding="utf-8").read()[:2000]
    find_places(text)
    t = time.perf_counter()
    for _ in range(200):
        find_places(text)
    assert (time.perf_counter() - t) / 200 < 0.0005  # ~0.1 ms measured; loose bound for CI


def _ids(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.place.locality_id) for m in find_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an admin word before the name
        ("Đoàn công tác đã tới tỉnh Shizuoka để khảo sát.", [("Shizuoka", "JP-22")]),
        ("Tỉnh Gifu và tỉnh Nghệ An trao đổi kinh nghiệm.", [("Gifu", "JP-21"), ("Nghệ An", "VN-40")]),
        ("Thống đốc bang Oregon Mark Smith tiếp đoàn.", [("Oregon", "US-OR")]),
        ("Phó Tỉnh trưởng Gyeonggi cho biết", [("Gyeonggi", "KR-41")]),
        # the country right after the name
        ("doanh nghiệp ở Kagoshima (Nhật Bản) đầu tư", [("Kagoshima", "JP-46"), ("Nhật Bản", "JP")]),
        # a multi-syllable name with its country nearby, Vietnamese press spellings of Lao/Cambodian provinces
        ("Đoàn đại biểu Xiêng Khoảng sang thăm Nghệ An, củng cố quan hệ Việt Nam - Lào.",
         [("Xiêng Khoảng", "LA-XI"), ("Nghệ An", "VN-40"), ("Việt Nam", "VN"), ("Lào", "LA")]),
        ("Campuchia cử đoàn Xvây Riêng dự hội chợ", [("Campuchia", "KH"), ("Xvây Riêng", "KH-20")]),
        # capitals match always
        ("Chuyến bay từ Seoul đến Viêng Chăn", [("Seoul", "KR-11"), ("Viêng Chăn", "LA-VT")]),
    ],
)
def test_foreign_provinces_with_context(text: str, expected: list[tuple[str, str]]) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ông Nara phát biểu tại buổi gặp.",  # a person named like a prefecture
        "Bà Chiba Yuko, đại diện công ty, cho biết.",
        "ông Saga Kenji nói với đại sứ Nhật Bản",
        "Nhóm nhạc Mie biểu diễn ở quảng trường.",
        "khách sạn Fukuoka trên đường Lê Lợi",  # a Vietnamese micro-place named after it
    ],
)
def test_bare_romaji_names_are_not_places(text: str) -> None:
    assert all(m.place.level == "country" for m in find_places(text))


def test_foreign_names_never_shadow_vietnamese_places() -> None:
    assert lookup("Hà Nam").country == "VN" and lookup("Georgia").level == "country"
    assert lookup("Moskva").locality_id == "RU-MOW"  # the capital before the oblast of the same name
    assert lookup("tỉnh Osaka").locality_id == "JP-27" and lookup("Vientiane").locality_id == "LA-VT"


def test_foreign_locality_ids_are_iso_codes_and_unique() -> None:
    df = localities_frame()
    assert df.locality_id.is_unique
    foreign = df[df.country.isin(["JP", "KR", "LA", "KH", "TH", "US", "RU"]) & (df.level != "country")]
    assert len(foreign) > 300
    assert {"JP-27", "KR-42", "LA-HO", "KH-14", "US-VA", "TH-10"} <= set(foreign.locality_id)


def test_a_list_after_an_admin_word_keeps_its_context() -> None:
    assert _ids("đại diện các tỉnh Ehime, Tottori và Shimane") == [
        ("Ehime", "JP-38"), ("Tottori", "JP-31"), ("Shimane", "JP-32")]


def test_czech_republic_in_its_press_spellings() -> None:
    """The press writes the Czech Republic `Cộng hòa Czech` / `CH Séc` as well as `Séc`; a lower-case
    `séc` (a cheque) is no country."""
    for text in ("Phái đoàn Cộng hòa Czech tới Đà Nẵng", "Hàng dệt may xuất sang CH Séc tăng mạnh"):
        assert "CZ" in {m.place.country for m in find_places(text)}
    assert not find_places("Khách hàng thanh toán bằng séc")


def test_places_of_a_text_asked_twice_are_the_same_and_the_caller_s_own_list():
    text = "Đoàn công tác tỉnh Lào Cai sang thăm Vân Nam, Trung Quốc."
    first = find_places(text)
    first.clear()  # a caller's list: changing it changes nothing kept
    again = find_places(text[:-1] + ".")  # an equal text, another string object
    assert [m.place.canonical for m in again] == ["Lào Cai", "Vân Nam", "Trung Quốc"]
    assert find_places(text) == again and find_places(text) is not again
