"""AppSync data sources, resolvers and pipeline functions, which moto 5.2.1 does not implement.

What moto does: its AppSync backend knows GraphQL APIs, API keys, schemas, types and API caches;
CreateResolver, GetFunction, ListDataSources ... answer "not implemented".

What we add: a minimal in-memory implementation kept on moto's own `GraphqlAPI` objects (so it
goes with DeleteGraphqlApi and `POST /moto-api/reset`). Records are the API's own JSON shapes
(camelCase, as in AppSync's REST API): `Resolver`, `FunctionConfiguration`, `DataSource`, with
AWS's ARNs:
- data source `arn:aws:appsync:R:A:apis/API/datasources/NAME`
- resolver `arn:aws:appsync:R:A:apis/API/types/TYPE/resolvers/FIELD`
- function `arn:aws:appsync:R:A:apis/API/functions/FUNCTION_ID` (IDs are 26 lowercase letters/digits)
Update* replaces every setting (fields left out are cleared), as AppSync does. A resolver or
function naming a data source that does not exist is refused (NotFoundException), as is a second
resolver on the same field or a second data source with the same name (BadRequestException).
"""

from __future__ import annotations

import json
import random
import string
from typing import Any

from moto.appsync.exceptions import AppSyncExceptions
from moto.appsync.models import AppSyncBackend, GraphqlAPI, appsync_backends

RESOLVER_FIELDS = (
    "dataSourceName", "requestMappingTemplate", "responseMappingTemplate", "kind", "pipelineConfig",
    "syncConfig", "cachingConfig", "maxBatchSize", "runtime", "code", "metricsConfig",
)
FUNCTION_FIELDS = (
    "name", "description", "dataSourceName", "requestMappingTemplate", "responseMappingTemplate",
    "functionVersion", "syncConfig", "maxBatchSize", "runtime", "code",
)
DATA_SOURCE_FIELDS = (
    "description", "type", "serviceRoleArn", "dynamodbConfig", "lambdaConfig", "elasticsearchConfig",
    "openSearchServiceConfig", "httpConfig", "relationalDatabaseConfig", "eventBridgeConfig", "metricsConfig",
)


class NotFoundException(AppSyncExceptions):
    code = 404

    def __init__(self, message: str) -> None:
        super().__init__("NotFoundException", message)
        self.description = json.dumps({"message": message})


class BadRequestException(AppSyncExceptions):
    code = 400

    def __init__(self, message: str) -> None:
        super().__init__("BadRequestException", message)
        self.description = json.dumps({"message": message})


def api_of(account_id: str, region_name: str, api_id: str) -> GraphqlAPI:
    """The GraphQL API `api_id` (NotFoundException if there is none)."""
    backend: AppSyncBackend = appsync_backends[account_id][region_name]
    api = backend.graphql_apis.get(api_id)
    if api is None:
        raise NotFoundException(f"GraphQL API {api_id} not found.")
    return api


def _tables(api: GraphqlAPI) -> tuple[dict[str, dict], dict[tuple[str, str], dict], dict[str, dict]]:
    if not hasattr(api, "_ferry_data_sources"):
        api._ferry_data_sources = {}
        api._ferry_resolvers = {}
        api._ferry_functions = {}
    return api._ferry_data_sources, api._ferry_resolvers, api._ferry_functions


def _settings(params: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: params[name] for name in fields if params.get(name) is not None}


def _require_data_source(api: GraphqlAPI, name: str | None) -> None:
    if name and name not in _tables(api)[0]:
        raise NotFoundException(f"No data source found named {name}.")


# Data sources

def create_data_source(api: GraphqlAPI, name: str, params: dict[str, Any]) -> dict[str, Any]:
    data_sources = _tables(api)[0]
    if not name or not params.get("type"):
        raise BadRequestException("A data source needs a name and a type.")
    if name in data_sources:
        raise BadRequestException(f"Data source with name {name} already exists.")
    record = {"dataSourceArn": f"{api.arn}/datasources/{name}", "name": name, **_settings(params, DATA_SOURCE_FIELDS)}
    data_sources[name] = record
    return record


def get_data_source(api: GraphqlAPI, name: str) -> dict[str, Any]:
    record = _tables(api)[0].get(name)
    if record is None:
        raise NotFoundException(f"No data source found named {name}.")
    return record


