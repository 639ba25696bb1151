print()
print("a")
print("a", "b")
print("a", "b", sep="")
print("a", "b", sep=None)
print("x", end="")
print("y", end=None)
print(1, 2, 3, sep=" < ")
print(*"abc")
print([], {}, (), set(), "", sep="|")
print("multi\nline")
print(None, True, 3.0, -0)
import sys
print("err", file=sys.stderr)
sys.stdout.write("direct ")
sys.stdout.write("write\n")
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("captured", 1, file=w)
print(w.parts)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
