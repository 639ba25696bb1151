s = "Grüße, 世界! 👋"
print(s, len(s), s.upper(), s.lower(), s[7:9], s[-1], s[::-1])
print([c for c in s if c.isalpha()][:6], s.encode("utf-8")[:10], len(s.encode("utf-8")))
print(s.find("世"), s.index("!"), s.count("ß"), "ü" in s, s.startswith("Gr"), s.split(", "))
print(ord("世"), chr(19990), "\u4e16" == "世", sorted("éaèb"), "é" > "e", "Ü".casefold())
print(s.center(20, "·"), s.ljust(16, "-"), repr(s), ascii(s))
for ch in "aÄ1 ١":
    print(repr(ch), ch.isalpha(), ch.isdigit(), ch.isnumeric(), ch.isspace(), ch.isupper())
