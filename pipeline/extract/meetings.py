"""Meetings (talks, receptions, conferences, visits) told in an article's body.

One trigger scan over the body finds candidate sentences; only those are read further
(people, dates, places). Mentions of the same meeting (a lead and its photo caption, ``Tại cuộc
gặp, …``) are merged into one row; sentences dated ``Cùng ngày`` / ``Ngay sau …`` take the date
of the meeting told before them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import regex

from pipeline.clean.lexicon import function_words
from pipeline.dates import TRIP_FRAME, improves, same_day, stated, within
from pipeline.extract import ArticleText
from pipeline.extract.events import (
    CUE_PATTERNS,
    CUES,
    INTL,
    MEETING_ROWS,
    VN_TITLE,
    Hit,
    Person,
    SentenceIndex,
    When,
    article_is_vietnamese,
    article_sides,
    best_date,
    cue_before,
    cue_in,
    dates_in,
    hits,
    is_venue,
    lookup_place,
    mode_of,
    people_in,
    place_sides,
    places_in,
    scope_in,
    unique,
    word_alt,
)
from pipeline.extract.plans import (
    DAY_SAID,
    future_frame,
    planned_by_context,
    sentence_plan,
    subject_ahead,
    told_ahead,
)
from pipeline.people import fold, is_foreign_name, title_references
from pipeline.text import Span

_KINDS = [(kind, mode if mode != "-" else "unknown") for _, kind, mode, _, _ in MEETING_ROWS]
# Titles of a local body: without a place in the title, the person belongs to the place named before.
_LOCAL_BODY = regex.compile(r"(?i)(?:thành|tỉnh|khu) (?:ủy|uỷ)|ubnd|(?:ủy|uỷ) ban nhân dân|hđnd|thị trưởng|"
                            r"tỉnh trưởng|chủ tịch (?:tỉnh|thành phố|khu)|chính quyền")
# a locality told as a side: its government or the unit named (`các tỉnh Lạng Sơn, Cao Bằng`), not `các tỉnh khác`
_UNIT_NAMED = regex.compile(r"(?<!\w)(?i:tỉnh|thành phố|khu tự trị|bang|quận|huyện)\s+\p{Lu}")
# a person's name has two capitalised syllables, or follows a title (`Tổng thống Kovind`)
_NAME_LIKE = regex.compile(r"\p{Lu}[\w-]*\s+(?:\p{Ll}+\s+)?\p{Lu}")
_CAPITAL_AFTER = regex.compile(r"^\s*(?:\w+\s+){0,2}?\p{Lu}")
_VIETNAM = "VN"
_PLACE_WINDOW = 220  # places farther than this from the trigger belong to other clauses
_SEMI = regex.compile(";")
_PAST_WINDOW = 60
_RECALL_REACH = 160  # `X, nguyên …, nhớ lại …` before the trigger: bounded, for linear work in run-on text
_VOWELS = regex.compile(r"[aeiouy\-]+")
_TOLD_BY_AFTERMATH = {"talks", "reception", "conference"}  # an anaphor of these may be the only telling
# Vietnamese state offices that the press tells bare for the Vietnamese holder
_STATE_TITLES = frozenset({"Thủ tướng", "Phó Thủ tướng", "Chủ tịch nước", "Phó Chủ tịch nước", "Tổng Bí thư",
                           "Chủ tịch Quốc hội", "Phó Chủ tịch Quốc hội"})
_FEW = 64  # a title held by more mentions than this is too common to stand for one person
_TITLE_SPLIT = regex.compile(r"\s*,\s*|\s+kiêm\s+")
_PHRASE_END = regex.compile(r"[,;:()]")
_MET_WITH = regex.compile(r"(?i)(?<!\w)(?:với|hội đàm|hội kiến|tiếp|gặp|đón)(?!\w)")
# a visit is someone's (`của`), a meeting is between people (`giữa`): those after `giữa` are another event's
# (`Chuyến thăm diễn ra … trước thềm hội nghị thượng đỉnh giữa Tổng thống X và …`)
_BETWEEN = regex.compile(r"(?i)(?<!\w)giữa(?!\w)")
_BETWEEN_AFTER = regex.compile(r"\s+(?:song phương\s+)?giữa(?!\w)")
# the noun `cuộc gặp`/`buổi gặp` (not the verb `gặp`): the people named right after it are the ones who met
_MEETING_NOUN = regex.compile(r"(?i:cuộc|buổi)\s+$")
_NAMED_AFTER = regex.compile(r" \p{Lu}")  # `cuộc gặp Bộ trưởng A …`, not `cuộc gặp với A`, `Tại cuộc gặp, …`
_VISITOR_OF = regex.compile(r"(?<!mời )(?<!đề nghị )(?<!theo )\bcủa\s+(?:[^\s,;.]+\s+){0,6}$")
# A person honoured, not met: `kỷ niệm ngày sinh Chủ tịch X`, `vào Lăng viếng Chủ tịch X`; the author of a
# message or letter quoted (`nhắc lại thông điệp của Chủ tịch X`).
_HONOURED = regex.compile(r"(?i)(?<!\w)(?:ngày sinh|sinh nhật|năm sinh|ngày mất|lăng|viếng|tưởng niệm|di chúc|tư tưởng|"
                          r"tấm gương|mang tên|noi gương|tượng đài|di sản|bảo tàng|khu di tích|nhà lưu niệm|cố|"
                          r"thông điệp|bức thư|lá thư)\s+(?:[^\s,;.]+\s+){0,4}$")
_NAME_SPAN = 100  # a conference's name follows its trigger within this many characters
_BILATERAL = regex.compile(r"(?:Việt Nam|VN|Việt)\s*[-–]\s*\p{Lu}|\p{Lu}[\p{L} ]{1,25}?\s*[-–]\s*(?:Việt Nam|VN)(?!\w)")
_DATE_RANGE = regex.compile(r"(?<!\d)\d{1,2}(?:/\d{1,2})?\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?\d{1,2}[/-]\d{1,2}(?!\d)")
# Venues: a building after `tại`/`ở` with its name (capitalised words, each may take one lower-case syllable
# before a capital or the phrase's end: `Trụ sở Chính phủ`, `Nhà khách Quốc gia`), then maybe its city
# (`…, Thủ đô Tokyo`), which wins; or capitalised words that end the phrase.
_BUILDING = regex.compile(
    r"(?<!\w)(?:tại|ở)\s+((?i:trụ sở|phủ chủ tịch|nhà khách|dinh|điện|nhà quốc hội|tòa nhà quốc hội|văn phòng|"
    r"hội trường|khách sạn|trung tâm hội nghị)(?:\s+\p{Lu}[\p{L}]*(?:\s+\p{Ll}+(?=\s+\p{Lu}|\s*[,.;:()]|\s*$))?){0,5})"
    r"(?:,\s+(?:[Tt]hủ đô|[Tt]hành phố|TP\.?)\s+(\p{Lu}[\p{Ll}]+(?:[\s-]\p{Lu}[\p{Ll}]+){0,2}))?")
_CITY_VENUE = regex.compile(
    r"(?<!\w)(?:tại|ở)\s+(?:(?i:thủ đô|thành phố|tp\.?)\s+)?"
    r"(?!(?:Hội|Diễn|Lễ|Đại|Kỳ|Phiên|Tọa|Toạ|Chương|Tuần|Ngày|Triển|Bộ|Sở|Ủy|Uỷ|Văn|Trường|Viện|Công|Tập|Ngân|"
    r"Vương|Quốc|Cộng|Liên|Thủ|Nhà|Khu|Tỉnh|Thành|Huyện|Quận)\b)"
    r"(\p{Lu}[\p{Ll}]+(?:[\s-]\p{Lu}[\p{Ll}]+){0,2})(?=\s*[,.;:()]|\s+\p{Ll})")
_INVITER = regex.compile(r"(?i)lời mời của\s+(?:[^\s,;.]+\s+){0,8}$")  # who invites is not on the visit
_INVITATION = regex.compile(r"(?i)lời mời của\s")


def _invited_by(body: str, m: Hit, p: Person) -> bool:
    """``p`` invites the visit, not makes it: named just after `lời mời của`, or anywhere after it when the
    visit is told before it (`bắt đầu chuyến thăm … theo lời mời của Chủ tịch …, Chủ tịch nước Lào X`)."""
    if _INVITER.search(body, max(m.start, p.start - 60), p.start):
        return True
    invite = _INVITATION.search(body, m.end, p.start) if p.start > m.end else None
    return invite is not None and not _MET_WITH.search(body, invite.end(), p.start)


_AND = regex.compile(r"\s(?:và|cùng)\s")
_CAPTION_KINDS = {"talks", "reception"}
_MERGE_BACK = 50  # a later mention is matched against this many meetings before it, not all
# A reception of one delegation: its head and members are one meeting, not a list of guests.
_DELEGATION = regex.compile(r"(?i)(?<!\w)(?:dẫn đầu|trưởng đoàn|tháp tùng|cùng(?: với)?|đoàn đại biểu)(?!\w)")
_AFTERMATH = regex.compile(r"(?i)(?<!\w)(?:ngay\s+)?sau(?:\s+(?:khi|cuộc|buổi|phiên))?\s+$")  # `Sau cuộc hội đàm`
_PART_OF = regex.compile(r"(?i:phần)\s+$")  # `Trong phần hội đàm`: a part of a meeting told before
_AFTER_CEREMONY = regex.compile(r"\W*(?:[Nn]gay\s+)?[Ss]au\s+(?:buổi\s+|nghi\s+)?lễ\s+\p{Ll}")  # `Sau lễ đón, …`
_WELCOMED = regex.compile(r"(?i)(?<!\w)(?:hoan nghênh|chào mừng)\s+(?:[^\s,;.]+\s+){1,8}$")  # … the visitor
_ATTEND = regex.compile(r"dự$")  # the trip-to-attend trigger (`sang Israel tham dự`)
# A visit's destination: the place right after a travel verb or a visit word (`tới Hà Nội`, `thăm chính thức Nga`);
# `thăm và làm việc tại bang Virginia`; not the way home (`về đến Hà Nội`).
_TO_PLACE = regex.compile(r"(?i)(?<!\w)(?<!về )(?<!trở )(?:tới|đến|sang|thăm(?:\s+(?:chính thức|cấp nhà nước|hữu nghị|làm việc|và làm việc))*"
                          r"(?:\s+tại)?|(?:công tác|làm việc)\s+tại)"
                          r"\s+(?:(?:thủ đô|thành phố|tỉnh|bang|TP\.?|vương quốc|cộng hòa|cộng hoà|nước)\s+)?$")
# `gặp gỡ báo chí`, `cuộc gặp với báo giới`: a press briefing, not a meeting between parties
_PRESS_AFTER = regex.compile(r"\s+(?:với\s+)?(?:đại diện\s+)?" + word_alt(CUE_PATTERNS["press"]))
_COMPATRIOTS_AFTER = regex.compile(r"\s+(?:[^\s,;.]+\s+){0,4}?" + word_alt(CUE_PATTERNS["compatriots"]))
_OPENING_AFTER = regex.compile(r"\s+và\s+" + word_alt(CUE_PATTERNS["opening"]))
_FIELD_TRIP_AFTER = regex.compile(r"\s+" + word_alt(CUE_PATTERNS["field_trip"]) + r"(?![^,;.]{0,80}(?<!\w)làm việc)")
# `trong một hội thảo …, ông X nói`: an unnamed event quoted as a source; `(Diễn đàn New Zealand)`: a gloss
_CLOCK_OF = regex.compile(r"(?i:giờ|(?:sáng|trưa|chiều|tối|đêm)\s+nay)\s+$")  # `(2h sáng nay Hà Nội)`: a time zone
_INDEFINITE = regex.compile(r"(?:(?<!\w)(?i:một)(?:\s+(?:cuộc|buổi))?\s+|\()$")
_MISSION_SEAT = regex.compile(CUES["mission"].pattern + r"(?:\s+[\p{Lu}][\w]*){0,3}\s+tại\s*$")


@dataclass
class Mention:
    """One sentence telling of a meeting."""

    start: int
    end: int
    trigger: int
    kind: str
    mode: str
    date: date | None = None
    precision: str = "unknown"
    location: str | None = None
    destination: str | None = None  # where a visit goes: the row's location when no venue is told, no anchor
    people: list[Person] = field(default_factory=list)
    localities: list[str] = field(default_factory=list)
    anaphoric: bool = False
    in_scope: bool = False  # involves a Viet Nam side and a foreign side
    relative: bool = False
    trigger_text: str = ""
    own: tuple[bool, int] = (False, 0)  # (dated in its own sentence, people named there)
    ref_text: str = ""
    past: bool = False  # told as history (`hồi …`, `trước đây`)
    frames_saying: bool = False  # a visit that only sets where a statement was made
    told_kinds: frozenset[str] = frozenset()  # kinds its sentence told, folded in (`đến thăm và làm việc với …`)
    said_day: bool = False  # a date is said, with or without a year (`sáng 14/8`, `hôm nay`)
    span_days: int = 1  # ``date`` is the first of a trip's days (`chuyến thăm … từ ngày 8 đến 11/7`): 4
    own_seg: tuple[bool, int] = (False, 0)  # (dated in its trigger's own segment, people named there)
    members: list[Mention] = field(default_factory=list)
    also: bool = False  # told as one more meeting of its host (`X cũng đã tiếp …`)
    named: str = ""  # a conference's name word (`Hội nghị Tương lai …`: `tương`), see ``_name_word``

    @property
    def titles(self) -> set[str]:
        """The name words of its conference mentions."""
        return {m.named for m in [self, *self.members] if m.named}

    @property
    def names(self) -> set[frozenset[str]]:
        return {name_key(p.name) for p in self.people}


def _trigger_kind(m: Hit) -> tuple[str, str]:
    return _KINDS[m.row]


def _classify(body: str, sent_start: int, m: Hit, planned_end: int | None, news_day: int | None = None) -> str:
    """``main``, ``anaphor``, ``reference`` or ``skip`` for one trigger inside its sentence;
    ``planned_end``: where the sentence's first strong plan cue (`dự kiến`, `sẽ` but on the news day) ends;
    ``news_day``: where the sentence's news-day cue (`Cũng trong ngày`, `cùng ngày`) starts, if any (its plans
    are the day's)."""
    pos = m.start
    kind, _ = _trigger_kind(m)
    if cue_before("blocked", body, pos) or cue_before("aggregate", body, pos, 60):
        return "skip"
    if cue_before("generic", body, pos, 25) or cue_before("invited", body, pos, 20) or _PRESS_AFTER.match(body, m.end) \
            or cue_before("delegated", body, pos, 70):
        return "skip"  # `các cuộc gặp`; `nhận lời mời sang thăm`; `gặp gỡ báo chí`; `cử 2 cán bộ sang làm việc với`
    if (kind == "reception" and _COMPATRIOTS_AFTER.match(body, m.end)) or (
            kind == "visit" and (_OPENING_AFTER.match(body, m.end) or _FIELD_TRIP_AFTER.match(body, m.end))) or (
            kind == "conference" and _INDEFINITE.search(body, max(0, pos - 12), pos)):
        return "skip"  # `tiếp … bà con Việt kiều`; `đến thăm và khai trương trụ sở …`, `thăm nhà máy …`; `một hội thảo`
    if cue_before("reference", body, pos, 30):
        return "reference"
    after = body[m.end: m.end + 30]
    if kind == "anaphor" or (cue_before("anaphor", body, pos, 25) and not _CAPITAL_AFTER.match(after)
                             and not cue_before("told", body, pos, 25)):
        return "anaphor"
    clause = body[max(sent_start, pos - 120): pos]
    cut = max(clause.rfind(","), clause.rfind(";"), clause.rfind(":"))
    clause = clause[cut + 1:]
    today = news_day is not None

    def plan(cue: str, a: int, b: int) -> bool:  # a plan, unless a bare `sẽ` on the news day
        found = cue_in(cue, body, a, b)
        return found is not None and not (today and found.group().casefold() == "sẽ"
                                          and cue_in(cue, body, found.end(), b) is None)

    lo = max(sent_start, pos - 120) + cut + 1
    if plan("planned", lo, pos) or cue_in("negation", clause):
        return "skip"
    if planned_end is not None and planned_end <= pos:
        return "skip"
    tail_end = next((i for i in range(m.end, min(len(body), m.end + 80)) if body[i] in ",;.\n"), m.end + 80)
    if plan("planned_strong", m.end, tail_end) or cue_in("aggregate_after", body, m.end, tail_end):
        return "skip"
    return "main"


