# A TypeError from a fused CompareOp+PopJumpIfFalse: the caret spans the
# comparison.
def pick(a, b):
    if a < b:
        return a
    return b


print(pick(1, 2), pick(2.5, 1.5), pick("b", "a"))
pick(1, "x")
