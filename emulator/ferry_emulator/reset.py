"""`POST /moto-api/reset` resets our patches' state too.

What moto does: the reset endpoint calls `MotoAPIBackend.reset`, which rebuilds every service
backend (all stacks, functions, buckets ... are gone).

What we change: after moto's reset, every callback registered with `on_reset` runs. Most of our
state (stack timelines and events, Lambda update timers) lives on moto's own model objects and so
disappears with them; module-level state must register here.
"""

from __future__ import annotations

from typing import Any, Callable

from moto.moto_api._internal import models as api_models

_callbacks: list[Callable[[], None]] = []
_original_reset = api_models.MotoAPIBackend.reset


def on_reset(callback: Callable[[], None]) -> None:
    """Registers `callback` to run after every moto reset."""
    _callbacks.append(callback)


def _reset(self: Any) -> None:
    _original_reset(self)
    for callback in _callbacks:
        callback()


def apply() -> None:
    """Chains our callbacks to moto's reset."""
    api_models.MotoAPIBackend.reset = _reset  # type: ignore[method-assign]
