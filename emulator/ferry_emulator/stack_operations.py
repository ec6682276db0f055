"""Stack operations with per-resource events, failures and rollback.

What moto does (5.2.1): CreateStack, ExecuteChangeSet, UpdateStack and DeleteStack run to the end
inside the call; a resource failure escapes as HTTP 500 with an HTML body and leaves the stack in
`CREATE_IN_PROGRESS`/`REVIEW_IN_PROGRESS`; ExecuteChangeSet never fills the stack's Outputs (nor its
processed template); a CREATE change set on an existing stack name makes a second stack.

What we change (replacing those backend methods, keeping moto's resource handling):
- each operation is recorded (operation_record.run_operation) and its events revealed over time
  (stack_timeline), so callers see `*_IN_PROGRESS`, per-resource events and then the final status;
- a failing resource ends the operation: a create rolls back (created resources deleted) to
  `ROLLBACK_COMPLETE`; an update re-applies the previous template to `UPDATE_ROLLBACK_COMPLETE`;
  a failed nested stack fails its parent's `AWS::CloudFormation::Stack` resource with
  "Embedded stack ... was not successfully created: ...". A `ROLLBACK_COMPLETE` stack can be deleted;
- ExecuteChangeSet sets the stack's template, processed template and Outputs (and exports);
- CreateChangeSet with the name of an existing change set of the stack fails with
  AlreadyExistsException ("ChangeSet [name] already exists"), as in AWS;
- CreateChangeSet of type CREATE on a live stack name fails with AlreadyExistsException (a
  REVIEW_IN_PROGRESS stack is replaced), and of type UPDATE on a stack that is in progress or in
  ROLLBACK_COMPLETE fails with ValidationError, as in AWS;
- ExecuteChangeSet of a change set that is not AVAILABLE fails with InvalidChangeSetStatus.
"""

from __future__ import annotations

from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation.exceptions import AlreadyExistsException, CloudFormationError, ValidationError
from moto.cloudformation.parsing import OutputMap
from moto.cloudformation.utils import generate_stack_id

from .operation_record import Operation, ResourceFailed, install_hooks, run_operation

_ACTIONS = {"Add": "CREATE", "Modify": "UPDATE", "Remove": "DELETE"}


class InvalidChangeSetStatusError(CloudFormationError):
    code = "InvalidChangeSetStatus"


def _planned_from_diff(actions: dict[str, dict[str, dict[str, str]]]) -> list[tuple[str, str, str]]:
    return [
        (logical_id, details["ResourceType"], _ACTIONS[action])
        for action, resources in actions.items()
        for logical_id, details in resources.items()
    ]


def _register_exports(backend: Any, stack: Any) -> None:
    try:
        backend._validate_export_uniqueness(stack)
        for export in stack.exports:
            backend.exports[export.name] = export
    except Exception:  # an unresolvable export must not turn a finished deploy into an API error
        pass


def _clear_outputs(stack: Any) -> None:
    stack.output_map = OutputMap(stack.resource_map, {}, stack.stack_id)


def _rollback_update(stack: Any, old_dict: dict[str, Any], old_params: dict[str, Any]) -> None:
    stack.resource_map.input_parameters = old_params
    stack.resource_map.update(old_dict, old_params or None)


def _raise_if_nested_failure(backend: Any, stack: Any, op: Operation) -> None:
    if op.failure is None or not op.nested:
        return
    verb = "created" if op.kind == "CREATE" else "updated"
    if op.kind == "CREATE":
        backend.delete_stack(stack.stack_id)
    raise ResourceFailed(f"Embedded stack {stack.stack_id} was not successfully {verb}: {op.failure}")


