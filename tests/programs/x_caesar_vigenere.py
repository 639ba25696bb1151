import string
def vigenere(text, key, decrypt=False):
    out = []
    ki = 0
    for ch in text:
        if ch.isalpha():
            shift = ord(key[ki % len(key)].lower()) - ord("a")
            if decrypt:
                shift = -shift
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
            ki += 1
        else:
            out.append(ch)
    return "".join(out)
msg = "Attack at dawn!"
enc = vigenere(msg, "lemon")
print(enc, vigenere(enc, "lemon", decrypt=True))
rot13 = str.maketrans(string.ascii_letters, string.ascii_lowercase[13:] + string.ascii_lowercase[:13] + string.ascii_uppercase[13:] + string.ascii_uppercase[:13])
print("Hello, World".translate(rot13), "Uryyb, Jbeyq".translate(rot13))
freq = sorted(((msg.lower().count(c), c) for c in set(msg.lower()) if c.isalpha()), reverse=True)
print(freq[:3])
