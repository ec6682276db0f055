"""Stack termination protection: UpdateTerminationProtection and a DeleteStack that honours it.

What moto does: CreateStack stores `EnableTerminationProtection` and DescribeStacks reports it,
but UpdateTerminationProtection is not implemented and DeleteStack deletes a protected stack.

What we change:
- `UpdateTerminationProtection` sets the flag of the stack (by name or ID) and answers its
  StackId; an unknown stack gives moto's ValidationError ("Stack with id X does not exist");
- `DeleteStack` of a protected stack fails with ValidationError "Stack [NAME] cannot be deleted
  while TerminationProtection is enabled", as in AWS, and the stack stays as it is. Nested stacks
  deleted by their parent are not affected (only the API call is checked).
"""

from __future__ import annotations

from typing import Any

from moto.cloudformation import responses as cfn_responses
from moto.cloudformation.exceptions import ValidationError
from moto.core.responses import ActionResult

_Response = cfn_responses.CloudFormationResponse


def _flag(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def _update_termination_protection(self: Any) -> ActionResult:
    stack = self.cloudformation_backend.get_stack(self._get_param("StackName"))
    stack.enable_termination_protection = _flag(self._get_param("EnableTerminationProtection"))
    return ActionResult({"StackId": stack.stack_id})


def _protected_delete(original: Any) -> Any:
    def delete_stack(self: Any) -> Any:
        name_or_id = self._get_param("StackName")
        try:
            stack = self.cloudformation_backend.get_stack(name_or_id)
        except ValidationError:
            stack = None  # deleting a stack that does not exist succeeds, as in AWS
        if stack is not None and getattr(stack, "enable_termination_protection", False) \
                and not str(getattr(stack, "status", "")).startswith("DELETE_"):
            raise ValidationError(message=f"Stack [{stack.name}] cannot be deleted while TerminationProtection is enabled")
        return original(self)

    return delete_stack


def apply() -> None:
    """Adds UpdateTerminationProtection and the DeleteStack check to moto's CloudFormation."""
    _Response.update_termination_protection = _update_termination_protection  # type: ignore[attr-defined]
    _Response.delete_stack = _protected_delete(_Response.delete_stack)  # type: ignore[method-assign]
