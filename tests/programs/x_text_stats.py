text = """Python is a programming language that lets you work quickly
and integrate systems more effectively. Python is powerful, and fast;
plays well with others; runs everywhere; is friendly & easy to learn."""
lines = text.splitlines()
words = text.replace(";", " ").replace(",", " ").replace(".", " ").split()
print(len(lines), len(words), len(text), len(set(w.lower() for w in words)))
longest = max(words, key=len)
print(longest, len(longest), sorted(words, key=lambda w: (-len(w), w))[:3])
from collections import Counter
c = Counter(w.lower() for w in words)
print(c.most_common(3))
print([len(l.split()) for l in lines], round(sum(map(len, words)) / len(words), 3))
vowels = sum(text.lower().count(v) for v in "aeiou")
print(vowels, text.count("is"), text.find("fast"), text.title()[:30])
