s = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::3], s[1::2], s[::-1], s[-1:-4:-1], s[8:2:-2])
print(s[5:2], s[-100:100], s[3:3], s[::100])
t = tuple(s)
print(t[1:4], t[::-3])
word = "abcdefgh"
print(word[::2], word[-2:], word[1:-1], word[::-2], word[4:100], word[-20:3])
a = list(range(6))
a[1:3] = ["x"]
print(a)
a[::2] = [0, 0, 0]
print(a)
a[:] = []
print(a)
b = [1, 2, 3, 4, 5]
del b[1::2]
print(b)
print(slice(1, 4).start, slice(None, 2).stop, s[slice(2, 8, 3)])
print("hello"[slice(1, None)], (1, 2, 3)[:-1], range(10)[3:7], range(10)[::-2], list(range(10)[::-2]))
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1] for row in m], m[1][::-1], [r[::2] for r in m[::2]])
print(b"bytes"[1:3], bytearray(b"xyz")[::-1])
