def classify(n):
    return "neg" if n < 0 else "zero" if n == 0 else "small" if n < 10 else "big"
print([classify(n) for n in (-5, 0, 3, 42)])
x = 5
y = x if x > 3 else None
z = (lambda v: "even" if v % 2 == 0 else "odd")(x)
print(y, z, [("fizz" * (i % 3 == 0) + "buzz" * (i % 5 == 0)) or i for i in range(1, 16)])
a = b = None
print(a or "a default", b if b is not None else "b default", (x > 2) + (x > 4) + (x > 6))
