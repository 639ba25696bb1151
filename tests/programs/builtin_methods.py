# Methods of built-in types called through one site with values of several
# types in turn, including a subclass and a type without the method.
def count_ones(x):
    return x.count(1)

class L(list):
    def count(self, v):
        return "L.count"

class M(list):
    pass

values = [[1, 1, 2], (1, 2, 1, 1), L([1]), M([1, 1, 1, 1]), {1: 2}]
for v in values * 2:
    try:
        print(type(v).__name__, count_ones(v))
    except (TypeError, AttributeError) as e:
        print(type(v).__name__, type(e).__name__ + ":", e)

def lower(x):
    return x.lower()

for v in ["ABC", b"ABC", 3, "Déjà"]:
    try:
        print(lower(v))
    except AttributeError as e:
        print("AttributeError:", e)

def grow(xs, v):
    xs.append(v)
    return xs

d = {"k": 1}
print(grow([], 1), grow([0], 2), d.get("k"), d.get("x", "default"), {}.get("k"))
m = M()
m.append = lambda v: print("instance append", v)
m.append(5)
print(len(m))
