out = []
append = out.append
for i in range(5):
    append(i)
print(out, append(9), out)
pop = out.pop
print(pop(), pop(0), out)
try:
    pop(99)
except IndexError as e:
    print("IndexError", e)
try:
    append()
except TypeError as e:
    print("TypeError", e)
d = {}
sd = d.setdefault
print(sd("a", []), sd("a", 5), d)
class L(list):
    pass
l = L()
la = l.append
la(3)
print(l, type(l).__name__)

# random's C-level methods, bound and through the instance.
import random

r = random.Random(42)
bits = r.getrandbits
draw = r.random
print([bits(k) for k in (1, 5, 31, 32, 33, 64, 0)], draw(), r.random(), r.getrandbits(7))
print(bits(True), bits(3), [r.randrange(10) for _ in range(5)], r.choice("abcdef"))
for bad in (-1, 2.5, "3"):
    try:
        bits(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    draw(1)
except TypeError as e:
    print("TypeError", e)
r2 = random.Random(42)
print(r2.getrandbits(1), r2.getrandbits(5), r2.getrandbits(31))
