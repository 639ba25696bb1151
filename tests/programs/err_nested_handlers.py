def parse(s):
    try:
        return int(s)
    except ValueError:
        raise TypeError(f"cannot parse {s!r}")
def main():
    try:
        parse("abc")
    finally:
        print("cleanup")
main()
