"""Agreement extraction: sentences from the seeds and the VNTC sample, exact field values."""

from __future__ import annotations

import time
from datetime import date

import pytest

from pipeline.extract import ArticleText
from pipeline.extract.agreements import extract_agreements
from tests.test_meetings import SEED_002


def run(body: str, year: int | None = None) -> list[dict]:
    rows = extract_agreements(ArticleText("t", body, None, year, None))
    for r in rows:
        assert body[r["evidence_start"]: r["evidence_end"]] == r["evidence"]
    return rows


FIVE = ["Cao Bằng", "Hà Giang", "Lạng Sơn", "Quảng Ninh", "Quảng Tây"]


def test_two_documents_in_one_sentence_take_the_meeting_date_and_merge_with_the_caption():
    rows = run(SEED_002, 2023)
    assert [(r["agreement_type"], r["status"]) for r in rows] == [
        ("meeting_minutes", "signed"), ("cooperation_agreement", "signed")]
    for r in rows:
        assert (r["signed_date"], r["date_precision"], r["mode"]) == (date(2023, 2, 22), "day", "online")
        assert sorted(r["parties"]) == FIVE
    minutes, coop = rows
    assert (minutes["valid_from_year"], minutes["valid_to_year"]) == (None, None)
    assert (coop["valid_from_year"], coop["valid_to_year"]) == (2023, 2027)
    assert coop["evidence"].startswith("Bí thư các tỉnh/khu")


BAC_GIANG = (
    "Chủ tịch UBND thành phố Bắc Giang Đặng Đình Hoan, Thị trưởng thành phố Nam Ninh Liêu Lập Dũng đồng chủ trì "
    "Hội nghị với sự tham gia của lãnh đạo các sở ngành chủ chốt của hai thành phố.\n"
    "Hai bên thúc đẩy sớm chính thức ký kết thiết lập quan hệ thành phố hữu nghị giữa hai thành phố, tăng cường "
    "hợp tác toàn diện trên các lĩnh vực kinh tế, giáo dục, phát triển chuỗi ngành nghề, giao lưu nhân văn...\n"
    "Tại buổi gặp gỡ trực tuyến, lãnh đạo hai thành phố đã ký Ý định thư thiết lập quan hệ quan hệ hữu nghị giữa "
    "Nam Ninh và Bắc Giang, tạo nền tảng cho việc tăng cường hợp tác giữa hai địa phương trong thời gian tới."
)


def test_letter_of_intent_signed_and_friendship_planned():
    friendship, loi = run(BAC_GIANG)
    assert (friendship["agreement_type"], friendship["status"], friendship["signed_date"]) == (
        "friendship_relation", "planned", None)
    assert sorted(friendship["parties"]) == ["Bắc Giang", "Nam Ninh"]  # `hai thành phố`: the meeting's sides
    assert friendship["fields"] == ["trade", "education", "culture"]
    assert (loi["agreement_type"], loi["status"], loi["signed_date"], loi["date_precision"], loi["mode"]) == (
        "letter_of_intent", "signed", None, "unknown", "online")
    assert loi["parties"] == ["Nam Ninh", "Bắc Giang"]


def test_old_tone_spelling_term_and_fields():
    [row] = run("Ngày 15/10, tỉnh Lạng Sơn và thành phố Bằng Tường đã ký thoả thuận hợp tác về thương mại, du lịch "
                "giai đoạn 2024-2026.", 2024)
    assert (row["agreement_type"], row["status"], row["signed_date"], row["date_precision"]) == (
        "cooperation_agreement", "signed", date(2024, 10, 15), "day")
    assert (row["valid_from_year"], row["valid_to_year"]) == (2024, 2026)
    assert row["parties"] == ["Lạng Sơn", "Bằng Tường"]
    assert row["fields"] == ["trade", "tourism"]


def test_venue_is_not_a_party_vntc():
    [row] = run("Chiều 22/12, tại khách sạn Deawoo Hà Nội, Hiệp hội Dệt May Việt Nam (VITAS) và Liên đoàn dệt Đài "
                "Loan đã ký kết một thỏa thuận về hợp tác trong lĩnh vực dệt may.", 2005)
    assert (row["agreement_type"], row["status"], row["signed_date"]) == (
        "cooperation_agreement", "signed", date(2005, 12, 22))
    assert "Hà Nội" not in row["parties"]


def test_memorandum_vntc():
    [row] = run("Ngân hàng Tiết kiệm vì Hợp tác quốc tế (Đức) và Hội LHPN Việt Nam ngày 15/10 đã ký Biên bản ghi nhớ "
                "về việc hỗ trợ phụ nữ nghèo.", 2005)
    assert (row["agreement_type"], row["status"], row["signed_date"]) == (
        "memorandum_of_understanding", "signed", date(2005, 10, 15))


def test_wished_vntc_is_no_row():
    # a wish with no date or plan told (issue 9): no agreement, not even a planned one
    assert run("Theo ông Tuấn, phía Libya đã đánh giá rất cao lao động VN và họ mong muốn sớm ký được hiệp định "
               "hợp tác tiếp nhận lao động VN.", 2005) == []


def test_established_friendship():
    [row] = run("Quảng Tây hiện đã thiết lập quan hệ hữu nghị với 23 tỉnh, thành phố, huyện của Việt Nam.", 2025)
    assert (row["agreement_type"], row["status"], row["parties"]) == ("friendship_relation", "signed", ["Quảng Tây"])


