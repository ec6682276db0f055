"""Lambda function states and update statuses that take time.

What moto does: a function is `Active` from the start and `LastUpdateStatus` is always
`Successful`, so waiting for an update is never exercised.

What we change:
- for `FERRY_EMULATOR_LAMBDA_DELAY` seconds after creation a function reports `State: Pending`
  (StateReasonCode `Creating`, no LastUpdateStatus), then `Active`;
- for the same time after UpdateFunctionCode / UpdateFunctionConfiguration (also when
  CloudFormation updates the function) it reports `LastUpdateStatus: InProgress`, then
  `Successful`;
- while a function is Pending or InProgress, UpdateFunctionCode and UpdateFunctionConfiguration
  fail with 409 ResourceConflictException, as in AWS;
- a function whose environment has the variable `FERRY_EMULATOR_FAIL_UPDATE` (after the update)
  ends every update with `LastUpdateStatus: Failed`, `LastUpdateStatusReasonCode:
  InvalidConfiguration` and the variable's value as `LastUpdateStatusReason` (the code and
  configuration are still changed: only the reported status fails).
State lives on moto's function objects, so `POST /moto-api/reset` clears it.
"""

from __future__ import annotations

import time
from typing import Any

from moto.awslambda import models as lambda_models
from moto.awslambda.exceptions import LambdaClientError

from . import settings

_Function = lambda_models.LambdaFunction
_Backend = lambda_models.LambdaBackend


class ResourceConflictException(LambdaClientError):
    code = 409

    def __init__(self, message: str) -> None:
        super().__init__("ResourceConflictException", message)


_original_init = _Function.__init__
_original_get_configuration = _Function.get_configuration
_original_update_configuration = _Function.update_configuration
_original_update_code = _Function.update_function_code
_original_backend_update_code = _Backend.update_function_code
_original_backend_update_configuration = _Backend.update_function_configuration


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    _original_init(self, *args, **kwargs)
    self._ferry_pending_until = time.monotonic() + settings.lambda_delay()
    self._ferry_updating_until = 0.0
    self._ferry_update_failure = None


def _start_update(self: Any) -> None:
    self._ferry_updating_until = time.monotonic() + settings.lambda_delay()
    self._ferry_update_failure = None


def _finish_update(self: Any) -> None:
    reason = (self.environment_vars or {}).get(settings.FAIL_LAMBDA_UPDATE_VAR)
    self._ferry_update_failure = str(reason) if reason else None


def _update_configuration(self: Any, config_updates: dict[str, Any]) -> dict[str, Any]:
    _start_update(self)
    result = _original_update_configuration(self, config_updates)
    _finish_update(self)
    return result


def _update_code(self: Any, updated_spec: dict[str, Any]) -> dict[str, Any]:
    _start_update(self)
    result = _original_update_code(self, updated_spec)
    _finish_update(self)
    return result


def _get_configuration(self: Any, on_create: bool = False) -> dict[str, Any]:
    config = _original_get_configuration(self, on_create=on_create)
    now = time.monotonic()
    if now < getattr(self, "_ferry_pending_until", 0.0):
        config["State"] = "Pending"
        config["StateReason"] = "The function is being created."
        config["StateReasonCode"] = "Creating"
        config.pop("LastUpdateStatus", None)
    elif now < getattr(self, "_ferry_updating_until", 0.0):
        config["LastUpdateStatus"] = "InProgress"
        config["LastUpdateStatusReason"] = "The function is being updated."
    elif getattr(self, "_ferry_update_failure", None) and "LastUpdateStatus" in config:
        config["LastUpdateStatus"] = "Failed"
        config["LastUpdateStatusReason"] = self._ferry_update_failure
        config["LastUpdateStatusReasonCode"] = "InvalidConfiguration"
    return config


def _ensure_idle(backend: Any, function_name: str, qualifier: str | None) -> None:
    fn = backend.get_function(function_name, qualifier)
    now = time.monotonic()
    if now < getattr(fn, "_ferry_pending_until", 0.0) or now < getattr(fn, "_ferry_updating_until", 0.0):
        raise ResourceConflictException(
            "The operation cannot be performed at this time. "
            f"An update is in progress for resource: {fn.function_arn}"
        )


def _backend_update_code(self: Any, function_name: str, qualifier: str, body: dict[str, Any]) -> Any:
    _ensure_idle(self, function_name, qualifier)
    return _original_backend_update_code(self, function_name, qualifier, body)


def _backend_update_configuration(self: Any, function_name: str, qualifier: str, body: dict[str, Any]) -> Any:
    _ensure_idle(self, function_name, qualifier)
    return _original_backend_update_configuration(self, function_name, qualifier, body)


def apply() -> None:
    """Installs Pending/InProgress/Failed statuses and update conflicts into moto's Lambda."""
    _Function.__init__ = _init  # type: ignore[method-assign]
    _Function.get_configuration = _get_configuration  # type: ignore[method-assign]
    _Function.update_configuration = _update_configuration  # type: ignore[method-assign]
    _Function.update_function_code = _update_code  # type: ignore[method-assign]
    _Backend.update_function_code = _backend_update_code  # type: ignore[method-assign]
    _Backend.update_function_configuration = _backend_update_configuration  # type: ignore[method-assign]
