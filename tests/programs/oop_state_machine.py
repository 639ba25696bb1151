class State:
    def on(self, event):
        return self
    def __repr__(self):
        return type(self).__name__
class Idle(State):
    def on(self, event):
        return Running() if event == "start" else self
class Running(State):
    def on(self, event):
        if event == "pause":
            return Paused()
        if event == "stop":
            return Idle()
        return self
class Paused(State):
    def on(self, event):
        return {"resume": Running(), "stop": Idle()}.get(event, self)
s = Idle()
trace = [s]
for ev in ["start", "pause", "bogus", "resume", "stop", "stop"]:
    s = s.on(ev)
    trace.append(s)
print(trace)
class EventBus:
    def __init__(self):
        self.handlers = {}
    def subscribe(self, name, fn):
        self.handlers.setdefault(name, []).append(fn)
        return fn
    def emit(self, name, *args):
        return [h(*args) for h in self.handlers.get(name, [])]
bus = EventBus()
bus.subscribe("greet", lambda n: f"hello {n}")
@lambda f: bus.subscribe("greet", f)
def shout(n):
    return f"HEY {n.upper()}"
print(bus.emit("greet", "sam"), bus.emit("missing"))
