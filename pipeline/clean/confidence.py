"""How sure the cleaner is that the body is the page's article, in [0, 1], with the weakest reason."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.clean.features import (
    BLANK,
    CAPTION,
    DOUBLED,
    HEAD,
    LINKS,
    PARA,
    TEASER,
    Feat,
    prose_words,
    share_of,
    syllables,
)
from pipeline.clean.lexicon import function_words

_PROSE_RATIO = 0.1  # share of function words from which a finished segment reads as prose
_LIST_ITEMS = (LINKS, TEASER, DOUBLED, HEAD)
_JUDGED = 400  # body words looked at for how the body reads


@dataclass(frozen=True, slots=True)
class Confidence:
    """The score and its parts: ``held`` (share of the page's prose in the body), ``prose`` (share of
    body words in finished sentences that read as prose: function words, final punctuation), ``echo``
    (share of the headline's words in the body's opening, 1 from 40 %; 1 when there is no headline),
    ``length`` (1 from 20 words down to 0.5 for none) and ``whole`` (1 minus the share of paragraphs
    that follow a dropped headline or link: in a topic listing every summary does)."""

    score: float
    held: float
    prose: float
    echo: float
    length: float
    whole: float = 1.0

    def reason(self) -> str:
        """The weakest part, in words."""
        parts = {  # the more telling reasons first: they win ties
            "the body reads as a list of other articles' summaries": self.whole,
            f"the body holds only {self.held:.0%} of the page's prose": self.held,
            f"only {self.prose:.0%} of the body reads as finished sentences": self.prose,
            "the body's opening does not echo the headline": self.echo,
            "the body is a few words long": self.length,
        }
        return min(parts, key=parts.get)


def _reads_as_prose(f: Feat) -> bool:
    if not f.final:
        return False
    if f.func_ratio:
        return f.func_ratio >= _PROSE_RATIO
    words = f.text[:200].casefold().split(maxsplit=20)[:20]  # a quick look: punctuation left on the words
    return sum(map(function_words().__contains__, words)) >= _PROSE_RATIO * len(words)


def body_confidence(feats: list[Feat], keep: list[bool], anchor: str) -> Confidence:
    """Score the chosen body against the whole page: a page whose prose is mostly elsewhere (footer,
    teaser lists, a second text), a body of headlines, labels or fragments, a body that does not echo
    its headline, a body of a few words, or one whose paragraphs each follow a dropped headline (a
    topic listing) all lower it. One pass over the segments."""
    page = body = prose = words = judged = 0  # `judged`: body words whose prose-ness was looked at
    paras = listed = 0  # body paragraphs; those right after a dropped headline, link or teaser
    opening: list[str] = []
    prev: Feat | None = None
    prev_kept = False
    for f, k in zip(feats, keep, strict=True):
        if f.kind == BLANK:
            continue
        pw = prose_words(f) if f.kind in (PARA, CAPTION) else 0
        if f.kind == PARA and f.n_words >= 8:
            page += pw
        if k:
            words += f.n_words
            body += pw
            if pw:
                paras += 1
                listed += paras > 1 and prev is not None and not prev_kept and prev.kind in _LIST_ITEMS
            if judged < _JUDGED:  # the opening tells how the body reads
                judged += f.n_words
                prose += f.n_words if _reads_as_prose(f) else 0
            if (need := 60 - len(opening)) > 0:
                opening.extend(f.text.split(maxsplit=need)[:need])
        prev, prev_kept = f, k
    if not words:
        return Confidence(0.0, 0.0, 0.0, 0.0, 0.0)
    held = min(1.0, body / page) if page else 1.0
    want = syllables(anchor)
    echo = min(1.0, 2.5 * share_of(want, syllables(" ".join(opening)))) if want else 1.0
    length = min(1.0, 0.5 + words / 40)
    whole = 1.0 - (listed / (paras - 1) if paras >= 3 else 0.0)
    score = length * min(1.0, 0.5 + whole) * (0.35 * held + 0.35 * prose / judged + 0.3 * echo)
    return Confidence(round(score, 3), held, prose / judged, echo, length, whole)

