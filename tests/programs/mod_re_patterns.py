import re
tests = [
 (r"(\d{3})-(\d{4})", "call 555-1234 now"),
 (r"^(\w+)\s(\w+)$", "John Smith"),
 (r"colou?r", "The color and colour"),
 (r"[^aeiou\s]+", "hello world"),
 (r"(\w+)=(\d+)", "a=1, bb=22, c=x"),
 (r"<(\w+)>.*?</\1>", "<b>bold</b> and <i>it</i>"),
 (r"\$\d+(?:\.\d\d)?", "$5 and $12.50 and $3.5"),
 (r"(?:ab)+", "ababab abx"),
 (r"\s*,\s*", "a , b,c ,d"),
 (r"[A-Z]{2,3}", "AB ABCD A XYZW"),
 (r"\d+(?!px)", "10px 20em 30"),
 (r"(a)|(b)", "ab"),
 (r".*", ""),
 (r"\bcat\b", "cat concat cat."),
 (r"[\w.-]+@[\w-]+\.[a-z]{2,}", "x a.b-c@d-e.io y"),
]
for pat, s in tests:
    print(pat, "|", re.findall(pat, s), "|", [m.span() for m in re.finditer(pat, s)], "|", re.sub(pat, "#", s), "|", re.split(pat, s)[:4])
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a b"), re.sub("x*", "-", "abc"), re.split(r"\b", "hi there")[:5] if False else "skip")
print(re.match(r"(?i)[a-z]+", "HeLLo").group(), re.findall(r"(?m)^#\s*(.*)$", "# one\nx\n#two"), re.findall(r"(?s)a.+b", "a\n\nb"))
