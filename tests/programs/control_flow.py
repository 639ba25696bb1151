for i in range(3):
    if i == 0:
        print("zero")
    elif i == 1:
        print("one")
    else:
        print("other")
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    if n == 4:
        break
    print("n", n)
else:
    print("no break")
for x in []:
    pass
else:
    print("for-else ran")
for x in range(10):
    if x == 3:
        break
else:
    print("never")
print("x is", x)
i = 0
while True:
    i += 1
    if i > 3:
        break
print(i)
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        if b > 1:
            break
        print(a, b)
print("done" if n else "none", "yes" if not [] else "no")
v = 5
print(1 < v < 10, 1 < v > 10, v == 5 == 5.0, 0 <= v <= 4)
print(0 or "default", "" and "x", None or 0 or [] or "last", 1 and 2 and 3)
result = []
for i in range(20):
    if i % 2: continue
    if i > 10: break
    result.append(i)
print(result)
k = 10
while k:
    k -= 3
    if k < 0:
        break
else:
    print("while else")
print(k)
