"""Trade and economic figures (contract table ``trade_figures``) from one article.

For every quantity with an economic unit (currency, %, tonne, vehicle, project) the sentence is read
for: what is measured (``lexicons/metrics.tsv``, words before the number, else inherited from the
previous figure of the clause, else the words right after it), the measure (a ``%`` after ``tăng``/
``giảm`` is ``change_pct``, after ``chiếm``/``tương đương`` ``share_pct``; other percentages are
dropped), the period (the sentence's date phrase nearest before the number), whose figure it is
(``locality``: the trader right after ``xuất/nhập khẩu`` and its goods, else a place marked ``của``/``toàn``,
else the main place of the clause, else for GDP the economy of the sentence before) and the counterpart
(``partner``: ``với``/``sang``/``từ``/``của các doanh nghiệp`` + place before the next conjunction, ``sang thị
trường này``, or another country). Two-way trade of Viet Nam and a foreign country, and aid from abroad, are
Viet Nam's with the other as partner; a period carries over a paragraph break only for the same measure.
Prices, targets, absolute changes and numbers without an economic word are dropped: precision over recall. So are rules, conditions, requests, needs and
promises (``theo quy định … tối đa``, ``đề nghị``, ``hứa``, ``… thì sẽ``), shares of people or of a
plan, and a figure of the first paragraph told again further on (kept once, from the body). The words
after a percentage can change its metric (``… về lượng``: a volume; ``… số dự án``: projects) or its
measure (``bằng 140% so với cùng kỳ``: a growth of 40%).
"""

from __future__ import annotations

import bisect
import calendar
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cached_property
from pathlib import Path

import ahocorasick
import regex

from pipeline.dates import DateMention, find_dates
from pipeline.extract import ArticleText
from pipeline.extract.firm_figures import ONE_FIRM, REVENUE, named_firm, one_firms, revenue_of_economy
from pipeline.numbers import UNIT_KIND, Quantity, find_quantities, usd_equivalent
from pipeline.text import Span, clauses

try:  # the gazetteer is another module; without it figures carry no locality
    from pipeline.gazetteer import Place, PlaceMatch, find_places
except ImportError:  # pragma: no cover
    Place = PlaceMatch = None  # type: ignore[assignment,misc]

    def find_places(text: str) -> list:  # type: ignore[misc]
        return []


__all__ = ["extract_figures"]

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
_W = r"(?<!\w)"
_E = r"(?!\w)"
_FLAGS = regex.IGNORECASE
_NEAR = 200  # characters a pattern read right after a quantity (or at a sentence's opening) may span


def _near(pattern: regex.Pattern, text: str, pos: int):
    """``pattern`` matched at ``pos``, within `_NEAR` characters. Unbounded, a match costs the rest of
    the text: `regex` first looks for the pattern's required literal between ``pos`` and the end, so
    a sentence of thousands of figures took quadratic time."""
    return pattern.match(text, pos, pos + _NEAR)


def _words(p: str) -> str:
    return p.replace(" ", r"\s+")


def _rx(words: str) -> regex.Pattern:
    alts = sorted(words.split("|"), key=len, reverse=True)
    return regex.compile(_W + "(?:" + "|".join(_words(a) for a in alts) + ")" + _E, _FLAGS)


_SPACES = regex.compile(r"\s+")
_SPACES_AT = regex.compile(r"\s*")


