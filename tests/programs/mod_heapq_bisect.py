import heapq, bisect
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h, heapq.heappop(h), heapq.heappop(h), h)
data = [9, 4, 7, 1, 8]
heapq.heapify(data)
print(data, heapq.nsmallest(2, [4, 1, 3]), heapq.nlargest(2, [4, 1, 3]))
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "read"))
heapq.heappush(tasks, (3, "exit"))
print([heapq.heappop(tasks)[1] for _ in range(3)])
a = [1, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4), bisect.bisect_left(a, 0))
bisect.insort(a, 4)
bisect.insort_left(a, 3)
print(a)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90]])
