"""PutObject's `x-amz-checksum-sha256` is checked against the bytes and returned by HeadObject (as S3 does)."""

from __future__ import annotations

import base64
import hashlib
import urllib.request

import pytest
from botocore.exceptions import ClientError


def _sha256(body: bytes) -> str:
    return base64.b64encode(hashlib.sha256(body).digest()).decode()


def test_a_sent_sha256_is_stored_and_returned_with_checksum_mode(aws) -> None:
    s3 = aws("s3")
    s3.create_bucket(Bucket="sums", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    body = b"zip bytes"
    s3.put_object(Bucket="sums", Key="a.zip", Body=body, ChecksumSHA256=_sha256(body))
    head = s3.head_object(Bucket="sums", Key="a.zip", ChecksumMode="ENABLED")
    assert head["ChecksumSHA256"] == _sha256(body)
    assert "ChecksumSHA256" not in s3.head_object(Bucket="sums", Key="a.zip")


def test_a_sha256_that_does_not_match_the_bytes_is_refused(aws) -> None:
    s3 = aws("s3")
    s3.create_bucket(Bucket="sums", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    with pytest.raises(ClientError) as refused:
        s3.put_object(Bucket="sums", Key="a.zip", Body=b"other bytes", ChecksumSHA256=_sha256(b"zip bytes"))
    assert refused.value.response["Error"]["Code"] == "BadDigest"
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert "Contents" not in s3.list_objects_v2(Bucket="sums")


def test_the_header_alone_names_its_algorithm(endpoint: str, aws) -> None:
    """Ferry sends `x-amz-checksum-sha256` without `x-amz-sdk-checksum-algorithm` (S3 accepts that)."""
    s3 = aws("s3")
    s3.create_bucket(Bucket="sums", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    body = b"plain request"
    request = urllib.request.Request(f"{endpoint}/sums/b.zip", data=body, method="PUT",
                                     headers={"x-amz-checksum-sha256": _sha256(body),
                                              "Content-Type": "application/zip"})
    urllib.request.urlopen(request).read()
    assert s3.head_object(Bucket="sums", Key="b.zip", ChecksumMode="ENABLED")["ChecksumSHA256"] == _sha256(body)
    wrong = urllib.request.Request(f"{endpoint}/sums/c.zip", data=body, method="PUT",
                                   headers={"x-amz-checksum-sha256": _sha256(b"else"), "Content-Type": "application/zip"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(wrong).read()
    assert refused.value.code == 400
