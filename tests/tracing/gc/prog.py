# Collections seen through gc__start/gc__done, and instances freed by the
# collector through the instance probes. Section marks are audit events.
import gc
import sys


def start():
    # CPython's Lib/test/dtracedata/gc.py: expected 0/0, 1/0, 2/0, 2/1.
    gc.collect(0)
    gc.collect(1)
    gc.collect(2)
    l = []
    l.append(l)
    del l
    gc.collect(2)


gc.collect()
sys.audit("step.cpython")
start()

sys.audit("step.automatic")
# 750 new lists pass the threshold (700) once: one young collection,
# which finds nothing (every list is still referenced).
keep = [[] for _ in range(750)]
sys.audit("step.automatic-done")
del keep
gc.collect()


class Node:
    def __init__(self, name):
        self.name = name


class Finalized:
    def __del__(self):
        sys.audit("del.Finalized")


sys.audit("step.instance-cycle")
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
sys.audit("collect")
print("collected", gc.collect())

sys.audit("step.finalizer-cycle")
# Clearing f (its dict, as CPython's delete_garbage clears the first of the
# garbage) frees the leaf; then f itself dies.
f = Finalized()
f.me = f
f.leaf = Node("leaf")
del f
sys.audit("collect")
print("collected", gc.collect())
sys.audit("step.end")
