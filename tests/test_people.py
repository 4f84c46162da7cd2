"""People: forms from the seed pages and the VNTC sample."""

import pytest

from pipeline.people import find_people, is_foreign_name


def _people(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.side, p.locality) for p in find_people(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tổng Lãnh sự Việt Nam tại Nam Ninh Đỗ Nam Trung tiếp và làm việc với ông Chân Kiến Vĩ, Thường vụ "
         "Thành ủy, Phó Thị trưởng TP Sùng Tả, Quảng Tây.",
         [("Đỗ Nam Trung", "VN", None), ("Chân Kiến Vĩ", "CN", "Sùng Tả")]),
        ("Ngày 9/9, Bí thư Tỉnh ủy Cao Bằng Trần Hồng Minh và Bí thư Khu ủy Khu tự trị dân tộc Choang Quảng "
         "Tây Lưu Ninh đã có buổi gặp trực tuyến.",
         [("Trần Hồng Minh", "VN", "Cao Bằng"), ("Lưu Ninh", "CN", "Quảng Tây")]),
        ("Bí thư Thành ủy Lam Hiểu đã có hội đàm trực tuyến thành công với Phó Chủ tịch UBND tỉnh Lạng Sơn "
         "Đoàn Thu Hà theo cơ chế gặp gỡ",
         [("Lam Hiểu", None, None), ("Đoàn Thu Hà", "VN", "Lạng Sơn")]),
        ("đồng chí Trần Cương, Ủy viên Trung ương Đảng Cộng sản Trung Quốc, Bí thư Đảng ủy Khu tự trị dân tộc "
         "Choang Quảng Tây.", [("Trần Cương", "CN", "Quảng Tây")]),
        ("Tổng Bí thư, Chủ tịch nước Trung Quốc Tập Cận Bình", [("Tập Cận Bình", "CN", None)]),
        ("Phó Thủ tướng Thường trực Phạm Bình Minh đã có hội kiến trực tuyến với Bí thư Khu ủy Quảng Tây Lưu Ninh",
         [("Phạm Bình Minh", "VN", None), ("Lưu Ninh", "CN", "Quảng Tây")]),
        ("Phó Chủ tịch UBND TP Cần Thơ Nguyễn Thực Hiện có buổi tiếp và làm việc với bà Phimpha Keomixay, Tổng "
         "Lãnh sự Cộng hòa Dân chủ Nhân dân (CHDCND) Lào tại TP. Hồ Chí Minh cùng các thành viên",
         [("Nguyễn Thực Hiện", "VN", "Cần Thơ"), ("Phimpha Keomixay", "LA", None)]),
        ("Tổng lãnh sự Việt Nam tại Thượng Hải Ninh Thành Công đã hội kiến Phó Tỉnh trưởng tỉnh Chiết Giang "
         "Lư Sơn nhân dịp", [("Ninh Thành Công", "VN", None), ("Lư Sơn", "CN", "Chiết Giang")]),
        ("Thị trưởng thành phố Nam Ninh Liêu Lập Dũng đồng chủ trì. Sau đó Thị trưởng Liêu Lập Dũng phát biểu",
         [("Liêu Lập Dũng", "CN", "Nam Ninh"), ("Liêu Lập Dũng", "CN", None)]),
        ("Đại sứ Phạm Thanh Bình phát biểu", [("Phạm Thanh Bình", "VN", None)]),
        # VNTC sample
        ("Bộ trưởng Bộ Tài chính Nguyễn Sinh Hùng vừa công bố", [("Nguyễn Sinh Hùng", "VN", None)]),
        ("Thứ trưởng Bộ Ngoại giao Trung Quốc Vương Nghị đã có cuộc trao đổi", [("Vương Nghị", "CN", None)]),
        ("Thủ tướng Singapore Lý Hiển Long tuyên bố", [("Lý Hiển Long", "SG", None)]),
        ("Tổng thống Indonesia Susilo Bambang Yudhoyono tuyên bố.", [("Susilo Bambang Yudhoyono", "ID", None)]),
        ("Thủ tướng Palestine Ahmed Korei cho biết", [("Ahmed Korei", "PS", None)]),
        ("Bộ trưởng Văn hoá Tessa Jowell cho biết", [("Tessa Jowell", None, None)]),
        # `Âu` is a family name, but `Simone` is not a Vietnamese syllable: the Latin name wins
        ("Chủ tịch Hội đồng châu Âu Simone Weil và", [("Simone Weil", None, None)]),
        ("Ông Phạm Đình Đức, Giám đốc Công ty Vận tải hàng khách công cộng TP HCM, cho biết",
         [("Phạm Đình Đức", "VN", "Hồ Chí Minh")]),
        ("Đại biểu Trần Văn Quýnh, Chủ tịch HĐND quận Hoàn Kiếm, cho rằng", [("Trần Văn Quýnh", "VN", "Hoàn Kiếm")]),
        ("ông sẽ có các cuộc gặp với Phó thủ tướng Vũ Khoan, Bộ trưởng Ngoại giao Nguyễn Dy Niên và Thứ trưởng "
         "Thương mại Lương Văn Tự.",
         [("Vũ Khoan", "VN", None), ("Nguyễn Dy Niên", "VN", None), ("Lương Văn Tự", "VN", None)]),
    ],
)
def test_find_people(text: str, expected: list) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hợp tác giữa Việt Anh và Giám đốc Công ty Nanum CnC đã có bất đồng",  # VNTC: company
        "Chủ tịch Đoàn Chủ tịch Ủy ban T.Ư MTTQ",  # VNTC: organ, not a name
        "Thủ tướng giao một số bộ hỗ trợ tỉnh Hà Tây hoàn thiện quy hoạch",
        "Trưởng ban Ban Châu Mỹ (Liên hiệp các tổ chức hữu nghị Việt Nam)",
        "Giám đốc Sở Tài chính Tháng Ba",
        "Chủ tịch UBND tỉnh Lạng Sơn cho biết",
    ],
)
def test_no_false_people(text: str) -> None:
    assert _people(text) == []