def _load_metrics() -> tuple[ahocorasick.Automaton, regex.Pattern | None, dict[str, tuple[str, int]]]:
    """Plain metric words go into one Aho–Corasick automaton, the few regex patterns into one regex."""
    ac = ahocorasick.Automaton()
    extra, groups = [], {}
    for line in (LEXICONS / "metrics.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pat, metric, prio = (c.strip() for c in line.split("\t")[:3])
        if regex.search(r"[()?\\\[\]{}+*|]", pat):
            groups[f"m{len(extra)}"] = (metric, int(prio))
            extra.append(f"(?P<m{len(extra)}>{_words(pat)})")
        else:
            ac.add_word(pat.lower(), (len(pat), metric, int(prio)))
    ac.make_automaton()
    rx = regex.compile(f"{_W}(?:{'|'.join(extra)}){_E}", _FLAGS) if extra else None
    return ac, rx, groups


def _lexicon_words(name: str) -> list[str]:
    """The entries of a one-column lexicon file (blank lines and `#` comments left out)."""
    return [w.strip() for w in (LEXICONS / name).read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")]


_METRIC_AC, _METRIC_RX, _METRIC_OF = _load_metrics()
_PRODUCTS = _lexicon_words("products.tsv")
_PRODUCT_RX = regex.compile(_W + "(?:" + "|".join(sorted(map(regex.escape, _PRODUCTS), key=len, reverse=True))
                            + ")" + _E)

# ``xuất khẩu 3 triệu tấn gạo``, ``nhập 2.000 tấn hàng thép``: goods named right after the amount are its product.
_PRODUCT_GAP = regex.compile(r"\s*(?:(?:hàng\s+hóa|hàng\s+hoá|hàng|sản\s+phẩm|mặt\s+hàng)\s+)?", _FLAGS)
_GROWTH = _rx("tăng trưởng|tăng|giảm|sụt giảm|tụt|tăng thêm|tăng lên|giảm đi")
_DOWN = regex.compile(r"giảm|tụt", _FLAGS)
_SHARE = _rx("chiếm|chiếm tỷ trọng|chiếm tỉ trọng|tỷ trọng|tỉ trọng|tương đương|bằng|đóng góp")
# ``3% GDP``: a percentage of GDP is a share, whatever verb came before.
_OF_GDP_AFTER = regex.compile(r"\s*(?:tổng\s+)?(?:GDP|GRDP|tổng\s+sản\s+phẩm)" + _E, _FLAGS)
_LOOKBACK = 240  # characters: what a number measures is named within this stretch before it
_LIST_GAP = 40  # characters between two listed percentages
_TAIL = 120  # characters: the words after a number that still describe it
_GROWTH_REACH = 60  # characters: a growth word further before a percentage than this does not govern it
_TO_LEVEL = regex.compile(r"\s*(?:lên|xuống|còn)\b", _FLAGS)
_LEVEL_BEFORE = regex.compile(r"(?<!\w)(?:lên|xuống|còn)(?:\s+(?:mức|ở\s+mức|khoảng|gần|hơn|trên|dưới|chỉ|chừng|đến|tới))*"
                              r"\s*$", _FLAGS)
_RATE = regex.compile(_W + r"(?:tăng\s+trưởng|tốc\s+độ\s+tăng)" + _E, _FLAGS)
# ``tăng từ X lên Y``: X is a level (the starting one), not a change.
_ABS_CHANGE = regex.compile(r"(?<!\w)(?:tăng|giảm)(?!\s+trưởng)(?:\s+(?!đạt|lên|xuống|còn|là|ở|từ)\w+){0,2}\s+$", _FLAGS)
_VERB = regex.compile(r"(?<!\w)(?:tăng|giảm)(?!\s+trưởng)(?!\w)", _FLAGS)
_LEVEL_AFTER_VERB = _rx("đạt|là|lên|xuống|còn|ở mức|với|được|từ")
# ``vượt qua ngưỡng 1.000 tỷ USD``: a round mark passed, named beside the figure itself or not reached (``chưa thể
# vượt qua con số 4.000 tỷ đồng``).
_MILESTONE = regex.compile(r"(?<!\w)(?:(?P<neg>chưa|không)(?:\s+[\w-]+){0,2}?\s+)?vượt(?:\s+qua)?\s+(?:ngưỡng|mốc|mức|con\s+số)"
                           r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$", _FLAGS)
# ``chưa vượt 2 tỷ USD như dự kiến``, ``không đạt mức 5%``: a value not reached is no figure (the one reached is).
_NOT_REACHED = regex.compile(r"(?<!\w)(?:chưa|không)(?:\s+(?:thể|hề|được))?\s+(?:vượt(?:\s+qua)?|đạt(?:\s+(?:được|tới|đến))?"
                             r"|tới|lên\s+(?:tới|đến))(?:\s+(?:ngưỡng|mốc|mức|con\s+số|khoảng|gần|hơn|trên))*\s*$", _FLAGS)
_NOT_REACHED_WORDS = ("chưa", "không", "Chưa", "Không")
# ``tăng 12%, tương đương 300 triệu USD``: the money a change amounts to, an absolute change (not a level).
_EQUIVALENT_GAP = regex.compile(r"\s*[,(]?\s*(?:tức\s+(?:là\s+)?|tương\s+đương(?:\s+với)?\s+|hay\s+)(?:khoảng\s+|gần\s+"
                                r"|hơn\s+|trên\s+|xấp\s+xỉ\s+)*", _FLAGS)
# ``dịch bệnh làm giảm GDP 0,5%``, ``làm thiệt hại 2.000 tỷ đồng``: what an event cost a figure (an impact, a loss),
# not the figure.
_IMPACT = regex.compile(r"(?<!\w)(?:làm|gây)(?:\s+(?:ra|cho))?\s+(?:giảm|mất|sụt|tụt|thiệt\s+hại"
                        r"|tổn\s+thất|thất\s+thu)" + _E, _FLAGS)
# ``(xuất khẩu than …,) sản lượng than của X mỗi năm tăng 20%``: output, the subject right before the growth verb, grows
# (not the goods traded: ``sản lượng xuất khẩu``).
_OUTPUT_GROWS = regex.compile(r"(?<!\w)(?:sản\s+lượng|(?:sức|lượng)\s+khai\s+thác)(?!\s+(?:[\w-]+\s+){0,3}?(?:xuất|nhập)(?!\w))"
                              r"(?:\s+(?!xuất|nhập|lượng|tăng|giảm)[^\s,;.()]+){0,8}?"
                              r"\s+(?:(?:chỉ|đã|cũng|vẫn|lại)\s+)*(?:tăng|giảm|sụt\s+giảm)(?:\s+(?:vỏn\s+vẹn|trên|hơn|khoảng"
                              r"|gần|tới|đến|mạnh|nhẹ))*\s*$", _FLAGS)
_THRESHOLD_AFTER = regex.compile(r"\s*trở\s+lên" + _E, _FLAGS)  # ``từ 300.000 USD trở lên``
_THRESHOLD = regex.compile(r"(?<!\w)(?:ít\s+nhất|tối\s+thiểu|trở\s+lên|(?:lớn|nhỏ|cao|thấp|nhiều|ít)\s+hơn)"
                           r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*$", _FLAGS)
# ``giá`` is a price, but ``giá trị``/``trị giá`` is a value (``trị giá 40 triệu USD, tăng 12%``)
_PRICE_CLAUSE = regex.compile(_W + r"(?:(?<!trị\s+)giá(?!\s+trị)(?:\s+cả)?|lãi\s+suất|kỳ\s+hạn|tỷ\s+giá|tỉ\s+giá|lạm\s+phát"
                              r"|chỉ\s+số\s+giá|CPI)" + _E, _FLAGS)
_AFTER_SHARE_BLOCK = _rx("kế hoạch|chỉ tiêu|diện tích|dân số|thị phần|lao động|số hộ|số người|dự toán|dự định")
# ``chiếm 30% tổng kim ngạch xuất khẩu``: the words between a share and the total it is of
_SHARE_OF_GAP = regex.compile(r"\s*(?:trong\s+)?(?:tổng\s+)?(?:giá\s+trị\s+|số\s+)?", _FLAGS)
_SHARE_OF_REACH = 40
_SHARE_OWNER_REACH = 45  # characters after a share within which the owner of its total (``… của Iran``) is named
# ``doanh nghiệp 100% vốn nước ngoài``, ``nắm giữ 51% vốn điều lệ``: a firm's ownership, not a share of a total.
_OWNERSHIP_AFTER = regex.compile(r"\s*vốn\s+(?:(?:đầu\s+tư|góp|điều\s+lệ)\s+)?(?:trực\s+tiếp\s+)?(?:của\s+)?(?:nước\s+ngoài"
                                 r"|Việt\s+Nam|nhà\s+nước|phía|trong\s+nước|tư\s+nhân|chủ\s+sở\s+hữu)" + _E, _FLAGS)
_OWNERSHIP_BEFORE = regex.compile(r"(?<!\w)(?:sở\s+hữu|nắm\s+giữ|nắm|(?<!đóng\s)góp)(?:\s+(?:khoảng|gần|hơn|trên|tới|đến))?\s*$", _FLAGS)
# ``70% những người nghèo``, ``50% người dân``: a share of people, not of an economic total
_OF_PEOPLE = regex.compile(r"\s*(?:tổng\s+)?(?:số\s+)?(?:những\s+|các\s+)?(?:người|hộ|dân|cư\s+dân)" + _E, _FLAGS)
# ``đáp ứng 20% nhu cầu``: a share of what is consumed or needed, not of a trade total
_OF_DEMAND = regex.compile(r"\s*(?:tổng\s+|mức\s+)?nhu\s+cầu" + _E, _FLAGS)
# ``bằng 140,9% so với cùng kỳ`` (``bằng 99,8% về lượng và 117,6% về trị giá so với cùng kỳ``): a ratio to the same
# period before, i.e. a growth of 40,9%; with a growth word before it (``mức tăng trưởng chỉ bằng 3,5%``) the rate itself
_SAME_PERIOD_AFTER = regex.compile(r"(?:[^;.,]|,\d){0,50}?(?<!\w)so\s+(?:với\s+)?(?:cùng\s+kỳ|(?:năm|tháng|quý|quí)\s+"
                                   r"(?:trước|ngoái))" + _E, _FLAGS)
_RATIO_WORD = _rx("bằng|tương đương")
# after a percentage: another place's GDP (``5% GDP của Thái Lan``) or a comparison with it (``6% so với Hàn Quốc``)
_RATIO_TO = regex.compile(r"\s*(?:(?:tổng\s+)?(?:GDP|GRDP|tổng\s+sản\s+phẩm)\s+(?:của\s+)?|(?P<cmp>(?:so\s+)?với\s+))", _FLAGS)
_RATIO_REACH = 50  # characters: a ratio word further before a percentage than this does not govern it
_PUNCT = regex.compile(r"[,;.()]")
_TARGET = regex.compile(
    _W + r"(?:mục\s+tiêu|phấn\s+đấu|(?<!(?:bộ|sở|cục|vụ)\s+)kế\s+hoạch(?!\s+(?:và|&)\s+đầu\s+tư)|(?<!(?:bộ|sở|cục|vụ|viện)\s+)(?:quy|qui)\s+hoạch|chỉ\s+tiêu"
    r"|dự\s+kiến|dự\s+báo|dự\s+đoán|dự\s+trù|trù\s+liệu|sẽ|hướng\s+tới|tiến\s+tới|đặt\s+ra|đề\s+ra|kỳ\s+vọng|kì\s+vọng|hy\s+vọng"
    r"|hi\s+vọng|nhằm|cam\s+kết|đang\s+(?:tiến\s+hành\s+|trong\s+(?:giai\s+đoạn|quá\s+trình)\s+)?(?:đàm\s+phán|thương\s+thảo|thương\s+lượng)|chỉ\s+cần|cho\s+phép\s+(?:nhập|xuất)|có\s+thể|dự\s+tính|dự\s+định|triển\s+vọng|phương\s+án|nguy\s+cơ(?=\s+(?:bị\s+)?(?:sụt|giảm|tụt|mất|thiếu|thất\s+thu))|nếu|phải\s+đạt|cần\s+đạt"
    r"|nỗ\s+lực\s+(?:để|nhằm)|để\s+(?:đạt|đảm\s+bảo|bảo\s+đảm|duy\s+trì|giữ\s+vững)|định\s+hướng|tham\s+vọng|mong\s+muốn|kịch\s+bản|chiến\s+lược"
    r"|cho\s+dù|dù\s+là|dù\s+cho|giả\s+sử|giả\s+định|giả\s+thiết|giá\s+như|khả\s+năng|quyết\s+tâm)" + _E, _FLAGS)
# ``Mục tiêu đến năm 2025 … Khi đó, xuất khẩu đạt …``: a sentence opening with ``then`` after a target tells the
# state the target foresees.
_THEN_OPEN = regex.compile(r"\W*(?:(?:đến|tới)\s+)?(?:khi|lúc|thời\s+điểm)\s+(?:đó|ấy)(?!\w)", _FLAGS)
# A rule, a condition, a request, a need or a promise before the number (``không cho thâm hụt vượt quá 3% GDP``, ``đề
# nghị được cấp 1.000 tỷ đồng``, ``đã hứa tăng viện trợ lên 50 tỷ USD``, ``dự án kêu gọi đầu tư``, ``từ nay đến 2010 cần
# 341.000 tỷ đồng``): not a reported fact.
_NOT_FACT = regex.compile(
    _W + r"(?:không(?:\s+[\w-]+){0,5}?\s+vượt\s+quá|vượt\s+quá\s+(?:mức\s+)?(?:trần|ngưỡng)|tối\s+đa|được\s+phép"
    r"|(?<!lương\s+)tối\s+thiểu|phải\s+có|theo\s+luật(?=\s*,)|không\s+(?:thể\s+)?để|trường\s+hợp|quy\s+định|bắt\s+buộc|(?<!theo\s+)(?:đề\s+nghị|đề\s+xuất|kiến\s+nghị)|xin\s+(?:cấp|vay|hỗ\s+trợ)|hứa"
    r"|muốn(?!\s+(?:lưu\s+ý|nói|nhấn\s+mạnh|nhìn\s+nhận|biết|hỏi|đánh\s+giá))|kêu\s+gọi\s+đầu\s+tư"
    # aid asked for or pledged (``kêu gọi quốc tế viện trợ 200 triệu USD``, ``tuyên bố viện trợ 50 triệu USD``)
    r"|(?:kêu\s+gọi|tuyên\s+bố)(?:\s+[\w-]+){0,4}?\s+(?:viện\s+trợ|tài\s+trợ|hỗ\s+trợ|đóng\s+góp)"
    r"|từ\s+nay\s+(?:đến|tới)|(?-i:cần)(?=\s+(?:phải\s+|có\s+)?(?:đến|tới|khoảng|số\s+vốn|vốn|huy\s+động|\d))"
    r"|nhu\s+cầu\s+vốn|hạn\s+mức|mức\s+trần|trần\s+(?:đầu\s+tư|vay|nợ|chi)"  # a cap or a limit set
    r"|chưa\s+(?:hề\s+)?có"  # what does not exist yet (``chưa có một dự án nào với số vốn 10 triệu USD``)
    # a tender taken part in, called or offered, its outcome open (``vừa tham gia đấu thầu cung cấp 400.000 tấn gạo``)
    r"|(?:tham\s+gia(?:\s+[\w-]+){0,2}?|mở|gọi|chào(?:\s+gói)?)\s+thầu|đấu\s+thầu(?=\s+(?:nhập|xuất|cung\s+cấp|mua|bán))"
    r"|đang\s+(?:chờ|trình)(?:\s+[\w-]+){0,4}?\s+(?:phê\s+)?duyệt"  # a budget awaiting approval
    # a class of projects by its size (``cấp phép cho các dự án có tổng vốn dưới 5 triệu USD``): a threshold
    r"|(?:các|những|mọi)\s+(?:[\w-]+\s+){1,7}?có\s+(?:trị\s+giá|giá\s+trị|(?:tổng\s+)?vốn(?:\s+[\w-]+){0,8}?|quy\s+mô)"
    r"(?=\s+(?:dưới|trên|từ|không\s+quá|tối\s+đa)\s)"
    # a count of firms or goods by a bracket (``11 đơn vị đạt kim ngạch trên 50 triệu USD``): the bound is no figure
    # (``55 dự án có tổng vốn trên 1 tỷ USD`` is their total, a fact)
    r"|\d+\s+(?:đơn\s+vị|doanh\s+nghiệp|công\s+ty|dự\s+án|mặt\s+hàng|nhóm\s+hàng|ngành\s+hàng|thị\s+trường|sản\s+phẩm"
    r"|cơ\s+sở|hộ)(?:\s+[\w-]+){0,3}?\s+(?:có|đạt)\s+(?:kim\s+ngạch|trị\s+giá|giá\s+trị|vốn|doanh\s+(?:thu|số))"  # (not ``tổng``)
    r"(?:\s+[\w-]+){0,4}?(?=\s+(?:dưới|trên|từ|hơn|không\s+dưới|không\s+quá|tối\s+thiểu)\s)"
    # a lower and an upper bound set together (``vốn vay không dưới 20 triệu USD và không quá 800 triệu USD``)
    r"|không\s+(?:dưới|thấp\s+hơn|ít\s+hơn)(?=\s[^,;.]{1,40}?\s(?:và|đến|tới)\s+không\s+(?:quá|vượt|cao\s+hơn|nhiều\s+hơn))"
    # a project not yet real: under appraisal, listed for funding, lobbying for ODA, to be built
    r"|(?:đang|chờ)\s+(?:được\s+)?thẩm\s+định|danh\s+mục(?=\s+(?:\d+\s+|các\s+|những\s+)?(?:dự\s+án|công\s+trình))"
    r"|vận\s+động\s+(?:vốn|nguồn\s+vốn|tài\s+trợ)"
    r"|(?<!so\s+với\s+|so\s+)dự\s+toán)" + _E, _FLAGS)
# A project still to come, anywhere in the number's clause (``dự án … vốn 50 tỷ đồng sẽ khởi công vào cuối năm``).
_UNBUILT = regex.compile(_W + r"(?:(?:sẽ|dự\s+kiến)\s+(?:được\s+)?(?:khởi\s+công|động\s+thổ|xây\s+dựng|là\s+(?:công\s+trình|dự\s+án))"
                         r"|nếu\s+(?:[\w-]+\s+){0,4}?được\s+cấp\s+(?:giấy\s+)?phép)" + _E, _FLAGS)
_UNBUILT_WORDS = ("sẽ", "dự kiến", "nếu")
# A goal by a later year after the number (``đạt tới mức 10 tỷ USD trước năm 2010``).
_BY_YEAR_AFTER = regex.compile(r"\s*(?:vào\s+)?trước\s+năm\s+(\d{4})" + _E, _FLAGS)
# A level told as within reach (``đạt 12,5% cả năm cũng không quá khó``): the goal, not the outturn.
_FEASIBLE_AFTER = regex.compile(_W + r"(?:không\s+(?:quá\s+)?khó|trong\s+tầm\s+tay|hoàn\s+toàn\s+(?:có\s+thể|khả\s+thi))" + _E,
                                _FLAGS)
_FEASIBLE_WORDS = ("khó", "tầm tay", "có thể", "khả thi")
# A heading line naming a plan or a target (``Kế hoạch di dời giai đoạn 1:``, ``Quốc hội quyết nghị các chỉ tiêu:``):
# the list or table under it holds planned values.
_PLAN_HEADING = regex.compile(r"^[^\n]{0,120}?" + _W + r"(?:kế\s+hoạch|mục\s+tiêu|dự\s+kiến|quy\s+hoạch"
                              # (``Một số chỉ tiêu kinh tế 4 tháng:`` lists indicators, not targets)
                              r"|(?:quyết\s+nghị|đề\s+ra|đặt\s+ra|giao)(?:\s+[\w-]+){0,2}?\s+chỉ\s+tiêu)" + _E
                              + r"[^\n]{0,120}:[ \t]*$", _FLAGS | regex.MULTILINE)
_DONE_HEADING = regex.compile(_W + r"(?:thực\s+hiện|kết\s+quả|đã\s+đạt|đạt\s+được)" + _E, _FLAGS)
_LIST_LINE = regex.compile(r"[-+•*]|\d", _FLAGS)
_CELL_MAX = 120  # characters: a line of a table is shorter than a sentence of prose
# The number is a penalty, or a count of projects found at fault (``8 dự án đều có sai phạm``).
_AT_FAULT = regex.compile(_W + r"(?:vi\s+phạm|sai\s+phạm|bị\s+(?:xử\s+)?phạt|tiền\s+phạt|phạt\s+tiền|chậm\s+tiến\s+độ"
                          r"|thất\s+thoát)" + _E, _FLAGS)
_AT_FAULT_WORDS = ("phạm", "phạt", "chậm tiến độ", "thất thoát")
# ``Trên lý thuyết, …``: a sentence telling a theory tells no reported figure (``Chẳng hạn, …`` often cites real ones).
_HYPOTHESIS_OPEN = regex.compile(r"\W*(?:trên|về\s+mặt|theo)\s+lý\s+thuyết" + _E, _FLAGS)
_PRICE_INDEX = regex.compile(_W + r"(?:chỉ\s+số\s+giá|giá\s+tiêu\s+dùng|CPI|lạm\s+phát)" + _E, _FLAGS)
# ``Trong 8 dự án kêu gọi đầu tư lần này …``: projects seeking investors, their capital a proposal.
_OFFERED = regex.compile(_W + r"dự\s+án(?:\s+[\w-]+){0,3}?\s+(?:kêu\s+gọi|mời\s+gọi)\s+(?:vốn\s+)?đầu\s+tư" + _E, _FLAGS)
# The capital of a project halted, revoked or dissolved (``dự án … bị thu hồi giấy phép``), anywhere in its clause.
_HALTED = regex.compile(_W + r"(?:đình\s+chỉ|thu\s+hồi\s+(?:giấy\s+phép|(?:các\s+|những\s+)?hợp\s+đồng)|(?:hủy|huỷ)(?:\s+bỏ)?\s+(?:các\s+|những\s+)?hợp\s+đồng|rút\s+giấy\s+phép|tạm\s+(?:dừng|ngừng)|giải\s+thể"
                        r"|chấm\s+dứt\s+hoạt\s+động)" + _E, _FLAGS)
_HALTED_WORDS = ("đình chỉ", "giấy phép", "hợp đồng", "tạm dừng", "tạm ngừng", "giải thể", "chấm dứt")  # cheap literal gate
_OFFERED_WORDS = ("kêu gọi", "mời gọi")
# ``giảm 50% thuế nhập khẩu``: a cut of a tax or a fee, no figure.
_TAX_AFTER = regex.compile(r"\s*(?:mức\s+|các\s+(?:loại\s+)?)?(?:thuế|phí|lệ\s+phí|cước)" + _E, _FLAGS)
# ``nhập khẩu 5.000 tấn … thì sẽ được mua …``, ``… thì cần 80 xe``: the number is the condition of what follows ``thì``.
_THEN_WILL = regex.compile(_W + r"thì\s+(?:mới|cần|phải|(?:[\w-]+\s+){0,3}?(?:sẽ|được))" + _E, _FLAGS)
# ``Để xây dựng …, tổng vốn … 5 triệu USD thì bắt buộc …``: what a purpose requires, not a fact.
_PURPOSE_OPEN = regex.compile(r"\W*để\s", _FLAGS)
_THEN = _rx("thì")
# ``là 7,5%, là 8% hay 8,5%``: alternatives of one unit joined by ``hay``/``hoặc`` are a hypothesis, not a fact.
_ALT_GAP = regex.compile(r"\s*,?\s*(?:là\s+)?(?:hay|hoặc)\s+(?:là\s+)?(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?", _FLAGS)
_LIST_SEP = regex.compile(r"\s*,\s*(?:là\s+)?(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?", _FLAGS)
# ``dịch vụ tăng từ 33,1% lên 38,5%``: both percentages are levels (a share), not growth.
_FROM_LEVEL = regex.compile(r"(?<!\w)(?:tăng|giảm)(?!\s+trưởng)\s+từ\s+(?:mức\s+)?(?:khoảng\s+|gần\s+|hơn\s+)?$", _FLAGS)
_TO_AFTER_FROM = regex.compile(r"(?<!\w)(?:tăng|giảm)(?!\s+trưởng)\s+từ\s+(?:mức\s+)?[^\s%]{1,12}\s*%\s*"
                               r"(?:(?:năm|vào\s+năm)\s+\d{4}\s*)?(?:lên|xuống|còn)\s+(?:mức\s+)?"
                               r"(?:khoảng\s+|gần\s+|hơn\s+)?$", _FLAGS)
# ``tiếp sau là Nhật Bản 4,2 tỷ USD``: the next entry of a ranking, measured like the one before, its place the owner.
# ``Hàn Quốc đứng thứ 2 (2,7 tỉ USD) … về FDI``: a ranking sentence; its amounts belong to the place before them.
_RANKED = regex.compile(r"(?<!\w)(?:đứng|xếp)\s+(?:ở\s+)?(?:vị\s+trí\s+|hạng\s+)?(?:thứ\s+)?(?:\d+|nhất|đầu|hai|ba|tư"
                        r"|năm)(?!\w)", _FLAGS)
_ABOUT = regex.compile(r"(?<!\w)về\s+", _FLAGS)
_APPOSED_GAP = regex.compile(r"[\s(:,]*(?:(?:với|là|đạt)\s+)?(?:(?:mức|tổng\s+số)\s+)?", _FLAGS)
_SHARE_WORD = _rx("tỷ trọng|tỉ trọng|chiếm|cơ cấu")
_RANK_NEXT = regex.compile(
    r"(?<!\w)(?:tiếp\s+(?:sau|theo|đến)(?:\s+đó)?|kế\s+(?:đến|tiếp|sau)(?:\s+đó)?|sau\s+đó|đứng\s+(?:thứ\s+(?:hai|ba|tư"
    r"|năm|sáu|[2-9])|sau|tiếp\s+theo|kế\s+tiếp)|thứ\s+(?:hai|ba|tư|năm))(?:\s+là|\s*:)?\s", _FLAGS)
# ``/kg``, ``/người``: a price or a per-head figure; ``/năm``, ``mỗi ngày``: a rate over time, still a figure.
# ``từ mức 12 tỷ USD hiện nay``: today's level, a fact even inside a sentence about a target.
_CURRENT_AFTER = regex.compile(r"\s*(?:\(|,)?\s*(?:như\s+)?(?:hiện\s+nay|hiện\s+tại|hiện\s+thời)" + _E, _FLAGS)
_PER_HEAD = regex.compile(_W + r"(?:GDP|GRDP|tổng\s+sản\s+phẩm)(?:\s+[\w-]+){0,3}?\s+(?:bình\s+quân\s+)?(?:trên\s+)?đầu\s+người"
                          + _E, _FLAGS)
# ``với 11 tỷ USD tổng vốn đăng ký``: an amount named by the words right after it
_METRIC_NEXT = regex.compile(r"\s*(?:tổng\s+)?(?:số\s+)?(?:vốn|kim\s+ngạch)" + _E, _FLAGS)
# ``vượt mức 7% mục tiêu``: the number is the target itself.
_TARGET_AFTER = regex.compile(r"\s*(?:(?:\(\s*)?(?:mục\s+tiêu|kế\s+hoạch|chỉ\s+tiêu|(?:như\s+|theo\s+)?(?:dự\s+đoán|dự\s+báo)"
                              r"|đề\s+ra|đặt\s+ra)|\(\s*dự\s+kiến)" + _E, _FLAGS)
_PRICE_AFTER = regex.compile(r"\s*/\s*(?!(?:năm|tháng|ngày|tuần|quý)(?!\w))\w", _FLAGS)
# Vehicles crossing a border: ``qua lại``/``ra vào``/``lượt xe`` alone count traffic over a bridge or a street.
_VEHICLE_CUE = _rx("thông quan|cửa khẩu|xuất nhập cảnh|xuất cảnh|nhập cảnh|xe hàng|biên giới|qua biên")
_GOODS_CUE = regex.compile(_W + r"(?:hàng\s+hóa|hàng\s+hoá|thông\s+quan|qua\s+cửa\s+khẩu|qua\s+cảng|xuất\s+nhập\s+khẩu"
                           r"|bốc\s+xếp|lượng\s+hàng(?!\s+(?:năm|tháng|ngày|tuần|quý))|nhập\s+khẩu)" + _E, _FLAGS)
_EXPORT = regex.compile(_W + r"xuất\s+khẩu" + _E, _FLAGS)
_FOREIGN = regex.compile(r"FDI|nước\s+ngoài|đầu\s+tư\s+trực\s+tiếp|ngoại\s+quốc|liên\s+doanh|100%\s+vốn"
                      # capital spread over many countries (``đầu tư 108 dự án vào trên 20 quốc gia``)
                      r"|(?:vào|sang|tại|ở)\s+(?:trên\s+|hơn\s+|gần\s+)?\d+\s+(?:quốc\s+gia|nước)", _FLAGS)
# Domestic capital: nearer the number than a foreign cue, an investment amount is not FDI.
_DOMESTIC = regex.compile(_W + r"(?:trong\s+nước|trong\s+và\s+ngoài\s+nước|nội\s+địa|DDI|ngân\s+sách|nhà\s+nước|tư\s+nhân|dân\s+doanh"
                          r"|ngoài\s+quốc\s+doanh|quốc\s+doanh)" + _E, _FLAGS)
# Whose growth a bare ``tăng trưởng`` is: an economy (GDP) or something else (a firm, a sector, demand).
# A world region is an economy too (``tăng trưởng của khu vực Đông Nam Á``, ``12 nước Eurozone tăng trưởng 0,3%``).
_REGION = (r"(?:khu\s+vực\s+)?(?:Đông\s+Nam\s+Á|Đông\s+Á|Nam\s+Á|Trung\s+Đông|Mỹ\s+La\s*tinh|châu\s+(?:Á|Âu|Phi|Mỹ|Úc)"
           r"|Eurozone|khu\s+vực\s+đồng\s+(?:euro|tiền\s+chung)|ASEAN|EU)")
_ECONOMY = regex.compile(_W + r"(?:kinh\s+tế|GDP|GRDP|tổng\s+sản\s+phẩm|cả\s+nước|nước\s+ta|toàn\s+quốc"
                         r"|thành\s+phố|tỉnh|thủ\s+đô|địa\s+phương|nước\s+này|quốc\s+gia|" + _REGION + ")" + _E, _FLAGS)
_NOT_ECONOMY = regex.compile(
    _W + r"(?:công\s+ty|doanh\s+nghiệp|tập\s+đoàn|tổng\s+công\s+ty|hãng|ngân\s+hàng|nhà\s+máy|ngành|nhu\s+cầu"
    r"|điện|doanh\s+thu|doanh\s+số|lợi\s+nhuận|sản\s+lượng|tín\s+dụng|thị\s+trường|mặt\s+hàng|sản\s+phẩm"
    r"|container|vận\s+tải|lĩnh\s+vực|khu\s+vực(?!\s+(?:Đông|Nam\s+Á|Trung\s+Đông|Mỹ\s+La|châu|đồng\s+(?:euro|tiền)|ASEAN))|tiêu\s+thụ|dư\s+nợ|vốn|giá|cổ\s+phiếu|lượng|số\s+lượng|du\s+lịch|khách)" + _E, _FLAGS)
# Verbs after which a tonnage is not traded goods (bought, grown, mined, processed).
_NOT_TRADE_TONNE = regex.compile(
    _W + r"(?:thu\s+mua|mua|sản\s+xuất|khai\s+thác|nuôi|nuôi\s+trồng|thu\s+hoạch|tiêu\s+thụ|chế\s+biến|đánh\s+bắt"
    r"|tồn\s+kho|dự\s+trữ|sản\s+lượng|trồng|nhu\s+cầu)" + _E, _FLAGS)
_EXPORTS = regex.compile(_W + r"(?:xuất\s+khẩu|(?:đã|được)\s+xuất|xuất\s+(?:sang|đi))" + _E, _FLAGS)
_IMPORTS = regex.compile(_W + r"(?:nhập\s+khẩu|(?:đã|được)\s+nhập|nhập\s+(?:từ|về))" + _E, _FLAGS)
# A conjunction opening a new clause: what was measured before it does not carry over.
_CONJ = regex.compile(_W + r"(?:thì|nhưng|song(?!\s+(?:phương|song|hành|ngữ|sinh|đề))|tuy\s+nhiên|trong\s+khi)" + _E,
                      _FLAGS)
_ANAPHOR_SUB = regex.compile(  # case-sensitive: a capital after it is a name, not an anaphor
    r"(?<!(?:các|những|nhiều|mọi|\d)\s+)(?<!\w)(?:(?P<city>[tT]hành\s+phố|[tT]hủ\s+đô|TP|Tp)|(?P<province>[tT]ỉnh)"
    r"|(?P<district>[hH]uyện|[tT]hị\s+xã|[qQ]uận)|(?P<sub>[đĐ]ịa\s+phương|[đĐ]ịa\s+bàn))(?!\w)(?!\s*\.?\s*\p{Lu})")
# Which levels each anaphor can stand for.
_KIND_LEVELS = {"country": {"country"}, "province": {"province", "region"},
                "city": {"province", "region", "prefecture", "city"}, "district": {"district", "county", "city"},
                "sub": {"province", "region", "prefecture", "city", "district", "county"}}
# ``hai bên``/``hai nước``: a bilateral figure belongs to the side the text is about.
_ANAPHOR_BOTH = regex.compile(_W + r"hai\s+bên" + _E, _FLAGS)
_BOTH_FLOWS = regex.compile(_W + r"(?:thương\s+mại|hai\s+chiều|song\s+phương|buôn\s+bán|giao\s+thương|xuất\s+nhập\s+khẩu"
                            r"|xuất,\s+nhập\s+khẩu|XNK)" + _E, _FLAGS)
# ``thu hút 54 tỷ USD FDI``, ``… USD đầu tư trực tiếp``: the metric words right after an amount.
_FDI_AFTER = regex.compile(r"\s*(?:vốn\s+)?(?:FDI|đầu\s+tư\s+(?:trực\s+tiếp\s+)?nước\s+ngoài|đầu\s+tư\s+trực\s+tiếp)" + _E,
                           _FLAGS)
# The law an amount was invested under, named after it (``540 triệu USD theo Luật Đầu tư nước ngoài``, ``2.500 tỷ đồng
# theo Luật Khuyến khích đầu tư trong nước``): foreign capital (FDI) or domestic capital.
_LAW_AFTER = regex.compile(r"(?<!\w)theo\s+(?:quy\s+định\s+của\s+)?Luật\s+(?:khuyến\s+khích\s+)?đầu\s+tư\s+"
                           r"(?:(?P<foreign>(?:trực\s+tiếp\s+)?nước\s+ngoài)|trong\s+nước)" + _E, _FLAGS)
_LAW_REACH = 60
# ``Mỹ là thị trường nhập khẩu thủy sản lớn nhất của Việt Nam``: the market that buys Viet Nam's goods; what it takes
# is Viet Nam's export.
_VN_BUYER = regex.compile(r"(?<!\w)thị\s+trường\s+nhập\s+khẩu(?:\s+[\w-]+){0,6}?\s+của\s+(?:Việt\s+Nam|VN|nước\s+ta)" + _E,
                          _FLAGS)
# ``xuất sang Mỹ 22 triệu USD trong tổng số 29 triệu USD``: the total of all partners, not the one just named.
_WHOLE_BEFORE = regex.compile(r"(?<!\w)trong\s+tổng(?:\s+số)?(?:\s+(?:kim\s+ngạch|giá\s+trị|vốn))?"
                              r"(?:\s+(?:khoảng|gần|hơn|trên|xấp\s+xỉ))?\s*$", _FLAGS)
# ``chiếm 6,3% GDP, giảm so với mức 6,5% trong quý I``: the percentage compared with is the same kind of figure (a
# share's earlier level, a growth rate's earlier rate), not a fall.
_COMPARED_PCT = regex.compile(r"(?<!\w)so\s+với\s+(?:mức|con\s+số|tỷ\s+lệ|tỉ\s+lệ)\s+$", _FLAGS)
# ``giảm 9,7% về lượng nhưng tăng 34,1% về kim ngạch``: the words after a growth rate say whether it is a volume's or a value's.
_BY_VOLUME = regex.compile(r"\s*(?:cả\s+)?(?:về|trong(?:\s+tổng)?)?\s*(?:số\s+|khối\s+|sản\s+)?lượng" + _E, _FLAGS)
_BY_VALUE = regex.compile(r"\s*(?:cả\s+)?(?:về|trong)\s+(?:tổng\s+)?(?:giá\s+trị|trị\s+giá|kim\s+ngạch|giá)" + _E, _FLAGS)
# ``chiếm 26% về sản lượng``: a share of the world's or a market's output, not of its trade.
_OF_OUTPUT = regex.compile(r"\s*(?:về|trong)\s+(?:tổng\s+)?sản\s+lượng(?!\s+(?:[\w-]+\s+){0,3}?(?:xuất|nhập)(?!\w))", _FLAGS)
# ``lượng hàng may mặc mà Mỹ nhập khẩu … tăng 53%``: the quantity of goods traded is the subject.
_QUANTITY_TRADED = regex.compile(
    r"(?<!\w)(?<!(?:chất|năng|lực|hàm|liều|trọng|thương|dung|lưu)\s)(?:số\s+|khối\s+|sản\s+)?lượng"
    r"(?:\s+(?!tăng|giảm|đạt)[\w-]+){0,6}?\s+(?:mà\s+(?:[\w-]+\s+){1,3})?(?:xuất|nhập)\s+khẩu" + _E, _FLAGS)
_VALUE_WORD = regex.compile(_W + r"(?:kim\s+ngạch|giá\s+trị|trị\s+giá|USD|đồng|đô\s+la)" + _E, _FLAGS)
_LEVEL_NEXT = regex.compile(r"\s*,?\s*(?:lên|xuống|còn|đạt)(?:\s+(?:mức|còn|khoảng|gần|hơn|trên|xấp\s+xỉ|chỉ))*\s+")
_VOLUME_OF = {"export_value": "export_volume", "import_value": "goods_volume"}
# ``chiếm 10% số dự án và 44% tổng vốn đăng ký``: a share of the foreign projects, then of their capital
_OF_PROJECTS = regex.compile(r"\s*(?:trong\s+|về\s+)?(?:tổng\s+)?số\s+(?:các\s+)?(?:lượng\s+)?dự\s+án" + _E, _FLAGS)
_OF_CAPITAL = regex.compile(r"\s*(?:trong\s+|về\s+)?(?:tổng\s+)?(?:số\s+)?vốn" + _E, _FLAGS)
# ``xuất khẩu và nhập khẩu lần lượt đạt X và Y``: the amounts after ``lần lượt`` go, in order, to the metrics listed
# within this many characters before it.
_RESPECTIVE = regex.compile(_W + r"(?:lần\s+lượt|theo\s+thứ\s+tự)" + _E, _FLAGS)
_RESPECTIVE_REACH = 80
_INVEST_INTO = regex.compile(r"đầu\s+tư\s+vào\s+$", _FLAGS)
# A foreign country as an investor's or a firm's (``5 doanh nghiệp Hoa Kỳ``, ``Tập đoàn Wunvest (Mỹ)``) or as where the
# capital goes (``đầu tư sang Lào``): the capital crosses a border.
_FOREIGN_SIDE = regex.compile(r"(?:(?:doanh\s+nghiệp|công\s+ty|nhà\s+đầu\s+tư|tập\s+đoàn|hãng|chủ\s+đầu\s+tư|đối\s+tác)"
                              r"(?:\s+của)?|đầu\s+tư\s+(?:sang|ra|tại|ở)(?:\s+thị\s+trường)?|\w\s+\()\s*$", _FLAGS)
_SIDE_REACH = 80  # characters after a number's start within which a foreign investor named after it still owns it
_OF_AFTER = regex.compile(_W + r"của" + _E, _FLAGS)
_ECONOMY_NEXT = regex.compile(r"\s+(?:(?:hằng|hàng)\s+năm\s+|bình\s+quân\s+)?(?:của\s+)?(?:(?:các\s+)?nền\s+|toàn\s+bộ\s+)?"
                              r"(?:kinh\s+tế|GDP|GRDP|tổng\s+sản\s+phẩm|" + _REGION + ")" + _E, _FLAGS)
_GROWTH_WORD = regex.compile(_W + r"tăng\s+trưởng" + _E, _FLAGS)
_FDI = frozenset({"fdi_capital", "fdi_projects"})
# Figures one firm can have of its own (``Công ty X xuất khẩu 3 triệu USD``, ``nộp ngân sách``): not a place's statistic.
_NAMED_REACH = 60  # characters before a number within which ``của`` + a bank's name owns it
_FIRM_METRICS = frozenset({"export_value", "import_value", "export_volume", "goods_volume", "trade_turnover",
                           "budget_revenue", "deposits"})
_SECTORS = frozenset({"agriculture", "industry", "services"})
# A firm's own production value is no sector's.
_FIRM = regex.compile(_W + r"(?:công\s+ty|doanh\s+nghiệp|nhà\s+máy|tập\s+đoàn|hãng|xí\s+nghiệp|cơ\s+sở)" + _E, _FLAGS)
_HONORIFIC_BEFORE = regex.compile(r"(?<!\w)(?:ông|bà|anh|chị|cô|chú)\s+$", _FLAGS)
_SUBJECT_REACH = 50  # characters from a sentence's start within which a place is its subject
_FLOWS = frozenset({"export_value", "import_value", "export_volume"})
# A named firm, project or works starts a new item (``Công ty X 3,6 triệu USD, Công ty Y 1,3 triệu USD``): its
# figure does not take the place named earlier in the sentence.
_ENTITY = regex.compile(r"[\s,;:()\-–]*(?:\w+\s+){0,2}?(?:công\s+ty|doanh\s+nghiệp|tập\s+đoàn|hãng|nhà\s+máy|công\s+trình|dự\s+án"
                        r"|hợp\s+tác\s+xã|ngân\s+hàng|cơ\s+sở|đơn\s+vị|xí\s+nghiệp)" + _E, _FLAGS)
# Amounts smaller than these (a household's, a ticket's; ``1 tấn`` is a unit of price) are not the economic figures this table holds.
_MIN_AMOUNT = {"tonne": 2, "VND": 5e8, "USD": 5e4, "EUR": 5e4, "CNY": 3e5, "JPY": 5e6, "KRW": 5e7, "LAK": 5e8, "KHR": 2e8,
               "RUB": 3e6, "THB": 1.5e6, "NZD": 5e4, "AUD": 5e4, "SGD": 5e4, "GBP": 5e4}
_ANAPHOR_COUNTRY = regex.compile(
    _W + r"(?:nước\s+này|quốc\s+gia\s+này|nền\s+kinh\s+tế\s+này|đất\s+nước\s+này|nước\s+bạn|xứ\s+sở\s+này"
    r"|đảo\s+quốc\s+này)" + _E, _FLAGS)
# A figure of two sides (``hai nước``, ``song phương``…): in an article about Viet Nam and one foreign country it
# is Viet Nam's figure with that country as partner.
_BILATERAL = regex.compile(_W + r"(?:hai\s+nước|hai\s+bên|song\s+phương|hai\s+chiều|giữa\s+hai)" + _E, _FLAGS)
# ``đầu tư tại Lào``, ``dự án FDI tại Việt Nam``: where the capital goes; the country named before it invests.
_HOST_BEFORE = regex.compile(r"(?<!\w)(?:tại|vào|sang|ở)\s+(?:thị\s+trường\s+|nước\s+)?$", _FLAGS)
# ``quí 1``: the older spelling of ``quý`` (quarter), which the date grammar reads.
_OLD_QUARTER = regex.compile(r"(?<!\w)quí(?!\w)", _FLAGS)
_NATIONAL_SOURCES = _lexicon_words("national_sources.txt")
_NATIONAL_SOURCE = regex.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(regex.escape, w.split())) for w in _NATIONAL_SOURCES) + r")(?!\w)",
                                 regex.IGNORECASE)
# Month spans the date grammar leaves to the reader's calendar: ``8 tháng qua`` (the months of the year so far, told
# in the month after them or their last), ``hai tháng đầu năm`` (a count in words), ``tháng này`` (the month of
# publication).
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
                 "mười một": 11}
