"""AssessmentFunction: scores the extracted fields and flags documents for review."""

from idp_common.assessment import assess, needs_review
from idp_common.models import Document


def handler(event, context):
    document = Document.from_dict(event["document"])
    document.confidence = assess(document.fields, document.pages)
    return {"document": document.to_dict(), "needsReview": needs_review(document.confidence)}
