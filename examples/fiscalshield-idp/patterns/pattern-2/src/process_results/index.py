"""ProcessResultsFunction: writes the final record of a processed document."""

from idp_common import docs_service
from idp_common.models import Document


def handler(event, context):
    document = Document.from_dict(event["document"])
    return docs_service.record(document, "COMPLETED")
