"""The same texts cleaned by trafilatura and jusText (bench-only dependencies), each line a `<p>`."""

from __future__ import annotations

import html
import statistics
import time
from collections.abc import Callable, Sequence

PAGE = '<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body>\n{}\n</body></html>'


def to_html(text: str) -> str:
    """A minimal HTML page holding each non-empty line of ``text`` as one paragraph."""
    return PAGE.format("\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip()))


def _trafilatura() -> Callable[[str], str]:
    import trafilatura

    return lambda page: trafilatura.extract(page, include_comments=False, include_tables=False) or ""


def _justext() -> Callable[[str], str]:
    import justext

    stoplist = justext.get_stoplist("Vietnamese")

    def run(page: str) -> str:
        paragraphs = justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


CLEANERS: dict[str, Callable[[], Callable[[str], str]]] = {"trafilatura": _trafilatura, "jusText": _justext}


def measure_baseline(name: str, texts: Sequence[str]) -> dict:
    """Median/mean ms per article and characters kept, for one baseline cleaner (pages built untimed)."""
    try:
        clean = CLEANERS[name]()
    except ImportError as e:
        return {"available": False, "error": f"{e} (pip install -e '.[bench]')"}
    pages = [to_html(t) for t in texts]
    for page in pages[:3]:
        clean(page)  # warm-up
    seconds, chars, failed = [], 0, 0
    for page in pages:
        t = time.perf_counter()
        try:
            out = clean(page)
        except Exception:  # noqa: BLE001 - counted
            failed += 1
            continue
        seconds.append(time.perf_counter() - t)
        chars += len(out)
    total = sum(seconds)
    return {
        "available": True, "n_ok": len(seconds), "n_failed": failed, "total_s": total,
        "median_ms": statistics.median(seconds) * 1000 if seconds else None,
        "mean_ms": total * 1000 / len(seconds) if seconds else None, "chars_kept": chars,
    }


def with_ratios(result: dict, ours: dict, our_chars: int) -> dict:
    """Add ratios to our clean stage: time (theirs ÷ ours; above 1 means ours is faster) and characters kept."""
    if not result.get("available") or not ours.get("median_ms"):
        return result
    return result | {
        "median_ratio": result["median_ms"] / ours["median_ms"],
        "mean_ratio": result["mean_ms"] / ours["mean_ms"],
        "chars_ratio": result["chars_kept"] / our_chars if our_chars else None,
    }
