"""CloudFormation resource models for AppSync, which moto 5.2.1's CloudFormation ignores.

What moto does: `AWS::AppSync::*` resources have no model, so a stack "creates" them without
creating anything, and ListStackResources / Ref / GetAtt know nothing about them.

What we add: a model per type that really creates the resource, in moto's AppSync backend (GraphQL
API, API key, schema through StartSchemaCreation) or in `appsync_store` (data sources, resolvers,
pipeline functions), updates it in place (or replaces it when a property that requires replacement
changed) and deletes it. `*S3Location` properties (`s3://bucket/key`) are read from moto's S3.
Physical IDs, Ref and GetAtt are AWS's:

| type | Ref | GetAtt |
|---|---|---|
| GraphQLApi | API ARN | ApiId, Arn, GraphQLUrl, GraphQLDns, RealtimeUrl, RealtimeDns |
| ApiKey | `API_ARN/apikey/KEY_ID` | ApiKey, ApiKeyId, Arn |
| GraphQLSchema | `API_IDGraphQLSchema` | — |
| DataSource | data source ARN | DataSourceArn, Name |
| Resolver | resolver ARN | ResolverArn, TypeName, FieldName |
| FunctionConfiguration | function ARN | FunctionArn, FunctionId, Name, DataSourceName |

A schema that does not parse fails its resource ("Schema Creation Status is FAILED with details:
..."); an S3 location that cannot be read fails its resource too. Deleting a child whose API is
already gone is a no-op (AppSync deleted it with the API).
"""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlparse

from moto.appsync.models import appsync_backends
from moto.cloudformation import parsing
from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
from moto.core.common_models import CloudFormationModel

from . import appsync_store as store
from .appsync_rest import graphql_urls
from .s3_objects import read_text

# CloudFormation property name -> AppSync API field name, where lower-casing the first letter is wrong.
_API_NAMES = {"DynamoDBConfig": "dynamodbConfig", "OpenIDConnectConfig": "openIDConnectConfig",
              "DBClusterIdentifier": "dbClusterIdentifier", "AwsSecretStoreArn": "awsSecretStoreArn"}


def api_shape(value: Any) -> Any:
    """CloudFormation's PascalCase properties as AppSync's camelCase JSON, recursively."""
    if isinstance(value, dict):
        return {_API_NAMES.get(key, key[:1].lower() + key[1:]): api_shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [api_shape(item) for item in value]
    return value


def api_id_of(value: Any) -> str:
    """An `ApiId` property: the ID itself, or an API ARN (`...:apis/ID`)."""
    text = str(value or "")
    return text.split(":apis/", 1)[1].split("/", 1)[0] if ":apis/" in text else text


class _AppSyncModel:
    """What every AppSync model shares: identity, properties, replacement rule."""

    #: Properties whose change replaces the resource (create the new one, delete the old one).
    replacement_properties: tuple[str, ...] = ("ApiId",)

    def __init__(self, account_id: str, region_name: str, properties: dict[str, Any]) -> None:
        self.account_id = account_id
        self.region_name = region_name
        self.properties = properties

    @property
    def api_id(self) -> str:
        return api_id_of(self.properties.get("ApiId"))

    def api(self) -> Any:
        return store.api_of(self.account_id, self.region_name, self.api_id)

    def api_exists(self) -> bool:
        return self.api_id in appsync_backends[self.account_id][self.region_name].graphql_apis

    def text(self, inline: str, location: str) -> str | None:
        """The inline property, else the text of the S3 object its `...S3Location` names."""
        if self.properties.get(inline) is not None:
            return str(self.properties[inline])
        if self.properties.get(location):
            return read_text(self.properties[location], self.account_id, self.region_name)
        return None

    def is_created(self) -> bool:
        return True

    @staticmethod
    def cloudformation_name_type() -> str:
        return ""

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: dict[str, Any],
                                        account_id: str, region_name: str, **kwargs: Any) -> Any:
        resource = cls(account_id, region_name, dict(cloudformation_json.get("Properties") or {}))
        resource.create()
        return resource

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: Any, new_resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str, region_name: str) -> Any:
        properties = dict(cloudformation_json.get("Properties") or {})
        if any(properties.get(name) != original_resource.properties.get(name) for name in cls.replacement_properties):
            replacement = cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)
            original_resource.delete(account_id, region_name)
            return replacement
        original_resource.properties = properties
        original_resource.update()
        return original_resource

    def create(self) -> None:
        raise NotImplementedError

    def update(self) -> None:
        raise NotImplementedError

    def delete(self, account_id: str, region_name: str) -> None:
        raise NotImplementedError

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return attr in cls.attributes()

    @classmethod
    def attributes(cls) -> tuple[str, ...]:
        return ()

    def get_cfn_attribute(self, attribute_name: str) -> Any:
        if attribute_name not in self.attributes():
            raise UnformattedGetAttTemplateException()
        return self.attribute(attribute_name)

    def attribute(self, name: str) -> Any:
        raise UnformattedGetAttTemplateException()


