# Star-imported by prog.py: its body runs as a frame of its own.
starred = 1
