values = [1, 1.0, "1", [1], (1,), {1}, {1: 1}, None, True, b"1", range(1), len, int, object()]
for v in values:
    print(type(v).__name__, isinstance(v, (int, float)), isinstance(v, (list, tuple)), callable(v), hasattr(v, "__len__"))
print(type(1) == int, type(True) == int, isinstance(True, int), issubclass(int, object), issubclass(type, object))
print(isinstance(int, type), isinstance(type, type), isinstance(object, type), type(object) is type)
