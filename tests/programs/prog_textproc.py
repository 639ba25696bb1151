lines = """name: Widget
price: 19.99
tags: red, small, sale
# a comment

qty: 7
""".splitlines()
record = {}
for line in lines:
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    key, _, value = line.partition(":")
    record[key.strip()] = value.strip()
record["tags"] = [t.strip() for t in record["tags"].split(",")]
record["price"] = float(record["price"])
record["qty"] = int(record["qty"])
print(record)
print(f"Total: {record['price'] * record['qty']:.2f}")
def wrap(text, width):
    words = text.split()
    out, cur = [], ""
    for w in words:
        if len(cur) + len(w) + (1 if cur else 0) > width:
            out.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        out.append(cur)
    return out
for l in wrap("the quick brown fox jumps over the lazy dog and keeps running far away", 20):
    print(f"|{l:<20}|")
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
print([is_palindrome(s) for s in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?"]])
csv = "id,name,score\n1,ann,90\n2,bob,85\n3,cy,77"
rows = [r.split(",") for r in csv.splitlines()]
header, body = rows[0], rows[1:]
table = [dict(zip(header, r)) for r in body]
print(table[1], sum(int(r["score"]) for r in table) / len(table))
print("{:<5}|{:^7}|{:>5}".format(*header))
for r in body:
    print("{:<5}|{:^7}|{:>5}".format(*r))
