"""AppSync's REST API for data sources, resolvers and functions, and an AWS-like schema export.

What moto does: its AppSync routes stop at APIs, keys, schema and types; `GetIntrospectionSchema`
with `format=SDL` re-prints the schema through graphql-core's client-schema round trip, which
drops the `schema { ... }` block and adds declarations of AWS's own scalars and directives; the
API's `uris` are a placeholder (`http://graphql.uri`).

What we change:
- routes and handlers for CreateDataSource, GetDataSource, UpdateDataSource, DeleteDataSource,
  ListDataSources, CreateResolver, GetResolver, UpdateResolver, DeleteResolver, ListResolvers,
  ListResolversByFunction, CreateFunction, GetFunction, UpdateFunction, DeleteFunction,
  ListFunctions (records in `appsync_store`; lists have no pagination: one page, no nextToken);
- `GetIntrospectionSchema` `format=SDL` prints the uploaded document itself, normalised (comments
  and formatting are AppSync's, order and the `schema` block are the author's), without directive
  usages when `includeDirectives=false`; `format=JSON` stays moto's;
- `uris` are AWS's: `https://ID.appsync-api.REGION.amazonaws.com/graphql` and the `wss://`
  realtime one.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

from moto.appsync import urls as appsync_urls
from moto.appsync.models import GraphqlAPI
from moto.appsync.responses import AppSyncResponse

from . import appsync_store as store

_ROUTES = {
    "{0}/v1/apis/(?P<api_id>[^/]+)/datasources$": AppSyncResponse.dispatch,
    "{0}/v1/apis/(?P<api_id>[^/]+)/datasources/(?P<name>[^/]+)$": AppSyncResponse.dispatch,
    "{0}/v1/apis/(?P<api_id>[^/]+)/functions$": AppSyncResponse.dispatch,
    "{0}/v1/apis/(?P<api_id>[^/]+)/functions/(?P<function_id>[^/]+)$": AppSyncResponse.dispatch,
    "{0}/v1/apis/(?P<api_id>[^/]+)/functions/(?P<function_id>[^/]+)/resolvers$": AppSyncResponse.dispatch,
    "{0}/v1/apis/(?P<api_id>[^/]+)/types/(?P<type_name>[^/]+)/resolvers$": AppSyncResponse.dispatch,
    "{0}/v1/apis/(?P<api_id>[^/]+)/types/(?P<type_name>[^/]+)/resolvers/(?P<field_name>[^/]+)$": AppSyncResponse.dispatch,
}

_original_introspection = AppSyncResponse.get_introspection_schema
_original_to_json = GraphqlAPI.to_json


def graphql_urls(api_id: str, region: str) -> dict[str, str]:
    """AWS's endpoint URLs of a GraphQL API."""
    return {
        "GRAPHQL": f"https://{api_id}.appsync-api.{region}.amazonaws.com/graphql",
        "REALTIME": f"wss://{api_id}.appsync-realtime-api.{region}.amazonaws.com/graphql",
    }


def _segments(self: AppSyncResponse) -> list[str]:
    # /v1/apis/API/...
    return [unquote(part) for part in self.path.split("/")]


def _api(self: AppSyncResponse) -> GraphqlAPI:
    return store.api_of(self.current_account, self.region, _segments(self)[3])


def _body(self: AppSyncResponse) -> dict[str, Any]:
    return json.loads(self.body) if self.body else {}


def _answer(key: str, value: Any) -> str:
    return json.dumps({key: value})


# Data sources: /v1/apis/API/datasources[/NAME]

def _create_data_source(self: AppSyncResponse) -> str:
    params = _body(self)
    return _answer("dataSource", store.create_data_source(_api(self), params.get("name", ""), params))


def _get_data_source(self: AppSyncResponse) -> str:
    return _answer("dataSource", store.get_data_source(_api(self), _segments(self)[5]))


def _update_data_source(self: AppSyncResponse) -> str:
    return _answer("dataSource", store.update_data_source(_api(self), _segments(self)[5], _body(self)))


def _delete_data_source(self: AppSyncResponse) -> str:
    store.delete_data_source(_api(self), _segments(self)[5])
    return "{}"


def _list_data_sources(self: AppSyncResponse) -> str:
    return _answer("dataSources", store.list_data_sources(_api(self)))


