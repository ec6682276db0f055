"""CopyToBaselineFunction: names the evaluation-baseline copy of a processed document."""

from slugify_lite import slugify


def handler(event, context):
    title = event.get("title", "untitled document")
    return {"baselineKey": f"baseline/{slugify(title)}.json"}
