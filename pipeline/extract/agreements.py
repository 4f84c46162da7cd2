"""Agreements (letters of intent, MOUs, cooperation agreements, minutes, friendship relations,
joint statements) told in an article's body.

A document type counts when a signing verb (``ký``, ``ký kết``, ``trao``) or, for relations, an
establishing verb (``thiết lập``) governs it; a planned cue before that verb (``sẽ``, ``thúc đẩy
sớm``, ``mong muốn``) makes it ``planned``. Date, parties and mode fall back to the meeting the
signing took place at.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

import regex

from pipeline.dates import TRIP_FRAME, improves, stated, within
from pipeline.extract import ArticleText
from pipeline.extract.events import (
    AGREEMENT_ROWS,
    CUE_PATTERNS,
    CUES,
    SCOPE_ROWS,
    YEAR_RANGE,
    Hit,
    Scope,
    SentenceIndex,
    When,
    article_countries,
    article_sides,
    best_date,
    country_name,
    cue_before,
    cue_in,
    dates_in,
    fields_in,
    hits,
    is_venue,
    lookup_place,
    mode_of,
    place_sides,
    places_in,
    scope_in,
    unique,
    word_alt,
)
from pipeline.extract.meetings import Mention, meeting_groups, previews_visit
from pipeline.extract.parties import ministries_between, parties_between, parties_of_signing, party_places
from pipeline.extract.plans import DAY_SAID, opens_with_plan, planned_by_context
from pipeline.text import Span

_TYPES = [(t, flags) for _, t, flags, _ in AGREEMENT_ROWS]
# Words allowed between a document and the relation it sets up (`Ý định thư thiết lập quan hệ hữu nghị`).
_CONTENT_LINK = regex.compile(r"(?i)^\s*(?:(?:về|việc|nhằm|thiết lập|xác lập|quan hệ|kết nghĩa|chính thức|gia hạn|sửa đổi|"
                              r"bổ sung|thực hiện|triển khai)\s*)*$")
_VERB_WINDOW = 90
_LISTED = regex.compile(r"\s*(?:,|và|hoặc)\s*")
# A document right after one of these opens the next item of a list (`…; Bản ghi nhớ …`, `, và Hiệp định`).
_ITEM_SEP = regex.compile(r"(?:[,;:]|(?<!\w)(?:và|gồm|bao gồm|là))\s*$")
_LIST_OPENER = regex.compile(r"\s*(?:Đó là|Đây là|Gồm|Bao gồm|Cụ thể(?: đó)?|Các văn kiện (?:gồm|bao gồm))(?:\s+là)*\s*:?\s*")
_PARTIAL = regex.compile(r"(?<!\w)trong đó(?: có)?\s*:?\s*$")  # `9 văn kiện …, trong đó có Bản ghi nhớ …`
_ITEM_BOUNDARY = regex.compile(r";|:|(?<!\w)(?:gồm|bao gồm)(?!\w)")
_BULLET = regex.compile(r"\s*[-–+•*]\s*")
_ITEM_START = regex.compile(r"\s*(?:[-–+•*]|\d{1,2}[.)])?\s*")  # the start of a listed line
_LIST_HEAD = regex.compile(r":\s*$|(?<!\w)(?:gồm|bao gồm|như sau)\s*:?\s*$", regex.M)
_CEREMONY = regex.compile(r"(?i)(?<!\w)(?:lễ (?:ký|kí|trao)|chứng kiến|trao đổi (?:\d+ |các )?văn kiện)(?!\w)")
# `Kết thúc hội đàm, …` / `Sau hội đàm, …`: the signing belongs to the meeting just told.
_AFTER_MEETING = regex.compile(
    r"(?i)(?<!\w)(?:kết thúc|sau|ngay sau|bên lề|nhân dịp|trong|tại|trong khuôn khổ)\s+(?:cuộc\s+|buổi\s+|phiên\s+|chuyến\s+)?"
    r"(?:hội đàm|hội kiến|hội nghị|kỳ họp|phiên họp|làm việc|chuyến thăm|thăm|tiếp|t[oọ]a đàm|to[ạa] đàm|diễn đàn|hội thảo)(?!\w)")
_PAIR_NAMED = regex.compile("|".join(rx.pattern for side, rx, _ in SCOPE_ROWS if side == "pair"))  # `Việt - Nga`
_CEREMONY_AHEAD = regex.compile(r"\s*(?:Buổi\s+)?[Ll]ễ\s+(?:ký|kí)(?:\s+kết)?\s*$")  # the ceremony is the subject
# A place in the name of a project or a work (`đường cao tốc Hà Nội - Viêng Chăn`) is no party.
_PROJECT_BEFORE = regex.compile(r"(?i)(?<!\w)(?:dự án|tuyến|đường(?: cao tốc| sắt| bộ)?|cao tốc|cầu|cảng|sân bay|khu công "
                                r"nghiệp|nhà máy)(?:\s+[^\s,;.]+){0,3}(?:\s+|\s*[-–]\s*)$")  # `cao tốc Hà Nội-Vientiane`
_AT_CEREMONY = regex.compile(r"(?i)(?<!\w)(?:tại|trong)\s+(?:buổi\s+)?lễ(?!\w)")  # `Tại buổi lễ, …`: the one just told
_CEREMONY_TOLD = regex.compile(r"(?i)(?<!\w)lễ\s+(?:ký|kí|trao)(?!\w)")
_CEREMONY_BEFORE = 250  # a ceremony told this close before a sentence is where its documents were signed
_BACK_REF = regex.compile(r"(?:\s+(?:loại|nói))?\s+(?:này|đó|trên)(?!\w)")
# a book's title (`cuốn sách Văn kiện Đảng toàn tập`), not a document signed
_BOOK_BEFORE = regex.compile(r"(?<!\w)(?i:cuốn sách|bộ sách|cuốn|sách|tuyển tập|tác phẩm|ấn phẩm)\s+$")
# `Kế hoạch hợp tác năm 2017 giữa …`: the year names a plan's or programme's term, not when it was signed
# (`Thỏa thuận hợp tác năm 2008` is the agreement of 2008: its signing year); `đến năm 2025`: its last year.
_NAME_YEAR = regex.compile(r"(?:\([^()]{0,40}\)|(?!ký|kí|được|đã|vào|từ)[^,;.(]){0,160}?(?<!\w)(?P<until>(?:đến|tới)\s+)?năm\s+"
                           r"((?:19|20)\d\d)(?!\d)")
_TERMED = regex.compile(r"(?i)(?<!\w)(?:kế\s+hoạch|chương\s+trình)(?!\w)")  # names that carry their term
_PROPER_NAME = regex.compile(r"\s+((?:về\s+)?\p{Lu}\w*(?:\s+(?!(?:giữa|ký|kí|được|với|và|đã|sẽ|này|của|cho|mà|tại|ngày|năm)"
                             r"(?!\w))\w+){0,3})")
_EVIDENCE_TAIL = regex.compile(r"(?:[\s,;:]|(?<!\w)(?:và|cùng|với|gồm|bao gồm)(?!\w))+$")
# `từ năm 2018`: a start, not a signing; `Tính đến thời điểm 1/5/2004`: the date a count is made at
_SINCE = regex.compile(r"(?i)(?<!\w)(?:(?:từ|kể từ)(?:\s+sau)?|tính\s+(?:đến|tới)(?:\s+(?:thời điểm|ngày|hết))?)\s*$")
_UNTIL = regex.compile(r"(?i)(?<!\w)(?:đến|tới)\s*$")  # `… bán điện cho tới năm 2026` after the document: its end
_LEADING = regex.compile(r"[^,;]{0,40},")  # a sentence's opening adverbial, up to its comma
# `ký kết gia hạn Thỏa thuận …`, `ký sửa đổi, bổ sung Hiệp định …`: what is signed extends or amends the
# document, so it is none of the document's kind (`other`).
_AMENDS = regex.compile(r"(?i)(?<!\w)(?:ký|kí)(?:\s+kết)?\s+(?:việc\s+)?(?:gia hạn|sửa đổi|bổ sung)"
                        r"(?:\s*(?:,|và)\s*(?:gia hạn|sửa đổi|bổ sung))*\s+$")
# `Văn bản bổ sung gia hạn Thỏa thuận … ngày 5/4/2012`, `Nghị định thư sửa đổi Hiệp định … ngày …`: a date after
# the document extended or amended names that document (when it was signed), not the signing of the extension.
_AMENDED = regex.compile(r"(?i)(?<!\w)(?:gia hạn|sửa đổi|bổ sung)(?:\s*(?:,|và)\s*(?:gia hạn|sửa đổi|bổ sung))*\s+"
                         + word_alt([p for p, *_ in AGREEMENT_ROWS]))
_NUMBER_COMMA = regex.compile(r"\d\s*,\s*$")  # `Ngày 4/5/2004, bản ghi nhớ …`: a date, not a count
# `trao nhiều giấy chứng nhận đầu tư, hợp đồng, bản ghi nhớ hợp tác`: a document ending a counted list of papers
# of several kinds is one lot of no one kind.
_MIXED_LOT = regex.compile(r"(?i)(?<!\w)(?:nhiều|các|những|một số|hàng loạt)\s+[^,;.:]{2,40}(?:,\s*[^,;.:]{2,40}){0,4},\s*$")
_PLAN_WINDOW = 35  # a planned cue governs the signing verb it stands this close before
# `Tổng thống sẽ có chuyến thăm … và ký kết …`: a future verb governs the signing coordinated with it
# (not one told as done: `sẽ … và đã ký`).
_COORDINATED_PLAN = regex.compile(r"(?i)(?<!\w)(?:sẽ|dự kiến|sắp|tới đây)(?!\w)(?:(?!(?<!\w)(?:đã|vừa|rồi)(?!\w))[^,;])*"
                                  r"(?<!\w)và\s+(?:cùng\s+)?$")
# `gặp gỡ … Bộ trưởng … Israel để ký kết …`: a meeting told as held was for the signing, which took place.
_HELD_FOR = regex.compile(r"(?i)(?<!\w)(?:gặp|gặp gỡ|hội đàm|hội kiến|làm việc|tiếp)(?!\w)[^.;:]{0,120}(?<!\w)để\s+$")
# `… và (đã) ký kết`: a second predicate, the signing, coordinated after a first one with its own date
_AND_SIGNED = regex.compile(r"(?<!\w)và\s+(?:(?:đã|đồng thời|cùng|chính thức|vừa|cũng)\s+)*(?:ký|kí)(?!\w)")
_OWN_WORDS = 3  # a date after this many words of its clause is the predicate's, not the clause's opening
_TERM_WINDOW = 200  # `giai đoạn 2023-2027` this close after the document is its term
# after a document opening the next sentence: its validity and term (`… có hiệu lực từ năm 2022 đến năm 2026`)
# `có hiệu lực đến hết năm 2025`, `có thời hạn tới năm 2030`: its last year; `có hiệu lực từ ngày 1/1/2022`: its first
_VALIDITY = regex.compile(r"(?i)(?<!\w)(?:có hiệu lực|hiệu lực|có thời hạn|thời hạn)(?:\s+(?:thi hành|thực hiện|kể))?\s+"
                          r"(?:(?P<since>từ)|đến|tới)(?:\s+(?:hết|ngày|tháng))*\s+(?:năm\s+|(?:\d{1,2}[/.-]){1,2})?"
                          r"(?P<year>(?:19|20)\d\d)(?!\d)")
_TERM_TOLD = regex.compile(r"(?i)[^.;!?]{0,60}?(?<!\w)(?:có hiệu lực|hiệu lực|có thời hạn|thời hạn)(?!\w)[^.;!?]{0,40}?"
                           + YEAR_RANGE.pattern)
_PASSIVE = regex.compile(
    r"^[^,.;]{0,70}?((?:(?:sẽ|dự kiến|có thể|sắp|sớm)\s+)+)?(?:được|đã được|vừa được)\s+(?:ký|kí)"
    # a dated participle or relative clause: `Hiệp định … ký năm 2001`, `(ký tháng 9/2015)`, `mà hai bên đã ký`
    r"|^(?P<dated>[^.;]{0,120}?(?:\(|\s)(?:(?:được|đã|vừa)\s+)?(?:ký|kí)(?:\s+kết)?\s+(?=(?:ngày|năm|tháng|hồi|vào|từ)\s))"
    r"|^[^,.;]{0,60}?\smà\s+(?:\S+\s+){0,3}?(?:đã|vừa)\s+(?:ký|kí)")


@dataclass
class Found:
    start: int
    end: int
    pos: int
    type: str
    status: str
    date: date | None = None
    precision: str = "unknown"
    valid_from: int | None = None
    valid_to: int | None = None
    parties: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    mode: str = "unknown"
    group: int = 0  # the list (or sentence) it was told in: documents of one list are never merged
    key: str = ""  # the word naming it (`ghi nhớ`, `công hàm`): the same document is named the same way
    listed: bool = False  # an item of a list, signed with the list's head
    bundle: bool = False  # documents told by number or kind (`9 văn kiện`), one row for the lot
    own_date: bool = False  # dated in its own clause (not by its meeting)
    named: bool = False  # its parties are named for it (`giữa A và B`)
    own_end: int = 0  # where the document's own part of its sentence ends (before the next document)
    name: str = ""  # the capitalised words naming it after its type word (`thương mại biên giới`)


def _status(body: str, clause_start: int, m: Hit, relation: bool, adopted: bool = False,
            sent_start: int | None = None, next_doc: int | None = None) -> str | None:
    """``signed``, ``planned`` or None (no verb governs the document: a generic mention)."""
    window_start = max(clause_start, m.start - _VERB_WINDOW)
    sent_start = clause_start if sent_start is None else sent_start
    window = body[window_start: m.start]
    verbs = [v for cue in ("signed", *(("established",) if relation else ()), *(("adopted",) if adopted else ()))
             for v in CUES[cue].finditer(window)]
    if relation:  # a relation set up after a comma is not the one the verb set up (`thiết lập bang giao …, quan hệ hữu nghị`)
        verbs = [v for v in verbs if "," not in window[v.end():]]
    after = body[m.end: min(m.end + 140, next_doc or len(body))]  # up to the next document: its verbs are its own
    passive = _PASSIVE.match(after)
    if not verbs and not passive:
        return None
    # the document's own verb: `hiệp định dự kiến được ký`; a dated participle (`… thay thế Hiệp định X ký năm 2001`)
    # over a verb before it, which signs an earlier document
    if passive and (not verbs or passive.group(1) or passive.group("dated")):
        if cue_in("negation", body[max(clause_start, m.start - 20): m.end + passive.end()]):
            return None  # `Không có thoả thuận nào được ký kết`
        return "planned" if passive.group(1) or _ahead_before(body, clause_start, m.start, after[:passive.end()]) \
            else "signed"
    first_verb = min((v.start() for v in verbs), default=len(window))
    last_verb = max(v.end() for v in verbs)
    if cue_in("negation", window[last_verb:]):
        return None  # `trao quy chế … khi chưa đạt được thỏa thuận`
    clause_head = window[:first_verb]
    cut = max(clause_head.rfind(","), clause_head.rfind(";"))
    clause_head = clause_head[cut + 1:]
    head = clause_head[-_PLAN_WINDOW:]
    if cue_in("negation", head):
        return None
    if _HELD_FOR.search(body, sent_start, window_start + first_verb) and not cue_in(
            "planned_strong", body, sent_start, window_start + first_verb):
        head = head[: head.rfind("để")]  # `gặp gỡ … để ký kết Bản ghi nhớ`: what the meeting held did
    if (any(_plans(head, cue) for cue in ("planned", "planned_doc"))
            or cue_in("proposal", body, sent_start, window_start + first_verb)
            or _COORDINATED_PLAN.search(clause_head)):
        return "planned"
    return "signed"


_A_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_AGREED_VERB = regex.compile(r"\s+" + word_alt(CUE_PATTERNS["agreed_verb"]))


def _ahead_before(body: str, clause_start: int, doc_start: int, passive: str) -> bool:
    """A passive signing (`… sẽ có 2 thỏa thuận được ký kết`) governed by a plan cue just before the document
    in its clause (`sẽ`, `dự kiến`, `sắp`, `chuẩn bị`), with no deed told between them or in the verb (`đã được`)."""
    if cue_in("done", passive):
        return False
    head = body[max(clause_start, doc_start - _PLAN_WINDOW): doc_start]
    plan = max(CUES["ahead"].finditer(head), key=lambda c: c.start(), default=None)
    return plan is not None and _plans(head, "ahead") and cue_in("done", head, plan.end()) is None


def _only_wished(body: str, sent: Span, doc_start: int) -> bool:
    """A signing only wished for or asked (`mong muốn sớm ký được hiệp định`, `hy vọng sẽ ký`): the sentence
    tells no day, year or plan (`dự kiến`, `theo kế hoạch`) for it, so no agreement is told."""
    return (cue_in("wish", body, sent.start, doc_start) is not None and not DAY_SAID.search(sent.text)
            and not _A_YEAR.search(sent.text) and cue_in("plan_opening", body, sent.start, sent.end) is None)


def _verb_agreed(body: str, m: Hit, flags: str) -> bool:
    """A bare, lower-case `thỏa thuận` governed by no signing verb, after a subject or auxiliary or before a verb
    (`hai bên thỏa thuận …`, `đã thỏa thuận`, `thỏa thuận tiếp tục thúc đẩy …`, `khu vực thỏa thuận`), is the verb
    `agreed`."""
    return ("bare" in flags and body[m.start].islower()
            and (_AGREED_VERB.match(body, m.end) is not None or cue_before("agreed_subject", body, m.start, 25))
            and not cue_before("signed", body, m.start, 25) and not cue_before("counted", body, m.start, 25))


def _ahead_by_context(doc: ArticleText, idx: SentenceIndex, sent: Span) -> bool:
    """The signing is ahead by what frames its sentence: a plan adverb opening it (`Dự kiến, …`), a schedule
    heading or a planned step before (`plans.planned_by_context`), or an article previewing its visit where
    the sentence has no day or year and tells nothing as done."""
    body = doc.body
    if opens_with_plan(body, sent) or planned_by_context(doc.extra, idx, sent, sent.end):
        return True
    return (previews_visit(doc) and not DAY_SAID.search(sent.text) and not _A_YEAR.search(sent.text)
            and cue_in("done", body, sent.start, sent.end) is None)


def _plans(head: str, cue: str) -> bool:
    """A planned cue in ``head``; a capitalised one inside a sentence is part of a name (`Bộ trưởng …
    Xúc tiến đầu tư`)."""
    for m in CUES[cue].finditer(head):
        if not (m.group()[0].isupper() and head[:m.start()].strip()[-1:] not in ("", ".", ":", '"', "“")):
            return True
    return False


def _nested(body: str, prev: Hit | None, m: Hit) -> bool:
    """True when ``m`` is what the previous document sets up, not a document of its own."""
    return prev is not None and _CONTENT_LINK.match(body[prev.end: m.start]) is not None


def _meeting_for(groups: list[Mention], idx: SentenceIndex, body: str, pos: int, sent_start: int,
                 parties: list[str], mode: str) -> Mention | None:
    """The meeting the signing took place at, if the text ties it to one."""
    if not groups:
        return None
    para = idx.line_bounds(pos)
    for g in groups:
        for men in [g, *g.members]:
            if men.start == sent_start or para[0] <= men.trigger < para[1]:
                return g
    referred = (cue_in("anaphor", body, sent_start, pos) or cue_in("sides", body, sent_start, pos)
                or _AFTER_MEETING.search(body, sent_start, pos))
    best, best_score = None, 0.0
    for dist, g in enumerate(reversed([g for g in groups if g.start < pos] or groups[:1])):
        overlap = len(set(parties) & set(g.localities))
        if parties and not overlap:
            continue
        if not parties and not referred and not (mode == "online" and g.mode == "online"):
            continue
        score = overlap + 0.5 * (mode != "unknown" and g.mode == mode) + 0.25 * (g.date is not None) \
            - 0.01 * dist
        if best is None or score > best_score:
            best, best_score = g, score
    return best


def _pair(doc: ArticleText, sentence: Scope, meeting: Mention | None) -> tuple[str, str] | None:
    """(Viet Nam, the counterpart country): the sentence's foreign country, else the meeting's foreign
    side, else the foreign country the article names most, if the article names Viet Nam at all."""
    foreign = [country_name(iso) for iso in sentence.countries if iso != "VN" and country_name(iso)]
    if len(foreign) >= 2 and not sentence.vn:
        return foreign[0], foreign[1]  # `Hàn Quốc và Singapore … giữa hai nước`: no Viet Nam side
    if foreign:
        return "Việt Nam", foreign[0]
    if meeting is not None:
        sides = [p.side for p in meeting.people if p.side and p.side != "VN"]
        if sides and country_name(sides[0]):
            return "Việt Nam", country_name(sides[0])
    if not sentence.vn and article_sides(doc.extra, doc.body)[0] == 0:
        return None  # an article that never names Viet Nam: `hai bên` are two foreign sides
    top = article_countries(doc.extra, doc.body)
    return ("Việt Nam", top[0]) if top else None


def _opens_item(body: str, idx: SentenceIndex, m: Hit, prev: Found | None) -> bool:
    """``m`` opens an item of a list whose head or earlier item ``prev`` was signed: right after a list
    separator in the same sentence, or at the start of the next line (`gồm:` / `- Bản ghi nhớ …`)."""
    if prev is None:
        return False
    sent_start = idx.sentence_at(m.start).start
    if prev.end <= m.start and not body[prev.end: sent_start].strip() and (
            (prev.bundle and _LIST_OPENER.fullmatch(body, sent_start, m.start))
            or (prev.listed and _BULLET.fullmatch(body, sent_start, m.start))):
        return True  # `… ký các văn kiện hợp tác. Đó là Thỏa thuận …`; `… Nhật Bản. - Thỏa thuận …` (lines run on)
    if prev.start <= m.start < prev.end:
        if _ITEM_SEP.search(body, max(prev.pos, m.start - 12), m.start) or _PARTIAL.search(body, prev.pos, m.start):
            return True  # `…; Bản ghi nhớ …`
        # `gồm: A ký thỏa thuận với B; C ký bản ghi nhớ với D`: each item opens with its signatory
        return (prev.bundle or prev.listed) and _ITEM_BOUNDARY.search(body, prev.pos, m.start) is not None
    line = idx.line_bounds(m.start)
    prev_line_item = prev.listed and _ITEM_START.fullmatch(body, idx.line_bounds(prev.pos)[0], prev.pos) is not None
    return (_ITEM_START.fullmatch(body, line[0], m.start) is not None
            and body.count("\n", prev.end, line[0]) <= 1  # lines of a list open with their document, as its last one did
            and (prev_line_item or _LIST_HEAD.search(body, prev.pos, line[0]) is not None))


_LOOK_BACK = 300  # characters
_AUX_TAIL = regex.compile(r"\s+(?:đã|vừa|cùng|cũng|chính thức|sẽ)(?:\s+(?:đã|vừa|cùng|chính thức))*\s*$")  # `A đã ký`
_SENTENCE_REACH = 3000  # characters: a listing sentence of documents and signatories runs this long


class _SentenceFacts:
    """What every document of one sentence asks of it, read once: its mode, scope, news and ceremony cues,
    and its last question mark."""

    def __init__(self, body: str, sent: Span):
        self.mode = mode_of(sent.text, "unknown")
        self.scope = scope_in(sent.text)
        self.news = cue_in("news", body, sent.start, sent.end) is not None
        self.ceremony = _CEREMONY.search(body, max(0, sent.start - _CEREMONY_BEFORE), sent.end) is not None
        self.last_question = body.rfind("?", sent.start, sent.end)  # a `?` after a document: a question
        self._ahead: bool | None = None

    def ahead(self, doc: ArticleText, idx: SentenceIndex, sent: Span) -> bool:
        """``_ahead_by_context`` of the sentence, read once."""
        if self._ahead is None:
            self._ahead = _ahead_by_context(doc, idx, sent)
        return self._ahead


def _near(body: str, clause: Span, m: Hit, reach: int = _LOOK_BACK) -> Span:
    """``clause`` (or sentence) cut to ``reach`` characters either side of the document ``m``: a run-on
    one (a page of text with no stop) is read around each document, not whole for every one of them."""
    if clause.end - clause.start <= 2 * reach:
        return clause
    a, b = max(clause.start, m.start - reach), min(clause.end, m.end + reach)
    return Span(a, b, body[a:b])


def _find(doc: ArticleText) -> list[Found]:
    body = doc.body
    idx = SentenceIndex(body)
    groups: list[Mention] | None = None
    out: list[Found] = []
    prev: Hit | None = None
    last_generic = False
    last_found: Found | None = None
    heads: dict[int, Found] = {}  # a list's first document, by group
    seen: dict[int, _SentenceFacts] = {}  # by sentence start
    lead_end = body.find("\n") if "\n" in body else doc.sentences[0].end if doc.sentences else 0  # the lead
    found_hits = hits(doc.extra, body, "agreement")
    for i, m in enumerate(found_hits):
        last, prev = prev, m
        kind, flags = _TYPES[m.row]
        full = idx.sentence_at(m.start)
        sent = _near(body, full, m, _SENTENCE_REACH)
        clause = _near(body, idx.clause_at(m.start), m)
        if last is not None and last.start < clause.start:
            last = None
        counted = cue_before("counted", body, m.start, 30) and not _NUMBER_COMMA.search(body, max(0, m.start - 30), m.start)
        mixed = _MIXED_LOT.search(body, max(clause.start, m.start - 90), m.start) is not None
        counted = counted or mixed
        generic = (cue_before("generic", body, m.start, 30) and not counted
                   and not ("adopted" in flags and cue_before("adopted", body, m.start, 30))) or (
            last_generic and last is not None and _LISTED.fullmatch(body[last.end: m.start]) is not None)
        if _nested(body, last, m) or generic:
            last_generic = generic
            continue  # a generic document, or one listed right after it (`các hiệp định, thỏa thuận`)
        last_generic = counted
        per = seen.get(full.start) or seen.setdefault(full.start, _SentenceFacts(body, full))
        back = max(sent.start, m.start - _LOOK_BACK)  # cues read before a document: this far at most (linear time)
        if per.last_question >= m.start or cue_in("hypothetical", body, back, m.start):
            continue  # a question or a supposition
        if _BACK_REF.match(body, m.end) or _BOOK_BEFORE.search(body, max(0, m.start - 15), m.start):
            continue  # `văn kiện này`: the document already told; `cuốn sách Văn kiện …`: a book
        if _verb_agreed(body, m, flags) or (body.find("lần", back, m.start) >= 0
                                            and cue_in("signings_counted", body, back, m.start)):
            continue  # `hai bên thỏa thuận tiếp tục …`: agreed, no document; `đã 3 lần ký …`: a count of history
        status = _status(body, clause.start, m, relation="relation" in flags or "bare" in flags,
                         adopted="adopted" in flags, sent_start=sent.start,
                         next_doc=found_hits[i + 1].start if i + 1 < len(found_hits) else None)
        if status == "signed" and _CEREMONY_AHEAD.match(body, sent.start, m.start) and cue_in(
                "planned_strong", body, m.end, sent.end):
            status = "planned"  # `Lễ ký thỏa thuận … sẽ được tiến hành nay mai`
        if status == "signed" and cue_in("deadline", body, m.end, clause.end):
            status = "planned"  # `ký văn kiện mới … chậm nhất vào năm 2010`
        if status == "signed" and per.ahead(doc, idx, full):
            status = "planned"  # `Dự kiến, … được ký kết`; a visit's programme
        if status == "planned" and _only_wished(body, sent, m.start):
            continue  # `mong muốn sớm ký được hiệp định`: a wish, no agreement
        item = (status is None or (last_found is not None and last_found.bundle)) and _opens_item(
            body, idx, m, last_found)
        if item:
            status = status or last_found.status
        if status is None:
            continue
        if groups is None:
            groups = meeting_groups(doc)
        j = i + 1
        while j < len(found_hits) and _nested(body, found_hits[j - 1], found_hits[j]):
            j += 1  # what it sets up is part of its name (`Thỏa thuận về Kế hoạch hợp tác … năm 2017`)
        nxt = found_hits[j].start if j < len(found_hits) else len(body)
        own = Span(m.start, min(clause.end, nxt), body[m.start: min(clause.end, nxt)])
        if item and not own.text.strip():
            continue
        if (counted and ("bare" in flags or mixed)) or _AMENDS.search(body, max(clause.start, m.start - 40), m.start):
            kind = "other"  # `ký nhiều thỏa thuận`: documents of no one kind; `ký gia hạn Thỏa thuận`: an extension
        f = Found(sent.start, sent.end, m.start, kind, status, mode=per.mode,
                  fields=fields_in(body[m.end: own.end]), group=item and last_found.group or m.start,
                  key=AGREEMENT_ROWS[m.row][3], listed=item, bundle=counted or "bundle" in flags,
                  name=_doc_name(body, m.end), own_end=own.end)
        name_end = m.end + len(f.name) + 1 if f.name else m.end
        places = [p for p in places_in(clause.text, clause.start) if not is_venue(body, p.start, clause.start)
                  and not m.end <= p.start < name_end  # `Hiệp định Geneva`: a name, not a party
                  and not _PROJECT_BEFORE.search(body, max(clause.start, p.start - 40), p.start)]
        local = unique(p.canonical for p in places if not p.is_country)
        countries = unique(p.canonical for p in places if p.is_country)
        # one foreign unit alone names one side only (`đại diện bang Washington chứng kiến …`): the countries
        lone_foreign = len(local) == 1 and all(p.country not in ("VN", "CN") for p in places if not p.is_country)
        f.parties = (countries if lone_foreign and len(countries) >= 2 else local) or (
            countries if len(countries) >= 2 else [])
        head = heads.setdefault(f.group, f)
        _set_dates(f, doc, m, sent, clause, own, head if item else None)
        ceremony = per.ceremony
        near = max(clause.start, back)
        at_event = ceremony or _AFTER_MEETING.search(body, back, m.start) is not None or (
            cue_in("signed", body, near, m.start) and _AFTER_MEETING.search(body, m.end, clause.end) is not None)
        if f.date is None and not item and not at_event and cue_in("background", body, near, m.start):
            continue  # told as background (`sau khi ký Hiệp định …`) without a date of its own
        meeting = _meeting_for(groups, idx, body, m.start, sent.start, local, f.mode)
        tied = meeting is not None or at_event
        if (status == "signed" and f.date is None and not tied and "relation" not in flags
                and cue_in("perfective", body, near, m.start)
                and not per.news
                and sent.start > lead_end):  # the lead is the news itself
            continue  # `Chúng ta đã ký với Nhật Bản Hiệp định …`: a past fact, not the news
        if counted and not tied and f.date is None:
            continue  # `đã ký các thỏa thuận …` tied to no event of the article: a generic mention
        scope = per.scope
        _set_parties(f, doc, body, own, sent, scope, meeting, local, head if item else None)
        _set_context(f, meeting, last_found if item else None, tied or item or cue_in("sides", body, back, m.start))
        if not f.parties:
            continue  # no resolvable party: a generic mention
        if "listed" in flags and not item and not f.named and not mixed:
            continue  # `ký hợp đồng` outside a signing's list or lot, parties unnamed: a business contract
        same_sentence = last_found is not None and last_found.start == sent.start
        if not item and not same_sentence and not _in_scope(doc, f.parties, scope, meeting):
            continue  # an item is in its list's scope, a document in its sentence's
        out.append(f)
        last_found = f
    listed = {f.group for f in out if f.listed and not _PARTIAL.search(body, max(0, f.pos - 20), f.pos)}
    return [f for f in out if not (f.bundle and not f.listed and f.group in listed)]  # a list's head


def _signatories(body: str, own: Span, sent_start: int, pair: tuple[str, str] | None) -> list[str]:
    """Parties told as the subject of the signing verb right before the document, and after it by ``với``."""
    floor = max(sent_start, own.start - _LOOK_BACK)  # a subject is never longer than this
    clause_start = max(floor, max(body.rfind(c, floor, own.start) for c in ";:\n") + 1)
    verbs = list(CUES["signed"].finditer(body, max(clause_start, own.start - _VERB_WINDOW), own.start))
    verb = verbs[-1] if verbs else None
    if verb is None or body[verb.end(): own.start].strip(" \"“”'"):
        return []
    start = max(body.rfind(",", clause_start, verb.start()) + 1, clause_start)
    subject = _AUX_TAIL.sub("", body[start: verb.start()])
    return parties_of_signing(subject, own.text, pair)


def _doc_name(body: str, end: int) -> str:
    """The proper name a document carries after its type word, when capitalised (`Hiệp định Thương mại biên
    giới` → `thương mại biên giới`); empty for a common noun use (`Bản ghi nhớ về hợp tác …`)."""
    m = _PROPER_NAME.match(body, end)
    return m.group(1).casefold() if m else ""


def _set_dates(f: Found, doc: ArticleText, m: Hit, sent: Span, clause: Span, own: Span, head: Found | None) -> None:
    """Signing date from the document's clause (or its sentence's opening), else its list's; its term from
    a range after it (`giai đoạn 2023-2027`) or a year in its name (`Kế hoạch hợp tác năm 2017`)."""
    body = doc.body
    years = YEAR_RANGE.search(body, m.end, min(own.end, m.end + _TERM_WINDOW))
    named_year = _NAME_YEAR.match(body, m.end, own.end)
    if named_year and not (named_year.group("until") or _TERMED.search(body, m.start, named_year.start(2))):
        named_year = None  # a year after another document's name: its signing, read with the dates below
    years = years or _term_told_next(doc, sent)
    valid = _VALIDITY.search(body, m.end, own.end)
    if years and f.type != "meeting_minutes":
        a, b = int(years.group(1)), int(years.group(2))
        if a <= b <= a + 30:
            f.valid_from, f.valid_to = a, b
    elif named_year and f.type != "meeting_minutes":
        f.valid_to = int(named_year.group(2))
        if not named_year.group("until"):
            f.valid_from = f.valid_to
    elif valid and f.type != "meeting_minutes":
        year = int(valid.group("year"))
        f.valid_from, f.valid_to = (year, None) if valid.group("since") else (None, year)
    if f.status != "signed":
        return  # a planned document has no signing date yet
    found = [w for w in dates_in(doc, clause.text, clause.start)  # (a yearless day still dates it, as no row)
             if not (named_year and w.start < named_year.end() and w.end > named_year.start(2))
             and not _SINCE.search(body, max(clause.start, w.start - 24), w.start)
             and not (w.start > m.end and _UNTIL.search(body, max(clause.start, w.start - 8), w.start))
             and not (w.start > m.end and _AMENDED.search(body, max(clause.start, m.start - 30), w.start))
             and not (valid and valid.start() <= w.start < valid.end())]
    own_dates = [w for w in found if not _coordinated_before(body, clause.start, w, m.start)]
    when = best_date(own_dates or found, m.start) or _leading_date(doc, sent, clause)
    if when:
        trip = when.days > 1 and TRIP_FRAME.search(body, sent.start, when.start) is not None
        f.date, f.precision = within(when.date, when.precision, when.days) if trip else (when.date, when.precision)
        f.own_date = True
    elif head is not None and head is not f and not head.own_date:
        f.date, f.precision = head.date, head.precision
    elif (told := _ceremony_date(doc, sent, m.start)) is not None:
        f.date, f.precision = told.date, told.precision


def _coordinated_before(body: str, clause_start: int, w: When, doc_start: int) -> bool:
    """``w`` dates an earlier predicate coordinated with the signing (`nâng cấp quan hệ vào năm 2009 và ký kết
    Hiệp định … vào năm 2015`): inside its clause after words of its own, then `và ký` before the document."""
    return (w.end <= doc_start and len(body[clause_start: w.start].split()) >= _OWN_WORDS
            and _AND_SIGNED.search(body, w.end, doc_start) is not None)


def _ceremony_date(doc: ArticleText, sent: Span, doc_start: int) -> When | None:
    """`Lễ ký kết diễn ra ngày 8/4/2022 tại Seoul. Tại buổi lễ, A và B đã ký …`: a signing told at the ceremony
    takes the date the sentences just before give the ceremony."""
    body = doc.body
    if not _AT_CEREMONY.search(body, sent.start, doc_start):
        return None
    floor = max(0, sent.start - _CEREMONY_BEFORE)
    told = max(_CEREMONY_TOLD.finditer(body, floor, sent.start), key=lambda c: c.start(), default=None)
    if told is None:
        return None
    return best_date(dates_in(doc, body[told.start(): sent.start], told.start()), told.start())


def _term_told_next(doc: ArticleText, sent: Span) -> regex.Match | None:
    """The term told by the next sentence when it opens with the document (`Thỏa thuận có hiệu lực từ năm 2022
    đến năm 2026.`, `Văn kiện này có thời hạn 5 năm, từ 2022 đến 2026`)."""
    body = doc.body
    found = hits(doc.extra, body, "agreement")
    i = bisect_left(found, sent.end, key=lambda h: h.start)
    nxt = found[i] if i < len(found) else None
    if nxt is None or body[sent.end: nxt.start].strip():
        return None
    return _TERM_TOLD.match(body, nxt.end, min(len(body), nxt.end + _TERM_WINDOW))


def _leading_date(doc: ArticleText, sent: Span, clause: Span) -> When | None:
    """The date a sentence opens with (`Trong năm 2017, …; ký Nghị định thư …`), for its later clauses."""
    if clause.start == sent.start:
        return None
    head = _LEADING.match(doc.body, sent.start, clause.start)
    if head is None:
        return None
    return best_date(dates_in(doc, head.group(), sent.start), sent.start)


def _set_parties(f: Found, doc: ArticleText, body: str, own: Span, sent: Span, scope: Scope,
                 meeting: Mention | None, local: list[str], head: Found | None) -> None:
    """Parties named for the document (`giữa A và B`, its signatories), else its list head's, else its
    clause's places, else the meeting's localities, else the two countries where the text speaks of both
    sides or a bundle."""
    item = head is not None
    pair = _pair(doc, scope, meeting)
    named = [] if f.bundle else ministries_between(own.text, sent.text, pair) or parties_between(own.text, pair)
    if not f.bundle and (not named or named == list(pair or ())):
        named = _signatories(body, own, sent.start, pair) or named  # `Bộ trưởng Quốc phòng hai nước đã ký …`
    if named:
        f.parties, f.named = named, named != list(pair or ())  # `giữa hai nước` alone names no signatory
    elif item and head is not f and head.parties and not all(place_sides(local)):
        f.parties = list(head.parties)  # `ký hiệp định giữa hai nước, gồm: hiệp định …`
    elif f.bundle:  # the two countries, or the localities of the meeting it closed
        sides = [p for p in local if meeting is not None and p in meeting.localities]
        f.parties = sides or (list(pair) if pair else [])
    elif meeting is not None and not f.parties:
        f.parties = list(meeting.localities)
    if not f.parties and pair and (cue_in("sides", body, sent.start, sent.end) or meeting is not None or item
                                   or _PAIR_NAMED.search(sent.text)
                                   or (f.status == "planned" and scope.vn and scope.foreign)):
        f.parties = list(pair)


def _set_context(f: Found, meeting: Mention | None, head: Found | None, news: bool) -> None:
    """Date and mode from the meeting it was signed at or the list it is an item of; a signing told as the
    news (at a ceremony, after talks, by both sides) took place in person unless the text says online."""
    if f.status != "signed":
        return
    if meeting is not None:
        if f.date is None and meeting.date is not None:  # signed during a trip: within its days
            f.date, f.precision = within(meeting.date, meeting.precision, meeting.span_days)
        if f.mode == "unknown":
            f.mode = meeting.mode
    if head is not None and f.mode == "unknown":
        f.mode = head.mode
    if f.mode == "unknown" and news:
        f.mode = "in_person"


def _in_scope(doc: ArticleText, parties: list[str], sentence: Scope, meeting: Mention | None) -> bool:
    """Viet Nam ↔ foreign: the parties' countries, what the sentence names, the meeting it was signed at;
    organisations whose names say no country (`PVN và Gazprom`) take the article's sides."""
    if meeting is not None and meeting.in_scope:
        return True
    vn, foreign = place_sides(party_places(parties))
    if (sentence.vn or vn) and (sentence.foreign or foreign):
        return True
    if parties and not vn and not foreign and all(not lookup_place(p) for p in parties):
        article_vn, article_foreign = article_sides(doc.extra, doc.body)
        return article_vn >= 1 and _foreign_subject(article_vn, article_foreign)
    return False


