"""UploadResolverFunction: AppSync resolver that reserves an upload key for a new document."""

import os
import uuid

from idp_common.models import Document


def handler(event, context):
    name = (event.get("arguments") or {}).get("fileName", "document.txt")
    prefix = (event.get("arguments") or {}).get("prefix", "uploads")
    document = Document(document_id=str(uuid.uuid4()), input_key=f"{prefix}/{name}")
    return {
        "bucket": os.environ.get("INPUT_BUCKET", "input-bucket"),
        "objectKey": document.input_key,
        "documentId": document.document_id,
    }
