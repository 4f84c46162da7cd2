"""End-to-end builds through the real command (`hoptac build`), timed, with the peak RSS of its process tree."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import psutil

from bench.corpus import ROOT
from pipeline.recorder import wait_recorded

GNU_TIME = Path("/usr/bin/time")
POLL_S = 0.2


@dataclass
class BuildRun:
    """One `hoptac build`: wall time, peak RSS (MB) and how it ended."""

    wall_s: float
    peak_rss_mb: float
    cpu_s: float | None
    rss_source: str
    returncode: int
    summary: str
    log: str
    first_error: str | None = None
    recorded_s: float | None = None  # from the start until the Dagster instance holds the build

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def hoptac_command() -> list[str]:
    """The `hoptac` entry point of the interpreter running the bench (the project venv)."""
    exe = Path(sys.executable).parent / "hoptac"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "pipeline.cli"]


def _poll_tree_rss(proc: psutil.Popen, peak: list[int]) -> None:
    """Sum the RSS of every descendant of ``proc`` (not the `time` wrapper itself) until it exits."""
    while proc.poll() is None:
        total = 0
        try:
            kids = proc.children(recursive=True)
            members = kids if kids else [proc]
            for p in members:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak[0] = max(peak[0], total)
        time.sleep(POLL_S)


def _gnu_time_rss_mb(path: Path) -> float | None:
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", path.read_text()) if path.exists() else None
    return int(m.group(1)) / 1024 if m else None


def _gnu_time_cpu_s(path: Path) -> float | None:
    """User + system CPU seconds of the build and every worker process it waited for (GNU time -v)."""
    text = path.read_text() if path.exists() else ""
    parts = [re.search(rf"{kind} time \(seconds\): ([\d.]+)", text) for kind in ("User", "System")]
    return sum(float(m.group(1)) for m in parts) if all(parts) else None


def read_nfc_floor(data_dir: Path) -> dict:
    """The floor under any build of ``data_dir/bronze``: read every file and NFC-normalise its text
    (one process, nothing else), timed in the same run as the builds it is compared with."""
    started, files, chars = time.perf_counter(), 0, 0
    cpu = time.process_time()
    for path in sorted((data_dir / "bronze").rglob("*.txt")):
        chars += len(unicodedata.normalize("NFC", path.read_bytes().decode("utf-8", errors="replace")))
        files += 1
    return {"wall_s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu, "files": files, "chars": chars}


def timed_build(data_dir: Path, dagster_home: Path, log: Path) -> BuildRun:
    """Run `hoptac build` on ``data_dir`` with ``dagster_home``; the log keeps its output. The wall time is
    the command's (it returns once the outputs are published); ``recorded_s`` is when the Dagster
    instance held the build too (`pipeline.recorder`), waited for before the next run starts.

    Peak RSS is the larger of GNU time's maximum (largest single process of the tree) and the polled sum
    over the whole tree (psutil, every 0.2 s).
    """
    dagster_home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "HOPTAC_WAIT_FOR_INSTANCE"}  # the default: in the background
    env |= {"DATA_DIR": str(data_dir), "DAGSTER_HOME": str(dagster_home)}
    time_file = log.with_suffix(".time")
    time_file.unlink(missing_ok=True)
    wrapper = [str(GNU_TIME), "-v", "-o", str(time_file)] if GNU_TIME.exists() else []
    peak = [0]
    with log.open("w") as out:
        started = time.perf_counter()
        proc = psutil.Popen(wrapper + hoptac_command() + ["build"], cwd=ROOT, env=env,
                            stdout=out, stderr=subprocess.STDOUT)
        poller = threading.Thread(target=_poll_tree_rss, args=(proc, peak), daemon=True)
        poller.start()
        returncode = proc.wait()
        wall = time.perf_counter() - started
        poller.join()
    recorded = time.perf_counter() - started if wait_recorded(dagster_home) else None
    gnu = _gnu_time_rss_mb(time_file)
    polled = peak[0] / 2**20
    source = "max(GNU time -v, psutil tree sum)" if gnu is not None else "psutil tree sum"
    text = log.read_text(errors="replace")
    start = text.rfind("hoptac build:")
    summary = text[start:][:3000] if start >= 0 else text[-3000:]
    where = log.relative_to(ROOT) if log.is_relative_to(ROOT) else log
    return BuildRun(wall, max(gnu or 0.0, polled), _gnu_time_cpu_s(time_file), source, returncode, summary, str(where),
                    None if returncode == 0 else _first_error(text), recorded)


def _first_error(text: str) -> str | None:
    """The first validation error of a failed build's log, else its last exception line."""
    m = re.search(r'"error": "([^"]+)"', text) or re.search(r"^(\w+(?:Error|Exception)\b.*)$", text, re.M)
    return m.group(1)[:300] if m else None


def add_batch(data_dir: Path, name: str, docs: list[tuple[str, bytes]]) -> None:
    """Write ``docs`` as a new batch folder of ``data_dir/bronze`` (replacing one of that name)."""
    folder = data_dir / "bronze" / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name_, raw in docs:
        (folder / f"{name_}.txt").write_bytes(raw)
