try:
    [].pop()
except IndexError:
    x = undefined + 1
