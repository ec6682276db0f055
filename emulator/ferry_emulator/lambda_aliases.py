"""Lambda versions and aliases in CloudFormation stacks (what SAM's `AutoPublishAlias` becomes).

What moto does (5.2.1): `AWS::Lambda::Alias` is not a CloudFormation resource at all (the alias is
never created); an `AWS::Lambda::Version` has no physical ID and no `Version` attribute, so
`!GetAtt FnVersionX.Version` fails; and in an update new resources are created before changed
ones, so the new Version SAM adds after a code change publishes the function's old code.

What we change:
- `AWS::Lambda::Alias` is created (CreateAlias), updated (UpdateAlias) and deleted with the stack;
  its physical ID is the alias ARN; like CloudFormation, an update sets the alias's RoutingConfig to
  the template's (none: no weighted routing), where moto's UpdateAlias would keep the old weights;
  under `UpdatePolicy: CodeDeployLambdaAliasUpdate` a version change is a CodeDeploy deployment
  (codedeploy_deployments.py);
- `AWS::Lambda::Version` has the version ARN as physical ID and `!GetAtt X.Version`;
- an update that adds Versions runs in two passes: first without the new Versions (and with the
  resources that refer to them left as they were, or not yet created when they are new, like the
  Alias SAM adds when `AutoPublishAlias` is added to an existing function), so the functions get their new code, then the
  whole template, so each new Version publishes the new code and the aliases move to it.
"""

from __future__ import annotations

import copy
from typing import Any

from moto.awslambda import models as lambda_models
from moto.cloudformation import parsing
from moto.core.common_models import CloudFormationModel

_Version = lambda_models.LambdaVersion
_VERSION = "AWS::Lambda::Version"
_original_version_create = _Version.create_from_cloudformation_json
_original_update = parsing.ResourceMap.update


def _backend(account_id: str, region_name: str) -> Any:
    return lambda_models.lambda_backends[account_id][region_name]


def _function_name(value: str) -> str:
    """A function name from a name or an (unqualified) ARN."""
    return value.split(":")[6] if value.startswith("arn:") else value


class CloudFormationAlias(CloudFormationModel):
    """An `AWS::Lambda::Alias` of a stack."""

    def __init__(self, function_name: str, name: str, arn: str) -> None:
        self.function_name = function_name
        self.name = name
        self.arn = arn

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::Lambda::Alias"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "Name"

    @property
    def physical_resource_id(self) -> str:
        return self.arn

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return attr in ("AliasArn",)

    def get_cfn_attribute(self, attribute_name: str) -> str:
        return self.arn

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str, **kwargs: Any) -> "CloudFormationAlias":
        properties = cloudformation_json["Properties"]
        function_name = _function_name(properties["FunctionName"])
        alias = _backend(account_id, region_name).create_alias(
            name=properties["Name"], function_name=function_name, function_version=str(properties["FunctionVersion"]),
            description=properties.get("Description", ""), routing_config=None)
        return cls(function_name, properties["Name"], alias.arn)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: Any, new_resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str) -> "CloudFormationAlias":
        properties = cloudformation_json["Properties"]
        function_name = _function_name(properties["FunctionName"])
        if function_name != original_resource.function_name or properties["Name"] != original_resource.name:
            original_resource.delete(account_id, region_name)
            return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)
        policy = (cloudformation_json.get("UpdatePolicy") or {}).get("CodeDeployLambdaAliasUpdate")
        if policy:
            existing = _backend(account_id, region_name).get_alias(properties["Name"], function_name)
            if str(existing.function_version) != str(properties["FunctionVersion"]):
                from .codedeploy_deployments import deploy_alias

                deploy_alias(policy, function_name, existing, str(existing.function_version),
                             str(properties["FunctionVersion"]), account_id, region_name)
        alias = _backend(account_id, region_name).update_alias(
            name=properties["Name"], function_name=function_name, function_version=str(properties["FunctionVersion"]),
            description=properties.get("Description", ""),
            routing_config=properties.get("RoutingConfig") or {"AdditionalVersionWeights": {}})
        return cls(function_name, properties["Name"], alias.arn)

    def delete(self, account_id: str, region_name: str) -> None:
        _backend(account_id, region_name).delete_alias(self.name, self.function_name)


def _version_create(cls: Any, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                    region_name: str, **kwargs: Any) -> Any:
    version = _original_version_create(resource_name, cloudformation_json, account_id, region_name, **kwargs)
    function = _backend(account_id, region_name).get_function(_function_name(cloudformation_json["Properties"]["FunctionName"]))
    version._ferry_arn = f"{function.function_arn}:{version.version}"
    return version


def _references(value: Any) -> set[str]:
    """The logical IDs `value` refers to with `Ref` or `Fn::GetAtt`."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "Ref" and isinstance(inner, str):
                found.add(inner)
            elif key == "Fn::GetAtt":
                target = inner[0] if isinstance(inner, list) and inner else str(inner).split(".")[0]
                found.add(str(target))
            else:
                found |= _references(inner)
    elif isinstance(value, list):
        for item in value:
            found |= _references(item)
    return found


def _update(self: Any, template: dict[str, Any], parameters: dict[str, Any] | None = None) -> None:
    resources = template.get("Resources") or {}
    old = self._resource_json_map or {}
    added = {name for name, body in resources.items() if (body or {}).get("Type") == _VERSION and name not in old}
    if added:
        first = copy.deepcopy(template)
        # New resources that refer to the new Versions (SAM's alias, when AutoPublishAlias is
        # added to an existing function) wait for the second pass too.
        held = set(added)
        while True:
            more = {name for name, body in resources.items()
                    if name not in old and name not in held and held & _references(body)}
            if not more:
                break
            held |= more
        for name in held:
            del first["Resources"][name]
        for name, body in resources.items():
            if name in old and added & _references(body):
                first["Resources"][name] = copy.deepcopy(old[name])
        first.pop("Outputs", None)
        _original_update(self, first, parameters)
    _original_update(self, template, parameters)


def apply() -> None:
    """Installs aliases, version ARNs and the two-pass update into moto."""
    _Version.create_from_cloudformation_json = classmethod(_version_create)  # type: ignore[assignment]
    _Version.physical_resource_id = property(lambda self: getattr(self, "_ferry_arn", str(self.version)))  # type: ignore[attr-defined]
    _Version.has_cfn_attr = classmethod(lambda cls, attr: attr == "Version")  # type: ignore[assignment]
    _Version.get_cfn_attribute = lambda self, attribute_name: str(self.version)  # type: ignore[assignment]
    parsing.ResourceMap.update = _update  # type: ignore[assignment]
    for cached in ("get_model_list", "get_model_map", "get_name_type_map"):
        function = getattr(parsing, cached, None)
        if function is not None and hasattr(function, "cache_clear"):
            function.cache_clear()
