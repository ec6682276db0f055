"""Recording what a stack operation does to each resource, and turning it into stack events.

What moto does: `ResourceMap` creates, updates and deletes resources through the module functions
`parse_and_create_resource` / `parse_and_update_resource` and the method `_delete_resource`,
without telling anyone; an exception escapes as HTTP 500.

What we change: those three are wrapped. While a stack operation runs (`run_operation`), each
resource touched becomes a `Step` (logical ID, type, action, physical ID, outcome). A resource whose
Metadata or Properties contain `FerryEmulatorFail: "reason"` fails before moto touches it; any
exception from moto becomes a failure of that resource with the exception's message. A nested
stack's own operation is recorded as a child of the parent's step. When the outermost operation
ends, `schedule` turns the record into CloudFormation-like events (stack IN_PROGRESS, per-resource
IN_PROGRESS/COMPLETE/FAILED, "Resource creation cancelled", rollback events, final status) spread
over `FERRY_EMULATOR_STACK_DELAY` seconds.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Iterator

from moto.cloudformation import parsing

from . import settings
from .stack_timeline import add_event, timeline_of, set_final_status
from moto.core.utils import utcnow

STACK_TYPE = "AWS::CloudFormation::Stack"


class ResourceFailed(Exception):
    """A resource could not be created/updated/deleted; `origin` is the step that failed."""

    def __init__(self, reason: str, origin: "Step | None" = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.origin = origin


@dataclass
class Step:
    """One resource action within an operation."""

    logical_id: str
    resource_type: str
    action: str  # CREATE | UPDATE | DELETE
    phase: str  # forward | rollback
    physical_id: str | None = None
    failure: str | None = None
    children: list["Operation"] = field(default_factory=list)
    note: str | None = None  # reason shown on the *_COMPLETE event (e.g. "Simulated by ...")
    duration: float = 0.0  # seconds between its IN_PROGRESS event and its end (a CodeDeploy deployment)
    on_start: Callable[[datetime], None] | None = None  # told when its IN_PROGRESS event happens


@dataclass
class Operation:
    """One stack operation: the stack, its kind and the steps taken, in completion order."""

    stack: Any
    kind: str  # CREATE | UPDATE | DELETE
    planned: list[tuple[str, str, str]]  # (logical ID, type, action) expected in the forward phase
    phase: str = "forward"
    steps: list[Step] = field(default_factory=list)
    nested: bool = False  # runs inside a parent stack's resource step
    failure: str | None = None  # reason when the forward phase failed
    rollback_failure: str | None = None
    requested_delay: float = 0.0  # the longest FerryEmulatorDelay of the resources it touched

    def failed_steps(self) -> list[Step]:
        return [s for s in self.steps if s.failure and s.phase == "forward"]


_local = threading.local()


def _ops() -> list[Operation]:
    if not hasattr(_local, "ops"):
        _local.ops = []
        _local.open_steps = []
    return _local.ops


def _open_steps() -> list[Step]:
    _ops()
    return _local.open_steps


def _op_for(stack_id: str) -> Operation | None:
    for op in reversed(_ops()):
        if op.stack.stack_id == stack_id:
            return op
    return None


def current_step() -> Step | None:
    """The resource step being run right now (in this thread), if any."""
    steps = _open_steps()
    return steps[-1] if steps else None


def requested_delay(resource_json: dict[str, Any]) -> float:
    """The `FerryEmulatorDelay` (seconds) in the resource's Metadata, or 0.

    Tests that need a stack to stay busy for a while (a second deploy with `--no-wait`) ask for it
    in the template instead of changing the delay of the whole emulator.
    """
    value = (resource_json.get("Metadata") or {}).get(settings.DELAY_RESOURCE_KEY)
    try:
        return max(0.0, float(value)) if value is not None else 0.0
    except (TypeError, ValueError):
        return 0.0


def injected_failure(resource_json: dict[str, Any]) -> str | None:
    """The `FerryEmulatorFail` reason from the resource's Metadata or Properties, if any."""
    for section in ("Metadata", "Properties"):
        value = (resource_json.get(section) or {}).get(settings.FAIL_RESOURCE_KEY)
        if value:
            return str(value)
    return None


