transform = lambda x: x["value"] * 2
data = [{"value": 1}, {"val": 2}]
print(list(map(transform, data)))
