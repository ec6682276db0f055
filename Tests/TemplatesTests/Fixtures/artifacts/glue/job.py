print("glue")