_MONTH_SPAN = regex.compile(r"(?<!\w)(?:(?P<n>\d{1,2}|mười\s+một|" + "|".join(_NUMBER_WORDS) + r")\s+tháng\s+"
                            r"(?:(?P<past>(?:vừa\s+)?qua)|(?P<first>đầu\s+năm))|(?P<this>tháng\s+này))(?!\w)", _FLAGS)
_FOUNDED_BEFORE = regex.compile(_W + r"(?:thành\s+lập|ra\s+đời|khánh\s+thành|cấp\s+phép|khởi\s+công)(?:\s+[\w-]+){0,3}?\s*$",
                            _FLAGS)
_RELATIVE_DATE = regex.compile(_W + r"(?:nay|ngoái|qua|trước|tới|sau|này|vừa|hiện|đó|ấy)" + _E, _FLAGS)
_OWN_DATE_AFTER = regex.compile(r"\s*(?:\(\s*)?của\s+", _FLAGS)
_DATE_RIGHT_AFTER = regex.compile(r"\s*(?:\(\s*)?(?:trong\s+|vào\s+)?", _FLAGS)
# A sentence opening on these details or refers to the one before: its figures keep that sentence's period.
_IN_WHICH = regex.compile(r"(?<!\w)trong\s+đó" + _E, _FLAGS)
_GO_ON = regex.compile(r"\W*(?:trong\s+đó|riêng|cụ\s+thể|mức\s+này|con\s+số\s+này|mức\s+đó|con\s+số\s+đó)" + _E, _FLAGS)
# ``đóng góp vào mức tăng GDP, công nghiệp chiếm 4,1%``, ``trong 8,1% tăng trưởng chung, nông nghiệp đóng góp 0,8%``:
# the sectors' percentage points of a growth rate, not their shares of a total (``đóng góp 13% cho tăng trưởng`` is one).
_GROWTH_POINTS = regex.compile(r"(?<!\w)(?:đóng\s+góp\s+(?:vào|cho)\s+(?:mức\s+|tốc\s+độ\s+)?tăng"
                               r"|trong\s+(?:mức\s+)?\d+(?:,\d+)?\s*%\s+tăng\s+trưởng)" + _E, _FLAGS)
# An article telling an outlook (its headline or lead), and what refers to it.
_OUTLOOK = regex.compile(_W + r"(?:dự\s+báo|dự\s+đoán|triển\s+vọng)" + _E, _FLAGS)
_CITES_OUTLOOK = regex.compile(r"\W*(?:cũng\s+)?theo\s+(?:báo\s+cáo|dự\s+báo|dự\s+đoán|đánh\s+giá|nhận\s+định)\s+(?:trên|này|đó)"
                               + _E, _FLAGS)
_THIS_YEAR_ESTIMATE = regex.compile(_W + r"(?:năm\s+nay|cả\s+năm)\s+(?:[\w-]+\s+){0,2}?ước(?:\s+(?:tính|đạt|khoảng))*\s*$",
                                    _FLAGS)
_BREAKDOWN = regex.compile(r"\W*(?:trong\s+đó|cụ\s+thể)" + _E, _FLAGS)  # the parts of the sentence before's total
_REFER_BACK = regex.compile(r"\W*(?:mức\s+này|con\s+số\s+này|mức\s+đó|con\s+số\s+đó)" + _E, _FLAGS)
_TWO_COUNTRIES = regex.compile(_W + r"hai\s+nước" + _E, _FLAGS)
# ``xuất khẩu (hàng) thủy sản (của) Việt Nam``: the place right after a flow word and up to three words of goods trades.
_TRADER_BEFORE = regex.compile(r"(?<!\w)(?:xuất|nhập)\s+khẩu(?:\s+(?!sang|vào|từ|tới|đến|của|tại|ở|sự|với)[\w-]+){0,3}"
                               r"\s+(?:của\s+)?$", _FLAGS)
