def solve_queens(n):
    solutions = []
    cols = [0] * n
    def place(row, used_cols, d1, d2):
        if row == n:
            solutions.append(cols[:])
            return
        for c in range(n):
            if c in used_cols or (row - c) in d1 or (row + c) in d2:
                continue
            cols[row] = c
            place(row + 1, used_cols | {c}, d1 | {row - c}, d2 | {row + c})
    place(0, frozenset(), frozenset(), frozenset())
    return solutions
sols = solve_queens(6)
print(len(sols), sols[0])
for row in sols[0]:
    print("".join("Q" if c == row else "." for c in range(6)))
print(len(solve_queens(8)))
def sudoku_cell_options(grid, r, c):
    used = set(grid[r]) | {grid[i][c] for i in range(4)}
    br, bc = r // 2 * 2, c // 2 * 2
    used |= {grid[i][j] for i in range(br, br + 2) for j in range(bc, bc + 2)}
    return [v for v in range(1, 5) if v not in used]
def solve(grid):
    for r in range(4):
        for c in range(4):
            if grid[r][c] == 0:
                for v in sudoku_cell_options(grid, r, c):
                    grid[r][c] = v
                    if solve(grid):
                        return True
                grid[r][c] = 0
                return False
    return True
g = [[1, 0, 0, 0], [0, 0, 3, 0], [0, 4, 0, 0], [0, 0, 0, 2]]
print(solve(g), g)
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
m = hanoi(5, "A", "B", "C", [])
print(len(m), m[:4])
memo = {}
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    if (n, k) not in memo:
        memo[(n, k)] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[(n, k)]
print(partitions(50, 50), partitions(100, 100))
