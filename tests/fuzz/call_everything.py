import sys
# Every public callable of the bundled and built-in modules, and every
# method of the built-in types (through the type and bound), called with
# argument lists of the wrong count and type: each call must end in a
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
samples = [0, 1.5, "s", b"b", bytearray(b"x"), [1], (1,), {1: 2}, {1}, frozenset(), range(3), slice(1), None, True, iter([1]), (x for x in ()), object(), type]
for v in samples:
    t = type(v)
    for n in sorted(dir(t)):
        if n in ("__init_subclass__", "__subclasshook__", "__delattr__", "__setattr__", "__init__", "clear", "__setitem__", "__delitem__"):
            continue
        try:
            targets.append((t.__name__ + "." + n, getattr(t, n)))
            targets.append((t.__name__ + ".bound." + n, getattr(v, n)))
        except BaseException:
            pass
argsets = ((), (None,), (1,), ("x",), (None, None), ([], {}), (1, 2, 3, 4, 5))
for name, fn in targets:
    if name in skip or not callable(fn):
        continue
    for args in argsets:
        sys.stdout.write(name + " " + repr(args) + "\n")
        sys.stdout.flush()
        try:
            r = fn(*args)
            if hasattr(r, "__next__") and not isinstance(r, type):
                try:
                    next(r)
                except BaseException:
                    pass
        except BaseException:
            pass
print("DONE")
