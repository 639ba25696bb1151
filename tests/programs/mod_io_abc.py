import io, sys
from collections.abc import Iterable, Iterator, Sequence, Mapping, Callable, Sized, Hashable, MutableMapping, Generator
buf = io.StringIO()
buf.write("hello ")
print("world", file=buf)
print(repr(buf.getvalue()))
old = sys.stdout
sys.stdout = io.StringIO()
print("captured line")
captured = sys.stdout.getvalue()
sys.stdout = old
print("got:", repr(captured))
r = io.StringIO("a\nb\nc")
print(r.readline(), r.read(), list(io.StringIO("x\ny\n")))
b = io.BytesIO()
b.write(b"bytes!")
print(b.getvalue())
def gen():
    yield 1
class Custom:
    def __iter__(self):
        return iter([])
    def __len__(self):
        return 0
for obj in [[], (), "s", {}, set(), 5, gen(), iter([]), Custom(), len, None]:
    print(type(obj).__name__, isinstance(obj, Iterable), isinstance(obj, Iterator), isinstance(obj, Sequence), isinstance(obj, Mapping), isinstance(obj, Callable), isinstance(obj, Sized))
print(issubclass(list, Sequence), issubclass(dict, MutableMapping), issubclass(int, Iterable), isinstance(gen(), Generator), isinstance([], Hashable))
