"""`clean_document`: one decoded page in, one cleaned article out."""

from __future__ import annotations

import regex

from pipeline.clean.classify import classify
from pipeline.clean.confidence import body_confidence
from pipeline.clean.features import PARA, describe
from pipeline.clean.markup import strip_markup
from pipeline.clean.metadata import name_like, outlet_from, parse_timestamp, reference_year
from pipeline.clean.model import CleanDoc
from pipeline.clean.segments import read_header, segment

# An agency tag after a headline glued to its lead: `Tiêu đề (NLĐ)- Lãnh đạo …`.
_GLUED_TITLE = regex.compile(
    r"^(?P<title>[^.!?]{10,200}?)\s*\((?:NLĐ|TTO|TN|PLO|VOV|VTV|TTXVN|TTXVN/Vietnam\+|Dân trí|VnExpress|"
    r"Chinhphu\.vn|CAND|QĐND|ND|HNM|SGGP|VNA)\)\s*[-–—:]\s*"
)
def _dedup_key(text: str) -> str:
    return text.casefold()


def clean_document(text: str, source_path: str = "") -> CleanDoc:
    """Reduce a page (already NFC with `\\n` line ends) to its article.

    ``body`` keeps the lead, paragraphs and the article's own captions, joined by `\\n` (pieces of one
    flattened line that are kept side by side are joined by a space); a caption repeated verbatim is
    kept once. ``title`` is the `Title:` header, else the headline line just before the body; when the
    page opens with prose (a headline glued to its lead), that line stays in the body and the title is
    the part before an agency tag such as `(NLĐ)-`, or None."""
    lines = text.split("\n")
    head = read_header(lines)
    fields = head.fields
    if fields:
        lines = lines[head.content_start:]
        if "content" in fields:
            lines = [fields["content"], *lines[1:]]
    segs = segment(lines, flattened="content" in fields)
    feats = [describe(s) for s in segs]
    anchor = " ".join(fields[k] for k in ("title", "summary") if fields.get(k))
    labels = classify(feats, first_is_title="title" not in fields, anchor=anchor)

    title = strip_markup(fields["title"]) if fields.get("title") else None
    if title is None and labels.title is not None:
        title = feats[labels.title].text or None

    parts: list[str] = []
    seen: set[str] = set()
    title_key = _dedup_key(title) if title else None
    prev_kept: tuple[int, int] | None = None  # (segment index, line) of the last kept segment
    first_kept = True
    for i, (seg, f) in enumerate(zip(segs, feats, strict=True)):
        if not labels.keep[i]:
            continue
        piece = f.text
        if first_kept and title is None and f.kind == PARA and labels.title is None:
            m = _GLUED_TITLE.match(piece)
            if m and len(m.group("title").split()) >= 3:
                title = m.group("title").strip()
                piece = piece[m.end():]
        first_kept = False
        key = _dedup_key(piece)
        if not key or key == title_key or (key in seen and len(key) > 12):
            continue
        seen.add(key)
        if prev_kept and seg.squashed and prev_kept[1] == seg.line and prev_kept[0] == i - 1:
            parts[-1] = parts[-1] + " " + piece
        else:
            parts.append(piece)
        prev_kept = (i, seg.line)
    body = "\n".join(parts)

    published = parse_timestamp(fields["published"]) if fields.get("published") else None
    if published is None and labels.stamps:
        published = parse_timestamp(labels.stamps[0])

    outlet = None
    for cand in (fields.get("outlet"), fields.get("url"), fields.get("source"), *labels.domains):
        if cand and (outlet := outlet_from(cand)):
            break

    author = name_like(fields["author"]) or fields["author"] if fields.get("author") else None
    if author is None:
        for i in sorted(labels.tail, reverse=True):
            if name := name_like(feats[i].text):
                author = name
                break

    year = published.year if published else reference_year(body, title)
    headline = title if title and not name_like(title) else None  # a byline taken for the headline echoes nothing
    conf = body_confidence(feats, labels.keep, " ".join(t for t in (headline, fields.get("summary")) if t))
    return CleanDoc(title=title, body=body, published_at=published, outlet=outlet, author=author,
                    reference_year=year, body_confidence=conf.score,
                    confidence_reason=conf.reason() if conf.score < 0.8 else "")
