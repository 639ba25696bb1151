# CPython's messages for misused str, bytes and built-in methods: keyword
# arguments to str.lower, a non-str argument to count/find/partition,
# join of a non-iterable, bytes.count of an int, and a method called
# through its type on the wrong kind of object.
import math
for f in (lambda: "A".lower(x=1), lambda: "abc".count(1), lambda: math.sqrt(), lambda: math.sqrt(1,2), lambda: b"abca".count(97), lambda: bytearray(b"aa").count(97), lambda: list.append(5, 1), lambda: [].append()):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
for f in ("count","find","rfind","index","startswith","split","rsplit","replace","partition","endswith","strip","join"):
  try:
    print(f, getattr("abc", f)(1))
  except TypeError as e:
    print(f, "TypeError:", e)
for b in (b"abca", bytearray(b"abca")):
  print(b.count(97), b.count(b"a"), b.count(0), b.count(b""))
  for bad in (256, -1):
    try: b.count(bad)
    except ValueError as e: print(e)
  try: b.count()
  except TypeError as e: print(e)
print(list(map(str.upper, ["a","b"])))
try: str.upper(5)
except TypeError as e: print(e)
try: dict.get([], 1)
except TypeError as e: print(e)
try: set.add({1}, [])
except TypeError as e: print(e)
