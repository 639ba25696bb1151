# Repetition too big for the machine is a MemoryError (it aborted), and
# timedelta times a non-number is a TypeError (it repeated a string).
import datetime
d = datetime.timedelta(1)
for f in (lambda: d * "x", lambda: "x" * d, lambda: d * 2, lambda: 2 * d, lambda: d * 0.5, lambda: d * True):
    try: print(f())
    except TypeError as e: print("TypeError")
for f in (lambda: 86400000000 * "x", lambda: [1] * 86400000000, lambda: (1,) * 86400000000, lambda: b"x" * 86400000000):
    try: f()
    except MemoryError as e: print("MemoryError", repr(e))
print("ab" * 3, "-" * 0, "xyz" * 7, len("q" * 100000), "é" * 3)
