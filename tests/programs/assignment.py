a = b = c = 5
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
[m, n] = "xy"
print(m, n)
lst = [0] * 5
lst[1] = 10
lst[-1] = 99
lst[2:4] = [7, 8, 9]
print(lst)
lst[::2] = [0, 0, 0]
print(lst)
del lst[0]
del lst[1:3]
print(lst)
d = {}
d["a"] = 1
d["b"] = d["a"] + 1
del d["a"]
print(d)
class O: pass
o = O()
o.attr = 5
o.attr += 1
print(o.attr)
del o.attr
print(hasattr(o, "attr"))
n = 10
n += 5; n -= 3; n *= 2; n //= 5; n **= 2; n %= 7
print(n)
s = "ab"
s += "cd"
s *= 2
print(s)
l2 = [1]
alias = l2
l2 += [2]
print(alias, l2 is alias)
t2 = (1,)
t3 = t2
t2 += (2,)
print(t2, t3)
if (k := 10) > 5:
    print("walrus", k)
vals = [y for v in range(5) if (y := v * v) > 4]
print(vals, y)
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 10
    inner()
    return v
print(outer())
i = j = 0
i, j = j + 1, i + 2
print(i, j)
arr = [[0] * 3 for _ in range(2)]
arr[1][2] = 5
print(arr)
x: int = 5
z: str
print(x)
