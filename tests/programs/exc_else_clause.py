for val in ["10", "x", "0"]:
    try:
        n = int(val)
        r = 10 / n
    except ValueError:
        print(val, "not a number")
    except ZeroDivisionError as e:
        print(val, "zero:", e)
    else:
        print(val, "ok", r)
    finally:
        print("checked", val)
try:
    pass
except Exception:
    print("never")
else:
    print("else runs when no exception")
def retry(n):
    attempts = 0
    while True:
        attempts += 1
        try:
            if attempts < n:
                raise ConnectionError(f"attempt {attempts}")
        except ConnectionError as e:
            print("retrying after", e)
            continue
        else:
            return attempts
print(retry(3))
import sys
try:
    raise ValueError("inspect")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())