def _locality_of(person: Person, sent: _Sentence, para_start: int) -> str | None:
    """The person's locality: from the title, else the last place named before in the paragraph."""
    if person.locality:
        return person.locality
    if not person.title or not _LOCAL_BODY.search(person.title):
        return None
    before = [p for p in sent.para_places(para_start) if not p.is_country and p.end <= person.start]
    return before[-1].canonical if before else None


def _side(person: Person, locality: str | None) -> str | None:
    if person.side:
        return person.side
    if locality:
        place = lookup_place(locality)
        if place and place.country:
            return place.country
    return _VIETNAM if person.title and not is_foreign_name(person.name) else None


def name_key(name: str) -> frozenset[str]:
    """A person's name for matching mentions: its words in any order (`Kitaoka Shinichi` ~ `Shinichi Kitaoka`);
    a foreign name by the consonants of its words, as transcriptions vary (`Thongloun` ~ `Thoonglun`,
    `Sihavong` ~ `Syhavong`)."""
    words = name.casefold().split()
    if is_foreign_name(name):
        words = [_VOWELS.sub("", fold(w)) or w for w in words]
    return frozenset(words)


class _Sentence:
    """People, places and semicolons of one sentence, read once for all its triggers."""

    def __init__(self, body: str, sent: Span, known: _Known):
        self.body = body
        self.span = sent
        self.semis = [m.start() for m in _SEMI.finditer(body, sent.start, sent.end)]
        self.known = known
        self._people: list[Person] | None = None
        self._starts: list[int] = []
        self._places: list | None = None
        self._place_starts: list[int] | None = None
        self._mode: str | None = None
        self._relative: int | None = None
        self._para: dict[int, list] = {}
        self._day_said: bool | None = None

    def day_said(self) -> bool:
        """The sentence says a day or month (`plans.DAY_SAID`), read once."""
        if self._day_said is None:
            self._day_said = DAY_SAID.search(self.body, self.span.start, self.span.end) is not None
        return self._day_said

    def people(self) -> list[Person]:
        """People named in the sentence with a title, those it tells by title only or by name only who
        were named before with a title (`Tổng thống Kovind`, `Phó Thủ tướng hội đàm …`)."""
        if self._people is None:
            start = self.span.start
            found = people_in(self.span.text, start)
            taken = bytearray(self.span.end - start)  # characters already inside a found name

            def free(a: int, b: int) -> bool:
                if any(taken[a - start: b - start]):
                    return False
                taken[a - start: b - start] = b"\x01" * (b - a)
                return True

            for p in found:
                free(p.start, p.end)
            names = {p.name for p in found}
            for a, b, title, word, country in title_references(self.span.text):
                a, b = a + start, b + start
                ref = self.known.resolve(title, word, a, country) if not any(taken[a - start: b - start]) else None
                if ref is not None and ref.name not in names and free(a, b):
                    sided = {"side": country, "sure": True} if country and country != ref.side else {}
                    found.append(replace(ref, start=a, end=b, **sided))
            for p in self.known.before(self.span.end):
                if lookup_place(p.name) is not None:  # not `TP Hồ Chí Minh`
                    continue
                # every mention: a name told again in the sentence (`Nhân chuyến thăm … của X, … hội đàm với X`)
                at = self.body.find(p.name, start, self.span.end)
                while at >= 0:
                    if free(at, at + len(p.name)):
                        found.append(replace(p, start=at, end=at + len(p.name)))
                    at = self.body.find(p.name, at + len(p.name), self.span.end)
            found = [p for p in found if not _HONOURED.search(self.body, max(start, p.start - 60), p.start)]
            self._people = sorted(found, key=lambda p: p.start)
            self._starts = [p.start for p in self._people]
        return self._people

    def between(self, a: int, b: int) -> list[Person]:
        """The people whose mention starts in ``[a, b)``."""
        people = self.people()
        return people[bisect_left(self._starts, a): bisect_left(self._starts, b)]

    def first_from(self, a: int) -> Person | None:
        """The first person whose mention starts at or after ``a``."""
        people = self.people()
        i = bisect_left(self._starts, a)
        return people[i] if i < len(people) else None

    def mode(self, default: str) -> str:
        if self._mode is None:
            self._mode = mode_of(self.span.text, "")
        return self._mode or default

    def relative_before(self, pos: int) -> bool:
        """A relative-date cue (`Cùng ngày`, `Sau đó`) ends before ``pos`` in the sentence."""
        if self._relative is None:
            m = cue_in("relative_date", self.body, self.span.start, self.span.end)
            self._relative = m.end() if m else -1
        return 0 <= self._relative <= pos

    def places(self) -> list:
        if self._places is None:
            self._places = places_in(self.span.text, self.span.start)
        return self._places

    def places_between(self, a: int, b: int) -> list:
        """The places of the sentence that start in ``[a, b)``."""
        places = self.places()
        if self._place_starts is None:
            self._place_starts = [p.start for p in places]
        return places[bisect_left(self._place_starts, a): bisect_left(self._place_starts, b)]

    def para_places(self, para_start: int) -> list:
        """Places of the paragraph (line) starting at ``para_start``, read once."""
        if para_start not in self._para:
            end = self.body.find("\n", para_start)
            end = len(self.body) if end < 0 else end
            self._para[para_start] = places_in(self.body[para_start:end], para_start)
        return self._para[para_start]

    def clause_end(self, pos: int) -> int:
        i = bisect_right(self.semis, pos)
        return self.semis[i] if i < len(self.semis) else self.span.end


