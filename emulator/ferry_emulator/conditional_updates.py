"""Stack updates and change sets that honour resource Conditions and parameter changes.

What moto does (5.2.1): the update diff compares resource JSON only. A parameter change marks
every resource that `Ref`s the parameter as modified, including resources whose Condition is
false (never created): the update then fails on them ("'NoneType' object has no attribute
'name'", "instance of Fn::GetAtt references undefined resource ..."), as the seed app's update with
another LogLevel does. A Condition that turns true does not create the resource, one that turns
false does not delete it. A change set's diff ignores its parameters, so a parameter-only change
set lists no changes.

What we change, as CloudFormation evaluates Conditions ("resources are created only when the
condition is true"; an update that makes it false deletes the resource, one that makes it true
creates it):
- Add: every resource whose Condition is true for the new template and parameters and that does
  not exist yet; Modify: resources moto found modified that exist and stay active; Remove:
  existing resources that left the template or whose Condition became false (and they are
  forgotten afterwards, so a later update can create them again);
- a change set's diff takes its parameters into account (moto's rule: resources whose own JSON
  is unchanged but which refer to a changed parameter are modified).
"""

from __future__ import annotations

from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation import parsing
from moto.core.common_models import CloudFormationModel

_ResourceMap = parsing.ResourceMap


def _conditions(resource_map: Any, template: dict[str, Any], parameters: dict[str, Any] | None) -> Any | None:
    """The new template's conditions, evaluated with the given (or current) parameters; None if impossible."""
    try:
        scratch = _ResourceMap(
            stack_id=resource_map.stack_id, stack_name=resource_map["AWS::StackName"],
            parameters=dict(parameters if parameters is not None else (resource_map.input_parameters or {})),
            tags={}, region_name=resource_map._region_name, account_id=resource_map._account_id,
            template=template, cross_stack_resources=resource_map.cross_stack_resources)
        scratch.load_mapping()
        scratch.load_parameters()
        scratch.load_conditions()
        return scratch.lazy_condition_map
    except Exception:
        return None


def _active(conditions: Any, resource_json: dict[str, Any]) -> bool:
    condition = (resource_json or {}).get("Condition")
    if not condition or conditions is None:
        return True
    try:
        return bool(conditions[condition])
    except Exception:
        return True


def _exists(resource_map: Any, name: str) -> bool:
    return isinstance(resource_map._parsed_resources.get(name), CloudFormationModel)


def apply() -> None:
    """Wraps the diff (after the layer-version patch) and the update (after the alias patch)."""
    original_diff = _ResourceMap.build_resource_diff
    original_update = _ResourceMap.update
    original_change_set_actions = _ResourceMap.build_change_set_actions

    def build_resource_diff(self: Any, other_template: dict[str, Any],
                            parameters: dict[str, Any] | None = None) -> dict[str, Any]:
        actions = original_diff(self, other_template, parameters)
        new = other_template.get("Resources") or {}
        old = self._resource_json_map or {}
        conditions = _conditions(self, other_template, parameters)
        if conditions is None:
            return actions
        active = {name for name, body in new.items() if _active(conditions, body)}
        add = [name for name in new if name in active and not _exists(self, name)]
        modify = [name for name in actions["Modify"] if name in active and _exists(self, name)]
        remove = [name for name in old if _exists(self, name) and name not in active]
        return {"Add": add, "Modify": modify, "Remove": remove}

    def update(self: Any, template: dict[str, Any], parameters: dict[str, Any] | None = None) -> None:
        names = set(template.get("Resources") or {}) | set(self._resource_json_map or {})
        original_update(self, template, parameters)
        conditions = _conditions(self, template, parameters)
        new = template.get("Resources") or {}
        for name in names:
            if name in self._parsed_resources and (name not in new or not _active(conditions, new[name])):
                self._parsed_resources.pop(name, None)

    def build_change_set_actions(self: Any, template: dict[str, Any],
                                 parameters: dict[str, Any] | None = None) -> Any:
        if parameters is None:
            return original_change_set_actions(self, template)
        names = self.build_resource_diff(template, parameters)
        result: dict[str, dict[str, dict[str, str]]] = {"Add": {}, "Modify": {}, "Remove": {}}
        for action in ("Add", "Modify"):
            for name in names[action]:
                result[action][name] = {"LogicalResourceId": name, "ResourceType": template["Resources"][name]["Type"]}
        for name in names["Remove"]:
            result["Remove"][name] = {"LogicalResourceId": name,
                                      "ResourceType": self._resource_json_map[name]["Type"]}
        return result

    def diff(self: Any) -> list[Any]:
        actions = self.stack.resource_map.build_change_set_actions(
            self.template_dict, self.parameters if self.change_set_type == "UPDATE" else None)
        return [cfn_models.Change(action=action, logical_resource_id=name, resource_type=details["ResourceType"])
                for action, resources in actions.items() for name, details in resources.items()]

    _ResourceMap.build_resource_diff = build_resource_diff  # type: ignore[method-assign]
    _ResourceMap.update = update  # type: ignore[method-assign]
    _ResourceMap.build_change_set_actions = build_change_set_actions  # type: ignore[method-assign]
    cfn_models.ChangeSet.diff = diff  # type: ignore[method-assign]