_TO_ANAPHOR = regex.compile(r"(?<!\w)(?:sang|vào|tới|đến|từ)\s+(?:thị\s+trường|nước|quốc\s+gia)\s+này(?!\w)", _FLAGS)
_INVEST_VERB = regex.compile(_W + r"đầu\s+tư" + _E, _FLAGS)
_INVEST_REACH = 40  # characters: the verb before the amount
_INVEST_GAP = regex.compile(r"[^\d,;.()]{0,40}")  # between the investor and the verb: words of one phrase
# Aid (``dự án ODA … trị giá 1,5 triệu đô-la New Zealand hỗ trợ nông dân Việt Nam``): the donor is the partner.
_AID = regex.compile(_W + r"(?:ODA|viện\s+trợ|không\s+hoàn\s+lại|tài\s+trợ|vốn\s+vay\s+ưu\s+đãi"
                     r"|hỗ\s+trợ\s+phát\s+triển\s+chính\s+thức)" + _E, _FLAGS)
_INVEST = regex.compile(r"đầu\s+tư|FDI|ODA|vốn\s+vay|viện\s+trợ|không\s+hoàn\s+lại", _FLAGS)
_NATION = regex.compile(_W + r"(?:cả\s+nước|nước\s+ta|toàn\s+quốc)" + _E, _FLAGS)
_REPORT = _rx("cho biết|cho hay|nói|phát biểu|khẳng định|nhấn mạnh|thông tin|thông báo|báo cáo|giới thiệu"
              "|công bố|chia sẻ|tiết lộ")
_DATE_NOT_PERIOD = regex.compile(
    r"(?:so\s+với|cùng\s+kỳ|cao\s+nhất|thấp\s+nhất|kỷ\s+lục|kể\s+từ|trước|sau|của|công\s+bố|báo\s+cáo|thông\s+báo"
    r"|cập\s+nhật)\s*(?:cùng\s+kỳ\s*)?$",
    _FLAGS)
_COMPARED_YEAR = regex.compile(r"(?<!\w)so\s+với\s+(?:mức\s+của\s+|(?:thời\s+gian|thời\s+kỳ|thời\s+điểm)\s+này\s+)?$",
                               _FLAGS)
# ``… so với 4,5 triệu tấn năm 2003``, ``so với thời gian này năm 2003``: a date a few words after ``so với`` is the
# compared period's, not that of a figure before it
_COMPARED_DATE = regex.compile(r"(?<!\w)so\s+(?:với\s+)?(?:(?:[^\s,;.]|[,.]\d)+\s+){0,5}$", _FLAGS)
_ADMIN = r"(?:tỉnh|thành\s+phố|TP\.?|khu\s+tự\s+trị(?:\s+dân\s+tộc\s+\w+)?|huyện|thị\s+xã|quận|nước|phía|địa\s+bàn)"
_PARTNER_BEFORE = regex.compile(
    r"(?<!\w)(?:với|sang|từ|đối\s+tác|của\s+(?:các\s+)?(?:doanh\s+nghiệp|nhà\s+đầu\s+tư|công\s+ty|tập\s+đoàn|đối\s+tác)"
    r"|thị\s+trường(?:\s+(?:lớn|chính|truyền\s+thống|trọng\s+điểm|tiềm\s+năng|mới|khó\s+tính|chủ\s+lực|quan\s+trọng"
    r"|lớn\s+nhất|xuất\s+khẩu|nhập\s+khẩu))*)\s+(?:các\s+)?(?:(?:thị\s+trường|doanh\s+nghiệp|nhà\s+đầu\s+tư|địa\s+phương|"
    + _ADMIN[3:-1]
    + r")\s+)*$", _FLAGS)
_OWNER_BEFORE = regex.compile(
    r"(?<!\w)(?:của|toàn|cả|địa\s+bàn|(?:nền\s+)?kinh\s+tế|GDP|GRDP|tổng\s+sản\s+phẩm(?:\s+quốc\s+nội|\s+trong\s+nước)?"
    r"|ngân\s+sách|xuất\s+khẩu|nhập\s+khẩu|kim\s+ngạch(?:\s+xuất\s+khẩu|\s+nhập\s+khẩu)?)\s+(?:" + _ADMIN
    + r"\s+)?$", _FLAGS)
# A place only compared with (``so với Thái Lan``, ``sau Trung Quốc``) owns nothing and is no partner.
_COMPARE_BEFORE = regex.compile(r"(?<!\w)(?:so\s+với|như|hơn|sau|trước|vượt|vượt\s+qua|bằng|gấp|cùng)\s+(?:"
                                + _ADMIN + r"\s+)?$", _FLAGS)
# ``vào``/``tới``/``đến`` + place: where money goes (FDI: the locality) or where goods go (a partner).
_INTO_BEFORE = regex.compile(r"(?<!\w)(?:vào|tới|đến)\s+(?:(?:thị\s+trường|" + _ADMIN[3:-1] + r")\s+)?$", _FLAGS)
# A foreign city or province after `tại`/`ở` (`Hội nghị … tổ chức tại Tokyo`, `Thương vụ Việt Nam tại
# Bangkok`) is a venue, whose figure it is not.
_AT_BEFORE = regex.compile(r"(?<!\w)(?:tại|ở)\s+(?:(?:" + _ADMIN + r"|thủ\s+đô|bang)\s+)?$", _FLAGS)
# A country after a mission's ``tại`` (``Thương vụ Việt Nam tại Thái Lan``, ``Đại sứ quán Nhật Bản tại Hà Nội``) is
# where the source of a figure sits, not whose figure it is.
_MISSION_AT = regex.compile(r"(?<!\w)(?:thương\s+vụ|đại\s+sứ\s+quán|lãnh\s+sự\s+quán|tham\s+tán(?:\s+thương\s+mại)?"
                            r"|văn\s+phòng\s+đại\s+diện|cơ\s+quan\s+đại\s+diện)(?:\s+\w+){1,3}\s+tại\s+$", _FLAGS)
_BETWEEN = regex.compile(r"(?<!\w)giữa\s+(?:" + _ADMIN + r"\s+)?$", _FLAGS)
_AND_BEFORE = regex.compile(r"(?<!\w)(?:và|với)\s+(?:" + _ADMIN + r"\s+)?$", _FLAGS)
_PARENT_GAP = regex.compile(r"\s*(?:,|\(|-|–)\s*$")
_LEVEL_RANK = {"province": 0, "region": 0, "prefecture": 1, "city": 1, "county": 2, "district": 2}
_KEEP_UNITS = frozenset({u for u, k in UNIT_KIND.items() if k == "currency"}
                        | {"percent", "tonne", "vehicle", "project", "TEU", "container"})
_VN = None


@dataclass(frozen=True)
class _Place:
    start: int
    end: int
    place: object  # gazetteer Place
    role: str  # owner | partner | into | compare | normal


def _metric_hits(body: str, a: int, b: int) -> list[tuple[int, str, int]]:
    """(end, metric, priority) of the metric words in ``body[a:b]``: leftmost-longest, word-bounded.

    Offsets are into the whitespace-normalised window; they only order hits within it.
    """
    return [(end, metric, prio) for _, end, metric, prio in _metric_spans(body, a, b) if metric != "="]


def _metric_spans(body: str, a: int, b: int) -> list[tuple[int, int, str, int]]:
    """(start, end, metric, priority) of the lexicon words in ``body[a:b]`` (neutral ``=`` ones too), leftmost-longest,
    offsets into the whitespace-normalised window."""
    seg = _SPACES.sub(" ", body[a:b].lower())
    found = []
    for end, (length, metric, prio) in _METRIC_AC.iter(seg):
        start = end - length + 1
        if (start == 0 or not seg[start - 1].isalnum()) and (end + 1 == len(seg) or not seg[end + 1].isalnum()):
            found.append((start, end + 1, metric, prio))
    if _METRIC_RX is not None:
        for m in _METRIC_RX.finditer(seg):
            found.append((m.start(), m.end(), *_METRIC_OF[m.lastgroup]))
    found.sort(key=lambda h: (h[0], h[0] - h[1]))
    out, pos = [], -1
    for start, end, metric, prio in found:
        if start >= pos:
            pos = end
            out.append((start, end, metric, prio))
    return out


def _best_metric(hits: list[tuple[int, str, int]]) -> tuple[str | None, int]:
    """(metric, priority): highest priority, nearest wins; ``-`` (a blocker nearer than the metric word)
    means not a figure."""
    real = [h for h in hits if h[1] != "-"]
    best = max(real, key=lambda h: (h[2], h[0])) if real else None
    blocks = [h for h in hits if h[1] == "-"]
    if blocks and (best is None or max(b[0] for b in blocks) > best[0]):
        return "-", 9
    return (best[1], best[2]) if best else (None, -1)


def _sector_of_gdp(hits: list[tuple[int, str, int]]) -> str | None:
    """The sector named after the GDP word of a share (``Trong cơ cấu GDP, nông nghiệp chiếm 23%``: agriculture's
    share of GDP), else None."""
    gdp_end = max((h[0] for h in hits if h[1] == "gdp"), default=None)
    if gdp_end is None:
        return None  # (the metric came from the figure before)
    sectors = [h[1] for h in hits if h[0] > gdp_end and h[1] in _SECTORS]
    return sectors[-1] if sectors else None


def _has_any(body: str, words: tuple[str, ...], a: int, b: int) -> bool:
    """Whether one of the literal ``words`` occurs in ``body[a:b]``: a cheap gate before a regex."""
    return any(body.find(w, a, b) >= 0 for w in words)


def _last(rx: regex.Pattern, body: str, a: int, b: int) -> int:
    """End of the last match of ``rx`` in ``body[a:b]``, else -1."""
    pos = -1
    for m in rx.finditer(body, a, b):
        pos = m.end()
    return pos


class _Sentence:
    """Lazily computed context of one sentence."""

    def __init__(self, ex: _Extractor, span: Span, index: int):
        self.ex, self.span, self.index = ex, span, index
        self.found: dict[regex.Pattern, tuple[list[int], list[int], list]] = {}

    @cached_property
    def clauses(self) -> list[Span]:
        body, span = self.ex.body, self.span
        if body.find(";", span.start, span.end) < 0:
            return [span]
        return clauses(body, span)

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [c.start for c in self.clauses]

    @cached_property
    def investment(self) -> tuple[object, object] | None:
        """(investor country, host place) when the sentence tells of capital crossing a border: an investment
        word, a place after ``tại``/``vào``/``sang``, and another country named before it."""
        body, start = self.ex.body, self.span.start
        if not self.last(_INVEST, start, self.span.end):
            return None
        for h in self.places:
            if h.role != "compare" and _HOST_BEFORE.search(body, max(start, h.start - 30), h.start):
                investors = [p for p in self.places if p.start < h.start and p.place.level == "country"
                             and p.place.country != h.place.country and p.role != "compare"]
                return (investors[-1].place, h.place) if investors else None
        return None

    def clause_of(self, pos: int) -> Span:
        i = bisect.bisect_right(self._clause_starts, pos) - 1
        if i >= 0 and pos < self.clauses[i].end:
            return self.clauses[i]
        return self.span

    def marks(self, rx: regex.Pattern) -> tuple[list[int], list[int], list]:
        """(starts, ends, matches) of ``rx`` over the whole sentence, found once: every range question
        about it is then a bisection, so a sentence with many numbers stays linear."""
        got = self.found.get(rx)
        if got is None:
            ms = list(rx.finditer(self.ex.body, self.span.start, self.span.end))
            got = self.found[rx] = ([m.start() for m in ms], [m.end() for m in ms], ms)
        return got

    def last(self, rx: regex.Pattern, a: int, b: int):
        """The last match of ``rx`` lying inside ``body[a:b]``, else None."""
        starts, ends, ms = self.marks(rx)
        i = bisect.bisect_right(ends, b) - 1
        return ms[i] if i >= 0 and starts[i] >= a else None

    def last_end(self, rx: regex.Pattern, a: int, b: int) -> int:
        m = self.last(rx, a, b)
        return m.end() if m else -1

    def tail(self, pos: int, clause: Span) -> int:
        """End of the words right after a number: the next punctuation mark, at most ``_TAIL`` characters on."""
        return self.first_start(_PUNCT, pos, min(clause.end, pos + _TAIL))

    def first_start(self, rx: regex.Pattern, a: int, b: int) -> int:
        """Start of the first match of ``rx`` inside ``body[a:b]``, else ``b``."""
        starts, ends, _ = self.marks(rx)
        i = bisect.bisect_left(starts, a)
        return starts[i] if i < len(starts) and ends[i] <= b else b

    @cached_property
    def _text(self) -> str:
        return _OLD_QUARTER.sub("quý", self.span.text)  # same length: offsets hold

    @cached_property
    def stated_dates(self) -> list[DateMention]:
        """The sentence's dates as the article's own year resolves them (yearless ones stay unresolved without it),
        with the month spans of ``_month_spans``."""
        doc = self.ex.doc
        found = find_dates(self._text, doc.reference_year, doc.published_at, offset=self.span.start)
        if "tháng" not in self._text:
            return found
        extra = [m for m in _month_spans(self._text, self.span.start, doc.reference_year, doc.published_at)
                 if not any(d.start < m.end and m.start < d.end for d in found)]
        return sorted(found + extra, key=lambda d: d.start) if extra else found

    @cached_property
    def dates(self) -> list[DateMention]:
        """``stated_dates``; in an article with no year of its own, yearless months and quarters (``tháng 7``, ``7
        tháng đầu năm``, ``quý II``) take the year last stated in their paragraph (``năm 2004``, ``tháng 6/2004``)."""
        stated = self.stated_dates
        if self.ex.doc.reference_year is not None or all(d.period_start is not None for d in stated):
            return stated
        year = self.ex.paragraph_year(self.index, next(d.start for d in stated if d.period_start is None))
        if year is None:
            return stated
        # (only a month or a quarter named: ``năm nay``, ``tháng trước`` count from a publication date, not from it)
        return [(self.in_year(d, year) or d) if d.period_start is None and not _RELATIVE_DATE.search(d.text) else d
                for d in stated]

    @cached_property
    def periods(self) -> list[DateMention]:
        """The sentence's dates that can be a figure's period (not anniversaries, comparisons or records)."""
        body, start = self.ex.body, self.span.start
        return [d for d in self.dates if d.kind != "anniversary" and d.period_start is not None
                and not _DATE_NOT_PERIOD.search(body, max(start, d.start - 20), d.start)
                and not _FOUNDED_BEFORE.search(body, max(start, d.start - 30), d.start)]

    @cached_property
    def _period_ends(self) -> list[int]:
        return [d.end for d in self.periods]

    def period(self, pos: int, end: int, clause: Span) -> DateMention | None:
        """The period of the number at ``body[pos:end]``: a date right after it (``từ 5 tỷ USD năm 2013 lên…``),
        else the nearest date before it (not one told before a reporting verb, ``Ngày 5/6, ông X cho biết``),
        else the first after it in its clause."""
        own = next((d for d in self.dates if end <= d.start <= end + 16 and d.period_start is not None
                    and d.kind != "anniversary" and _OWN_DATE_AFTER.fullmatch(self.ex.body, end, d.start)), None)
        if own is not None:  # ``mức tăng trưởng 42,4% của năm 2017``
            return own
        ds, ends = self.periods, self._period_ends
        j = bisect.bisect_left(ends, end + 1)
        if j < len(ds) and _DATE_RIGHT_AFTER.fullmatch(self.ex.body, end, ds[j].start):
            return ds[j]
        i = bisect.bisect_right(ends, pos) - 1
        report = self.last(_REPORT, self.span.start, pos)
        if i >= 0 and not (report and ends[i] <= report.start()):
            return ds[i]
        after = ds[i + 1] if i + 1 < len(ds) else None
        if after is not None and _COMPARED_DATE.search(self.ex.body, max(self.span.start, after.start - 50), after.start):
            return None  # ``1,96 tỷ USD, tăng 15% so với thời gian này năm 2003``: the compared period, not its own
        return after if after is not None and pos < after.start < clause.end else None

    def own_date_unresolved(self, pos: int, end: int) -> DateMention | None:
        """The period of the number at ``body[pos:end]`` that no year resolves (``tháng 7`` in an article with no
        year), as ``period`` reads it: right after the number, else the last before it; else None. Its figure's
        period is that one, not the sentence before's."""
        body, start = self.ex.body, self.span.start
        told = [d for d in self.dates if d.period_start is None and d.kind != "anniversary"
                and not _DATE_NOT_PERIOD.search(body, max(start, d.start - 20), d.start)]
        after = next((d for d in told if d.start >= end), None)
        if after is not None and _DATE_RIGHT_AFTER.fullmatch(body, end, after.start):
            return after
        return next((d for d in reversed(told) if d.start < pos), None)

    def in_year(self, d: DateMention, year: int) -> DateMention | None:
        """The yearless mention ``d`` of this sentence read in ``year`` (None when that does not fix it either)."""
        doc = self.ex.doc
        found = find_dates(self._text, year, doc.published_at, offset=self.span.start)
        found += _month_spans(self._text, self.span.start, year, doc.published_at)
        return next((m for m in found if m.start == d.start and m.end == d.end and m.period_start is not None
                     and m.period_end is not None), None)

    def compared_year(self, end: int, clause: Span) -> DateMention | None:
        """``tăng 15% so với năm 2004`` with no period stated: the figure is the next year's (2005)."""
        for d in self.dates:
            if (end <= d.start < clause.end and d.precision == "year" and d.kind == "date" and d.period_start
                    and _COMPARED_YEAR.search(self.ex.body, max(end, d.start - 30), d.start)):
                y = d.period_start.year + 1
                return replace(d, date=date(y, 1, 1), period_start=date(y, 1, 1), period_end=date(y, 12, 31))
        return None

    @cached_property
    def places(self) -> list[_Place]:
        return _roles(self.ex.body, self.span, self.ex.places_in(self.span.start, self.span.end))


