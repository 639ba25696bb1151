# Imported by prog.py: its module body runs as a frame of its own.
def twice(f, x):
    return f(f(x))

VALUE = twice(lambda v: v + 1, 40)
