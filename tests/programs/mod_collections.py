from collections import namedtuple, deque, defaultdict, Counter, OrderedDict
Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p[1], p._asdict(), p._replace(y=5), Point._fields, Point._make([7, 8]))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), len(p))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0])
print(P3(1, 2), P3(1, 2, 3))
dq = deque([1, 2, 3])
dq.appendleft(0)
dq.append(4)
print(dq, dq.popleft(), dq.pop(), dq, len(dq))
dq.rotate(1)
print(dq, list(dq), dq[0])
bounded = deque(maxlen=3)
for i in range(5):
    bounded.append(i)
print(bounded)
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["missing"])
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(sorted(counts.items()))
c = Counter("abracadabra")
print(c, c.most_common(2), c["a"], c["z"], sum(c.values()))
c.update("aaz")
print(c.most_common(1), list(c.elements())[:6])
print(Counter([1, 1, 2]) + Counter([2, 3]), Counter("aab") - Counter("a"))
od = OrderedDict()
od["x"] = 1
od["y"] = 2
od.move_to_end("x")
print(od, list(od), od.popitem(), od)