def _month_spans(text: str, offset: int, year: int | None, published) -> list[DateMention]:
    """``_MONTH_SPAN``'s periods in ``text``: ``N tháng qua`` (January to month N, told in month N or N+1 of the
    publication), word-counted ``N tháng đầu năm`` (the article's year) and ``tháng này`` (the month of publication)."""
    out = []
    for m in _MONTH_SPAN.finditer(text):
        if m.group("this"):
            if published is None:  # (told, but unresolved)
                out.append(DateMention(offset + m.start(), offset + m.end(), m.group(), None, "month", kind="period"))
                continue
            y, first, last = published.year, published.month, published.month
        else:
            n = m.group("n").lower()
            last = int(n) if n.isdigit() else _NUMBER_WORDS.get(_SPACES.sub(" ", n))
            if not last or last > 12:
                continue
            if m.group("past"):
                if published is None or published.month not in (last, last + 1):
                    out.append(DateMention(offset + m.start(), offset + m.end(), m.group(), None, "month", kind="period"))
                    continue
                y = published.year
            elif n.isdigit() or year is None:
                continue  # (digits: the date grammar's own)
            else:
                y = year
            first = 1
        start, end = date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1])
        out.append(DateMention(offset + m.start(), offset + m.end(), m.group(), start, "month", start, end, "period",
                               year_stated=False))
    return out


def _roles(body: str, span: Span, matches: list) -> list[_Place]:
    """Places of one sentence (body offsets) with their role, read from the words right before each."""
    out: list[_Place] = []
    prev = None
    between_seen = False
    for pm in matches:
        s, e, place = pm.start, pm.end, pm.place
        if prev is not None and _PARENT_GAP.match(body, prev.end, s) and _is_parent(place, prev.place):
            continue
        before = body[max(span.start, s - 60):s]
        if _PARTNER_BEFORE.search(before):
            role = "partner"
        elif between_seen and _AND_BEFORE.search(before):
            role = "partner"
        elif _OWNER_BEFORE.search(before):
            role = "owner"
        elif _COMPARE_BEFORE.search(before):
            role = "compare"
        elif place.country not in ("VN", "CN") and place.level != "country" and _AT_BEFORE.search(before):
            role = "venue"
        elif "tại" in before and _MISSION_AT.search(before):
            role = "venue"
        elif _INTO_BEFORE.search(before):
            role = "into"
        else:
            role = "normal"
        between_seen = between_seen or bool(_BETWEEN.search(before))
        prev = _Place(s, e, place, role)
        out.append(prev)
    return out


def _is_parent(place, child) -> bool:
    if place.level == "country":
        return place.country == child.country
    return place.canonical == child.parent or (place.country == child.country and place.level == "province"
                                               and child.level != "province")


def _is_sub(p: _Place) -> bool:
    return p.place.level != "country"


def _choose(cands: list[_Place]) -> _Place | None:
    """Owner (the last one) first, else sub-national before country, higher level, nearer the number."""
    if not cands:
        return None
    owners = [p for p in cands if p.role == "owner"]
    if owners:
        return owners[-1]
    return min(cands, key=lambda p: (not _is_sub(p), _LEVEL_RANK.get(p.place.level, 3), -p.start))


def _topic(places: list[_Place], kind: str) -> _Place | None:
    """The subject place of a sentence: an owner, else the first place (of the levels ``kind`` names)."""
    levels = _KIND_LEVELS[kind]
    cands = [p for p in places if p.role in ("owner", "normal") and p.place.level in levels]
    owners = [p for p in cands if p.role == "owner"]
    return (owners or cands or [None])[0]


def _pick_partner(places: list[_Place], pos: int, clause: Span, loc, fdi: bool, pair: bool = False) -> str | None:
    """The counterpart of a figure of ``loc``: a place marked as one, else (no marked one) where goods or capital go,
    else another country beside a Vietnamese figure (a Vietnamese one beside a foreign figure; any other country
    when ``pair``: the figure is two-sided) or the country a Vietnamese mission sits in."""
    loc_country = getattr(loc, "country", None)
    loc_name = getattr(loc, "canonical", None)

    def ok(p: _Place) -> bool:
        return p.place.canonical != loc_name and not (p.place.level == "country" and p.place.country == loc_country)

    partners = [p for p in places if p.role == "partner" and ok(p)]
    if not partners:  # goods sent to a place, or capital invested into one (``đầu tư vào Việt Nam``: the host)
        partners = [p for p in places if p.role == "into" and ok(p) and (not fdi or p.place.level == "country")]
    if partners:
        return min(partners, key=lambda p: (not (clause.start <= p.start < clause.end), abs(p.start - pos))).place.canonical
    if loc_country:  # two foreign economies in one sentence are each their own figures' owners, not a pair
        for p in places:
            if (p.place.level == "country" and p.place.country != loc_country
                    and p.role in ("normal", "owner", "venue") and (pair or "VN" in (loc_country, p.place.country))):
                return p.place.canonical
    return None


