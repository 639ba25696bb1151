def winner(b):
    lines = [b[0:3], b[3:6], b[6:9], b[0::3], b[1::3], b[2::3], b[0::4], b[2:7:2]]
    for l in lines:
        if l[0] != "." and l.count(l[0]) == 3:
            return l[0]
    return None
def minimax(b, player):
    w = winner(b)
    if w:
        return (1 if w == "X" else -1), None
    if "." not in b:
        return 0, None
    best = None
    for i, c in enumerate(b):
        if c == ".":
            nb = b[:i] + player + b[i + 1:]
            score, _ = minimax(nb, "O" if player == "X" else "X")
            if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
                best = (score, i)
    return best
board = "XO.X.O..."
print(minimax(board, "X"))
for r in range(3):
    print(" ".join(board[r * 3:r * 3 + 3]))
