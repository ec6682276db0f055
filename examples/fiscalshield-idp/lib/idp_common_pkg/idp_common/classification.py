"""Classifies a document by keywords."""

CLASSES = {
    "invoice": ("invoice", "amount due", "vat"),
    "receipt": ("receipt", "paid", "change"),
    "tax_form": ("tax return", "taxable income", "form"),
}


def classify(pages):
    text = " ".join(line.lower() for page in pages for line in page["lines"])
    scores = {name: sum(text.count(word) for word in words) for name, words in CLASSES.items()}
    best = max(scores, key=scores.get)
    return (best if scores[best] else "unclassified"), scores
