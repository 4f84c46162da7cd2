"""The README works after a clone: no links out of the repository, paths and commands that exist."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_no_link_points_outside_the_repository():
    links = re.findall(r"\]\(([^)]+)\)", README)
    assert not [link for link in links if link.startswith("..")], links


def test_every_repository_path_it_names_exists():
    named = set(re.findall(r"`((?:pipeline|schemas|scripts|tests|docs|deploy)/[\w./-]*)`", README))
    assert named and not [p for p in sorted(named) if not (ROOT / p.split("::")[0]).exists()]


def test_it_names_every_job_sensor_and_schedule():
    from pipeline.definitions import defs

    repo = defs.get_repository_def()
    names = {j.name for j in repo.get_all_jobs() if not j.name.startswith("__")}
    names |= {s.name for s in repo.sensor_defs} | {s.name for s in repo.schedule_defs}
    assert names and not [n for n in sorted(names) if f"`{n}`" not in README]


def test_silver_tables_are_named_as_directories():
    assert not re.search(r"silver/\w+\.parquet", README)


def test_the_column_contract_script_prints_every_table():
    from schemas.registry import TABLES

    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "columns.py")], capture_output=True, text=True,
                         check=True, cwd="/").stdout
    for table in TABLES.values():
        assert f"## `{table.path}`" in out
    assert "| `meeting_id` | string | yes |" in out
