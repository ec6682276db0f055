"""ListStackResources / DescribeStackResource(s) report what the stack's operations did.

What moto does (5.2.1): `Stack.stack_resources` iterates the lazy resource map over the template,
which *creates* every resource that is not in the map: on a `ROLLBACK_COMPLETE` stack (whose
resources the rollback deleted) a ListStackResources call re-creates them, or fails on the one that
failed the create. Resources whose Condition is false appear as entries without logical ID or type.
Every resource is reported `CREATE_COMPLETE` with a fixed 2011 timestamp.

What we change, as the API reference describes ListStackResources ("Returns descriptions of all
resources of the specified stack"; for deleted resources the status is `DELETE_COMPLETE`) and
DescribeStackResources:
- nothing is created by reading: the resources are the ones the stack's events name (their last
  revealed event gives ResourceStatus, ResourceStatusReason, the timestamp and the physical ID),
  in the order they first appeared, plus any live resource without events (created by moto alone);
- a resource whose Condition is false is not listed; a `ROLLBACK_COMPLETE` stack lists its
  resources as `DELETE_COMPLETE` (or `CREATE_FAILED`... as the events say);
- DescribeStackResource(s) with a LogicalResourceId that the stack does not have fails with
  "Resource X does not exist for stack Y", as AWS does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation import responses as cfn_responses
from moto.cloudformation.exceptions import ValidationError
from moto.core.common_models import CloudFormationModel
from moto.core.responses import ActionResult
from moto.core.utils import utcnow

from .operation_record import STACK_TYPE


@dataclass
class StackResource:
    """One resource of a stack as CloudFormation reports it."""

    logical_resource_id: str
    physical_resource_id: str | None
    cf_resource_type: str
    resource_status: str
    resource_status_reason: str | None
    timestamp: datetime


def _timestamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def stack_resources(stack: Any) -> list[StackResource]:
    """The stack's resources from its revealed events and its live resource map."""
    now = utcnow()
    found: dict[str, StackResource] = {}
    for event in sorted(stack.events, key=lambda e: e.timestamp):
        if event.timestamp > now or event.logical_resource_id == stack.name and event.resource_type == STACK_TYPE \
                and event.physical_resource_id == stack.stack_id:
            continue
        previous = found.get(event.logical_resource_id)
        found[event.logical_resource_id] = StackResource(
            event.logical_resource_id,
            event.physical_resource_id or (previous.physical_resource_id if previous else None),
            event.resource_type, event.resource_status, event.resource_status_reason, event.timestamp)
    parsed = getattr(stack.resource_map, "_parsed_resources", {})
    for logical_id, resource in parsed.items():
        if isinstance(resource, CloudFormationModel) and logical_id not in found:
            found[logical_id] = StackResource(
                logical_id, str(getattr(resource, "physical_resource_id", "") or ""),
                getattr(resource, "cf_resource_type", ""), "CREATE_COMPLETE", None, stack.creation_time)
    if not str(stack.status).startswith(("ROLLBACK_", "DELETE_")):
        # Resources a (rolled back) update added or removed are not the stack's any more.
        declared = (getattr(stack, "template_dict", None) or {}).get("Resources") or {}
        found = {k: v for k, v in found.items() if v.resource_status != "DELETE_COMPLETE" and k in declared}
    return list(found.values())


def _stack_resources(self: Any) -> list[StackResource]:
    return stack_resources(self)


def _missing(stack: Any, logical_id: str) -> ValidationError:
    return ValidationError(stack.name, f"Resource {logical_id} does not exist for stack {stack.name}")


def _describe_stack_resource(self: Any, stack_name: str, logical_resource_id: str) -> tuple[Any, Any]:
    stack = self.get_stack(stack_name)
    for resource in stack_resources(stack):
        if resource.logical_resource_id == logical_resource_id:
            return stack, resource
    raise _missing(stack, logical_resource_id)


def _describe_stack_resources(self: Any, stack_name: str, logical_resource_id: str | None) -> tuple[Any, Any]:
    stack = self.get_stack(stack_name)
    resources = stack_resources(stack)
    if logical_resource_id is not None:
        resources = [r for r in resources if r.logical_resource_id == logical_resource_id]
        if not resources:
            raise _missing(stack, logical_resource_id)
    return stack, resources


def _summary(resource: StackResource) -> dict[str, Any]:
    summary = {
        "LogicalResourceId": resource.logical_resource_id,
        "PhysicalResourceId": resource.physical_resource_id or "",
        "ResourceType": resource.cf_resource_type,
        "LastUpdatedTimestamp": _timestamp(resource.timestamp),
        "ResourceStatus": resource.resource_status,
    }
    if resource.resource_status_reason:
        summary["ResourceStatusReason"] = resource.resource_status_reason
    return summary


def _list_stack_resources(self: Any) -> ActionResult:
    resources = self.cloudformation_backend.list_stack_resources(self._get_param("StackName"))
    return ActionResult({"StackResourceSummaries": [_summary(r) for r in resources]})


def _describe(stack: Any, resource: StackResource) -> dict[str, Any]:
    described = {
        "StackName": stack.name, "StackId": stack.stack_id,
        "LogicalResourceId": resource.logical_resource_id,
        "PhysicalResourceId": resource.physical_resource_id or "",
        "ResourceType": resource.cf_resource_type,
        "Timestamp": _timestamp(resource.timestamp),
        "ResourceStatus": resource.resource_status,
    }
    if resource.resource_status_reason:
        described["ResourceStatusReason"] = resource.resource_status_reason
    return described


def _describe_stack_resources_response(self: Any) -> ActionResult:
    stack, resources = self.cloudformation_backend.describe_stack_resources(
        self._get_param("StackName"), self._get_param("LogicalResourceId"))
    return ActionResult({"StackResources": [_describe(stack, r) for r in resources]})


def _describe_stack_resource_response(self: Any) -> ActionResult:
    stack, resource = self.cloudformation_backend.describe_stack_resource(
        self._get_param("StackName"), self._get_param("LogicalResourceId"))
    detail = _describe(stack, resource)
    detail["LastUpdatedTimestamp"] = detail.pop("Timestamp")
    return ActionResult({"StackResourceDetail": detail})


def apply() -> None:
    """Reports stack resources from the record instead of re-reading the lazy resource map."""
    cfn_models.Stack.stack_resources = property(_stack_resources)  # type: ignore[assignment]
    backend = cfn_models.CloudFormationBackend
    backend.describe_stack_resource = _describe_stack_resource  # type: ignore[method-assign]
    backend.describe_stack_resources = _describe_stack_resources  # type: ignore[method-assign]
    response = cfn_responses.CloudFormationResponse
    response.list_stack_resources = _list_stack_resources  # type: ignore[method-assign]
    response.describe_stack_resources = _describe_stack_resources_response  # type: ignore[method-assign]
    response.describe_stack_resource = _describe_stack_resource_response  # type: ignore[method-assign]
