def safe_div(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("no error")
        return r
    finally:
        print("finally")
print(safe_div(1, 2), safe_div(1, 0))
class MyError(Exception):
    pass
class DetailedError(MyError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise DetailedError("bad thing", 42)
except MyError as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, Exception))
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
try:
    try:
        [][1]
    except IndexError:
        raise TypeError("during")
except TypeError as e:
    print(e, repr(e.__context__))
for exc in [ValueError, TypeError, KeyError, IndexError, ZeroDivisionError]:
    try:
        raise exc("x")
    except (ValueError, TypeError) as e:
        print("group1", type(e).__name__)
    except LookupError as e:
        print("lookup", type(e).__name__, e)
    except Exception as e:
        print("other", type(e).__name__)
def gen_errors():
    yield lambda: 1 / 0
    yield lambda: [][0]
    yield lambda: {}["k"]
    yield lambda: int("abc")
    yield lambda: None.attr
    yield lambda: undefined_name
    yield lambda: "a" + 1
    yield lambda: [1, 2].index(9)
    yield lambda: (1, 2)[5]
    yield lambda: int(float("inf"))
    yield lambda: float("x")
    yield lambda: len(5)
    yield lambda: {}.pop("k")
    yield lambda: set().pop()
    yield lambda: [].pop()
    yield lambda: "abc".index("z")
    yield lambda: iter(5)
    yield lambda: next(iter([]))
    yield lambda: chr(-1)
    yield lambda: 2 ** 1000 * 1.0 ** 5000 if False else float(2 ** 2000)
    yield lambda: [1] * "a"
    yield lambda: abs("x")
    yield lambda: (lambda a: a)()
    yield lambda: (lambda a: a)(1, 2)
    yield lambda: (lambda: 0)(x=1)
    yield lambda: object().foo
    yield lambda: hash([])
    yield lambda: 1 < "a"
    yield lambda: -"a"
    yield lambda: "%d" % "x"
    yield lambda: dict(a=1)["b"]
    yield lambda: int("12", 1)
    yield lambda: range(1, 2, 0)
    yield lambda: [].remove(1)
    yield lambda: "x".join([1])
    yield lambda: divmod(1, 0)
    yield lambda: 1 % 0
    yield lambda: 1.0 // 0
for f in gen_errors():
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e))
def finally_return():
    try:
        return "try"
    finally:
        print("cleanup runs")
print(finally_return())
def finally_override():
    try:
        return 1
    finally:
        return 2
print(finally_override())
def loop_finally():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
loop_finally()
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
e = None
try:
    raise ValueError("scoped")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def reraise():
    try:
        raise KeyError("orig")
    except KeyError:
        print("handling")
        raise
try:
    reraise()
except KeyError as k:
    print("reraised", k)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), KeyError.__mro__)
try:
    raise StopIteration(5)
except StopIteration as s:
    print("value", s.value)
ex = ValueError("a", 1)
print(ex.args, str(ex), repr(ex), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
