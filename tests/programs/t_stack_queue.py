from collections import deque
def eval_rpn(tokens):
    stack = []
    for t in tokens.split():
        if t in "+-*/":
            b, a = stack.pop(), stack.pop()
            stack.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b}[t])
        else:
            stack.append(float(t))
    return stack[0]
print(eval_rpn("3 4 + 2 *"), eval_rpn("5 1 2 + 4 * + 3 -"))
q = deque()
for i in range(5):
    q.append(i)
order = []
while q:
    x = q.popleft()
    order.append(x)
    if x == 2:
        q.append(99)
print(order)
def hot_potato(names, n):
    q = deque(names)
    while len(q) > 1:
        q.rotate(-n)
        print("out:", q.pop())
    return q[0]
print(hot_potato(["a", "b", "c", "d", "e"], 3))
