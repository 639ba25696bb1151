# Every function of math called with no arguments and with four: the
# arity errors CPython gives (none may crash), and exp2. cbrt, nextafter,
# remainder and ulp (new in 3.11) are not in sonde's math yet.
import math

for name in sorted(dir(math)):
    fn = getattr(math, name)
    if not callable(fn) or name.startswith("_") or name in ("cbrt", "nextafter", "remainder", "ulp"):
        continue
    for args in ((), (1, 2, 3, 4)):
        try:
            fn(*args)
            print(name, args, "ok")
        except TypeError as e:
            print(name, args, "TypeError:", e)
        except Exception as e:
            print(name, args, type(e).__name__)
print(math.exp2(10), math.exp2(-1), math.exp2(0.5))
try:
    math.exp2(5000)
except OverflowError as e:
    print("OverflowError:", e)
print(math.isclose(1.0, 1.0 + 1e-12), math.prod([2, 3], start=4), math.fsum([0.1] * 10))