class _Extractor:
    def __init__(self, doc: ArticleText):
        self.doc = doc
        self.body = doc.body
        self.sents = doc.sentences
        self.cache: dict[int, _Sentence] = {}
        self.antecedents: dict[tuple[int, str], object] = {}
        self.dropped: dict[int, str] = {}
        self.rows_of: dict[int, dict] = {}  # sentence -> its last figure
        self.fdi_told = False  # a foreign-investment figure was read earlier in the article
        self.target_sents: set[int] = set()  # sentences with a figure dropped as a target, a plan or a forecast
        self._places: list | None = None
        self._place_starts: list[int] = []
        self._quantities: list[Quantity] = []
        self._plan_spans: list[tuple[int, int]] | None = None
        self._q_starts: list[int] = []

    def sentence(self, i: int) -> _Sentence:
        sent = self.cache.get(i)
        if sent is None:
            sent = self.cache[i] = _Sentence(self, self.sents[i], i)
        return sent

    def places_in(self, a: int, b: int) -> list:
        """Gazetteer matches inside ``body[a:b]``: the article is matched once, on first need, then sliced. A place
        inside a quantity (``300 triệu đô-la Mỹ``) names a currency, not whose figure it is."""
        if self._places is None:
            starts = [q.start for q in self._quantities]
            self._places = [p for p in self.doc.places if not _inside(p.start, starts, self._quantities)]
            self._place_starts = [p.start for p in self._places]
        i = bisect.bisect_left(self._place_starts, a)
        j = bisect.bisect_left(self._place_starts, b)
        return [p for p in self._places[i:j] if p.end <= b]

    @cached_property
    def title_places(self) -> list[_Place]:
        title = self.doc.title or ""
        return _roles(title, Span(0, len(title), title), find_places(title)) if title else []

    @cached_property
    def counterpart(self):
        """The foreign country the article is about: the one named most often (a place counts for its
        country), the earliest on a tie; None when the article never names Viet Nam or no other country."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for i, pm in enumerate(self.places_in(0, len(self.body))):
            c = pm.place.country
            counts[c] = counts.get(c, 0) + 1
            first.setdefault(c, i)
        if "VN" not in counts or len(counts) < 2:
            return None
        best = min((c for c in counts if c != "VN"), key=lambda c: (-counts[c], first[c]))
        return _country(best)

    def antecedent(self, si: int, kind: str):
        """What ``thành phố``/``tỉnh``/``nước này`` refers to: the subject place (of that kind) of the nearest
        previous sentence that names one, else of the title."""
        chain, j = [], si
        while (j, kind) not in self.antecedents:  # memoised: each sentence is looked at once per kind
            chain.append(j)
            t = _topic(self.sentence(j - 1).places if j > 0 else self.title_places, kind)
            if t is not None or j == 0:
                found = t.place if t is not None else None
                break
            j -= 1
        else:
            found = self.antecedents[(j, kind)]
        for k in chain:
            self.antecedents[(k, kind)] = found
        return found

    def paragraph_year(self, si: int, before: int) -> int | None:
        """The year of the last date stated with its year before ``before`` in sentence ``si`` or the sentences before
        it in its paragraph (not a compared one, ``so với năm 2003``, nor a founding, ``thành lập năm 1995``), else None."""
        para = self.body.rfind("\n", 0, self.sents[si].start)
        j = si
        while j >= 0 and self.sents[j].start > para:
            sent = self.sentence(j)
            for d in reversed(sent.stated_dates):
                if (d.year_stated and d.period_start is not None and d.kind != "anniversary" and d.end <= before
                        and not _FOUNDED_BEFORE.search(self.body, max(sent.span.start, d.start - 30), d.start)
                        and not _DATE_NOT_PERIOD.search(self.body, max(sent.span.start, d.start - 20), d.start)
                        and not _COMPARED_DATE.search(self.body, max(sent.span.start, d.start - 50), d.start)):
                    return d.period_start.year
            j -= 1
        return None

    def run(self) -> list[dict]:
        qs = self._quantities = find_quantities(self.body, _KEEP_UNITS)
        self._q_starts = [o.start for o in qs]
        if not qs:
            return []
        starts = [s.start for s in self.sents]
        rows: list[dict] = []
        last: dict[int, tuple[int, str, str, bool]] = {}  # sentence -> (end of its last figure, metric, measure, fell)
        alts = _alternatives(self.body, qs)
        spans = _ranges(self.body, qs) | _conversions(self.body, qs)
        for q in qs:
            si = bisect.bisect_right(starts, q.start) - 1
            if si < 0 or q.end > self.sents[si].end:
                continue
            if q.start in alts:
                self.drop(q, "alternatives (hay/hoặc): a hypothesis")
                continue
            if q.start in spans:
                self.drop(q, "a range (its midpoint is told nowhere) or an amount converted into another currency")
                continue
            row = self.figure(q, si, last)
            if row:
                rows.append(row)
        for r in rows:
            del r["_place"], r["_period"]
        return _drop_lead_repeats(self.body, rows)

    def figure(self, q: Quantity, si: int, last: dict) -> dict | None:
        body, sent = self.body, self.sentence(si)
        per_head = _PER_HEAD.search(body, max(sent.span.start, q.start - _TAIL), q.start)  # GDP per capita
        if not per_head and (_near(_PRICE_AFTER, body, q.end) or q.value < _MIN_AMOUNT.get(q.unit, 0)):
            return self.drop(q, "price or small amount")
        clause = sent.clause_of(q.start)
        # what the sentence's previous figure measured carries over (``năm 2017 đạt X; năm 2018 đạt Y``)
        prev_end, prev_metric, prev_measure, prev_down = last.get(si, (clause.start, None, None, False))
        if si not in last and si - 1 in last and _near(_REFER_BACK, body, sent.span.start):
            prev_metric = last[si - 1][1]  # ``Mức này tăng 11%``: the figure of the sentence before
        a = max(clause.start, prev_end, q.start - _LOOKBACK)
        # ``năm 2015 tăng 5%, năm 2016 đạt 6%``: a percentage listed right after another is measured the same way
        # (further apart after a ranking word: ``chiếm 12,8% nhập khẩu của Iran năm 2004, tiếp theo là Pháp 8,3%``)
        listed = (prev_measure if q.unit == "percent" and prev_measure in ("change_pct", "share_pct")
                  and (q.start - prev_end <= _LIST_GAP or sent.last(_RANK_NEXT, prev_end, q.start)) else None)
        # cheap gates first: a percentage needs a growth or share word before it (or ``% GDP`` after it)
        if (q.unit == "percent" and not listed and not _GROWTH.search(body, max(a, q.start - _GROWTH_REACH - 20), q.start)
                and not _SHARE.search(body, a, q.start) and not _near(_OF_GDP_AFTER, body, q.end)):
            return self.drop(q, "percent without growth or share word")
        target = sent.last(_TARGET, clause.start, q.start)
        if target and not _near(_CURRENT_AFTER, body, q.end):
            if q.unit != "percent" or self.first_in_sentence(sent, q):
                self.target_sents.add(si)  # (not ``đạt 26% kế hoạch, bằng 92% so với cùng kỳ``: a ratio to a plan)
            return self.drop(q, "target or plan")
        if _near(_TARGET_AFTER, body, q.end) or self.goal_year(q):
            return self.drop(q, "target or plan")
        if self.under_plan_heading(q.start):
            return self.drop(q, "a cell of a plan or a list of targets (under a heading naming it)")
        lo, hi = sent.last_end(_CONJ, clause.start, q.start), sent.first_start(_CONJ, q.end, clause.end)
        lo = max(lo, clause.start)  # the words between the conjunctions around the number (``…, nhưng …``)
        if _has_any(body, _UNBUILT_WORDS, lo, hi) and sent.last(_UNBUILT, lo, hi):
            return self.drop(q, "a project still to come (sẽ khởi công, nếu được cấp phép)")
        if sent.last(_IMPACT, lo, q.start):  # (its matches are found once per sentence)
            return self.drop(q, "an impact on a figure or a loss (làm giảm GDP X%), not the figure")
        if _has_any(body, _AT_FAULT_WORDS, lo, hi) and sent.last(_AT_FAULT, lo, hi):
            return self.drop(q, "a penalty, or projects found at fault")
        if self.outlook_figure(sent, q) or self.outlook_year(sent, q, clause):
            return self.drop(q, "a forecast of an outlook the headline or the lead tells")
        if _BREAKDOWN.match(body, sent.span.start, sent.span.start + 30) and self.after_target(si):
            self.target_sents.add(si)  # ``… sẽ đạt 9 tỷ USD. Trong đó, …``: the parts of a target or a forecast
            return self.drop(q, "target or plan (a breakdown of the sentence before)")
        if si > 0 and _near(_THEN_OPEN, body, sent.span.start):
            before = self.sents[si - 1]
            if self.sentence(si - 1).last(_TARGET, before.start, before.end):
                return self.drop(q, "target or plan (the state a target foresees: Khi đó, …)")
        if _near(_PURPOSE_OPEN, body, sent.span.start) and sent.first_start(_THEN, q.end, sent.span.end) < sent.span.end:
            return self.drop(q, "what a purpose requires (Để …, … thì)")
        if _near(_HYPOTHESIS_OPEN, body, sent.span.start):
            return self.drop(q, "a theory")
        if _has_any(body, _OFFERED_WORDS, sent.span.start, q.start) and sent.last(_OFFERED, sent.span.start, q.start):
            return self.drop(q, "projects offered to investors (dự án kêu gọi đầu tư)")
        if (_near(_TAX_AFTER, body, q.end) if q.unit == "percent" else
                _has_any(body, _HALTED_WORDS, clause.start, clause.end) and sent.last(_HALTED, clause.start, clause.end)):
            return self.drop(q, "a halted project, or a tax cut")
        stop = sent.tail(q.end, clause)
        # ``theo quy định …, nhưng X đạt 9 triệu USD``: after a conjunction the clause tells a fact again
        if (sent.last(_NOT_FACT, max(clause.start, sent.last_end(_CONJ, clause.start, q.start)), q.start)
                or sent.first_start(_THEN_WILL, q.end, stop) < stop
                or _has_any(body, _FEASIBLE_WORDS, q.end, stop) and sent.last(_FEASIBLE_AFTER, q.end, stop)):
            return self.drop(q, "rule, condition, request or promise")
        cut = _last(_CONJ, body, a, q.start)
        if cut >= 0:
            a, prev_metric = cut, None
        ranked = si in last and prev_metric is not None and sent.last(_RANK_NEXT, prev_end, q.start) is not None
        hits = [] if ranked else _metric_hits(body, a, q.start)
        metric, prio = _best_metric(hits)
        if metric == "-":
            return self.drop(q, "blocked by a non-figure word")
        if metric == "sector":
            metric = self.sector_of(sent, q)
        elif metric == "revenue":
            metric = self.revenue_of(sent, clause, a, q)
            if metric is None:
                return self.drop(q, "a firm's or a person's revenue")
        window = body[a:q.start]
        measure = "amount"
        value = q.value
        kind = UNIT_KIND.get(q.unit, "")
        if q.unit == "percent" and self.level_pct(sent, clause, q):
            if not sent.last(_SHARE_WORD, sent.span.start, q.start):
                return self.drop(q, "percent: a level (tăng từ X% lên Y%)")
            measure = "share_pct"
        elif q.unit == "percent":
            g = list(_GROWTH.finditer(window))
            s = list(_SHARE.finditer(window))
            gpos = g[-1].start() if g and len(window) - g[-1].end() <= _GROWTH_REACH else -1
            spos = s[-1].start() if s else -1
            if self.ratio_to_place(sent, clause, q):
                return self.drop(q, "a ratio between two economies (A bằng X% GDP của B, X% so với B)")
            if _near(_OF_GDP_AFTER, body, q.end):
                spos = len(window)
            if (gpos < 0 and spos < 0 and not listed or sent.last(_PRICE_CLAUSE, clause.start, q.start)
                    or _AFTER_SHARE_BLOCK.search(body, q.end, stop) or _OF_PEOPLE.match(body, q.end, stop)
                    or _OF_DEMAND.match(body, q.end, stop)
                    or _near(_OWNERSHIP_AFTER, body, q.end) or _OWNERSHIP_BEFORE.search(window[-30:])
                    or self.details_prices(sent)):
                return self.drop(q, "percent: price, or share of a non-economic total")
            if (gpos > spos and metric not in _SECTORS and metric != "other"
                    and _has_any(window, ("lượng", "khai"), max(0, len(window) - 120), len(window))
                    and _OUTPUT_GROWS.search(window[-120:])):
                return self.drop(q, "percent: the growth of output, not of trade")
            if prev_measure in ("change_pct", "share_pct") and "so" in window[-25:] and _COMPARED_PCT.search(window[-25:]):
                measure = prev_measure  # the earlier level or rate it is compared with, as it was told
            elif gpos < 0 and spos < 0:
                measure = listed
                if prev_down:  # ``giảm 19% về lượng và 8% về giá trị``
                    value = -value
            elif gpos > spos:
                measure = "change_pct"
                if _TO_LEVEL.match(window, g[-1].end()) or _LEVEL_BEFORE.search(window, g[-1].end()):
                    # ``giảm còn 3%``: the new level; only a growth rate's level is itself a change
                    if not _RATE.search(window, 0, g[-1].start()):
                        return self.drop(q, "percent: a new level")
                elif _DOWN.search(g[-1].group()) and not _FROM_LEVEL.search(window):  # ``sụt giảm`` too
                    value = -value  # (``tăng trưởng … giảm từ 5,4% xuống 5%``: 5,4% is a rate, not a fall)
            else:
                measure = "share_pct"
            r = self.ratio_to_before(sent, clause, q)
            if r is not None:  # ``(mức tăng trưởng) bằng X% so với cùng kỳ``
                grew = sent.last(_GROWTH, max(clause.start, r.start() - 40), q.start) is not None
                measure, value = "change_pct", q.value if grew else float(Decimal(repr(q.value)) - 100)
        elif (_ABS_CHANGE.search(window) or _THRESHOLD.search(window) or _near(_THRESHOLD_AFTER, body, q.end)
              or self.changed(window)):
            return self.drop(q, "absolute change or threshold")
        elif _has_any(body, _NOT_REACHED_WORDS, max(0, q.start - 40), q.start) and _NOT_REACHED.search(window[-40:]):
            return self.drop(q, "a value not reached (chưa vượt X như dự kiến)")
        elif last.get(si, (0, None, None))[2] == "change_pct" and self.equivalent_of_change(q, prev_end):
            return self.drop(q, "absolute change (a change told as its equivalent amount)")
        elif "vượt" in window[-40:] and self.milestone(sent, q, window):
            return self.drop(q, "a milestone passed (vượt ngưỡng X), not the figure")
        if metric is None and q.unit == "percent" and si in last and (
                _near(_BY_VOLUME, body, q.end) or _near(_BY_VALUE, body, q.end)):
            prev_metric = last[si][1]  # ``giảm 12% về lượng nhưng tăng 8% về giá trị``: the same goods, past a conjunction
        if metric is None:
            metric = prev_metric
        if kind == "currency" and sent.last(_RANKED, sent.span.start, q.start):
            ranked = True
            metric = metric or self.ranked_metric(si, q)
        if metric is None and (measure == "share_pct" or kind == "currency" and _near(_METRIC_NEXT, body, q.end)):
            metric, prio = _best_metric(_metric_hits(body, q.end, sent.tail(q.end, clause)))
            if metric == "-":
                return self.drop(q, "blocked by a non-figure word")
        elif (measure == "share_pct" and metric not in _SECTORS and not (metric == "other" and prio >= 4)
              and (of := self.share_of(q)) is not None):  # (a sector's share, or a balance's ratio, keeps its metric)
            metric = of  # ``(FDI firms) chiếm 30% kim ngạch xuất khẩu``: a share of the total named after it
        elif metric == "gdp" and prio <= 1:
            # ``xuất khẩu đạt X, tăng trưởng 10%``: a bare growth word is the growth of what was just measured
            metric = prev_metric or self.growth_of(sent, a, q.start)
        elif metric == "trade_turnover" and prio == 2:
            metric = self.flow_of(si, q.start)
        metric = self.respective(sent, q, kind) or metric
        law = self.law_after(q, stop) if kind == "currency" or q.unit == "project" else None
        if law is not None:
            if law.group("foreign"):
                metric = "fdi_capital" if kind == "currency" else "fdi_projects"
            elif metric in _FDI:
                metric = "other"  # capital or projects under the domestic investment law
        elif kind == "currency" and metric in (None, "other", "fdi_capital") and _near(_FDI_AFTER, body, q.end):
            metric = "fdi_capital"  # ``thu hút 54 tỷ USD FDI``
        elif kind == "currency" and metric is None and self.invested(sent, a, q):
            metric = "fdi_capital"  # ``Hàn Quốc đầu tư 4 tỷ USD vào Việt Nam``: capital crossing a border
        elif (metric in _FDI and q.unit != "project" and not ranked and not self.foreign(sent, q.start, q.end)
              and not self.fdi_context(sent, q)):
            metric = "other"
        if measure == "share_pct" and metric == "gdp" and hits:
            metric = _sector_of_gdp(hits) or metric
        if (measure == "share_pct" and body.find("tăng", sent.span.start, q.start) >= 0
                and sent.last(_GROWTH_POINTS, sent.span.start, q.start)):
            return self.drop(q, "a contribution to growth, in percentage points")
        if metric == "revenue":  # the total a share is of, named after it (``chiếm 15% doanh thu``): a firm's
            return self.drop(q, "a share of a firm's revenue")
        metric = self.unit_metric(q, metric, window, clause, kind, sent)
        if metric is None:
            return self.drop(q, "no metric for this unit")
        if (metric in _FIRM_METRICS or metric == "other" and measure == "change_pct") and self.firms(sent, q, metric):
            return self.drop(q, "one firm's trade, taxes or deposits")
        sold = (metric in ("import_value", "goods_volume") and body.find("trường nhập khẩu", sent.span.start, sent.span.end) >= 0
                and sent.last(_VN_BUYER, sent.span.start, sent.span.end) is not None)
        if sold:
            metric = "export_volume" if q.unit == "tonne" else "export_value" if metric == "import_value" else metric
        if q.unit == "percent":
            if measure == "share_pct" and _OF_OUTPUT.match(body, q.end, q.end + 60):
                return self.drop(q, "a share of production, not of trade")
            metric = _volume_or_value(body, q.end, metric)
            if (measure == "change_pct" and metric in _VOLUME_OF and not _near(_BY_VALUE, body, q.end)
                    and (self.level_after(q) == "tonne" or self.quantity_traded(sent, clause, q))):
                metric = _VOLUME_OF[metric]  # ``giảm 58% xuống còn 9.200 tấn``: a volume's change
        last[si] = (q.end, metric, measure, value < 0)
        self.fdi_told = self.fdi_told or metric in _FDI
        out = self.row(q, si, clause, a, metric, measure, value, ranked)
        if (q.unit != "percent" and body.find("tổng", q.start - 30, q.start) >= 0
                and _WHOLE_BEFORE.search(body, max(sent.span.start, q.start - 40), q.start)
                and not self.first_in_sentence(sent, q)):
            out["partner"] = None  # the whole of a part told before it, of every partner
        if sold and out["locality"] != "Việt Nam":  # Viet Nam sells, the market named buys
            out["partner"] = out["partner"] or out["locality"]
            out["locality"], out["_place"] = "Việt Nam", _vn()
        return out

    def goal_year(self, q: Quantity) -> bool:
        """Whether a deadline year not yet past follows the number as a goal (``đạt 10 tỷ USD trước năm 2010``).
        (``đến năm 2004 đạt …`` is left alone: the reference year is too unsure to tell a goal from a cumulative.)"""
        if self.body.find("trước", q.end, q.end + 12) < 0:
            return False
        m = _BY_YEAR_AFTER.match(self.body, q.end)
        ref = self.doc.reference_year
        return bool(m) and (not ref or int(m.group(1)) > ref)  # (with no date, a deadline after a level is a goal)

    def under_plan_heading(self, pos: int) -> bool:
        """Whether ``pos`` lies in the list or table under a heading line naming a plan or targets."""
        if self._plan_spans is None:
            self._plan_spans = _plan_spans(self.body)
        return any(a <= pos < b for a, b in self._plan_spans)

    def quantity_traded(self, sent: _Sentence, clause: Span, q: Quantity) -> bool:
        """Whether the quantity of goods traded (``lượng gạo xuất khẩu``) is what the change at ``q`` measures: named
        before it in its clause, with no value named or told between (``… kim ngạch 43 triệu USD, giảm 4%``)."""
        if self.body.find("lượng", clause.start, q.start) < 0:
            return False
        m = sent.last(_QUANTITY_TRADED, clause.start, q.start)
        return m is not None and not _VALUE_WORD.search(self.body, m.end(), q.start)

    def after_target(self, si: int) -> bool:
        """Whether a target or a forecast was the last total told before sentence ``si`` (in one of the two sentences
        before it, with no figure after it: ``… đặt mục tiêu xuất khẩu 6 tỷ USD. Các mặt hàng chủ lực là …``)."""
        for j in (si - 1, si - 2):
            if j < 0 or j in self.rows_of:
                return False
            if j in self.target_sents:
                return True
            span = self.sents[j]
            i = bisect.bisect_left(self._q_starts, span.start)
            if i < len(self._q_starts) and self._q_starts[i] < span.end:
                return False  # amounts dropped for another reason (a firm's): no target is the total broken down
        return False

    @cached_property
    def outlook(self) -> bool:
        """Whether the headline or the first paragraph tells an outlook (``UNDP dự đoán …``, ``triển vọng``)."""
        lead = self.body[:self.body.find("\n")] if "\n" in self.body else self.body[:400]
        return bool(_OUTLOOK.search(self.doc.title or "") or _OUTLOOK.search(lead))

    def outlook_figure(self, sent: _Sentence, q: Quantity) -> bool:
        """A figure of the outlook an article tells: a sentence citing it (``Cũng theo báo cáo trên, …``), or this year's
        ``ước đạt`` (``năm nay ước đạt 4,2%``) beside past years' figures."""
        body = self.body
        if _CITES_OUTLOOK.match(body, sent.span.start, min(sent.span.end, sent.span.start + 60)):
            return self.outlook
        return (body.find("ước", max(sent.span.start, q.start - 25), q.start) >= 0
                and _THIS_YEAR_ESTIMATE.search(body, max(sent.span.start, q.start - 40), q.start) is not None
                and self.outlook)

    def outlook_year(self, sent: _Sentence, q: Quantity, clause: Span) -> bool:
        """In an article telling an outlook, a figure of a year not yet over (the whole reference year, or a later
        period: ``Tăng trưởng năm 2005 của khu vực … 1,6%``) is the forecast."""
        ref, published = self.doc.reference_year, self.doc.published_at
        if not ref or not self.outlook:
            return False
        d = sent.period(q.start, q.end, clause)
        if d is None or d.period_end is None:
            return False
        if d.period_start.year > ref:
            return True
        # the whole year the article is published in, before it ends (with no publication date, the year is unsure)
        return (published is not None and published.month < 12 and d.period_start == date(published.year, 1, 1)
                and d.period_end == date(published.year, 12, 31))

    def level_after(self, q: Quantity) -> str | None:
        """The unit of the level a change reaches, told right after it (``tăng 12% lên 300 triệu USD``, ``giảm 58%
        xuống còn 9.200 tấn``), else None."""
        m = _LEVEL_NEXT.match(self.body, q.end, q.end + 40)
        i = bisect.bisect_left(self._q_starts, q.end)
        if m is None or i >= len(self._quantities) or self._quantities[i].start != m.end():
            return None
        return self._quantities[i].unit

    def law_after(self, q: Quantity, stop: int):
        """The investment law named shortly after an amount, in its clause (``_LAW_AFTER``), else None."""
        end = min(stop, q.end + _LAW_REACH)
        return _LAW_AFTER.search(self.body, q.end, end) if self.body.find("Luật", q.end, end) >= 0 else None

    def share_sides(self, sent: _Sentence, q: Quantity, metric: str, loc, partner: str | None):
        """(locality, partner) of a share of a flow: the owner of the total named right after it (``Hàng hóa Đức chiếm
        12,8% nhập khẩu của Iran``: Iran's, Đức the partner); an entry listed after such a share (``tiếp theo là Pháp
        8,3%``) the same owner's. Other shares keep theirs."""
        if metric not in _FLOWS and metric != "trade_turnover":
            return loc, partner
        owner = next((p.place for p in sent.places if p.role == "owner" and q.end <= p.start <= q.end + _SHARE_OWNER_REACH
                      and not _PUNCT.search(self.body, q.end, p.start)), None)
        before = self.rows_of.get(sent.index)
        if (owner is None and before is not None and before["measure"] == "share_pct" and before["metric"] == metric
                and before["partner"] is not None):
            owner = before["_place"]
        if owner is None or owner.canonical == getattr(loc, "canonical", None):
            return loc, partner
        return owner, getattr(loc, "canonical", None) or partner

    def first_in_sentence(self, sent: _Sentence, q: Quantity) -> bool:
        """Whether ``q`` is the first amount of its sentence."""
        i = bisect.bisect_left(self._q_starts, q.start)
        return i == 0 or self._quantities[i - 1].start < sent.span.start

    def list_entry(self, sent: _Sentence, q: Quantity, loc, partner: str | None):
        """(locality, partner) of an entry of a list of places and amounts. The place right before the amount, when it
        is not the figure's owner, takes the side the list's first entry gave its own place: a partner after a
        figure with a marked one (``Đức chiếm 12,8% nhập khẩu của Iran, tiếp theo là Pháp 8,3%``, ``sang Thổ Nhĩ Kỳ tăng 78%,
        Nhật Bản 12%``), the owner after a foreign economy's figure with none (``Hàn Quốc chiếm 6%, sau Đức (10%)``,
        ``Mỹ nhập 500 tỷ USD, Anh 60 tỷ USD``), unless ``trong đó`` breaks the total down."""
        if self.first_in_sentence(sent, q):
            return loc, partner  # no list entry
        i = bisect.bisect_left(self._q_starts, q.start)
        app = self.apposed(sent, q)
        if app is None or app.country == "VN":
            return loc, partner  # (a Vietnamese place before an amount is a firm's or a project's, not a counterpart)
        first = self.rows_of.get(sent.index)
        owner = first["_place"] if first is not None else None
        heads = [self.apposed(sent, o) for o in self._quantities[max(0, i - 8):i] if o.start >= sent.span.start]
        if owner is not None and owner in heads:
            # ``Nhật Bản (40 dự án), Hàn Quốc (30 dự án)``: the entries are owners, of one counterpart
            return app, (first["partner"] if first["partner"] != app.canonical else None)
        marked = first is not None and first["partner"] is not None and (
            any(p.role in ("partner", "into") and p.place.canonical == first["partner"] for p in sent.places)
            or any(h is not None and h.canonical == first["partner"] for h in heads))
        if first is not None and app is not owner and (
                marked or sent.last(_IN_WHICH, self._quantities[i - 1].end, q.start)):
            return owner, app.canonical  # counterparts of one owner, or a breakdown of its total
        if (first is not None and owner is not None and owner.level == "country" and owner.country != "VN"
                and app.level == "country"):
            return app, None  # economies side by side, each its own figure
        if app.canonical == getattr(loc, "canonical", None):
            return loc, partner
        return loc, app.canonical

    def ratio_to_place(self, sent: _Sentence, clause: Span, q: Quantity) -> bool:
        """A percentage of another place's total (``GDP của Lào chỉ bằng 5% GDP của Thái Lan``, ``chỉ bằng 6% so với Hàn
        Quốc``): a ratio between two economies, no share. ``chiếm 8% GDP của Nam Phi`` (no other place before) is one."""
        m = _RATIO_TO.match(self.body, q.end)
        if m is None or not self.body[m.end():m.end() + 1].isupper():
            return False  # (a place's name is capitalised: ``so với cùng kỳ`` is no place, and costs no look-up)
        if m.group("cmp") and sent.last(_RATIO_WORD, max(clause.start, q.start - _RATIO_REACH), q.start) is None:
            return False
        after = next((p for p in sent.places if m.end() <= p.start <= m.end() + 8), None)
        if after is None:
            return False
        if m.group("cmp"):  # ``so với`` a place after a ratio word
            return True
        return any(p.place.canonical != after.place.canonical for p in sent.places if clause.start <= p.start < q.start)

    def share_of(self, q: Quantity) -> str | None:
        """The total a share is of, named right after it (``chiếm 30% tổng kim ngạch xuất khẩu``): a metric word of
        priority 3 or more starting there, else None. A share of GDP keeps the metric named before it."""
        start = _SHARE_OF_GAP.match(self.body, q.end).end()
        spans = _metric_spans(self.body, start, min(len(self.body), start + _SHARE_OF_REACH))
        if spans and spans[0][0] == 0 and spans[0][2] not in ("-", "=", "gdp") and spans[0][3] >= 3:
            return spans[0][2]
        return None

    def equivalent_of_change(self, q: Quantity, prev_end: int) -> bool:
        """Whether ``q`` restates the change told right before it as an amount (``giảm 0,5%, tương đương 3.000 tỷ
        đồng``)."""
        return q.start - prev_end <= 40 and _EQUIVALENT_GAP.fullmatch(self.body, prev_end, q.start) is not None

    def milestone(self, sent: _Sentence, q: Quantity, window: str) -> bool:
        """A mark passed right before the amount (``vượt ngưỡng``), not reached, or with another amount of the unit in
        the sentence (the figure itself: ``đạt 1.001,7 tỷ USD, lần đầu vượt ngưỡng 1.000 tỷ USD``)."""
        m = _MILESTONE.search(window)
        if m is None:
            return False
        return bool(m.group("neg")) or any(o.unit == q.unit and o.start != q.start and sent.span.start <= o.start
                                           and o.end <= sent.span.end for o in self._quantities)

    def sector_of(self, sent: _Sentence, q: Quantity) -> str:
        """A bare ``giá trị sản xuất``: the sector named last before the number in its sentence, else in the sentence
        before it in the paragraph (``Công nghiệp đang khó khăn, giá trị sản xuất … tăng 14%``); a firm's, or with no
        sector named, ``other``."""
        start = sent.span.start
        if sent.last(_FIRM, start, q.start):
            return "other"
        spans = [(start, q.start)]
        if self.follows_in_paragraph(sent.index):
            spans.append((self.sents[sent.index - 1].start, start))
        for a, b in spans:
            named = [m for _, m, _ in _metric_hits(self.body, a, b) if m in _SECTORS]
            if named:
                return named[-1]
        return "other"

    def revenue_of(self, sent: _Sentence, clause: Span, a: int, q: Quantity) -> str | None:
        """A revenue or sales word before the number: ``other`` when a sector or an economy owns it and no single
        firm is its subject (``firm_figures``), else None (a firm's, a fair's, a farmer's)."""
        word = sent.last(REVENUE, a, q.start)
        if word is None or not revenue_of_economy(self.body, clause.start, word.start(), q.start, sent.places):
            return None
        return None if self.firms(sent, q) else "other"

    def firms(self, sent: _Sentence, q: Quantity, metric: str | None = None) -> bool:
        """Whether the number's sentence tells it of one firm (``firm_figures.one_firms``); deposits also of a bank named
        after ``của`` (``vốn huy động của Sacombank``)."""
        firm = sent.last(ONE_FIRM, sent.span.start, q.start)
        if firm is not None and one_firms(self.body, firm, q.start, sent.places):
            return True
        if metric != "deposits":  # (``của`` + a name is often a country's short name, but a bank's deposits are its own)
            return False
        clause = sent.clause_of(q.start)
        return named_firm(self.body, max(clause.start, q.start - _NAMED_REACH), q.start, sent.places)

    def fdi_context(self, sent: _Sentence, q: Quantity) -> bool:
        """Capital in a foreign currency, no domestic cue in its sentence, in an article that has told a foreign-
        investment figure before (``… FDI đạt 2 tỷ USD. … Tuy nhiên, vốn thực hiện chỉ đạt 9,7 triệu USD``)."""
        return self.fdi_told and q.unit != "VND" and not sent.last(_DOMESTIC, sent.span.start, sent.span.end)

    def respective(self, sent: _Sentence, q: Quantity, kind: str) -> str | None:
        """``kim ngạch xuất khẩu, nhập khẩu lần lượt đạt 32 tỷ USD và 36 tỷ USD``: the n-th amount of its kind after
        ``lần lượt`` measures the n-th of the metrics listed right before it (``lexicons/metrics.tsv``, priority 3 and
        up); None without such a list."""
        body = self.body
        if body.find("lần lượt", sent.span.start, q.start) < 0 and body.find("thứ tự", sent.span.start, q.start) < 0:
            return None
        m = sent.last(_RESPECTIVE, sent.span.start, q.start)
        if m is None:
            return None
        listed: list[str] = []
        for _, metric, prio in _metric_hits(body, max(sent.span.start, m.start() - _RESPECTIVE_REACH), m.end()):
            # only named flows and totals: a bare ``kim ngạch`` or ``tăng trưởng`` is the measure of the one named
            if metric != "-" and prio >= 3 and (not listed or listed[-1] != metric):
                listed.append(metric)
        if len(listed) < 2:
            return None
        n = sum(1 for o in self._quantities if m.end() <= o.start < q.start and UNIT_KIND.get(o.unit, "") == kind)
        return listed[n] if n < len(listed) else None

    def bilateral(self, loc, partner):
        """(locality, partner) of a two-sided figure with no partner named: Viet Nam's, with the article's
        counterpart (when the locality is Viet Nam or unknown)."""
        cp = self.counterpart
        vn = _vn()
        if cp is None or (loc is not None and loc is not vn and getattr(loc, "country", None) != "VN"):
            return loc, partner
        if loc is not None and loc is not vn:
            return loc, cp.canonical  # a Vietnamese province's trade with the counterpart
        return vn, cp.canonical

    def previous_period(self, si: int, metric: str) -> DateMention | None:
        """The period of the sentence before (ANNOTATION: the period is fixed in the sentence or the one before):
        any date after ``Trong đó``/``Riêng``…, else in the same paragraph the period of its last figure, else a
        period it names (a range, quarter, ``6 tháng đầu năm``; not a bare day or year: when something was said,
        met or founded). Across a paragraph break only a span (not a bare year, not a target's) told of the same measure
        (``FDI … trong nửa đầu năm 2019.`` then ``Hàn Quốc đứng thứ 2 (2,7 tỉ USD) về FDI``)."""
        prev = self.sentence(si - 1).periods
        if _GO_ON.match(self.body, self.sents[si].start):
            return prev[-1] if prev else None
        row = self.rows_of.get(si - 1)  # the paragraph's figures go on in the period of the last one
        if "\n" in self.body[self.sents[si - 1].end:self.sents[si].start]:
            span = self.sents[si - 1]
            told = row["metric"] if row is not None else _best_metric(_metric_hits(self.body, span.start, span.end))[0]
            if (told != metric or row is not None and getattr(row["_period"], "kind", None) != "period"
                    or self.sentence(si - 1).last(_TARGET, span.start, span.end)):
                return None  # not a bare year (``Năm 2015, FDI đạt …``) nor a target's span (``mục tiêu giai đoạn …``)
        if row is not None and row["_period"] is not None:
            return row["_period"]
        spans = [d for d in prev if d.kind == "period"]  # a bare year before may be a founding or an event
        return spans[-1] if spans else None

    def trader(self, sent: _Sentence, clause: Span, q: Quantity, metric: str):
        """Who ships the goods of a flow: the place right after ``xuất khẩu``/``nhập khẩu`` and its goods, before the
        number (``xuất khẩu thủy sản Việt Nam sang …``, ``kim ngạch xuất khẩu của Đồng Nai``), else None."""
        if metric not in _FLOWS:
            return None
        for p in sent.places:
            if clause.start <= p.start < q.start and p.role in ("owner", "normal") and _TRADER_BEFORE.search(
                    self.body, max(clause.start, p.start - 50), p.start):
                return p.place
        return None

    def invested(self, sent: _Sentence, a: int, q: Quantity) -> bool:
        """One phrase of capital crossing a border: a country, the verb ``đầu tư`` right after it, the amount and
        the host right before or after it (``Singapore đã đầu tư vào Việt Nam 2 tỷ USD``, ``doanh nhân Đài Loan
        đầu tư 100 tỷ USD vào Trung Quốc``)."""
        if sent.investment is None:
            return False
        verb = sent.last(_INVEST_VERB, max(a, q.start - _INVEST_REACH), q.start)
        if verb is None:
            return False
        investor, host = sent.investment
        return (any(p.place is investor and _INVEST_GAP.fullmatch(self.body, p.end, verb.start()) for p in sent.places)
                and any(p.place is host and (verb.end() <= p.start < q.start or q.end <= p.start <= q.end + 12)
                        for p in sent.places))

    def paragraph_subject(self, si: int, metric: str):
        """Whose economy a place-less GDP figure is: the subject place of the sentence before, in its paragraph,
        when that sentence is about an economy (``Campuchia tăng trưởng kinh tế 7%/năm.`` then ``GDP bình quân đầu
        người … đạt 1.300 USD``); a place read in a person's name (``bà Nga``) is none. Else None."""
        if metric != "gdp" or si == 0 or "\n" in self.body[self.sents[si - 1].end:self.sents[si].start]:
            return None
        prev = self.sentence(si - 1)
        if not prev.last(_ECONOMY, prev.span.start, prev.span.end):
            return None
        places = [p for p in prev.places if not _HONORIFIC_BEFORE.search(self.body, max(0, p.start - 8), p.start)]
        subject = _topic(places, "sub") or _topic(places, "country")
        return subject.place if subject is not None else None

    def sibling_place(self, si: int, metric: str):
        """Whose figure a place-less one is when its sentence names no place: that of the figure before it in the
        sentence, else in the sentence before in its paragraph (``Xuất khẩu của Đồng Nai đạt X. Nhập khẩu đạt Y.``).
        (A two-sided figure is left to ``bilateral``.)"""
        if self.names_no_side(si, metric):
            return None
        row = self.rows_of.get(si)
        if row is None and self.follows_in_paragraph(si):
            row = self.rows_of.get(si - 1)
        return row["_place"] if row is not None else None

    def implicit_subject(self, si: int, metric: str):
        """Whose figure a place-less one is in a sentence naming no place: the one place the headline names as its
        subject (``Đức: xuất khẩu tháng 9 tăng mạnh``), else Viet Nam when one of its national agencies reports it in the
        sentence or the one before in its paragraph (``Theo Tổng cục Thống kê, …``). Else None."""
        if self.names_no_side(si, metric):
            return None
        sent = self.sentence(si)
        subjects = {p.place.canonical: p.place for p in self.title_places if p.role in ("owner", "normal")}
        if len(subjects) == 1 and not any(p.role not in ("owner", "normal") for p in self.title_places):
            return next(iter(subjects.values()))
        if self.title_places:
            return None
        told = [sent, self.sentence(si - 1)] if self.follows_in_paragraph(si) else [sent]
        if any(t.last(_NATIONAL_SOURCE, t.span.start, t.span.end) for t in told):  # (found once per sentence)
            return _vn()
        return None

    def names_no_side(self, si: int, metric: str) -> bool:
        """Whether sentence ``si`` gives a place-less figure no side to borrow: it names a place, or the figure is
        two-sided (left to ``bilateral``)."""
        sent = self.sentence(si)
        return bool(sent.places) or metric == "trade_turnover" or sent.last(_BILATERAL, sent.span.start,
                                                                             sent.span.end) is not None

    def follows_in_paragraph(self, si: int) -> bool:
        """Whether sentence ``si`` has a sentence before it in its paragraph."""
        return si > 0 and "\n" not in self.body[self.sents[si - 1].end:self.sents[si].start]

    def drop(self, q: Quantity, reason: str) -> None:
        """Not a figure: the reason is kept by offset (``scripts/figure_errors.py`` reads it)."""
        self.dropped[q.start] = reason

    def growth_of(self, sent: _Sentence, a: int, pos: int) -> str:
        """A bare ``tăng trưởng``: GDP when an economy (``kinh tế``, a country, a province…) is its subject or
        the owner named after it, nearer than a firm, a sector or a demand (``Công ty X tăng trưởng 25%``,
        ``nhu cầu điện``)."""
        body, start = self.body, sent.span.start
        g = sent.last_end(_GROWTH_WORD, a, pos)
        if g >= 0 and _ECONOMY_NEXT.match(body, g, pos):
            return "gdp"  # ``tốc độ tăng trưởng kinh tế``, ``tăng trưởng GDP``
        if g >= 0 and _NOT_ECONOMY.match(body, _SPACES_AT.match(body, g, pos).end(), pos):
            return "other"  # ``tốc độ tăng trưởng container``: the growth of what is named right after it
        word = g if g >= 0 else pos
        eco = sent.last_end(_ECONOMY, start, word)
        for p in sent.places:  # a place before the growth word, or its owner after it (``tăng trưởng của Ấn Độ``)
            if self.owned_thing(sent, p):
                continue  # ``du lịch Hà Nội``: the place owns the thing named before it, not the growth
            if p.start < word and p.role in ("owner", "normal") or (
                    word <= p.start < pos and p.role == "owner" and sent.last_end(_NOT_ECONOMY, word, p.start) < 0):
                eco = max(eco, p.end)
        return "gdp" if eco >= 0 and eco >= sent.last_end(_NOT_ECONOMY, start, word) else "other"

    def owned_thing(self, sent: _Sentence, p: _Place) -> bool:
        """Whether a place is named right after a thing that is no economy (``du lịch Hà Nội``, ``ngành thép Nhật Bản``)."""
        end = sent.last_end(_NOT_ECONOMY, max(sent.span.start, p.start - 30), p.start)
        return end >= 0 and not self.body[end:p.start].strip()

    def flow_of(self, si: int, pos: int) -> str:
        """A bare ``kim ngạch``: exports or imports when the text talks of one flow only (the sentence, else the
        nearest of the two sentences before it that names a flow)."""
        if self.sentence(si).last(_BOTH_FLOWS, self.sents[si].start, pos):
            return "trade_turnover"
        para = self.body.rfind("\n", 0, self.sents[si].start)
        for j in range(si, max(-1, si - 3), -1):
            span, sent = self.sents[j], self.sentence(j)
            if span.start < para:
                break
            end = pos if j == si else span.end
            x, n = sent.last(_EXPORTS, span.start, end), sent.last(_IMPORTS, span.start, end)
            if x or n:
                return "trade_turnover" if x and n else "export_value" if x else "import_value"
        return "trade_turnover"

    def foreign(self, sent: _Sentence, pos: int, end: int | None = None) -> bool:
        """Foreign capital: a foreign cue before the number (``FDI``, ``nước ngoài``, or ``đầu tư vào`` a country
        by another country), a foreign country as the sentence's first place, or as a firm's or where the capital
        goes in the number's clause (``doanh nghiệp Hoa Kỳ``, ``… (Mỹ) đầu tư``, ``đầu tư sang Lào``), with no
        domestic cue nearer; or
        a foreign country owning the number right after it (``11 dự án của Hàn Quốc``, ``… của quốc gia này``)."""
        if end is not None and self.foreign_owner_after(sent, end):
            return True
        start = sent.span.start
        f = sent.last_end(_FOREIGN, start, pos)
        if f < 0:
            into = {p.place.country for p in sent.places if p.start < pos and p.role == "into"
                    and p.place.level == "country" and _INVEST_INTO.search(self.body, max(start, p.start - 20), p.start)}
            if into and any(p.place.level == "country" and p.place.country not in into and p.role in ("normal", "owner")
                            for p in sent.places if p.start < pos):
                f = start
        if f < 0 and (sent.investment is not None or self.details_fdi(sent)):
            f = start
        if f < 0 and any(p.place.level == "country" and p.place.country != "VN" and p.start < min(sent.clause_of(pos).end, pos + _SIDE_REACH)
                         and _FOREIGN_SIDE.search(self.body, max(start, p.start - 30), p.start) for p in sent.places):
            f = start
        if f < 0 and (lead := next((p for p in sent.places if p.start < pos), None)) is not None and (
                lead.start - start <= _SUBJECT_REACH and lead.place.level == "country" and lead.place.country != "VN"
                and lead.role in ("normal", "owner")):
            f = start  # the sentence's subject is a foreign country: its capital is foreign (`Hàn Quốc … vốn đầu tư`)
        return f >= 0 and sent.last_end(_DOMESTIC, start, pos) < f

    def foreign_owner_after(self, sent: _Sentence, end: int) -> bool:
        """A foreign cue in the words right after a percentage (``chiếm 12% tổng vốn FDI``), or a foreign country
        marked ``của`` right after a number (or ``của nước này`` standing for one)."""
        stop = sent.tail(end, sent.clause_of(end))
        if self.body.startswith("%", end - 1) and sent.last(_FOREIGN, end, stop):
            return True  # what a share is of
        m = _OF_AFTER.search(self.body, end, stop)
        if m is None:
            return False
        owner = next((p.place for p in sent.places if m.end() <= p.start < stop and p.role == "owner"), None)
        if owner is None and _ANAPHOR_COUNTRY.match(self.body, m.end() + 1, stop):
            owner = self.antecedent(sent.index, "country")
        return owner is not None and owner.level == "country" and owner.country != "VN"

    def ranked_metric(self, si: int, q: Quantity) -> str | None:
        """The metric of an amount in a ranking sentence: named after ``về`` later in it (``… về FDI``), else
        that of the figure of the sentence before (``Nhật Bản đứng thứ 3 với 1,9 tỉ USD``)."""
        sent = self.sentence(si)
        about = sent.last(_ABOUT, q.end, sent.span.end) if sent.first_start(_ABOUT, q.end, sent.span.end) < sent.span.end \
            else None
        if about is not None:
            metric, _ = _best_metric(_metric_hits(self.body, about.end(), min(sent.span.end, about.end() + 40)))
            if metric not in (None, "-"):
                return metric
        prev = self.rows_of.get(si - 1)
        return prev["metric"] if prev is not None else None

    def apposed(self, sent: _Sentence, q: Quantity):
        """The place right before an amount (``Hong Kong (5,3 tỉ USD)``, ``Nhật Bản … với 1,9 tỉ USD``), else None."""
        before = [p for p in sent.places if p.end <= q.start]
        if before and _APPOSED_GAP.fullmatch(self.body, before[-1].end, q.start):
            return before[-1].place
        return None

    def level_pct(self, sent: _Sentence, clause: Span, q: Quantity) -> bool:
        """``tăng từ 33,1% lên 38,5%``: both percentages are levels, unless they are a growth rate's."""
        lead = self.body[max(clause.start, q.start - 80):q.start]
        m = _FROM_LEVEL.search(lead) or _TO_AFTER_FROM.search(lead)
        return m is not None and not sent.last(_RATE, clause.start, q.start - len(lead) + m.start())

    def details_prices(self, sent: _Sentence) -> bool:
        """``Chỉ số giá tiêu dùng tăng 0,6%. Cụ thể, lương thực tăng 1,4%, dịch vụ 0,9%``: a sentence detailing a price
        index told in the sentence before."""
        if sent.index == 0 or not _GO_ON.match(self.body, sent.span.start):
            return False
        prev = self.sents[sent.index - 1]
        return self.sentence(sent.index - 1).last(_PRICE_INDEX, prev.start, prev.end) is not None

    def details_fdi(self, sent: _Sentence) -> bool:
        """``… vốn FDI … . Trong đó, Singapore có 366 dự án``: a sentence detailing foreign investment told before."""
        prev = self.rows_of.get(sent.index - 1)
        return prev is not None and prev["metric"] in _FDI and bool(_GO_ON.match(self.body, sent.span.start))

    def ratio_to_before(self, sent: _Sentence, clause: Span, q: Quantity):
        """The ratio word (``bằng``) of a percentage compared with the same period before (``bằng 140,9% so với cùng
        kỳ``: a level of 140,9% of last year's, not a share), else None."""
        r = sent.last(_RATIO_WORD, max(clause.start, q.start - _RATIO_REACH), q.start)
        return r if r is not None and _SAME_PERIOD_AFTER.match(self.body, q.end, clause.end) else None

    @staticmethod
    def changed(window: str) -> bool:
        """An amount told as a change (``giảm thu ngân sách gần 100 tỉ``), not a level."""
        verbs = list(_VERB.finditer(window))
        return bool(verbs) and not _LEVEL_AFTER_VERB.search(window, verbs[-1].end())

    def unit_metric(self, q: Quantity, metric: str | None, window: str, clause: Span, kind: str,
                    sent: _Sentence) -> str | None:
        body = self.body
        if q.unit == "vehicle":
            return "vehicle_crossings" if sent.last(_VEHICLE_CUE, sent.span.start, clause.end) else None
        if q.unit in ("tonne", "TEU", "container"):
            # a tonnage bought, grown, mined or stocked is not traded, unless a trade word comes after that verb
            other = _last(_NOT_TRADE_TONNE, window, _last(_PUNCT, window, 0, len(window)) + 1, len(window))
            near = window + body[q.end:q.end + 30] if other < 0 else window
            if metric in ("export_value", "export_volume") and other < 0 or _last(_EXPORT, near, 0, len(near)) > other:
                return "export_volume"
            return "goods_volume" if _last(_GOODS_CUE, near, 0, len(near)) > other else None
        if q.unit == "project":
            if not sent.last(_INVEST, clause.start, clause.end):
                return None
            if sent.last(_DOMESTIC, q.end, sent.tail(q.end, clause)):
                return "other"
            return ("fdi_projects" if sent.last(_FOREIGN, clause.start, clause.end) or metric in _FDI
                    or self.foreign(sent, q.start, q.end) else "other")
        if metric in ("goods_volume", "vehicle_crossings"):
            return None  # only tonnes and vehicles measure these
        if kind == "currency" and metric == "export_volume":
            return "export_value"
        if kind == "currency" and metric == "fdi_projects":
            return "fdi_capital"
        if kind == "currency" and metric in _SECTORS and "giá trị" not in window.lower():
            return None  # a sector word beside money is rarely the sector's output
        return metric

    def locality(self, q: Quantity, si: int, clause: Span, seg_start: int, fdi: bool):
        """Whose figure, from the figure's own stretch of text, then the sentence before it, then a ``của X``
        right after the number (``chiếm 8% GDP của Nam Phi``): a place (see ``_choose``), else ``cả nước``
        (Việt Nam), else what an anaphor (``thành phố``, ``tỉnh``, ``nước này``, ``hai bên``) refers to, else
        None. Partners, compared places and other places after the number are never the locality."""
        body = self.body
        sent = self.sentence(si)
        stop = sent.tail(q.end, clause)
        ok = ("owner", "normal", "into") if fdi else ("owner", "normal")
        cands = [p for p in sent.places if p.role in ok]
        spans = [(seg_start, q.start)]
        if not _ENTITY.match(body, seg_start, q.start):
            spans.append((sent.span.start, seg_start))
        for a, b in spans:
            p = _choose([p for p in cands if a <= p.start < b])
            if p is not None:
                return p.place
            ref = self.reference(si, a, b)
            if ref is not False:
                return ref
        after = [p for p in cands if p.role == "owner" and q.end <= p.start < stop]
        if after:
            return after[0].place
        m = _OF_AFTER.search(body, q.end, stop)
        ref = self.reference(si, m.start(), stop) if m else False
        return ref if ref is not False else None

    def reference(self, si: int, a: int, b: int):
        """The place a nation word or an anaphor in ``body[a:b]`` stands for (None: unresolved); False: none."""
        sent = self.sentence(si)
        if sent.last(_NATION, a, b):
            return _vn()
        if sent.last(_TWO_COUNTRIES, a, b):
            return _vn() if self.counterpart is not None else self.antecedent(si, "country")
        if sent.last(_ANAPHOR_COUNTRY, a, b):
            return self.antecedent(si, "country")
        sub = sent.last(_ANAPHOR_SUB, a, b)
        if sub:  # the last one: ``trên địa bàn huyện`` is the district
            return self.antecedent(si, sub.lastgroup)
        if sent.last(_ANAPHOR_BOTH, a, b):
            return self.antecedent(si, "sub") or self.antecedent(si, "country")
        return False

    def row(self, q: Quantity, si: int, clause: Span, seg_start: int, metric: str, measure: str,
            value: float, ranked: bool = False) -> dict:
        sent = self.sentence(si)
        fdi = metric in _FDI
        if ranked:  # an entry of a ranking: its own place, the same counterpart
            loc_place = (self.apposed(sent, q) or (sent.investment[0] if fdi and sent.investment else None)
                         or self.locality(q, si, clause, seg_start, fdi))
            before = self.rows_of.get(si) or self.rows_of.get(si - 1) or {}
            partner = sent.investment[1].canonical if fdi and sent.investment else before.get("partner")
            if partner == getattr(loc_place, "canonical", None):
                partner = None
        elif fdi and sent.investment is not None:  # the investor's figure, the host its partner
            loc_place, host = sent.investment
            partner = host.canonical
        else:
            loc_place = (self.trader(sent, clause, q, metric) or self.locality(q, si, clause, seg_start, fdi)
                         or self.paragraph_subject(si, metric) or self.sibling_place(si, metric))
            # ``100 tỉ USD giữa hai nước thì riêng … với Quảng Tây …``: a place past a conjunction is another figure's
            cut = sent.first_start(_CONJ, q.end, sent.span.end)
            partner = _pick_partner([p for p in sent.places if p.start < cut], q.start, clause, loc_place, fdi,
                                    metric == "trade_turnover")
            if metric in _FLOWS and sent.last(_TO_ANAPHOR, clause.start, q.start):  # ``… sang thị trường này``
                market = self.antecedent(si, "country")  # Viet Nam as the market of goods no one is named to ship: no
                if market is not None and market is not loc_place and (market.country != "VN" or loc_place is not None):
                    partner = market.canonical
            loc_place, partner = self.list_entry(sent, q, loc_place, partner)
            if loc_place is None and partner is None:
                loc_place = self.implicit_subject(si, metric)
        if measure == "share_pct":
            loc_place, partner = self.share_sides(sent, q, metric, loc_place, partner)
        if partner is None and (metric == "trade_turnover" or sent.last(_BILATERAL, sent.span.start, sent.span.end)):
            loc_place, partner = self.bilateral(loc_place, partner)
        elif metric == "trade_turnover":
            loc_place, partner = _vietnam_side_first(loc_place, partner)
        elif metric == "other" and self.counterpart is not None and sent.last(_AID, sent.span.start, q.start):
            # aid from abroad, its recipient unnamed (``Thủ tướng New Zealand công bố dự án ODA … 1,5 triệu đô-la``):
            # Viet Nam's, the donor its partner
            recipient, donor = _vietnam_side_first(loc_place, partner or getattr(_vn(), "canonical", None))
            if recipient is not loc_place:
                loc_place, partner = recipient, donor
        elif loc_place is None and partner and metric in _FLOWS and self.counterpart is not None:
            other = _lookup(partner)  # goods sent to or bought from abroad, no trader named: Viet Nam's
            if other is not None and other.country != "VN":
                loc_place = _vn()
        period = sent.period(q.start, q.end, clause) or sent.compared_year(q.end, clause)
        if period is None and si > 0:
            period = self.previous_period(si, metric)
            own = sent.own_date_unresolved(q.start, q.end)
            if own is not None:  # its own period, in the year of the one before (``… năm 2004. Quý II, …``; not
                # ``tháng 11 năm ngoái``, which counts from the publication)
                period = (sent.in_year(own, period.period_start.year)
                          if period is not None and not _RELATIVE_DATE.search(own.text) else None)
        product = None
        if metric not in ("gdp", "budget_revenue", "deposits", "fixed_asset_investment"):
            after = _PRODUCT_GAP.match(self.body, q.end).end()
            prod = (q.unit != "percent" and _PRODUCT_RX.match(self.body, after)
                    or sent.last(_PRODUCT_RX, clause.start, q.start))
            product = prod.group() if prod else None
        back = self.rows_of.get(si - 1) if _REFER_BACK.match(self.body, sent.span.start) else None
        if back is not None:  # ``Mức này tăng 11%``: the figure before, with its product and sides
            product = product or back["product"]
            loc_place = loc_place or back["_place"]
            partner = partner or back["partner"]
        usd, usd_source = None, None
        if UNIT_KIND.get(q.unit) == "currency":
            year = period.period_start.year if period else self.doc.reference_year
            usd, usd_source = usd_equivalent(float(value), q.unit, q.value_usd, year)
        out = self.rows_of[si] = {
            "metric": metric,
            "measure": measure,
            "value": float(value),
            "unit": q.unit,
            "value_usd": usd,
            "value_usd_source": usd_source,
            "qualifier": q.qualifier,
            "product": product,
            "locality": getattr(loc_place, "canonical", None),
            "partner": partner,
            "period_start": period.period_start if period else None,
            "period_end": period.period_end if period else None,
            "evidence": sent.span.text,
            "evidence_start": sent.span.start,
            "evidence_end": sent.span.end,
        }
        out["_place"], out["_period"] = loc_place, period
        return out


