# Imports (found and not found), sys.audit, instance creation (non-ASCII
# class name) and compiling strings.
import sys
import math

class Café:
    def __init__(self):
        self.n = 1

c = Café()
sys.audit("sonde.test", 1, "two", [3])
try:
    import no_such_module_here
except ImportError:
    pass
exec("x = 1")
try:
    compile("def (", "<bad>", "exec")
except SyntaxError:
    pass
