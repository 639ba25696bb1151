class A:
    __slots__ = ()
    x = 1
import math
for f in [lambda: A().y, lambda: A.y, lambda: math.nope, lambda: (1).real.nope, lambda: None.x, lambda: "s".upper.nope, lambda: setattr(1, "x", 2)]:
    try:
        f()
    except AttributeError as e:
        print("AttributeError:", e)
