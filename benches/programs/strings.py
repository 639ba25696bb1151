words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " * 2000).split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
parts = []
for i, w in enumerate(words):
    if i % 5 == 0:
        parts.append(w.upper())
s = "-".join(parts)
print(len(words), sorted(freq.items())[:3], len(s), s[:30])
