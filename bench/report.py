"""Targets beside measured values: `results.json` (everything measured) and `results.md` (one table)."""

from __future__ import annotations

import json
from pathlib import Path

TARGET_MS = 1.0  # clean+extract per article per core
TARGET_E2E_S = 30.0  # 16k articles end to end, 2 cores
TARGET_NOOP_S = 2.0  # a re-run with nothing changed
TARGET_REFRESH = 0.05  # 1 % new articles, as a share of a full build
TARGET_REFRESH_SCALE = 0.03  # the same at 160k
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


def _runs(label: str, n: int, full: dict | None, refresh: dict | None, noop: dict | None, floor: dict | None,
          refresh_target: float, n_refresh: int) -> list[Row]:
    """A data set's no-op re-run, its 1 % refresh as a share of its full build, and the read+NFC floor."""
    rows: list[Row] = []
    if refresh and full:
        ratio = refresh["wall_s"] / full["wall_s"]
        status = _failed(full) or _failed(refresh) or _verdict(ratio <= refresh_target)
        rows.append((f"refresh{label}: +{n_refresh:,} articles (1 %) in new batches",
                     f"{refresh['wall_s']:.1f} s wall = {ratio:.1%} of the full build; {_build(refresh)}",
                     f"≤ {refresh_target:.0%}", status))
    if noop:
        rows.append((f"no-op re-run{label}, nothing changed", _build(noop), f"≤ {TARGET_NOOP_S:g} s",
                     _failed(noop) or _verdict(noop["wall_s"] <= TARGET_NOOP_S)))
    if floor:
        share = f" (the full build is {full['wall_s'] / floor['wall_s']:.0f}× it)" if full and floor["wall_s"] else ""
        rows.append((f"read+NFC floor{label}: {floor['files']:,} files, one process",
                     f"{floor['wall_s']:.1f} s wall, {floor['cpu_s']:.1f} s CPU{share}", "", "info"))
    return rows


def build_rows(e2e: dict, scale: dict) -> list[Row]:
    """End-to-end 16k, refresh of 1 %, no-op, floor, and the 160k scale run with its growth."""
    full = e2e.get("full")
    rows: list[Row] = []
    if full:
        status = _failed(full) or _verdict(full["wall_s"] <= TARGET_E2E_S)
        rows.append((f"`hoptac build`, {e2e['n_articles']:,} articles", _build(full), f"≤ {TARGET_E2E_S:g} s wall",
                     status))
    if e2e:
        rows += _runs("", e2e["n_articles"], full, e2e.get("refresh"), e2e.get("noop"), e2e.get("floor"),
                      TARGET_REFRESH, e2e.get("n_refresh", 0))
    big = scale.get("build")
    if not scale:
        return rows
    if not big:
        rows.append(("scale: 10× the sample", scale.get("skipped", "not run"), f"RSS ≤ {TARGET_RSS_MB:g} MiB", "skipped"))
        return rows
    status = _failed(big) or _verdict(big["peak_rss_mb"] <= TARGET_RSS_MB)
    rows.append((f"`hoptac build`, {scale['n_articles']:,} articles", _build(big),
                 f"peak RSS ≤ {TARGET_RSS_MB:g} MiB", status))
    rows += _runs(" at scale", scale["n_articles"], big, scale.get("refresh"), scale.get("noop"), scale.get("floor"),
                  TARGET_REFRESH_SCALE, scale.get("n_refresh", 0))
    if full and full["returncode"] == 0 and big["returncode"] == 0:
        k = scale["n_articles"] / e2e["n_articles"]
        t, m = big["wall_s"] / full["wall_s"], big["peak_rss_mb"] / full["peak_rss_mb"]
        rows.append((f"growth {e2e['n_articles']:,} → {scale['n_articles']:,} ({k:.1f}× articles)",
                     f"time {t:.1f}×, peak RSS {m:.1f}×", f"RSS ≤ {k:.1f}× (linear)", _verdict(m <= k)))
    return rows


def _build(b: dict) -> str:
    cpu = f", {b['cpu_s']:.1f} s CPU" if b.get("cpu_s") is not None else ""
    recorded = f"; in the Dagster instance after {b['recorded_s']:.1f} s" if b.get("recorded_s") is not None else ""
    return f"{b['wall_s']:.1f} s wall{cpu}, peak RSS {b['peak_rss_mb']:.0f} MiB{recorded}"


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
