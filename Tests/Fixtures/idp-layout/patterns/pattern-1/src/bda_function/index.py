def handler(event, context): return "bda"