def test_offsets_and_title() -> None:
    text = "Bí thư Tỉnh ủy Cao Bằng Trần Hồng Minh đã"
    (p,) = find_people(text)
    assert text[p.start:p.end] == p.name == "Trần Hồng Minh"
    assert p.title == "Bí thư Tỉnh ủy"


def test_side_from_other_mention() -> None:
    text = ("Tổng Lãnh sự Đỗ Nam Trung khẳng định. "
            "Tổng Lãnh sự Việt Nam tại Nam Ninh Đỗ Nam Trung tiếp ông Chân Kiến Vĩ, Phó Thị trưởng TP Sùng Tả.")
    assert [(p.name, p.side) for p in find_people(text)] == [
        ("Đỗ Nam Trung", "VN"), ("Đỗ Nam Trung", "VN"), ("Chân Kiến Vĩ", "CN")]


def test_seed_pages() -> None:
    names = {}
    for f in ("000_99fd119f7ef53b7a", "001_76f21d823f1c97e1", "003_cf6c1d9a34f65e6d", "004_4a6ba74ef55dd6d3"):
        for p in find_people(open(f"data/bronze/seeds/{f}.txt", encoding="utf-8").read()):
            names.setdefault(p.name, set()).add(p.side)
    for name, side in [("Đỗ Nam Trung", "VN"), ("Chân Kiến Vĩ", "CN"), ("Phạm Bình Minh", "VN"), ("Lưu Ninh", "CN"),
                       ("Đoàn Thu Hà", "VN"), ("Đặng Đình Hoan", "VN"), ("Liêu Lập Dũng", "CN"),
                       ("Phạm Thanh Bình", "VN"), ("Trần Cương", "CN"), ("Tập Cận Bình", "CN"),
                       ("Phan Anh Sơn", "VN"), ("Ngụy Nhiên", "CN"), ("Takaichi Sanae", "JP")]:
        assert names.get(name) == {side}, name


