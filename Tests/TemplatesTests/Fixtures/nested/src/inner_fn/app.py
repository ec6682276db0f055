def handler(e, c): return 0
