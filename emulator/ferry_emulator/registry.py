"""A container registry (`/v2/`, the OCI distribution API) in front of moto's ECR.

What moto does (5.2.1): ECR's control plane only. `GetAuthorizationToken` answers a token for
`AWS:<account>-auth-token` and a `proxyEndpoint` of `https://<account>.dkr.ecr.<region>.amazonaws.com`
that nothing listens on, and `PutImage` invents an image digest from the layer digests. There is no
registry to push to, so nothing can push an image and Lambda's ECR mode has nothing to resolve.

What we add: `wrap(app)` answers `/v2/` itself, as ECR's registry does:
- Basic auth with moto's token (user `AWS`, password `<account>-auth-token`); anything else gets
  401 with `WWW-Authenticate: Basic realm="ferry-emulator"`.
- Blobs live on disk under the state folder (`$FERRY_EMULATOR_STATE_DIR/registry/blobs/sha256/`,
  or a temporary folder), each checked against its digest; a repository sees the blobs pushed or
  mounted into it (cleared on reset). `HEAD`/`GET /v2/<name>/blobs/<digest>`; uploads with `POST`
  (monolithic with `?digest=`, cross-repository `?mount=&from=`), `PATCH` chunks and a final `PUT ?digest=`.
- Manifests `PUT`/`HEAD`/`GET /v2/<name>/manifests/<tag|digest>`: a pushed manifest must name blobs
  the repository has (an image index, manifests it has), and is registered in moto's ECR (`PutImage`) with its real digest
  (sha256 of the manifest bytes), so `DescribeImages`, `BatchGetImage` and Lambda see the same digest.
- `BatchDeleteImage` lists an untagged image deleted by digest in `imageIds`, as ECR does (moto: only tagged ones).
- `DescribeImages`' `imageSizeInBytes` is the config's and layers' sizes, as ECR counts (moto: the config's).
- `GetAuthorizationToken`'s `proxyEndpoint` is `http://localhost:<port>` (the launcher sets the port).
Repository names may be nested (`team/app`); the repository must exist (404 NAME_UNKNOWN otherwise).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import tempfile
import threading
import uuid
from pathlib import Path
from typing import Any, Callable, Iterable

from . import reset

_lock = threading.Lock()
_port: int | None = None
_linked: set[tuple[str, str]] = set()  # (repository, digest) a repository can see
_root: Path | None = None

MANIFEST_TYPES = {
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
}
INDEX_TYPES = {
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
}


def set_port(port: int) -> None:
    """Tells the registry (and GetAuthorizationToken) which port the server listens on."""
    global _port
    _port = port


def _storage() -> Path:
    global _root
    with _lock:
        if _root is None:
            state = os.environ.get("FERRY_EMULATOR_STATE_DIR")
            root = Path(state) / "registry" if state else Path(tempfile.mkdtemp(prefix="ferry-registry-"))
            (root / "blobs" / "sha256").mkdir(parents=True, exist_ok=True)
            (root / "uploads").mkdir(parents=True, exist_ok=True)
            _root = root
        return _root


def _blob_path(digest: str) -> Path:
    return _storage() / "blobs" / "sha256" / digest.split(":", 1)[1]


def _clear() -> None:
    with _lock:
        _linked.clear()


def _ecr(repository: str) -> tuple[Any, Any] | None:
    """(backend, repository) of the ECR repository named `repository`, in any region of any account."""
    from moto.ecr.models import ecr_backends

    for account_id in list(ecr_backends.keys()):
        for region in list(ecr_backends[account_id].keys()):
            backend = ecr_backends[account_id][region]
            if repository in backend.repositories:
                return backend, backend.repositories[repository]
    return None


def _valid_password(password: str) -> bool:
    return bool(re.fullmatch(r"\d{12}-auth-token", password))


def _authorized(environ: dict[str, Any]) -> bool:
    header = environ.get("HTTP_AUTHORIZATION", "")
    if not header.startswith("Basic "):
        return False
    try:
        user, _, password = base64.b64decode(header[6:]).decode().partition(":")
    except Exception:
        return False
    return user == "AWS" and _valid_password(password)


Response = tuple[str, list[tuple[str, str]], bytes]


def _error(status: str, code: str, message: str, extra: list[tuple[str, str]] | None = None) -> Response:
    body = json.dumps({"errors": [{"code": code, "message": message}]}).encode()
    return status, [("Content-Type", "application/json")] + (extra or []), body


def _read_body(environ: dict[str, Any]) -> bytes:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    return environ["wsgi.input"].read(length) if length else b""


def _query(environ: dict[str, Any]) -> dict[str, str]:
    from urllib.parse import parse_qs

    return {key: values[0] for key, values in parse_qs(environ.get("QUERY_STRING", "")).items()}


def _store_blob(data: bytes, digest: str, repository: str) -> Response | None:
    actual = "sha256:" + hashlib.sha256(data).hexdigest()
    if actual != digest:
        return _error("400 Bad Request", "DIGEST_INVALID", f"provided digest {digest} does not match content ({actual})")
    path = _blob_path(digest)
    if not path.exists():
        temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    with _lock:
        _linked.add((repository, digest))
    return None


def _blob_created(repository: str, digest: str) -> Response:
    return "201 Created", [("Location", f"/v2/{repository}/blobs/{digest}"), ("Docker-Content-Digest", digest),
                           ("Content-Length", "0")], b""


def handle(environ: dict[str, Any]) -> Response:
    """Answers one `/v2/` request."""
    method = environ["REQUEST_METHOD"]
    path = environ.get("PATH_INFO", "")
    if not _authorized(environ):
        return _error("401 Unauthorized", "UNAUTHORIZED", "authentication required",
                      [("WWW-Authenticate", 'Basic realm="ferry-emulator"')])
    if path in ("/v2", "/v2/"):
        return "200 OK", [("Content-Type", "application/json"), ("Docker-Distribution-API-Version", "registry/2.0")], b"{}"
    match = re.fullmatch(r"/v2/(.+)/(blobs|manifests)/(.+)", path)
    if not match:
        return _error("404 Not Found", "NOT_FOUND", f"no route for {method} {path}")
    repository, kind, rest = match.groups()
    found = _ecr(repository)
    if found is None:
        return _error("404 Not Found", "NAME_UNKNOWN", f"repository {repository} does not exist")
    backend, ecr_repository = found
    query = _query(environ)
    if kind == "blobs":
        return _blobs(environ, method, repository, rest, query)
    return _manifests(environ, method, repository, rest, backend, ecr_repository)


def _blobs(environ: dict[str, Any], method: str, repository: str, rest: str, query: dict[str, str]) -> Response:
    if rest.startswith("uploads"):
        upload_id = rest[len("uploads"):].strip("/")
        if method == "POST" and not upload_id:
            mount = query.get("mount")
            if mount and (query.get("from"), mount) in _linked and _blob_path(mount).exists():
                with _lock:
                    _linked.add((repository, mount))
                return _blob_created(repository, mount)
            body = _read_body(environ)
            if "digest" in query:
                failure = _store_blob(body, query["digest"], repository)
                return failure or _blob_created(repository, query["digest"])
            upload_id = uuid.uuid4().hex
            (_storage() / "uploads" / upload_id).write_bytes(body)
            return "202 Accepted", [("Location", f"/v2/{repository}/blobs/uploads/{upload_id}"),
                                    ("Docker-Upload-UUID", upload_id), ("Range", f"0-{max(len(body) - 1, 0)}"),
                                    ("Content-Length", "0")], b""
        upload = _storage() / "uploads" / upload_id
        if not re.fullmatch(r"[0-9a-f]{32}", upload_id) or not upload.exists():
            return _error("404 Not Found", "BLOB_UPLOAD_UNKNOWN", f"upload {upload_id} is unknown")
        if method == "PATCH":
            with open(upload, "ab") as handle:
                handle.write(_read_body(environ))
            size = upload.stat().st_size
            return "202 Accepted", [("Location", f"/v2/{repository}/blobs/uploads/{upload_id}"),
                                    ("Docker-Upload-UUID", upload_id), ("Range", f"0-{max(size - 1, 0)}"),
                                    ("Content-Length", "0")], b""
        if method == "PUT":
            digest = query.get("digest", "")
            data = upload.read_bytes() + _read_body(environ)
            if not re.fullmatch(r"sha256:[0-9a-f]{64}", digest):
                return _error("400 Bad Request", "DIGEST_INVALID", "the digest parameter is missing or not sha256")
            failure = _store_blob(data, digest, repository)
            if failure:
                return failure
            upload.unlink()
            return _blob_created(repository, digest)
        return _error("405 Method Not Allowed", "UNSUPPORTED", f"{method} on an upload")
    digest = rest
    if method in ("HEAD", "GET"):
        if (repository, digest) not in _linked or not _blob_path(digest).exists():
            return _error("404 Not Found", "BLOB_UNKNOWN", f"blob {digest} unknown to repository {repository}")
        data = _blob_path(digest).read_bytes()
        headers = [("Content-Length", str(len(data))), ("Docker-Content-Digest", digest),
                   ("Content-Type", "application/octet-stream")]
        return "200 OK", headers, data if method == "GET" else b""
    return _error("405 Method Not Allowed", "UNSUPPORTED", f"{method} on a blob")


def _manifests(environ: dict[str, Any], method: str, repository: str, reference: str, backend: Any, ecr_repository: Any) -> Response:
    if method == "PUT":
        body = _read_body(environ)
        digest = "sha256:" + hashlib.sha256(body).hexdigest()
        if reference.startswith("sha256:") and reference != digest:
            return _error("400 Bad Request", "DIGEST_INVALID", f"manifest digest is {digest}, not {reference}")
        try:
            manifest = json.loads(body)
        except ValueError:
            return _error("400 Bad Request", "MANIFEST_INVALID", "the manifest is not JSON")
        media_type = manifest.get("mediaType") or environ.get("CONTENT_TYPE", "")
        if media_type in INDEX_TYPES:
            # An image index (multi-platform base images): every manifest it lists must be in the repository.
            known = {image.image_digest for image in ecr_repository.images}
            for entry in manifest.get("manifests", []):
                if entry.get("digest", "") not in known:
                    return _error("400 Bad Request", "MANIFEST_BLOB_UNKNOWN", f"manifest {entry.get('digest')} is not in repository {repository}")
        elif media_type not in MANIFEST_TYPES:
            return _error("400 Bad Request", "MANIFEST_INVALID", f"unsupported manifest media type {media_type!r}")
        for descriptor in ([manifest.get("config", {})] + manifest.get("layers", [])) if media_type in MANIFEST_TYPES else []:
            blob = descriptor.get("digest", "")
            if (repository, blob) not in _linked:
                return _error("400 Bad Request", "MANIFEST_BLOB_UNKNOWN", f"blob {blob} is not in repository {repository}")
        tag = None if reference.startswith("sha256:") else reference
        existing = [image for image in ecr_repository.images if image.image_digest == digest]
        if existing:
            if tag and tag not in existing[0].image_tags:
                existing[0].image_tags.append(tag)
        else:
            backend.put_image(repository, body.decode(), tag, media_type, digest)
        return "201 Created", [("Location", f"/v2/{repository}/manifests/{digest}"), ("Docker-Content-Digest", digest),
                               ("Content-Length", "0")], b""
    if method in ("HEAD", "GET"):
        for image in ecr_repository.images:
            if image.image_digest == reference or reference in image.image_tags:
                data = image.image_manifest.encode()
                headers = [("Content-Type", image.image_manifest_media_type or "application/vnd.oci.image.manifest.v1+json"),
                           ("Docker-Content-Digest", image.image_digest), ("Content-Length", str(len(data)))]
                return "200 OK", headers, data if method == "GET" else b""
        return _error("404 Not Found", "MANIFEST_UNKNOWN", f"manifest {reference} unknown to repository {repository}")
    return _error("405 Method Not Allowed", "UNSUPPORTED", f"{method} on a manifest")


def is_registry_request(environ: dict[str, Any]) -> bool:
    """Whether a request is for the registry: `/v2/` paths not signed with SigV4 (API Gateway v2's
    `/v2/apis/...` share the prefix and are always signed)."""
    path = environ.get("PATH_INFO", "")
    if not (path == "/v2" or path.startswith("/v2/")):
        return False
    return not environ.get("HTTP_AUTHORIZATION", "").startswith("AWS4-HMAC-SHA256")


def wrap(app: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
    """A WSGI middleware answering `/v2/` and passing everything else to `app`."""

    def middleware(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if not is_registry_request(environ):
            return app(environ, start_response)
        status, headers, body = handle(environ)
        if not any(name == "Content-Length" for name, _ in headers):
            headers.append(("Content-Length", str(len(body))))
        start_response(status, headers)
        return [body]

    return middleware


def apply() -> None:
    """Points GetAuthorizationToken's proxyEndpoint at this registry; clears repository links on reset."""
    from moto.ecr.responses import ECRResponse

    original = ECRResponse.get_authorization_token

    def get_authorization_token(self: Any) -> Any:
        result = original(self)
        if _port is not None:
            for entry in result.result.get("authorizationData", []) if hasattr(result, "result") else []:
                entry["proxyEndpoint"] = f"http://localhost:{_port}"
        return result

    ECRResponse.get_authorization_token = get_authorization_token  # type: ignore[method-assign]

    from moto.ecr.models import Image

    def get_image_size_in_bytes(self: Any) -> int | None:
        # ECR reports an image's size as its config and layers (moto: the config's size only).
        manifest = json.loads(self.image_manifest)
        if "layers" not in manifest:
            return None
        return int(manifest.get("config", {}).get("size", 0)) + sum(int(layer.get("size", 0)) for layer in manifest["layers"])

    Image.get_image_size_in_bytes = get_image_size_in_bytes  # type: ignore[method-assign]

    from moto.ecr.models import ECRBackend

    original_delete = ECRBackend.batch_delete_image

    def batch_delete_image(self: Any, repository_name: str, registry_id: str | None = None,
                           image_ids: list[dict[str, str]] | None = None) -> dict[str, Any]:
        # moto lists a deleted image once per tag, so an untagged image deleted by digest is missing
        # from `imageIds`; ECR lists it by its digest.
        repository = self.repositories.get(repository_name)
        before = {image.image_digest for image in repository.images} if repository else set()
        response = original_delete(self, repository_name, registry_id, image_ids)
        after = {image.image_digest for image in repository.images} if repository else set()
        reported = {getattr(entry, "image_digest", None) or (entry.get("imageDigest") if isinstance(entry, dict) else None)
                    for entry in response.get("imageIds", [])}
        for image_id in image_ids or []:
            digest = image_id.get("imageDigest")
            if digest and digest in before and digest not in after and digest not in reported:
                response["imageIds"].append({"imageDigest": digest})
                reported.add(digest)
        return response

    ECRBackend.batch_delete_image = batch_delete_image  # type: ignore[method-assign]
    reset.on_reset(_clear)