def describe_error(error: BaseException) -> str:
    if isinstance(error, ResourceFailed):
        return error.reason
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    code = getattr(error, "code", None) or type(error).__name__
    return f"{message} (Service: moto; Error Code: {code})"


def _run_step(op: Operation, step: Step, action: Callable[[], Any]) -> Any:
    """Runs one resource action as `step`; records it; failures become ResourceFailed."""
    _open_steps().append(step)
    try:
        result = action()
    except Exception as error:
        if isinstance(error, ResourceFailed) and error.origin not in (None, step):
            raise  # a dependency failed; this resource never really started
        step.failure = describe_error(error)
        if step.children:
            step.physical_id = step.children[0].stack.stack_id
        if not any(s.logical_id == step.logical_id and s.failure for s in op.steps):
            op.steps.append(step)
        raise ResourceFailed(step.failure, step) from error
    finally:
        _open_steps().pop()
    if result is not None:
        physical = getattr(result, "physical_resource_id", None)
        if step.children and step.resource_type == STACK_TYPE:
            physical = step.children[-1].stack.stack_id
        step.physical_id = str(physical) if physical is not None else step.logical_id
        step.note = getattr(result, "ferry_simulated_note", None) if step.action != "DELETE" else None
    op.steps.append(step)
    return result


_original_create = parsing.parse_and_create_resource
_original_update = parsing.parse_and_update_resource
_original_delete = parsing.ResourceMap._delete_resource


def _hooked_create(logical_id: str, resource_json: dict[str, Any], resources_map: Any,
                   account_id: str, region_name: str) -> Any:
    op = _op_for(resources_map.stack_id)
    condition = resource_json.get("Condition")
    if op is None or (condition and not resources_map.lazy_condition_map[condition]):
        return _original_create(logical_id, resource_json, resources_map, account_id, region_name)
    step = Step(logical_id, resource_json.get("Type", ""), "CREATE", op.phase)
    op.requested_delay = max(op.requested_delay, requested_delay(resource_json))
    reason = injected_failure(resource_json)

    def action() -> Any:
        if reason:
            raise ResourceFailed(reason)
        resource = _original_create(logical_id, resource_json, resources_map, account_id, region_name)
        return resource if resource is not None else logical_id  # unsupported types: still "created"

    result = _run_step(op, step, action)
    return None if isinstance(result, str) else result


def _hooked_update(logical_id: str, resource_json: dict[str, Any], resources_map: Any,
                   account_id: str, region_name: str) -> Any:
    op = _op_for(resources_map.stack_id)
    if op is None:
        return _original_update(logical_id, resource_json, resources_map, account_id, region_name)
    step = Step(logical_id, resource_json.get("Type", ""), "UPDATE", op.phase)
    op.requested_delay = max(op.requested_delay, requested_delay(resource_json))
    reason = injected_failure(resource_json)

    def action() -> Any:
        if reason:
            raise ResourceFailed(reason)
        resource = _original_update(logical_id, resource_json, resources_map, account_id, region_name)
        return resource if resource is not None else resources_map._parsed_resources.get(logical_id)

    return _run_step(op, step, action)


def _hooked_delete(self: Any, parsed_resource: Any, resource_json: dict[str, Any]) -> None:
    op = _op_for(self.stack_id)
    if op is None:
        return _original_delete(self, parsed_resource, resource_json)
    logical_id = getattr(parsed_resource, "logical_resource_id", "")
    step = Step(logical_id, resource_json.get("Type", ""), "DELETE", op.phase)
    physical = getattr(parsed_resource, "physical_resource_id", None)

    def action() -> Any:
        _original_delete(self, parsed_resource, resource_json)
        return parsed_resource

    _run_step(op, step, action)
    if physical is not None and not step.children:
        step.physical_id = str(physical)


