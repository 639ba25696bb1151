try:
    {}["x"]
except KeyError:
    raise LookupError("clean") from None
