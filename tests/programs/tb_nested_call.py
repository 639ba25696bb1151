def divide(a, b):
    return a / b
def outer():
    result = divide(1, 0)
    return result
outer()
