import sys
try:
    sys.exit("message")
except SystemExit as e:
    print("code:", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("code:", e.code)
try:
    raise SystemExit(5)
except SystemExit as e:
    print("code:", e.code)
print("exiting with message")
sys.exit("fatal: bye")