class _Index:
    """People grouped under a key, each group in text order with its mentions' ends, for bisecting."""

    def __init__(self):
        self.people: dict[str, list[Person]] = {}
        self.ends: dict[str, list[int]] = {}

    def add(self, key: str, p: Person) -> None:
        self.people.setdefault(key, []).append(p)
        self.ends.setdefault(key, []).append(p.end)

    def before(self, key: str, pos: int) -> list[Person]:
        """The people under ``key`` whose mention ends by ``pos``."""
        return self.people.get(key, [])[: bisect_right(self.ends.get(key, []), pos)]


class _Known:
    """The people the article names with a title, read once (lazily) for references to them."""

    def __init__(self, body: str):
        self.body = body
        self._people: list[Person] | None = None

    def people(self) -> list[Person]:
        if self._people is None:
            self._people = people_in(self.body)
            firsts: dict[str, Person] = {}
            self._by_word, self._by_title = _Index(), _Index()
            for p in self._people:
                firsts.setdefault(p.name, p)
                for w in p.name.split():
                    self._by_word.add(w, p)
                for t in _TITLE_SPLIT.split((p.title or "").casefold()):
                    self._by_title.add(t, p)
            self._firsts = list(firsts.values())
            self._first_starts = [p.start for p in self._firsts]
        return self._people

    def before(self, pos: int) -> list[Person]:
        """One mention per name (its first) of the people named before ``pos``."""
        self.people()
        return self._firsts[: bisect_left(self._first_starts, pos)]

    def resolve(self, title: str, word: str | None, pos: int, country: str | None = None) -> Person | None:
        """The person whom ``title`` (and one word of the name) at ``pos`` refers to: the latest named before
        with that word in the name (else the first after), else the only one holding that title before."""
        self.people()
        if word:  # the latest named before, else the first named after (`Thủ tướng Nga Medvedev … Dmitry Medvedev`)
            hits = self._by_word.before(word, pos) or self._by_word.people.get(word, [])[:1]
            if hits and len(hits[-1].name.split()) > 1:
                return hits[-1]
        holders = self._by_title.before(title.casefold(), pos)
        if country:  # `Thủ tướng Hungary sẽ chào xã giao …`: the holder from that country
            holders = [p for p in holders if p.side in (country, None) or not p.sure and is_foreign_name(p.name)]
        elif word is None and title in _STATE_TITLES and len({p.name for p in holders[-_FEW:]}) > 1:
            # a bare state title in Vietnamese news is the Vietnamese holder's; a foreign one is told with his
            # country or name (`Thủ tướng Czech Andrej Babis đón Thủ tướng Nguyễn Xuân Phúc … Sau đó, Thủ tướng tiếp …`)
            holders = [p for p in holders if not is_foreign_name(p.name) and p.side in (_VIETNAM, None)]
        return holders[-1] if holders and all(p.name == holders[-1].name for p in holders[-_FEW:]) \
            and len(holders) <= _FEW else None

    def aliases(self) -> dict[str, str]:
        """A foreign name of two words or more that is the last words of exactly one longer foreign name in the
        article is the same person (`Kay Rala Xanana Gusmao` … `Xanana Gusmao`): each of the two to the one the
        article tells first (a lead names in full, a later caption may add an honorific)."""
        first: dict[str, int] = {}
        for p in self.people():
            if is_foreign_name(p.name):
                first.setdefault(p.name, p.start)
        longer: dict[str, list[str]] = {}
        for name in first:
            words = name.split()
            for i in range(1, len(words) - 1):
                longer.setdefault(" ".join(words[i:]), []).append(name)
        out: dict[str, str] = {}
        for short, full in longer.items():
            if short in first and len(full) == 1:
                told = min((short, full[0]), key=first.__getitem__)
                out.update({name: told for name in (short, full[0]) if name != told})
        return out

    def sides(self) -> dict[frozenset[str], str]:
        """Each name's side where some mention of it names the country in its title."""
        return {name_key(p.name): p.side for p in self.people() if p.sure and p.side}


def _list_item(body: str, sent: _Sentence, p: Person) -> bool:
    """``p`` is in a semicolon clause that opens with a person (`…; Ngài X, Chủ tịch … và ông Y, …`): one
    more item of the trigger's list."""
    i = bisect_right(sent.semis, p.start) - 1
    if i < 0:
        return False
    lo = sent.semis[i] + 1
    head = sent.first_from(lo)
    return len(body[lo: head.start].strip()) <= len(head.title or "") + 12


