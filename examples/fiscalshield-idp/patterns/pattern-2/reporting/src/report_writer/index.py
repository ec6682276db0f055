"""ReportWriterFunction: renders a one-line CSV report row for a document."""

from idp_common.models import Document


def handler(event, context):
    document = Document.from_dict(event["document"])
    fields = ";".join(f"{k}={v}" for k, v in sorted(document.fields.items()))
    return {"row": f"{document.document_id},{document.document_class},{fields}"}
