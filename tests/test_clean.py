"""pipeline.clean: body / chrome classification and page metadata."""

from __future__ import annotations

import gzip
import json
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pipeline.clean import CleanDoc, clean_document
from pipeline.clean.markup import strip_markup

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "dev"
VNTC = SHARED / "corpus" / "vntc" / "vntc-sample.jsonl.gz"
VN = timezone(timedelta(hours=7))


def _gold() -> list[tuple[dict, str]]:
    if not GOLD.exists() or not SEEDS.exists():
        return []
    out = []
    for g in sorted(GOLD.glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        raw = (SEEDS / gold["doc"]).read_text(encoding="utf-8")
        out.append((gold, unicodedata.normalize("NFC", raw.replace("\r\n", "\n"))))
    return out


GOLDS = _gold()


@pytest.mark.skipif(not GOLDS, reason="seed pages / gold not found under ../shared")
@pytest.mark.parametrize("gold,text", GOLDS, ids=[g["doc"][:3] for g, _ in GOLDS])
def test_seed_body_lines(gold: dict, text: str) -> None:
    doc = clean_document(text, gold["doc"])
    body_lines = set(doc.body.split("\n"))
    lines = text.split("\n")
    wanted = {strip_markup(lines[n - 1]) for n in gold["article"]["body_lines"]}
    for line in wanted:
        assert line in body_lines, line
    title = gold["article"]["title"]
    for n, line in enumerate(lines, 1):
        plain = strip_markup(line)
        if n in gold["article"]["body_lines"] or not plain or plain == title or plain in wanted:
            continue
        assert plain not in body_lines, (n, line)
        if len(plain.split()) >= 5:
            assert plain not in doc.body, (n, line)


@pytest.mark.skipif(not GOLDS, reason="seed pages / gold not found under ../shared")
@pytest.mark.parametrize("gold,text", GOLDS, ids=[g["doc"][:3] for g, _ in GOLDS])
def test_seed_metadata(gold: dict, text: str) -> None:
    doc = clean_document(text, gold["doc"])
    art = gold["article"]
    assert doc.title == art["title"]
    assert doc.reference_year == art.get("reference_year")
    assert doc.author == art.get("author")
    assert doc.outlet == art.get("outlet")
    want = art.get("published_at")
    assert doc.published_at == (datetime.fromisoformat(want) if want else None)


def test_seed_004_timestamp_is_tz_aware() -> None:
    doc = clean_document("Trang chủ Tin tức\n16:24 | 16/07/2025 GMT+7\n\nTiêu đề bài viết về hợp tác\n\naa\n"
                         "Ngày 16/7, hai bên đã hội đàm tại Hà Nội về hợp tác thương mại và đầu tư.\n")
    assert doc.published_at == datetime(2025, 7, 16, 16, 24, tzinfo=VN)
    assert doc.title == "Tiêu đề bài viết về hợp tác"
    assert doc.body == "Ngày 16/7, hai bên đã hội đàm tại Hà Nội về hợp tác thương mại và đầu tư."


def test_plain_article() -> None:
    text = ("Lạng Sơn và Quảng Tây tăng cường hợp tác\n"
            "Ngày 5/3, lãnh đạo tỉnh Lạng Sơn đã hội đàm với đoàn đại biểu Quảng Tây về kế hoạch năm 2024.\n"
            "Hai bên nhất trí đẩy mạnh thông quan hàng hóa tại cửa khẩu Hữu Nghị.\n"
            "Trần Văn Nam\n")
    doc = clean_document(text)
    assert isinstance(doc, CleanDoc)
    assert doc.title == "Lạng Sơn và Quảng Tây tăng cường hợp tác"
    assert doc.body.split("\n") == [
        "Ngày 5/3, lãnh đạo tỉnh Lạng Sơn đã hội đàm với đoàn đại biểu Quảng Tây về kế hoạch năm 2024.",
        "Hai bên nhất trí đẩy mạnh thông quan hàng hóa tại cửa khẩu Hữu Nghị.",
    ]
    assert doc.author == "Trần Văn Nam"
    assert doc.reference_year == 2024
    assert doc.published_at is None


def test_no_title_keeps_first_line() -> None:
    text = ("Ngày 16.1, các nhà ngoại giao của sáu nước đã có cuộc gặp tại London để thống nhất một giải pháp chung.\n"
            "Các bên sẽ tiếp tục thảo luận trong tuần tới.\n")
    doc = clean_document(text)
    assert doc.title is None
    assert doc.body.startswith("Ngày 16.1, các nhà ngoại giao")
    assert doc.body.endswith("trong tuần tới.")


def test_title_glued_to_lead_with_agency_tag() -> None:
    text = (" Nghiêm cấm giáo viên gợi ý học sinh học thêm (NLĐ)- Lãnh đạo Sở GD-ĐT TP Đà Nẵng vừa có văn bản "
            "yêu cầu các trường chấm dứt tình trạng ép buộc học sinh học thêm.\nTheo đó, giáo viên không được gợi ý.\n")
    doc = clean_document(text)
    assert doc.title == "Nghiêm cấm giáo viên gợi ý học sinh học thêm"
    assert doc.body.startswith("Lãnh đạo Sở GD-ĐT TP Đà Nẵng")


def test_header_block() -> None:
    text = ("Title: Bắc Ninh hợp tác với Hàn Quốc\nPublished Date: 2024-05-02T08:30:00+07:00\n"
            "URL: https://baobacninh.vn/abc\nContent: Ngày 1/5, lãnh đạo tỉnh Bắc Ninh tiếp đoàn doanh nghiệp Hàn Quốc.\n"
            "Hai bên trao đổi về cơ hội đầu tư vào các khu công nghiệp.\n")
    doc = clean_document(text)
    assert doc.title == "Bắc Ninh hợp tác với Hàn Quốc"
    assert doc.published_at == datetime(2024, 5, 2, 8, 30, tzinfo=VN)
    assert doc.outlet == "baobacninh.vn"
    assert doc.reference_year == 2024
    assert doc.body.split("\n") == [
        "Ngày 1/5, lãnh đạo tỉnh Bắc Ninh tiếp đoàn doanh nghiệp Hàn Quốc.",
        "Hai bên trao đổi về cơ hội đầu tư vào các khu công nghiệp.",
    ]


def test_markdown_scrape() -> None:
    text = """# Hà Giang và Vân Nam ký kết biên bản hợp tác

Cập nhật: 10:15 | 05/03/2024 GMT+7

* [Trang chủ](https://x.vn/) * [Thời sự](https://x.vn/thoi-su)

Ngày 4/3, tỉnh **Hà Giang** và tỉnh Vân Nam (Trung Quốc) đã [ký kết](https://x.vn/a) biên bản hợp tác thương mại.

![Quang cảnh lễ ký](https://x.vn/img.jpg)

Quang cảnh lễ ký. (Ảnh: TTXVN)

Hai bên nhất trí thúc đẩy kim ngạch thương mại qua cửa khẩu Thanh Thủy đạt 1 tỷ USD.

## Tin liên quan

* [Lào Cai đón đoàn Vân Nam sang thăm và làm việc](https://x.vn/b)
* [Cao Bằng hội đàm với Quảng Tây về cửa khẩu](https://x.vn/c)
"""
    doc = clean_document(text)
    assert doc.title == "Hà Giang và Vân Nam ký kết biên bản hợp tác"
    assert doc.published_at == datetime(2024, 3, 5, 10, 15, tzinfo=VN)
    assert doc.body.split("\n") == [
        "Ngày 4/3, tỉnh Hà Giang và tỉnh Vân Nam (Trung Quốc) đã ký kết biên bản hợp tác thương mại.",
        "Quang cảnh lễ ký. (Ảnh: TTXVN)",
        "Hai bên nhất trí thúc đẩy kim ngạch thương mại qua cửa khẩu Thanh Thủy đạt 1 tỷ USD.",
    ]


def test_markdown_link_list_is_not_body() -> None:
    text = ("Tin tức hợp tác quốc tế\n"
            "[Quảng Ninh đón đoàn Quảng Tây](https://a.vn/1) [Lào Cai ký kết với Vân Nam](https://a.vn/2)\n"
            "* [Cao Bằng hội đàm với Bách Sắc](https://a.vn/3)\n"
            "* [Hà Giang tiếp đoàn Văn Sơn](https://a.vn/4)\n")
    assert clean_document(text).body == ""


@pytest.mark.skipif(not GOLDS, reason="seed pages not found under ../shared")
def test_squashed_one_line_page() -> None:
    gold, text = next((g, t) for g, t in GOLDS if g["doc"].startswith("004"))
    one_line = " ".join(line.strip() for line in text.split("\n") if line.strip())
    doc = clean_document(one_line)
    assert doc.title == gold["article"]["title"]
    assert doc.published_at == datetime(2025, 7, 16, 16, 24, tzinfo=VN)
    assert doc.author == "Quảng An"
    assert doc.body.startswith("Ngày 16/7, Chủ tịch Liên hiệp")
    assert "Bộ Ngoại giao." in doc.body
    for chrome in ("Tin bài liên quan", "Đọc nhiều", "Củng cố đoàn kết", "Trồng cây xanh", "Phiên bản di động"):
        assert chrome not in doc.body


def test_repeated_caption_kept_once() -> None:
    text = ("Tiêu đề bài về chuyến thăm của Đại sứ\n"
            "Sáng 16/5, Đại sứ đã hội kiến với Bí thư Khu ủy tại Nam Ninh, hai bên trao đổi về hợp tác.\n"
            "Đại sứ hội kiến với Bí thư Khu ủy.\n\nĐại sứ hội kiến với Bí thư Khu ủy.\n"
            "Hai bên nhất trí tăng cường giao lưu giữa các địa phương biên giới.\n")
    body = clean_document(text).body
    assert body.count("Đại sứ hội kiến với Bí thư Khu ủy.") == 1


def test_teasers_and_related_lists() -> None:
    text = ("Tiêu đề bài chính\n"
            "![]() Ngày 22/8, lãnh đạo tỉnh Bình Phước đã đón tiếp đoàn đại biểu tỉnh Champasak. |\n"
            "Ngày 23/8, lãnh đạo hai thành phố đã gặp gỡ trực tuyến và ký ý định thư hợp tác.\n"
            "![]() |\n"
            "Toàn cảnh buổi gặp gỡ trực tuyến. |\n"
            "Thành phố Nam Ninh sẵn sàng hợp tác trong các lĩnh vực kinh tế, giáo dục, du lịch.\n"
            "Trồng cây xanh vun đắp tình hữu nghị Trồng cây xanh vun đắp tình hữu nghị\n"
            "Thanh niên hai nước tham dự hoạt động trồng cây xanh tại biên giới.\n"
            "Tin bài liên quan\n"
            "Hai địa phương ký kết biên bản ghi nhớ hợp tác\n")
    doc = clean_document(text)
    assert doc.body.split("\n") == [
        "Ngày 23/8, lãnh đạo hai thành phố đã gặp gỡ trực tuyến và ký ý định thư hợp tác.",
        "Toàn cảnh buổi gặp gỡ trực tuyến.",
        "Thành phố Nam Ninh sẵn sàng hợp tác trong các lĩnh vực kinh tế, giáo dục, du lịch.",
    ]


def test_topic_listing_has_empty_body() -> None:
    text = ("Hợp tác quốc tế\n\n"
            "Quảng Ninh đón đoàn đại biểu Quảng Tây sang thăm\n\n"
            "Lào Cai và Vân Nam ký kết biên bản hợp tác\n\n"
            "Cao Bằng hội đàm với thành phố Bách Sắc\n\n"
            "Hà Giang tiếp đoàn công tác Văn Sơn\n")
    assert clean_document(text).body == ""


def test_reference_year_without_published_at() -> None:
    body = "Lead.\nTháng 7/2022, hai bên hội kiến. Ngày 29/6/2022, hai bên hội đàm. Giai đoạn 2023-2027."
    assert clean_document("Tiêu đề\n" + body).reference_year == 2022
    assert clean_document("Tiêu đề\nHai bên đã gặp nhau hôm qua để bàn về hợp tác.").reference_year is None


def _vntc(n: int) -> list[str]:
    if not VNTC.exists():
        pytest.skip(f"VNTC sample not found at {VNTC}")
    out = []
    with gzip.open(VNTC, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            out.append(unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")))
            if len(out) >= n:
                break
    return out


def test_vntc_slice_keeps_text() -> None:
    """Plain articles: the body keeps >= 95 % of the non-space characters after the title line for >= 95 % of
    articles (related-news lines `Tiêu đề(dd/mm/yyyy)` are chrome and not counted)."""
    import re

    related = re.compile(r"\(\d{1,2}/\d{1,2}/\d{4}\)\s*$")
    texts = _vntc(200)
    good = 0
    for text in texts:
        doc = clean_document(text)
        lines = [ln for ln in text.split("\n") if ln.strip() and not related.search(ln)]
        ref = "\n".join(lines)
        if doc.title and ref.lstrip().startswith(doc.title):
            ref = ref.lstrip()[len(doc.title):]
        ref_chars = len("".join(ref.split()))
        kept = len("".join(doc.body.split()))
        good += ref_chars == 0 or kept >= 0.95 * ref_chars
    assert good >= 0.95 * len(texts)


def test_reference_year_skips_the_date_diplomatic_ties_were_set() -> None:
    body = ("Tổng thống Phần Lan thăm chính thức Việt Nam từ ngày 3 đến 6/4. Đây là chuyến thăm đầu tiên kể từ khi "
            "hai nước thiết lập quan hệ ngoại giao (25/1/1973).")
    assert clean_document("Tiêu đề\n" + body).reference_year is None


def test_reference_year_needs_the_news_to_back_it() -> None:
    lead = "Lãnh đạo tỉnh Sơn La tiếp đoàn doanh nghiệp Thái Lan sang tìm hiểu thị trường nông sản.\n"
    # one past date deep in the body is history, not the news's year
    history = lead + "Hai bên nhắc lại chuyến khảo sát hồi tháng 8/2011 tại Băng Cốc, khi hai bên lần đầu gặp nhau."
    assert clean_document("Tiêu đề\n" + history).reference_year is None
    # the same date told as the news's own (time of day, or opening its clause with a comma) dates the news
    dateline = lead + "Chiều 21/9/2023, tại trụ sở UBND tỉnh, hai bên trao đổi về xuất khẩu xoài."
    assert clean_document("Tiêu đề\n" + dateline).reference_year == 2023
    opening = lead + "Trước đó, ngày 20/9/2023, đoàn đã thăm một nhà máy chế biến."
    assert clean_document("Tiêu đề\n" + opening).reference_year == 2023
    # a plan's year does not date the news; a bare year in the lead paragraph does
    plan = lead + "Hai bên sẽ phấn đấu nâng kim ngạch thương mại lên 3 tỉ USD trong năm 2027."
    assert clean_document("Tiêu đề\n" + plan).reference_year is None
    present = lead.rstrip() + " Hai địa phương coi năm 2024 là năm bản lề của hợp tác.\nHai bên bàn về logistics."
    assert clean_document("Tiêu đề\n" + present).reference_year == 2024
    # two full dates of one year back it too
    two = lead + "Hai bên từng gặp nhau hồi tháng 3/2022 và tháng 6/2022 tại Hà Nội."
    assert clean_document("Tiêu đề\n" + two).reference_year == 2022


def test_reference_year_reads_a_lunar_year_only_as_stem_branch_year() -> None:
    from pipeline.clean.metadata import reference_year

    deep = "Tiêu đề\n" + "Người dân đi chợ hoa. " * 40
    assert reference_year(deep + "Vui Xuân Giáp Thìn 2024 cùng gia đình.") == 2024  # a lunar year dates the news
    assert reference_year(deep + "Vui Xuân Giáp Thìn\n2024 cùng gia đình.") == 2024  # blanks may be a line end
    assert reference_year(deep + "Vui Xuân GiápThìn 2024 cùng gia đình.") is None  # no blank between the words
    assert reference_year(deep + "Mã số Thìn 2024 cùng gia đình.") is None  # a branch without its stem
    assert reference_year(deep + "Vui Xuân Giáp Thìn 20245 cùng gia đình.") is None  # a longer number
    # a target year is masked and a mask is as long as the year: the other years keep their places
    assert reference_year(deep + "Mục tiêu đến năm 2030. Tết Giáp Thìn 2024 đã qua.") == 2024


def test_has_markup_sees_every_markup_character_and_bare_links() -> None:
    from pipeline.clean.markup import has_markup

    assert not has_markup("Hai bên ký kết biên bản ghi nhớ (MOU) về hợp tác, ngày 5/6.")
    assert all(has_markup(f"Xem thêm {c} ở đây") for c in "[]*#_<>&|")
    assert has_markup("nguồn https://example.vn/bai") and not has_markup("nguồn htp example")


def test_a_caption_is_told_by_its_credit_at_the_end_only() -> None:
    from pipeline.clean.features import CAPTION, PARA, describe
    from pipeline.clean.segments import Segment

    def kind(line: str) -> str:
        return describe(Segment(line, 0)).kind

    assert kind("Đoàn công tác thăm nhà máy chế biến gỗ (Ảnh: Minh Anh).") == CAPTION
    assert kind("Đoàn công tác thăm nhà máy chế biến gỗ (Ảnh: Minh Anh) .") == CAPTION  # a blank before the dot
    assert kind("Lãnh đạo hai tỉnh chụp ảnh lưu niệm. Ảnh: Ngọc Hoa") == CAPTION
    assert kind("Đoàn công tác thăm nhà máy (ảnh trên) rồi họp bàn về xuất khẩu gỗ sang châu Âu.") == PARA
    assert kind("Lãnh đạo hai tỉnh chụp ảnh lưu niệm. Ảnh: Thu Hà. Sau đó đoàn làm việc với sở.") == PARA


def test_year_spans_are_the_year_pattern_s_matches() -> None:
    from pipeline.clean.metadata import _YEAR, _year_spans

    text = "Năm 2019, 20201 xe; 1920-2020 (19/20), mã 192019, ngày 5/6/2017 và 20٢٣."
    assert _year_spans(text) == [m.span() for m in _YEAR.finditer(text)]
    assert [text[a:b] for a, b in _year_spans(text)] == ["2019", "2020", "1920", "2020", "1920", "2017", "20٢٣"]


def test_a_long_line_with_a_caption_pipe_is_cut_into_pieces() -> None:
    from pipeline.clean.segments import segment

    prose = "Hai bên trao đổi về hợp tác thương mại và đầu tư giữa hai địa phương trong thời gian tới. " * 8
    line = "Lãnh đạo hai tỉnh tại buổi làm việc | " + prose
    assert len(segment([line, "", "Đoạn sau."])) > 3  # the pipe hints a squashed page: the line is split
    assert len(segment([prose, "", "Đoạn sau."])) == 3  # plain prose, no hint: one segment per line
