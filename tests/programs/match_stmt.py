def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case int():
            return "int"
        case "hello":
            return "greeting"
        case str(s):
            return f"str {s}"
        case [] :
            return "empty list"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case [a, *rest]:
            return f"many {a} {rest}"
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": t, **others}:
            return f"typed {t} {others}"
        case None:
            return "none"
        case True:
            return "true?"
        case _:
            return "other"
for v in [0, 2, -5, 99, "hello", "bye", [], [1], [1, 2], [1, 2, 3], (4, 5), {"type": "point", "x": 1, "y": 2}, {"type": "z", "w": 3}, None, 3.5]:
    print(repr(v), "->", describe(v))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 7)]:
    print(where(p))

def cmd(c):
    match c.split():
        case ["go", direction]:
            return "going " + direction
        case ["pick", "up", item] | ["take", item]:
            return "taking " + item
        case ["quit"]:
            return "bye"
        case _:
            return "unknown"
for c in ["go north", "pick up sword", "take lamp", "quit", "dance now"]:
    print(cmd(c))
match (1, "a"):
    case (int() as num, str() as letter):
        print("as-pattern", num, letter)
