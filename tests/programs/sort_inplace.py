# Sorting lists of only ints or only strs without a key: sorted in place,
# stable, reverse keeping equal items in their original order.
import random

random.seed(5)
ints = [random.randrange(-50, 50) for _ in range(200)]
print(sorted(ints)[:10], sorted(ints, reverse=True)[:10])
big = [2**62, -2**62, 0, 5, -5, 2**62 - 1]
print(sorted(big), sorted(big, reverse=True))
words = ["b" + "a" * (i % 3) for i in range(9)] + ["é", "z", "", "Z", "ab"]
print(sorted(words), sorted(words, reverse=True))

# Equal strings that are distinct objects keep their order (identity shows it).
a1 = "".join(["x", "y"])
a2 = "".join(["x", "y"])
b = "w"
s = sorted([a2, b, a1])
print(s, s[1] is a2, s[2] is a1)
r = sorted([a2, b, a1], reverse=True)
print(r, r[0] is a2, r[1] is a1)
lst = [a1, b, a2]
lst.sort(reverse=True)
print(lst[0] is a1, lst[1] is a2)

# Not all ints (bools, floats, big ints mixed in) or not all strs: the
# general path.
print(sorted([3, True, 2, False]), sorted([1, 2.5, 0, -1.5]), sorted([2**70, 1, -2**70]))
print(sorted([]), sorted([7]), sorted(["only"]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
