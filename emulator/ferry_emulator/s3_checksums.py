"""PutObject checksums as S3 keeps them: a sent `x-amz-checksum-<algorithm>` is checked and stored.

What moto does (5.2.1): a checksum header is read only when `x-amz-sdk-checksum-algorithm` names
its algorithm too (S3 reads `x-amz-checksum-sha256` on its own), and the value sent is stored as
given, never compared with the body: an object can claim any SHA-256.

What we change, as S3 does ("Amazon S3 calculates the checksum of the uploaded bytes and compares
it with the one you sent; if they differ the request fails with BadDigest"):
- the algorithm is also taken from the checksum header itself (`x-amz-checksum-sha256` → SHA256);
- a sent SHA256, SHA1 or CRC32 value that does not match the body fails with 400 `BadDigest`
  (CRC32C and CRC64NVME are stored unchecked: moto may lack their libraries).
HeadObject/GetObject with `x-amz-checksum-mode: ENABLED` then return the stored value (moto's).
"""

from __future__ import annotations

from typing import Any

from moto.s3 import responses as s3_responses
from moto.s3.exceptions import S3ClientError
from moto.s3.utils import compute_checksum

_ALGORITHMS = ("CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256")
_CHECKED = ("CRC32", "SHA1", "SHA256")
_original_get_checksum = s3_responses.S3Response._get_checksum


class BadDigest(S3ClientError):
    """S3's answer to a checksum that does not match the bytes."""

    code = "BadDigest"

    def __init__(self, algorithm: str) -> None:
        super().__init__("BadDigest", f"The {algorithm} you specified did not match the calculated checksum.")


def sent_algorithm(headers: Any) -> str:
    """The algorithm of the request's checksum: `x-amz-sdk-checksum-algorithm`, else the header sent."""
    named = headers.get("x-amz-sdk-checksum-algorithm") or ""
    if named:
        return named.upper()
    for algorithm in _ALGORITHMS:
        if headers.get(f"x-amz-checksum-{algorithm.lower()}"):
            return algorithm
    return ""


def matches(body: bytes, algorithm: str, value: str) -> bool:
    """Whether `value` (base64) is the `algorithm` checksum of `body`; True for unchecked algorithms."""
    if algorithm not in _CHECKED:
        return True
    return compute_checksum(body, algorithm=algorithm).decode("utf-8") == value


def _get_checksum(self: Any, response_headers: dict[str, Any]) -> tuple[str, str | None]:
    algorithm = sent_algorithm(self.headers)
    value = self.headers.get(f"x-amz-checksum-{algorithm.lower()}") if algorithm else None
    if not value:
        return _original_get_checksum(self, response_headers)
    if not matches(self.body or b"", algorithm, value):
        raise BadDigest(algorithm)
    response_headers[f"x-amz-checksum-{algorithm.lower()}"] = value
    return algorithm, value


def apply() -> None:
    """Installs the checked checksum reading into moto's S3 responses."""
    s3_responses.S3Response._get_checksum = _get_checksum  # type: ignore[method-assign]
