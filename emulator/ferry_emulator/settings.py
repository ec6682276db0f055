"""Tunables read from the environment when the emulator starts (and re-read on every use)."""

from __future__ import annotations

import os


def _seconds(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return max(0.0, float(raw))
    except ValueError:
        return default


def stack_delay() -> float:
    """Seconds a stack operation takes from `*_IN_PROGRESS` to its final status (env FERRY_EMULATOR_STACK_DELAY)."""
    return _seconds("FERRY_EMULATOR_STACK_DELAY", 0.6)


def change_set_delay() -> float:
    """Seconds a new change set stays CREATE_IN_PROGRESS (env FERRY_EMULATOR_CHANGE_SET_DELAY)."""
    return _seconds("FERRY_EMULATOR_CHANGE_SET_DELAY", 0.2)


def lambda_delay() -> float:
    """Seconds a Lambda create/update stays Pending/InProgress (env FERRY_EMULATOR_LAMBDA_DELAY)."""
    return _seconds("FERRY_EMULATOR_LAMBDA_DELAY", 0.3)


def codedeploy_minute() -> float:
    """Seconds one minute of a CodeDeploy deployment config lasts (env FERRY_EMULATOR_CODEDEPLOY_MINUTE)."""
    return _seconds("FERRY_EMULATOR_CODEDEPLOY_MINUTE", 1.0)


#: Metadata (or Properties) key that makes a CloudFormation resource fail with its value as reason.
FAIL_RESOURCE_KEY = "FerryEmulatorFail"

#: Resource Metadata key whose value (seconds) makes the stack operation take at least that long.
DELAY_RESOURCE_KEY = "FerryEmulatorDelay"

#: Lambda environment variable that makes every update of the function end `Failed` with its value as reason.
FAIL_LAMBDA_UPDATE_VAR = "FERRY_EMULATOR_FAIL_UPDATE"


def settings_file() -> str | None:
    """The emulator settings file: env FERRY_EMULATOR_SETTINGS, else `ferry-emulator.json` (or
    `.yaml`) in the emulator's working folder (start.sh runs it from the project's root), if present."""
    explicit = os.environ.get("FERRY_EMULATOR_SETTINGS", "").strip()
    if explicit:
        return explicit
    for name in ("ferry-emulator.json", "ferry-emulator.yaml", "ferry-emulator.yml"):
        if os.path.isfile(name):
            return name
    return None


def project_settings() -> dict:
    """The settings file's content (JSON or YAML), re-read on every use; {} when there is none.

    A file that does not parse is an error the stack operation reports, not a silent default."""
    path = settings_file()
    if not path:
        return {}
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.endswith(".json"):
        import json

        loaded = json.loads(text) if text.strip() else {}
    else:
        import yaml

        loaded = yaml.safe_load(text) or {}
    if not isinstance(loaded, dict):
        raise ValueError(f"emulator settings file {path} must hold a map")
    return loaded


def custom_resource_response(logical_id: str, resource_type: str) -> dict:
    """What a simulated custom resource answers: `{Data: {...}, PhysicalResourceId: ...}` from the
    settings file's `CustomResources`, by logical ID first, then by resource type; {} otherwise."""
    responses = project_settings().get("CustomResources") or {}
    found = responses.get(logical_id) or responses.get(resource_type) or {}
    return found if isinstance(found, dict) else {}
