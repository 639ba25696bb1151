# A key function that raises inside sorted(): the traceback goes through
# the call from the built-in into the key's frame.
def key(r):
    return r["name"]


print(sorted([{"name": "b"}, {"name": "a"}], key=key))
print(sorted([{"name": "b"}, {"nam": "a"}], key=key))
