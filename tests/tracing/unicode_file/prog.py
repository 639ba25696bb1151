# A function in a module whose file name is not ASCII: the probes carry the
# UTF-8 path intact.
import café_mod

café_mod.größe()
