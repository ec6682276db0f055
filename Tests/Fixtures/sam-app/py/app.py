import tool


def handler(event, context):
    return {"statusCode": 200, "body": tool.name()}
