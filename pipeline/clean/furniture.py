"""Page furniture that reads like text: the site's legal and contact footer, login / comment / paywall
forms and widget instructions. Phrases are data (`lexicons/page_furniture.txt`), compiled once into
one trie-shaped pattern so that a scan costs one pass over the text."""

from __future__ import annotations

import re
from functools import cache

from pipeline.clean.lexicon import LEXICONS

FOOTER, FORM, CONTACT, UI = "footer", "form", "contact", "ui"
_LEAD = re.compile(r"[\s*(\[{\"“‘'>»•|\-–—]*")
_MAX_WORDS = 60  # a longer segment is prose that may mention a phrase: only a label opening it counts
_OPENING = 48  # characters of a long segment searched for an opening label


def _trie_pattern(phrases: list[str]) -> str:
    """A regex alternation of ``phrases`` factored by common prefixes; a space matches any run of blanks."""
    trie: dict = {}
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@cache
def _lexicon() -> tuple[re.Pattern, dict[str, str], bool]:
    kinds: dict[str, str] = {}
    for line in (LEXICONS / "page_furniture.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, phrase = line.partition("\t")
            kinds.setdefault(" ".join(phrase.casefold().split()), kind.strip())
    # Whole words: no word character before, none after (unless the phrase ends with `:` or is `©`).
    pattern = re.compile(r"(?<!\w)(?:" + _trie_pattern(list(kinds)) + r")(?:(?<=[:©])|(?!\w))")
    lead_free = not any(_LEAD.match(p[:1]).end() for p in kinds)  # no phrase opens with a `_LEAD` character
    return pattern, kinds, lead_free


def _phrase(m: re.Match, kinds: dict[str, str]) -> tuple[int, int, str, str]:
    phrase = " ".join(m.group().split())
    return m.start(), m.end(), phrase, kinds[phrase]


def _found(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, phrase, kind) of each phrase in ``text``."""
    pattern, kinds, _ = _lexicon()
    return [_phrase(m, kinds) for m in pattern.finditer(text.lower())]


def _opening(text: str) -> tuple[int, int, str, str] | None:
    """The phrase that opens ``text`` (after `_LEAD`) when it is the first `_found` finds in its first
    `_OPENING` characters. When no phrase starts with a `_LEAD` character none can start before it, so
    one match at that place answers."""
    pattern, kinds, lead_free = _lexicon()
    lead = _LEAD.match(text).end()
    if not lead_free:
        found = _found(text[:_OPENING])
        return found[0] if found and found[0][0] == lead else None
    m = pattern.match(text[:_OPENING].lower(), lead)
    return None if m is None else _phrase(m, kinds)


_AFTER_LABEL = re.compile(r"\s*[:\d(+]")


def _is_label(text: str, start: int, end: int, kind: str, short: bool = False) -> bool:
    """Written as a label, not as words of a sentence: capitalised (or a symbol such as `©`) and, for
    a footer or contact phrase, followed by a colon or a number, or written in capitals, or the whole
    (short) segment. A form's sentence (`Vui lòng nhập …`) needs only its capital."""
    c = text[start]
    if c.isalpha() and not c.isupper():
        return False
    return (short or kind == FORM or not c.isalpha() or text[end - 1] == ":" or text[start:end].isupper()
            or _AFTER_LABEL.match(text, end) is not None)


def label_starts(line: str) -> list[int]:
    """Where a footer, contact or form label starts in ``line``, and where a form widget's words
    (`Tải lại trang`, `Copy link`) end when a capitalised sentence follows: the cleaner cuts flattened
    pages there, so the furniture stands apart from the prose around it."""
    cuts = []
    for a, end, _, kind in _found(line):
        if kind == UI or not _is_label(line, a, end, kind):
            continue
        cuts.append(a)
        if kind == FORM and end < len(line) - 1 and line[end] == " " and line[end + 1].isupper():
            cuts.append(end + 1)
    return cuts


def furniture_kind(text: str, n_words: int) -> str | None:
    """`footer`, `form` or `contact` when ``text`` is page furniture: it opens with a label, or (when
    short) holds two different phrases, weak `ui` phrases counting half. A footer or form phrase
    outweighs contact ones."""
    # Only a label opening it can make a long segment, or one without a label's `:`, `@` or `©`, furniture.
    if n_words > _MAX_WORDS or not (":" in text or "@" in text or "©" in text):
        opening = _opening(text)
        if opening is None:
            return None
        start, end, _, kind = opening
        return kind if kind != UI and _is_label(text, start, end, kind, n_words <= 8) else None
    found = _found(text)
    if not found:
        return None
    start, end, _, kind = found[0]
    if kind != UI and start == _LEAD.match(text).end() and _is_label(text, start, end, kind, n_words <= 8):
        return kind
    # A strong phrase counts fully when written as a label; inside a sentence it is only a hint.
    distinct = {phrase: k if _is_label(text, a, b, k) else UI for a, b, phrase, k in found}
    strong = [k for k in distinct.values() if k != UI]
    if len(strong) + 0.5 * (len(distinct) - len(strong)) < 2:
        return None
    for kind in (FOOTER, FORM, CONTACT):
        if kind in strong:
            return kind
    return FORM
