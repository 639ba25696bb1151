a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c))
x = None
print(x is None, type(None) is type(x))
s1 = "hello"
s2 = "hello"
print(s1 == s2)
t = (1, 2)
print(t == (1, 2), len({t, (1, 2)}))
def f():
    pass
print(f is f, f == f, f != (lambda: None))
print(int is int, type(1) is int, isinstance(int, type), type(int) is type)
n = 1000
m = 1000
print(n == m)
print([] is [], {} == {}, () == ())
lst = [1]
lst2 = lst
lst2 += [2]
print(lst is lst2, lst)
tup = (1,)
tup2 = tup
tup2 += (2,)
print(tup is tup2, tup, tup2)
