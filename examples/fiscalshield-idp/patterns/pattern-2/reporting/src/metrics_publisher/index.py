"""MetricsPublisherFunction: counts documents per class for the dashboard."""

from collections import Counter


def handler(event, context):
    counts = Counter(doc.get("document_class", "unclassified") for doc in event.get("documents", []))
    return {"metrics": [{"name": name, "value": value} for name, value in sorted(counts.items())]}
