"""ListMultipartUploads reports when each upload started (moto reports a fixed 2010 date)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


def test_initiated_is_the_creation_time(aws) -> None:
    s3 = aws("s3")
    s3.create_bucket(Bucket="uploads", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    before = datetime.now(timezone.utc) - timedelta(seconds=5)
    first = s3.create_multipart_upload(Bucket="uploads", Key="a/one.zip")["UploadId"]
    second = s3.create_multipart_upload(Bucket="uploads", Key="a/two.zip")["UploadId"]
    uploads = s3.list_multipart_uploads(Bucket="uploads", Prefix="a/")["Uploads"]
    assert {upload["UploadId"] for upload in uploads} == {first, second}
    for upload in uploads:
        assert before <= upload["Initiated"] <= datetime.now(timezone.utc) + timedelta(seconds=5)
    s3.abort_multipart_upload(Bucket="uploads", Key="a/one.zip", UploadId=first)
    assert [upload["UploadId"] for upload in s3.list_multipart_uploads(Bucket="uploads")["Uploads"]] == [second]
