def helper(x):
    return f"helped {x}"
_private = 1
public = 2
