"""Scores how much each extracted field can be trusted."""


def assess(fields, pages):
    text = " ".join(line for page in pages for line in page["lines"])
    return {name: (1.0 if value in text else 0.5) for name, value in fields.items()}


def needs_review(confidence, threshold=0.8):
    return any(score < threshold for score in confidence.values())
