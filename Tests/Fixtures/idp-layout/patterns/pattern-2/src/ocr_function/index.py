import idp_common


def handler(event, context):
    return {"ocr": idp_common.VERSION}
