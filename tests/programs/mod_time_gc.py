import time, gc
t0 = time.time()
p0 = time.perf_counter()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.005, type(time.monotonic()).__name__)
print(gc.isenabled(), gc.get_threshold(), type(gc.collect()).__name__)
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.collect(0) >= 0)


