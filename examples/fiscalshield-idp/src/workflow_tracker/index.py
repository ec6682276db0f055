"""WorkflowTracker: records the final status of a Step Functions execution."""

from idp_common import docs_service
from idp_common.models import Document


def handler(event, context):
    detail = event.get("detail", {})
    status = {"SUCCEEDED": "COMPLETED", "FAILED": "FAILED"}.get(detail.get("status"), "RUNNING")
    document = Document.from_dict(detail.get("document", {"document_id": "unknown", "input_key": ""}))
    return docs_service.record(document, status)