def _plan_spans(body: str) -> list[tuple[int, int]]:
    """The lines under each heading naming a plan or targets: list items or table cells, up to the first line of prose."""
    if ":\n" not in body:
        return []
    spans = []
    for m in _PLAN_HEADING.finditer(body):
        if _DONE_HEADING.search(m.group()):
            continue  # ``Kết quả thực hiện kế hoạch 9 tháng:``: the outturn against a plan
        start = end = m.end() + 1
        while end < len(body):
            nl = body.find("\n", end)
            nl = len(body) if nl < 0 else nl
            line = body[end:nl]
            if not line.strip() or not (_LIST_LINE.match(line.lstrip()) or len(line) <= _CELL_MAX):
                break
            end = nl + 1
        spans.append((start, end))
    return spans


def _volume_or_value(body: str, end: int, metric: str) -> str:
    """A percentage's metric as the words after it name it: ``… về lượng`` a flow's volume, ``… về giá trị`` its value,
    ``… số dự án`` the projects' count."""
    if metric in _VOLUME_OF and _near(_BY_VOLUME, body, end):
        return _VOLUME_OF[metric]
    if metric == "export_volume" and _near(_BY_VALUE, body, end):
        return "export_value"
    if metric == "fdi_capital" and _near(_OF_PROJECTS, body, end):
        return "fdi_projects"
    if metric == "fdi_projects" and _near(_OF_CAPITAL, body, end):
        return "fdi_capital"
    return metric


