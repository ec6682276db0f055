"""The `/v2/` registry in front of moto's ECR: auth, blob uploads checked by digest, manifests in ECR."""

from __future__ import annotations

import base64
import hashlib
import json
import urllib.error
import urllib.request


def _request(endpoint: str, method: str, path: str, body: bytes = b"", token: str | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(f"{endpoint}{path}", data=body if method in ("POST", "PUT", "PATCH") else None, method=method)
    if token:
        request.add_header("Authorization", f"Basic {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _token(aws) -> tuple[str, str]:
    data = aws("ecr").get_authorization_token()["authorizationData"][0]
    return data["authorizationToken"], data["proxyEndpoint"]


def test_proxy_endpoint_points_at_the_registry_and_auth_is_checked(aws, endpoint):
    token, proxy = _token(aws)
    assert proxy == endpoint.replace("127.0.0.1", "localhost")
    status, headers, _ = _request(endpoint, "GET", "/v2/")
    assert status == 401 and headers["WWW-Authenticate"].startswith("Basic")
    wrong = base64.b64encode(b"AWS:not-the-token").decode()
    assert _request(endpoint, "GET", "/v2/", token=wrong)[0] == 401
    assert _request(endpoint, "GET", "/v2/", token=token)[0] == 200


def test_push_blobs_and_manifest_registers_the_real_digest_in_ecr(aws, endpoint):
    aws("ecr").create_repository(repositoryName="team/app")
    token, _ = _token(aws)
    config = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": []}}).encode()
    layer = b"pretend layer bytes" * 100
    repo = "/v2/team/app"
    assert _request(endpoint, "HEAD", f"{repo}/blobs/{_digest(layer)}", token=token)[0] == 404

    # One POST + one PUT with the whole blob.
    status, headers, _ = _request(endpoint, "POST", f"{repo}/blobs/uploads/", token=token)
    assert status == 202
    status, headers, _ = _request(endpoint, "PUT", f"{headers['Location']}?digest={_digest(layer)}", layer, token=token)
    assert status == 201 and headers["Docker-Content-Digest"] == _digest(layer)

    # PATCH chunks, then PUT; a wrong digest is refused.
    _, headers, _ = _request(endpoint, "POST", f"{repo}/blobs/uploads/", token=token)
    location = headers["Location"]
    assert _request(endpoint, "PATCH", location, config[:10], token=token)[0] == 202
    assert _request(endpoint, "PUT", f"{location}?digest={_digest(b'other')}", config[10:], token=token)[0] == 400
    _, headers, _ = _request(endpoint, "POST", f"{repo}/blobs/uploads/", token=token)
    location = headers["Location"]
    _request(endpoint, "PATCH", location, config[:10], token=token)
    assert _request(endpoint, "PUT", f"{location}?digest={_digest(config)}", config[10:], token=token)[0] == 201
    status, headers, _ = _request(endpoint, "HEAD", f"{repo}/blobs/{_digest(layer)}", token=token)
    assert status == 200 and headers["Content-Length"] == str(len(layer))

    manifest = json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": _digest(config), "size": len(config)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": _digest(layer), "size": len(layer)}],
    }).encode()
    status, headers, _ = _request(endpoint, "PUT", f"{repo}/manifests/v1", manifest, token=token,
                                  headers={"Content-Type": "application/vnd.oci.image.manifest.v1+json"})
    assert status == 201 and headers["Docker-Content-Digest"] == _digest(manifest)
    images = aws("ecr").describe_images(repositoryName="team/app")["imageDetails"]
    assert [image["imageDigest"] for image in images] == [_digest(manifest)]
    status, headers, body = _request(endpoint, "GET", f"{repo}/manifests/{_digest(manifest)}", token=token)
    assert status == 200 and body == manifest
    assert _request(endpoint, "HEAD", f"{repo}/manifests/v1", token=token)[0] == 200


def test_a_manifest_naming_a_missing_blob_or_repository_is_refused(aws, endpoint):
    aws("ecr").create_repository(repositoryName="app")
    token, _ = _token(aws)
    manifest = json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": _digest(b"x"), "size": 1},
        "layers": [],
    }).encode()
    status, _, body = _request(endpoint, "PUT", "/v2/app/manifests/v1", manifest, token=token)
    assert status == 400 and b"MANIFEST_BLOB_UNKNOWN" in body
    assert _request(endpoint, "HEAD", "/v2/missing/manifests/v1", token=token)[0] == 404


def test_an_index_of_pushed_manifests_is_accepted_and_sizes_count_the_layers(aws, endpoint):
    aws("ecr").create_repository(repositoryName="bases/python")
    token, _ = _token(aws)
    repo = "/v2/bases/python"
    layer = b"base layer" * 50
    assert _request(endpoint, "POST", f"{repo}/blobs/uploads/?digest={_digest(layer)}", layer, token=token)[0] == 201
    digests = []
    for architecture in ("amd64", "arm64"):
        config = json.dumps({"architecture": architecture, "os": "linux"}).encode()
        assert _request(endpoint, "POST", f"{repo}/blobs/uploads/?digest={_digest(config)}", config, token=token)[0] == 201
        manifest = json.dumps({
            "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": _digest(config), "size": len(config)},
            "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": _digest(layer), "size": len(layer)}],
        }).encode()
        assert _request(endpoint, "PUT", f"{repo}/manifests/{_digest(manifest)}", manifest, token=token)[0] == 201
        digests.append((_digest(manifest), len(manifest), architecture, len(config)))
    index = json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
        "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": digest, "size": size,
                       "platform": {"architecture": architecture, "os": "linux"}} for digest, size, architecture, _ in digests],
    }).encode()
    status, headers, _ = _request(endpoint, "PUT", f"{repo}/manifests/3.12", index, token=token,
                                  headers={"Content-Type": "application/vnd.oci.image.index.v1+json"})
    assert status == 201 and headers["Docker-Content-Digest"] == _digest(index)
    status, headers, body = _request(endpoint, "GET", f"{repo}/manifests/3.12", token=token)
    assert status == 200 and body == index and headers["Content-Type"] == "application/vnd.oci.image.index.v1+json"
    sizes = {image["imageDigest"]: image.get("imageSizeInBytes")
             for image in aws("ecr").describe_images(repositoryName="bases/python")["imageDetails"]}
    assert sizes[digests[0][0]] == digests[0][3] + len(layer)

    missing = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                          "manifests": [{"digest": _digest(b"nothing"), "size": 1}]}).encode()
    assert _request(endpoint, "PUT", f"{repo}/manifests/other", missing, token=token,
                    headers={"Content-Type": "application/vnd.oci.image.index.v1+json"})[0] == 400


def test_batch_delete_image_lists_an_untagged_image_deleted_by_digest(aws, endpoint):
    aws("ecr").create_repository(repositoryName="gc/app")
    token, _ = _token(aws)
    config = b'{"architecture":"amd64","os":"linux"}'
    assert _request(endpoint, "POST", f"/v2/gc/app/blobs/uploads/?digest={_digest(config)}", config, token=token)[0] == 201
    manifest = json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": _digest(config), "size": len(config)},
        "layers": [],
    }).encode()
    assert _request(endpoint, "PUT", f"/v2/gc/app/manifests/{_digest(manifest)}", manifest, token=token)[0] == 201
    result = aws("ecr").batch_delete_image(repositoryName="gc/app", imageIds=[{"imageDigest": _digest(manifest)}])
    assert [entry["imageDigest"] for entry in result["imageIds"]] == [_digest(manifest)]
    assert result["failures"] == []
    assert aws("ecr").describe_images(repositoryName="gc/app")["imageDetails"] == []
