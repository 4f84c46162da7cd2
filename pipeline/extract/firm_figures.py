"""Figures of one firm or one person, which ``trade_figures`` leaves out.

ANNOTATION's figures are statistics of a place or an economy (trade, exports, FDI, GDP, budget revenue,
deposits, investment, sector growth). A company's revenue, sales or profit, the earnings of one farmer, and
the exports, imports or taxes of one named firm (``Công ty X xuất khẩu 3 triệu USD``, ``kim ngạch xuất khẩu
của công ty``) are descriptors of that firm, not such statistics. Kept: the revenue of a sector or an economy
(``doanh số bán lẻ``, ``doanh thu du lịch của tỉnh``, ``doanh thu toàn ngành``, ``doanh thu của các doanh
nghiệp FDI``), a firm only quoted as the source of a figure of the economy (``Tổng công ty X cho biết, cả nước
đã xuất khẩu …``), and the capital of a project or the value of a contract (not read here).
"""

from __future__ import annotations

import regex

__all__ = ["ONE_FIRM", "REVENUE", "named_firm", "revenue_of_economy", "one_firms"]

_FLAGS = regex.IGNORECASE
_FIRM_NOUN = (r"(?:công\s+ty|doanh\s+nghiệp|dự\s+án|đơn\s+vị|ngân\s+hàng|siêu\s+thị|cửa\s+hàng|cơ\s+sở|hãng|tập\s+đoàn|nhà\s+máy"
              r"|xí\s+nghiệp|nhà\s+cung\s+cấp|khách\s+sạn|hợp\s+tác\s+xã)")
# What a firm's revenue is named by: ``doanh thu``, ``doanh số`` (a profit or a loss is a blocker in metrics.tsv).
REVENUE = regex.compile(r"(?<!\w)doanh\s+(?:thu|số)(?!\w)", _FLAGS)
# The economy or the sector that owns a revenue, told before it (``Khu vực FDI đạt doanh thu``, ``Ngành du lịch đạt
# doanh thu``, ``các doanh nghiệp … đạt doanh thu``) or between it and its number (``doanh số bán lẻ``, ``doanh thu
# của thương nghiệp``, ``khách sạn, nhà hàng``, ``doanh thu toàn ngành``, ``của thị trường``, ``của khu vực này``).
_SECTOR_SUBJECT = (
    r"bán\s+lẻ|thương\s+nghiệp|khách\s+sạn(?:,|\s+và)?\s+nhà\s+hàng|du\s+lịch|cả\s+nước|nước\s+ta|toàn\s+quốc"
    r"|nền\s+kinh\s+tế|toàn\s+(?:ngành|thị\s+trường|xã\s+hội|cầu|thế\s+giới|khu\s+vực)|ngành\s+(?!này|đó)\w+"
    r"|(?:khu\s+vực|khối)(?:\s+kinh\s+tế)?\s+(?:có\s+vốn|FDI|đầu\s+tư|nhà\s+nước|tư\s+nhân|ngoài\s+quốc\s+doanh|dân\s+doanh)"
    r"|(?:các|những|toàn\s+bộ|tất\s+cả)\s+(?:[\w-]+\s+){0,2}?" + _FIRM_NOUN
    + r"(?!(?:\s+[\w-]+){0,3}?\s+(?:này|đó|trên|nói\s+trên)(?!\w))")
_OWNER_BEFORE = regex.compile(r"(?<!\w)(?:" + _SECTOR_SUBJECT + r")(?!\w)", _FLAGS)
_OWNER_AFTER = regex.compile(r"(?<!\w)(?:" + _SECTOR_SUBJECT + r"|(?:của\s+)?(?:ngành|thị\s+trường|lĩnh\s+vực|khu\s+vực)(?=\s))(?!\w)",
                             _FLAGS)
# ``của`` + a capitalised name (``của Aldi``, ``của VNPT``); the state, an authority or a region is no firm.
_NAMED_OWNER = regex.compile(r"(?<!\w)của\s+(?P<name>(?!(?:Nhà\s+nước|Chính\s+phủ|Bộ|Sở|Tổng\s+cục|Cục|Ủy\s+ban|Uỷ\s+ban|UBND|TP|Tp"
                             r"|Thủ\s+đô|VN|EU|ASEAN|APEC|Liên|Châu|Đông|Tây|Nam|Bắc|Trung|Khu|Vùng|Ngành|Thành|Tỉnh|Huyện|Quận"
                             r"|Hiệp\s+hội|Nhà|Các|Những)(?!\w))\p{Lu})")
