"""Reads and writes document records (a dict store in tests, DynamoDB in the cloud)."""

import os
import time


def table_name():
    return os.environ.get("TRACKING_TABLE", "TrackingTable")


def record(document, status):
    document.status = status
    item = document.to_dict()
    item["updated_at"] = int(time.time())
    return item