def test_not_agreements():
    for body in (
        "Tiếp tục quán triệt thực hiện nghiêm túc 3 văn kiện pháp lý về biên giới đất liền Việt Nam-Trung Quốc và "
        "các thỏa thuận có liên quan.",  # generic
        "Việc phát triển quan hệ hữu nghị, đối tác hợp tác chiến lược toàn diện giữa hai Đảng đã đạt nhiều thành "
        "quả.",  # no establishing verb
        "Trong số các thành viên liên minh, Mỹ và Úc từ chối ký Nghị định thư Kyoto.",  # refused
        "Doanh nghiệp chỉ cần đăng ký với Bộ trước 15 ngày, còn nội dung chủ yếu do 2 bên thỏa thuận.",  # a verb
        "Hai bên thống nhất việc duy trì, làm sâu sắc thêm các cặp địa phương kết nghĩa sẽ tiếp tục là nền tảng.",
    ):
        assert run(body, 2005) == [], body


def test_passive_future_is_planned_without_a_date():
    [row] = run("Ông Spooner hy vọng, một thoả thuận dệt may giữa Việt Nam và Mỹ sẽ được ký kết trong ngày 17/8, song "
                "hai bên cần một cuộc gặp khác.", 2005)
    assert (row["agreement_type"], row["status"], row["signed_date"], row["date_precision"]) == (
        "cooperation_agreement", "planned", None, "unknown")
    assert row["parties"] == ["Việt Nam", "Hoa Kỳ"]


def test_passive_past_with_year():
    [row] = run("Thoả thuận giữa Việt Nam và Mỹ được ký năm 2000.", 2005)
    assert (row["status"], row["signed_date"], row["date_precision"]) == ("signed", date(2000, 1, 1), "year")


# --- scope, parties, planned, background (VNTC sentences) ------------------------------------


def test_foreign_foreign_and_partyless_are_skipped():
    for body in (
        "Thoả thuận giữa Mỹ và EU được ký năm 1992.",  # no Viet Nam side
        "Tổng thống Kyrgyzstan Askar Akayev đã ký vào thoả thuận từ chức, một nhà lập pháp nước này cho biết.",
        "Thoả thuận được ký kết bất chấp sự phản đối của Mỹ.",  # no party
        "Và cho đến lúc đó, Ban Thư ký phải nhận đầy đủ các bản hiệp định đã được ký kết chính thức.",
        "Đại diện DKSH vừa ký thỏa thuận với Khu công nghiệp VN - Singapore mua thêm 12.000 m2 đất.",
    ):
        assert run(body, 2005) == [], body


def test_future_passive_and_paving_the_way_are_planned():
    [row] = run('"Hiệp định thương mại giữa Việt Nam và Nhật Bản sẽ được ký kết vào cuối năm nay", ông Ruệ nói.', 2006)
    assert (row["status"], row["signed_date"]) == ("planned", None)
    [row] = run("Việt Nam và Trung Quốc đã hoàn tất đàm phán, mở đường cho một hiệp định thương mại dự kiến được ký "
                "năm 2010.", 2005)
    assert (row["agreement_type"], row["status"], row["signed_date"]) == ("other", "planned", None)  # a treaty
    [row] = run("Đoàn đàm phán của 2 chính phủ Việt Nam và Mỹ thống nhất tiến tới ký thỏa thuận về việc Việt Nam gia "
                "nhập WTO.", 2005)
    assert row["status"] == "planned"


def test_planned_cue_must_stand_close_to_the_verb():
    [row] = run("Chiều 5/3, bà Võ Thị Thắng, Tổng Cục trưởng Cục Du lịch Việt Nam và ngài Bandarannaike, Bộ trưởng "
                "Công nghiệp, Du lịch và Xúc tiến đầu tư của Sri Lanka đã ký kết Hiệp định hợp tác du lịch giữa hai "
                "nước.", 2005)
    assert (row["agreement_type"], row["status"], row["signed_date"], row["parties"]) == (
        "cooperation_agreement", "signed", date(2005, 3, 5), ["Việt Nam", "Sri Lanka"])


def test_background_and_generic_mentions_are_skipped_unless_dated():
    for body in (
        "Sau khi ký Hiệp định Thương mại (BTA) với Mỹ, xuất khẩu của Việt Nam tăng mạnh.",
        "Từ cuối năm nay, hàng loạt hiệp định thương mại giữa Việt Nam và Nhật Bản sẽ được ký kết.",  # generic
        "Chúng ta đã ký với Nhật Bản Hiệp định khuyến khích và bảo hộ đầu tư, vậy mà chưa thấy làn sóng đầu tư.",
        "Đến nay, Việt Nam và Đức đã ký hầu hết các hiệp định, thỏa thuận quan trọng nhằm thiết lập khuôn khổ pháp lý.",
        "Việc Việt Nam và Mỹ ký kết thỏa thuận để Việt Nam gia nhập WTO đồng nghĩa với nhiều thay đổi.",
        "Năm 2005, VN và Liên minh châu Âu (EU) sẽ kỷ niệm 10 năm ngày ký Hiệp định Hợp tác giữa VN và EC.",
    ):
        assert run(body, 2005) == [], body
    [row] = run("Việc ký kết Hiệp định Thương mại song phương giữa Việt Nam và Mỹ (ký ngày 13/7/2000) đã tạo cơ sở pháp "
                "lý quan trọng.", 2006)
    assert (row["status"], row["signed_date"], row["parties"]) == ("signed", date(2000, 7, 13), ["Việt Nam", "Hoa Kỳ"])


