path = "files_io.tmp"
with open(path, "w") as f:
    f.write("line one\n")
    f.write("line two\n")
    print("third line", file=f)
    f.writelines(["a\n", "b\n"])
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip())
with open(path) as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path, "a") as f:
    f.write("appended\n")
f = open(path)
lines = f.read().splitlines()
f.close()
print(lines, f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open("definitely_missing_file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e, e.errno)
with open(path, "rb") as fb:
    data = fb.read()
print(type(data).__name__, data[:8], len(data))
with open(path, "wb") as fb:
    fb.write(b"\x00\x01binary")
with open(path, "rb") as fb:
    print(fb.read())
import os
os.remove(path)
print(os.path.exists(path))
