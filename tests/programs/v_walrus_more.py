data = [1, 5, 12, 7, 20, 3]
if (n := len(data)) > 5:
    print(f"{n} items")
filtered = [y for x in data if (y := x * 2) > 10]
print(filtered)
chunks = iter(range(10))
total = 0
while (chunk := next(chunks, None)) is not None:
    total += chunk
print(total)
values = {"a": 1}
if (v := values.get("a")) is not None:
    print("found", v)
print([(x, z) for x in range(5) if (z := x ** 2) % 2 == 0])
def f():
    if any((hit := w).startswith("b") for w in ["apple", "banana", "cherry"]):
        return hit
print(f())
