# Deep recursion ending in RecursionError: entries and returns still balance.
# Non-ASCII function and class names come through intact.
def dive(n):
    return dive(n + 1)

try:
    dive(0)
except RecursionError:
    pass

class Größe:
    def maß(self):
        return "ü"

Größe().maß()
