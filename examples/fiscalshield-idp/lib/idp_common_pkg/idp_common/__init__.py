"""Shared code of the FiscalShield IDP example: every function bundles it via requirements.txt."""

__version__ = "0.3.19"
