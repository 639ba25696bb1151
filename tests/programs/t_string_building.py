parts = []
for i in range(5):
    parts.append(f"item{i}")
print(", ".join(parts))
s = ""
for ch in "abc":
    s += ch * 2
print(s)
table = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 2.0)]
print(f"{'name':<10}{'qty':>5}{'price':>8}")
for name, qty, price in table:
    print(f"{name:<10}{qty:>5}{price:>8.2f}")
print("-" * 23)
print(f"{'total':<10}{sum(q for _, q, _ in table):>5}{sum(q * p for _, q, p in table):>8.2f}")
print("|".join(f"{n:^7}" for n in ["a", "bb", "ccc"]))
