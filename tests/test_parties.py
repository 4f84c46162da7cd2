"""Parties named in a ``giữa A và B`` phrase (sentences written for these rules)."""

from __future__ import annotations

from pipeline.extract.parties import (
    canonical_party,
    ministries_between,
    parties_between,
    parties_of_signing,
    party_places,
)

PAIR = ("Việt Nam", "Hàn Quốc")


def test_a_conjunction_inside_a_ministry_name_does_not_split_it():
    assert parties_between("Bản ghi nhớ giữa Bộ Nông nghiệp và Phát triển nông thôn Việt Nam và Bộ Nông nghiệp, "
                           "Thực phẩm và Nông thôn Hàn Quốc về hợp tác.", PAIR) == [
        "Bộ Nông nghiệp và Phát triển nông thôn Việt Nam", "Bộ Nông nghiệp, Thực phẩm và Nông thôn Hàn Quốc"]


def test_acronyms_localities_and_the_country_of_a_body():
    assert parties_between("Thỏa thuận giữa Tổng công ty Điện lực Việt Nam (EVN) và KEPCO.", PAIR) == ["EVN", "KEPCO"]
    assert parties_between("Ý định thư giữa UBND tỉnh Bắc Ninh và thành phố Suwon, Hàn Quốc.", PAIR) == [
        "Bắc Ninh", "Suwon"]
    assert parties_between("Bản ghi nhớ giữa Bộ Tài chính của Hàn Quốc và Bộ Tài chính Việt Nam.", PAIR) == [
        "Bộ Tài chính Hàn Quốc", "Bộ Tài chính Việt Nam"]


def test_both_sides_and_governments_stand_for_the_states():
    assert parties_between("Hiệp định giữa Chính phủ hai nước.", PAIR) == ["Việt Nam", "Hàn Quốc"]
    assert parties_between("Thỏa thuận hợp tác giữa Bộ Công an hai nước.", PAIR) == [
        "Bộ Công an Việt Nam", "Bộ Công an Hàn Quốc"]
    assert parties_between("Nghị định thư giữa Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam và Chính phủ Đại Hàn "
                           "Dân Quốc.", PAIR)[0] == "Việt Nam"
    assert parties_between("thỏa thuận giữa hai thành phố về du lịch", PAIR) == []  # sides read elsewhere


def test_generic_bodies_are_no_party_and_countries_are_read_from_names():
    assert canonical_party("tập đoàn kinh tế") is None
    assert canonical_party("Bộ Tư pháp") == "Bộ Tư pháp"  # `pháp` here is law, not France
    assert party_places(["Bộ Y tế Việt Nam", "Quỹ Đầu tư Hàn Quốc", "PVN"]) == ["Việt Nam", "Hàn Quốc"]


def test_press_abbreviations_of_states_are_canonical():
    assert parties_between("Hiệp định giữa VN và EU về thương mại.", PAIR) == ["Việt Nam", "Liên minh Châu Âu"]
    assert parties_between("Bản ghi nhớ giữa Bộ Công Thương VN và Tập đoàn SK.", PAIR) == [
        "Bộ Công Thương Việt Nam", "Tập đoàn SK"]
    assert party_places(["VN", "Bộ Y tế TQ"]) == ["Việt Nam", "Trung Quốc"]
    assert canonical_party("Ngân hàng Nhà nước VN") == "Ngân hàng Nhà nước Việt Nam"  # `Nhà nước`: the State


def test_two_ministries_are_the_portfolio_of_a_minister_named_on_each_side():
    sentence = "Bộ trưởng Lê Minh Hoan đã gặp Bộ trưởng Nông nghiệp Hàn Quốc để ký Bản ghi nhớ giữa hai bộ về lúa gạo."
    doc = sentence[sentence.index("Bản ghi nhớ"):]
    assert ministries_between(doc, sentence, PAIR) == ["Bộ Nông nghiệp Việt Nam", "Bộ Nông nghiệp Hàn Quốc"]
    assert ministries_between(doc, "Bộ trưởng Lê Minh Hoan ký Bản ghi nhớ giữa hai bộ.", PAIR) == []  # no portfolio
    assert ministries_between("Bản ghi nhớ giữa hai nước", sentence, PAIR) == []


def test_innovation_and_morning_words_inside_a_name_do_not_end_it():
    assert parties_of_signing("Viện Đổi mới sáng tạo Việt Nam và Cục Đổi mới Hàn Quốc", "bản ghi nhớ.", PAIR) == [
        "Viện Đổi mới sáng tạo Việt Nam", "Cục Đổi mới Hàn Quốc"]
    assert parties_between("thỏa thuận giữa tỉnh Bắc Ninh và tỉnh Gyeonggi sáng 5/6", PAIR) == ["Bắc Ninh", "Gyeonggi"]


def test_a_spaced_dash_inside_an_organisation_name_does_not_end_it():
    assert parties_between("Thỏa thuận giữa Bộ Văn hóa - Thể thao và Du lịch Việt Nam và Bộ Văn hóa Hàn Quốc "
                           "về bảo tồn di sản.", PAIR) == ["Bộ Văn hóa - Thể thao và Du lịch Việt Nam", "Bộ Văn hóa Hàn Quốc"]
    assert parties_between("Bản ghi nhớ giữa Trường Đại học Việt - Hàn cơ sở 3 và Đại học Busan về đào tạo.", PAIR) == [
        "Trường Đại học Việt - Hàn cơ sở 3", "Đại học Busan"]


def test_a_spaced_dash_after_a_place_or_before_a_lowercase_apposition_still_ends_the_name():
    assert parties_between("Thỏa thuận giữa Sở Công Thương Quảng Ninh - Cục Thương mại Busan.", PAIR) == [
        "Sở Công Thương Quảng Ninh"]
    assert parties_between("Hợp đồng giữa Công ty Minh Long - một nhà xuất khẩu gốm lớn.", PAIR) == ["Công ty Minh Long"]


def test_a_second_between_phrase_names_the_signatories_of_the_relation_the_first_names():
    assert parties_between("Thỏa thuận về tăng cường quan hệ đầu tư giữa Việt Nam và Hàn Quốc giữa Bộ Kế hoạch và Đầu tư "
                           "Việt Nam và Cơ quan Xúc tiến thương mại Hàn Quốc (KOTRA).", PAIR) == [
        "Bộ Kế hoạch và Đầu tư Việt Nam", "KOTRA"]
    assert parties_between("Hiệp định giữa Việt Nam và Hàn Quốc về vận tải biển.", PAIR) == ["Việt Nam", "Hàn Quốc"]


def test_the_members_of_a_consortium_written_with_slashes_are_its_parties():
    assert parties_between("Hợp đồng dầu khí Lô 09-3 giữa PVN và Tổ hợp nhà thầu KNOC / SK / Daesung.", PAIR) == [
        "PVN", "KNOC", "SK", "Daesung"]


def test_a_participle_signing_verb_after_the_parties_ends_the_last_one():
    assert parties_between("Thỏa thuận giữa tỉnh Quảng Nam và tỉnh Chungcheong Nam (Hàn Quốc) ký năm 2018.", PAIR) == [
        "Quảng Nam", "Chungcheongnam"]
