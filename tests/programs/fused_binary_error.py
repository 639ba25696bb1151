# A TypeError from a fused BinaryOp+StoreFast: the caret spans the operation.
def area(w, h):
    a = w * h
    return a


print(area(2, 3), area(1.5, 2))
area("w", "h")
