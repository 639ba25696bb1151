counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter)
def make():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    def get():
        return total
    return add, get
add, get = make()
add(5); add(10)
print(get())
def define_global():
    global NEW_NAME
    NEW_NAME = "created"
define_global()
print(NEW_NAME)
x = "outer"
def reader():
    return x
def shadower():
    x = "inner"
    return reader()
print(shadower())
def nested_nonlocal():
    a = 1
    def f():
        def g():
            nonlocal a
            a = 3
        g()
    f()
    return a
print(nested_nonlocal())
