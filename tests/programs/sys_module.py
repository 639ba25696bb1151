import sys
print(sys.argv[0].endswith("sys_module.py"), len(sys.argv))
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8))
print(sys.maxsize == 2**63 - 1, sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
print(type(sys.path).__name__, type(sys.modules).__name__, "sys" in sys.modules)
sys.stdout.write("written directly\n")
print("to stderr", file=sys.stderr)
print("a", "b", sep="-", end="!\n")
print("no newline", end="")
print()
print(*[1, 2, 3], sep=", ")
print("flushed", flush=True)
def f():
    try:
        raise ValueError("inside")
    except ValueError:
        return sys.exc_info()[0].__name__
print(f(), sys.exc_info())
print(sys.byteorder in ("little", "big"))
sys.exit(3)
print("not reached")