def install_hooks() -> None:
    """Wraps moto's per-resource create/update/delete so operations can record them."""
    parsing.parse_and_create_resource = _hooked_create
    parsing.parse_and_update_resource = _hooked_update
    parsing.ResourceMap._delete_resource = _hooked_delete  # type: ignore[method-assign]


def run_operation(stack: Any, kind: str, planned: list[tuple[str, str, str]],
                  forward: Callable[[], None], rollback: Callable[[], None]) -> Operation:
    """Runs `forward` as a recorded operation on `stack`; on failure runs `rollback`.

    Never raises for resource failures: the outcome is in the returned Operation. A nested
    operation is attached to the parent's open step; the outermost one schedules all events.
    """
    parent_steps = _open_steps()
    parent_step = parent_steps[-1] if parent_steps else None
    op = Operation(stack, kind, planned, nested=parent_step is not None)
    if parent_step is not None:
        parent_step.children.append(op)
    _ops().append(op)
    saved_open_steps = list(parent_steps)
    parent_steps.clear()
    try:
        try:
            forward()
        except Exception as error:
            failed = op.failed_steps()
            op.failure = (
                f"The following resource(s) failed to {kind.lower()}: "
                f"[{', '.join(s.logical_id for s in failed)}]. "
                if failed and kind != "DELETE" else describe_error(error)
            )
            op.phase = "rollback"
            try:
                rollback()
            except Exception as rollback_error:
                op.rollback_failure = describe_error(rollback_error)
    finally:
        parent_steps[:] = saved_open_steps
        _ops().pop()
    set_final_status(stack, final_status(op), op.rollback_failure or op.failure)
    if parent_step is None:
        schedule(op)
    return op


def final_status(op: Operation) -> str:
    if op.failure is None:
        return f"{op.kind}_COMPLETE"
    if op.kind == "CREATE":
        return "ROLLBACK_FAILED" if op.rollback_failure else "ROLLBACK_COMPLETE"
    if op.kind == "UPDATE":
        return "UPDATE_ROLLBACK_FAILED" if op.rollback_failure else "UPDATE_ROLLBACK_COMPLETE"
    return "DELETE_FAILED"


Emitted = tuple[Any, str, "str | None", str, str, "str | None", bool]


def _stack_event(op: Operation, status: str, reason: str | None = None) -> Emitted:
    return (op.stack, op.stack.name, op.stack.stack_id, STACK_TYPE, status, reason, True)


def _step_events(op: Operation, step: Step, action: str | None = None) -> Iterator[Emitted]:
    action = action or step.action
    yield (op.stack, step.logical_id, step.physical_id, step.resource_type, f"{action}_IN_PROGRESS", None, False)
    for child in step.children:
        yield from emit(child)
    if step.failure:
        yield (op.stack, step.logical_id, step.physical_id, step.resource_type, f"{action}_FAILED", step.failure, False)
    else:
        yield (op.stack, step.logical_id, step.physical_id, step.resource_type, f"{action}_COMPLETE", step.note, False)