def update_data_source(api: GraphqlAPI, name: str, params: dict[str, Any]) -> dict[str, Any]:
    old = get_data_source(api, name)
    record = {"dataSourceArn": old["dataSourceArn"], "name": name, **_settings(params, DATA_SOURCE_FIELDS)}
    _tables(api)[0][name] = record
    return record


def delete_data_source(api: GraphqlAPI, name: str) -> None:
    get_data_source(api, name)
    del _tables(api)[0][name]


def list_data_sources(api: GraphqlAPI) -> list[dict[str, Any]]:
    return list(_tables(api)[0].values())


# Resolvers

def create_resolver(api: GraphqlAPI, type_name: str, field_name: str, params: dict[str, Any]) -> dict[str, Any]:
    resolvers = _tables(api)[1]
    if (type_name, field_name) in resolvers:
        raise BadRequestException(f"Only one resolver is allowed per field: {type_name}.{field_name}.")
    record = _resolver_record(api, type_name, field_name, params)
    resolvers[(type_name, field_name)] = record
    return record


def _resolver_record(api: GraphqlAPI, type_name: str, field_name: str, params: dict[str, Any]) -> dict[str, Any]:
    _require_data_source(api, params.get("dataSourceName"))
    settings = _settings(params, RESOLVER_FIELDS)
    settings.setdefault("kind", "UNIT")
    return {
        "typeName": type_name, "fieldName": field_name,
        "resolverArn": f"{api.arn}/types/{type_name}/resolvers/{field_name}", **settings,
    }


def get_resolver(api: GraphqlAPI, type_name: str, field_name: str) -> dict[str, Any]:
    record = _tables(api)[1].get((type_name, field_name))
    if record is None:
        raise NotFoundException(f"No resolver found for {type_name}.{field_name}.")
    return record


def update_resolver(api: GraphqlAPI, type_name: str, field_name: str, params: dict[str, Any]) -> dict[str, Any]:
    get_resolver(api, type_name, field_name)
    record = _resolver_record(api, type_name, field_name, params)
    _tables(api)[1][(type_name, field_name)] = record
    return record


def delete_resolver(api: GraphqlAPI, type_name: str, field_name: str) -> None:
    get_resolver(api, type_name, field_name)
    del _tables(api)[1][(type_name, field_name)]


def list_resolvers(api: GraphqlAPI, type_name: str) -> list[dict[str, Any]]:
    return [record for (owner, _), record in _tables(api)[1].items() if owner == type_name]


def list_resolvers_by_function(api: GraphqlAPI, function_id: str) -> list[dict[str, Any]]:
    return [record for record in _tables(api)[1].values()
            if function_id in ((record.get("pipelineConfig") or {}).get("functions") or [])]


# Pipeline functions

def _new_function_id() -> str:
    return "".join(random.choices(string.ascii_lowercase + string.digits, k=26))


def create_function(api: GraphqlAPI, params: dict[str, Any]) -> dict[str, Any]:
    if not params.get("name"):
        raise BadRequestException("A function needs a name.")
    _require_data_source(api, params.get("dataSourceName"))
    function_id = _new_function_id()
    record = {"functionId": function_id, "functionArn": f"{api.arn}/functions/{function_id}",
              **_settings(params, FUNCTION_FIELDS)}
    _tables(api)[2][function_id] = record
    return record


def get_function(api: GraphqlAPI, function_id: str) -> dict[str, Any]:
    record = _tables(api)[2].get(function_id)
    if record is None:
        raise NotFoundException(f"No function found with id {function_id}.")
    return record


def update_function(api: GraphqlAPI, function_id: str, params: dict[str, Any]) -> dict[str, Any]:
    old = get_function(api, function_id)
    _require_data_source(api, params.get("dataSourceName"))
    record = {"functionId": function_id, "functionArn": old["functionArn"], **_settings(params, FUNCTION_FIELDS)}
    _tables(api)[2][function_id] = record
    return record


def delete_function(api: GraphqlAPI, function_id: str) -> None:
    get_function(api, function_id)
    del _tables(api)[2][function_id]


def list_functions(api: GraphqlAPI) -> list[dict[str, Any]]:
    return list(_tables(api)[2].values())
