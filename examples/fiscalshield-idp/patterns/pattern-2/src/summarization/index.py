"""SummarizationFunction: adds a short summary to a processed document."""

from idp_common.models import Document
from idp_common.summarize import summarize


def handler(event, context):
    document = Document.from_dict(event["document"])
    return {"document": document.to_dict(), "summary": summarize(document.pages)}
