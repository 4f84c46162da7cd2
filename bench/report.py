"""Targets beside measured values: `results.json` (everything measured) and `results.md` (one table)."""

from __future__ import annotations

import json
from pathlib import Path

TARGET_MS = 1.0  # clean+extract per article per core
TARGET_E2E_S = 60.0  # 16k articles end to end
TARGET_REFRESH = 0.05  # 1 % new articles, as a share of a full build
TARGET_RSS_MB = 1.5 * 1024  # peak RSS at 160k articles (MiB)

Row = tuple[str, str, str, str]  # measure, measured, target, status


def _ms(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3g} ms"


def _verdict(ok: bool) -> str:
    return "pass" if ok else "**miss**"


def _failed(build: dict | None) -> str | None:
    if not build:
        return "not run"
    if build["returncode"] == 0:
        return None
    why = f": {build['first_error'][:120]}" if build.get("first_error") else ""
    return f"blocked: build failed (exit {build['returncode']}){why}"


def stage_rows(stages: dict) -> list[Row]:
    """One row per stage; the clean+extract row carries the per-core target."""
    rows: list[Row] = []
    for name in ("decode", "clean", "extract", "clean+extract"):
        s = stages[name]
        fails = f"; {s['n_failed']} failed ({s['first_error'][:80]})" if s["n_failed"] else ""
        rate = f", {s['mb_per_s']:.2f} MB/s" if s.get("mb_per_s") else ""
        measured = (f"{_ms(s['median_ms'])} median, {_ms(s['mean_ms'])} mean, {_ms(s['p95_ms'])} p95{rate} "
                    f"(n={s['n_ok']}{fails})")
        label = "decode+normalise" if name == "decode" else name
        if name != "clean+extract":
            rows.append((f"{label} per article", measured, "", "info"))
            continue
        status = "blocked: extraction failed" if not s["n_ok"] else _verdict(s["median_ms"] <= TARGET_MS)
        rows.append(("clean+extract per article, 1 core", measured, f"≤ {TARGET_MS:g} ms (median)", status))
    return rows


def baseline_rows(baselines: dict) -> list[Row]:
    rows: list[Row] = []
    for name, b in baselines.items():
        if not b.get("available"):
            rows.append((f"{name} clean per article", f"not measured: {b.get('error')}", "", "skipped"))
            continue
        ratio = (f"; {b['median_ratio']:.1f}× ours median, {b['mean_ratio']:.1f}× mean, "
                 f"{b['chars_ratio']:.2f}× our characters kept") if "median_ratio" in b else ""
        rows.append((f"{name} clean per article", f"{_ms(b['median_ms'])} median, {_ms(b['mean_ms'])} mean{ratio}",
                     "", "info"))
    return rows


def build_rows(e2e: dict, scale: dict) -> list[Row]:
    """End-to-end 16k, refresh of 1 %, and the 160k scale run with its growth."""
    full, refresh = e2e.get("full"), e2e.get("refresh")
    rows: list[Row] = []
    if full:
        status = _failed(full) or _verdict(full["wall_s"] <= TARGET_E2E_S)
        rows.append((f"`hoptac build`, {e2e['n_articles']:,} articles", _build(full), f"≤ {TARGET_E2E_S:g} s", status))
    if refresh:
        ratio = refresh["wall_s"] / full["wall_s"]
        status = _failed(full) or _failed(refresh) or _verdict(ratio <= TARGET_REFRESH)
        rows.append((f"refresh: +{e2e['n_refresh']} articles (1 %) as a new batch",
                     f"{refresh['wall_s']:.1f} s = {ratio:.1%} of the full build", f"≤ {TARGET_REFRESH:.0%}", status))
    big = scale.get("build")
    if not scale:
        return rows
    if not big:
        rows.append(("scale: 10× the sample", scale.get("skipped", "not run"), f"RSS ≤ {TARGET_RSS_MB:g} MiB", "skipped"))
        return rows
    status = _failed(big) or _verdict(big["peak_rss_mb"] <= TARGET_RSS_MB)
    rows.append((f"`hoptac build`, {scale['n_articles']:,} articles", _build(big),
                 f"peak RSS ≤ {TARGET_RSS_MB:g} MiB", status))
    if scale.get("refresh"):
        ratio = scale["refresh"]["wall_s"] / big["wall_s"]
        rows.append((f"refresh at scale: +{scale['n_refresh']:,} articles (1 %) in new batches",
                     f"{scale['refresh']['wall_s']:.1f} s = {ratio:.1%} of the {scale['n_articles']:,} build",
                     "", _failed(scale["refresh"]) or "info"))
    if full and full["returncode"] == 0 and big["returncode"] == 0:
        k = scale["n_articles"] / e2e["n_articles"]
        t, m = big["wall_s"] / full["wall_s"], big["peak_rss_mb"] / full["peak_rss_mb"]
        rows.append((f"growth {e2e['n_articles']:,} → {scale['n_articles']:,} ({k:.1f}× articles)",
                     f"time {t:.1f}×, peak RSS {m:.1f}×", f"RSS ≤ {k:.1f}× (linear)", _verdict(m <= k)))
    return rows


def _build(b: dict) -> str:
    return f"{b['wall_s']:.1f} s, peak RSS {b['peak_rss_mb']:.0f} MiB"


def markdown(results: dict) -> str:
    """The results as one markdown table (plus a line saying when, where and on what)."""
    meta = results["meta"]
    rows = stage_rows(results["stages"]) + baseline_rows(results.get("baselines", {}))
    rows += build_rows(results.get("e2e", {}), results.get("scale", {}))
    lines = [f"hoptac benchmarks — {meta['started']}, commit {meta['commit']}, {meta['cores']} cores, "
             f"Python {meta['python']}; stages on {meta['stage_n']:,} VNTC articles; run took {meta['duration_s']:.0f} s",
             "", "| measure | measured | target | status |", "|---|---|---|---|"]
    lines += [f"| {' | '.join(cell.replace('|', '/') for cell in row)} |" for row in rows]
    return "\n".join(lines) + "\n"


def write(results: dict, out_dir: Path) -> str:
    """Write `results.json` and `results.md` into ``out_dir``; returns the markdown."""
    md = markdown(results)
    (out_dir / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n")
    (out_dir / "results.md").write_text(md)
    return md
