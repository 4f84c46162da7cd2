"""The Kubernetes deployment configuration loads: the instance YAML passes Dagster's instance schema
and every class it names (k8s run launcher, Postgres storage, S3 compute logs) accepts its config."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml
from dagster._config import process_config
from dagster._core.instance.config import dagster_instance_config

DEPLOY = Path(__file__).resolve().parents[1] / "deploy" / "k8s"


@pytest.fixture(autouse=True)
def deployment_env(monkeypatch):
    """The variables the deployment's secrets and config maps provide."""
    monkeypatch.setenv("DAGSTER_PG_PASSWORD", "not-a-secret")
    monkeypatch.setenv("AWS_REGION", "eu-west-1")


def test_instance_yaml_passes_dagsters_schema():
    config, _ = dagster_instance_config(str(DEPLOY), "dagster.yaml")
    assert config["run_launcher"]["class"] == "K8sRunLauncher"
    assert "postgres" in config["storage"]


@pytest.mark.parametrize("section", ["run_launcher", "run_coordinator", "compute_logs"])
def test_each_configured_class_accepts_its_config(section):
    pytest.importorskip("dagster_k8s")
    pytest.importorskip("dagster_aws")
    raw = yaml.safe_load((DEPLOY / "dagster.yaml").read_text())[section]
    cls = getattr(importlib.import_module(raw["module"]), raw["class"])
    result = process_config(cls.config_type(), raw.get("config", {}))
    assert result.success, result.errors


def test_postgres_storage_config_is_accepted():
    pytest.importorskip("dagster_postgres")
    from dagster_postgres import PostgresRunStorage

    raw = yaml.safe_load((DEPLOY / "dagster.yaml").read_text())["storage"]["postgres"]
    assert process_config(PostgresRunStorage.config_type(), raw).success


def test_helm_values_serve_the_project_definitions():
    values = yaml.safe_load((DEPLOY / "values.yaml").read_text())
    deployment = values["dagster-user-deployments"]["deployments"][0]
    assert deployment["dagsterApiGrpcArgs"] == ["-m", "pipeline.definitions"]
    assert values["runLauncher"]["type"] == "K8sRunLauncher"