def _read_sentence(doc: ArticleText, idx: SentenceIndex, sent: _Sentence, m: Hit, status: str,
                   regions: list[tuple[int, int]], only: tuple[int, int] | None = None,
                   subject_when: list | None = None) -> Mention:
    """Read one meeting mention from ``regions`` of its sentence: the subject before the first trigger,
    then the trigger's own segment (last). ``only``: the one guest this mention keeps of its segment;
    ``subject_when``: the dates said in the subject, read once per sentence."""
    body = doc.body
    span = sent.span
    kind, mode = _trigger_kind(m)
    men = Mention(span.start, span.end, m.start, kind, sent.mode(mode), anaphoric=status == "anaphor")
    men.relative = sent.relative_before(m.start)
    men.past = cue_in("past", body, max(span.start, m.start - _PAST_WINDOW), m.start) is not None or \
        cue_in("recalled", body, max(span.start, m.start - _RECALL_REACH), m.start) is not None
    men.trigger_text = m.text.casefold()
    men.also = not men.anaphoric and cue_before("also", body, m.start, 30)
    men.named = _name_word(body, m) if kind == "conference" and not men.anaphoric else ""
    (a, b), subject = regions[-1], regions[:-1]
    clause_end = sent.clause_end(m.start)
    men.frames_saying = kind == "visit" and (
        _PRESS_OCCASION.search(body, max(span.start, m.start - _PRESS_REACH), m.start) is not None
        or not sent.day_said() and _frames_saying(body, m.end, clause_end))
    own = dates_in(doc, body[a:min(b, clause_end)], a)
    when = best_date(_event_dates(body, own + (subject_when or []), span.start), m.start)
    if when:
        men.date, men.precision = when.date, when.precision
        men.span_days = _trip_days(body, span.start, kind, when)
    men.said_day = bool(own or subject_when)
    own_people = 0
    # Places and people are the costly steps: skip them where no name could be (two capitalised words).
    names = sum(len(_NAME_LIKE.findall(body, x, y)) for x, y in regions)
    anchored = (men.anaphoric or men.relative or men.said_day
                or any(CUES["venue"].search(body, x, y) for x, y in regions))
    people = []
    if names >= 2 or (names and anchored):
        if kind == "visit" and not men.anaphoric:
            # `chuyến thăm … của Thủ tướng X`: the visitor follows; else the one told before the trigger
            own_visitor = [p for p in sent.between(a, min(b, clause_end)) if _VISITOR_OF.search(
                body, max(a, p.start - 40), p.start)]
            people = [] if own_visitor else _visitors(body, sent, m)
            if not people and not own_visitor:  # `…, ngày cuối của chuyến thăm …, Tổng thống X phát biểu`
                after = sent.first_from(b)
                people = [after] if after is not None and not _MET_WITH.search(body, b, after.start) else []
        else:
            people = [p for x, y in subject for p in sent.between(x, y)]
        people += [p for p in sent.between(a, b) if (only is None or (p.start, p.end) == only) and (
                   p.start < clause_end or _list_item(body, sent, p))
                   and not (kind == "visit" and (_invited_by(body, m, p) or _BETWEEN.search(body, m.end, p.start)))]
    # Without people, a date or a venue (`tại …`) no row could be kept: no need for places.
    places = [p for x, y in (*subject, (a, clause_end)) for p in sent.places_between(x, y)] \
        if names and (people or anchored) else []
    para_start, _ = idx.line_bounds(m.start)
    locs = []
    seen: set[frozenset[str]] = set()
    for person in people:
        if name_key(person.name) in seen:
            continue
        seen.add(name_key(person.name))
        loc = _locality_of(person, sent, para_start)
        men.people.append(Person(person.start, person.end, person.name, person.title,
                                 _side(person, loc), loc, person.sure))
        own_people += person.start >= a
        if loc:
            locs.append(loc)
    men.own_seg = (bool(own), own_people)
    # an anaphor's venue is the one in its own phrase (`Tại hội đàm sáng 13-3 ở Wellington, …`)
    phrase = _anaphor_phrase(body, m, span) if men.anaphoric else None
    for p in places:
        venue = is_venue(body, p.start, span.start)
        surface = body[p.start: p.end]
        inside_title = any(surface in (person.title or "") for person in people) or _MISSION_SEAT.search(
            body, max(span.start, p.start - 60), p.start) is not None
        if venue and not inside_title and men.location is None and (
                phrase is None or phrase[0] <= p.start < phrase[1]):
            men.location = p.canonical
        if (not p.is_country and not venue and abs(p.start - m.start) <= _PLACE_WINDOW
                and (only is None or p.start < a) and not _CLOCK_OF.search(body, max(span.start, p.start - 12), p.start)):
            locs.append(p.canonical)
    if phrase is not None:
        men.location = _venue(body, (phrase,), men.location)
    elif people or places:
        men.location = _venue(body, (*subject, (a, clause_end)), men.location)
        if kind == "visit":  # `sang Israel`, `chuyến thăm chính thức Nhật Bản`
            men.destination = next((p.canonical for p in places if _TO_PLACE.search(
                body, max(span.start, p.start - 30), p.start)), None)
    men.own = (men.date is not None, len(men.people))
    if not men.anaphoric:
        men.localities = unique(locs)
    else:
        men.localities = unique(p.locality for p in men.people if p.locality)
    return men


def _anaphor_phrase(body: str, m: Hit, span: Span) -> tuple[int, int]:
    """From an anaphoric trigger to the end of its phrase (the first comma, semicolon or bracket)."""
    cut = _PHRASE_END.search(body, m.end, span.end)
    return m.end, cut.start() if cut else span.end


_NOT_WHEN = regex.compile(word_alt(CUE_PATTERNS["not_when"]) + r"[^,;:()\n]{0,50}(?:\(\s*)?$")  # `… năm (2-1946)`


def _event_dates(body: str, found: list, floor: int) -> list:
    """The dates that may tell when a meeting took place: not a target's, a plan's or a document's
    (`phấn đấu đạt … vào năm 2010`, `Tuyên bố chung … năm 1999`: a cue earlier in the date's phrase)."""
    return [w for w in found if not _NOT_WHEN.search(body, max(floor, w.start - 60), w.start)]


def _venue(body: str, regions, found: str | None = None) -> str | None:
    """The venue told after `tại`/`ở`: a building (`tại Phủ Chủ tịch`, `tại trụ sở Bộ Quốc phòng`), which
    wins, else a city the gazetteer does not hold, named in capitals (`ở Dunedin`), else ``found`` (the venue
    read from the gazetteer's places), else a city the gazetteer holds but does not match in running text
    (`ở Auckland`)."""
    city = known = None
    for x, y in regions:
        hit = _BUILDING.search(body, x, y)
        if hit:
            place = lookup_place(hit.group(2)) if hit.group(2) else None
            return place.canonical if place else hit.group(2) or hit.group(1)
        named = _CITY_VENUE.search(body, x, y) if city is None else None
        if named and not _MISSION_SEAT.search(body, max(x, named.start() - 60), named.start(1)):
            place = lookup_place(named.group(1))  # `Đại sứ … tại Tokyo` is the post, not a venue
            if place is None:
                city = named.group(1)
            elif known is None and not place.is_country:
                known = place.canonical
    return city or found or known


def _subject_when(doc: ArticleText, regions: list[tuple[int, int]]) -> list:
    return [w for a, b in regions for w in dates_in(doc, doc.body[a:b], a)]


def _visitors(body: str, sent: _Sentence, m: Hit) -> list[Person]:
    """Who makes a visit: the people right before its trigger with no phrase break between
    (`… hội đàm với Tổng thống X thăm cấp nhà nước …`), else the nearest one before it."""
    before = [p for p in sent.between(sent.span.start, m.start) if p.end <= m.start]
    close: list[Person] = []
    for p in reversed(before):
        if _PHRASE_END.search(body, p.end, m.start) or _MET_WITH.search(body, p.end, m.start):
            break
        close.insert(0, p)
    return close or before[-1:]


def _framing(body: str, sent: _Sentence, seg: tuple[int, int]) -> bool:
    """The trigger's phrase (to its first comma) names no one, and people follow in its segment."""
    comma = _PHRASE_END.search(body, seg[0], seg[1])
    if comma is None:
        return False
    inside = sent.between(*seg)
    return bool(inside) and all(p.start > comma.start() for p in inside)


def _met_together(body: str, m: Hit) -> bool:
    """`trong cuộc gặp Bộ trưởng A và Phó thủ tướng B, C …`: the noun `cuộc gặp` names who met, not guests."""
    return m.text.casefold() == "gặp" and _MEETING_NOUN.search(body, max(0, m.start - 6), m.start) is not None \
        and _NAMED_AFTER.match(body, m.end) is not None


def _guests(body: str, sent: _Sentence, m: Hit, seg: tuple[int, int]) -> list[tuple[int, int]]:
    """The people a reception trigger lists as its guests (`tiếp A, …; B, … và C, …`), each its own
    meeting; none when the segment tells one delegation (`do … dẫn đầu`, `cùng …`) or guests with no title
    (`tiếp ông Henri Martin và bà Raymonde Dien`: received together)."""
    if _trigger_kind(m)[0] != "reception" or _DELEGATION.search(body, *seg) or _BETWEEN_AFTER.match(body, m.end) \
            or _met_together(body, m):
        return []  # `cuộc gặp giữa A và B`, `trong cuộc gặp A và B, C …`: the sides of one meeting
    clause_end = sent.clause_end(m.start)
    found = [p for p in sent.between(*seg) if p.start < clause_end or _list_item(body, sent, p)]
    return [(p.start, p.end) for p in found] if len(found) >= 2 and any(p.title for p in found) else []


