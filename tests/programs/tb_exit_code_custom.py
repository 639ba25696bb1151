import sys
print("about to fail")
sys.stdout.flush()
class Fatal(Exception):
    pass
raise Fatal("custom fatal error", 99)
