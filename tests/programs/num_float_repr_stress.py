# Shortest round-trip float reprs over many magnitudes.
out = []
x = 0.1
for i in range(1500):
    v = ((i * 2654435761) % 1000003) / (7.0 ** (i % 23 - 11))
    out.append(repr(v))
    out.append(repr(-v / 3))
    x = x * 1.37 + 1 / (i + 1)
    out.append(repr(x))
for i in range(0, 1500, 50):
    print(" ".join(out[i:i + 50]))
print(repr(2 ** 0.5), repr(10 ** 0.5), repr(1 / 7), [i / 10 for i in range(12)])
print([2.0 ** e for e in range(-30, 70, 7)])
print([float(f"1e{e}") for e in range(-8, 25, 3)])
