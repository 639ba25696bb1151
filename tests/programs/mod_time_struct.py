import time
t = time.gmtime(1700000000)
print(t, t.tm_year, t[0:3], time.strftime("%Y-%m-%d %H:%M:%S %A %j", t), time.asctime(t))
print(time.gmtime(0), time.strftime("%a, %d %b %Y", time.gmtime(951782400)), time.strftime("%I:%M %p", time.gmtime(45000)))
print(type(time.time()).__name__, time.time() > 1.7e9, type(time.gmtime()).__name__, len(time.gmtime()))
