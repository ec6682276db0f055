"""ExtractionFunction: extracts the fields of a classified document."""

from idp_common.extraction import extract
from idp_common.models import Document


def handler(event, context):
    document = Document.from_dict(event["document"])
    document.fields = extract(document.pages)
    document.status = "EXTRACTED"
    return {"document": document.to_dict()}