# Resolvers: /v1/apis/API/types/TYPE/resolvers[/FIELD]

def _create_resolver(self: AppSyncResponse) -> str:
    params = _body(self)
    type_name = _segments(self)[5]
    return _answer("resolver", store.create_resolver(_api(self), type_name, params.get("fieldName", ""), params))


def _get_resolver(self: AppSyncResponse) -> str:
    parts = _segments(self)
    return _answer("resolver", store.get_resolver(_api(self), parts[5], parts[7]))


def _update_resolver(self: AppSyncResponse) -> str:
    parts = _segments(self)
    return _answer("resolver", store.update_resolver(_api(self), parts[5], parts[7], _body(self)))


def _delete_resolver(self: AppSyncResponse) -> str:
    parts = _segments(self)
    store.delete_resolver(_api(self), parts[5], parts[7])
    return "{}"


def _list_resolvers(self: AppSyncResponse) -> str:
    return _answer("resolvers", store.list_resolvers(_api(self), _segments(self)[5]))


def _list_resolvers_by_function(self: AppSyncResponse) -> str:
    return _answer("resolvers", store.list_resolvers_by_function(_api(self), _segments(self)[5]))


# Functions: /v1/apis/API/functions[/ID]

def _create_function(self: AppSyncResponse) -> str:
    return _answer("functionConfiguration", store.create_function(_api(self), _body(self)))


def _get_function(self: AppSyncResponse) -> str:
    return _answer("functionConfiguration", store.get_function(_api(self), _segments(self)[5]))


def _update_function(self: AppSyncResponse) -> str:
    return _answer("functionConfiguration", store.update_function(_api(self), _segments(self)[5], _body(self)))


def _delete_function(self: AppSyncResponse) -> str:
    store.delete_function(_api(self), _segments(self)[5])
    return "{}"


def _list_functions(self: AppSyncResponse) -> str:
    return _answer("functions", store.list_functions(_api(self)))


# Schema export and URIs

def printed_sdl(definition: str, include_directives: bool = True) -> str:
    """The SDL document as AppSync exports it: re-printed, comments dropped, order kept."""
    from graphql import REMOVE, Visitor, parse, print_ast, visit

    document = parse(definition)
    if not include_directives:
        class _WithoutDirectives(Visitor):
            def enter_directive(self, *_: Any) -> Any:
                return REMOVE

            def enter_directive_definition(self, *_: Any) -> Any:
                return REMOVE

        document = visit(document, _WithoutDirectives())
    return print_ast(document) + "\n"


def _get_introspection_schema(self: AppSyncResponse) -> Any:
    format_ = (self.querystring.get("format") or ["SDL"])[0]
    if format_ != "SDL":
        return _original_introspection(self)
    api_id = unquote(self.path.split("/")[-2])
    schema = self.appsync_backend.get_graphql_schema(api_id=api_id)
    include = (self.querystring.get("includeDirectives") or ["true"])[0].lower() == "true"
    return printed_sdl(schema.definition, include_directives=include)


def _to_json(self: GraphqlAPI) -> dict[str, Any]:
    result = _original_to_json(self)
    result["uris"] = graphql_urls(self.api_id, self.region)
    return result


_HANDLERS = {
    "create_data_source": _create_data_source, "get_data_source": _get_data_source,
    "update_data_source": _update_data_source, "delete_data_source": _delete_data_source,
    "list_data_sources": _list_data_sources,
    "create_resolver": _create_resolver, "get_resolver": _get_resolver, "update_resolver": _update_resolver,
    "delete_resolver": _delete_resolver, "list_resolvers": _list_resolvers,
    "list_resolvers_by_function": _list_resolvers_by_function,
    "create_function": _create_function, "get_function": _get_function, "update_function": _update_function,
    "delete_function": _delete_function, "list_functions": _list_functions,
    "get_introspection_schema": _get_introspection_schema,
}


def apply() -> None:
    """Adds the routes and handlers to moto's AppSync (before the server builds its URL map)."""
    appsync_urls.url_paths.update(_ROUTES)
    for name, handler in _HANDLERS.items():
        setattr(AppSyncResponse, name, handler)
    GraphqlAPI.to_json = _to_json  # type: ignore[method-assign]
