class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0]) if rows else 0
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    def __matmul__(self, other):
        return Matrix([[sum(self.rows[i][k] * other.rows[k][j] for k in range(self.m)) for j in range(other.m)] for i in range(self.n)])
    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    def __mul__(self, k):
        return Matrix([[v * k for v in r] for r in self.rows])
    __rmul__ = __mul__
    def transpose(self):
        return Matrix(list(zip(*self.rows)))
    def __eq__(self, other):
        return self.rows == other.rows
    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]
    def __str__(self):
        w = max(len(str(v)) for r in self.rows for v in r)
        return "\n".join(" ".join(str(v).rjust(w) for v in r) for r in self.rows)
a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a @ b)
print(a + b)
print(2 * a)
print(a.transpose())
print(a @ Matrix.identity(2) == a, a[1, 0])
def fib_matrix(n):
    result = Matrix.identity(2)
    base = Matrix([[1, 1], [1, 0]])
    while n:
        if n & 1:
            result = result @ base
        base = base @ base
        n >>= 1
    return result[0, 1]
print([fib_matrix(i) for i in range(10)], fib_matrix(200))
