"""Markdown and scrape markup: find images and links, strip them from kept text."""

from __future__ import annotations

import regex

# Alt text may hold one level of brackets (`![[Video] Tiêu đề](url)`); the target may be empty (`![]()`).
_BRACKETED = r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]"
_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
IMAGE = regex.compile(r"!" + _BRACKETED + _TARGET)
LINK = regex.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]" + _TARGET)
# Two or more links separated only by blanks or list punctuation: a link list.
LINK_RUN = regex.compile(
    r"(?:(?<!!)" + _BRACKETED + _TARGET + r"[\s|•·,;/*-]*){2,}"
)
_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
_BULLET = regex.compile(r"^\s*[*+•]\s+")
_QUOTE = regex.compile(r"^\s*(?:>\s*)+")
_EMPHASIS = regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_BARE_URL = regex.compile(r"<?https?://[^\s>)]+>?")
_HTML = regex.compile(r"</?[a-zA-Z][^<>]{0,200}>|&(?:nbsp|amp|quot|lt|gt|#\d{1,5});")
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&quot;": '"', "&lt;": "<", "&gt;": ">"}
_PIPE_END = regex.compile(r"\s*\|\s*$")
HEADING_START = regex.compile(r"^\s{0,3}#{1,6}\s+\S")


def has_markup(text: str) -> bool:
    """Cheap test: could ``text`` hold markdown that needs stripping (one of ``[]*#_<>&|`` or `http`)?
    Substring tests, each a fast scan in C, beat one regex stepping through every position."""
    return ("[" in text or "]" in text or "*" in text or "#" in text or "_" in text or "<" in text
            or ">" in text or "&" in text or "|" in text or "http" in text)


def _html(m: regex.Match) -> str:
    tok = m.group(0)
    if tok.startswith("&#"):
        return chr(int(tok[2:-1]))
    return _ENTITIES.get(tok, " ")


def strip_markup(text: str) -> str:
    """Plain text of one segment: images and bare URLs gone, links reduced to their text,
    heading / bullet / emphasis markers and a trailing caption pipe (`… |`) removed."""
    if has_markup(text):
        text = IMAGE.sub(" ", text)
        text = LINK.sub(lambda m: m.group(1), text)
        text = _BARE_URL.sub(" ", text)
        text = _HTML.sub(_html, text)
        text = _HEADING.sub("", text)
        text = _BULLET.sub("", text)
        text = _QUOTE.sub("", text)
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
        text = _PIPE_END.sub("", text)
    return " ".join(text.split())


def plain(text: str) -> str:
    """``text`` without markup and with single spaces (fast path for markup-free lines)."""
    if has_markup(text):
        return strip_markup(text)
    text = text.strip()
    return " ".join(text.split()) if "  " in text or "\t" in text or "\xa0" in text else text


def link_chars(text: str) -> int:
    """Characters of link text (not targets) in ``text``."""
    if "](" not in text:
        return 0
    return sum(len(m.group(1)) for m in LINK.finditer(text))
