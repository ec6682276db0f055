"""API Gateway REST and HTTP APIs in stacks, as SAM's implicit and explicit APIs produce them.

What moto does (5.2.1): `AWS::ApiGateway::RestApi` needs a `Name` property and ignores `Body` /
`BodyS3Location`, so SAM's `ServerlessRestApi` (a Body with `info.title`, no Name) fails with
KeyError 'Name' and an API defined by OpenAPI has no resources or methods. `AWS::ApiGateway::
Deployment` has no physical ID, so `!Ref Deployment` is the model object. `AWS::ApiGateway::Stage`,
`AWS::ApiGatewayV2::Api` and `AWS::ApiGatewayV2::Stage` (SAM's `HttpApi`) are not implemented.

What we change, as the CloudFormation reference describes these types:
- RestApi: `Body` (an OpenAPI/Swagger object) or `BodyS3Location` (`{Bucket, Key, Version}`) is
  imported (Swagger 2.0 too, as API Gateway imports both); "Name: required if you don't specify an
  OpenAPI definition", otherwise the name is the definition's `info.title`. An update re-imports the
  definition (mode overwrite). `Ref` is the API ID; `RootResourceId` as moto.
- Deployment: `Ref` is the deployment ID; a deployment of an API without methods fails (moto's
  "The REST API doesn't contain any methods", as AWS).
- Stage (`AWS::ApiGateway::Stage`): created with its DeploymentId, Variables, Description and
  TracingEnabled; an update points it at the new deployment; `Ref` is the stage name.
- `AWS::ApiGatewayV2::Api`: created in moto's API Gateway v2 from `Body`/`BodyS3Location`
  (routes and integrations imported; name from `info.title` unless `Name` is given) or from `Name`
  and `ProtocolType`; `Ref` is the API ID; `ApiEndpoint` and `ApiId` as attributes.
- `AWS::ApiGatewayV2::Stage`: created on its API (SAM's `$default` stage); `Ref` is the stage name.
Deletes delete. Not done: Authorizers, Models, DomainName and UsagePlan resources stay as moto has them.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import yaml
from moto.apigateway import models as apigw_models
from moto.apigatewayv2 import models as apigw2_models
from moto.cloudformation import parsing
from moto.cloudformation.exceptions import ValidationError
from moto.core.common_models import CloudFormationModel

from .s3_objects import read_text

_RestApi = apigw_models.RestAPI
_Deployment = apigw_models.Deployment


def _v1(account_id: str, region: str) -> Any:
    return apigw_models.apigateway_backends[account_id][region]


def _v2(account_id: str, region: str) -> Any:
    return apigw2_models.apigatewayv2_backends[account_id][region]


def definition(properties: dict[str, Any], account_id: str, region: str) -> dict[str, Any] | None:
    """The OpenAPI definition from `Body` (object or JSON/YAML text) or `BodyS3Location`, or None."""
    body = properties.get("Body")
    if body is None and properties.get("BodyS3Location"):
        body = read_text(properties["BodyS3Location"], account_id, region)
    if isinstance(body, str):
        body = yaml.safe_load(body)
    return copy.deepcopy(body) if isinstance(body, dict) else None


def as_openapi3(document: dict[str, Any]) -> dict[str, Any]:
    """moto imports only OpenAPI 3 documents; a Swagger 2.0 one has the same paths and integrations."""
    if "swagger" in document:
        document = {key: value for key, value in document.items() if key != "swagger"}
        document["openapi"] = "3.0.1"
    document.setdefault("paths", {})
    for methods in document["paths"].values():
        for method in (methods or {}).values() if isinstance(methods, dict) else ():
            integration = method.get("x-amazon-apigateway-integration") if isinstance(method, dict) else None
            if isinstance(integration, dict):
                integration.setdefault("uri", "")  # MOCK integrations have none; moto requires one
                if str(integration.get("type", "")).lower() == "mock":
                    integration.setdefault("httpMethod", "POST")  # ignored by a MOCK; moto requires one
    return document


def _api_name(properties: dict[str, Any], document: dict[str, Any] | None, logical_id: str) -> str:
    if properties.get("Name"):
        return str(properties["Name"])
    title = ((document or {}).get("info") or {}).get("title")
    if title:
        return str(title)
    raise ValidationError(message=f"Name is required for {logical_id} when no OpenAPI definition is given")


def _rest_api_create(cls: Any, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                     region_name: str, **kwargs: Any) -> Any:
    properties = cloudformation_json.get("Properties") or {}
    document = definition(properties, account_id, region_name)
    backend = _v1(account_id, region_name)
    api = backend.create_rest_api(
        name=_api_name(properties, document, kwargs.get("LogicalId", resource_name)),
        description=properties.get("Description") or ((document or {}).get("info") or {}).get("description", ""),
        endpoint_configuration=properties.get("EndpointConfiguration"))
    if document is not None:
        backend.put_rest_api(api.id, as_openapi3(document), fail_on_warnings=False, mode="overwrite")
    return api


def _rest_api_update(cls: Any, original_resource: Any, new_resource_name: str, cloudformation_json: dict[str, Any],
                     account_id: str, region_name: str) -> Any:
    properties = cloudformation_json.get("Properties") or {}
    document = definition(properties, account_id, region_name)
    original_resource.name = _api_name(properties, document, new_resource_name)
    original_resource.description = properties.get("Description") or ""
    if document is not None:
        _v1(account_id, region_name).put_rest_api(original_resource.id, as_openapi3(document),
                                                  fail_on_warnings=False, mode="overwrite")
    return original_resource


def _rest_api_delete(self: Any, account_id: str, region_name: str) -> None:
    _v1(account_id, region_name).apis.pop(self.id, None)


class ApiGatewayStage(CloudFormationModel):
    """`AWS::ApiGateway::Stage` of a stack."""

    def __init__(self, rest_api_id: str, name: str) -> None:
        self.rest_api_id = rest_api_id
        self.name = name

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::ApiGateway::Stage"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "StageName"

    @property
    def physical_resource_id(self) -> str:
        return self.name

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return False

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str, **kwargs: Any) -> "ApiGatewayStage":
        properties = cloudformation_json.get("Properties") or {}
        rest_api_id = str(properties["RestApiId"])
        name = str(properties.get("StageName") or resource_name)
        _v1(account_id, region_name).create_stage(
            function_id=rest_api_id, stage_name=name, deploymentId=str(properties.get("DeploymentId") or ""),
            variables=properties.get("Variables"), description=properties.get("Description", ""),
            tracing_enabled=properties.get("TracingEnabled"))
        return cls(rest_api_id, name)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: Any, new_resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str) -> "ApiGatewayStage":
        properties = cloudformation_json.get("Properties") or {}
        same = str(properties["RestApiId"]) == original_resource.rest_api_id and \
            str(properties.get("StageName") or original_resource.name) == original_resource.name
        if not same:
            original_resource.delete(account_id, region_name)
            return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)
        stage = _v1(account_id, region_name).get_stage(original_resource.rest_api_id, original_resource.name)
        stage.deployment_id = str(properties.get("DeploymentId") or stage.deployment_id)
        stage.variables = properties.get("Variables") or {}
        stage.description = properties.get("Description", "")
        return original_resource

    def delete(self, account_id: str, region_name: str) -> None:
        try:
            _v1(account_id, region_name).delete_stage(self.rest_api_id, self.name)
        except Exception:  # the API is already gone
            pass


class ApiGatewayV2Api(CloudFormationModel):
    """`AWS::ApiGatewayV2::Api` of a stack (what SAM's HttpApi becomes)."""

    def __init__(self, api: Any) -> None:
        self.api = api

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::ApiGatewayV2::Api"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "Name"

    @property
    def physical_resource_id(self) -> str:
        return self.api.api_id

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return attr in ("ApiEndpoint", "ApiId")

    def get_cfn_attribute(self, attribute_name: str) -> Any:
        if attribute_name == "ApiEndpoint":
            return self.api.api_endpoint
        if attribute_name == "ApiId":
            return self.api.api_id
        from moto.cloudformation.exceptions import UnformattedGetAttTemplateException

        raise UnformattedGetAttTemplateException()

    @staticmethod
    def _import(api: Any, document: dict[str, Any] | None, account_id: str, region_name: str) -> None:
        if document is not None:
            _v2(account_id, region_name).reimport_api(api.api_id, json.dumps(as_openapi3(document)), False)

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str, **kwargs: Any) -> "ApiGatewayV2Api":
        properties = cloudformation_json.get("Properties") or {}
        document = definition(properties, account_id, region_name)
        api = _v2(account_id, region_name).create_api(
            api_key_selection_expression=properties.get("ApiKeySelectionExpression"),
            cors_configuration=properties.get("CorsConfiguration"), description=properties.get("Description"),
            disable_schema_validation=properties.get("DisableSchemaValidation"),
            disable_execute_api_endpoint=properties.get("DisableExecuteApiEndpoint"),
            name=_api_name(properties, document, kwargs.get("LogicalId", resource_name)),
            protocol_type=properties.get("ProtocolType") or "HTTP",
            route_selection_expression=properties.get("RouteSelectionExpression"),
            tags=properties.get("Tags") or {}, version=properties.get("Version"))
        cls._import(api, document, account_id, region_name)
        return cls(api)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: Any, new_resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str) -> "ApiGatewayV2Api":
        properties = cloudformation_json.get("Properties") or {}
        document = definition(properties, account_id, region_name)
        cls._import(original_resource.api, document, account_id, region_name)
        if properties.get("Name"):
            original_resource.api.name = properties["Name"]
        return original_resource

    def delete(self, account_id: str, region_name: str) -> None:
        _v2(account_id, region_name).delete_api(self.api.api_id)


