print(int("12"), int(12.7), int("-0x1f", 16), int("1e3" if False else "1000"), int(b"42"))
print(float("3.5"), float("  -1e-3 "), float(7), float("Infinity"), float("-nan") != float("-nan"))
print(str(12), str(-1.5), str([1, "a"]), str({"k": (1,)}), str(b"x"), str(None), str(str))
print(list((1, 2)), list({"a": 1}), list("xy"), list(range(3)), list({3: 0}.values()))
print(tuple([1]), tuple("ab"), tuple({1: 2}), set("aab") == {"a", "b"}, frozenset([1]) | {2})
print(dict([[1, 2], (3, 4)]), dict({"a": 1}, b=2), dict(zip("ab", "cd")), dict(x=1))
print(bool([]), bool([[]]), bool(0.0), bool("False"))
print(bytes(3), bytes([65, 66]), bytes("hé", "utf-8"), bytearray(2), bytes(b"ab"))
print(chr(0x1F600) == "😀", ord("😀"), len("😀"), "😀".encode())
print(repr(1.0), repr(-0.0), repr(1e-10), repr("a\\b"), repr(b"\x00\xff"), ascii("ñ"))
print(int("  7  "), float("1_000.5"), int("1_0"), complex if False else "skip")
for bad in ["", " ", "1.5", "abc", "0x10", "1 2"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ["", "abc", "1.2.3", "--1"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
