a = [1, 2, 3]
a.extend(range(2))
a.extend("xy")
a.insert(-100, "start")
print(a, a.count(1), a.index("x"))
b = a[:]
b.reverse()
print(b == a[::-1], a.pop(-2), a)
nums = [5, 3, 8]
nums.sort(reverse=True)
print(nums, sorted(nums) is nums, nums.copy() == nums)
e = []
e.append(e)
print(e, len(e))
f = [[]] * 2
f[0].append(1)
print(f)
print([1, 2] * 2, 2 * [0], [] * 5, [None] * 3)
g = list(range(5))
g[1:4] = "ab"
print(g)
del g[:]
print(g, [0] + [], list() == [])
