"""End to end through the Dagster UI in a real (headless) browser.

Starts `dg dev` on a free port over a temporary DATA_DIR holding the seed pages, then in Chromium:
checks that no sensor or schedule runs by default, opens the asset graph and checks the groups,
launches `build_batch` for the `seeds` partition from the job's launchpad, then `publish`, waits for
both runs to succeed, opens the published `gold/meetings` asset and finds its typed preview table and
a rendered chart image, and saves screenshots under `tests/artifacts/`. Skipped when chromium, chromedriver or selenium are missing, except under CI
(`CI` set), where it fails instead.

The project's jobs run in process by default (a process per step would re-import the pipeline for
every step), so the launchpad's default configuration is launched as it is.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = ROOT / "tests" / "artifacts"
VENV_BIN = ROOT / ".venv" / "bin" if (ROOT / ".venv" / "bin" / "dg").exists() else Path(sys.executable).parent
DG = VENV_BIN / "dg"
RUN_TIMEOUT = 300
CLOCK = {"start": time.monotonic()}


def log(msg: str) -> None:
    print(f"[ui {time.monotonic() - CLOCK['start']:6.1f}s] {msg}", flush=True)


def require_browser() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if importlib.util.find_spec("selenium") is None:
        missing.append("the selenium package")
    if not DG.exists():
        missing.append(str(DG))
    if missing:
        reason = "browser test needs " + ", ".join(missing) + " (apt-get install chromium chromium-driver; pip install selenium)"
        if os.environ.get("CI"):
            pytest.fail(reason + " — CI must run it")
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what: str, check: Callable[[], object], timeout: float, every: float = 1.0) -> object:
    """Poll ``check`` until it returns something truthy; say what is awaited, and every 15 s that it still is."""
    log(f"waiting for {what} (up to {timeout:.0f} s)")
    start = last = time.monotonic()
    while True:
        try:
            value = check()
        except Exception as e:  # noqa: BLE001 - a server still starting, a page still rendering
            value, error = None, e
        else:
            error = None
        if value:
            log(f"{what}: ok after {time.monotonic() - start:.1f} s")
            return value
        if time.monotonic() - start > timeout:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}" + (f" (last error: {error!r})" if error else ""))
        if time.monotonic() - last > 15:
            log(f"... still waiting for {what}")
            last = time.monotonic()
        time.sleep(every)


class Graphql:
    def __init__(self, base: str):
        self.url = base + "/graphql"

    def __call__(self, query: str, **variables) -> dict:
        body = json.dumps({"query": query, "variables": variables}).encode()
        req = urllib.request.Request(self.url, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            out = json.load(r)
        if out.get("errors"):
            raise AssertionError(f"GraphQL errors: {out['errors']}")
        return out["data"]


AUTOMATION = """{ repositoriesOrError { ... on RepositoryConnection { nodes { location { name }
  sensors { name sensorState { status } } schedules { name scheduleState { status } } } } } }"""
RUN = """query($id: ID!) { runOrError(runId: $id) { __typename ... on Run { status jobName tags { key value } } } }"""


@pytest.fixture
def dagster_env(tmp_path: Path, monkeypatch) -> Iterator[dict]:
    """A temporary DATA_DIR with the seed batch and a DAGSTER_HOME where `seeds` is a registered partition."""
    require_browser()
    CLOCK["start"] = time.monotonic()
    data = tmp_path / "data"
    (data / "bronze" / "seeds").mkdir(parents=True)
    for page in sorted(SEEDS.glob("*.txt")):
        shutil.copy(page, data / "bronze" / "seeds" / page.name)
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("DATA_DIR", str(data))
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        instance.add_dynamic_partitions("batches", ["seeds"])
        yield {"data": data, "home": home, "instance": instance, "logs": tmp_path / "dg-dev.log"}


@pytest.fixture
def ui(dagster_env: dict) -> Iterator[str]:
    """`dg dev` on a free port, in its own session; its whole process group is stopped afterwards."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATA_DIR": str(dagster_env["data"]), "DAGSTER_HOME": str(dagster_env["home"]),
           "VIRTUAL_ENV": str(VENV_BIN.parent), "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    out = dagster_env["logs"].open("wb")
    log(f"starting dg dev on {base} (log: {dagster_env['logs']})")
    p = subprocess.Popen([str(DG), "dev", "--host", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                         stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        def answers() -> bool:
            if p.poll() is not None:
                raise RuntimeError(f"dg dev exited with {p.returncode}")
            with urllib.request.urlopen(base + "/server_info", timeout=5) as r:
                return r.status == 200

        try:
            wait_for("the Dagster webserver to answer", answers, timeout=120)
        except (AssertionError, RuntimeError):
            print(dagster_env["logs"].read_text(errors="replace")[-4000:])
            raise
        yield base
    finally:
        log("stopping dg dev")
        stop_group(p)
        out.close()


def stop_group(p: subprocess.Popen, grace: float = 10) -> None:
    try:
        pgid = os.getpgid(p.pid)
    except ProcessLookupError:
        return
    try:
        os.killpg(pgid, signal.SIGTERM)
        try:
            p.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
        # the webserver, daemon and code servers outlive `dg dev` itself on SIGTERM for a while
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    p.wait(timeout=30)


@pytest.fixture
def browser() -> Iterator[object]:
    require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="hoptac-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1920,1200"):
        options.add_argument(arg)
    log("starting headless chromium")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def automation_is_off(gql: Graphql) -> None:
    """Opening the UI starts nothing: every sensor and schedule is stopped by default."""
    repos = wait_for("the code location `hoptac` to load", lambda: gql(AUTOMATION)["repositoriesOrError"]["nodes"], 120)
    states = {s["name"]: s["sensorState"]["status"] for repo in repos for s in repo["sensors"]}
    states |= {s["name"]: s["scheduleState"]["status"] for repo in repos for s in repo["schedules"]}
    log(f"sensors and schedules: {states}")
    assert set(states) == {"new_batches", "publish_after_batch", "daily_refresh"}, states
    assert set(states.values()) == {"STOPPED"}, states


def visible(driver, xpath: str) -> list:
    from selenium.webdriver.common.by import By

    return [e for e in driver.find_elements(By.XPATH, xpath) if e.is_displayed()]


def button(driver, text: str, prefix: bool = False):
    """A visible, enabled button whose text is ``text`` (or starts with it)."""
    test = f"starts-with(normalize-space(.), '{text}')" if prefix else f"normalize-space(.) = '{text}'"
    found = [b for b in visible(driver, f"//button[{test}]") if b.is_enabled()]
    return found[0] if found else None


def dismiss_community_dialog(driver) -> None:
    """The first visit shows a "Join the Dagster community" dialog; skip it when it is there."""
    try:
        skip = wait_for("the community dialog (optional)", lambda: button(driver, "Skip"), timeout=5, every=0.5)
    except AssertionError:
        return
    skip.click()


def screenshot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    log(f"screenshot {path.relative_to(ROOT)}")
    return path


def launch_from_launchpad(driver, base: str, job: str, partition: str | None = None) -> str:
    """Open the job's launchpad, choose the partition, launch (the jobs run in process by default); the run id."""
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/locations/hoptac/jobs/{job}/playground")
    wait_for(f"the {job} launchpad", lambda: button(driver, "Launch Run"), timeout=60, every=0.5)
    if partition:
        box = driver.find_element(By.CSS_SELECTOR, "input[placeholder='Partition']")
        box.click()
        box.send_keys(partition)
        item = wait_for(f"partition `{partition}` to be offered",
                        lambda: visible(driver, f"//*[contains(@class, 'menuItemText') and normalize-space(.)='{partition}']"),
                        timeout=30, every=0.5)
        item[0].click()
        wait_for(f"partition `{partition}` to be chosen",  # (the input is re-rendered: find it again)
                 lambda: driver.find_element(By.CSS_SELECTOR, "input[placeholder='Partition']").get_attribute("value") == partition
                 and not visible(driver, "//*[contains(@class, 'menuItemText')]"), timeout=15, every=0.5)
        time.sleep(1)  # choosing a partition reloads the config editor from the partition's run config

    wait_for("the launchpad to report no config errors", lambda: visible(driver, "//*[normalize-space(.)='No errors']"),
             timeout=30, every=0.5)
    log(f"launching {job}" + (f" for partition {partition}" if partition else ""))
    button(driver, "Launch Run").click()
    url = wait_for(f"the {job} run page", lambda: re.search(r"/runs/([0-9a-f-]{36})", driver.current_url), 60, 0.5)
    return url.group(1)


def wait_for_run(driver, gql: Graphql, run_id: str, job: str) -> dict:
    """Follow the run on its page until it ends (its status polled through GraphQL); the final run."""
    seen: list[str] = []

    def finished() -> dict | None:
        run = gql(RUN, id=run_id)["runOrError"]
        assert run["__typename"] == "Run", run
        if not seen or seen[-1] != run["status"]:
            seen.append(run["status"])
            log(f"run {run_id[:8]} ({job}): {run['status']}")
        return run if run["status"] in ("SUCCESS", "FAILURE", "CANCELED") else None

    run = wait_for(f"run {run_id[:8]} ({job}) to finish", finished, timeout=RUN_TIMEOUT, every=2)
    if run["status"] == "SUCCESS":  # the page catches up within a polling interval or two
        wait_for("the run page to show Success", lambda: visible(driver, "//*[normalize-space(text())='Success']"), 30, 0.5)
    return run


def open_asset_charts(driver, base: str, asset: str, chart: str) -> None:
    """The asset's page: the `preview` metadata is a table of rows; the chart opens as a PNG that loaded."""
    driver.get(f"{base}/assets/{asset}")
    preview = wait_for(f"the preview table of {asset}",
                       lambda: visible(driver, "//table[.//th[normalize-space(.)='participants']]"), 60, 0.5)
    rows = preview[0].find_elements("xpath", ".//tbody/tr")
    assert len(rows) >= 2, f"{len(rows)} preview rows"
    key = wait_for(f"metadata key `{chart}`", lambda: visible(driver, f"//td[normalize-space(.)='{chart}']"), 30, 0.5)
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", key[0])
    time.sleep(1)
    screenshot(driver, "asset_meetings_preview.png")
    key[0].find_element("xpath", "./ancestor::tr//*[normalize-space(text())='[Show Markdown]']").click()
    image = wait_for(f"the chart `{chart}` as a loaded image", lambda: [
        img for img in visible(driver, "//img[starts-with(@src, 'data:image/png;base64,')]")
        if driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", img) > 300], 30, 0.5)
    assert image
    time.sleep(1)
    screenshot(driver, "asset_meetings_chart.png")


def test_materialise_seeds_through_the_ui(dagster_env: dict, ui: str, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver, base, gql = browser, ui, Graphql(ui)
    (ARTIFACTS / "failure.png").unlink(missing_ok=True)  # from an earlier failed run
    automation_is_off(gql)
    try:
        # 1. the asset graph, grouped by layer
        driver.get(base + "/asset-groups")
        dismiss_community_dialog(driver)
        for group in ("bronze", "silver", "gold_per_batch", "gold"):
            # one in the sidebar's tree, one node in the graph
            wait_for(f"group `{group}` in the asset graph",
                     lambda g=group: len(visible(driver, f"//*[normalize-space(text())='{g}']")) >= 2, 60, 0.5)
        assert button(driver, "Materialize all", prefix=True), "no Materialize all button on the asset graph"
        wait_for("the groups' asset statuses", lambda: not visible(driver, "//*[text()[contains(., 'fetching statuses')]]"), 30, 0.5)
        screenshot(driver, "asset_graph.png")

        # 2. build the `seeds` batch, then publish
        runs = {}
        for job, partition in (("build_batch", "seeds"), ("publish", None)):
            run_id = launch_from_launchpad(driver, base, job, partition)
            runs[job] = wait_for_run(driver, gql, run_id, job)
            screenshot(driver, f"run_{job}.png")
            assert runs[job]["status"] == "SUCCESS", f"{job} run {run_id} ended {runs[job]['status']}; see its page in {ARTIFACTS}"
            assert runs[job]["jobName"] == job
        tags = {t["key"]: t["value"] for t in runs["build_batch"]["tags"]}
        assert tags.get("dagster/partition") == "seeds", tags

        # 3. the graph again, every group expanded, after the runs
        driver.get(base + "/asset-groups")
        gear = wait_for("the graph's settings button",  # an icon button, unlike the sidebar's "Settings"
                        lambda: visible(driver, "//button[normalize-space(.)=''][.//*[@aria-label='settings']]"), 30, 0.5)
        gear[0].click()
        expand = visible(driver, "//*[@role='menuitem'][starts-with(normalize-space(.), 'Expand all groups')]")
        if expand:
            expand[0].click()
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)  # closes the menu
            wait_for("asset `meeting_events` in the expanded graph",
                     lambda: visible(driver, "//*[normalize-space(text())='meeting_events']"), 30, 0.5)
            for zoom_out in visible(driver, "//button[.//*[@aria-label='zoom_out']]")[:1] * 4:
                zoom_out.click()
                time.sleep(0.3)
        time.sleep(2)
        screenshot(driver, "asset_graph_after.png")

        # 4. a published table: its typed preview and a chart rendered as an image
        open_asset_charts(driver, base, "gold/meetings", "chart: meetings per month")
    except Exception:
        screenshot(driver, "failure.png")
        print(dagster_env["logs"].read_text(errors="replace")[-4000:])
        raise

    gold = dagster_env["data"] / "gold"
    assert (gold / "meetings.parquet").exists(), sorted(p.name for p in gold.iterdir())
    assert (gold / "datapackage.json").exists()
