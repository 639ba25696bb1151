import sys
# Every public callable of the bundled and built-in modules, and every
# method of the built-in types and of instances of the modules' classes
# (through the type and bound), called with
# argument lists of the wrong count and type, and with keywords: each call must end in a
# Python exception or a result, never a Rust panic. Names with side
# effects on the machine (files, processes, signals) are left out.
skip = set()
mods = []
for name in ("builtins", "gc", "time", "os", "sys", "math", "itertools", "functools", "collections", "json", "re", "string", "operator", "heapq", "bisect", "copy", "random", "io", "_random", "os.path", "types", "keyword", "textwrap", "datetime", "statistics", "struct", "array", "abc", "enum", "dataclasses", "typing", "contextlib", "weakref", "traceback", "warnings", "inspect", "fnmatch", "glob", "shutil", "pathlib", "unittest", "codecs", "base64", "hashlib", "binascii", "fractions", "decimal", "numbers", "cmath", "errno", "signal", "platform", "locale"):
    try:
        m = __import__(name)
        for part in name.split(".")[1:]:
            m = getattr(m, part)
        mods.append((name, m))
    except BaseException:
        pass
bad = {"exit", "quit", "input", "breakpoint", "help", "_exit", "abort", "kill", "fork", "execv", "execve", "system", "remove", "unlink", "rmdir", "rename", "replace", "mkdir", "makedirs", "chdir", "sleep", "setrecursionlimit", "write", "close", "dup2", "putenv", "unsetenv", "freeze", "disable", "print", "open", "read", "exec", "eval", "compile", "__import__", "settrace", "setprofile", "rmtree", "copyfile", "copy2", "copytree", "move", "main", "interact", "removedirs", "symlink", "link", "truncate", "chmod", "utime", "seed", "pause", "alarm", "setitimer", "raise_signal", "set_wakeup_fd", "strict_timestamps", "collect", "get_objects", "stdin", "readline", "readlines"}
targets = []
for modname, mod in mods:
    for n in sorted(dir(mod)):
        if n in bad or n.startswith("__"):
            continue
        try:
            targets.append((modname + "." + n, getattr(mod, n)))
        except BaseException:
            pass
def _instances():
    # Instances of the bundled modules' classes and the other built-in kinds.
    made = [0, 1.5, "s", b"b", bytearray(b"x"), [1], (1,), {1: 2}, {1}, frozenset(), range(3), slice(1), None, True,
            iter([1]), iter((1,)), iter("ab"), iter({1: 2}), iter({1}), iter(range(2)), (x for x in ()), object(), type,
            {1: 2}.keys(), {1: 2}.values(), {1: 2}.items(), enumerate([1]), zip([1]), map(abs, [1]), filter(None, [1]),
            reversed([1]), property(), staticmethod(abs), classmethod(abs), super(int, 1), len, [].append, (lambda: 1),
            ValueError("x"), NotImplemented, Ellipsis]
    makers = [
        lambda: __import__("re").compile("a(b)"),
        lambda: __import__("re").match("a", "a"),
        lambda: __import__("io").StringIO("x"),
        lambda: __import__("collections").deque([1]),
        lambda: __import__("collections").OrderedDict(a=1),
        lambda: __import__("collections").Counter("ab"),
        lambda: __import__("collections").defaultdict(list),
        lambda: __import__("collections").namedtuple("P", "x y")(1, 2),
        lambda: __import__("itertools").count(),
        lambda: __import__("itertools").chain([1]),
        lambda: __import__("functools").partial(abs, 1),
        lambda: __import__("random").Random(1),
        lambda: __import__("datetime").date(2020, 1, 1),
        lambda: __import__("datetime").timedelta(1),
        lambda: __import__("decimal").Decimal(1),
        lambda: __import__("fractions").Fraction(1, 2),
        lambda: complex(1, 2),
        lambda: __import__("pathlib").PurePath("a"),
        lambda: __import__("string").Formatter(),
    ]
    for make in makers:
        try:
            made.append(make())
        except BaseException:
            pass
    return made


samples = _instances()
for v in samples:
    t = type(v)
    for n in sorted(dir(t)):
        if n in ("__init_subclass__", "__subclasshook__", "__delattr__", "__setattr__", "__init__", "clear", "__setitem__", "__delitem__", "write", "close", "truncate", "seek"):
            continue
        try:
            targets.append((t.__name__ + "." + n, getattr(t, n)))
            targets.append((t.__name__ + ".bound." + n, getattr(v, n)))
        except BaseException:
            pass
argsets = ((), (None,), (1,), ("x",), (None, None), ([], {}), (1, 2, 3, 4, 5))
# Keywords too, with too few positional arguments.
kwsets = ({}, {"x": 1}, {"key": None}, {"start": "a"})
for name, fn in targets:
    if name in skip or not callable(fn):
        continue
    for args, kw in [(a, k) for a in argsets for k in kwsets if not k or len(a) < 2]:
        sys.stdout.write(name + " " + repr(args) + " " + repr(kw) + "\n")
        sys.stdout.flush()
        try:
            r = fn(*args, **kw)
            if hasattr(r, "__next__") and not isinstance(r, type):
                try:
                    next(r)
                except BaseException:
                    pass
        except BaseException:
            pass
print("DONE")