class AppSyncGraphQLApi(_AppSyncModel, CloudFormationModel):
    """AWS::AppSync::GraphQLApi, in moto's AppSync backend."""

    replacement_properties = ()

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::AppSync::GraphQLApi"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "Name"

    @classmethod
    def attributes(cls) -> tuple[str, ...]:
        return ("ApiId", "Arn", "GraphQLUrl", "GraphQLDns", "RealtimeUrl", "RealtimeDns")

    def _backend(self) -> Any:
        return appsync_backends[self.account_id][self.region_name]

    def _settings(self) -> dict[str, Any]:
        p = api_shape(self.properties)
        return dict(name=p.get("name"), log_config=p.get("logConfig"), authentication_type=p.get("authenticationType"),
                    user_pool_config=p.get("userPoolConfig"), open_id_connect_config=p.get("openIDConnectConfig"),
                    additional_authentication_providers=p.get("additionalAuthenticationProviders"),
                    xray_enabled=bool(p.get("xrayEnabled", False)), lambda_authorizer_config=p.get("lambdaAuthorizerConfig"))

    def _tags(self) -> dict[str, str]:
        return {tag["Key"]: tag["Value"] for tag in self.properties.get("Tags") or []}

    def create(self) -> None:
        api = self._backend().create_graphql_api(tags=self._tags(), visibility=self.properties.get("Visibility"),
                                                  **self._settings())
        self._api_id = api.api_id
        self.arn = api.arn

    def update(self) -> None:
        backend = self._backend()
        backend.update_graphql_api(api_id=self._api_id, **self._settings())
        backend.tagger.untag_resource_using_names(self.arn, list(backend.list_tags_for_resource(self.arn)))
        backend.tag_resource(self.arn, self._tags())

    def delete(self, account_id: str, region_name: str) -> None:
        self._backend().graphql_apis.pop(self._api_id, None)

    @property
    def api_id(self) -> str:
        return self._api_id

    @property
    def physical_resource_id(self) -> str:
        return self.arn

    def attribute(self, name: str) -> Any:
        urls = graphql_urls(self._api_id, self.region_name)
        return {"ApiId": self._api_id, "Arn": self.arn, "GraphQLUrl": urls["GRAPHQL"],
                "GraphQLDns": urlparse(urls["GRAPHQL"]).hostname, "RealtimeUrl": urls["REALTIME"],
                "RealtimeDns": urlparse(urls["REALTIME"]).hostname}[name]


