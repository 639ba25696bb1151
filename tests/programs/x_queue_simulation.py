from collections import deque
import heapq
events = []
for t, job in [(0, "a"), (1, "b"), (1, "c"), (3, "d"), (4, "e")]:
    heapq.heappush(events, (t, job))
running = deque()
log = []
clock = 0
while events or running:
    while events and events[0][0] <= clock:
        t, job = heapq.heappop(events)
        running.append(job)
        log.append(f"t={clock} arrive {job}")
    if running:
        job = running.popleft()
        log.append(f"t={clock} run {job}")
    clock += 1
print("\n".join(log))
print("finished at", clock)
