import mypkg
print(mypkg.VERSION, mypkg.helper(3))
import mypkg.util
print(mypkg.util.public)
from mypkg.util import helper, public
print(helper("x"), public)
from mypkg.sub.deep import VALUE, who
print(VALUE, who())
import mypkg.sub.deep as d
print(d.VALUE, d.sibling.NAME)
from mypkg.sub import sibling
print(sibling.NAME)
import sys
print("mypkg" in sys.modules, "mypkg.sub.deep" in sys.modules, type(sys.modules["mypkg"]).__name__)
import mypkg as again
print(again is mypkg)
from mypkg.util import *
print(public)
try:
    from mypkg.util import nothing
except ImportError as e:
    print("ImportError:", type(e).__name__)
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
import math, time as t
print(math.sqrt(16), type(t.time()).__name__)
print(__name__)
