# Collections at nearly every safe point (threshold 1) while cycles are
# built and dropped in loops, generators, exceptions, closures, classes and
# imports. Only deterministic results are printed; everything must still be
# alive where the program uses it.
import gc
import sys

gc.set_threshold(1, 1, 1)
deaths = []


class Node:
    def __init__(self, n):
        self.n = n
        self.peer = self


class Mortal:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        deaths.append(self.n)


def loops(n):
    total = 0
    for i in range(n):
        a = Node(i)
        b = Node(i + 1)
        a.peer, b.peer = b, a
        box = [a, b, {"a": a}]
        box.append(box)
        total += box[0].peer.n
    return total


def gen_cycles(n):
    def g(box):
        try:
            for i in range(3):
                box.append(i)
                yield i
        finally:
            box.append("closed")
    out = []
    for i in range(n):
        box = []
        it = g(box)
        box.append(it)
        out.append(next(it))
    return sum(out), len(out)


class Boom(Exception):
    pass


def exc_cycles(n):
    caught = 0
    for i in range(n):
        holder = Node(i)
        try:
            try:
                raise Boom(holder)
            except Boom as e:
                holder.err = e
                raise ValueError("again") from e
        except ValueError as e2:
            holder.err2 = e2
            caught += isinstance(e2.__cause__, Boom)
    return caught


def closures(n):
    fs = []
    for i in range(n):
        def f(k=i):
            return f, k
        fs.append(f()[1])
    return sum(fs)


def classes(n):
    made = []
    for i in range(n):
        class C:
            def me(self):
                return C
        made.append(C().me().__name__)
    return len(made), made[-1]


def finalizers(n):
    for i in range(n):
        Mortal(i)
    gc.collect()
    return sorted(deaths) == list(range(n)), len(deaths)


def live_data(n):
    # Data held only by frames and value stacks while collections run.
    acc = {}
    for i in range(n):
        acc[i] = [Node(j) for j in range(3)]
        acc[i][0].peer = acc
    return sum(len(v) for v in acc.values()), acc[n - 1][0].peer is acc


print(loops(300))
print(gen_cycles(100))
print(exc_cycles(100))
print(closures(100))
print(classes(50))
print(finalizers(100))
print(live_data(100))

import gc_stress_mod
print(gc_stress_mod.fill(50), len(gc_stress_mod.me))
del sys.modules["gc_stress_mod"]
del gc_stress_mod
import gc_stress_mod as again
print(again.fill(10), again.registry[0].owner() is again.registry)

gc.set_threshold(700, 10, 10)
print(gc.collect() >= 0, gc.garbage)
