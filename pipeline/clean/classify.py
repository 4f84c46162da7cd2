"""Label segments as article body or page chrome: local kinds, then a pass over the page order
(before the article, in it, in a related box, after it) and block smoothing of short-line runs."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pipeline.clean.features import (
    BLANK,
    BOX,
    CAPTION,
    CELL,
    CHROME,
    DOMAIN,
    DOUBLED,
    END,
    HEAD,
    ITEM,
    LINKS,
    NOISE,
    PARA,
    PLACEHOLDER,
    SENTENCE_END,
    SOURCE,
    STAMP,
    TEASER,
    Feat,
    prose_words,
    share_of,
    syllables,
)
from pipeline.clean.furniture import FOOTER, FORM
from pipeline.clean.metadata import name_like

PRE, BODY, INBOX, POST = 0, 1, 2, 3
SHORT = (HEAD, ITEM, CELL)
# An agency tag opening a lead (`(NLĐO) - `, `VOV.VN - `): only the article's own first paragraph has
# one, so a later one-sentence paragraph that opens with one is another article's teaser.
_SAME_OPENING = 0.35  # the same for a block before the article's main block (its lead, cut off by a marker)
_BARE_CREDIT = regex.compile(r"^(?:nguồn|ảnh|source)\s*:$", regex.IGNORECASE)
_AGENCY_LEAD = regex.compile(r"^(?:\(\p{Lu}[\p{Lu}\d.+/&]{1,11}\)|\p{Lu}{2,}\.\p{L}{2,3})\s?[-–—]\s*\p{Lu}")


@dataclass(slots=True)
class Labels:
    """Result of classification over one document's segments."""

    keep: list[bool]
    title: int | None = None  # index of the headline segment, when one was found before the body
    stamps: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    tail: list[int] = field(default_factory=list)  # short lines after the last body text (byline area)


def _truncated(f: Feat) -> bool:
    """A short paragraph cut off with `...`: a teaser's summary, not the article's own text."""
    return f.n_words < 40 and f.text.endswith(("...", "…"))


def _resumes(feats: list[Feat], i: int) -> bool:
    """After a related-news box: do two full paragraphs in a row start at ``i``?"""
    seen = 0
    for f in feats[i:]:
        if f.kind == BLANK:
            continue
        if f.kind in (PARA, CAPTION) and f.n_words >= 12 and not _truncated(f):
            seen += 1
            if seen >= 2:
                return True
            continue
        return False
    return False


