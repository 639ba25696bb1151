tests = [
    ("ZeroDivisionError", lambda: 5 // 0),
    ("ZeroDivisionError", lambda: 5.0 / 0),
    ("OverflowError", lambda: 2.0 ** 10000),
    ("OverflowError", lambda: int(float("inf"))),
    ("ValueError", lambda: int("nope")),
    ("ValueError", lambda: [1].index(2)),
    ("ValueError", lambda: "abc".split("")),
    ("ValueError", lambda: range(0, 1, 0)),
    ("TypeError", lambda: None + 1),
    ("TypeError", lambda: len(None)),
    ("TypeError", lambda: [1, 2][None]),
    ("TypeError", lambda: {}[[]]),
    ("TypeError", lambda: sorted([1, "a"])),
    ("TypeError", lambda: "a" * 2.5),
    ("TypeError", lambda: (1).foo()),
    ("KeyError", lambda: {"a": 1}["b"]),
    ("IndexError", lambda: "abc"[10]),
    ("IndexError", lambda: [].pop()),
    ("AttributeError", lambda: [].nope),
    ("AttributeError", lambda: int.nope),
    ("NameError", lambda: nope_name),
    ("StopIteration", lambda: next(iter(()))),
    ("RecursionError", None),
    ("UnicodeDecodeError", lambda: b"\xff".decode()),
    ("UnicodeEncodeError", lambda: "é".encode("ascii")),
    ("FileNotFoundError", lambda: open("/nonexistent/file")),
    ("AssertionError", None),
    ("ModuleNotFoundError", lambda: __import__("nope_module")),
    ("NotImplementedError", None),
    ("RuntimeError", lambda: (_ for _ in ()).throw(RuntimeError("thrown"))),
]
def recurse():
    return recurse()
def not_impl():
    raise NotImplementedError("todo")
def failing_assert():
    assert 1 > 2
for name, fn in tests:
    fn = fn or {"RecursionError": recurse, "AssertionError": failing_assert, "NotImplementedError": not_impl}[name]
    try:
        fn()
        print(name, "not raised!")
    except Exception as e:
        ok = type(e).__name__ == name
        print(f"{name:20} {ok} {e}")
