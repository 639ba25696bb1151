# A finally body is compiled once per way out of its try (falling off the
# end, an exception, return, break, continue): the functions, classes,
# lambdas and comprehensions inside it must be the same each time.


def on_return(n):
    try:
        if n:
            return "early"
    finally:
        f = lambda x: x * 2
        print("finally", f(n), [i * n for i in range(3)])
    return "late"


print(on_return(0), on_return(1))


def on_loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            def g(k=i):
                return k + 100
            class K:
                v = i
            out.append((g(), K.v, {j: j for j in range(i)}))
    return out


print(on_loop())


def on_error():
    try:
        try:
            1 / 0
        finally:
            print("inner", sorted({x % 3 for x in range(7)}), (lambda: "lam")())
    except ZeroDivisionError as e:
        print("caught", e)
    finally:
        print("outer", list(x + 1 for x in range(2)))


on_error()


def nested(n):
    try:
        try:
            return n
        finally:
            h = lambda: n + 1
            print("inner", h())
    finally:
        print("outer", [lambda: n][0]())


print(nested(5))


def gen():
    try:
        yield 1
        return
    finally:
        print("closing", (lambda s: s.upper())("done"))


for v in gen():
    print(v)


def mixed(n):
    try:
        if n:
            return "returned"
        g = lambda a, b: a + b
        print("body", g(1, 2), [y for y in "ab"])
    finally:
        h = lambda: -n
        print("finally", h(), {y: n for y in "c"})
    return "fell through"


print(mixed(0), mixed(7))
