# Sorting and comprehensions: records sorted by several keys, grouped,
# filtered and summed.
records = [(i * 7919 % 1000, "name%d" % (i % 97), i % 13 / 7) for i in range(60_000)]
by_key = sorted(records)
by_name = sorted(records, key=lambda r: (r[1], -r[0]))
groups = {}
for k, name, f in records:
    groups.setdefault(name, []).append(k)
sums = {name: sum(v) for name, v in groups.items() if len(v) > 600}
top = [r for r in by_name if r[2] > 1.5][:3]
print(by_key[:3], by_name[:2], len(sums), top, sorted(sums.values())[-3:])