def _trip_and_event(doc: ArticleText, idx: SentenceIndex, sent: _Sentence, mains: list[Hit],
                    out: list[Mention], subject: list[tuple[int, int]]) -> list[Mention]:
    """A trip told with its dates and the event it goes to (`Từ ngày 5 đến 7/4, X sang Y dự Hội nghị …`)
    are two meetings: the visit of the travellers and the event of everyone in the subject."""
    trip = next((i for i, m in enumerate(mains) if _trigger_kind(m)[0] == "visit"), None)
    event = next((j for j, m in enumerate(mains) if trip is not None and j > trip
                  and _trigger_kind(m)[0] == "conference"), None)
    if event is None:
        return out
    pair = (mains[trip], mains[event])
    out = [men for men in out if men.trigger not in (pair[0].start, pair[1].start)]
    ends = [mains[trip + 1].start if trip + 1 < len(mains) else sent.span.end,
            mains[event + 1].start if event + 1 < len(mains) else sent.span.end]
    # the trip's dates may close the sentence, after the event (`… và dự Diễn đàn … từ ngày 11/5 - 15/5`)
    whens = (_subject_when(doc, [*subject, (pair[0].start, sent.span.end)]), _subject_when(doc, subject))
    trip_men, event_men = (_read_sentence(doc, idx, sent, m, "main", [*subject, (m.start, end)], None, when)
                           for m, end, when in zip(pair, ends, whens, strict=True))
    event_men.location = event_men.location or trip_men.destination  # the event is held where the trip goes
    return sorted([*out, trip_men, event_men], key=lambda men: men.trigger)


def _sentence_mentions(doc: ArticleText, idx: SentenceIndex, matches: list[Hit],
                       known: _Known, told: set[str]) -> list[tuple[Mention, bool]]:
    """The meetings one sentence tells, each with whether it is a main mention: one per main trigger
    that has a counterpart (or, for a visit, a date) of its own, one per listed guest of a reception;
    the people before the first trigger take part in each."""
    body = doc.body
    span = idx.sentence_at(matches[0].start)
    if span.text.rstrip(" \"'”)»").endswith("?"):
        return []  # a question (`Thưa ông, chuyến thăm lần này nhằm vào những trọng tâm nào?`) tells no meeting
    opening = body.find(",", span.start, span.end)  # only a trigger of the opening phrase can frame the rest
    if planned_by_context(doc.extra, idx, span, matches[0].start) or subject_ahead(
            body, span, (matches[0].start, matches[0].end)) or any(
            future_frame(body, span, (m.start, m.end)) for m in matches
            if m.end <= opening and _trigger_kind(m)[0] != "visit"):
        return []  # a programme (`Chương trình làm việc …`, `Sau đó …` after a plan), `Tại hội thảo, X sẽ …`;
        # not `Trong chuyến thăm, X sẽ …`: the visit is on, its programme ahead
    today = cue_in("news_day", body, span.start, span.end)
    first_plan = sentence_plan(body, span)
    statuses = [_classify(body, span.start, m, first_plan.end() if first_plan else None,
                          today.start() if today else None) for m in matches]
    named = _NAME_LIKE.search(body, span.start, span.end) is not None
    after = [_AFTERMATH.search(body, max(span.start, m.start - 20), m.start) is not None for m in matches]
    for i in range(len(matches) - 1):  # `Sau cuộc hội đàm với X, A dự hội thảo …`: the talks frame the seminar
        if after[i] and statuses[i + 1] == "main" and _PHRASE_END.search(body, matches[i].end, matches[i + 1].start):
            statuses[i] = "reference"
    for i, m in enumerate(matches):  # `Sau cuộc hội đàm, A và B …` with no talks told before: the talks
        kind = _trigger_kind(m)[0]
        aftermath = statuses[i] == "anaphor" or (statuses[i] == "reference" and after[i] and i == len(matches) - 1)
        part = bool(told) and _PART_OF.search(body, max(span.start, m.start - 12), m.start) is not None
        if aftermath and kind in _TOLD_BY_AFTERMATH and named and (not told or kind not in told) and not part \
                and (first_plan is None or first_plan.start() > m.start):
            statuses[i] = "main"  # also `…, sau khi hội đàm với X.`
    if any(s == "skip" and cue_before("aggregate", body, m.start, 60)
           for s, m in zip(statuses, matches, strict=True)):
        return []
    _occasions(body, span.start, matches, statuses)
    for i in range(1, len(matches)):  # `Trong khuôn khổ chuyến thăm … và dự Hội nghị …`: both frame the news
        between = body[matches[i - 1].end: matches[i].start]
        if statuses[i] == "main" and statuses[i - 1] == "reference" and _AND.search(between) and not \
                _PHRASE_END.search(between):
            statuses[i] = "reference"
    for i, m in enumerate(matches):  # `nằm trong khuôn khổ chuyến thăm Việt Nam từ ngày 5 đến 7/4`: a dated visit
        if statuses[i] in ("reference", "anaphor") and _trigger_kind(m)[0] == "visit":  # `đang trong chuyến thăm …`
            phrase_end = _PHRASE_END.search(body, m.end, span.end)
            if _DATE_RANGE.search(body, m.end, phrase_end.start() if phrase_end else span.end):
                statuses[i] = "main"
    for i, m in enumerate(matches):  # `trong buổi tiếp Tổng thống X đang ở thăm VN, A …`: the guest's visit
        if i and statuses[i] == "main" and "main" in statuses[:i] and _trigger_kind(m)[0] == "visit" and \
                _ONGOING.search(body, max(span.start, m.start - 12), m.start):
            statuses[i] = "ongoing"  # frames the meeting before it, whose segment runs on past it (to its host)
    dated_trip = _DATE_RANGE.search(body, span.start, span.end) is not None
    for i, m in enumerate(matches):  # `Tổng thống X hoan nghênh Thủ tướng Y thăm Mỹ vào ngày 21/6`: welcomed, not told
        if statuses[i] == "main" and _trigger_kind(m)[0] == "visit" and _WELCOMED.search(
                body, max(span.start, m.start - 80), m.start):
            statuses[i] = "reference"
    for i, m in enumerate(matches):  # `Tham dự hội thảo lần này có …` after `Viện X sẽ tổ chức một hội thảo …`
        if statuses[i] == "main" and _trigger_kind(m)[0] == "conference" and _this_event_ahead(body, idx, m):
            statuses[i] = "skip"
    for i, m in enumerate(matches):  # `X sang Nhật Bản dự Hội nghị …` with no dates: the event is the news
        if statuses[i] == "main" and not dated_trip and _ATTEND.search(m.text):
            statuses[i] = "skip"
    mains = [m for s, m in zip(statuses, matches, strict=True) if s == "main"]
    refs = [m for s, m in zip(statuses, matches, strict=True) if s == "reference"]
    status = "main"
    if not mains:
        anaphor = next((m for s, m in zip(statuses, matches, strict=True) if s == "anaphor"), None)
        if anaphor is None:
            return []
        mains, status = [anaphor], "anaphor"
    sent = _Sentence(body, span, known)
    first = mains[0]
    clause_start = sent.semis[bisect_right(sent.semis, first.start) - 1] + 1 \
        if bisect_right(sent.semis, first.start) else span.start
    framing = [r for r, a in zip(matches, after, strict=True) if a and r in refs and r.start < first.start]
    cut = _PHRASE_END.search(body, framing[-1].end, first.start) if framing else None
    if cut:  # `Sau cuộc hội đàm với X, A …`: who is met after the talks is not in the subject
        clause_start = max(clause_start, cut.end())
    subject = [(clause_start, first.start)]
    when = _subject_when(doc, subject)
    ref_i = 0
    segs = []
    for i, m in enumerate(mains):
        end = mains[i + 1].start if i + 1 < len(mains) else span.end
        while ref_i < len(refs) and refs[ref_i].start <= m.start:
            ref_i += 1
        if ref_i < len(refs) and refs[ref_i].start < end:
            end = refs[ref_i].start
        segs.append((m, (m.start, end)))
    out: list[Mention] = []
    for i, (m, seg) in enumerate(segs):
        visit = _trigger_kind(m)[0] == "visit"
        if i and not visit and not _NAME_LIKE.search(body, *seg):
            continue  # no one of its own: the same meeting as the trigger before
        if i + 1 < len(segs) and _framing(body, sent, seg):
            # `Tại phiên họp …, A làm việc với B`: the phrase frames the meetings after it.
            if visit:
                men = _read_sentence(doc, idx, sent, m, status, [*subject, seg], None, when)
                if men.own_seg[0]:
                    out.append(men)
            subject = [*subject[:1], seg]  # the latest framing phrase only
            when = _subject_when(doc, subject)
            continue
        # guests are listed before the guest's ongoing visit, not among the hosts after it
        cut_at = next((o.start for s, o in zip(statuses, matches, strict=True) if s == "ongoing" and o.start > m.start),
                      seg[1])
        guests = _guests(body, sent, m, (seg[0], min(seg[1], cut_at))) if status == "main" else []
        for only in guests or [None]:
            men = _read_sentence(doc, idx, sent, m, status, [*subject, seg], only, when)
            if i and not men.own_seg[1] and not (visit and men.own_seg[0]):
                continue
            out.append(men)
    if not out:
        out = [_read_sentence(doc, idx, sent, first, status, [*subject[:1], (first.start, segs[-1][1][1])], None,
                              _subject_when(doc, subject[:1]))]
    if len(out) > 1 and out[0].kind == "visit" and out[0].own_seg == (False, 0):
        out = out[1:]  # `X thăm … và hội đàm với Y`: the talks are the meeting
    if dated_trip and status == "main":
        out = _trip_and_event(doc, idx, sent, mains, out, subject[:1])
    if refs and out and refs[0].start < first.start:
        out[0].relative, out[0].ref_text = True, [r for r in refs if r.start < first.start][-1].text.casefold()
    if out and _AFTER_CEREMONY.match(body, span.start) and any(men.date is None for men in out):
        _date_from_before(doc, idx, span, out)
    _during_trip(out)
    kinds = frozenset(_trigger_kind(m)[0] for m in mains) if status == "main" else frozenset()
    for men in out:
        men.told_kinds = kinds
    return [(men, status == "main") for men in out]


