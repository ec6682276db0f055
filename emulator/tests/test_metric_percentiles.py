"""GetMetricData answers percentile statistics from the raw values put with PutMetricData."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ferry_emulator.metric_percentiles import percentile


def test_nearest_rank_percentile():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 95) == 95.0
    assert percentile(values, 100) == 100.0
    assert percentile([7.0], 1) == 7.0
    assert percentile([], 50) is None


def test_get_metric_data_answers_p50_p95_and_moto_statistics(aws):
    cloudwatch = aws("cloudwatch")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    dimensions = [{"Name": "FunctionName", "Value": "percentile-fn"}]
    data = [
        {"MetricName": "Duration", "Dimensions": dimensions, "Value": float(value), "Unit": "Milliseconds",
         "Timestamp": now - timedelta(minutes=5)}
        for value in range(10, 210, 10)
    ]
    cloudwatch.put_metric_data(Namespace="AWS/Lambda", MetricData=data)

    def query(query_id: str, stat: str) -> dict:
        return {"Id": query_id, "MetricStat": {"Metric": {"Namespace": "AWS/Lambda", "MetricName": "Duration",
                                                          "Dimensions": dimensions},
                                               "Period": 3600, "Stat": stat}}

    answer = cloudwatch.get_metric_data(
        MetricDataQueries=[query("p50", "p50"), query("p95", "p95"), query("high", "p99.9"), query("top", "Maximum")],
        StartTime=now - timedelta(minutes=30), EndTime=now)
    values = {result["Id"]: result["Values"] for result in answer["MetricDataResults"]}
    assert values == {"p50": [100.0], "p95": [190.0], "high": [200.0], "top": [200.0]}
