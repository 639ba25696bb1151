# LOAD_GLOBAL at one site while the globals and builtins change under it.
import builtins

def get_x():
    return x

def get_len():
    return len

x = 1
print(get_x(), get_x())
x = 2
print(get_x())
del x
try:
    get_x()
except NameError as e:
    print("NameError:", e)
globals()["x"] = 3
print(get_x())

# A global that shadows a builtin, then goes away again.
print(get_len() is builtins.len)
len = "my len"
print(get_len())
del len
print(get_len() is builtins.len)

# The builtins change.
saved = builtins.len
builtins.len = "patched builtin"
print(get_len())
builtins.len = saved
print(get_len() is saved)
del builtins.len
try:
    get_len()
except NameError as e:
    print("NameError:", e)
builtins.len = saved

# One code object run with different globals.
code = compile("result = y * 2", "<g>", "exec")
for y in (1, 2):
    g = {"y": y}
    exec(code, g)
    print(g["result"])
g1 = {"y": 10}
g2 = {"y": 20}
for g in (g1, g2, g1, g2):
    exec(code, g)
    print(g["result"])

src = "def f():\n    return z\n"
ns1 = {"z": "ns1"}
ns2 = {"z": "ns2"}
exec(src, ns1)
exec(src, ns2)
print(ns1["f"](), ns2["f"](), ns1["f"]())
ns1["z"] = "ns1 again"
print(ns1["f"](), ns2["f"]())

# Many globals added between reads (positions shift on deletion).
def get_w():
    return w

w = "w"
for i in range(5):
    globals()["g%d" % i] = i
print(get_w())
for i in range(5):
    del globals()["g%d" % i]
print(get_w())
globals().pop("x")
print(get_w())

# Module-level names stored and loaded in a loop, deleted and re-created.
acc = 0
for k in range(5):
    acc += k
    if k == 2:
        del acc
        acc = 100
print(acc)

def bump():
    global counter
    counter = counter + 1 if "counter" in globals() else 1

for _ in range(3):
    bump()
print(counter)
del counter
bump()
print(counter)
for name in ("late1", "late2"):
    globals()[name] = name.upper()
print(late1, late2)
globals().clear()
print("cleared")
