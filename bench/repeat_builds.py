"""Many consecutive `hoptac build` runs on the seeds, counting exit statuses (issue 11, item 9: a
successful build must exit 0, never 134 from a native thread torn down at interpreter exit).

    .venv/bin/python -m bench.repeat_builds [N=100] [--force-every K=2]

Every K-th build is `--force` (a full rebuild and publication), the others are incremental (nothing
to do). Not run in CI: about N × 5 s on 2 cores. Work folder: `bench/work/repeat/` (git-ignored).
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "bronze" / "seeds"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100)
    parser.add_argument("--force-every", type=int, default=2)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "work" / "repeat")
    args = parser.parse_args(argv)
    shutil.rmtree(args.work, ignore_errors=True)
    shutil.copytree(SEEDS, args.work / "data" / "bronze" / "seeds")
    env = {**os.environ, "DATA_DIR": str(args.work / "data"), "DAGSTER_HOME": str(args.work / "home"),
           "HOPTAC_LOG_LEVEL": "WARNING"}
    statuses: collections.Counter[int] = collections.Counter()
    started = time.perf_counter()
    for i in range(args.n):
        cmd = [sys.executable, "-m", "pipeline.cli", "build"]
        if args.force_every and i % args.force_every == 0:
            cmd.append("--force")
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        statuses[proc.returncode] += 1
        if proc.returncode:
            print(f"build {i + 1}: exit {proc.returncode}\n{proc.stderr[-1500:]}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"{args.n} builds in {elapsed:.0f} s: exit statuses {dict(sorted(statuses.items()))}")
    return 0 if set(statuses) == {0} else 1


if __name__ == "__main__":
    sys.exit(main())
