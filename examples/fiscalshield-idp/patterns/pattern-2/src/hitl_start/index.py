"""HITLStartFunction: opens a human review task for low-confidence fields."""

from idp_common.models import Document


def handler(event, context):
    document = Document.from_dict(event["document"])
    low = sorted(name for name, score in document.confidence.items() if score < 0.8)
    return {"reviewId": f"review-{document.document_id}", "fields": low}
