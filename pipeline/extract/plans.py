"""Events told as still ahead by their context rather than by a cue beside the trigger.

A visit's programme is often told without `sẽ` in every sentence: under a schedule heading
(`Chương trình làm việc ngày 27-6`), or as the next step of a planned one (`… Thủ tướng sẽ duyệt đội danh dự.
Sau đó hai Thủ tướng hội đàm`). An event named in an opening phrase whose main clause is future
(`Tại hội thảo, các chuyên gia sẽ giới thiệu …`) is ahead too. Cues are in ``lexicons/cues.tsv``.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from pipeline.extract.events import CUE_PATTERNS, CUES, SentenceIndex, cue_in, word_alt
from pipeline.text import Span

_HEADING_MAX = 80  # a heading line is short and ends without a full stop
_HEADING_END = regex.compile(r"[.!?;:,…\"”)]\s*$")
_SCHEDULE_HEAD = regex.compile(r"^\W*" + word_alt(CUE_PATTERNS["schedule"]))
_FRAME_HEAD = regex.compile(r"\W*" + word_alt(CUE_PATTERNS["frame"]))
# the main clause's first verb marker: a plan (`sẽ`), or a deed or a saying that is told as done
_MARKER = regex.compile(f"(?P<plan>{word_alt(CUE_PATTERNS['ahead'])})|"
                        f"(?P<told>{word_alt(CUE_PATTERNS['done'] + CUE_PATTERNS['reported'])})")
_CLAUSE_END = regex.compile(r"[;\n]")
# a day or month of its own (`ngày 5/3`, `hồi tháng 3`, `trưa nay`, `hôm qua`)
DAY_SAID = regex.compile(r"(?<!\d)\d{1,2}\s*[/-]\s*\d{1,2}(?!\d)|(?i:(?:ngày|tháng)\s+\d|(?:hôm|sáng|trưa|chiều|tối)\s+(?:nay|qua))")


_OPENS_WITH_PLAN = regex.compile(r"\W*(?i:theo\s+)?" + word_alt(CUE_PATTERNS["plan_opening"]) + r"\s*,")


def opens_with_plan(body: str, span: Span) -> bool:
    """The sentence opens with a plan adverb that governs all of it (`Dự kiến, nhiều văn kiện … được ký kết`)."""
    return _OPENS_WITH_PLAN.match(body, span.start, span.end) is not None


def sentence_plan(body: str, span: Span) -> regex.Match | None:
    """The sentence's first strong plan cue; on the news day (`chiều nay`) a bare `sẽ` is the day's programme."""
    today = cue_in("news_day", body, span.start, span.end)
    return next((p for p in CUES["planned_strong"].finditer(body, span.start, span.end)
                 if not (today and p.group().casefold() == "sẽ")), None)


def _schedule_sections(extra: dict, body: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the stretches under a schedule heading, each to the next heading (cached)."""
    cached = extra.get("_schedules")
    if cached is None or cached[0] != len(body):
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for line in body.split("\n"):
            text = line.strip()
            heading = 0 < len(text) <= _HEADING_MAX and not _HEADING_END.search(text)
            if heading and len(ends) < len(starts):
                ends.append(pos)
            if heading and _SCHEDULE_HEAD.search(text):
                starts.append(pos + len(line) + 1)
            pos += len(line) + 1
        if len(ends) < len(starts):
            ends.append(len(body))
        cached = extra["_schedules"] = (len(body), (starts, ends))
    return cached[1]


def _under_schedule(extra: dict, body: str, pos: int) -> bool:
    starts, ends = _schedule_sections(extra, body)
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _previous(idx: SentenceIndex, span: Span) -> Span | None:
    at = span.start - 1
    while at > 0 and idx.body[at].isspace():
        at -= 1
    return idx.sentence_at(at) if at > 0 else None


def planned_by_context(extra: dict, idx: SentenceIndex, span: Span, first: int) -> bool:
    """The sentence, whose first trigger is at ``first``, tells a programme: under a schedule heading, or
    dated by the sentence before (`Sau đó`, `Tiếp đó`) when that one is planned; unless it says the
    events are done (`đã`, `vừa`, `hôm qua`)."""
    body = idx.body
    if cue_in("done", body, span.start, span.end):
        return False
    if _under_schedule(extra, body, span.start):
        return True
    if cue_in("relative_date", body, span.start, first) is None or DAY_SAID.search(body, span.start, span.end):
        return False  # `Chiều 12-11, ngay sau cuộc hội đàm, …` has its own day
    prev = _previous(idx, span)
    return prev is not None and _ahead(body, prev.start, prev.end)


def _ahead(body: str, a: int, b: int) -> bool:
    """The first verb marker in ``body[a:b]`` is a plan (`sẽ`, `dự kiến`), not a deed or a saying: the plan
    is the clause's own, not reported (`hai bên nhất trí sẽ …`)."""
    if cue_in("news_day", body, a, b):
        return False
    marker = _MARKER.search(body, a, b)
    return marker is not None and marker.lastgroup == "plan"


def told_ahead(body: str, span: Span) -> bool:
    """The sentence tells its event as ahead: it opens with a plan (`Theo chương trình dự kiến, …`) or its first
    verb marker is one (`Viện X sẽ tổ chức một hội thảo …`)."""
    return opens_with_plan(body, span) or _ahead(body, span.start, span.end)


def subject_ahead(body: str, span: Span, trigger: tuple[int, int]) -> bool:
    """The event opens the sentence as its subject and the predicate is ahead (`Chuyến thăm … (từ 4 đến 11/5)
    hứa hẹn góp phần …`, `Chuyến thăm … sẽ góp phần …`)."""
    if body[span.start: trigger[0]].strip(" \"'“”-–") or cue_in("news_day", body, span.start, span.end):
        return False
    end = _CLAUSE_END.search(body, trigger[1], span.end)
    return _ahead(body, trigger[1], end.start() if end else span.end)


def future_frame(body: str, span: Span, trigger: tuple[int, int]) -> bool:
    """The trigger sits in an opening phrase (`Tại hội thảo`, `Trong thời gian thăm Mỹ`) and the main clause
    after it is future: its first marker is a plan (`sẽ`), not a deed or a saying (`đã`, `cho biết`). Not on
    the news day, whose programme is told with `sẽ` too."""
    comma = body.find(",", trigger[1], span.end)
    if comma < 0 or body.find(",", span.start, trigger[0]) >= 0 or not _FRAME_HEAD.match(body, span.start, trigger[0]):
        return False
    if cue_in("news_day", body, span.start, comma):
        return False
    end = _CLAUSE_END.search(body, comma, span.end)
    return _ahead(body, comma, end.start() if end else span.end)


__all__ = ["DAY_SAID", "future_frame", "opens_with_plan", "planned_by_context", "sentence_plan", "subject_ahead",
           "told_ahead"]
