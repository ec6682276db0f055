"""Turns raw text into pages of normalised lines."""

PAGE_BREAK = "\f"


def split_pages(text):
    pages = []
    for number, raw in enumerate(text.split(PAGE_BREAK), start=1):
        lines = [" ".join(line.split()) for line in raw.splitlines()]
        pages.append({"page": number, "lines": [line for line in lines if line]})
    return pages
