values = [1, 2, 0]
total = sum(10 / v for v in values)
