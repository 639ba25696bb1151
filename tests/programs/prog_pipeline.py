def read_records():
    data = ["alice,30,paris", "bob,25,london", "carol,35,paris", "dave,40,berlin", "eve,22,london", "bad line"]
    for line in data:
        yield line
def parse(lines):
    for line in lines:
        parts = line.split(",")
        if len(parts) != 3:
            print("skipping", repr(line))
            continue
        name, age, city = parts
        yield {"name": name, "age": int(age), "city": city}
def older_than(records, n):
    return (r for r in records if r["age"] > n)
def group_by_city(records):
    groups = {}
    for r in records:
        groups.setdefault(r["city"], []).append(r["name"])
    return groups
pipeline = older_than(parse(read_records()), 24)
print(group_by_city(pipeline))
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def naturals():
    n = 1
    while True:
        yield n
        n += 1
evens = (n for n in naturals() if n % 2 == 0)
squares = (n * n for n in evens)
print(list(take(5, squares)))
def running_avg():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
ra = running_avg()
next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])
import itertools
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.product("ab", repeat=2)), list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 2)), [(k, list(g)) for k, g in itertools.groupby("aabbbc")])
print(list(itertools.zip_longest([1, 2], "abc", fillvalue="-")), list(itertools.takewhile(lambda v: v < 3, [1, 2, 3, 1])))
