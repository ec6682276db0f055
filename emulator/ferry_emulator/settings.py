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


#: Metadata (or Properties) key that makes a CloudFormation resource fail with its value as reason.
FAIL_RESOURCE_KEY = "FerryEmulatorFail"

#: Resource Metadata key whose value (seconds) makes the stack operation take at least that long.
DELAY_RESOURCE_KEY = "FerryEmulatorDelay"

#: Lambda environment variable that makes every update of the function end `Failed` with its value as reason.
FAIL_LAMBDA_UPDATE_VAR = "FERRY_EMULATOR_FAIL_UPDATE"
