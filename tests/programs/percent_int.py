# %-formatting of ints: the plain case and every flag around it.
for n in (0, 7, -7, 2**63 - 1, -2**63, 2**64, True, 3.9, -3.9):
    print("%d|%i|%u|%5d|%-5d|%05d|%+d|% d|%.3d|%#d|%x|%s" % ((n,) * 12))
print("name%d" % 12, "%d%%" % 50, "%(a)d-%(b)d" % {"a": 1, "b": -2}, "%d" % (5,))
try:
    print("%d" % "x")
except TypeError as e:
    print(e)