# `X đang ở thăm VN`, `đang có chuyến thăm`: the guest's visit under way, after the meeting it frames
_ONGOING = regex.compile(r"(?<!\w)đang(?:\s+(?:ở|có|trong))?(?:\s+(?:chuyến|cuộc))?\s+$")
# `hội thảo lần này`, `diễn đàn này`: the event named before in the article
_THIS_EVENT = regex.compile(r"\s+(?:lần\s+)?này(?!\w)")
_EVENT_NAMINGS = 8  # the sentences naming it read at most
# `Nhân chuyến thăm …`: a visit named as the occasion of what the sentence goes on to tell (the phrase opens the
# sentence, its clause or follows a dateline `(NLĐ)-`)
_OCCASION = regex.compile(r"(?<!\w)(?i:nhân)\s+$")
# an opening phrase naming an event (`Tại buổi tiếp xúc giữa …`, `Trong hội nghị …`): a visit after its `nhân` is the
# event's occasion
_EVENT_FRAME = regex.compile(r"\W*(?i:tại|trong)\s+(?i:buổi|cuộc|phiên|hội nghị|hội thảo|diễn đàn|lễ)(?!\w)")


def _text_start(body: str) -> int:
    """Where the article's text begins (its lead sentence), past any leading blank."""
    return len(body) - len(body.lstrip())


def _this_event_ahead(body: str, idx: SentenceIndex, m: Hit) -> bool:
    """`hội thảo lần này`, `diễn đàn này`: the event the article named before. It is ahead when a sentence naming it
    before tells it so (`Viện X sẽ tổ chức một hội thảo …`, `Theo chương trình dự kiến, Diễn đàn … sẽ có …`), none
    tells it done (`đã`, `hôm qua`) and the article's lead is not on the news day (`diễn ra hôm nay`: its programme)."""
    if not _THIS_EVENT.match(body, m.end):
        return False
    lower, word = body[:m.start].lower(), m.text.lower()
    spans, pos = {}, lower.find(word)
    while pos >= 0 and len(spans) < _EVENT_NAMINGS:
        span = idx.sentence_at(pos)
        spans[span.start] = span
        pos = lower.find(word, span.end)
    if not spans or any(cue_in("done", body, s.start, s.end) for s in spans.values()):
        return False
    lead = idx.sentence_at(_text_start(body))
    return not cue_in("news_day", body, lead.start, lead.end) and any(told_ahead(body, s) for s in spans.values())


def _occasions(body: str, sent_start: int, matches: list[Hit], statuses: list[str]) -> None:
    """`Nhân chuyến thăm … của X, chiều 10-10, A hội đàm với X`: an event opening the sentence after `nhân`
    is the occasion (a reference) when a main trigger of its own follows past the phrase's end; without one
    (`Nhân chuyến thăm …, X đã trao …`) the visit stays the news."""
    for i, m in enumerate(matches):
        if statuses[i] != "main" or "hân" not in body[max(sent_start, m.start - 6): m.start]:
            continue
        cue = _OCCASION.search(body, max(sent_start, m.start - 8), m.start)
        head = body[sent_start: cue.start()].rstrip() if cue else "-"
        if head and head[-1].isalnum():
            if _EVENT_FRAME.match(head) and "," not in head:
                statuses[i] = "reference"  # `Tại buổi tiếp xúc … nhân chuyến thăm của X, …`: the occasion of an event
            continue  # inside a clause (`… hội đàm nhân chuyến thăm …`), not opening one
        cut = _PHRASE_END.search(body, m.end, matches[-1].start)
        if cut and any(s == "main" and o.start > cut.start() for s, o in zip(statuses[i + 1:], matches[i + 1:],
                                                                          strict=True)):
            statuses[i] = "reference"


def _date_from_before(doc: ArticleText, idx: SentenceIndex, span: Span, out: list[Mention]) -> None:
    """`Sau lễ đón, A hội đàm với B`: the meeting follows the ceremony told, with its date, in the sentence
    before (`Chiều 23/6, Lễ đón chính thức … được tổ chức …`)."""
    at = span.start - 1
    while at > 0 and doc.body[at].isspace():
        at -= 1
    if at <= 0:
        return
    prev = idx.sentence_at(at)
    when = best_date(dates_in(doc, prev.text, prev.start), prev.start)
    for men in out:
        if when and men.date is None:
            men.date, men.precision, men.said_day = when.date, when.precision, True
            men.span_days = _trip_days(doc.body, prev.start, men.kind, when)


def _during_trip(out: list[Mention]) -> None:
    """`… tại buổi hội đàm nhân chuyến thăm … từ ngày 8 đến 11/7`: a meeting told without a day of its own in
    the sentence of a trip with its days took place during them."""
    trip = next((men for men in out if men.kind == "visit" and men.span_days > 1), None)
    for men in out if trip is not None else ():
        if men.date is None:
            men.date, men.precision, men.span_days = trip.date, trip.precision, trip.span_days


def _trip_days(body: str, sent_start: int, kind: str, when: When) -> int:
    """How many days of a trip ``when`` opens: a visit's own range, or a range told with its trip."""
    trip = when.days > 1 and (kind == "visit" or TRIP_FRAME.search(body, sent_start, when.start) is not None)
    return when.days if trip else 1


def _mentions(doc: ArticleText) -> list[Mention]:
    """The meeting mentions of each sentence holding a meeting trigger that is not skipped."""
    body = doc.body
    idx = SentenceIndex(body)
    by_sentence: dict[int, list[Hit]] = {}
    for m in hits(doc.extra, body, "meeting"):
        by_sentence.setdefault(idx.sentence_at(m.start).start, []).append(m)
    known = doc.extra["_known_people"] = _Known(body)
    told: set[str] = set()  # kinds of meeting told so far as news
    plan = []
    for matches in by_sentence.values():
        found = _sentence_mentions(doc, idx, matches, known, told)
        told.update(k for men, is_main in found if is_main for k in (men.kind, *men.told_kinds))
        plan += found
    doc.extra["_previewed"] = previewed = bool(by_sentence) and _previewed(body, idx, by_sentence)
    if previewed:  # what is neither dated nor told as done is the programme
        plan = [(men, is_main) for men, is_main in plan if men.said_day or cue_in("done", body, men.start, men.end)]
    if not any(is_main for _, is_main in plan):
        return []  # anaphora with nothing to refer to
    aliases = known.aliases()
    for men, _ in plan:  # one name per person, for merging and sides; mentions are read, positions no longer matter
        men.people = [replace(p, name=aliases[p.name]) if p.name in aliases else p for p in men.people]
    return [men for men, _ in plan]


def _previewed(body: str, idx: SentenceIndex, by_sentence: dict[int, list[Hit]]) -> bool:
    """The lead tells the article's visit as still ahead (`Chuyến thăm … từ ngày 18 đến 22/7 sẽ góp phần …`,
    `phái đoàn … thăm chính thức Mỹ … sẽ gồm 200 người`): a visit of its sentence is planned, nothing is done."""
    start = _text_start(body)
    if start >= len(body):
        return False
    lead = idx.sentence_at(start)
    visits = [m for m in by_sentence.get(lead.start, []) if _trigger_kind(m)[0] == "visit"]
    if not visits or cue_in("done", body, lead.start, lead.end) or cue_in("news_day", body, lead.start, lead.end):
        return False
    first_plan = CUES["ahead"].search(body, lead.start, lead.end)  # not an invitation (`mời … sang thăm`)
    return first_plan is not None and any(_classify(body, lead.start, m, first_plan.end()) == "skip" for m in visits)


