# str results that are the receiver itself (strip with nothing to strip)
# and concatenation's lengths over mixed ASCII and non-ASCII text.
class S(str):
    pass

a = "abc"
print(a.strip() is a, a.lstrip() is a, a.rstrip() is a)
print(a.strip("x") is a, a.lstrip("x") is a, a.rstrip("x") is a)
print(a.strip("a") is a, a.strip("a"), a.rstrip("c"), a.lstrip("ab"))
s = S("xy")
print(type(s.strip()).__name__, type(s.lstrip("q")).__name__, s.strip() == s)
print(type(S(" z ").strip()).__name__, repr(S(" z ").strip()))
e = "é"
for x, y in [("", ""), ("", "ü"), (e, "ab"), ("ab", e), (e, e), ("ab", "cd")]:
    t = x + y
    print(repr(t), len(t), t[-1:], t[::-1], t.upper(), t.isascii())
t = "ab"
t += e
t += "z"
print(t, len(t), t.index("z"), t[2])
print(len("ü" * 3 + "a"), ("ü" * 3 + "a")[3])
# Pieces and case mappings of ASCII text, and of text that is not.
for text in ["a bb  ccc ", "é ab ü", "  x.y.z ", "ÀB cD"]:
    words = text.split()
    print(words, [len(w) for w in words], [w[-1] for w in words])
    print([(p, len(p)) for p in text.split(".")], text.lower(), len(text.lower()))
    print(repr(text.strip()), len(text.strip()), text.strip(" .")[::-1])
