# Signed and inverted number literals are folded into constants (as
# CPython's AST optimizer does): values, -0.0, big ints, nesting.
x = 2 * 3
y = -1.5
z = -x
print(x, y, z, -(-5), ~3, +2.5, -0.0, -(-0.0), ~-1, -~1, - - - 7, -True, +False, ~True)
print(-9223372036854775808, -9223372036854775809, ~(2**70), -(10**30), -1e308 * 10, 1/-0.0 if False else 0)
print(-(1), -(
    2), [-1, -2.0, -3][-1], {-1: -1}, (-1).bit_length(), -0.0 == 0.0, str(-0.0))
