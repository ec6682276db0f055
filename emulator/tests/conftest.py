"""Starts one emulator for the test session with emulator/start.sh and stops it with stop.sh."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import boto3
import pytest

EMULATOR = Path(__file__).resolve().parent.parent
# Tests that unit-test a patch module import `ferry_emulator` from any working folder.
if str(EMULATOR) not in sys.path:
    sys.path.insert(0, str(EMULATOR))
REGION = "eu-central-1"
STACK_DELAY = 2.0
LAMBDA_DELAY = 1.0
CHANGE_SET_DELAY = 0.5
CODEDEPLOY_MINUTE = 0.6


@pytest.fixture(scope="session")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> str:
    state = tmp_path_factory.mktemp("emulator-state")
    env = dict(os.environ)
    env.pop("FERRY_EMULATOR_PORT", None)
    env.update(
        FERRY_EMULATOR_STATE_DIR=str(state),
        FERRY_EMULATOR_STACK_DELAY=str(STACK_DELAY),
        FERRY_EMULATOR_LAMBDA_DELAY=str(LAMBDA_DELAY),
        FERRY_EMULATOR_CHANGE_SET_DELAY=str(CHANGE_SET_DELAY),
        FERRY_EMULATOR_CODEDEPLOY_MINUTE=str(CODEDEPLOY_MINUTE),
        FERRY_EMULATOR_SETTINGS=str(state / "ferry-emulator.json"),
    )
    (state / "ferry-emulator.json").write_text("{}")
    started = subprocess.run([str(EMULATOR / "start.sh"), "--env"], env=env, capture_output=True, text=True)
    assert started.returncode == 0, f"start.sh failed: {started.stderr}"
    match = re.search(r"AWS_ENDPOINT_URL=(http://localhost:\d+)", started.stdout)
    assert match, f"start.sh printed no endpoint: {started.stdout}"
    os.environ["FERRY_EMULATOR_TEST_SETTINGS"] = str(state / "ferry-emulator.json")
    yield match.group(1)
    stopped = subprocess.run([str(EMULATOR / "stop.sh")], env=env, capture_output=True, text=True)
    assert stopped.returncode == 0, stopped.stderr
    assert not (state / "emulator.pid").exists()


@pytest.fixture(autouse=True)
def reset(endpoint: str) -> None:
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")).read()


@pytest.fixture
def emulator_settings(endpoint: str):
    """Writes the emulator settings file (read on every use); restored to `{}` afterwards."""
    import json

    path = Path(os.environ["FERRY_EMULATOR_TEST_SETTINGS"])

    def write(settings: dict) -> None:
        path.write_text(json.dumps(settings))

    yield write
    path.write_text("{}")


@pytest.fixture
def aws(endpoint: str):
    """A factory of boto3 clients bound to the emulator."""

    def client(service: str):
        return boto3.client(
            service, endpoint_url=endpoint, region_name=REGION,
            aws_access_key_id="testing", aws_secret_access_key="testing",
        )

    return client