def test_questions_and_hypotheticals_are_skipped():
    for body in (
        "Vì sao Việt Nam - Trung Quốc lại phải tiến hành đàm phán và ký Hiệp định phân định vịnh Bắc Bộ?",
        "Nếu Việt Nam và Mỹ ký hiệp định song phương, hàng dệt may sẽ được hưởng lợi.",
    ):
        assert run(body, 2005) == [], body


def test_document_extended_by_another_is_not_signed_again():
    rows = run("Hôm 23/7 vừa qua, tại Washington, đại diện chính phủ Việt Nam và Mỹ đã ký biên bản ghi nhớ gia hạn "
               "Hiệp định song phương về hàng dệt may.", 2005)
    assert [(r["agreement_type"], r["status"], r["signed_date"]) for r in rows] == [
        ("memorandum_of_understanding", "signed", date(2005, 7, 23))]


# --- lists of documents, bundles, organisations as parties (sentences written for these rules) ------


def test_bulleted_list_is_one_row_per_document_with_its_own_signatories():
    body = ("Chiều 3/4, Thủ tướng Việt Nam và Thủ tướng Thái Lan hội đàm tại Hà Nội.\n"
            "Sau hội đàm, hai Thủ tướng chứng kiến lễ ký 3 văn kiện hợp tác, gồm:\n"
            "- Bản ghi nhớ về hợp tác y tế giữa Bộ Y tế Việt Nam và Bộ Y tế Thái Lan.\n"
            "- Thỏa thuận hợp tác giữa Tập đoàn Hòa Phát (HPG) và Công ty Siam Cement.\n"
            "- Kế hoạch hợp tác giai đoạn 2025-2027 giữa Bộ Giáo dục và Đào tạo Việt Nam và Bộ Giáo dục Thái Lan.")
    rows = run(body, 2025)
    assert [(r["agreement_type"], r["parties"]) for r in rows] == [
        ("memorandum_of_understanding", ["Bộ Y tế Việt Nam", "Bộ Y tế Thái Lan"]),
        ("cooperation_agreement", ["HPG", "Công ty Siam Cement"]),
        ("other", ["Bộ Giáo dục và Đào tạo Việt Nam", "Bộ Giáo dục Thái Lan"]),
    ]  # the counted head (`3 văn kiện`) is no row of its own once its documents are listed
    assert {(r["status"], r["mode"]) for r in rows} == {("signed", "in_person")}
    assert (rows[2]["valid_from_year"], rows[2]["valid_to_year"]) == (2025, 2027)


def test_semicolon_list_in_one_sentence_inherits_the_signing():
    [treaty, notes] = run("Sau hội đàm, hai bên đã ký Hiệp định về vận tải đường thủy giữa Chính phủ nước Cộng hòa xã hội "
                          "chủ nghĩa Việt Nam và Chính phủ nước Cộng hòa Dân chủ Nhân dân Lào; Công hàm trao đổi về dự án "
                          "viện trợ cho tỉnh Hủa Phăn.", 2024)
    assert (treaty["agreement_type"], treaty["status"], treaty["parties"]) == ("other", "signed", ["Việt Nam", "Lào"])
    assert (notes["agreement_type"], notes["status"]) == ("other", "signed")


def test_counted_documents_at_a_ceremony_are_one_row_for_the_two_countries():
    [row] = run("Kết thúc hội đàm, Thủ tướng Hungary và Thủ tướng Việt Nam chứng kiến lễ ký 7 văn kiện hợp tác.", 2024)
    assert (row["agreement_type"], row["status"], row["mode"]) == ("other", "signed", "in_person")
    assert row["parties"] == ["Việt Nam", "Hungary"]


def test_ministries_of_both_countries_and_signing_after_a_meeting():
    [row] = run("Kết thúc hội đàm, Bộ trưởng Quốc phòng Campuchia và Bộ trưởng Quốc phòng Việt Nam đã ký Thỏa thuận "
                "hợp tác về đào tạo giữa Bộ Quốc phòng hai nước.", 2024)
    assert row["agreement_type"] == "cooperation_agreement"
    assert row["parties"] == ["Bộ Quốc phòng Việt Nam", "Bộ Quốc phòng Campuchia"]


def test_contracts_count_only_in_a_list_or_with_named_parties():
    for body in (
        "Công ty may Hưng Yên vừa ký hợp đồng xuất khẩu áo sơ mi sang Nhật Bản.",
        "Tại New York, các hợp đồng vàng giao tháng sau được ký ở mức 400 USD/ounce.",
    ):
        assert run(body, 2005) == [], body


def test_back_references_negations_and_people_are_not_documents_or_parties():
    for body in (
        "Hai bên Việt Nam và Úc đã ký tắt văn kiện này ngày 5/6.",
        "Đại diện Mỹ cho biết không có thoả thuận nào với Việt Nam được ký kết.",
    ):
        assert run(body, 2005) == [], body
    [row] = run("Thủ tướng Việt Nam và Bộ trưởng Thương mại Mỹ chứng kiến lễ ký thỏa thuận giữa Giám đốc hãng Bamboo "
                "Airways và đại diện hãng Airbus.", 2005)
    assert "Giám đốc hãng Bamboo Airways" not in " ".join(row["parties"])