def classify(feats: list[Feat], first_is_title: bool = True, anchor: str = "") -> Labels:
    """Decide which segments are body.

    Before the body, the last headline-like line is the title candidate. Body starts at the first
    paragraph or caption; an end marker (`Tin bài liên quan`, `Đọc nhiều`, `Nguồn:` …), the site's
    footer or a form closes it; a box marker (`Tin liên quan`, `Xem thêm`) suspends it until two full
    paragraphs follow. Prose after a close starts another block, and the block that reads most like the
    article (see `choose_block`) is the body. Teasers (an image with text, a headline written twice
    and the summary after it, another article's lead opening with its agency tag) are dropped wherever
    they are. ``first_is_title`` is false when a header block already gave the title; ``anchor`` is
    the headline and summary text the article should echo."""
    n = len(feats)
    keep = [False] * n
    labels = Labels(keep)
    state = PRE
    head_cand: int | None = None
    teaser_next = False
    prev: int | None = None  # previous non-blank segment
    shorts: list[int] = []  # short lines inside the body, decided by block smoothing
    block = [-1] * n  # block number of each kept or short segment
    current = 0
    resumed: set[int] = set()  # blocks that resume the one before after a related-news box
    body_words, tagged_lead = 0, False  # words kept so far; does the first paragraph open with a tag?
    footer_seen = cut_short = False
    for i, f in enumerate(feats):
        k = f.kind
        if k == BLANK:
            continue
        p, prev = prev, i
        if k == STAMP:
            labels.stamps.append(f.text)
        elif k == DOMAIN:
            labels.domains.append(f.text)
        elif k == SOURCE:
            labels.sources.append(f.text)
            if state == BODY and f.text.casefold().startswith(("nguồn", "source")):
                state, current = POST, current + 1
        elif k == END and state == BODY and _BARE_CREDIT.match(f.text):
            state, cut_short = INBOX, False  # `Nguồn:` alone on its line: a credit whose name opens the next
        elif k in (END, FOOTER, FORM):
            if state in (BODY, INBOX):
                state, current = POST, current + 1
            if k == FOOTER:
                footer_seen = True
                _peel_contact(feats, keep, shorts, i)
        elif k == BOX:
            if state == BODY:
                state, cut_short = INBOX, False
        elif k in (CHROME, PLACEHOLDER, LINKS, NOISE, TEASER):
            pass
        elif k == DOUBLED:
            teaser_next = True
        elif k == HEAD and p is not None and feats[p].kind == HEAD and feats[p].text == f.text:
            # The same headline twice in a row, then its summary: an item of a news list.
            if p in shorts:
                shorts.remove(p)
            if p == head_cand:
                head_cand = None
            teaser_next = True
        elif teaser_next and k in (PARA, HEAD):
            teaser_next = False
        elif state == POST and k not in (PARA, CAPTION) or f.contact and (state == POST or footer_seen):
            pass  # after the article only prose starts another block; after a footer, address lines don't
        elif (k == PARA and body_words >= 100 and not tagged_lead and _AGENCY_LEAD.match(f.text)
              and not SENTENCE_END.search(f.text)):
            pass  # another article's one-sentence lead (`(NLĐO) - …`) in a list of teasers after this one
        else:
            teaser_next = False
            if state == INBOX:
                cut_short = cut_short or _truncated(f)  # a box of summaries cut with `...`: a teaser list
                if k in (PARA, CAPTION) and not cut_short and _resumes(feats, i):
                    state, current = BODY, current + 1
                    resumed.add(current)
                else:
                    continue
            if k in (PARA, CAPTION):
                if not body_words:
                    tagged_lead = _AGENCY_LEAD.match(f.text) is not None
                body_words += f.n_words
                keep[i] = True
                block[i] = current
                state = BODY
            elif state == PRE:
                if k != ITEM:
                    head_cand = i
            else:
                shorts.append(i)
                block[i] = current
    labels.title = head_cand if first_is_title else None
    if current:
        chosen = choose_block(feats, keep, block, resumed,
                              anchor or (feats[head_cand].text if head_cand is not None else ""))
        for i in range(n):
            if keep[i] and block[i] not in chosen:
                keep[i] = False
        shorts = [i for i in shorts if block[i] in chosen]
    _smooth(feats, keep, shorts, labels)
    return labels


def _peel_contact(feats: list[Feat], keep: list[bool], shorts: list[int], footer: int) -> None:
    """The site's footer starts at ``footer``: the address / phone lines just before it (and short lines
    among them) belong to it, not to the article."""
    run: list[int] = []
    for j in range(footer - 1, -1, -1):
        f = feats[j]
        if f.kind == BLANK or not (keep[j] or j in shorts):
            continue
        if not (f.contact or f.n_words <= 12):
            break
        run.append(j)
    while run and not feats[run[-1]].contact:
        run.pop()  # short lines before the first contact line stay (a byline, the last sentence)
    for j in run:
        keep[j] = False
        if j in shorts:
            shorts.remove(j)


