print("name%d" % 5, "%s-%s" % ("a", "b"), "%5d|%-5d|%05d|%+d|% d" % (3, 3, 3, 3, 3))
print("%(a)s %(b)05.1f %%" % {"a": "x", "b": 2.25}, "%c%c" % (65, "é"), "é%sü" % "ö")
print("%.2s|%10.3s|%r|%a" % ("abc", "défg", "q'", "é"), "%x %X %o %#x" % (255, 255, 8, 255))
print("%i %u %d" % (True, -4, 2**70), "%s" % (1,), "%s" % [1, 2], "%d" % 3.9)
for bad in ["%", "abc%", "%z", "é%ü", "%(a", "%d %d"]:
    try:
        print(bad % (1,))
    except Exception as e:
        print(type(e).__name__, e)
try:
    print("%d" % "x")
except TypeError as e:
    print(e)
try:
    print("%s %s" % (1, 2, 3))
except TypeError as e:
    print(e)
print("%s" % "", "%%%s%%" % "m", "%*d|%-*d|%.*f" % (4, 1, 4, 2, 2, 3.14159))
print(b"%s %d" % (b"ab", 5))
for c in "\x1e\x1f~\x7f":
    try:
        ("%" + c) % 1
    except ValueError as e:
        print(repr(str(e)))
