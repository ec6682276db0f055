"""The real start time of multipart uploads in ListMultipartUploads.

What moto does: every upload in ListMultipartUploads has `Initiated` 2010-11-10T20:48:33.000Z.

What we change: each upload records when it was created, and ListMultipartUploads reports that
time, so that a client which aborts only uploads older than a day (Ferry's clean-up of
interrupted runs) can tell a fresh upload from an abandoned one. Everything else is moto's.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from moto.s3 import models as s3_models
from moto.s3 import responses as s3_responses

_original_init = s3_models.FakeMultipart.__init__
_original_list = s3_responses.S3Response.list_multipart_uploads


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    _original_init(self, *args, **kwargs)
    self.initiated = datetime.now(timezone.utc)


def initiated_text(upload: Any) -> str:
    """`Initiated` of `upload` in S3's format (`2026-01-02T03:04:05.000Z`)."""
    when = getattr(upload, "initiated", None) or datetime(2010, 11, 10, 20, 48, 33, tzinfo=timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def _list_multipart_uploads(self: Any) -> Any:
    result = _original_list(self)
    multiparts = list(self.backend.list_multipart_uploads(self.bucket_name).values())
    by_id = {upload.id: upload for upload in multiparts}
    status, headers, body = result if isinstance(result, tuple) and len(result) == 3 else (None, None, result)
    text = body.decode() if isinstance(body, bytes) else body
    if not isinstance(text, str):
        return result
    out, rest = [], text
    marker = "<UploadId>"
    while marker in rest:
        start = rest.index(marker) + len(marker)
        end = rest.index("</UploadId>", start)
        upload = by_id.get(rest[start:end])
        head, rest = rest[:end], rest[end:]
        if upload is not None and "<Initiated>2010-11-10T20:48:33.000Z</Initiated>" in rest:
            rest = rest.replace("<Initiated>2010-11-10T20:48:33.000Z</Initiated>",
                                f"<Initiated>{initiated_text(upload)}</Initiated>", 1)
        out.append(head)
    out.append(rest)
    patched = "".join(out)
    if status is None:
        return patched
    return status, headers, patched


def apply() -> None:
    """Installs the patch (idempotent)."""
    if getattr(s3_models.FakeMultipart, "_ferry_initiated", False):
        return
    s3_models.FakeMultipart.__init__ = _init
    s3_models.FakeMultipart._ferry_initiated = True
    s3_responses.S3Response.list_multipart_uploads = _list_multipart_uploads