# --- sides of foreign names (VNTC sentences) -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tổng Thư ký LHQ Kofi Annan phát biểu", [("Kofi Annan", None, None)]),
        ("tân Chủ tịch Ban Công tác WTO Eirik Glenne đánh giá cao", [("Eirik Glenne", None, None)]),
        # a bare national title defaults to Viet Nam, never for a name Vietnamese spelling does not have
        ("Thủ tướng Kim Won Ki phát biểu", [("Kim Won Ki", None, None)]),
        ("Ngày 15-1, Chủ tịch QH Hàn Quốc Kim Won Ki đã ký", [("Kim Won Ki", "KR", None)]),
        ("Thủ tướng TQ Ôn Gia Bảo xác nhận", [("Ôn Gia Bảo", "CN", None)]),
        ("Tổng thống Czech Vaclav Klaus phát biểu", [("Vaclav Klaus", "CZ", None)]),
        ("trong buổi hội đàm với Tổng bí thư Nông Đức Mạnh, Thủ tướng Vương quốc Bỉ Guy Verhofstadt cho biết",
         [("Nông Đức Mạnh", "VN", None), ("Guy Verhofstadt", "BE", None)]),
    ],
)
def test_foreign_sides(text: str, expected: list) -> None:
    assert _people(text) == expected


def test_is_foreign_name() -> None:
    from pipeline.people import is_foreign_name

    assert [is_foreign_name(n) for n in ("Kofi Annan", "Kim Won Ki", "Ho Mei-yueh", "Nasagiin Bagabandi")] == [
        True, True, True, True]
    assert [is_foreign_name(n) for n in ("Nguyễn Tấn Dũng", "Ngụy Nhiên", "Giàng A Chu", "Tập Cận Bình")] == [
        False, False, False, False]


def test_title_matches_agree_with_a_full_scan() -> None:
    from pipeline.people import _title_matches, _titles

    text = ("Chủ tịch nước Trần Đức Lương và Phó Chủ tịch UBND tỉnh Lạng Sơn Đoàn Thu Hà, Bí thư Khu ủy Quảng Tây "
            "Lưu Ninh, Thị trưởng Nam Ninh, Tổng Thư ký LHQ; thủ tướng, Đại sứ đặc mệnh toàn quyền.")
    assert [m.span() for m in _title_matches(text)] == [m.span() for m in _titles()[0].finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a foreign country in the title, short Latin syllables are a name too
        ("Thủ tướng Campuchia Hun Manet phát biểu", [("Hun Manet", "KH", None)]),
        # European accents and a spaced hyphen stay inside the name
        ("Chủ tịch nước Cộng hòa Cuba Miguel Díaz - Canel phát biểu", [("Miguel Díaz - Canel", "CU", None)]),
        # the place after `tỉnh` in the title is not the first word of the name; it gives the side
        ("ông đã gặp Thống đốc tỉnh Okayama Ryuta Ibaragi", [("Ryuta Ibaragi", "JP", "Okayama")]),
    ],
)
def test_names_of_foreign_officials(text: str, expected: list) -> None:
    assert _people(text) == expected


def test_side_from_the_title_is_marked_sure() -> None:
    from pipeline.people import find_people

    sure, bare = find_people("Bộ trưởng Quốc phòng Trung Quốc Đổng Quân và Thượng tướng Đổng Quân")
    assert (sure.side, sure.sure) == ("CN", True)
    assert bare.sure is False


def test_title_references() -> None:
    from pipeline.people import title_references

    text = "Tổng thống Lula phát biểu; sau đó Phó Thủ tướng hội đàm với hai Thủ tướng, nguyên Chủ tịch nước dự."
    assert [(title, word, country) for _, _, title, word, country in title_references(text)] == [
        ("Tổng thống", "Lula", None), ("Phó Thủ tướng", None, None)]
    [(_, _, title, word, country)] = title_references("Bộ trưởng Quốc phòng Trung Quốc hội đàm; Thủ tướng Nga Putin")[1:]
    assert (title, word, country) == ("Thủ tướng", "Putin", "RU")


def test_an_and_inside_an_organisation_name_keeps_the_title_tail() -> None:
    assert _people("đã gặp Bộ trưởng Kinh tế và Công nghiệp Israel Nir Barkat") == [("Nir Barkat", "IL", None)]
    assert [n for n, _, _ in _people("Bộ trưởng Lê Văn Thành và Thứ trưởng Phạm Hồng Sơn")] == [
        "Lê Văn Thành", "Phạm Hồng Sơn"]


