"""Nested stack TemplateURLs on 127.0.0.1.

What moto does: `get_stack_from_s3_url` reads `http://localhost:PORT/bucket/key` as path-style, but
`http://127.0.0.1:PORT/bucket/key` as virtual-host style, so the bucket becomes "127" (NoSuchBucket).

What we change: URLs whose host is an IP address or `localhost` are read path-style.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlparse

from moto.cloudformation import models as cfn_models
from moto.cloudformation import responses as cfn_responses
from moto.cloudformation import utils as cfn_utils

_original = cfn_utils.get_stack_from_s3_url


def _is_local_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def get_stack_from_s3_url(template_url: str, account_id: str, partition: str) -> str:
    """moto's reader, with IP-address hosts treated like localhost (path-style)."""
    parts = urlparse(template_url)
    if parts.hostname and _is_local_host(parts.hostname):
        template_url = parts._replace(netloc=f"localhost:{parts.port or 80}").geturl()
    return _original(template_url, account_id=account_id, partition=partition)


def apply() -> None:
    """Installs the reader where moto's CloudFormation looks it up."""
    cfn_models.get_stack_from_s3_url = get_stack_from_s3_url  # type: ignore[assignment]
    cfn_responses.get_stack_from_s3_url = get_stack_from_s3_url  # type: ignore[assignment]
