"""Page furniture that reads like text: the site's legal and contact footer, login / comment / paywall
forms and widget instructions. Phrases are data (`lexicons/page_furniture.txt`)."""

from __future__ import annotations

from functools import cache

import regex

from pipeline.clean.lexicon import LEXICONS

FOOTER, FORM = "footer", "form"
_LEAD = regex.compile(r"[\s*>»•|\-–—(\[]*")


@cache
def _phrases() -> tuple[regex.Pattern, dict[str, str]]:
    kinds: dict[str, str] = {}
    for line in (LEXICONS / "page_furniture.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, phrase = line.partition("\t")
            kinds.setdefault(phrase.strip().casefold(), kind.strip())
    alts = sorted(kinds, key=len, reverse=True)
    # Whole words: no letter or digit on either side (a phrase may end with `:` or be `©`).
    pattern = regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(a) for a in alts) + r")(?![\p{L}\p{N}])",
                            regex.IGNORECASE)
    return pattern, kinds


def _is_label(text: str, start: int) -> bool:
    """A phrase written as a label: capitalised (or a symbol such as `©`), not a lower-case word of prose."""
    c = text[start]
    return c.isupper() or not c.isalpha()


def label_starts(line: str) -> list[int]:
    """Where a footer or form label (a strong phrase written with a capital) starts in ``line``: the
    cleaner cuts flattened pages there, so the furniture stands apart from the prose around it."""
    pattern, kinds = _phrases()
    return [m.start() for m in pattern.finditer(line)
            if kinds[m.group().casefold()] != "ui" and _is_label(line, m.start())]


def furniture_kind(text: str, n_words: int) -> str | None:
    """`footer` or `form` when ``text`` is page furniture: it opens with a label, or holds two phrases
    (weak `ui` phrases count half) and is not a long paragraph that merely mentions them."""
    pattern, kinds = _phrases()
    seen: dict[str, str] = {}
    lead = _LEAD.match(text).end()
    opener = None
    for m in pattern.finditer(text):
        key = m.group().casefold()
        kind = kinds[key]
        if m.start() == lead and kind != "ui" and _is_label(text, m.start()):
            opener = kind
        seen.setdefault(key, kind)
    if opener:
        return opener
    strong = [k for k in seen.values() if k != "ui"]
    score = len(strong) + 0.5 * (len(seen) - len(strong))
    if score < 2 or n_words > 25 * score:
        return None
    return FOOTER if strong.count(FOOTER) * 2 >= len(strong) and strong else FORM
