# Importing a package and its submodule: an import event per module, found
# or not, and each module body runs as its own frame.
import pkg.sub
from pkg import helper

pkg.sub.run()
try:
    import pkg.missing
except ImportError:
    pass
