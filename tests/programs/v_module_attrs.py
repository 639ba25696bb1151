import math, sys
print(math.__name__, sys.__name__, type(math).__name__, "sqrt" in dir(math), hasattr(math, "tau"))
import mypkg.util as u
print(u.__name__, u.__package__, u.__file__.endswith("util.py"), sorted(k for k in vars(u) if not k.startswith("__")))
print(mypkg.sub.deep.VALUE if False else "skip")
