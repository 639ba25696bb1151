def http(status):
    match status:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302 as code:
            return f"redirect {code}"
        case int(s) if 400 <= s < 500:
            return "client error"
        case int():
            return "server error" if status >= 500 else "unknown"
        case _:
            return "not a status"
print([http(s) for s in (200, 204, 302, 404, 503, 100, "x")])
def shape(s):
    match s:
        case {"kind": "circle", "r": r}:
            return 3.14159 * r * r
        case {"kind": "rect", "w": w, "h": h}:
            return w * h
        case ("point", x, y):
            return f"point at {x},{y}"
        case [("point", _, _), *others]:
            return f"first is a point, {len(others)} more"
        case str() | bytes():
            return "text"
        case _:
            return None
print(shape({"kind": "circle", "r": 2}), shape({"kind": "rect", "w": 3, "h": 4, "extra": 1}), shape(("point", 1, 2)))
print(shape([("point", 0, 0), 1, 2]), shape("abc"), shape(b"x"), shape(3.5))
def nested(v):
    match v:
        case [[a, b], [c, d]]:
            return a * d - b * c
        case [x, [y, *zs]]:
            return (x, y, zs)
        case {"a": {"b": value}}:
            return value
    return "no match"
print(nested([[1, 2], [3, 4]]), nested([1, [2, 3, 4]]), nested({"a": {"b": "deep"}}), nested(5))
class Cmd:
    __match_args__ = ("verb", "arg")
    def __init__(self, verb, arg=None):
        self.verb, self.arg = verb, arg
for c in [Cmd("go", "north"), Cmd("look"), Cmd("go")]:
    match c:
        case Cmd("go", None):
            print("go where?")
        case Cmd("go", direction):
            print("going", direction)
        case Cmd(verb="look"):
            print("looking around")
