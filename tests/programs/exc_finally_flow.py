def f(x):
    try:
        if x == 0:
            return "zero"
        if x == 1:
            raise ValueError("one")
        return "other"
    except ValueError:
        return "caught"
    finally:
        print("finally for", x)
for v in range(3):
    print(f(v))
def g():
    for i in range(5):
        try:
            try:
                if i == 1:
                    continue
                if i == 3:
                    break
                print("body", i)
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)
    return "done"
print(g())
def nested_return():
    try:
        try:
            return "inner"
        finally:
            print("first")
    finally:
        print("second")
print(nested_return())
def exc_in_finally():
    try:
        raise KeyError("original")
    finally:
        print("cleaning")
try:
    exc_in_finally()
except KeyError as e:
    print("propagated", e)
def with_in_loop():
    class CM:
        def __init__(self, n):
            self.n = n
        def __enter__(self):
            print("enter", self.n)
            return self.n
        def __exit__(self, *a):
            print("exit", self.n)
    for i in range(3):
        with CM(i) as v:
            if v == 1:
                continue
            if v == 2:
                return "returned from with"
            print("using", v)
print(with_in_loop())
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print("handler")
        raise
    finally:
        print("finally after reraise")
except ZeroDivisionError:
    print("outer caught")
