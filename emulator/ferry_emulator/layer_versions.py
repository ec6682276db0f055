"""Lambda layer versions in CloudFormation stacks, and functions that use them.

What moto does (5.2.1): an `AWS::Lambda::LayerVersion` has no physical ID, so `!Ref` of it gives
the model object itself; it ignores the `LayerName` property; it cannot be updated (the update is
skipped and the resource becomes None) nor deleted. `AWS::Lambda::Function` ignores `Layers` on
create, and on update passes the Ref'd object to the layer lookup, which fails with
`'LayerVersion' object has no attribute 'replace'`.

What we change (as in AWS):
- `Ref` of a LayerVersion (and its PhysicalResourceId) is its version ARN
  (`arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION`); `LayerName` names the layer when given;
  `CompatibleArchitectures` and `LicenseInfo` are kept;
- any change of a LayerVersion's properties replaces it: a new version of the same layer is
  published, and the old version is deleted unless the resource has `UpdateReplacePolicy: Retain`;
  stack updates replace layer versions before updating the other modified resources, and also
  update the resources whose template `Ref`s a replaced layer version (moto only updates resources
  whose own template text changed), so functions pick up the new ARN whatever the template order;
- removing a LayerVersion from the template (SAM renames its layer resource when the content
  changes) or deleting the stack deletes the version unless `DeletionPolicy: Retain` (SAM's
  `RetentionPolicy`, which defaults to Retain);
- a function created by CloudFormation gets its `Layers`; an update without `Layers` clears them.
Not done: the old version is deleted during the update rather than in the cleanup phase after it,
so a rolled-back update publishes the old content again as a new version.
`AWS::Lambda::LayerVersionPermission` stays unsupported (SAM never emits it).
"""

from __future__ import annotations

from typing import Any

from moto.awslambda import models as lambda_models
from moto.cloudformation import parsing

_LayerVersion = lambda_models.LayerVersion
_Function = lambda_models.LambdaFunction
_ResourceMap = parsing.ResourceMap
_TYPE = "AWS::Lambda::LayerVersion"

_original_function_create = _Function.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]
_original_function_update = _Function.update_from_cloudformation_json.__func__  # type: ignore[attr-defined]
_original_build_resource_diff = _ResourceMap.build_resource_diff


def _retains(cloudformation_json: dict[str, Any], policy: str) -> bool:
    return str(cloudformation_json.get(policy, "")).lower() == "retain"


def _physical_resource_id(self: Any) -> str:
    return self.arn


def _publish(resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str) -> Any:
    properties = cloudformation_json.get("Properties") or {}
    spec: dict[str, Any] = {"Content": properties["Content"], "LayerName": properties.get("LayerName") or resource_name}
    for key in ("Description", "CompatibleRuntimes", "CompatibleArchitectures", "LicenseInfo"):
        if key in properties:
            spec[key] = properties[key]
    layer_version = lambda_models.lambda_backends[account_id][region_name].publish_layer_version(spec)
    layer_version._ferry_retain_on_delete = _retains(cloudformation_json, "DeletionPolicy")
    layer_version._ferry_retain_on_replace = _retains(cloudformation_json, "UpdateReplacePolicy")
    return layer_version


def _layer_create(cls: Any, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                  region_name: str, **kwargs: Any) -> Any:
    return _publish(resource_name, cloudformation_json, account_id, region_name)


def _layer_update(cls: Any, original_resource: Any, new_resource_name: str, cloudformation_json: dict[str, Any],
                  account_id: str, region_name: str) -> Any:
    # A new version keeps the old version's layer name (the generated name changes on every call).
    replacement = _publish(original_resource.name, cloudformation_json, account_id, region_name)
    if not getattr(original_resource, "_ferry_retain_on_replace", False):
        _delete_version(original_resource, account_id, region_name)
    return replacement


def _delete_version(layer_version: Any, account_id: str, region_name: str) -> None:
    backend = lambda_models.lambda_backends[account_id][region_name]
    backend.delete_layer_version(layer_version.name, str(layer_version.version))


def _layer_delete(self: Any, account_id: str, region_name: str) -> None:
    if not getattr(self, "_ferry_retain_on_delete", False):
        _delete_version(self, account_id, region_name)


def _function_create(cls: Any, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                     region_name: str, **kwargs: Any) -> Any:
    fn = _original_function_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    layers = (cloudformation_json.get("Properties") or {}).get("Layers")
    if layers:
        fn.layers = fn._get_layers_data(layers)
    return fn


def _function_update(cls: Any, original_resource: Any, new_resource_name: str, cloudformation_json: dict[str, Any],
                     account_id: str, region_name: str) -> Any:
    cloudformation_json.setdefault("Properties", {}).setdefault("Layers", [])
    return _original_function_update(cls, original_resource, new_resource_name, cloudformation_json,
                                      account_id, region_name)


def _build_resource_diff(self: Any, other_template: dict[str, Any], parameters: dict[str, Any] | None = None) -> Any:
    actions = _original_build_resource_diff(self, other_template, parameters)
    resources = other_template.get("Resources") or {}
    replaced = {name for name in actions["Modify"] if (resources.get(name) or {}).get("Type") == _TYPE}
    if replaced:
        old = self._resource_json_map
        for name, resource_json in resources.items():
            if name in old and name not in actions["Modify"] and \
                    replaced & set(parsing.get_references_from_template(resource_json)):
                actions["Modify"].append(name)
    actions["Modify"].sort(key=lambda name: name not in replaced)
    return actions


def apply() -> None:
    """Installs layer-version Ref, replacement and deletion, and functions' Layers into moto."""
    _LayerVersion.physical_resource_id = property(_physical_resource_id)  # type: ignore[attr-defined]
    _LayerVersion.create_from_cloudformation_json = classmethod(_layer_create)  # type: ignore[assignment]
    _LayerVersion.update_from_cloudformation_json = classmethod(_layer_update)  # type: ignore[assignment]
    _LayerVersion.delete = _layer_delete  # type: ignore[attr-defined]
    _Function.create_from_cloudformation_json = classmethod(_function_create)  # type: ignore[assignment]
    _Function.update_from_cloudformation_json = classmethod(_function_update)  # type: ignore[assignment]
    _ResourceMap.build_resource_diff = _build_resource_diff  # type: ignore[method-assign]
