# N-queens: every solution for n = 8, by recursive backtracking with sets.
def solve(n):
    solutions = []

    def place(row, cols, diag1, diag2, board):
        if row == n:
            solutions.append(tuple(board))
            return
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            board.append(c)
            place(row + 1, cols, diag1, diag2, board)
            board.pop()
            cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)

    place(0, set(), set(), set(), [])
    return solutions


for _ in range(20):
    s = solve(8)
print(len(s), s[0], s[-1])
