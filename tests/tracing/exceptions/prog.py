# Exceptions raised by `raise` and by the runtime, caught by typed, tuple and
# bare except clauses, one unwinding through a frame, one re-raised.
def inner():
    raise KeyError("k")

def middle():
    inner()

try:
    middle()
except KeyError:
    pass

try:
    int("x")
except (TypeError, ValueError) as e:
    pass

try:
    1 / 0
except:
    pass

try:
    try:
        [][1]
    except IndexError:
        raise
except LookupError:
    pass

try:
    {}["missing"]
except ValueError:
    pass
except KeyError:
    pass
