# Allocation-heavy: build and drop lists of small objects (no cycles), the
# collector's bookkeeping with little to collect.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def churn(rounds):
    total = 0
    for r in range(rounds):
        pts = [Point(i, r) for i in range(200)]
        pairs = [(p.x, p.y) for p in pts]
        total += len(pairs) + pts[-1].x
    return total


print(churn(2000))
