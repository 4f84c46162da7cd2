"""Sentence and clause splitting over Vietnamese news text, with offsets."""

from pipeline.text import clauses, sentences


def texts(s: str) -> list[str]:
    spans = sentences(s)
    assert all(s[x.start:x.end] == x.text for x in spans)
    return [x.text for x in spans]


def test_abbreviations_and_numbers_do_not_end_sentences():
    assert texts("Đoàn đến TP. Hồ Chí Minh ngày 9/9. Hai bên ký 1.488 hợp đồng.") == [
        "Đoàn đến TP. Hồ Chí Minh ngày 9/9.", "Hai bên ký 1.488 hợp đồng."]
    assert texts("PGS.TS. Nguyễn Văn A phát biểu. Ông N. V. Minh đến.") == [
        "PGS.TS. Nguyễn Văn A phát biểu.", "Ông N. V. Minh đến."]


def test_glued_sentences_split_but_abbreviation_glued_to_a_name_does_not():
    assert texts("hàng hóa được giao ngay.Bộ Công Thương cho biết.") == [
        "hàng hóa được giao ngay.", "Bộ Công Thương cho biết."]
    assert texts("Bắc Giang và TP.Nam Ninh ký Ý định thư.") == ["Bắc Giang và TP.Nam Ninh ký Ý định thư."]


def test_lines_are_boundaries_and_quotes_stay_with_their_sentence():
    assert texts("Tiêu đề\nÔng nói: “Tốt lắm.” Sau đó về.") == ["Tiêu đề", "Ông nói: “Tốt lắm.”", "Sau đó về."]


def test_clauses_split_at_semicolons_with_offsets():
    s = "nông nghiệp tăng 6,2%; công nghiệp tăng 12,7%"
    parts = clauses(s, sentences(s)[0])
    assert [p.text for p in parts] == ["nông nghiệp tăng 6,2%", "công nghiệp tăng 12,7%"]
    assert all(s[p.start:p.end] == p.text for p in parts)


def test_a_lead_glued_to_its_headline_after_several_spaces_is_cut_at_the_first_space():
    text = "Hợp tác biên giới Việt - Trung   Chiều 12/3, đoàn công tác tỉnh Cao Bằng tới Bách Sắc."
    assert [s.text for s in sentences(text)] == [
        "Hợp tác biên giới Việt - Trung", "Chiều 12/3, đoàn công tác tỉnh Cao Bằng tới Bách Sắc."]
    assert [s.text for s in sentences("Giá lúa, Tại buổi họp sáng 12/3 bàn về giá lúa.")] == [
        "Giá lúa, Tại buổi họp sáng 12/3 bàn về giá lúa."]  # after a comma: no headline


def test_a_boundary_never_crosses_a_line_end_and_each_line_keeps_its_own_cuts():
    s = "Hội nghị bế mạc. \nĐoàn về nước.\nSáng nay. Trời mưa. TP. Vinh đón khách"
    assert texts(s) == ["Hội nghị bế mạc.", "Đoàn về nước.", "Sáng nay.", "Trời mưa.", "TP. Vinh đón khách"]
    # a slice of the text: offsets stay the text's, cuts outside it are not used
    spans = sentences(s, 17, len(s) - 6)
    assert [x.text for x in spans] == ["Đoàn về nước.", "Sáng nay.", "Trời mưa.", "TP. Vinh đón"]
    assert all(s[x.start:x.end] == x.text for x in spans)


def test_an_abbreviation_is_read_past_closing_quotes_and_only_as_the_last_token():
    assert texts("Bà nói “đi Q.” Sau đó về.") == ["Bà nói “đi Q.” Sau đó về."]  # an initial in quotes
    assert texts("Họ đi thăm các ks. Hôm sau về.") == ["Họ đi thăm các ks. Hôm sau về."]
    assert texts("Ông ấy là bác sĩ?! Mọi người cười.") == ["Ông ấy là bác sĩ?!", "Mọi người cười."]
    assert texts("Khách đến từ Hà Nội.TP. Huế chào đón.") == ["Khách đến từ Hà Nội.", "TP. Huế chào đón."]
    assert texts("Bài do GS.TSKH. Ban biên tập duyệt.") == ["Bài do GS.TSKH.", "Ban biên tập duyệt."]


def test_clauses_of_a_sentence_inside_a_text_skip_empty_pieces():
    s = "Mở đầu. Xuất khẩu gạo tăng 3%; ; cà phê giảm 2%;\nDòng sau; không đọc."
    first = sentences(s)[1]
    parts = clauses(s, first)
    assert [p.text for p in parts] == ["Xuất khẩu gạo tăng 3%", "cà phê giảm 2%"]
    assert all(s[p.start:p.end] == p.text for p in parts)