def _compatible(a: Mention, b: Mention) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.precision != b.precision:
        return False
    return same_day(a.date, b.date) or a.kind == b.kind == "visit" and (_trip_covers(a, b) or _trip_covers(b, a))


def _trip_covers(trip: Mention, other: Mention) -> bool:
    """A visit told with its days (`chuyến thăm từ ngày 8 đến 10/8`) includes a visit told on one of them
    (`Trưa 10/8, X rời Hà Nội, kết thúc chuyến thăm`): one trip."""
    return trip.span_days > 1 and other.date is not None and trip.date is not None and any(
        same_day(trip.date + timedelta(days=i), other.date) for i in range(1, trip.span_days))


def _absorb(group: Mention, other: Mention) -> None:
    """Merge ``other`` into ``group`` (people, localities, mode, location, date)."""
    group.members.append(other)
    known = {name_key(p.name): i for i, p in enumerate(group.people)}
    for p in other.people:
        key = name_key(p.name)
        if key not in known:
            known[key] = len(group.people)
            group.people.append(p)
        else:
            old = group.people[known[key]]
            side = p.side if p.sure and not old.sure else old.side or p.side
            if (not old.title and p.title) or (not old.locality and p.locality) or side != old.side:
                group.people[known[key]] = Person(old.start, old.end, old.name, old.title or p.title,
                                                  side, old.locality or p.locality, old.sure or p.sure)
    group.localities = unique(group.localities + other.localities)
    if "online" in (group.mode, other.mode):
        group.mode = "online"
    elif "in_person" in (group.mode, other.mode):
        group.mode = "in_person"
    group.location = group.location or other.location
    group.destination = group.destination or other.destination
    group.said_day = group.said_day or other.said_day
    if improves(group.date, other.date):
        group.date, group.precision, group.span_days = other.date, other.precision, other.span_days


def _same_meeting(g: Mention, men: Mention) -> bool:
    """``men`` tells meeting ``g`` again: a shared person, no counterpart of its own beside ``g``'s
    (`A tiếp B` is not `A tiếp C`), the same kind or (for talks and receptions, which captions mix up)
    two shared people."""
    shared = len(g.names & men.names)
    if not shared or not _compatible(g, men):
        return False
    if shared < 2 and (men.also or g.names - men.names and men.names - g.names):
        return False  # `Cùng ngày, Thủ tướng cũng đã tiếp …` after `Thủ tướng tiếp Bộ trưởng X`: another guest
    if men.named and g.titles and men.named not in g.titles:
        return False  # `Hội nghị xúc tiến đầu tư …` after `Hội nghị Tương lai châu Á`: another conference
    return g.kind == men.kind or (shared >= 2 and {g.kind, men.kind} <= _CAPTION_KINDS)


_WORD_AFTER = regex.compile(r" (\w+)(?=[ ,.;:)\n]|$)")
# words after a conference's noun that do not begin its name (`Hội nghị lần thứ 5`, `Hội nghị cấp cao`, `hội thảo
# về …`), besides the function words of ``lexicons/vi_function_words.txt``
_NOT_NAME_WORDS = frozenset("thứ cấp diễn toàn thể trù bị quốc tế chung song phương đa phương "
                            "trực tuyến hôm sáng chiều tối trưa".split())


def _name_word(body: str, m: Hit) -> str:
    """The first word of a conference's name, right after its noun (`Hội nghị Tương lai châu Á` → `tương`,
    `hội nghị xúc tiến đầu tư` → `xúc`); empty when a function word, a number or punctuation follows
    (`Hội nghị đã …`, `Tại hội nghị, …`): two mentions with different name words are two conferences."""
    after = _WORD_AFTER.match(body, m.end)
    word = after.group(1).casefold() if after else ""
    if not word or word.isdigit() or word in _NOT_NAME_WORDS or word in function_words():
        return ""
    return word


def _merge(mentions: list[Mention]) -> list[Mention]:
    """Groups of mentions that tell the same meeting, in order of their first mention."""
    groups: list[Mention] = []
    last: Mention | None = None
    pending: list[Mention] = []
    dated: list[Mention] = []
    said = False  # some mention before says a day
    by_trigger: dict[str, Mention] = {}
    for men in mentions:
        if men.relative and men.date is None:
            src = by_trigger.get(men.ref_text) if men.ref_text else None
            src = src or (dated[-1] if dated else None)
            if src is not None:
                men.date, men.precision, men.span_days = src.date, src.precision, src.span_days
            men.said_day = men.said_day or said  # `Sau đó, …` after `sáng 16-4`: a day is said, yearless
        said = said or men.said_day
        if men.date is not None:
            dated.append(men)
            by_trigger[men.trigger_text] = men
        if men.anaphoric:
            if last is not None:
                _absorb(last, men)
            else:
                pending.append(men)
            continue
        target = next((g for g in reversed(groups[-_MERGE_BACK:]) if _same_meeting(g, men)), None)
        if target is None:
            groups.append(men)
            target = men
            for p in pending:
                _absorb(men, p)
            pending = []
        else:
            _absorb(target, men)
        last = target
    return groups


def _frames_saying(body: str, pos: int, end: int) -> bool:
    """The first verb after a visit's trigger in its clause is a saying (`trong chuyến công tác tới VN cho biết`,
    `Trong chuyến thăm VN, trả lời phỏng vấn …`)."""
    first = _VERB_AFTER.search(body, pos, min(end, pos + _SAYING_REACH))
    return first is not None and first.lastgroup == "saying"


# a visit named as the occasion of a press event (`trong cuộc họp báo sáng nay nhân chuyến thăm …`, `trả lời phỏng
# vấn nhân dịp chuyến thăm …`): a day said is the press event's, and the visit only frames what was said there
_PRESS_OCCASION = regex.compile(r"(?:họp\s+báo|phỏng\s+vấn|gặp\s+gỡ\s+báo\s+chí)(?:\s+[\w-]+){0,5}?\s+(?:nhân|trong)"
                                r"(?:\s+dịp)?(?:\s+chuyến)?\s*$", regex.IGNORECASE)
_PRESS_REACH = 90
_SAYING_REACH = 200  # the verb that a visit frames follows it this close (linear time in run-on text)
_VERB_AFTER = regex.compile(f"(?P<saying>{word_alt(CUE_PATTERNS['saying'])})|"
                            f"(?P<other>{word_alt(['đã', 'vừa'] + CUE_PATTERNS['ahead'] + CUE_PATTERNS['reported'])})")


def _keep(body: str, g: Mention) -> bool:
    """A meeting needs named sides: people (one of them titled), or localities with a date or a place."""
    told = [m for m in [g, *g.members] if not m.anaphoric]
    if all(m.past and not m.own[0] for m in told):
        return False  # history without a date of its own (`hồi Tổng thống X thăm Việt Nam`)
    if all(m.frames_saying for m in told):
        return False  # a visit framing a statement, without a day of its own
    if g.people and not any(p.title for p in g.people):
        return False  # only people told by honorific (`ông John Smith`): no official side
    if not g.people and not any(_LOCAL_BODY.search(body, m.start, m.end) or _UNIT_NAMED.search(body, m.start, m.end)
                                for m in told):
        return False  # places firms or schools come from (`các doanh nghiệp từ Hà Nội, TP HCM`), not governments
    anchor = g.date is not None or g.location is not None or g.said_day
    n_people, n_loc = len(g.people), len(g.localities)
    return n_people >= 2 or (n_people == 1 and (anchor or n_loc >= 1)) or (n_loc >= 2 and anchor)


def _in_passing(body: str, text_start: int, g: Mention) -> bool:
    """A visit told after the lead with no day in any of its mentions (`hỗ trợ chuyến thăm của Thủ tướng tại Mỹ`,
    `Kết thúc chuyến thăm bang X, Thủ tướng …`): background or a frame, not a visit reported with its dates."""
    told = [m for m in [g, *g.members] if not m.anaphoric]
    return g.kind == "visit" and g.date is None and not any(m.said_day for m in told) and \
        body.find("\n", text_start, g.start) >= 0


# a meeting with no name (`cuộc họp về việc …`, `cuộc họp ngày 12/4 tại nhà máy`), unlike `cuộc họp Ủy ban …`,
# `cuộc họp lần thứ 5 …`; a `phiên họp` is a named body's session
_BARE_SESSION = regex.compile(r"(?i:cuộc họp)(?!\s+(?:[^\s,;.:]+\s+)?\p{Lu}|\s+(?:lần\s+)?thứ\s)")


def _bare_session(body: str, g: Mention) -> bool:
    """An unnamed session told only as where one person spoke (`Trong cuộc họp về …, ông X cho biết`): no
    meeting between named sides."""
    return len(g.people) <= 1 and all(_BARE_SESSION.match(body, m.trigger) for m in [g, *g.members])


