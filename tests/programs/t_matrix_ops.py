def zeros(n, m):
    return [[0] * m for _ in range(n)]
def mul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def transpose(a):
    return [list(r) for r in zip(*a)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(len(m)))
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(mul(a, b), transpose(a), det(a), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
z = zeros(2, 3)
z[0][1] = 5
print(z)
identity = [[int(i == j) for j in range(3)] for i in range(3)]
print(identity, mul(identity, [[1], [2], [3]]))
spiral = []
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
while m:
    spiral += m.pop(0)
    m = [list(r) for r in zip(*m)][::-1]
print(spiral)
