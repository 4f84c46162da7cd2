"""Profile a refresh (`python -m bench.refresh_profile [DATA_DIR]`): pyinstrument over `pipeline.cli.main(["build"])`
after the data root's last batch was taken out, built without it, and put back (default: `bench/work/e2e`, the 16k
root `make bench` builds, whose last batch is the 1 % refresh; its Dagster home is `DATA_DIR/dagster_home`). It
works in place (a copy would give every file a new inode, and the plan would hash every batch again); the root
ends as it was, built with the batch.

Writes `bench/work/refresh-profile.txt` (the call tree down to 50 ms, then the timeline of the build,
`pipeline.timeline`) and prints its top. `hoptac`'s own entry point ends with `os._exit`, so the profile
calls `main` instead. Only the build's own process is profiled: its Dagster bookkeeping is recorded
afterwards from the outbox by a detached process (`pipeline.recorder`), which the profile waits for
before it returns.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import ROOT, WORK


def profile(root: Path) -> str:
    from pyinstrument import Profiler

    env = {**os.environ, "DATA_DIR": str(root), "DAGSTER_HOME": str(root / "dagster_home"), "HOPTAC_LOG_LEVEL": "WARNING"}
    last = sorted(p for p in (root / "bronze").iterdir() if p.is_dir())[-1]
    aside = root.parent / f".{root.name}-{last.name}"
    shutil.rmtree(aside, ignore_errors=True)
    shutil.move(last, aside)
    try:
        subprocess.run([sys.executable, "-m", "pipeline.cli", "build", "--wait-for-instance"], cwd=ROOT, env=env, check=True, capture_output=True)
    finally:
        shutil.move(aside, last)
    timeline = WORK / "refresh-timeline.txt"
    timeline.unlink(missing_ok=True)
    os.environ.update(env | {"HOPTAC_TIMELINE": str(timeline)})
    from pipeline.cli import main

    profiler = Profiler(interval=0.001)
    started, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    with profiler:
        status = main(["build"])
    after = resource.getrusage(resource.RUSAGE_SELF)
    from pipeline.recorder import wait_recorded

    wait_recorded(root / "dagster_home")
    text = profiler.output_text(unicode=False, color=False)
    lines = [ln for ln in text.splitlines() if _seconds(ln) >= 0.05]
    head = (f"refresh of {last.name} (status {status}): {time.perf_counter() - started:.2f} s wall, "
            f"{after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime:.2f} s CPU in the build's process")
    steps = ["", "timeline (seconds since the build started, process, step):", *timeline.read_text().splitlines()]
    (WORK / "refresh-profile.txt").write_text("\n".join([head, *lines, *steps]) + "\n")
    return "\n".join([head, *lines[:60], *steps])


def _seconds(line: str) -> float:
    for word in line.replace("|", " ").replace("`-", " ").split():
        try:
            return float(word)
        except ValueError:
            continue
    return 0.0


if __name__ == "__main__":
    print(profile(Path(sys.argv[1]) if len(sys.argv) > 1 else WORK / "e2e"))
