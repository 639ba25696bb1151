class Counter:
    def __init__(self):
        self.counts = {}
    def add(self, item, n=1):
        self.counts[item] = self.counts.get(item, 0) + n
        return self
    def __getitem__(self, item):
        return self.counts.get(item, 0)
    def __len__(self):
        return len(self.counts)
    def __iter__(self):
        return iter(sorted(self.counts))
    def __contains__(self, item):
        return item in self.counts
    def most_common(self, n):
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    def __add__(self, other):
        res = Counter()
        for c in (self, other):
            for k, v in c.counts.items():
                res.add(k, v)
        return res
    def __repr__(self):
        return f"Counter({self.counts})"
c = Counter()
for w in "to be or not to be".split():
    c.add(w)
print(c, c["be"], c["xyz"], len(c), list(c), "or" in c, c.most_common(2))
d = Counter().add("be", 5)
print(c + d)