class AppSyncApiKey(_AppSyncModel, CloudFormationModel):
    """AWS::AppSync::ApiKey, in moto's AppSync backend."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::AppSync::ApiKey"

    @classmethod
    def attributes(cls) -> tuple[str, ...]:
        return ("ApiKey", "ApiKeyId", "Arn")

    def create(self) -> None:
        expires = self.properties.get("Expires")
        key = self.api().create_api_key(self.properties.get("Description"), int(expires) if expires else None)
        self.key_id = key.key_id

    def update(self) -> None:
        expires = self.properties.get("Expires")
        self.api().update_api_key(self.key_id, self.properties.get("Description"), int(expires) if expires else None)

    def delete(self, account_id: str, region_name: str) -> None:
        if self.api_exists():
            self.api().api_keys.pop(self.key_id, None)

    @property
    def physical_resource_id(self) -> str:
        return f"arn:aws:appsync:{self.region_name}:{self.account_id}:apis/{self.api_id}/apikey/{self.key_id}"

    def attribute(self, name: str) -> Any:
        return {"ApiKey": self.key_id, "ApiKeyId": self.key_id, "Arn": self.physical_resource_id}[name]


class AppSyncSchemaCreationFailed(Exception):
    """StartSchemaCreation ended FAILED."""


class AppSyncGraphQLSchema(_AppSyncModel, CloudFormationModel):
    """AWS::AppSync::GraphQLSchema: StartSchemaCreation with `Definition` or `DefinitionS3Location`."""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::AppSync::GraphQLSchema"

    def create(self) -> None:
        definition = self.text("Definition", "DefinitionS3Location") or ""
        api = self.api()
        api.start_schema_creation(base64.b64encode(definition.encode("utf-8")).decode("ascii"))
        status, details = api.get_schema_status()
        if status == "FAILED":
            raise AppSyncSchemaCreationFailed(f"Schema Creation Status is FAILED with details: {details}")

    def update(self) -> None:
        self.create()

    def delete(self, account_id: str, region_name: str) -> None:
        pass  # a schema is not deleted on its own: it goes with its API

    @property
    def physical_resource_id(self) -> str:
        return f"{self.api_id}GraphQLSchema"


class AppSyncDataSource(_AppSyncModel, CloudFormationModel):
    """AWS::AppSync::DataSource, in `appsync_store`."""

    replacement_properties = ("ApiId", "Name")

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::AppSync::DataSource"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "Name"

    @classmethod
    def attributes(cls) -> tuple[str, ...]:
        return ("DataSourceArn", "Name")

    def _params(self) -> dict[str, Any]:
        return api_shape({key: value for key, value in self.properties.items() if key != "ApiId"})

    def create(self) -> None:
        self.record = store.create_data_source(self.api(), str(self.properties.get("Name") or ""), self._params())

    def update(self) -> None:
        self.record = store.update_data_source(self.api(), self.record["name"], self._params())

    def delete(self, account_id: str, region_name: str) -> None:
        if self.api_exists():
            store._tables(self.api())[0].pop(self.record["name"], None)

    @property
    def physical_resource_id(self) -> str:
        return self.record["dataSourceArn"]

    def attribute(self, name: str) -> Any:
        return {"DataSourceArn": self.record["dataSourceArn"], "Name": self.record["name"]}[name]


def _code_params(model: _AppSyncModel, names: tuple[str, ...]) -> dict[str, Any]:
    """The API body of a resolver or function: its properties plus the code and templates read from S3."""
    params = api_shape({key: value for key, value in model.properties.items() if key in names})
    for field, inline, location in (("code", "Code", "CodeS3Location"),
                                    ("requestMappingTemplate", "RequestMappingTemplate", "RequestMappingTemplateS3Location"),
                                    ("responseMappingTemplate", "ResponseMappingTemplate", "ResponseMappingTemplateS3Location")):
        text = model.text(inline, location)
        if text is not None:
            params[field] = text
    return params


class AppSyncResolver(_AppSyncModel, CloudFormationModel):
    """AWS::AppSync::Resolver, in `appsync_store`."""

    replacement_properties = ("ApiId", "TypeName", "FieldName")
    _settings = ("DataSourceName", "Kind", "PipelineConfig", "CachingConfig", "SyncConfig", "MaxBatchSize",
                 "Runtime", "MetricsConfig")

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::AppSync::Resolver"

    @classmethod
    def attributes(cls) -> tuple[str, ...]:
        return ("ResolverArn", "TypeName", "FieldName")

    def create(self) -> None:
        self.record = store.create_resolver(self.api(), str(self.properties.get("TypeName")),
                                            str(self.properties.get("FieldName")), _code_params(self, self._settings))

    def update(self) -> None:
        self.record = store.update_resolver(self.api(), self.record["typeName"], self.record["fieldName"],
                                            _code_params(self, self._settings))

    def delete(self, account_id: str, region_name: str) -> None:
        if self.api_exists():
            store._tables(self.api())[1].pop((self.record["typeName"], self.record["fieldName"]), None)

    @property
    def physical_resource_id(self) -> str:
        return self.record["resolverArn"]

    def attribute(self, name: str) -> Any:
        return {"ResolverArn": self.record["resolverArn"], "TypeName": self.record["typeName"],
                "FieldName": self.record["fieldName"]}[name]


class AppSyncFunctionConfiguration(_AppSyncModel, CloudFormationModel):
    """AWS::AppSync::FunctionConfiguration, in `appsync_store`."""

    _settings = ("Name", "Description", "DataSourceName", "FunctionVersion", "SyncConfig", "MaxBatchSize", "Runtime")

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::AppSync::FunctionConfiguration"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "Name"

    @classmethod
    def attributes(cls) -> tuple[str, ...]:
        return ("FunctionArn", "FunctionId", "Name", "DataSourceName")

    def create(self) -> None:
        self.record = store.create_function(self.api(), _code_params(self, self._settings))

    def update(self) -> None:
        self.record = store.update_function(self.api(), self.record["functionId"], _code_params(self, self._settings))

    def delete(self, account_id: str, region_name: str) -> None:
        if self.api_exists():
            store._tables(self.api())[2].pop(self.record["functionId"], None)

    @property
    def physical_resource_id(self) -> str:
        return self.record["functionArn"]

    def attribute(self, name: str) -> Any:
        return {"FunctionArn": self.record["functionArn"], "FunctionId": self.record["functionId"],
                "Name": self.record.get("name"), "DataSourceName": self.record.get("dataSourceName")}[name]


MODELS = (AppSyncGraphQLApi, AppSyncApiKey, AppSyncGraphQLSchema, AppSyncDataSource, AppSyncResolver,
          AppSyncFunctionConfiguration)


def apply() -> None:
    """Makes moto's CloudFormation see the models (its model list is cached on first use)."""
    for cached in (parsing.get_model_list, parsing.get_model_map, parsing.get_name_type_map):
        cached.cache_clear()
    known = parsing.get_model_map()
    missing = [model.cloudformation_type() for model in MODELS if known.get(model.cloudformation_type()) is not model]
    if missing:
        raise RuntimeError(f"AppSync models not registered with moto's CloudFormation: {missing}")
