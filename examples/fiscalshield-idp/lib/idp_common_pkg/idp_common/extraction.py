"""Extracts fields with simple rules."""

import re

RULES = {
    "invoice_number": r"invoice\s*(?:no\.?|number|#)\s*[:\-]?\s*([A-Z0-9\-]+)",
    "total": r"(?:total|amount due)\s*[:\-]?\s*([0-9]+(?:[.,][0-9]{2})?)",
    "date": r"(\d{4}-\d{2}-\d{2})",
}


def extract(pages):
    text = "\n".join(line for page in pages for line in page["lines"])
    fields = {}
    for name, pattern in RULES.items():
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            fields[name] = match.group(1)
    return fields