def _create_stack(self: Any, name: str, template: str, parameters: dict[str, Any],
                  notification_arns: list[str] | None = None, tags: dict[str, str] | None = None,
                  role_arn: str | None = None, enable_termination_protection: bool | None = False,
                  timeout_in_mins: int | None = None, stack_policy_body: str | None = None) -> Any:
    if any(stack.name == name for stack in self.stacks.values()):
        raise AlreadyExistsException(f"Stack [{name}] already exists")
    stack = cfn_models.Stack(
        stack_id=generate_stack_id(name, self.region_name, self.account_id),
        name=name, template=template, parameters=parameters, account_id=self.account_id,
        region_name=self.region_name, notification_arns=notification_arns, tags=tags,
        role_arn=role_arn, cross_stack_resources=self.exports,
        enable_termination_protection=enable_termination_protection,
        timeout_in_mins=timeout_in_mins, stack_policy_body=stack_policy_body,
    )
    self.stacks[stack.stack_id] = stack
    planned = [(lid, res.get("Type", ""), "CREATE")
               for lid, res in (stack.template_dict.get("Resources") or {}).items()]

    def forward() -> None:
        stack.status = "CREATE_IN_PROGRESS"
        stack.resource_map.create(stack.template_dict)

    def rollback() -> None:
        _clear_outputs(stack)
        stack.resource_map.delete()

    op = run_operation(stack, "CREATE", planned, forward, rollback)
    if op.failure is None:
        _register_exports(self, stack)
    _raise_if_nested_failure(self, stack, op)
    return stack


def _find_change_set(backend: Any, change_set_name: str, stack_name: str | None) -> Any:
    if change_set_name in backend.change_sets:
        return backend.change_sets[change_set_name]
    for change_set in backend.change_sets.values():
        if change_set.change_set_name == change_set_name and (
            stack_name is None or stack_name in (change_set.stack_name, change_set.stack_id)
        ):
            return change_set
    raise ValidationError(message=f"ChangeSet [{change_set_name}] does not exist")


def _create_in_dependency_order(stack: Any, change_set: Any) -> None:
    """Like ChangeSet.apply for a new stack, but honouring DependsOn (moto's update ignores it)."""
    resource_map = stack.resource_map
    resource_map._template = change_set.template_dict
    # load() validates GetAtt outputs against the resources: they must be the new template's.
    resource_map._resource_json_map = change_set.template_dict.get("Resources") or {}
    if change_set.parameters:
        resource_map.input_parameters = change_set.parameters
    resource_map.load()
    resource_map.create(change_set.template_dict)


def _execute_change_set(self: Any, change_set_name: str, stack_name: str | None = None) -> None:
    change_set = _find_change_set(self, change_set_name, stack_name)
    if change_set.execution_status != "AVAILABLE":
        raise InvalidChangeSetStatusError(
            f"ChangeSet [{change_set.change_set_id}] cannot be executed in its current status of "
            f"[{change_set.status}] (execution status {change_set.execution_status})"
        )
    stack = self.stacks[change_set.stack_id]
    kind = change_set.change_set_type
    old_dict = stack.template_dict
    old_params = dict(stack.resource_map.input_parameters or {})
    planned = [(c.logical_resource_id, c.resource_type, _ACTIONS.get(c.action, "UPDATE"))
               for c in change_set.changes]

    def forward() -> None:
        stack.status = f"{kind}_IN_PROGRESS"
        if kind == "CREATE":
            _create_in_dependency_order(stack, change_set)
        else:
            change_set.apply()

    def rollback() -> None:
        if kind == "CREATE":
            _clear_outputs(stack)
            stack.resource_map.delete()
        else:
            _rollback_update(stack, old_dict, old_params)

    op = run_operation(stack, kind, planned, forward, rollback)
    change_set.execution_status = "EXECUTE_COMPLETE" if op.failure is None else "EXECUTE_FAILED"
    if op.failure is None or kind == "CREATE":
        stack.template = change_set.template
        stack.template_dict = change_set.template_dict
        stack.description = change_set.template_dict.get("Description")
    if op.failure is None:
        if change_set.parameters:
            stack.parameters = change_set.parameters
        stack.output_map = stack._create_output_map()
        _register_exports(self, stack)
    elif kind == "UPDATE":
        stack.output_map = stack._create_output_map()


