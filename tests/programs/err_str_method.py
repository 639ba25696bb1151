name = "world"
print(name.upper())
print(name.nonexistent())
