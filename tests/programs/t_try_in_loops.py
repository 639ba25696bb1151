results = []
for v in ["1", "two", "3", None, "4.5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
    except TypeError:
        results.append("none")
print(results)
total = 0
for i in range(5):
    try:
        if i == 3:
            raise RuntimeError
        total += i
    except RuntimeError:
        continue
    finally:
        total += 100
print(total)
def first_valid(items):
    for it in items:
        try:
            return 10 / it
        except ZeroDivisionError:
            pass
    return None
print(first_valid([0, 0, 4]), first_valid([0]))
