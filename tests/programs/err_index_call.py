def get(lst, i):
    return lst[i]
items = [1, 2, 3]
print(get(items, 1))
print(get(items, 10) + 1)
