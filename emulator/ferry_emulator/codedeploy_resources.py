"""CodeDeploy applications and deployment groups in CloudFormation stacks (what SAM's
`DeploymentPreference` adds).

What moto does (5.2.1): its CodeDeploy backend has applications, deployment groups and (static)
deployments, but CloudFormation knows neither `AWS::CodeDeploy::Application` nor
`AWS::CodeDeploy::DeploymentGroup` (they would only be simulated placeholders).

What we change: both types are real CloudFormation resources in moto's CodeDeploy backend.
- `AWS::CodeDeploy::Application`: `Ref` is the application name (`ApplicationName`, generated as
  `STACK-LOGICALID-XXXX` when absent, as CloudFormation does); `ComputePlatform` as given.
- `AWS::CodeDeploy::DeploymentGroup`: `Ref` is the group name (generated the same way); its
  `DeploymentConfigName`, `AlarmConfiguration` (alarm names, `Enabled`) and
  `AutoRollbackConfiguration` are kept for the deployments (codedeploy_deployments.py). An update
  changes them in place; a new application or group name replaces the resource.
Deleting the stack deletes both.
"""

from __future__ import annotations

from typing import Any

from moto.cloudformation import parsing
from moto.codedeploy import models as cd_models
from moto.core.common_models import CloudFormationModel


def backend(account_id: str, region_name: str) -> Any:
    """moto's CodeDeploy backend of the account and region."""
    return cd_models.codedeploy_backends[account_id][region_name]


class CloudFormationApplication(CloudFormationModel):
    """An `AWS::CodeDeploy::Application` of a stack."""

    def __init__(self, name: str) -> None:
        self.name = name

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::CodeDeploy::Application"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "ApplicationName"

    @property
    def physical_resource_id(self) -> str:
        return self.name

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return False

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str, **kwargs: Any) -> "CloudFormationApplication":
        properties = cloudformation_json.get("Properties") or {}
        name = str(properties.get("ApplicationName") or resource_name)
        backend(account_id, region_name).create_application(name, str(properties.get("ComputePlatform") or "Server"), [])
        return cls(name)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: Any, new_resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str) -> "CloudFormationApplication":
        properties = cloudformation_json.get("Properties") or {}
        wanted = properties.get("ApplicationName")
        if wanted and wanted != original_resource.name:
            original_resource.delete(account_id, region_name)
            return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)
        return original_resource

    def delete(self, account_id: str, region_name: str) -> None:
        cd = backend(account_id, region_name)
        cd.applications.pop(self.name, None)
        cd.deployment_groups.pop(self.name, None)


def _alarm_names(properties: dict[str, Any]) -> list[str]:
    configuration = properties.get("AlarmConfiguration") or {}
    if str(configuration.get("Enabled", True)).lower() == "false":
        return []
    return [str(alarm.get("Name")) for alarm in configuration.get("Alarms") or [] if alarm.get("Name")]


class CloudFormationDeploymentGroup(CloudFormationModel):
    """An `AWS::CodeDeploy::DeploymentGroup` of a stack."""

    def __init__(self, application_name: str, name: str) -> None:
        self.application_name = application_name
        self.name = name

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::CodeDeploy::DeploymentGroup"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "DeploymentGroupName"

    @property
    def physical_resource_id(self) -> str:
        return self.name

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return False

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str, **kwargs: Any) -> "CloudFormationDeploymentGroup":
        properties = cloudformation_json.get("Properties") or {}
        application = str(properties["ApplicationName"])
        name = str(properties.get("DeploymentGroupName") or resource_name)
        backend(account_id, region_name).create_deployment_group(
            application_name=application, deployment_group_name=name,
            deployment_config_name=properties.get("DeploymentConfigName") or "CodeDeployDefault.LambdaAllAtOnce",
            ec2_tag_filters=None, on_premises_instance_tag_filters=None, auto_scaling_groups=None,
            service_role_arn=str(properties.get("ServiceRoleArn") or ""), trigger_configurations=None,
            alarm_configuration=None, auto_rollback_configuration=properties.get("AutoRollbackConfiguration"),
            deployment_style=properties.get("DeploymentStyle"))
        group = cls(application, name)
        group.configure(properties, account_id, region_name)
        return group

    def configure(self, properties: dict[str, Any], account_id: str, region_name: str) -> None:
        """Keeps the properties the deployments read on moto's group."""
        group = backend(account_id, region_name).get_deployment_group(self.application_name, self.name)
        group.deployment_config_name = properties.get("DeploymentConfigName") or "CodeDeployDefault.LambdaAllAtOnce"
        group.auto_rollback_configuration = properties.get("AutoRollbackConfiguration") or {}
        group.ferry_alarm_names = _alarm_names(properties)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: Any, new_resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str) -> "CloudFormationDeploymentGroup":
        properties = cloudformation_json.get("Properties") or {}
        wanted = properties.get("DeploymentGroupName")
        if (wanted and wanted != original_resource.name) or properties["ApplicationName"] != original_resource.application_name:
            original_resource.delete(account_id, region_name)
            return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)
        original_resource.configure(properties, account_id, region_name)
        return original_resource

    def delete(self, account_id: str, region_name: str) -> None:
        groups = backend(account_id, region_name).deployment_groups.get(self.application_name) or {}
        groups.pop(self.name, None)


def apply() -> None:
    """Registers the two CodeDeploy types with moto's CloudFormation."""
    for cached in ("get_model_list", "get_model_map", "get_name_type_map"):
        function = getattr(parsing, cached, None)
        if function is not None and hasattr(function, "cache_clear"):
            function.cache_clear()
