"""A journal of every request the emulator answered, for tests that count AWS calls.

What moto does: nothing of the kind; requests are dispatched and forgotten.

What we add: `wrap(app)` puts a WSGI middleware in front of moto's application. It records each
request (method, path, service, operation, and whether it writes) in memory, in arrival order,
and answers `GET /_ferry/requests` with the journal as JSON (`{"requests": [...]}`) itself.
`DELETE /_ferry/requests` empties it. CreateAlias and UpdateAlias entries also carry their JSON
`body` (FunctionVersion, RoutingConfig), so a test can see each step of a traffic shift. The journal is also emptied on every moto reset
(`POST /moto-api/reset`). Requests to `/_ferry/` and `/moto-api/` are not recorded.

The operation is named the way AWS names it: from `X-Amz-Target` (JSON protocols), from the
`Action` parameter (query protocols, in the query string or the form body), or from the method and
REST path for Lambda and S3 (`UpdateFunctionCode`, `PutObject`, ...); otherwise `METHOD /path`.
"""

from __future__ import annotations

import io
import json
import re
import threading
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs

from . import reset

JOURNAL_PATH = "/_ferry/requests"

_lock = threading.Lock()
_entries: list[dict[str, Any]] = []

# Operations whose (small, JSON) request body the journal keeps.
_BODY_OPERATIONS = ("CreateAlias", "UpdateAlias")
_ALIAS_PATH = re.compile(r"^/[0-9-]+/functions/[^/]+/aliases(/[^/]+)?$")

_READ_PREFIXES = ("Get", "List", "Describe", "Head", "Query", "Scan", "Batch Get", "Lookup", "Validate", "Estimate")

# (method, path regex, operation) for Lambda's REST API (API version 2015-03-31 and friends).
_LAMBDA_ROUTES: list[tuple[str, str, str]] = [
    ("PUT", r"^/[0-9-]+/functions/[^/]+/code$", "UpdateFunctionCode"),
    ("PUT", r"^/[0-9-]+/functions/[^/]+/configuration$", "UpdateFunctionConfiguration"),
    ("GET", r"^/[0-9-]+/functions/[^/]+/configuration$", "GetFunctionConfiguration"),
    ("POST", r"^/[0-9-]+/functions/[^/]+/versions$", "PublishVersion"),
    ("GET", r"^/[0-9-]+/functions/[^/]+/versions$", "ListVersionsByFunction"),
    ("POST", r"^/[0-9-]+/functions/[^/]+/aliases$", "CreateAlias"),
    ("PUT", r"^/[0-9-]+/functions/[^/]+/aliases/[^/]+$", "UpdateAlias"),
    ("GET", r"^/[0-9-]+/functions/[^/]+/aliases/[^/]+$", "GetAlias"),
    ("POST", r"^/[0-9-]+/functions/[^/]+/invocations$", "Invoke"),
    ("GET", r"^/[0-9-]+/functions/[^/]+$", "GetFunction"),
    ("DELETE", r"^/[0-9-]+/functions/[^/]+$", "DeleteFunction"),
    ("GET", r"^/[0-9-]+/functions/?$", "ListFunctions"),
    ("POST", r"^/[0-9-]+/functions/?$", "CreateFunction"),
    ("POST", r"^/[0-9-]+/layers/[^/]+/versions/?$", "PublishLayerVersion"),
    ("GET", r"^/[0-9-]+/layers/[^/]+/versions/?$", "ListLayerVersions"),
    ("GET", r"^/[0-9-]+/layers/[^/]+/versions/[0-9]+$", "GetLayerVersion"),
    ("DELETE", r"^/[0-9-]+/layers/[^/]+/versions/[0-9]+$", "DeleteLayerVersion"),
    ("GET", r"^/[0-9-]+/layers/?$", "ListLayers"),
]


