import re
print(re.search(r"\d+", "abc 123 def 45").group(), re.match(r"[a-z]+", "hello world").group(), re.match(r"\d", "x"))
m = re.search(r"(\w+)@(\w+)\.com", "contact: alice@example.com today")
print(m.group(0), m.group(1), m.group(2), m.groups(), m.span(), m.start(1), m.end(2), m)
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c3"), re.findall(r"[aeiou]", "education"))
print(re.sub(r"\s+", " ", "too    many   spaces"), re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.subn("a", "b", "banana"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(-)", "1-2-3"), re.split(r"\s", "a b c", maxsplit=1))
p = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
d = p.search("Date: 2024-03-15.")
print(d.group("year"), d["month"], d.groupdict(), p.groups, sorted(p.groupindex.items()))
print(re.fullmatch(r"[A-Z][a-z]*", "Hello"), re.fullmatch(r"[A-Z][a-z]*", "Hello!"), bool(re.match(r"^\s*$", "   ")))
print(re.findall(r"(?i)python", "Python PYTHON python"), re.findall(r"^\w+", "one\ntwo\nthree", re.M), re.search(r"a.b", "a\nb", re.S).group() == "a\nb")
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"), re.escape("1+1=2?"), [m.span() for m in re.finditer(r"o", "foo boo")])
print(re.findall(r"\b\w{5}\b", "these words have exactly five chars"), re.findall(r"a*?b", "aaab ab b"), re.findall(r"(a|b)+", "abab cab"))
print(re.search(r"(\w)\1", "hello").group(), re.findall(r"\w+(?=!)", "hi! there! no"), re.findall(r"(?<=\$)\d+", "cost $10 and $25"))
print(re.match(r"(\d+)\.(\d+)?", "3.").groups(), re.match(r"x*", "yyy").group() == "", re.sub(r"^", "> ", "a\nb", flags=re.M))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e)
emails = ["a@b.com", "bad.email", "x.y@z.org"]
valid = [e for e in emails if re.fullmatch(r"[\w.]+@\w+\.(com|org)", e)]
print(valid, re.compile(r"ab+", re.I))
