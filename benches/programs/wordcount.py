# Dict and str work: tokenise a generated text, count words and bigrams,
# format the most common.
import random

random.seed(7)
vocab = ["w%d" % i for i in range(500)]
text = " ".join(random.choice(vocab) + ("." if i % 17 == 0 else "") for i in range(120_000))
counts = {}
bigrams = {}
prev = None
for raw in text.split():
    word = raw.strip(".").lower()
    counts[word] = counts.get(word, 0) + 1
    if prev is not None:
        key = prev + " " + word
        bigrams[key] = bigrams.get(key, 0) + 1
    prev = word
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(counts), len(bigrams), top)
print(", ".join(f"{w}={n}" for w, n in top))
