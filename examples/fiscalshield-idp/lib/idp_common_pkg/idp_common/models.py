"""The document model that flows through the workflow."""

from dataclasses import dataclass, field, asdict


@dataclass
class Document:
    document_id: str
    input_key: str
    pages: list = field(default_factory=list)
    document_class: str = "unclassified"
    fields: dict = field(default_factory=dict)
    confidence: dict = field(default_factory=dict)
    status: str = "QUEUED"

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)
