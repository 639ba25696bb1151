def f():
    print(undefined_x)
try:
    f()
except NameError as e:
    print("NameError:", e)
def g():
    y = y + 1
try:
    g()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    del never_defined
except NameError as e:
    print("NameError:", e)
def h():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    z = 1
h()
x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
