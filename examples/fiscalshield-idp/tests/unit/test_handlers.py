"""Unit tests of the example app's handlers (run by the `before_deploy` gate: pytest -q tests/unit)."""

import importlib.util
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "lib" / "idp_common_pkg")]


def load(relative):
    spec = importlib.util.spec_from_file_location(relative.replace("/", "_"), ROOT / relative / "index.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.handler


DOC = {"document_id": "d1", "input_key": "uploads/invoice.txt"}


def test_workflow_classifies_and_extracts_an_invoice():
    text = "INVOICE No: INV-42\nAmount due: 99.50 VAT included\fIssued 2026-11-27"
    document = load("patterns/pattern-2/src/ocr")({"document": DOC, "text": text}, None)["document"]
    assert [page["page"] for page in document["pages"]] == [1, 2]
    classified = load("patterns/pattern-2/src/classification")({"document": document}, None)
    assert classified["document"]["document_class"] == "invoice"
    extracted = load("patterns/pattern-2/src/extraction")(classified, None)["document"]
    assert extracted["fields"] == {"invoice_number": "INV-42", "total": "99.50", "date": "2026-11-27"}
    assessed = load("patterns/pattern-2/src/assessment")({"document": extracted}, None)
    assert assessed["needsReview"] is False


def test_review_opens_for_low_confidence_fields_only():
    document = dict(DOC, confidence={"total": 0.5, "date": 1.0})
    assert load("patterns/pattern-2/src/hitl_start")({"document": document}, None)["fields"] == ["total"]


def test_upload_resolver_reserves_a_key_under_the_prefix():
    result = load("src/upload_resolver")({"arguments": {"fileName": "a.pdf", "prefix": "in"}}, None)
    assert result["objectKey"] == "in/a.pdf" and result["documentId"]