def _vietnam_side_first(loc, partner: str | None):
    """A two-way trade between Viet Nam and a foreign country (or aid a foreign country gives it) is Viet Nam's,
    the other its partner, whichever is named first (``thương mại giữa Thái Lan và Việt Nam``); a province's or a
    foreign region's keeps its order."""
    other = _lookup(partner) if partner else None
    if (other is not None and other.level == "country" and other.country == "VN"
            and getattr(loc, "level", None) == "country" and loc.country != "VN"):
        return other, loc.canonical
    return loc, partner


def _inside(pos: int, starts: list[int], qs: list[Quantity]) -> bool:
    """Whether ``pos`` lies inside one of the quantities (sorted by start, ``starts`` their starts)."""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < qs[i].end


def _drop_lead_repeats(body: str, rows: list[dict]) -> list[dict]:
    """A figure of the first paragraph told again further on (a lead, or a news-in-brief list of headlines:
    ``Honda nộp ngân sách hơn 390 tỷ đồng VPBank đạt …``) is kept once, from the body where its details are."""
    lead_end = body.find("\n")
    if lead_end < 0:
        return rows
    def key(r: dict) -> tuple:
        return r["metric"], r["measure"], r["value"], r["unit"], r["partner"]

    later = {key(r) for r in rows if r["evidence_start"] > lead_end}
    return [r for r in rows if r["evidence_start"] > lead_end or key(r) not in later]


def _alternatives(body: str, qs: list[Quantity]) -> set[int]:
    """Starts of quantities told as alternatives (``là 8% hay 8,5%``, with the list before it: ``7,5%, là 8%``)."""
    out: set[int] = set()
    for i in range(len(qs) - 1):
        x, y = qs[i], qs[i + 1]
        if x.unit != y.unit or not _ALT_GAP.fullmatch(body, x.end, y.start):
            continue
        out.update((x.start, y.start))
        j = i
        while j > 0 and qs[j - 1].unit == x.unit and qs[j - 1].start not in out \
                and _LIST_SEP.fullmatch(body, qs[j - 1].end, qs[j].start):
            j -= 1
            out.add(qs[j].start)
    return out


# ``1,4-1,5 tỷ USD``, ``30-35%`` (one quantity, read as its midpoint by ``numbers``) or ``từ 3,2 tỷ đồng đến 3,3 tỷ
# đồng`` (two): a range, annotated by its bounds when at all (dev gold: ``target 1.7-2 bn USD``, lower and upper bound).
_RANGE_TEXT = regex.compile(r"\d\s*(?:%|[^\W\d]+)?\s*(?:[-–]|\s(?:đến|tới)\s)\s*\d")
_RANGE_GAP = regex.compile(r"\s+(?:đến|tới)\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?")
_FROM_BEFORE = regex.compile(r"(?<!\w)từ\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?$")


def _ranges(body: str, qs: list[Quantity]) -> set[int]:
    """Starts of the quantities that tell a range, not one value: a midpoint read from ``X-Y``, or both ends of ``từ X
    đến Y`` in one unit."""
    out = {q.start for q in qs if q.qualifier == "approx" and _RANGE_TEXT.search(q.text)}
    for x, y in zip(qs, qs[1:], strict=False):
        if (x.unit == y.unit and _RANGE_GAP.fullmatch(body, x.end, y.start)
                and _FROM_BEFORE.search(body, max(0, x.start - 20), x.start)):
            out.update((x.start, y.start))
    return out


# ``14 triệu bảng Anh (khoảng 394 tỉ đồng)``, ``50 tỷ yen, tương đương 6.000 tỷ đồng``: the same amount in another
# currency (a USD one is the figure's ``value_usd``, merged by ``numbers``).
_CONVERTED_GAP = regex.compile(r"\s*(?:\(|,|-|–)?\s*(?:khoảng\s+|tương\s+đương(?:\s+với)?\s+|tức\s+(?:là\s+)?|hay\s+|gần\s+"
                               r"|xấp\s+xỉ\s+|chừng\s+)*")


def _conversions(body: str, qs: list[Quantity]) -> set[int]:
    """Starts of the amounts that restate the amount right before them in another currency, in brackets or after
    ``tương đương``."""
    out = set()
    for x, y in zip(qs, qs[1:], strict=False):
        if (x.unit != y.unit and UNIT_KIND.get(x.unit) == UNIT_KIND.get(y.unit) == "currency"
                and _CONVERTED_GAP.fullmatch(body, x.end, y.start)
                and ("(" in body[x.end:y.start] or "tương" in body[x.end:y.start])):
            out.add(y.start)
    return out


def _country(iso2: str):
    from pipeline.gazetteer import country_name
    name = country_name(iso2)
    return _lookup(name) if name else None


def _lookup(name: str):
    from pipeline.gazetteer import lookup
    return lookup(name)


def _vn():
    global _VN
    if _VN is None:
        try:
            from pipeline.gazetteer import lookup
            _VN = lookup("Việt Nam")
        except ImportError:  # pragma: no cover
            _VN = False
    return _VN or None


def extract_figures(doc: ArticleText) -> list[dict]:
    """Contract ``trade_figures`` rows (without ``figure_id``/``article_id``) for one article."""
    if not doc.body:
        return []
    return _Extractor(doc).run()
