# A Richards-style OO scheduler: tasks with priorities passing packets
# through a queue, virtual dispatch on every step.
class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0


class Task:
    def __init__(self, ident, priority, scheduler):
        self.ident = ident
        self.priority = priority
        self.scheduler = scheduler
        self.queue = []
        self.runs = 0

    def enqueue(self, packet):
        self.queue.append(packet)

    def ready(self):
        return bool(self.queue)

    def run(self):
        self.runs += 1
        packet = self.queue.pop(0)
        return self.handle(packet)

    def handle(self, packet):
        raise NotImplementedError


class Worker(Task):
    def handle(self, packet):
        packet.datum = (packet.datum * 31 + self.ident) % 1009
        target = self.scheduler.tasks[(self.ident + packet.datum) % len(self.scheduler.tasks)]
        target.enqueue(packet)
        return packet.datum


class Counter(Task):
    def __init__(self, ident, priority, scheduler):
        super().__init__(ident, priority, scheduler)
        self.total = 0

    def handle(self, packet):
        self.total += packet.datum
        self.scheduler.tasks[packet.ident % 3].enqueue(packet)
        return self.total


class Scheduler:
    def __init__(self):
        self.tasks = []
        self.steps = 0

    def add(self, task):
        self.tasks.append(task)

    def schedule(self, limit):
        while self.steps < limit:
            best = None
            for t in self.tasks:
                if t.ready() and (best is None or t.priority > best.priority):
                    best = t
            if best is None:
                break
            best.run()
            self.steps += 1
        return self.steps


s = Scheduler()
for i in range(6):
    s.add(Worker(i, i % 4, s))
s.add(Counter(6, 5, s))
for i in range(40):
    s.tasks[i % 7].enqueue(Packet(None, i, i % 3))
print(s.schedule(60_000), [t.runs for t in s.tasks], s.tasks[6].total)
