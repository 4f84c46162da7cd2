"""Plans, projects not yet real, brackets, bounds and penalties are no trade figures; facts beside them still are."""

import pytest

from pipeline.extract import ArticleText
from pipeline.extract.figures import extract_figures


def values(body: str, year: int | None = 2005) -> list[float]:
    return [r["value"] for r in extract_figures(ArticleText("t", body, None, year, None))]


@pytest.mark.parametrize("body", [
    # a goal by a later year, after or before the number
    "Hai nước đang thúc đẩy trao đổi thương mại, phấn khởi hướng tới kim ngạch đạt mức 8 tỷ USD trước năm 2012.",
    # a project under appraisal, listed, lobbying for ODA, to be built, conditional on a licence
    "Các dự án đang được thẩm định gồm nhà máy xi măng có tổng vốn đầu tư 120 triệu USD, khu du lịch có vốn 30 "
    "triệu USD.",
    "Tỉnh vừa gửi Bộ Kế hoạch và Đầu tư danh mục 6 dự án sử dụng vốn ODA của Hàn Quốc.",
    "Đà Nẵng đăng ký vận động vốn ODA cho dự án cấp nước trị giá 45 triệu USD.",
    "Nhà máy lọc dầu có vốn đầu tư khoảng 900 triệu USD sẽ khởi công vào quý 3.",
    "Nếu dự án được cấp giấy phép, tổng vốn đầu tư của Thái Lan vào tỉnh sẽ lên 70 triệu USD.",
    # a bracket in a count of firms, a lender's bounds
    "Năm qua, có 9 doanh nghiệp đạt kim ngạch xuất khẩu trên 30 triệu USD.",
    "Khoản vay không dưới 5 triệu USD và không quá 300 triệu USD.",
    # projects found at fault, contracts revoked as a penalty
    "Đoàn thanh tra phát hiện 12 dự án đầu tư có sai phạm về thủ tục.",
    "Bộ Quốc phòng đã thu hồi các hợp đồng trị giá 2 tỷ USD của hãng này.",
    # a full-year level told as within reach
    "Theo ông Minh, thành phố đạt mức tăng trưởng GDP cả năm là 13% cũng không quá khó.",
])
def test_plans_and_conditions_are_no_figures(body):
    assert values(body) == []


def test_no_date_deadline_after_level_is_a_goal():
    assert values("Việt Nam và Lào nâng thương mại song phương, đạt tới mức 2 tỷ USD trước năm 2015.", None) == []


def test_past_year_and_other_clause_keep_the_fact():
    # a year not after the publication is a period, not a deadline
    assert values("Kim ngạch thương mại hai chiều đạt 4 tỷ USD vào năm 2004.") == [4e9]
    assert values("Kim ngạch thương mại hai chiều đạt 4 tỷ USD vào năm 2004.", None) == [4e9]
    assert values("Kim ngạch thương mại hai chiều đã vượt 4 tỷ USD trước năm 2003.") == [4e9]
    # a feasible goal told after a reported level leaves the level a fact
    assert values("Tháng 5, xuất khẩu đạt 2,1 tỷ USD, mức 7 tỷ USD trong quý là trong tầm tay.") == [2.1e9]
    # the plan is in another clause (after ``nhưng``): the reported figure stays
    assert values("Bến mới của cảng dự kiến khởi công năm sau; xuất khẩu qua cảng năm 2004 đạt 300 triệu USD.") == [3e8]
    assert values("Đoàn kiểm tra thấy vài công trình sai phạm, nhưng thu hút vốn FDI của tỉnh đạt 60 triệu USD.") == [6e7]
    # the total of the projects counted is a fact, not a bracket
    assert 3e8 in values("Năm 2004, tỉnh thu hút 21 dự án FDI có tổng vốn đầu tư trên 300 triệu USD.")


def test_at_least_is_more_than():
    out = extract_figures(ArticleText("t", "Năm 2004, kim ngạch xuất khẩu của tỉnh đạt không dưới 90 triệu USD.",
                                      None, 2005, None))
    assert [(r["value"], r["qualifier"]) for r in out] == [(9e7, "more_than")]


def test_list_under_a_plan_heading():
    body = ("Năm 2004, xuất khẩu của tỉnh đạt 500 triệu USD.\nKế hoạch đầu tư giai đoạn 2006 - 2008:\n"
            "Nhà máy nước\nVốn vay 120 tỷ đồng của chủ đầu tư.\n"
            "Ngoài ra, trong năm 2005, tỉnh đã thu hút vốn đầu tư trực tiếp nước ngoài đạt 40 triệu USD, cao hơn nhiều "
            "so với mức của năm trước đó và là con số kỷ lục của tỉnh trong nhiều năm qua.\n")
    assert values(body) == [5e8, 4e7]
    done = "Kết quả thực hiện kế hoạch năm 2004:\n- Xuất khẩu đạt 300 triệu USD\n"
    assert values(done) == [3e8]
    indicators = "Một số chỉ tiêu kinh tế 6 tháng đầu năm:\n- Xuất khẩu đạt 300 triệu USD\n"
    assert values(indicators) == [3e8]
    voted = "Hội đồng nhân dân tỉnh quyết nghị các chỉ tiêu năm 2006:\n- Xuất khẩu tăng 20%\n"
    assert values(voted) == []
