def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
def eval_A_times_u(u):
    return [sum(eval_A(i, j) * u_j for j, u_j in enumerate(u)) for i in range(len(u))]
def eval_At_times_u(u):
    return [sum(eval_A(j, i) * u_j for j, u_j in enumerate(u)) for i in range(len(u))]
def main(n):
    u = [1] * n
    for _ in range(10):
        v = eval_At_times_u(eval_A_times_u(u))
        u = eval_At_times_u(eval_A_times_u(v))
    vBv = sum(ue * ve for ue, ve in zip(u, v))
    vv = sum(ve * ve for ve in v)
    print("%0.9f" % ((vBv / vv) ** 0.5))
main(100)
def fannkuch(n):
    maxFlipsCount = 0
    permSign = True
    checksum = 0
    perm1 = list(range(n))
    count = perm1[:]
    rxrange = range(2, n - 1)
    nm = n - 1
    while 1:
        k = perm1[0]
        if k:
            perm = perm1[:]
            flipsCount = 1
            kk = perm[k]
            while kk:
                perm[:k + 1] = perm[k::-1]
                flipsCount += 1
                k = kk
                kk = perm[kk]
            if maxFlipsCount < flipsCount:
                maxFlipsCount = flipsCount
            checksum += flipsCount if permSign else -flipsCount
        if permSign:
            perm1[0], perm1[1] = perm1[1], perm1[0]
            permSign = False
        else:
            perm1[1], perm1[2] = perm1[2], perm1[1]
            permSign = True
            for r in rxrange:
                if count[r]:
                    break
                count[r] = r
                perm0 = perm1[0]
                perm1[:r + 1] = perm1[1:r + 2]
                perm1[r + 1] = perm0
            else:
                r = nm
                if not count[r]:
                    print(checksum)
                    return maxFlipsCount
            count[r] -= 1
print(fannkuch(7))
class Task:
    def __init__(self, name, prio, work):
        self.name, self.prio, self.work = name, prio, work
    def run(self):
        self.work -= 1
        return self.work > 0
tasks = [Task(f"t{i}", i % 3, i + 2) for i in range(6)]
order = []
while tasks:
    tasks.sort(key=lambda t: (-t.prio, t.name))
    t = tasks.pop(0)
    order.append(t.name)
    if t.run():
        t.prio -= 1
        tasks.append(t)
print(" ".join(order))
