# An augmented list-item assignment that fails at the store (a tuple
# item) after the fused read and add: the traceback points at the store.
def bump(seq, i, x):
    seq[i] += x
    return seq


print(bump([1, 2], 1, 3))
print(bump((1, 2), 1, 3))