def _update_stack(self: Any, name: str, template: str, role_arn: str | None,
                  parameters: list[dict[str, Any]], tags: dict[str, str] | None) -> Any:
    stack = self.get_stack(name)
    if stack.status.endswith("_IN_PROGRESS"):
        raise ValidationError(message=f"Stack:{stack.stack_id} is in {stack.status} state and can not be updated.")
    resolved = self._resolve_update_parameters(instance=stack, incoming_params=parameters)
    old_template, old_dict = stack.template, stack.template_dict
    old_params = dict(stack.resource_map.input_parameters or {})
    stack.template = template
    try:
        stack._parse_template()
    except Exception:
        stack.template, stack.template_dict = old_template, old_dict
        raise
    new_dict = stack.template_dict
    planned = _planned_from_diff(stack.resource_map.build_change_set_actions(new_dict))

    def forward() -> None:
        stack.status = "UPDATE_IN_PROGRESS"
        stack.resource_map.update(new_dict, resolved)

    op = run_operation(stack, "UPDATE", planned, forward,
                       lambda: _rollback_update(stack, old_dict, old_params))
    if op.failure is None:
        stack.role_arn = role_arn
        if resolved:
            stack.parameters = resolved
        if tags is not None:
            stack.tags = tags
    else:
        stack.template, stack.template_dict = old_template, old_dict
    stack.output_map = stack._create_output_map()
    _raise_if_nested_failure(self, stack, op)
    return stack


def _delete_stack(self: Any, name_or_stack_id: str) -> None:
    if name_or_stack_id in self.stacks:
        stacks = [self.stacks[name_or_stack_id]]
    else:
        stacks = [s for s in self.stacks.values() if s.name == name_or_stack_id]
    for stack in stacks:
        try:
            export_names = [export.name for export in stack.exports]
        except Exception:
            export_names = []

        def forward(stack: Any = stack) -> None:
            stack.status = "DELETE_IN_PROGRESS"
            stack.resource_map.delete()

        op = run_operation(stack, "DELETE", [], forward, lambda: None)
        if op.failure is None:
            self.stacks.pop(stack.stack_id, None)
            self.deleted_stacks[stack.stack_id] = stack
            for export_name in export_names:
                self.exports.pop(export_name, None)


_original_create_change_set = cfn_models.CloudFormationBackend.create_change_set


def _create_change_set(self: Any, stack_name: str, change_set_name: str, template: str,
                       parameters: dict[str, str], description: str, change_set_type: str,
                       notification_arns: list[str] | None = None, tags: dict[str, str] | None = None,
                       role_arn: str | None = None) -> tuple[str, str]:
    live = [s for s in self.stacks.values() if s.name == stack_name]
    for existing in self.change_sets.values():
        if existing.change_set_name == change_set_name and existing.stack_name == stack_name:
            raise AlreadyExistsException(f"ChangeSet [{change_set_name}] already exists")
    for stack in live:
        status = stack.status
        if change_set_type == "CREATE" and status != "REVIEW_IN_PROGRESS":
            raise AlreadyExistsException(f"Stack [{stack_name}] already exists")
        if change_set_type != "CREATE" and (
            status.endswith("_IN_PROGRESS") or status in ("ROLLBACK_COMPLETE", "ROLLBACK_FAILED")
        ):
            raise ValidationError(
                message=f"Stack:{stack.stack_id} is in {status} state and can not be updated."
            )
    result = _original_create_change_set(
        self, stack_name=stack_name, change_set_name=change_set_name, template=template,
        parameters=parameters, description=description, change_set_type=change_set_type,
        notification_arns=notification_arns, tags=tags, role_arn=role_arn,
    )
    if change_set_type == "CREATE":
        for stack in live:  # the earlier REVIEW_IN_PROGRESS stack is replaced by the new one
            self.stacks.pop(stack.stack_id, None)
    return result


def apply() -> None:
    """Replaces moto's stack operations with recorded, failure-aware ones."""
    install_hooks()
    backend = cfn_models.CloudFormationBackend
    backend.create_stack = _create_stack  # type: ignore[method-assign]
    backend.execute_change_set = _execute_change_set  # type: ignore[method-assign]
    backend.update_stack = _update_stack  # type: ignore[method-assign]
    backend.delete_stack = _delete_stack  # type: ignore[method-assign]
    backend.create_change_set = _create_change_set  # type: ignore[method-assign]
