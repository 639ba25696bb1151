def größe():
    return "ß"
