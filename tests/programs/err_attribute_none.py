result = None
value = result.strip()