def test_signatories_as_subject_and_with_phrase():
    rows = run("Tại diễn đàn, Thủ tướng Việt Nam và Thủ tướng Hàn Quốc chứng kiến lễ trao các văn kiện, bao gồm: "
               "Ngân hàng Công Thương Việt Nam ký "
               "thỏa thuận hợp tác với Ngân hàng Shinhan; Tổng công ty Tân Cảng Sài Gòn ký bản ghi nhớ với Cảng Busan.",
               2024)
    assert [(r["agreement_type"], r["parties"]) for r in rows] == [
        ("cooperation_agreement", ["Ngân hàng Công Thương Việt Nam", "Ngân hàng Shinhan"]),
        ("memorandum_of_understanding", ["Tổng công ty Tân Cảng Sài Gòn", "Cảng Busan"])]
    [row] = run("Năm ngoái, Bộ trưởng Quốc phòng Việt Nam thăm Ấn Độ; Bộ trưởng Quốc phòng hai nước đã ký Tuyên bố tầm "
                "nhìn chung về quốc phòng.", 2024)
    assert row["parties"] == ["Bộ Quốc phòng Việt Nam", "Bộ Quốc phòng Ấn Độ"]


def test_a_dated_participle_or_relative_clause_signs_the_document():
    [row] = run("Hai bên rà soát việc thực hiện Hiệp định thương mại biên giới Việt Nam - Campuchia ký năm 2008.", 2024)
    assert (row["agreement_type"], row["status"], row["signed_date"], row["parties"]) == (
        "other", "signed", date(2008, 1, 1), ["Việt Nam", "Campuchia"])
    [row] = run("Hai bên đánh giá việc triển khai Bản ghi nhớ về du lịch (ký tháng 5/2019) giữa Việt Nam và Lào.", 2024)
    assert (row["status"], row["signed_date"], row["date_precision"]) == ("signed", date(2019, 5, 1), "month")


def test_a_proposal_before_the_verb_makes_it_planned():
    [row] = run("Thủ tướng Việt Nam đề nghị phía Trung Quốc tạo thuận lợi cho hàng nông sản; sớm trao đổi, ký kết "
                "Thỏa thuận về kiểm dịch giữa Việt Nam và Trung Quốc trong tháng 6/2024.", 2024)
    assert row["status"] == "planned"
    # with no date or plan told, a proposal is only a wish: no row
    assert run("Thủ tướng Việt Nam đề nghị phía Trung Quốc tạo thuận lợi cho hàng nông sản; sớm trao đổi, ký kết "
               "Thỏa thuận về kiểm dịch giữa Việt Nam và Trung Quốc.", 2024) == []


def test_joint_statement_adopted_and_leading_date_of_a_listing_sentence():
    [row] = run("Kết thúc chuyến thăm, Việt Nam và Hàn Quốc đã thông qua tuyên bố chung về quan hệ đối tác.", 2024)
    assert (row["agreement_type"], row["status"]) == ("joint_statement", "signed")
    rows = run("Trong năm 2019, hai bên đã hoàn thành dự án cắm mốc; ký Nghị định thư về biên giới Việt Nam - Lào; "
               "Hiệp định về quản lý cửa khẩu Việt Nam - Lào.", 2024)
    assert [(r["agreement_type"], r["signed_date"]) for r in rows] == [("other", date(2019, 1, 1))] * 2


def test_documents_of_one_sentence_quote_their_own_part_and_keep_distinct_spans():
    body = "Năm 2019, hai bên đã ký Hiệp định Vận tải đường bộ và Hiệp định Hàng không giữa Việt Nam và Lào."
    road, air = run(body, 2024)
    assert (road["agreement_type"], air["agreement_type"]) == ("other", "other")  # two treaties, not one
    assert road["evidence"] == "Năm 2019, hai bên đã ký Hiệp định Vận tải đường bộ"
    assert air["evidence"] == body
    assert road["signed_date"] == air["signed_date"] == date(2019, 1, 1)


def test_listed_documents_take_the_heads_parties_and_a_ceremony_ahead_is_planned():
    body = ("Chiều 5/6, hai Thủ tướng Việt Nam và Ba Lan chứng kiến lễ ký các hiệp định giữa hai nước, gồm: hiệp định "
            "về vận tải biển; hiệp định hợp tác văn hóa.")
    rows = run(body, 2024)
    assert [r["parties"] for r in rows] == [["Việt Nam", "Ba Lan"]] * 2
    [row] = run("Lễ ký thoả thuận hợp tác giữa Việt Nam và Chile sẽ được tiến hành vào tuần tới.", 2024)
    assert row["status"] == "planned"


def test_a_place_in_a_documents_name_and_airlines_as_parties():
    assert run("Khi Hiệp định Paris được ký kết, nhiều người Việt Nam đã xuống đường.", 2005) == []
    [row] = run("Hôm qua, Tổng công ty Hàng không Việt Nam và Hãng hàng không Qantas (Australia) ký thỏa thuận hợp tác "
                "khai thác các đường bay tới Nhật Bản.", 2005)  # `hàng không` (aviation) is no negation
    assert row["parties"] == ["Tổng công ty Hàng không Việt Nam", "Hãng hàng không Qantas"]


