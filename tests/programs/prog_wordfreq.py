text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""
import string
words = text.lower().translate(str.maketrans("", "", string.punctuation)).split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for word, count in top[:8]:
    print(f"{word:<12}{count:>3} {'*' * count}")
print(len(words), len(freq))
from collections import Counter
c = Counter(words)
print(c.most_common(3))
print(sorted(w for w, n in c.items() if n == 1))