def emit(op: Operation) -> Iterator[Emitted]:
    """The CloudFormation events of an operation (and its nested operations), in order."""
    yield _stack_event(op, f"{op.kind}_IN_PROGRESS", "User Initiated")
    forward = [s for s in op.steps if s.phase == "forward"]
    if op.failure is None:
        cleanup = [s for s in forward if s.action == "DELETE" and op.kind == "UPDATE"]
        for step in forward:
            if step not in cleanup:
                yield from _step_events(op, step)
        if op.kind == "UPDATE":
            yield _stack_event(op, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS")
            for step in cleanup:
                yield from _step_events(op, step)
        yield _stack_event(op, f"{op.kind}_COMPLETE")
        return
    if op.kind == "DELETE":
        for step in forward:
            yield from _step_events(op, step)
        yield _stack_event(op, "DELETE_FAILED", op.failure)
        return
    yield from _emit_rollback(op, forward)


def _condition_holds(stack: Any, logical_id: str) -> bool:
    """False for a resource whose Condition is false (CloudFormation never plans it)."""
    resource_map = stack.resource_map
    condition = ((getattr(resource_map, "_resource_json_map", None) or {}).get(logical_id) or {}).get("Condition")
    if not condition:
        return True
    try:
        return bool(resource_map.lazy_condition_map[condition])
    except Exception:
        return True


def _emit_rollback(op: Operation, forward: list[Step]) -> Iterator[Emitted]:
    shown = [s for s in forward if not (op.kind == "UPDATE" and s.action == "DELETE")]
    touched = {s.logical_id for s in shown}
    cancelled = [p for p in op.planned
                 if p[0] not in touched and p[2] != "DELETE" and _condition_holds(op.stack, p[0])]
    for step in shown:
        if step.failure:
            for logical_id, rtype, action in cancelled:
                yield (op.stack, logical_id, None, rtype, f"{action}_IN_PROGRESS", None, False)
        yield from _step_events(op, step)
        if step.failure:
            for logical_id, rtype, action in cancelled:
                noun = "creation" if action == "CREATE" else "update"
                yield (op.stack, logical_id, None, rtype, f"{action}_FAILED", f"Resource {noun} cancelled", False)
    rollback = [s for s in op.steps if s.phase == "rollback"]
    if op.kind == "CREATE":
        yield _stack_event(op, "ROLLBACK_IN_PROGRESS", op.failure + "Rollback requested by user.")
        for step in rollback:
            yield from _step_events(op, step)
        deleted = {s.logical_id for s in rollback}
        for step in shown:
            if step.failure and step.logical_id not in deleted:
                yield (op.stack, step.logical_id, step.physical_id, step.resource_type, "DELETE_COMPLETE", None, False)
        for logical_id, rtype, _ in cancelled:
            yield (op.stack, logical_id, None, rtype, "DELETE_COMPLETE", None, False)
        yield _stack_event(op, final_status(op), op.rollback_failure)
        return
    yield _stack_event(op, "UPDATE_ROLLBACK_IN_PROGRESS", op.failure)
    updated = {s.logical_id for s in shown if s.action == "UPDATE" and not s.failure}
    for step in rollback:
        if step.action == "UPDATE" and step.logical_id in updated:
            yield from _step_events(op, step)
    yield _stack_event(op, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS")
    for step in rollback:
        if step.action == "DELETE":
            yield from _step_events(op, step)
    yield _stack_event(op, final_status(op), op.rollback_failure)


def schedule(op: Operation) -> None:
    """Gives every event of `op` a time within the configured delay and attaches it to its stack."""
    events = list(emit(op))
    start = utcnow()
    end = timeline_of(op.stack).end()
    if end is not None and end > start:
        start = end + timedelta(milliseconds=1)
    delay = max(settings.stack_delay(), op.requested_delay)
    span = max(len(events) - 1, 1)
    timed = _timed_steps(op)
    waited = 0.0
    for index, (stack, logical_id, physical_id, rtype, status, reason, stack_level) in enumerate(events):
        when = start + timedelta(seconds=delay * index / span + waited)
        add_event(stack, when, logical_id, physical_id, rtype, status, reason, stack_level)
        step = timed.pop((stack.stack_id, logical_id, status), None)
        if step is not None:
            if step.on_start is not None:
                step.on_start(when)
            waited += step.duration


def _timed_steps(op: Operation) -> dict[tuple[str, str, str], Step]:
    """Forward steps that last a while (see Step.duration), by (stack ID, logical ID, IN_PROGRESS status)."""
    found: dict[tuple[str, str, str], Step] = {}
    for step in op.steps:
        if step.phase == "forward" and (step.duration > 0 or step.on_start is not None):
            found.setdefault((op.stack.stack_id, step.logical_id, f"{step.action}_IN_PROGRESS"), step)
        for child in step.children:
            found.update(_timed_steps(child))
    return found
