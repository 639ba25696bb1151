x = "global"
def show():
    return x
def shadow():
    x = "local"
    return x, show()
print(shadow())
def counter_factory():
    counts = {}
    def count(key):
        counts[key] = counts.get(key, 0) + 1
        return counts[key]
    return count
cnt = counter_factory()
cnt("a"); cnt("a")
print(cnt("a"), cnt("b"))
def make_multipliers():
    return [lambda v, i=i: v * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            nonlocal a
            a += b
            return a
        return inner
    f = middle()
    f(); f()
    return a
print(outer())
def gen_closure():
    v = 0
    def get():
        return v
    v = 42
    return get
print(gen_closure()())
class K:
    y = 5
    def m(self):
        return y
y = "module y"
print(K().m())
def f():
    return [x for x in range(3)] + [x]
print(f())
def deleter():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return str(e)
print(deleter())
total = 0
def add_all(*nums):
    global total
    for n in nums:
        total += n
add_all(1, 2, 3)
print(total)
def fact_gen():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
print(fact_gen()(10))
