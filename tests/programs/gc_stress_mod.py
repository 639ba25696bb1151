# Imported (and re-imported) by gc_stress.py: module-level cycles, and a
# class whose methods refer back to the module through their globals.
import gc

registry = []


class Entry:
    def __init__(self, n):
        self.n = n
        self.registry = registry
        registry.append(self)

    def owner(self):
        return registry


def fill(n):
    for i in range(n):
        Entry(i)
    return len(registry)


me = [registry]
me.append(me)