def test_a_place_naming_a_project_is_no_party_and_a_repeat_in_one_sentence_is_one_row():
    [row] = run("Hai bên đã ký kết Thỏa thuận về đầu tư xây dựng tuyến đường sắt Lào Cai - Côn Minh (tháng 3/2019).", 2024)
    assert "Lào Cai" not in row["parties"] and row["signed_date"] == date(2019, 3, 1)
    rows = run("Tập đoàn Vingroup (Việt Nam) và Tập đoàn Samsung (Hàn Quốc) ký thỏa thuận hợp tác, tại Seoul ngày 5.6 "
               "Dưới sự chứng "
               "kiến của hai Thủ tướng, thỏa thuận hợp tác giữa Tập đoàn Vingroup và Tập đoàn Samsung đã được ký kết.", 2024)
    assert len(rows) == 1 and rows[0]["parties"] == ["Tập đoàn Vingroup", "Tập đoàn Samsung"]


def test_bulleted_items_run_onto_one_line_stay_items():
    body = ("Sau hội đàm, hai Thủ tướng Việt Nam và Nhật Bản chứng kiến lễ trao 2 văn kiện, gồm: - Bản ghi nhớ giữa Bộ "
            "Y tế Việt Nam và Bộ Y tế Nhật Bản. - Thỏa thuận hợp tác giữa Bệnh viện Chợ Rẫy và Bệnh viện Osaka.")
    rows = run(body, 2024)
    assert [r["agreement_type"] for r in rows] == ["memorandum_of_understanding", "cooperation_agreement"]
    assert rows[1]["parties"] == ["Bệnh viện Chợ Rẫy", "Bệnh viện Osaka"]


def test_adopted_bundle_listed_next_sentence_and_the_lead_is_news():
    body = ("Kết thúc hội nghị, lãnh đạo Việt Nam, Lào và Campuchia đã thông qua hai văn kiện quan trọng.\n"
            "Cụ thể đó là Kế hoạch hành động Viêng Chăn 2024-2028 và Chương trình hành động về du lịch.")
    rows = run(body, 2024)
    assert [(r["agreement_type"], r["status"]) for r in rows] == [("other", "signed")] * 2
    assert (rows[0]["valid_from_year"], rows[0]["valid_to_year"]) == (2024, 2028)
    [row] = run("Tập đoàn Vinamilk (Việt Nam) và đối tác Fonterra (New Zealand) đã ký kết biên bản ghi nhớ hợp tác "
                "phát triển thị "
                "trường.\nSự kiện diễn ra tại Hà Nội.", 2024)  # the lead, though `đã` and undated
    assert (row["agreement_type"], row["parties"]) == ("memorandum_of_understanding", ["Tập đoàn Vinamilk", "Fonterra"])


def test_ky_hop_tac_needs_named_signatories():
    assert run("Thực tế nhiều quốc gia đã ký kết hợp tác nghề cá với Việt Nam.", 2005) == []
    assert run("Nhiều quốc gia ký kết hợp tác nghề cá giữa hai nước như Việt Nam và Trung Quốc.", 2005) == []
    [row] = run("Hồi tháng 4/2019, Bộ Công Thương Việt Nam và Cơ quan Xúc tiến thương mại Hàn Quốc (KOTRA) đã ký hợp tác "
                "để mở văn phòng tại Hà Nội.", 2024)
    assert (row["agreement_type"], row["parties"], row["signed_date"]) == (
        "cooperation_agreement", ["Bộ Công Thương Việt Nam", "KOTRA"], date(2019, 4, 1))


def test_a_year_closing_a_documents_name_is_its_term_and_since_is_no_signing_date():
    [row] = run("Kết thúc kỳ họp, hai bên ký Thỏa thuận về Kế hoạch hợp tác giữa Chính phủ Việt Nam và Chính phủ Lào năm "
                "2025.", 2025)
    assert (row["agreement_type"], row["valid_from_year"], row["valid_to_year"], row["signed_date"]) == (
        "cooperation_agreement", 2025, 2025, None)
    [row] = run("Hai bên đã ký thỏa thuận hợp tác giữa Quỹ Đổi mới Việt Nam và Cục Đổi mới Israel để triển khai các dự án "
                "chung từ năm 2018.", 2017)
    assert row["signed_date"] is None


def test_a_year_after_an_agreements_name_is_its_signing_and_until_is_its_last_year():
    [row] = run("Tỉnh Cao Bằng và thành phố Bách Sắc (Quảng Tây) đã ký Thỏa thuận hợp tác năm 2012 về thương mại.", 2020)
    assert (row["valid_from_year"], row["valid_to_year"], str(row["signed_date"])) == (None, None, "2012-01-01")
    [row] = run("Tỉnh Cao Bằng và thành phố Bách Sắc (Quảng Tây) đã ký Kế hoạch hợp tác về y tế đến năm 2030.", 2026)
    assert (row["valid_from_year"], row["valid_to_year"], row["signed_date"]) == (None, 2030, None)
    [row] = run("Hai bên đã ký Bản ghi nhớ giữa tỉnh Cao Bằng và thành phố Bách Sắc (Quảng Tây) đến năm 2030.", 2026)
    assert (row["parties"], row["valid_to_year"], row["signed_date"]) == (["Cao Bằng", "Bách Sắc"], 2030, None)


def test_both_sides_of_an_article_without_viet_nam_are_not_viet_nam():
    body = ("Boeing và Airbus tiếp tục tranh chấp tại WTO, Mỹ cáo buộc châu Âu trợ cấp.\n"
            "Hai bên đã ký thỏa thuận hạn chế trợ cấp hàng không vào năm 1992.")
    assert run(body, 2005) == []


def test_the_far_end_of_a_route_is_not_a_party():
    [row] = run("Năm 2018, hai bên đã khảo sát tuyến đường sắt Hà Nội-Phnôm Pênh và ký kết Thỏa thuận hợp tác "
                "về vận tải đường sắt.")
    assert row["parties"] == ["Việt Nam", "Campuchia"]


