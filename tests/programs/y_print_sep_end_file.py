import sys
print("a", "b", "c", sep="")
print("x", "y", sep="\n")
for i in range(3):
    print(i, end=" ")
print()
print("tab", "separated", sep="\t")
print(1, 2, 3, sep=", ", end=".\n")
print(file=sys.stdout)
print("to stdout", file=sys.stdout)
lines = ["one", "two"]
print(*lines, sep="\n")
print("%d%%" % 50, "100%")
