# An unbound local that is the second of two loads the fast loop runs as
# one instruction: the traceback names the line of the second.
def pair():
    a = 1
    x = (a,
         b)
    b = 2
    return x


def outer():
    return [
        pair()
    ]


print("start")
outer()
