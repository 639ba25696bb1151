# Which characters str methods count as space: Unicode's White_Space and the
# four information separators \x1c-\x1f, which Python counts too.
seps = "\x1c\x1d\x1e\x1f"
for c in seps + " \t\n\x0b\x0c\r\x85\xa0\u2000\u3000\u200b":
    print(hex(ord(c)), c.isspace(), repr(("a" + c + "b").split()), repr((c + "x" + c).strip()))
text = "\x1calpha\x1d beta\x1e\x1fgamma \u3000delta\x85"
print(text.split())
print(text.rsplit())
print(text.split(None, 1))
print(text.rsplit(None, 1))
print(text.split(maxsplit=2))
print(text.rsplit(maxsplit=2))
print(repr(text.lstrip()), repr(text.rstrip()), repr(text.strip()))
print(repr(seps.strip()), seps.isspace(), "".isspace(), "a\x1c".isspace())
# int() and float() strip Unicode's White_Space only.
for s in ["\x1c42", "\u300042", "\x8542", "42\x1f", " -7\t"]:
    for f in (int, float):
        try:
            print(repr(s), f.__name__, f(s))
        except ValueError as e:
            print(repr(s), f.__name__, e)
print("ABC déF ÀÉ".lower(), "MiXeD 123 _X_".lower(), "ΣΑΣ ΣΑΣ.".lower())
print("abc déf".upper(), "İ".lower() == "i\u0307", len("İ".lower()))
words = "The quick\tbrown\nfox  jumps\x0bover\x0cthe\rlazy dog".split()
print(len(words), words)
print("   ".split(), "".split(), " a ".rsplit(None, 0), " a b ".split(None, 0))
# Once maxsplit is used up, the rest keeps its space on the far side.
for t in ["a b ", " a b ", "a  b  c ", " a ", "a"]:
    print([t.split(None, n) for n in range(3)], [t.rsplit(None, n) for n in range(3)])
