lst = [3, 1, 4, 1, 5, 9, 2, 6]
lst.append(5)
lst.extend([3, 5])
lst.insert(0, 0)
lst.insert(-1, 99)
lst.insert(100, 100)
print(lst, len(lst))
print(lst.pop(), lst.pop(0), lst.pop(2), lst)
lst.remove(1)
print(lst, lst.index(5), lst.count(5), lst.index(5, 5))
lst.sort()
print(lst)
lst.sort(reverse=True)
print(lst)
lst.reverse()
print(lst)
words = ["banana", "Apple", "cherry", "date"]
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
c = lst.copy()
c.clear()
print(c, lst[:3])
print(lst[::3], lst[-3:], lst[2:-2], lst[::-2], lst[5:1:-1], lst[100:], lst[-100:2])
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b, a == [1, 2, 3, 4], a < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
print([1, [2, [3]]], [[]] * 3, [0] * 0)
m = [[0] * 2] * 2
m[0][0] = 1
print(m)
x = list(range(10))
del x[::2]
print(x)
x[1:3] = []
print(x)
x[:0] = [-1, -2]
print(x)
print(sorted([[2, 1], [1, 2], [1, 1]]), [1, 2] + [3], [1] * 3, 3 in [1, 2, 3], 4 not in [1, 2])
nums = [5, 2, 8, 1]
print(max(nums), min(nums), sum(nums), sorted(nums), nums)
stack = []
stack.append(1); stack.append(2)
print(stack.pop(), stack)
print(list(reversed(nums)), nums[::-1] == list(reversed(nums)))
print([1, 2, 3].__len__(), [4, 5].__getitem__(1), [].__class__.__name__)
q = [1, 2, 3, 4, 5, 6]
q[1::2] = ["a", "b", "c"]
print(q)
print(list(map(list, zip(*[[1, 2], [3, 4], [5, 6]]))))
e = []
e += "ab"
e += (1,)
print(e)
print(sorted([3.5, 1, 2.25, -1]), sorted(["b", "a"]) + sorted([2, 1]))