class ApiGatewayV2Stage(CloudFormationModel):
    """`AWS::ApiGatewayV2::Stage` of a stack."""

    def __init__(self, api_id: str, name: str) -> None:
        self.api_id = api_id
        self.name = name

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::ApiGatewayV2::Stage"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "StageName"

    @property
    def physical_resource_id(self) -> str:
        return self.name

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return False

    @staticmethod
    def _config(properties: dict[str, Any]) -> dict[str, Any]:
        return {"stageName": str(properties["StageName"]), "autoDeploy": properties.get("AutoDeploy"),
                "description": properties.get("Description"), "stageVariables": properties.get("StageVariables") or {},
                "defaultRouteSettings": properties.get("DefaultRouteSettings") or {"detailedMetricsEnabled": False},
                "accessLogSettings": properties.get("AccessLogSettings"), "tags": properties.get("Tags") or {}}

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str, **kwargs: Any) -> "ApiGatewayV2Stage":
        properties = cloudformation_json.get("Properties") or {}
        api_id = str(properties["ApiId"])
        stage = _v2(account_id, region_name).create_stage(api_id, cls._config(properties))
        return cls(api_id, stage.name)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: Any, new_resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str) -> "ApiGatewayV2Stage":
        original_resource.delete(account_id, region_name)
        return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)

    def delete(self, account_id: str, region_name: str) -> None:
        try:
            _v2(account_id, region_name).get_api(self.api_id).delete_stage(self.name)
        except Exception:  # the API is already gone
            pass


MODELS = (ApiGatewayStage, ApiGatewayV2Api, ApiGatewayV2Stage)


def apply() -> None:
    """Installs Body import, deployment IDs and the stage and v2 models into moto's CloudFormation."""
    _RestApi.create_from_cloudformation_json = classmethod(_rest_api_create)  # type: ignore[assignment]
    _RestApi.update_from_cloudformation_json = classmethod(_rest_api_update)  # type: ignore[assignment]
    _RestApi.delete = _rest_api_delete  # type: ignore[attr-defined]
    _Deployment.physical_resource_id = property(lambda self: self.id)  # type: ignore[attr-defined]
    for cached in (parsing.get_model_list, parsing.get_model_map, parsing.get_name_type_map):
        cached.cache_clear()
    known = parsing.get_model_map()
    missing = [model.cloudformation_type() for model in MODELS if known.get(model.cloudformation_type()) is not model]
    if missing:
        raise RuntimeError(f"API Gateway models not registered with moto's CloudFormation: {missing}")
