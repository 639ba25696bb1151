NAME = "sibling"
print("sibling loaded")
