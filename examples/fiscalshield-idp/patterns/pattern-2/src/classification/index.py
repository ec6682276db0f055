"""ClassificationFunction: assigns a document class from its pages."""

from idp_common.classification import classify
from idp_common.models import Document


def handler(event, context):
    document = Document.from_dict(event["document"])
    document.document_class, scores = classify(document.pages)
    document.status = "CLASSIFIED"
    return {"document": document.to_dict(), "scores": scores}
