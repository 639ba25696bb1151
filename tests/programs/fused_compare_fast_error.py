# Errors inside the fused LoadFast/LoadConst + operation forms: the caret
# spans the operation, as the unfused instructions report it.
def ratio(a, b):
    if b < 1:
        return a / b
    return a % b


print(ratio(7, 2), ratio(1.5, 0.5))
try:
    ratio(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
ratio(1, "x")