def test_lower_case_particles_inside_foreign_names() -> None:
    assert [n for n, _, _ in _people("Tổng Chưởng lý Mohamed Hanif bin Omar và Bộ trưởng Anwar Bin Ibrahim dự")] == [
        "Mohamed Hanif bin Omar", "Anwar Bin Ibrahim"]


def test_latin_organisation_and_place_names_are_no_people() -> None:
    assert _people("đại diện Lãnh sự Carlyle Group phát biểu; phó chủ tịch St Petersburg nói") == []
    assert _people("với Lãnh sự Hoa Kỳ Carlyle Group") == []


def test_titles_in_either_tone_placement_and_a_place_abbreviation_in_the_title() -> None:
    """`Thành uỷ` is `Thành ủy` in the older tone placement; the dot of `TP.` does not end the title's tail."""
    found = [(p.name, p.title, p.side) for p in find_people(
        "Sáng nay, Phó Bí thư Thành uỷ Đà Nẵng Lê Văn Tâm và Chủ tịch UBND TP. Hồ Chí Minh Trần Văn Bình dự lễ.")]
    assert found == [("Lê Văn Tâm", "Phó Bí thư Thành uỷ", "VN"), ("Trần Văn Bình", "Chủ tịch UBND", "VN")]


def test_korean_family_name_after_a_title_with_a_number() -> None:
    """A Korean name of one-syllable words (`Park Ji Hoon`) is foreign; `4.0` does not end the title."""
    from pipeline.people import is_foreign_name

    text = "Chiều 3/4, Giám đốc Trung tâm Đổi mới 4.0 Park Ji Hoon đã tiếp đoàn công tác."
    assert [(p.name, p.title) for p in find_people(text)] == [("Park Ji Hoon", "Giám đốc")]
    assert is_foreign_name("Park Ji Hoon") and is_foreign_name("Choi Min Su")
    assert not is_foreign_name("Lê Văn Hùng")


def test_cu_ba_spelling_gives_the_side() -> None:
    text = "Bộ trưởng Y tế Cu Ba Roberto Morales Ojeda đã tiếp đoàn công tác của tỉnh Cà Mau."
    assert _people(text) == [("Roberto Morales Ojeda", "CU", None)]


def test_italy_as_y_qualifies_a_title() -> None:
    """`Ý` (Italy) is read after a title, never matched alone in running text (`Ý kiến …`)."""
    from pipeline.gazetteer import find_places
    from pipeline.people import title_references

    assert title_references("Sau đó, Tổng thống Ý Mattarella đã tiếp đoàn.")[0][3:] == ("Mattarella", "IT")
    assert not find_places("Ý kiến của các bên đều thống nhất.")
    assert [m.place.country for m in find_places("Đoàn công tác thăm Italia.")] == ["IT"]


def test_phonetic_country_spellings_give_the_side() -> None:
    """Older press spellings (`Cam - pu - chia`, `Mô-dăm-bích`) name the country in a title."""
    text = ("Bộ trưởng Nông nghiệp Mô-dăm-bích Celso Correia và Bộ trưởng Thương mại Cam - pu - chia "
            "Pan Sorasak, đã đến Hà Nội.")
    assert [(p.name, p.side) for p in find_people(text)] == [("Celso Correia", "MZ"), ("Pan Sorasak", "KH")]


def test_appositive_deputy_of_any_title() -> None:
    """`X, Phó Hiệu trưởng …`: `Phó` before a listed title is part of it."""
    text = "Theo ông Hiroshi Tanaka, Phó Hiệu trưởng thường trực Đại học Osaka, hai bên sẽ trao đổi sinh viên."
    [p] = find_people(text)
    assert (p.name, p.title) == ("Hiroshi Tanaka", "Phó Hiệu trưởng")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bộ trưởng đã tiếp Tổng giám đốc Hitachi Electric Taro Yamada tại Hà Nội.", "Taro Yamada"),
        ("Bộ trưởng đã tiếp Chủ tịch Tập đoàn Hyosung Cho Hyun-joon tại Hà Nội.", "Cho Hyun-joon"),
    ],
)
def test_company_before_a_foreign_name_is_not_the_name(text: str, name: str) -> None:
    """The company's name (up to its last organisation word, or to a foreign family name) precedes the person."""
    assert [p.name for p in find_people(text)] == [name]


