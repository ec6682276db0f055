"""Helpers shared through the CommonUtilsLayer."""

import json


def response(status, body):
    return {"statusCode": status, "body": json.dumps(body, sort_keys=True)}
