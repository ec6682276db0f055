"""Percentile statistics (`p50`, `p95`, `p99.9`) in GetMetricData.

What moto does: `Statistics.get_statistics_for_type` knows only Sum, Average, Minimum, Maximum
and SampleCount; any other statistic yields None, so a `p95` query answers a value of "None"
that no client can parse.

What we change: a statistic `pNN` (0 < NN <= 100, decimals allowed) is the nearest-rank percentile
of the raw values put with PutMetricData in the period (CloudWatch also computes percentiles from
the values it received). Values sent only as statistic sets (StatisticValues) carry no raw values:
for those periods the percentile falls back to the sets' Maximum (p100) or Average (otherwise), as
CloudWatch has no exact answer for them either. Every other statistic is moto's.
"""

from __future__ import annotations

import math
import re
from typing import Any

from moto.cloudwatch import models as cloudwatch_models

_PERCENTILE = re.compile(r"^p(\d+(?:\.\d+)?)$")
_original = cloudwatch_models.Statistics.get_statistics_for_type


def percentile(values: list[float], rank: float) -> float | None:
    """The nearest-rank `rank`th percentile of `values` (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    position = max(1, math.ceil(rank / 100 * len(ordered)))
    return ordered[min(position, len(ordered)) - 1]


def _get_statistics_for_type(self: Any, stat: str) -> Any:
    match = _PERCENTILE.match(stat or "")
    if not match:
        return _original(self, stat)
    rank = float(match.group(1))
    if not 0 < rank <= 100:
        return None
    raw = percentile(self.metric_single_values_list, rank)
    if raw is not None:
        return raw
    sets = self.metric_aggregated_list
    if not sets:
        return None
    if rank == 100:
        return max(s.max for s in sets)
    total = sum(s.sum for s in sets)
    count = sum(s.sample_count for s in sets)
    return total / count if count else None


def apply() -> None:
    """Installs the percentile statistics."""
    cloudwatch_models.Statistics.get_statistics_for_type = _get_statistics_for_type
