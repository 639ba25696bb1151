"""copy for sonde."""


class Error(Exception):
    pass


def copy(x):
    cls = type(x)
    if cls in (int, float, bool, str, tuple, bytes, frozenset, type, range, type(None)):
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if cls is bytearray:
        return bytearray(x)
    if hasattr(x, "__copy__"):
        return x.__copy__()
    y = object.__new__(cls)
    if hasattr(x, "__dict__"):
        y.__dict__.update(x.__dict__)
    return y


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    i = id(x)
    if i in memo:
        return memo[i]
    cls = type(x)
    if cls in (int, float, bool, str, bytes, type, range, type(None)) or callable(x) and not hasattr(x, "__dict__"):
        return x
    if cls is list:
        y = []
        memo[i] = y
        y.extend(deepcopy(a, memo) for a in x)
        return y
    if cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        memo[i] = y
        return y
    if cls is dict:
        y = {}
        memo[i] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls is set:
        y = set(deepcopy(a, memo) for a in x)
        memo[i] = y
        return y
    if hasattr(x, "__deepcopy__"):
        return x.__deepcopy__(memo)
    y = object.__new__(cls)
    memo[i] = y
    if hasattr(x, "__dict__"):
        for k, v in x.__dict__.items():
            setattr(y, k, deepcopy(v, memo))
    return y
