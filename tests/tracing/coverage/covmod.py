# Imported by prog.py: its body runs as a frame of its own, and its
# module-level __getattr__ answers `from covmod import later`.
x = 1


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return 2
