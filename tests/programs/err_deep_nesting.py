x = []
for i in range(100000):
    x = [x]
try:
    print(len(repr(x)))
except RecursionError as e:
    print("RecursionError:", e)
y = []
for i in range(100000):
    y = [y]
try:
    print(x == y)
except RecursionError as e:
    print("RecursionError:", e)
print("done")
