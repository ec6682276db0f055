"""OCRFunction: splits the document text into pages of normalised lines."""

from idp_common.models import Document
from idp_common.ocr import split_pages


def handler(event, context):
    document = Document.from_dict(event["document"])
    document.pages = split_pages(event.get("text", ""))
    document.status = "OCR_COMPLETED"
    return {"document": document.to_dict()}
