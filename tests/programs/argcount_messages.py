# Wrong argument counts and types for builtins and str methods: the
# TypeError messages must match CPython's word for word.
cases = [
    lambda: round(1, 2, 3),
    lambda: sum([1], 0, 3),
    lambda: (5).bit_length(1),
    lambda: "ab".center(),
    lambda: "ab".ljust(1, "x", 2),
    lambda: "ab".endswith("b", 0, 1, 2),
    lambda: "a b".split(3),
    lambda: str(1, 2, 3, 4),
]
for i, f in enumerate(cases):
    try:
        f()
    except TypeError as e:
        print(i, "TypeError:", e)
    else:
        print(i, "no error")
