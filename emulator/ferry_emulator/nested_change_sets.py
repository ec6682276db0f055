"""Change sets with `IncludeNestedStacks`: a nested change set per nested stack that changes.

What moto does (5.2.1): `IncludeNestedStacks` is ignored; the root change set lists an
`AWS::CloudFormation::Stack` change without a `ChangeSetId`, so a client cannot show what will
change inside the nested stacks.

What we change, as the API reference describes it ("IncludeNestedStacks: Creates a change set
for the all nested stacks specified in the template"; a `ResourceChange` of a nested stack carries
"the change set ID of the nested change set"; nested change sets name their `ParentChangeSetId`
and `RootChangeSetId`):
- for each `Add` or `Modify` of an `AWS::CloudFormation::Stack` in a change set created with
  `IncludeNestedStacks=true`, a nested change set is computed (recursively) from the nested
  stack's `TemplateURL` and `Parameters`: for an existing nested stack, an UPDATE change set
  against it (moto's diff); for a new one, a CREATE change set whose changes are all `Add` (no stack
  is made for it). The root change set's change gets its `ChangeSetId`; every change set of the
  tree reports `IncludeNestedStacks`, `ParentChangeSetId` (nested ones) and `RootChangeSetId`;
- values are resolved from the change set's parameters, pseudo parameters and the parent's
  existing resources (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`); a nested parameter that refers
  to something not known before execution keeps the nested stack's current value (or its Default),
  and a TemplateURL that cannot be resolved gives no nested change set (only the parent's change);
- executing the root change set executes the whole tree (as before: moto updates nested stacks
  with the parent) and the nested change sets report the root's execution status.
A nested template that cannot be processed (e.g. the SAM transform rejects it) makes the root change
set FAILED with the reason. Not done: deleting the root change set leaves the nested ones; executing a nested one directly is
not refused.
"""

from __future__ import annotations

import re
from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation import responses as cfn_responses
from moto.cloudformation.utils import generate_changeset_id, generate_stack_id
from moto.core.common_models import CloudFormationModel

from .sam_transform import region_from_stack_id

STACK_TYPE = "AWS::CloudFormation::Stack"


class Unresolvable(Exception):
    """A value that depends on something CloudFormation only knows during execution."""


def _known(parent: Any, change_set: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "AWS::Region": parent.region_name, "AWS::AccountId": parent.account_id, "AWS::StackName": parent.name,
        "AWS::StackId": parent.stack_id, "AWS::URLSuffix": "amazonaws.com", "AWS::Partition": "aws",
    }
    for name, declaration in ((change_set.template_dict or {}).get("Parameters") or {}).items():
        if isinstance(declaration, dict) and "Default" in declaration:
            values[name] = declaration["Default"]
    values.update(change_set.parameters or {})
    return values


