def binary_search(a, x):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
a = list(range(0, 100, 3))
print([binary_search(a, x) for x in (0, 3, 50, 51, 99, 100)])
graph = {"A": ["B", "C"], "B": ["D"], "C": ["D", "E"], "D": ["F"], "E": ["F"], "F": []}
def bfs(start, goal):
    from collections import deque
    q = deque([[start]])
    seen = {start}
    while q:
        path = q.popleft()
        if path[-1] == goal:
            return path
        for n in graph[path[-1]]:
            if n not in seen:
                seen.add(n)
                q.append(path + [n])
def dfs(node, visited=None):
    visited = visited if visited is not None else []
    visited.append(node)
    for n in graph[node]:
        if n not in visited:
            dfs(n, visited)
    return visited
print(bfs("A", "F"), dfs("A"))
import heapq
def dijkstra(edges, src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in edges.get(u, []):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dist
edges = {"s": [("a", 4), ("b", 1)], "b": [("a", 2), ("c", 5)], "a": [("c", 1)]}
print(sorted(dijkstra(edges, "s").items()))
def topo(deps):
    order, temp, done = [], set(), set()
    def visit(n):
        if n in done:
            return
        if n in temp:
            raise ValueError("cycle at " + n)
        temp.add(n)
        for m in deps.get(n, []):
            visit(m)
        temp.discard(n)
        done.add(n)
        order.append(n)
    for n in sorted(deps):
        visit(n)
    return order
print(topo({"app": ["lib", "util"], "lib": ["util"], "util": []}))
try:
    topo({"a": ["b"], "b": ["a"]})
except ValueError as e:
    print("ValueError:", e)
