"""Summarises a document in a few sentences."""


def summarize(pages, sentences=2):
    text = " ".join(line for page in pages for line in page["lines"])
    parts = [part.strip() for part in text.split(".") if part.strip()]
    return ". ".join(parts[:sentences]) + ("." if parts else "")
