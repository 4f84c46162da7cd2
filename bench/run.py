"""Run every benchmark and write `bench/results.json` and `bench/results.md` (`python -m bench`)."""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime

from bench.baselines import CLEANERS, measure_baseline, with_ratios
from bench.corpus import ROOT, SAMPLE, WORK, Article, marked, prepare_bronze, read_sample, spread
from bench.e2e import add_batch, read_nfc_floor, timed_build
from bench.report import write
from bench.stages import measure_stages

OUT = ROOT / "bench"
BATCH_SIZE = 1000
SCALE_COPIES = 10


def _env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value in (None, "") else value.lower() not in ("0", "false", "no", "off")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--stage-n", type=int, default=int(os.environ.get("BENCH_STAGE_N") or 0),
                   help="articles for the per-stage and baseline timings, spread over the sample "
                        "(0 = all; env BENCH_STAGE_N)")
    p.add_argument("--scale", action=argparse.BooleanOptionalAction, default=_env_flag("BENCH_SCALE", False),
                   help="also build 10× the sample (160k articles, about half an hour on 2 cores: off by "
                        "default; env BENCH_SCALE=1)")
    p.add_argument("--e2e", action=argparse.BooleanOptionalAction, default=_env_flag("BENCH_E2E", True),
                   help="end-to-end and refresh builds through `hoptac build` (env BENCH_E2E=0 to skip)")
    p.add_argument("--limit", type=int, default=None, help="use only the first N sample articles (quick runs)")
    return p.parse_args(argv)


def run_stages(articles: list[Article], n: int) -> tuple[dict, dict]:
    """Per-stage timings of our pipeline, then the baselines on the same decoded texts."""
    run = measure_stages([a.raw for a in spread(articles, n or len(articles))])
    stages = run.summary()
    baselines = {}
    for name in CLEANERS:
        print(f"bench: baseline {name} on {len(run.texts):,} articles", flush=True)
        baselines[name] = with_ratios(measure_baseline(name, run.texts), stages["clean"], sum(run.clean_chars))
    return stages, baselines


def run_e2e(articles: list[Article]) -> dict:
    """Full build of the sample in batches, then a refresh with 1 % new articles as a new batch."""
    data = WORK / "e2e"
    prepare_bronze(data, articles, batch_size=BATCH_SIZE)
    print(f"bench: hoptac build on {len(articles):,} articles", flush=True)
    full = timed_build(data, data / "dagster_home", WORK / "e2e-full.log")
    new = [(f"r-{a.id:05d}", marked(a.raw, "bench refresh")) for a in spread(articles, len(articles) // 100)]
    add_batch(data, f"b{-(-len(articles) // BATCH_SIZE):02d}", new)
    print(f"bench: refresh with {len(new)} new articles", flush=True)
    refresh = timed_build(data, data / "dagster_home", WORK / "e2e-refresh.log")
    print("bench: no-op re-run", flush=True)
    noop = timed_build(data, data / "dagster_home", WORK / "e2e-noop.log")
    return {"n_articles": len(articles), "n_refresh": len(new), "full": asdict(full), "refresh": asdict(refresh),
            "noop": asdict(noop), "floor": read_nfc_floor(data)}


def run_scale(articles: list[Article]) -> dict:
    """Build ten copies of the sample (copies 1–9 carry a marker line, so every document is new)."""
    data = WORK / "scale"
    n = prepare_bronze(data, articles, copies=SCALE_COPIES, batch_size=BATCH_SIZE)
    print(f"bench: hoptac build on {n:,} articles", flush=True)
    build = timed_build(data, data / "dagster_home", WORK / "scale-full.log")
    new = [(f"r-{a.id:05d}", marked(a.raw, "bench scale refresh")) for a in spread(articles, n // 100)]
    for i in range(0, len(new), BATCH_SIZE):  # 1 % of 160k: two new batches
        add_batch(data, f"r{i // BATCH_SIZE:03d}", new[i:i + BATCH_SIZE])
    print(f"bench: refresh with {len(new)} new articles", flush=True)
    refresh = timed_build(data, data / "dagster_home", WORK / "scale-refresh.log")
    noop = timed_build(data, data / "dagster_home", WORK / "scale-noop.log")
    return {"n_articles": n, "n_refresh": len(new), "build": asdict(build), "refresh": asdict(refresh),
            "noop": asdict(noop), "floor": read_nfc_floor(data)}


def compile_bytecode() -> None:
    """Write the project's bytecode, as installing a wheel does (pip compiles every module it installs):
    the builds are then timed as an installed hoptac runs. An editable install has none, and with
    `PYTHONDONTWRITEBYTECODE` set (as on this machine) every build's processes would compile the modules
    they import again (about 0.1 s of a refresh)."""
    import compileall

    for package in ("pipeline", "schemas"):
        compileall.compile_dir(ROOT / package, quiet=2)


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
        return out.stdout.strip() + ("+dirty" if dirty.strip() else "")
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not SAMPLE.exists():
        print(f"bench: VNTC sample not found at {SAMPLE}", file=sys.stderr)
        return 2
    started, t0 = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    articles = read_sample(args.limit)
    stage_n = min(args.stage_n or len(articles), len(articles))
    print(f"bench: stages on {stage_n:,} of {len(articles):,} articles", flush=True)
    stages, baselines = run_stages(articles, stage_n)
    results: dict = {"stages": stages, "baselines": baselines, "e2e": {}, "scale": {}}
    compile_bytecode()
    if args.e2e:
        results["e2e"] = run_e2e(articles)
    if args.e2e and args.scale:
        results["scale"] = run_scale(articles)
    else:
        results["scale"] = {"skipped": "skipped (off by default: BENCH_SCALE=1 make bench)" if args.e2e else "skipped (BENCH_E2E=0)"}
    results["meta"] = {
        "started": started, "commit": _commit(), "cores": os.cpu_count(), "python": platform.python_version(),
        "n_articles": len(articles), "stage_n": stage_n, "batch_size": BATCH_SIZE,
        "duration_s": time.perf_counter() - t0, "bytecode": "compiled before the builds",
    }
    print(write(results, OUT))
    return 0
