"""Lambda functions with `PackageType: Image` resolve their image in moto's ECR.

What moto does (5.2.1): with the default `MOTO_LAMBDA_STUB_ECR`, an `ImageUri` is never looked up
and `CodeSha256` is the hash of the URI text. Its non-stub mode has three bugs: `ResolvedImageUri`
is `ImageUri.split(":")[0] + "@sha256:..."` (wrong for digest URIs and for registry hosts with a
port), a tag URI is split at every `:` (fails with a port), and the repository name is the last
path segment (nested repositories such as `team/app` are not found). CloudFormation creates the
function without `PackageType`, `ImageConfig` and `Architectures`.

What we change:
- When the `ImageUri`'s repository exists in moto's ECR (same account and region), the image is
  resolved there by digest or tag: `CodeSha256` is the manifest digest's hex, `CodeSize` the
  config size, and a missing image fails as in AWS (ImageNotFoundException as
  InvalidParameterValueException). URIs of other repositories keep moto's stub behaviour.
- `ImageUri` is parsed as `host[:port]/repo/path(:tag|@sha256:...)`; `ResolvedImageUri` is
  `host[:port]/repo/path@sha256:<digest>`.
- CloudFormation passes `PackageType`, `ImageConfig` and `Architectures` through on create.
"""

from __future__ import annotations

import json
import re
import threading
from typing import Any

from moto.awslambda import models as lambda_models
from moto.awslambda.exceptions import LambdaClientError

_Function = lambda_models.LambdaFunction
_cfn = threading.local()


def parse_image_uri(uri: str) -> tuple[str, str, str | None, str | None]:
    """(registry host, repository, tag, digest) of `host[:port]/repo/path(:tag|@digest)`."""
    host, _, rest = uri.partition("/")
    digest = None
    if "@" in rest:
        rest, digest = rest.split("@", 1)
    tag = None
    last = rest.rsplit("/", 1)[-1]
    if ":" in last:
        rest, tag = rest.rsplit(":", 1)
    return host, rest, tag, digest


def _resolve(function: Any, uri: str) -> tuple[str, int] | None:
    """(digest hex, config size) of the image in moto's ECR; None when the repository is not there."""
    from moto.ecr.models import ecr_backends

    _, repository, tag, digest = parse_image_uri(uri)
    backend = ecr_backends[function.account_id][function.region]
    if repository not in backend.repositories:
        return None
    for image in backend.repositories[repository].images:
        if (digest and image.image_digest == digest) or (not digest and (tag or "latest") in image.image_tags):
            manifest = json.loads(image.image_manifest)
            return image.image_digest.replace("sha256:", ""), int(manifest.get("config", {}).get("size", 0))
    wanted = digest or f"tag {tag or 'latest'}"
    raise LambdaClientError("InvalidParameterValueException",
                            f"Source image {uri} does not exist. Provide a valid source image. ({wanted} is not in {repository})")


def apply() -> None:
    """Wraps code setting, GetFunction's Code, and CloudFormation's create (after the other Lambda patches)."""
    original_set = _Function._set_function_code
    original_get_code = _Function.get_code
    original_init = _Function.__init__
    original_create = _Function.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]

    def set_function_code(self: Any, updated_spec: dict[str, Any]) -> None:
        uri = updated_spec.get("ImageUri") if isinstance(updated_spec, dict) else None
        resolved = _resolve(self, uri) if uri else None
        if resolved is None:
            original_set(self, updated_spec)
            return
        if updated_spec is not self.code and updated_spec.get("DryRun"):
            return
        self.code_sha_256, self.code_size = resolved
        if updated_spec is not self.code:
            self.code["ImageUri"] = uri

    def get_code(self: Any) -> dict[str, Any]:
        response = original_get_code(self)
        code = response.get("Code", {})
        if "ImageUri" in code:
            host, repository, _, _ = parse_image_uri(code["ImageUri"])
            code["ResolvedImageUri"] = f"{host}/{repository}@sha256:{self.code_sha_256}"
        return response

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        extra = getattr(_cfn, "extra", None)
        if extra:
            if "spec" in kwargs:
                kwargs["spec"] = {**extra, **kwargs["spec"]}
            elif len(args) > 1:
                args = (args[0], {**extra, **args[1]}, *args[2:])
        original_init(self, *args, **kwargs)

    def create(cls: Any, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str, **kwargs: Any) -> Any:
        properties = cloudformation_json.get("Properties", {})
        _cfn.extra = {key: properties[key] for key in ("PackageType", "ImageConfig", "Architectures") if key in properties}
        try:
            return original_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
        finally:
            _cfn.extra = None

    _Function._set_function_code = set_function_code  # type: ignore[method-assign]
    _Function.get_code = get_code  # type: ignore[method-assign]
    _Function.__init__ = init  # type: ignore[method-assign]
    _Function.create_from_cloudformation_json = classmethod(create)  # type: ignore[assignment]
