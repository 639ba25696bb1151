print(eval("2 ** 8"), eval("[x * 2 for x in range(3)]"), eval("len('abc') + 1"))
g = {"a": 5}
print(eval("a * 2", g), eval("b", {}, {"b": 7}))
exec("def sq(x): return x * x")
print(sq(9))
ns = {}
exec("x = 1\ny = x + 1\nclass K: pass", ns)
print(ns["y"], "K" in ns, sorted(k for k in ns if not k.startswith("__")))
code = compile("3 + 4", "<expr>", "eval")
print(eval(code))
def f():
    local_var = 10
    return eval("local_var + 1")
print(f())
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("ValueError:", e)
print(globals()["__name__"], "f" in globals(), type(locals()).__name__)
def g2():
    a = 1
    b = 2
    return sorted(locals().items())
print(g2())