# Organisations whose names say no country (`EAB và Viettel`, `PVN và Gazprom`) take the article's sides only
# when foreign countries are a subject of the article, not a passing mention: named at least this often, and
# at least this share as often as Viet Nam. Measured on the VNTC sample: with one foreign mention enough, 10
# more rows, among them Vietnamese-Vietnamese deals (a bank and a telecom firm, a broker and an exporter).
_FOREIGN_SUBJECT_MIN = 3
_FOREIGN_SUBJECT_SHARE = 0.5


def _foreign_subject(article_vn: int, article_foreign: int) -> bool:
    return article_foreign >= _FOREIGN_SUBJECT_MIN and article_foreign >= _FOREIGN_SUBJECT_SHARE * article_vn


def _richness(f: Found) -> tuple:
    return (len(f.parties), f.date is not None, f.valid_from is not None, -f.start)


def _same_document(a: Found, b: Found) -> bool:
    """Two mentions of one document: same type, status and naming word, sharing a party, told in different
    lists and sentences (two bundles of one sentence are one lot: `các văn kiện … với tổng cộng 12 văn kiện`)."""
    if (a.type, a.status, a.key) != (b.type, b.status, b.key) or a.group == b.group:
        return False
    if a.name and b.name and not (a.name.startswith(b.name) or b.name.startswith(a.name)):
        return False  # `Hiệp định Thương mại mới` is not `Hiệp định về Quy chế quản lý biên giới`
    pa, pb = {p.casefold() for p in a.parties}, {p.casefold() for p in b.parties}
    if a.start == b.start and not (a.bundle and b.bundle) and (a.listed or b.listed or not pa or pa != pb):
        return False  # one sentence: the same document only when told twice with the same parties
    return not pa or not pb or bool(pa & pb)


