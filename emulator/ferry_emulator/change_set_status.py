"""Change sets that take time to create and report their execution.

What moto does: a change set is `CREATE_COMPLETE`/`AVAILABLE` (or FAILED for "no changes") the
moment CreateChangeSet returns, and `EXECUTE_COMPLETE` the moment ExecuteChangeSet returns.

What we change (properties over moto's attributes, so moto's code still sets the final values):
- for `FERRY_EMULATOR_CHANGE_SET_DELAY` seconds after creation, Status is `CREATE_IN_PROGRESS`
  and ExecutionStatus `UNAVAILABLE` (so executing it too early fails with InvalidChangeSetStatus,
  as in AWS); then the final status moto set (`CREATE_COMPLETE`, or `FAILED` with its reason);
- after ExecuteChangeSet, ExecutionStatus is `EXECUTE_IN_PROGRESS` while the stack operation is
  still being revealed, then `EXECUTE_COMPLETE` or `EXECUTE_FAILED`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from moto.cloudformation import models as cfn_models
from moto.core.utils import utcnow

from . import settings
from .stack_timeline import is_busy


def _creating(change_set: Any) -> bool:
    created = change_set.__dict__.get("creation_time")
    if created is None:
        return False
    return utcnow() < created + timedelta(seconds=settings.change_set_delay())


def _get_status(self: Any) -> str | None:
    if _creating(self):
        return "CREATE_IN_PROGRESS"
    return self.__dict__.get("_ferry_status")


def _set_status(self: Any, value: str | None) -> None:
    self.__dict__["_ferry_status"] = value


def _get_execution_status(self: Any) -> str | None:
    if _creating(self):
        return "UNAVAILABLE"
    value = self.__dict__.get("_ferry_execution_status")
    if value in ("EXECUTE_COMPLETE", "EXECUTE_FAILED") and is_busy(self.stack):
        return "EXECUTE_IN_PROGRESS"
    return value


def _set_execution_status(self: Any, value: str | None) -> None:
    self.__dict__["_ferry_execution_status"] = value


def _get_status_reason(self: Any) -> str | None:
    return None if _creating(self) else self.__dict__.get("_ferry_status_reason")


def _set_status_reason(self: Any, value: str | None) -> None:
    self.__dict__["_ferry_status_reason"] = value


def apply() -> None:
    """Makes change set statuses time-dependent."""
    change_set = cfn_models.ChangeSet
    change_set.status = property(_get_status, _set_status)  # type: ignore[attr-defined]
    change_set.execution_status = property(_get_execution_status, _set_execution_status)  # type: ignore[attr-defined]
    change_set.status_reason = property(_get_status_reason, _set_status_reason)  # type: ignore[attr-defined]
