# A package: its __init__ runs first.
name = "pkg"
