import random
random.seed(1)
queue = []
served = []
for minute in range(20):
    if random.random() < 0.6:
        queue.append((minute, random.randint(1, 4)))
    if queue and minute % 2 == 0:
        arrived, work = queue.pop(0)
        served.append((arrived, minute, work))
print(len(served), len(queue))
print(served[:5])
waits = [start - arr for arr, start, _ in served]
print(sum(waits) / len(waits), max(waits))