_APPOS_END = regex.compile(r"[.;:()\n]|\s(?:và|cùng|đã|sẽ|tiếp|cho biết)\s")


def _international(body: str, person: Person) -> bool:
    """The person's title names an international organisation (`Tổng Thư ký LHQ Kofi Annan`)."""
    if not person.title:
        return False
    floor = max(0, person.start - 120)
    at = body.rfind(person.title, floor, person.start)
    if at >= 0:
        affiliation = body[at + len(person.title): person.start]
    else:  # appositive: `ông X, Chủ tịch Ban Công tác WTO`
        tail = body[person.end: person.end + 120]
        cut = _APPOS_END.search(tail, 2)
        affiliation = tail[: cut.start() if cut else len(tail)]
    return INTL.search(affiliation) is not None


def _keep_sides(g: Mention, sides: dict[frozenset[str], str]) -> None:
    """Once a name has a side from a country in its title anywhere in the article, every mention keeps
    it (`Thượng tướng, Phó Chủ tịch Quân ủy Trung ương Trung Quốc X` … `Thượng tướng X`)."""
    for i, p in enumerate(g.people):
        side = sides.get(name_key(p.name))
        if side and not p.sure and side != p.side:
            g.people[i] = replace(p, side=side)


def _scope(doc: ArticleText, a: int, b: int, strict: bool = False):
    """``scope_in`` of ``body[a:b]``, read once per span (many meetings share a sentence)."""
    cache = doc.extra.setdefault("_scope", {})
    key = (a, b, strict)
    if key not in cache:
        cache[key] = scope_in(doc.body[a:b], strict=strict)
    return cache[key]


def _foreign_sides(doc: ArticleText, idx: SentenceIndex, g: Mention) -> None:
    """A foreign name with no country in its title takes the one foreign country named in its sentence,
    else in its paragraph (`Tổng thống Nasagiin Bagabandi` in a Viet Nam–Mongolia story); one titled
    with an international organisation stays without a side."""
    body = doc.body
    for i, p in enumerate(g.people):
        if p.side is not None or not is_foreign_name(p.name) or _international(body, p):
            continue
        sent = idx.sentence_at(p.start)
        found = _scope(doc, sent.start, sent.end).countries
        if not found:
            found = _scope(doc, *idx.line_bounds(p.start)).countries
        if len(found) == 1:
            g.people[i] = replace(p, side=found[0])


def _bilateral_name(doc: ArticleText, g: Mention) -> bool:
    """A conference whose name is bilateral: `Diễn đàn Doanh nghiệp Việt Nam - EU`, `Gặp gỡ Hoa Kỳ`."""
    for men in [g, *g.members]:
        after = doc.body[men.trigger: min(men.end, men.trigger + _NAME_SPAN)]
        if _BILATERAL.search(after) or scope_in(after[:_NAME_SPAN // 2]).foreign:
            return True
    return False


def _destinations(g: Mention) -> list[str]:
    """Where a visit's mentions go (`đoàn … thăm và làm việc tại Hoa Kỳ`): the foreign side of a Vietnamese
    delegation that names no host; not a venue (`thăm Đại sứ quán Việt Nam tại Pháp`)."""
    return unique(m.destination for m in [g, *g.members] if m.kind == "visit" and m.destination)


def _in_scope(doc: ArticleText, g: Mention) -> bool:
    """Viet Nam ↔ foreign, from the participants' sides, the localities' countries, then what the
    meeting's sentences name in an actor's place. A side that only a bare title gave (`Thủ tướng Ôn Gia
    Bảo`) is Vietnamese only in an article that names Viet Nam, unless only Viet Nam has that office
    unqualified (`Chủ tịch nước`, `Chủ tịch UBND`); a Viet Nam side is implied by a plainly
    Vietnamese article when at most one person is named (`… tiếp đoàn doanh nghiệp Nhật Bản`)."""
    body = doc.body
    vn = any(p.side == _VIETNAM and (p.locality or VN_TITLE.search(p.title or "")) for p in g.people)
    foreign = any((p.side and p.side != _VIETNAM) or is_foreign_name(p.name) for p in g.people)
    loc_vn, loc_foreign = place_sides(g.localities + _destinations(g))
    vn, foreign = vn or loc_vn, foreign or loc_foreign
    if vn and foreign:
        return True
    if (g.kind == "conference" or not g.people) and not foreign and \
            not place_sides([g.location] if g.location else [])[1] and not _bilateral_name(doc, g):
        # a Vietnamese meeting, or one of Vietnamese places only, that talks about a foreign country
        return False
    for men in [g, *g.members]:
        sc = _scope(doc, men.start, men.end, strict=True)
        vn, foreign = vn or sc.vn, foreign or sc.foreign
        if vn and foreign:
            return True
    if not foreign:
        return False
    if any(p.side == _VIETNAM for p in g.people) and article_sides(doc.extra, body)[0] > 0:
        return True
    if g.kind == "conference" and _vietnamese_attends(doc, g):
        return True
    if len(g.people) < 2:  # two or more foreigners and no Vietnamese: foreign–foreign
        return article_is_vietnamese(doc.extra, body)
    return False


def _vietnamese_attends(doc: ArticleText, g: Mention) -> bool:
    """A conference told by its foreign speakers (`Thủ tướng Hun Sen phát biểu tại phiên toàn thể Thượng đỉnh
    GMS`), none of them Vietnamese, in an article that names Viet Nam and a Vietnamese official: a
    multilateral meeting Viet Nam takes part in."""
    if any(p.side == _VIETNAM for p in g.people) or article_sides(doc.extra, doc.body)[0] == 0:
        return False
    return any(p.side == _VIETNAM and p.title and not is_foreign_name(p.name)
               for p in doc.extra["_known_people"].people())


def _whole_vietnam(name: str) -> bool:
    place = lookup_place(name)
    return place is not None and place.is_country and place.country == _VIETNAM


def _located_by_trip(groups: list[Mention]) -> None:
    """A meeting told with no venue, held by someone on a trip the article tells with one destination (`X sang
    Israel …` … `Trong chuyến công tác lần này, X còn gặp gỡ …`), took place there; not when the trip is to Viet
    Nam as a whole, which says nothing of the place."""
    trips = [(g.names, dests[0]) for g in groups if g.kind == "visit" and len(dests := _destinations(g)) == 1
             and not _whole_vietnam(dests[0])]
    if not trips:
        return
    for g in groups:
        if g.kind != "visit" and g.location is None and g.destination is None:
            found = {dest for names, dest in trips if names & g.names}
            if len(found) == 1:
                g.destination = found.pop()


def previews_visit(doc: ArticleText) -> bool:
    """The article's lead tells its visit as still ahead (read with the meetings)."""
    meeting_groups(doc)
    return doc.extra.get("_previewed", False)


def meeting_groups(doc: ArticleText) -> list[Mention]:
    """Merged meetings kept for output (in scope or not), cached on the document for the agreement
    extractor."""
    cached = doc.extra.get("_meeting_groups")
    if cached is None or cached[0] != len(doc.body):
        groups = [g for g in _merge(_mentions(doc)) if _keep(doc.body, g) and not _bare_session(doc.body, g)]
        if groups:
            idx = SentenceIndex(doc.body)
            sides = doc.extra["_known_people"].sides()
            sides.update({name_key(p.name): p.side for g in groups for p in g.people if p.sure and p.side})
            for g in groups:
                if g.kind != "visit":  # a meeting during a trip, its own day untold: the trip's month
                    g.date, g.precision = within(g.date, g.precision, g.span_days)
                _keep_sides(g, sides)
                _foreign_sides(doc, idx, g)
                g.in_scope = _in_scope(doc, g)
            _located_by_trip(groups)
            start = _text_start(doc.body)
            groups = [g for g in groups if not _in_passing(doc.body, start, g)]  # after it has located the trip's meetings
        cached = doc.extra["_meeting_groups"] = (len(doc.body), groups)
    return cached[1]


def _evidence(g: Mention) -> tuple[int, int]:
    """The sentence that tells the most about the meeting: dated, most people, earliest."""
    told = [m for m in [g, *g.members] if not m.anaphoric]
    best = max(told, key=lambda m: (*m.own, -m.start))
    return best.start, best.end


def _row(doc: ArticleText, g: Mention) -> dict:
    start, end = _evidence(g)
    people = [{"name": p.name, "title": p.title, "side": p.side} for p in g.people]
    return {
        "date": stated(g.date),
        "date_precision": g.precision if stated(g.date) else "unknown",
        "mode": g.mode,
        "kind": g.kind,
        "location": g.location or g.destination,
        "participants": people,
        "localities": g.localities,
        "evidence": doc.body[start:end],
        "evidence_start": start,
        "evidence_end": end,
    }


def extract_meetings(doc: ArticleText) -> list[dict]:
    """Meeting rows (contract columns except ``meeting_id`` and ``article_id``)."""
    return [_row(doc, g) for g in meeting_groups(doc) if g.in_scope]


__all__ = ["extract_meetings", "meeting_groups", "Mention", "previews_visit"]
