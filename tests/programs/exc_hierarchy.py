def classify(e):
    for cls in (ZeroDivisionError, ArithmeticError, KeyError, IndexError, LookupError, UnicodeError, ValueError, OSError, Exception, BaseException):
        if isinstance(e, cls):
            return cls.__name__
errors = [ZeroDivisionError(), OverflowError(), KeyError(), IndexError(), UnicodeDecodeError("utf-8", b"", 0, 1, "x") if False else UnicodeError(), ValueError(), FileNotFoundError(), PermissionError(), TypeError(), KeyboardInterrupt(), SystemExit(), GeneratorExit(), RecursionError(), NotImplementedError(), ModuleNotFoundError(), StopIteration(), AssertionError(), AttributeError(), NameError(), UnboundLocalError(), TimeoutError(), IsADirectoryError()]
for e in errors:
    print(type(e).__name__, "->", classify(e), [c.__name__ for c in type(e).__mro__[1:-1]])
class AppError(Exception):
    def __str__(self):
        return "app failed: " + ", ".join(map(str, self.args))
print(str(AppError(1, 2)), repr(AppError(1, 2)), AppError().args)
try:
    raise AppError("x")
except Exception as e:
    print(e)
e = Exception("a", "b")
print(e.args, str(e), repr(e))
print(repr(ValueError()), str(ValueError("msg")), repr(OSError(2, "No such file")))
print(str(OSError(2, "No such file")), str(OSError("plain")), str(KeyError("k")), str(KeyError(1, 2)))
