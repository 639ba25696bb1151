lines = ["# header", "alpha 1", "", "beta 2", "# comment", "gamma 3"]
def non_comments(ls):
    for l in ls:
        if l and not l.startswith("#"):
            yield l
def parse(ls):
    for l in ls:
        name, val = l.split()
        yield name, int(val)
pairs = list(parse(non_comments(lines)))
print(pairs, dict(pairs), sum(v for _, v in pairs))
def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
print(list(chunks(list(range(10)), 3)), list(chunks("abcdefg", 2)))
def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], (6, 7)])))
def window(seq, n):
    it = iter(seq)
    win = []
    for x in it:
        win.append(x)
        if len(win) == n:
            yield tuple(win)
            win.pop(0)
print(list(window(range(6), 3)))
