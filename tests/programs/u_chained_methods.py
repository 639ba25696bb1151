text = "  The Quick  BROWN fox  "
print(text.strip().lower().replace("  ", " ").split(" "))
print("-".join(w.capitalize() for w in text.split()).center(30, "."))
class Builder:
    def __init__(self):
        self.parts = []
    def add(self, p):
        self.parts.append(p)
        return self
    def sep(self, s):
        self.s = s
        return self
    def build(self):
        return self.s.join(self.parts)
print(Builder().add("a").add("b").sep("+").add("c").build())
print(sorted(set("mississippi")), "".join(sorted(set("mississippi"), key="mississippi".index)))
print(list(map(str.strip, " a , b ,c ".split(","))), [int(x) for x in "1 2 3".split()][::-1])