def resolve(value: Any, known: dict[str, Any], parsed: dict[str, Any]) -> Any:
    """The value with Ref/GetAtt/Sub/Join resolved, or Unresolvable."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, list):
        return [resolve(item, known, parsed) for item in value]
    if not isinstance(value, dict):
        raise Unresolvable()
    if set(value) == {"Ref"}:
        name = value["Ref"]
        if name in known:
            return known[name]
        resource = parsed.get(name)
        if isinstance(resource, CloudFormationModel):
            return resource.physical_resource_id  # type: ignore[attr-defined]
        raise Unresolvable()
    if set(value) == {"Fn::GetAtt"}:
        target = value["Fn::GetAtt"]
        name, attribute = (target.split(".", 1) if isinstance(target, str) else (target[0], ".".join(target[1:])))
        resource = parsed.get(name)
        if isinstance(resource, CloudFormationModel):
            try:
                return resource.get_cfn_attribute(attribute)  # type: ignore[attr-defined]
            except Exception as error:
                raise Unresolvable() from error
        raise Unresolvable()
    if set(value) == {"Fn::Sub"}:
        argument = value["Fn::Sub"]
        text, variables = (argument[0], argument[1]) if isinstance(argument, list) else (argument, {})
        scope = {**known, **{k: resolve(v, known, parsed) for k, v in (variables or {}).items()}}

        def substitute(match: "re.Match[str]") -> str:
            name = match.group(1).strip()
            if name.startswith("!"):
                return "${" + name[1:] + "}"
            if name in scope:
                return str(scope[name])
            reference = {"Fn::GetAtt": name} if "." in name else {"Ref": name}
            return str(resolve(reference, known, parsed))

        return re.sub(r"\$\{([^}]*)\}", substitute, str(text))
    if set(value) == {"Fn::Join"}:
        separator, items = value["Fn::Join"]
        return str(separator).join(str(item) for item in resolve(items, known, parsed))
    raise Unresolvable()


def _nested_parameters(declared: dict[str, Any], known: dict[str, Any], parsed: dict[str, Any],
                       child: Any | None, child_template: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    current = dict(getattr(child, "parameters", None) or {})
    defaults = (child_template.get("Parameters") or {})
    for name, value in (declared or {}).items():
        try:
            result[name] = str(resolve(value, known, parsed))
        except Unresolvable:
            if name in current:
                result[name] = current[name]
            elif "Default" in (defaults.get(name) or {}):
                result[name] = str(defaults[name]["Default"])
            else:
                result[name] = ""
    return result


def _nested_change_set(backend: Any, root: Any, parent_change_set: Any, parent: Any, logical_id: str,
                       action: str) -> Any | None:
    resource_json = ((parent_change_set.template_dict or {}).get("Resources") or {}).get(logical_id) or {}
    properties = resource_json.get("Properties") or {}
    parsed = getattr(parent.resource_map, "_parsed_resources", {})
    known = _known(parent, parent_change_set)
    try:
        url = str(resolve(properties.get("TemplateURL"), known, parsed))
        body = cfn_models.get_stack_from_s3_url(url, account_id=parent.account_id, partition="aws")
    except Exception:
        return None
    child = parsed.get(logical_id) if action == "Modify" else None
    if not isinstance(child, cfn_models.Stack):
        child, action = None, "Add"
    region = region_from_stack_id(parent.stack_id)
    if child is None:
        name = f"{parent.name}-{logical_id}"
        child = cfn_models.Stack(stack_id=generate_stack_id(name, region, parent.account_id), name=name, template={},
                                 parameters={}, account_id=parent.account_id, region_name=region)
    child_template = cfn_models.Stack.parse_template(body)
    parameters = _nested_parameters(properties.get("Parameters") or {}, known, parsed,
                                    child if action == "Modify" else None, child_template)
    name = f"{root.change_set_name}-{logical_id}"[:128]
    change_set = cfn_models.ChangeSet(
        change_set_type="UPDATE" if action == "Modify" else "CREATE",
        change_set_id=generate_changeset_id(name, region, parent.account_id), change_set_name=name,
        stack=child, template=body, parameters=parameters, description=root.description)
    change_set.status = "CREATE_COMPLETE"
    change_set.execution_status = "AVAILABLE"
    change_set.include_nested_stacks = True
    change_set.parent_change_set_id = parent_change_set.change_set_id
    change_set.root_change_set_id = root.change_set_id
    backend.change_sets[change_set.change_set_id] = change_set
    _add_nested(backend, root, change_set, child)
    return change_set


def _add_nested(backend: Any, root: Any, change_set: Any, stack: Any) -> None:
    for change in change_set.changes:
        if change.resource_type == STACK_TYPE and change.action in ("Add", "Modify"):
            nested = _nested_change_set(backend, root, change_set, stack, change.logical_resource_id, change.action)
            if nested is not None:
                change.change_set_id = nested.change_set_id


_original_create = cfn_responses.CloudFormationResponse.create_change_set
_original_execute = cfn_responses.CloudFormationResponse.execute_change_set


def _create_change_set(self: Any) -> Any:
    result = _original_create(self)
    if str(self._get_param("IncludeNestedStacks", "false")).lower() != "true":
        return result
    backend = self.cloudformation_backend
    root = next((cs for cs in reversed(list(backend.change_sets.values()))
                 if cs.change_set_name == self._get_param("ChangeSetName")), None)
    if root is not None:
        root.include_nested_stacks = True
        root.root_change_set_id = root.change_set_id
        try:
            _add_nested(backend, root, root, root.stack)
        except Exception as error:  # a nested template CloudFormation would reject fails the root
            root.status = "FAILED"
            root.execution_status = "UNAVAILABLE"
            root.status_reason = f"Nested change set creation failed: {getattr(error, 'message', None) or error}"
    return result


def _execute_change_set(self: Any) -> Any:
    result = _original_execute(self)
    backend = self.cloudformation_backend
    name = self._get_param("ChangeSetName")
    root = backend.change_sets.get(name) or next(
        (cs for cs in backend.change_sets.values() if cs.change_set_name == name), None)
    if root is not None:
        for change_set in backend.change_sets.values():
            if getattr(change_set, "root_change_set_id", None) == root.change_set_id and change_set is not root:
                change_set.execution_status = root.__dict__.get("_ferry_execution_status", root.execution_status)
    return result


def apply() -> None:
    """Computes nested change sets when a change set asks for them."""
    cfn_responses.CloudFormationResponse.create_change_set = _create_change_set  # type: ignore[method-assign]
    cfn_responses.CloudFormationResponse.execute_change_set = _execute_change_set  # type: ignore[method-assign]
