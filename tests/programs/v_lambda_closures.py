adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
late = [lambda x: x + n for n in range(3)]
print([a(10) for a in late])
make = lambda k: (lambda v: v * k)
print(make(3)(4), (lambda: (lambda: 7)())())
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(6, 3) for k, f in ops.items()})
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda *t: sum(t), [1, 2], [3, 4], [5, 6])))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str.upper, str.strip)("  hi  "), (lambda *a, **k: (a, k))(1, z=2))
fact = lambda n: 1 if n < 2 else n * fact(n - 1)
print(fact(10), (lambda x=5: x)(), (lambda x, /, y: x - y)(5, y=2))