def _service(environ: dict[str, Any]) -> str:
    """The signing name from the SigV4 credential scope (`.../region/SERVICE/aws4_request`)."""
    authorization = environ.get("HTTP_AUTHORIZATION", "")
    match = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request", authorization)
    if match:
        return match.group(1)
    target = environ.get("HTTP_X_AMZ_TARGET", "")
    return target.split(".")[0].lower() if target else "unknown"


def _operation(environ: dict[str, Any], service: str, body: bytes) -> str:
    method = environ.get("REQUEST_METHOD", "GET").upper()
    path = environ.get("PATH_INFO", "")
    target = environ.get("HTTP_X_AMZ_TARGET")
    if target:
        return target.rsplit(".", 1)[-1]
    query = parse_qs(environ.get("QUERY_STRING", ""))
    if "Action" in query:
        return query["Action"][0]
    content_type = environ.get("CONTENT_TYPE", "")
    if body and "x-www-form-urlencoded" in content_type:
        form = parse_qs(body.decode("utf-8", "replace"))
        if "Action" in form:
            return form["Action"][0]
    if service == "lambda":
        for route_method, pattern, name in _LAMBDA_ROUTES:
            if method == route_method and re.match(pattern, path):
                return name
    if service == "s3":
        segments = [s for s in path.split("/") if s]
        on_object = len(segments) >= 2
        names = {
            ("PUT", True): "PutObject", ("GET", True): "GetObject", ("HEAD", True): "HeadObject",
            ("DELETE", True): "DeleteObject", ("PUT", False): "CreateBucket", ("GET", False): "ListObjects",
            ("HEAD", False): "HeadBucket", ("DELETE", False): "DeleteBucket", ("POST", False): "DeleteObjects",
        }
        if (method, on_object) in names:
            return names[(method, on_object)]
    return f"{method} {path}"


def _is_write(method: str, operation: str) -> bool:
    if operation.startswith(_READ_PREFIXES):
        return False
    if operation == "AssumeRole" or operation.startswith("GetCallerIdentity"):
        return False
    return method.upper() not in ("GET", "HEAD")


def record(environ: dict[str, Any], body: bytes) -> dict[str, Any]:
    """Adds one request to the journal and returns its entry."""
    method = environ.get("REQUEST_METHOD", "GET").upper()
    service = _service(environ)
    operation = _operation(environ, service, body)
    entry = {
        "method": method,
        "path": environ.get("PATH_INFO", ""),
        "service": service,
        "operation": operation,
        "write": _is_write(method, operation),
    }
    if operation in _BODY_OPERATIONS and body:
        try:
            entry["body"] = json.loads(body.decode("utf-8"))
        except ValueError:
            entry["body"] = None
    with _lock:
        _entries.append(entry)
    return entry


def entries() -> list[dict[str, Any]]:
    """A copy of the journal, oldest first."""
    with _lock:
        return list(_entries)


def clear() -> None:
    """Empties the journal."""
    with _lock:
        _entries.clear()


_registered = False


def wrap(app: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
    """The WSGI application `app` with the journal in front of it (emptied on every moto reset)."""
    global _registered
    if not _registered:
        reset.on_reset(clear)
        _registered = True

    def journaled(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == JOURNAL_PATH:
            method = environ.get("REQUEST_METHOD", "GET").upper()
            if method == "DELETE":
                clear()
                payload = b'{"requests": []}'
            else:
                payload = json.dumps({"requests": entries()}).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
            return [payload]
        if path.startswith("/_ferry/") or path.startswith("/moto-api/"):
            return app(environ, start_response)
        body = b""
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > 0 and ("x-www-form-urlencoded" in environ.get("CONTENT_TYPE", "")
                           or (_ALIAS_PATH.match(path) and length < 65536)):
            body = environ["wsgi.input"].read(length)
            environ["wsgi.input"] = io.BytesIO(body)
        record(environ, body)
        return app(environ, start_response)

    return journaled
