"""Stack events and statuses revealed over time.

What moto does: every stack operation finishes inside the API call; DescribeStacks shows the final
status at once and DescribeStackEvents has stack-level events only.

What we change: the operations (see stack_operations.py) still run synchronously, but record the
events that CloudFormation would have emitted, with timestamps spread over
`FERRY_EMULATOR_STACK_DELAY` seconds from the start of the operation. Then:
- `Stack.status` (and a new `Stack.stack_status_reason`) is the status of the last stack-level
  event whose time has come, until the operation's last event; after that it is the final status;
- `Stack.outputs` is empty while the operation is in progress;
- DescribeStackEvents returns only events whose time has come (newest first, as moto does);
- a stack being deleted stays visible by name (DELETE_IN_PROGRESS) until its delete completes.
All state lives on moto's own Stack objects, so `POST /moto-api/reset` clears it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation.exceptions import ValidationError
from moto.core.utils import utcnow


@dataclass
class Timeline:
    """Status changes of one stack: (time, status, reason), in time order."""

    changes: list[tuple[datetime, str, str | None]] = field(default_factory=list)

    def end(self) -> datetime | None:
        return self.changes[-1][0] if self.changes else None

    def busy(self, now: datetime) -> bool:
        end = self.end()
        return end is not None and end > now

    def status_at(self, now: datetime) -> tuple[str, str | None] | None:
        current = None
        for when, status, reason in self.changes:
            if when <= now:
                current = (status, reason)
        return current


def timeline_of(stack: Any) -> Timeline:
    """The stack's timeline, created on first use."""
    timeline = stack.__dict__.get("_ferry_timeline")
    if timeline is None:
        timeline = Timeline()
        stack.__dict__["_ferry_timeline"] = timeline
    return timeline


def is_busy(stack: Any) -> bool:
    """True while the stack's last operation is still being revealed."""
    timeline = stack.__dict__.get("_ferry_timeline")
    return bool(timeline and timeline.busy(utcnow()))


def add_event(stack: Any, when: datetime, logical_id: str, physical_id: str | None,
              resource_type: str, status: str, reason: str | None, stack_level: bool) -> None:
    """Appends one event (visible from `when` on) to the stack; stack-level ones change its status."""
    event = cfn_models.Event(
        stack_id=stack.stack_id,
        stack_name=stack.name,
        logical_resource_id=logical_id,
        physical_resource_id=physical_id or "",
        resource_type=resource_type,
        resource_status=status,
        resource_status_reason=reason,
        resource_properties=None,
    )
    event.timestamp = when
    stack.events.append(event)
    if stack_level:
        timeline_of(stack).changes.append((when, status, reason))


def set_final_status(stack: Any, status: str, reason: str | None = None) -> None:
    """The status the stack has once its operation is fully revealed."""
    stack.__dict__["_ferry_status"] = status
    stack.__dict__["_ferry_status_reason"] = reason


def _get_status(self: Any) -> str:
    timeline = self.__dict__.get("_ferry_timeline")
    now = utcnow()
    if timeline is not None and timeline.busy(now):
        current = timeline.status_at(now)
        if current is not None:
            return current[0]
    return self.__dict__.get("_ferry_status", "CREATE_PENDING")


def _set_status(self: Any, value: str) -> None:
    self.__dict__["_ferry_status"] = value
    self.__dict__["_ferry_status_reason"] = None


def _get_status_reason(self: Any) -> str | None:
    timeline = self.__dict__.get("_ferry_timeline")
    now = utcnow()
    if timeline is not None and timeline.busy(now):
        current = timeline.status_at(now)
        if current is not None:
            return current[1]
    return self.__dict__.get("_ferry_status_reason")


_original_outputs = cfn_models.Stack.outputs


def _get_outputs(self: Any) -> list[dict[str, Any]] | None:
    if is_busy(self):
        return None
    try:
        return _original_outputs.fget(self)  # type: ignore[attr-defined]
    except Exception:  # an output that references a missing resource must not break DescribeStacks
        return None


def _describe_stack_events(self: Any, stack_name: str) -> list[Any]:
    now = utcnow()
    return [event for event in self.get_stack(stack_name).events if event.timestamp <= now]


def _deleting_stack_named(backend: Any, name: str) -> Any | None:
    for stack in reversed(list(backend.deleted_stacks.values())):
        if stack.name == name and is_busy(stack):
            return stack
    return None


_original_get_stack = cfn_models.CloudFormationBackend.get_stack
_original_describe_stacks = cfn_models.CloudFormationBackend.describe_stacks


def _get_stack(self: Any, name_or_stack_id: str) -> Any:
    try:
        return _original_get_stack(self, name_or_stack_id)
    except ValidationError:
        stack = _deleting_stack_named(self, name_or_stack_id)
        if stack is None:
            raise
        return stack


def _describe_stacks(self: Any, name_or_stack_id: str) -> list[Any]:
    try:
        return _original_describe_stacks(self, name_or_stack_id)
    except ValidationError:
        stack = _deleting_stack_named(self, name_or_stack_id)
        if stack is None:
            raise
        return [stack]


def apply() -> None:
    """Makes stack status, outputs and events time-dependent."""
    cfn_models.Stack.status = property(_get_status, _set_status)  # type: ignore[attr-defined]
    cfn_models.Stack.stack_status_reason = property(_get_status_reason)  # type: ignore[attr-defined]
    cfn_models.Stack.outputs = property(_get_outputs)  # type: ignore[method-assign,assignment]
    backend = cfn_models.CloudFormationBackend
    backend.describe_stack_events = _describe_stack_events  # type: ignore[method-assign]
    backend.get_stack = _get_stack  # type: ignore[method-assign]
    backend.describe_stacks = _describe_stacks  # type: ignore[method-assign]
