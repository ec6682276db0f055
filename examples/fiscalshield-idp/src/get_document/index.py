"""GetDocumentFunction: AppSync resolver returning a document's public view."""

from idp_common.models import Document


def handler(event, context):
    source = (event.get("arguments") or {}).get("document") or {"document_id": "", "input_key": ""}
    document = Document.from_dict(source)
    return {"id": document.document_id, "status": document.status, "class": document.document_class}
