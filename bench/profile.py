"""Profile clean+extract with pyinstrument (`python -m bench.profile [N]`): top functions by self time.

Writes `bench/work/profile.html` and `bench/work/profile-top.md`; decoding runs before profiling starts.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from bench.corpus import ROOT, WORK, read_sample, spread

N = 2000


def _walk(frame, stack: set[str], self_t: dict[str, float], total_t: dict[str, float], parent: str = "") -> None:
    """Sum self time per function, and inclusive time counted once per stack (recursion not doubled).

    Built-ins (`Pattern.search`) are named with their caller, so each regex call site is its own entry."""
    if frame.is_synthetic:
        return
    path = frame.file_path or ""
    try:
        path = str(Path(path).relative_to(ROOT))
    except ValueError:
        path = path.split("site-packages/")[-1].split("/lib/python3")[-1]
    key = f"{frame.function} ({path}:{frame.line_no})"
    if path.startswith("<"):
        key = f"{frame.function} ← {parent}"
    self_t[key] += frame.total_self_time
    if key not in stack:
        total_t[key] += frame.time
    for child in frame.children:
        _walk(child, stack | {key}, self_t, total_t, key)


def profile(n: int = N, top: int = 10, interval: float = 0.0005) -> str:
    """Run clean+extract on ``n`` sample articles under pyinstrument; returns a markdown table of the top."""
    from pyinstrument import Profiler

    from pipeline.bronze import decode
    from pipeline.clean import clean_document
    from pipeline.extract import ArticleText, extract_article

    texts = []
    for a in spread(read_sample(), n):
        try:
            texts.append((str(a.id), decode(a.raw).text))
        except Exception:  # noqa: BLE001 - rejected documents are not part of the profile
            continue
    for _, t in texts[:5]:  # warm-up: lexicons load outside the profile
        c = clean_document(t)
        extract_article(ArticleText("warmup", c.body, c.title, c.reference_year, c.published_at))
    profiler = Profiler(interval=interval)
    failed = 0
    with profiler:
        for article_id, text in texts:
            try:
                c = clean_document(text)
                extract_article(ArticleText(article_id, c.body, c.title, c.reference_year, c.published_at))
            except Exception:  # noqa: BLE001 - counted
                failed += 1
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "profile.html").write_text(profiler.output_html())
    root = profiler.last_session.root_frame()
    self_t: dict[str, float] = defaultdict(float)
    total_t: dict[str, float] = defaultdict(float)
    _walk(root, set(), self_t, total_t)
    wall = root.time
    lines = [f"clean+extract on {len(texts):,} articles ({failed} failed): {wall:.2f} s sampled, "
             f"{wall / max(len(texts), 1) * 1000:.2f} ms/article", "",
             "| # | function (file:line) | self s | self % | incl. s |", "|---|---|---|---|---|"]
    for i, (key, s) in enumerate(sorted(self_t.items(), key=lambda kv: -kv[1])[:top], 1):
        lines.append(f"| {i} | `{key}` | {s:.2f} | {s / wall:.1%} | {total_t[key]:.2f} |")
    md = "\n".join(lines) + "\n"
    (WORK / "profile-top.md").write_text(md)
    return md


if __name__ == "__main__":
    print(profile(int(sys.argv[1]) if len(sys.argv) > 1 else N))
