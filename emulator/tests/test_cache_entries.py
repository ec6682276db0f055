"""Ferry's remote build cache relies on S3's conditional write: an action entry is written with
`If-None-Match: *` and must never be overwritten (issue 16). This checks the emulator honours it."""

from __future__ import annotations

import botocore.exceptions
import pytest

KEY = "app/.ferry/cache/" + "ab" * 32 + ".json"


def test_if_none_match_refuses_to_overwrite_an_entry(aws) -> None:
    s3 = aws("s3")
    s3.create_bucket(Bucket="cache-bucket", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    s3.put_object(Bucket="cache-bucket", Key=KEY, Body=b'{"first": true}', IfNoneMatch="*")
    with pytest.raises(botocore.exceptions.ClientError) as refused:
        s3.put_object(Bucket="cache-bucket", Key=KEY, Body=b'{"poisoned": true}', IfNoneMatch="*")
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 412
    assert s3.get_object(Bucket="cache-bucket", Key=KEY)["Body"].read() == b'{"first": true}'


def test_if_none_match_writes_a_new_entry(aws) -> None:
    s3 = aws("s3")
    s3.create_bucket(Bucket="cache-bucket", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    other = KEY.replace("ab", "cd")
    s3.put_object(Bucket="cache-bucket", Key=other, Body=b"{}", IfNoneMatch="*")
    assert s3.get_object(Bucket="cache-bucket", Key=other)["Body"].read() == b"{}"
