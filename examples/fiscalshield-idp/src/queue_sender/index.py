"""QueueSender: turns an S3 upload event into a queued document record."""

from idp_common import docs_service
from idp_common.models import Document


def handler(event, context):
    records = []
    for entry in event.get("Records", []):
        key = entry["s3"]["object"]["key"]
        document = Document(document_id=key.rsplit("/", 1)[-1], input_key=key)
        records.append(docs_service.record(document, "QUEUED"))
    return {"queued": len(records), "items": records}
