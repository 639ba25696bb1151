# An AttributeError from a fused LoadFast+LoadAttr: the caret spans the
# attribute access, not just the local.
class P:
    x = 1


def total(items):
    t = 0
    for p in items:
        t = t + p.x + p.y
    return t


print(total([]))
total([P()])