def choose_block(feats: list[Feat], keep: list[bool], block: list[int], resumed: set[int], anchor: str) -> set[int]:
    """The blocks of kept prose that are the article. The main block has the most prose words, weighted
    by how much of the headline / summary its first 60 words echo (teaser lists and headline runs echo
    less; the first block wins ties: the article comes before what follows it). The blocks just before
    it belong to it when their opening shares the article's vocabulary (its lead, cut off by a stray
    marker); after it, only a block that resumes it after a related-news box does."""
    words: dict[int, int] = {}
    opening: dict[int, list[str]] = {}
    for i, k in enumerate(keep):
        if k:
            b = block[i]
            words[b] = words.get(b, 0) + prose_words(feats[i])
            head = opening.setdefault(b, [])
            if (need := 60 - len(head)) > 0:
                head.extend(feats[i].text.split(maxsplit=need)[:need])
    want = syllables(anchor)

    def score(b: int) -> tuple[float, int]:
        return words[b] * (0.5 + share_of(want, syllables(" ".join(opening[b])))), -b

    # A block resumed after a box continues the one before it: it joins that one or nothing.
    main = max(sorted(b for b in words if b not in resumed or b - 1 not in words), key=score)
    chosen = {main}
    if min(words) < main:
        vocab = syllables(" ".join(f.text for f, k, b in zip(feats, keep, block, strict=True) if k and b == main))
        for b in sorted((b for b in words if b < main), reverse=True):  # the article's opening, cut off by a marker
            if share_of(syllables(" ".join(opening[b])), vocab) < _SAME_OPENING:
                break
            chosen.add(b)
    for b in sorted(words):
        if b in resumed and b - 1 in chosen:
            chosen.add(b)
    return chosen


def _next_kept(feats: list[Feat], keep: list[bool], i: int) -> bool:
    """Is the next non-blank segment after ``i`` kept body text?"""
    for j in range(i + 1, len(feats)):
        if feats[j].kind != BLANK:
            return keep[j]
    return False


def _adjacent(feats: list[Feat], a: int, b: int) -> bool:
    """No non-blank segment between ``a`` and ``b``."""
    return all(feats[j].kind == BLANK for j in range(a + 1, b))


def _introduced(feats: list[Feat], keep: list[bool], i: int) -> bool:
    """Does the kept text right before ``i`` end with `:` (it introduces a list)?"""
    for j in range(i - 1, -1, -1):
        if feats[j].kind != BLANK:
            return keep[j] and feats[j].text.endswith(":")
    return False


def _tablelike(feats: list[Feat], run: list[int]) -> bool:
    """A list or a table flattened to lines, not a list of headlines."""
    if any(feats[i].text.endswith(":") for i in run[:-1]):
        return True  # a label introducing the lines after it
    cells = sum(1 for i in run if feats[i].kind in (ITEM, CELL))
    return cells >= 0.6 * len(run)


def _smooth(feats: list[Feat], keep: list[bool], shorts: list[int], labels: Labels) -> None:
    """Short lines inside the body. A lone headline-like line before more body is a subheading; runs
    that look like a list or table are kept; runs of headlines are a related-news list. After the last
    body text, trailing name / source lines are the byline area (not body)."""
    if not shorts:
        return
    last_body = max((i for i, k in enumerate(keep) if k), default=-1)
    runs: list[list[int]] = []
    for i in shorts:
        if runs and _adjacent(feats, runs[-1][-1], i):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        intro = _introduced(feats, keep, run[0])
        if run[0] > last_body:
            # Byline area: peel name-like lines (and at most one other short line) off the end.
            while run and (name_like(feats[run[-1]].text) or feats[run[-1]].n_words <= 3 and len(run) <= 2):
                labels.tail.append(run.pop())
            f0 = feats[run[0]] if run else None
            lone_sentence = len(run) == 1 and f0.kind == HEAD and f0.n_words >= 10 and f0.func_ratio >= 0.2
            if intro or lone_sentence or len(run) >= 2 and _tablelike(feats, run) or run and all(
                    feats[i].kind == ITEM for i in run):
                for i in run:
                    keep[i] = True
            else:
                labels.tail.extend(run)
        elif len(run) == 1:
            if feats[run[0]].kind != HEAD or _next_kept(feats, keep, run[0]):
                keep[run[0]] = True
        elif intro or _tablelike(feats, run):
            for i in run:
                keep[i] = True
