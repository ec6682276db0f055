"""Reads the S3 objects that CloudFormation properties point at, from moto's own S3 backend.

CloudFormation reads `DefinitionS3Location`, `CodeS3Location`, `RequestMappingTemplateS3Location`
... itself when it creates or updates a resource; a packaged template points them at the artifact
bucket. Locations come in two forms:
- a string `s3://bucket/key` (AppSync) — `https://` path-style and virtual-host URLs are read too;
- a map `{Bucket, Key, Version}` (Step Functions).
A location that cannot be read raises `S3LocationError` whose message says which one and why, so
the resource fails the way AWS fails it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlparse


class S3LocationError(Exception):
    """An S3 location that is malformed or names an object that does not exist."""


def parse_location(location: Any) -> tuple[str, str, str | None]:
    """`s3://b/k`, `https://host/b/k`, `https://b.s3.../k` or `{Bucket, Key, Version}` -> (bucket, key, version)."""
    if isinstance(location, dict):
        bucket, key = location.get("Bucket"), location.get("Key")
        if not bucket or not key:
            raise S3LocationError(f"S3 location {location} needs a Bucket and a Key")
        version = location.get("Version")
        return str(bucket), str(key), str(version) if version else None
    if not isinstance(location, str):
        raise S3LocationError(f"S3 location {location!r} is neither an s3:// URI nor a {{Bucket, Key}} map")
    parsed = urlparse(location)
    if parsed.scheme == "s3":
        bucket, key = parsed.netloc, parsed.path.lstrip("/")
    elif parsed.scheme in ("http", "https"):
        host = parsed.hostname or ""
        path = parsed.path.lstrip("/")
        if ".s3." in host or host.endswith(".s3.amazonaws.com"):
            bucket, key = host.split(".s3.")[0], path
        else:
            bucket, _, key = path.partition("/")
    else:
        raise S3LocationError(f"S3 location {location!r} is not an s3:// or https:// URL")
    if not bucket or not key:
        raise S3LocationError(f"S3 location {location!r} names no bucket and key")
    return bucket, unquote(key), None


def read_text(location: Any, account_id: str, region_name: str) -> str:
    """The UTF-8 text of the object at `location` in moto's S3 (raises S3LocationError if missing)."""
    from moto.s3.models import s3_backends
    from moto.utilities.utils import get_partition

    bucket, key, version = parse_location(location)
    backend = s3_backends[account_id][get_partition(region_name)]
    try:
        obj = backend.get_object(bucket, key, version_id=version)
    except Exception as error:  # moto raises MissingBucket / MissingKey / MissingVersion
        raise S3LocationError(f"cannot read s3://{bucket}/{key}: {getattr(error, 'message', error)}") from error
    if obj is None:
        raise S3LocationError(f"cannot read s3://{bucket}/{key}: the object does not exist")
    return obj.value.decode("utf-8")
