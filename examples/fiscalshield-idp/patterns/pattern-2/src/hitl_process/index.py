"""HITLProcessFunction: applies a reviewer's corrections to the document."""

from idp_common.models import Document


def handler(event, context):
    document = Document.from_dict(event["document"])
    document.fields.update(event.get("corrections", {}))
    document.confidence.update({name: 1.0 for name in event.get("corrections", {})})
    return {"document": document.to_dict()}
