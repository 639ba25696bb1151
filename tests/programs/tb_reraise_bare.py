def risky():
    raise ConnectionError("network down")
def wrapper():
    try:
        risky()
    except ConnectionError:
        print("logging the error")
        raise
wrapper()
