x, y, name = 42, 3.14159, "sonde"
print(f"{x} {y} {name}")
print(f"{x:5d}|{x:<5}|{x:^7}|{x:>5}|{x:05d}|{x:+d}")
print(f"{y:.2f} {y:10.3f} {y:e} {y:.3g} {y:%} {1234567.891:,.2f} {1234567:_}")
print(f"{name!r} {name!s} {name:>10} {name:*^11}")
print(f"{x:#x} {x:#o} {x:#b} {x:x} {x:X} {255:08b}")
print(f"{x + 1} {x * 2} {[i for i in range(3)]} {'nested'!r}")
w = 8
p = 3
print(f"{y:{w}.{p}f}|{name:{w}}|")
print(f"{{literal}} {x}")
d = {"k": "v"}
print(f"{d['k']} {d!r}")
print(f"{1e20} {1.0} {0.1} {1/3} {-0.0} {float('inf')} {2**70}")
print(f"{3.0:g} {100000.0:g} {1e6:g} {1.5e-5:g} {0.00001234:.2g}")
print(f"{12.5:.0f} {13.5:.0f} {0.125:.2f} {2.675:.2f}")
print(f"{True} {None} {True:d} {10:c}")
print(f"{'a':>3}{'b':<3}{'c':^3}|")
print(format(42, "b"), format(3.5, ".1e"), format("x", "^5"), format(1234.5, ","), format(0.5, ".0%"))