# a place marked as whose the revenue is, told right before it (``doanh thu du lịch của Đà Nẵng``, ``tại nước này``)
_MARKED_PLACE = regex.compile(r"(?:của|tại|ở)\s+(?:\w+\s+){0,2}$")
_OWNER_REACH = 60  # characters before a revenue word within which its owner (``Khu vực FDI đạt doanh thu``) is named
# One firm as the subject or the owner of a figure: a firm's (or a brand's) head noun not after a plural (``các công
# ty``), or a firm referred back to (``doanh nghiệp này``); analysts and news agencies only quote figures.
ONE_FIRM = regex.compile(
    r"(?<!(?:các|những|nhiều|mọi|số|vài|một\s+số|hàng\s+chục|hàng\s+trăm|\d)\s+)(?<!\w)"
    r"(?:(?:tổng\s+)?công\s+ty|tập\s+đoàn|hãng|nhà\s+máy|xí\s+nghiệp|hợp\s+tác\s+xã|HTX|nhãn\s+hiệu|thương\s+hiệu"
    r"|(?:doanh\s+nghiệp|DN|ngân\s+hàng|đơn\s+vị)\s+(?:này|đó|trên|nói\s+trên))(?!\w)"
    r"(?!\s+(?:tin|thông\s+tấn|nghiên\s+cứu|tư\s+vấn|kiểm\s+toán|khảo\s+sát|xếp\s+hạng|phân\s+tích)(?!\w))", _FLAGS)
_NAME_REACH = 45  # characters after a firm's head noun within which a place with no punctuation between is its name's
# After a firm is named, the economy as a new subject (``Tổng công ty X cho biết, cả nước đã xuất khẩu …``).
_AGGREGATE = regex.compile(r"(?<!\w)(?:cả\s+nước|nước\s+ta|toàn\s+quốc|toàn\s+ngành|VN|(?:các|những|nhiều)\s+"
                           + _FIRM_NOUN + r")(?!\w)", _FLAGS)
_SOURCE_BEFORE = regex.compile(r"(?<!\w)theo\s+(?:(?:thông\s+tin|số\s+liệu|báo\s+cáo|thống\s+kê)\s+)?(?:(?:của|từ)\s+)?"
                            r"(?:một\s+)?$", _FLAGS)
_PUNCT = regex.compile(r"[,;:()\"“”]")
_NAME_VN = regex.compile(r"(?:[^\S\n]+[\w-]+){0,6}?[^\S\n]+VN(?!\w)")  # ``Tổng công ty Bưu chính Viễn thông VN``


def revenue_of_economy(body: str, clause_start: int, word_start: int, end: int, places: list) -> bool:
    """Whether the revenue named at ``word_start`` (before a number at ``end``) is a sector's or an economy's: an
    owner named a little before the word (``_OWNER_BEFORE``) or between it and the number (``_OWNER_AFTER``), or a place marked as whose it is
    (``doanh thu du lịch của Đà Nẵng``, ``doanh số bán lẻ tại nước này``) between the word and the number.

    ``places`` are the sentence's places with their roles (``figures._Place``)."""
    if named_firm(body, word_start, end, places):
        return False  # ``doanh số bán lẻ của Aldi``
    if (_OWNER_AFTER.search(body, word_start, end)
            or _OWNER_BEFORE.search(body, max(clause_start, word_start - _OWNER_REACH), word_start)):
        return True
    return any(word_start < p.start < end and p.role in ("owner", "venue", "normal")
               and _MARKED_PLACE.search(body, max(word_start, p.start - 20), p.start)
               for p in places)


def named_firm(body: str, start: int, end: int, places: list) -> bool:
    """Whether ``body[start:end]`` names an owner by ``của`` and a capitalised name that is no place (``doanh số bán lẻ
    của Aldi``, ``kim ngạch xuất khẩu của Savimex``): a firm's."""
    named = _NAMED_OWNER.search(body, start, end)
    return named is not None and not any(p.start == named.start("name") for p in places)


def one_firms(body: str, firm: regex.Match, end: int, places: list) -> bool:
    """Whether the figure at ``end`` is told of one firm: ``firm``, the last one named before it (``ONE_FIRM``) and not
    as a source (``Theo công ty X, …``), has no other subject after it (the economy, many firms, or a place outside the
    firm's name)."""
    if _SOURCE_BEFORE.search(body, max(0, firm.start() - 40), firm.start()):
        return False  # ``Theo một công ty chuyển tiền, …``: the firm is where the figure comes from
    name_end = firm.end()
    for p in places:  # a place in the firm's name (``Công ty cao su Đà Nẵng``) is no other subject
        if name_end <= p.start < end and p.start - name_end <= _NAME_REACH and not _PUNCT.search(body, name_end, p.start):
            name_end = p.end
    vn = _NAME_VN.match(body, name_end, end)
    if vn is not None and vn.end() - name_end <= _NAME_REACH:
        name_end = vn.end()
    if _AGGREGATE.search(body, name_end, end):
        return False
    return not any(name_end <= p.start < end and p.role in ("owner", "normal") for p in places)
