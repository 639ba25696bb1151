# Instruction pairs the untraced loop runs fused (LoadFast+LoadAttr,
# LoadFast+LoadMethod, LoadFast+LoadFast, LoadFast+LoadConst,
# CompareOp+PopJumpIfFalse): every error either half can raise, with the
# traceback pointing at the right instruction.


class P:
    def __init__(self):
        self.x = 1

    def m(self):
        return "m"

    @property
    def bad(self):
        raise KeyError("from property")


def show(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__ + ":", e)


def attr_ok():
    p = P()
    return p.x + p.x, p.m()


def attr_missing():
    p = P()
    return p.nope


def attr_raises():
    p = P()
    return p.bad


def unbound_attr():
    if False:
        p = 1
    return p.x


def unbound_method():
    if False:
        p = 1
    return p.m()


def unbound_first_of_pair():
    b = 2
    if False:
        a = 1
    return a + b


def unbound_second_of_pair():
    a = 1
    if False:
        b = 2
    return a + b


def unbound_before_const():
    if False:
        a = 1
    return a + 1


def deleted_local():
    a = P()
    del a
    return a.x


class Cmp:
    def __init__(self, r):
        self.r = r

    def __lt__(self, other):
        if self.r is None:
            raise ValueError("no order")
        return self.r


class NoBool:
    def __bool__(self):
        raise RuntimeError("no truth")


def compare_branches():
    out = []
    for a, b in [(1, 2), (2, 1), (1.5, 2.5), ("a", "b"), (Cmp(True), 0), (Cmp(False), 0), (Cmp(0), 0), (Cmp([1]), 0)]:
        if a < b:
            out.append("lt")
        else:
            out.append("ge")
    return out


def compare_raises():
    a = Cmp(None)
    if a < 1:
        return "yes"
    return "no"


def compare_result_no_bool():
    a = Cmp(NoBool())
    if a < 1:
        return "yes"
    return "no"


def compare_type_error():
    a = 1
    b = "x"
    if a < b:
        return "yes"


def method_missing():
    p = P()
    return p.nothing()


def jump_into_pair(n):
    # The loop's back edge and the while test land between fused pairs.
    i = 0
    t = 0
    while i < n:
        t = t + i
        i = i + 1
    return t


class Slotted:
    __slots__ = ("a",)


class Frozen:
    def __setattr__(self, name, value):
        raise AttributeError("frozen: " + name)


def store_ok():
    p = P()
    v = 5
    p.y = v
    p.x = p.x + v
    return p.x, p.y


def store_unbound():
    v = 1
    if False:
        p = P()
    p.y = v


def store_property():
    p = P()
    p.bad = 1


def store_slots():
    s = Slotted()
    s.a = 1
    s.b = 2


def store_frozen():
    f = Frozen()
    f.z = 3


class Noisy:
    def __init__(self, name):
        self.name = name

    def __add__(self, other):
        return Noisy(self.name + "+" + str(other))

    def __iadd__(self, other):
        self.name += "+=" + str(other)
        return self

    def __del__(self):
        print("del", self.name)


def binary_store():
    a = 1
    b = 2.5
    c = a + b
    c = c * 2
    n = Noisy("n")
    n = n + 1
    print("after store")
    n += 2
    print("after inplace store", n.name)
    s = "x"
    s += "y"
    return c, s


def binary_store_error():
    a = 1
    b = "x"
    c = a + b
    return c


def inplace_store_error():
    a = [1]
    a += 5
    return a


def arith_fast_and_slow():
    out = []
    big = 2**62
    for a, b in [(3, 4), (big, big), (-big, big), (2.5, 2), (2, 0.5), ("a", "b"), ([1], [2]), (True, 2), (7, -2)]:
        out.append((a + b, a * b if not isinstance(a, (list, str)) else None))
    x = 9
    out.append((x - 1, x // 2, x % 4, x ** 2, x / 2, x << 3, x & 3, x - 1.5, x * 2**63))
    f = 1.5
    out.append((f + 1, f * 2, f - 0.25, f / 2, f // 1, f % 1, f ** 2))
    return out


def compare_fast_and_slow():
    nan = float("nan")
    out = []
    for a, b in [(1, 2), (2, 1), (2, 2), (1.0, 2.0), (nan, nan), (1, 2.0), (2.0, 1), ("a", "b"), (2**70, 1), (None, None)]:
        if a is None:
            out.append("skip")
            continue
        row = []
        if a < b:
            row.append("<")
        if a <= b:
            row.append("<=")
        if a == b:
            row.append("==")
        if a != b:
            row.append("!=")
        if a > b:
            row.append(">")
        if a >= b:
            row.append(">=")
        out.append("".join(row))
    k = 5
    if k < 10:
        out.append("k<10")
    if k == 5.0:
        out.append("k==5.0")
    if k > 2**64:
        out.append("huge")
    return out


def div_zero_fast():
    a = 1
    b = 0
    return a / b


def div_zero_const():
    a = 1.5
    return a % 0


def unbound_in_binary_first():
    b = 1
    if False:
        a = 1
    return a * b


def unbound_in_binary_second():
    a = 1
    if False:
        b = 1
    return a * b


def unbound_in_compare():
    if False:
        a = 1
    if a < 3:
        return 1


def compare_none_fast():
    a = None
    b = 1
    if a < b:
        return 1


for fn in [arith_fast_and_slow, compare_fast_and_slow, div_zero_fast, div_zero_const, unbound_in_binary_first,
           unbound_in_binary_second, unbound_in_compare, compare_none_fast]:
    show(fn)

for fn in [store_ok, store_unbound, store_property, store_slots, store_frozen, binary_store, binary_store_error,
           inplace_store_error]:
    show(fn)

for fn in [attr_ok, attr_missing, attr_raises, unbound_attr, unbound_method, unbound_first_of_pair,
           unbound_second_of_pair, unbound_before_const, deleted_local, compare_branches, compare_raises,
           compare_result_no_bool, compare_type_error, method_missing, lambda: jump_into_pair(10)]:
    show(fn)

# The traceback of an error in a pair's second half points at that half.
unbound_second_of_pair()