def test_a_lone_foreign_state_leaves_the_parties_to_the_countries():
    [row] = run("Ngày 3/5/2019, lãnh đạo Bộ Công Thương Việt Nam và đại diện bang Texas của Hoa Kỳ đã ký kết "
                "Bản ghi nhớ hợp tác về năng lượng.")
    assert row["parties"] == ["Việt Nam", "Hoa Kỳ"]


@pytest.mark.parametrize(("body", "status"), [
    # a future verb governs the signing coordinated with it
    ("Thủ tướng Nhật Bản sẽ có chuyến thăm chính thức Việt Nam vào tháng 10 và ký kết Hiệp định hợp tác kinh tế giữa "
     "hai nước.", "planned"),
    ("Thủ tướng Nhật Bản đã có chuyến thăm chính thức Việt Nam vào tháng 10 và ký kết Hiệp định hợp tác kinh tế giữa "
     "hai nước.", "signed"),
    # a meeting held to sign a document signed it; one ahead did not yet
    ("Hôm qua, Bộ trưởng Tài chính Việt Nam đã gặp Bộ trưởng Tài chính Pháp để ký kết Bản ghi nhớ hợp tác tài chính "
     "giữa hai bộ.", "signed"),
    ("Tuần tới, Bộ trưởng Tài chính Việt Nam sẽ gặp Bộ trưởng Tài chính Pháp để ký kết Bản ghi nhớ hợp tác tài chính "
     "giữa hai bộ.", "planned"),
])
def test_the_status_of_a_signing_coordinated_with_or_purposed_by_another_verb(body: str, status: str):
    [row] = run(body, 2019)
    assert row["status"] == status


def test_an_extension_of_an_agreement_is_typed_other():
    [row] = run("Hai bộ trưởng Việt Nam và Thái Lan đã ký kết gia hạn Thỏa thuận hợp tác về lao động giữa hai nước.", 2019)
    assert (row["agreement_type"], row["status"], row["parties"]) == ("other", "signed", ["Việt Nam", "Thái Lan"])


def test_a_signing_placed_at_the_visit_after_the_document_is_news_not_background():
    visit = "Chủ tịch Chile thăm Việt Nam. Hai nhà lãnh đạo hoan nghênh việc Chính phủ hai nước ký kết Hiệp định về vận tải biển"
    [row] = run(visit + " trong khuôn khổ chuyến thăm.", 2019)
    assert (row["agreement_type"], row["status"], row["parties"]) == ("other", "signed", ["Việt Nam", "Chile"])
    assert run(visit + ".", 2019) == []  # `việc … ký kết` alone: background


def test_a_deadline_or_an_obligation_leaves_the_signing_ahead():
    [row] = run("Hai bên nhất trí đẩy nhanh công tác và ký Hiệp định về quy chế biên giới giữa Việt Nam và Lào chậm nhất "
                "vào năm 2012.", 2010)
    assert (row["status"], row["signed_date"]) == ("planned", None)
    [row] = run("Theo quy định, Việt Nam còn phải ký kết Nghị định thư với Hàn Quốc về thuế.", 2010)
    assert row["status"] == "planned"


def test_a_year_closing_a_term_after_the_document_is_no_signing_date():
    [row] = run("Tỉnh Điện Biên và tỉnh Phongsaly (Lào) vừa ký Bản ghi nhớ về việc Lào bán điện cho Điện Biên cho tới "
                "năm 2030.", 2020)
    assert row["signed_date"] is None
    [row] = run("Đến ngày 4/6/2019, bản ghi nhớ giữa tỉnh Điện Biên và tỉnh Phongsaly (Lào) đã được ký.", 2020)
    assert (row["agreement_type"], row["parties"], str(row["signed_date"])) == (
        "memorandum_of_understanding", ["Điện Biên", "Phông Xa Lỳ"], "2019-06-04")  # a date before a comma counts nothing


def test_a_framework_listed_after_a_bundle_and_a_line_telling_of_it_later():
    body = ("Kết thúc Hội nghị Cấp cao hợp tác Mekong - Nhật Bản lần thứ 9, lãnh đạo Việt Nam, Lào, Campuchia và Nhật Bản "
            "đã thông qua hai văn kiện quan trọng.\n"
            "Cụ thể đó là Tuyên bố chung Tokyo và Khung hợp tác Mekong - Nhật Bản 2030.\n"
            "Khung hợp tác Mekong - Nhật Bản 2030 gồm 40 dự án về giao thông và năng lượng.")
    rows = run(body, 2024)
    assert [(r["agreement_type"], r["status"]) for r in rows] == [("joint_statement", "signed"), ("other", "signed")]
    assert rows[1]["evidence"].endswith("Khung hợp tác Mekong - Nhật Bản 2030.")  # the later line is no list item


def test_signatories_are_read_within_their_sentence_and_past_also():
    [row] = run("Đoàn Việt Nam thăm Hàn Quốc. Trường Đại học Huế và Đại học Seoul (Hàn Quốc) cũng ký bản ghi nhớ về đào tạo.",
                2019)
    assert row["parties"] == ["Trường Đại học Huế", "Đại học Seoul"]