def _merge(found: list[Found]) -> list[Found]:
    """One row per document: mentions in different sentences or lists of the same type, status, naming word
    and parties are merged; the documents of one list stay apart."""
    kept: list[Found] = []
    for f in found:
        twin = next((k for k in kept if _same_document(k, f)), None)
        if twin is None:
            kept.append(f)
            continue
        best, other = (f, twin) if _richness(f) > _richness(twin) else (twin, f)
        if improves(best.date, other.date):
            best.date, best.precision = other.date, other.precision
        best.valid_from = best.valid_from or other.valid_from
        best.valid_to = best.valid_to or other.valid_to
        best.fields = unique(best.fields + other.fields)
        if best.mode == "unknown":
            best.mode = other.mode
        kept[kept.index(twin)] = best
    return kept


def _split_evidence(body: str, found: list[Found]) -> None:
    """Documents told in one sentence get evidence from the sentence's start to the end of their own part
    (the last keeps the whole sentence), so each row quotes its own document and keeps a distinct span."""
    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(f.start, []).append(f)
    for shared in by_sentence.values():
        shared.sort(key=lambda f: f.pos)
        for f in shared[:-1]:
            tail = _EVIDENCE_TAIL.search(body, f.pos, f.own_end)
            f.end = max(tail.start() if tail else f.own_end, f.pos + 1)


def extract_agreements(doc: ArticleText) -> list[dict]:
    """Agreement rows (contract columns except ``agreement_id`` and ``article_id``)."""
    rows = []
    found = _merge(_find(doc))
    _split_evidence(doc.body, found)
    for f in found:
        rows.append({
            "agreement_type": f.type,
            "status": f.status,
            "signed_date": stated(f.date),
            "date_precision": f.precision if stated(f.date) else "unknown",
            "valid_from_year": f.valid_from,
            "valid_to_year": f.valid_to,
            "parties": f.parties,
            "fields": f.fields,
            "mode": f.mode,
            "evidence": doc.body[f.start: f.end],
            "evidence_start": f.start,
            "evidence_end": f.end,
        })
    return rows
