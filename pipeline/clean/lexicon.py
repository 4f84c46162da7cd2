"""Word lists for cleaning, read once from ``pipeline/lexicons/``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"


def _lines(name: str) -> list[str]:
    out = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@cache
def function_words() -> frozenset[str]:
    """Casefolded Vietnamese function words (one syllable each)."""
    return frozenset(w.casefold() for w in _lines("vi_function_words.txt"))


@cache
def markers() -> dict[str, frozenset[str]]:
    """Boilerplate markers by kind: ``end``, ``box``, ``chrome``, ``crumb``."""
    kinds: dict[str, set[str]] = {}
    for line in _lines("boilerplate_markers.txt"):
        kind, _, phrase = line.partition("\t")
        kinds.setdefault(kind.strip(), set()).add(phrase.strip().casefold())
    return {k: frozenset(v) for k, v in kinds.items()}