def test_phonetic_name_with_hyphenated_syllables() -> None:
    """Lao and Khmer names in phonetic spelling join syllables with spaced hyphens."""
    text = ("Sáng nay, Bộ trưởng Ngoại giao Lào Bun - ma Xu - li - vong đã hội đàm với Chủ tịch Quốc hội "
            "Cam-pu-chia Hêng Xom-rin.")
    assert [(p.name, p.side) for p in find_people(text)] == [("Bun - ma Xu - li - vong", "LA"), ("Hêng Xom-rin", "KH")]


def test_same_office_after_a_name_opens_a_new_subject() -> None:
    """`Bộ trưởng X, Bộ trưởng Lào …`: the second title is another person's, not X's appositive."""
    text = ("Tán thành ý kiến của Bộ trưởng Ngoại giao Trần Văn Nam, Bộ trưởng Ngoại giao Lào nhấn mạnh "
            "quan hệ đặc biệt. Ông Lò Văn Hùng, Phó Chủ tịch tỉnh Sơn La, cho biết.")
    assert [(p.name, p.side) for p in find_people(text)] == [("Trần Văn Nam", "VN"), ("Lò Văn Hùng", "VN")]


def test_a_foreign_name_after_an_honorific_is_a_person_with_the_title_told_elsewhere() -> None:
    text = "Ông Pedro Alvarez cho rằng hai nước cần hợp tác. Bộ trưởng Pedro Alvarez cảm ơn phía Việt Nam."
    found = [(p.name, p.title) for p in find_people(text)]
    assert found == [("Pedro Alvarez", "Bộ trưởng"), ("Pedro Alvarez", "Bộ trưởng")]
    assert [(p.name, p.title) for p in find_people("Bà Laura Bianchi phát biểu.")] == [("Laura Bianchi", None)]
    # an appositive after the name gives the side (the posting `tại Việt Nam` does not)
    [p] = find_people("đã tiếp ông Peter Hansen, Tham tán Đại sứ quán Đan Mạch tại Việt Nam, về dự án.")
    assert (p.name, p.side, p.sure) == ("Peter Hansen", "DK", True)
    # a Vietnamese name, one Latin-looking word, or words running on into a dash are not such a name
    assert find_people("Ông Nguyễn Văn Hai và ông Smith cùng dự; ông Peter Kowalski - giám đốc dự án.") == []


def test_a_khmer_family_name_makes_a_bare_titled_name_foreign() -> None:
    # `Keo Vanh` spells like a Vietnamese name, but `Keo` is a Khmer family name (lexicons/surnames.tsv)
    [p] = find_people("Chiều 4-3, Bộ trưởng Keo Vanh đã trả lời báo chí.")
    assert (p.name, p.title, p.side) == ("Keo Vanh", "Bộ trưởng", None)
    assert is_foreign_name("Keo Vanh") and not is_foreign_name("Kiều Văn Hạnh")


def test_a_federal_court_before_a_name_is_not_a_state():
    [p] = find_people("Bộ trưởng tiếp Chánh án Tòa án Liên bang Amir bin Hassan tại Hà Nội.")
    assert (p.name, p.title) == ("Amir bin Hassan", "Chánh án")


def test_an_academic_title_before_a_foreign_name_is_an_honorific():
    found = find_people("Sáng qua, tiến sĩ Hans Keller, giám đốc UNDP khu vực châu Á, đã gặp Bộ trưởng Nguyễn Văn Hùng.")
    assert [(p.name, p.title) for p in found] == [("Hans Keller", "giám đốc"), ("Nguyễn Văn Hùng", "Bộ trưởng")]
    [row] = [(p.name, p.title) for p in find_people("Theo GS.TS Peter Morris, Hiệu trưởng Đại học Melbourne, …")]
    assert row == ("Peter Morris", "Hiệu trưởng")
