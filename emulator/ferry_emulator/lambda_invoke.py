"""Lambda Invoke without running code.

What moto does (5.2.1): `Invoke` runs the function's code in a Docker container; without Docker
(this machine, CI) the invocation fails with a connection error.

What we change: the emulator never runs code. An invocation answers the event it was given, as
JSON, with status 200 (a stub: enough to check that a function exists, is invokable and gets the
event). A function whose environment has `FERRY_EMULATOR_INVOKE_ERROR` fails every invocation the
way Lambda reports a function error: header `X-Amz-Function-Error: Handled` and the payload
`{"errorMessage": <the variable's value>, "errorType": "Error"}`, so clients can test how they
report a failing function.
"""

from __future__ import annotations

import json
from typing import Any

from moto.awslambda import models as lambda_models

INVOKE_ERROR_VARIABLE = "FERRY_EMULATOR_INVOKE_ERROR"


def _invoke_lambda(self: Any, event: Any = None) -> tuple[str, bool, str]:
    variables = getattr(self, "environment_vars", None) or {}
    message = variables.get(INVOKE_ERROR_VARIABLE)
    if message:
        return json.dumps({"errorMessage": str(message), "errorType": "Error"}), True, f"ERROR {message}\n"
    if isinstance(event, (bytes, bytearray)):
        event = event.decode("utf-8")
    if isinstance(event, str):
        try:
            event = json.loads(event) if event.strip() else {}
        except ValueError:
            pass
    return json.dumps(event if event is not None else {}), False, "the Ferry emulator does not run code: the event is echoed\n"


def apply() -> None:
    """Installs the stub invocation into moto's Lambda functions."""
    lambda_models.LambdaFunction._invoke_lambda = _invoke_lambda  # type: ignore[method-assign]