def test_a_dated_participle_is_the_documents_own_verb_not_the_earlier_documents():
    rows = run("Hai bên tiếp tục đàm phán để sớm ký Hiệp định Vận tải biển Việt Nam - Lào để thay thế Hiệp định Vận tải "
               "đường thủy nội địa Việt Nam - Lào ký năm 1999.", 2019)
    assert [(r["status"], r["signed_date"], r["parties"]) for r in rows] == [
        ("planned", None, ["Việt Nam", "Lào"]), ("signed", date(1999, 1, 1), ["Việt Nam", "Lào"])]


def test_a_document_ending_a_counted_list_of_papers_of_several_kinds_is_one_lot_of_no_one_kind():
    rows = run("Tại diễn đàn, lãnh đạo hai nước Việt Nam và Hàn Quốc chứng kiến lễ trao nhiều giấy phép đầu tư, hợp đồng, "
               "bản ghi nhớ hợp tác của doanh nghiệp hai bên.", 2019)
    assert [(r["agreement_type"], r["status"], r["parties"]) for r in rows] == [
        ("other", "signed", ["Việt Nam", "Hàn Quốc"])]


def test_the_date_a_count_is_made_at_dates_no_signing():
    body = ("Tính đến thời điểm 1/5/2010, Việt Nam và Nhật Bản đã ký kết 12 thỏa thuận hợp tác, trong đó có 5 thỏa thuận "
            "được ký kết từ sau năm 2005.")
    assert run(body, 2010) == []  # documents counted with no date of their own and no event: a statistic


def _seconds(body: str) -> float:
    start = time.perf_counter()
    extract_agreements(ArticleText("t", body, None, 2024, None))
    return time.perf_counter() - start


def test_a_long_run_on_sentence_of_documents_takes_linear_work():
    """Every document of a sentence with no stop reads its cues near it, not the whole sentence again."""
    unit = "ký kết biên bản ghi nhớ với thành phố Bách Sắc "
    _seconds(unit)  # lexicons compiled
    small, large = _seconds(unit * 100), _seconds(unit * 800)
    assert large < 20 * small + 1.0  # linear work is ~8x; quadratic would be ~64x


def test_a_sentence_opening_with_a_plan_adverb_signs_nothing_yet():
    talks = "Chiều 5/6, Bộ trưởng Việt Nam Nguyễn Văn Bình hội đàm với Bộ trưởng Hungary Peter Szabo. "
    [row] = run(talks + "Dự kiến, hiệp định hợp tác về du lịch giữa Việt Nam và Hungary được ký kết dịp này.", 2005)
    assert (row["status"], row["signed_date"]) == ("planned", None)
    [row] = run(talks + "Sau đó, hiệp định hợp tác về du lịch giữa Việt Nam và Hungary được ký kết.", 2005)
    assert (row["status"], row["signed_date"]) == ("signed", date(2005, 6, 5))


def test_signing_in_an_article_previewing_the_visit_is_planned():
    signing = "\nHai Thủ tướng chứng kiến lễ ký các hiệp định hợp tác giữa Việt Nam và Canada tại Ottawa."
    lead = "Thủ tướng Việt Nam Nguyễn Văn Bình sẽ thăm chính thức Canada từ ngày 26 đến 29/6."
    assert [r["status"] for r in run(lead + signing, 2005)] == ["planned"]
    assert [r["status"] for r in run(lead.replace(" sẽ ", " đã ") + signing, 2005)] == ["signed"]


def test_a_book_titled_with_a_document_word_is_no_agreement():
    assert run("Hôm qua, Nhà xuất bản Chính trị quốc gia Việt Nam và Lào đã ra mắt cuốn sách Văn kiện Đảng toàn tập "
               "tại Hà Nội.") == []
    assert [r["parties"] for r in run("Hôm qua, Việt Nam và Lào đã ký văn kiện hợp tác về giáo dục tại Hà Nội.")] == [
        ["Việt Nam", "Lào"]]


def test_a_date_of_an_earlier_coordinated_predicate_is_not_the_signing_date():
    rows = run("Việt Nam và Hàn Quốc thiết lập quan hệ đối tác toàn diện vào năm 2013 và ký kết Hiệp định thương mại "
               "tự do song phương vào năm 2019.", 2020)
    fta = [r for r in rows if r["evidence"].endswith("năm 2019.")]
    assert [(r["signed_date"], r["date_precision"]) for r in fta] == [(date(2019, 1, 1), "year")]


def test_a_date_opening_the_clause_still_dates_the_coordinated_signing():
    rows = run("Ngày 4/3/2019, Sở Công Thương Lạng Sơn và Sở Thương mại Quảng Tây đã hội đàm và ký kết Biên bản ghi nhớ "
               "về hợp tác thương mại.")
    assert [r["signed_date"] for r in rows] == [date(2019, 3, 4)]


def test_a_date_after_the_document_an_extension_amends_names_that_document():
    rows = run("Sau hội đàm, hai bên ký Nghị định thư sửa đổi Hiệp định hợp tác nghề cá giữa Việt Nam và Indonesia "
               "ngày 12/8/2009.")
    assert rows and all(r["signed_date"] is None for r in rows)
    assert [r["signed_date"] for r in run("Hai bên ký Hiệp định hợp tác nghề cá giữa Việt Nam và Indonesia ngày 12/8/2009.")] == [
        date(2009, 8, 12)]


def test_a_term_told_by_the_next_sentence_opening_with_the_document():
    rows = run("Thành phố Hải Phòng và tỉnh Chiba (Nhật Bản) đã ký Thỏa thuận hợp tác về phát triển cảng biển. "
               "Thỏa thuận có hiệu lực từ năm 2024 đến năm 2028.", 2023)
    assert [(r["valid_from_year"], r["valid_to_year"]) for r in rows] == [(2024, 2028)]
    rows = run("Thành phố Hải Phòng và tỉnh Chiba (Nhật Bản) đã ký Thỏa thuận hợp tác về phát triển cảng biển. "
               "Hai bên sẽ gặp lại vào năm 2024 đến năm 2028.", 2023)
    assert [(r["valid_from_year"], r["valid_to_year"]) for r in rows] == [(None, None)]


def test_a_signing_at_the_ceremony_takes_the_day_the_sentence_before_gives_it():
    rows = run("Lễ ký kết được tổ chức chiều 14/9/2023 tại Đà Nẵng. Tại buổi lễ, thành phố Đà Nẵng và tỉnh Gyeongsang Bắc "
               "(Hàn Quốc) đã ký Biên bản ghi nhớ về hợp tác du lịch.")
    assert [(r["signed_date"], r["date_precision"]) for r in rows] == [(date(2023, 9, 14), "day")]


def test_validity_told_in_the_documents_own_part_gives_its_first_or_last_year():
    rows = run("Tỉnh Khánh Hòa và tỉnh Okinawa (Nhật Bản) đã ký Bản ghi nhớ hợp tác du lịch có hiệu lực từ ngày 1/7/2024.", 2024)
    assert [(r["signed_date"], r["valid_from_year"], r["valid_to_year"]) for r in rows] == [(None, 2024, None)]
    rows = run("Bản ghi nhớ hợp tác du lịch giữa tỉnh Khánh Hòa và tỉnh Okinawa (Nhật Bản) được ký năm 2019 có thời hạn "
               "đến hết năm 2029.", 2024)
    assert [(r["signed_date"], r["valid_from_year"], r["valid_to_year"], r["parties"]) for r in rows] == [
        (date(2019, 1, 1), None, 2029, ["Khánh Hòa", "Okinawa"])]


def test_signed_during_a_dated_trip_takes_its_month_a_yearless_day_no_date():
    trip = ("Trong chuyến thăm làm việc tại tỉnh Gyeonggi (Hàn Quốc) từ ngày 11 đến 14/9/2023, UBND tỉnh Bắc Ninh và "
            "chính quyền tỉnh Gyeonggi đã ký Biên bản ghi nhớ hợp tác về phát triển công nghiệp bán dẫn.")
    [row] = run(trip, 2023)
    assert (row["signed_date"], row["date_precision"]) == (date(2023, 9, 1), "month")
    yearless = ("Chiều 12/9, UBND tỉnh Bắc Ninh và chính quyền tỉnh Gyeonggi (Hàn Quốc) đã ký Biên bản ghi nhớ hợp tác "
                "về phát triển công nghiệp bán dẫn.")
    [row] = run(yearless)
    assert (row["signed_date"], row["date_precision"]) == (None, "unknown")


# --- issue 9: planned, wished, the verb `thỏa thuận`, a count of signings ----------------------


def test_plan_cue_before_a_passive_signing_makes_it_planned():
    [row] = run("Nhân dịp này, giữa Việt Nam và Nhật Bản sẽ có Bản ghi nhớ về đào tạo nghề được ký kết.", 2006)
    assert (row["agreement_type"], row["status"], row["signed_date"]) == ("memorandum_of_understanding", "planned", None)
    [row] = run("Nhân dịp này, giữa Việt Nam và Nhật Bản đã có một thỏa thuận về đào tạo nghề được ký kết.", 2006)
    assert row["status"] == "signed"


def test_a_wish_to_sign_with_no_date_or_plan_is_no_agreement():
    assert run("Bộ trưởng cho biết phía Hàn Quốc mong muốn sớm ký được hiệp định hợp tác nghề cá với Việt Nam.",
               2006) == []
    assert run("Ông Kim hy vọng Việt Nam và Hàn Quốc sẽ ký hiệp định về lao động.", 2006) == []
    [row] = run("Phía Hàn Quốc mong muốn hai bên ký hiệp định hợp tác nghề cá với Việt Nam vào tháng 5/2007.", 2006)
    assert row["status"] == "planned"


def test_the_verb_thoa_thuan_is_no_document():
    rows = run("Việt Nam và Ấn Độ đã ký Tuyên bố chung, trong đó thỏa thuận sớm mở đường bay thẳng giữa hai nước.",
               2006)
    assert [r["agreement_type"] for r in rows] == ["joint_statement"]
    rows = run("Ngày 3/5/2006, Việt Nam và Ấn Độ ký Bản ghi nhớ về du lịch và đã thỏa thuận mở thêm đường bay.", 2006)
    assert [r["agreement_type"] for r in rows] == ["memorandum_of_understanding"]
    # `khu vực thỏa thuận`: the agreed area, no second document with the firms' countries
    rows = run("Tập đoàn Dầu khí Việt Nam (PVN) và Công ty Dầu khí quốc gia Malaysia (Petronas) ngày 2/3/2006 đã ký "
               "thỏa thuận về thăm dò chung trong khu vực thỏa thuận ở vịnh Thái Lan.", 2006)
    assert [r["parties"] for r in rows] == [["PVN", "Petronas"]]


def test_a_count_of_signings_is_history_not_a_document():
    assert run("Từ năm 1975 đến nay, Việt Nam và Ba Lan đã 4 lần ký Hiệp định hợp tác văn hóa (1977, 1986, 1995 "
               "và 2004) và 12 thỏa thuận khác.", 2006) == []
