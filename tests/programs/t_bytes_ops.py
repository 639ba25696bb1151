b = b"hello world"
print(b, len(b), b[0], b[-1], b[:5], b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.count(b"l"))
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), "naïve".encode(), list(b"abc"), bytes(range(65, 70)))
print(b.startswith(b"hell"), b.endswith(b"x"), b"-".join([b"a", b"b"]), b.strip(b"hd"), b.hex(), bytes.fromhex("4142"))
ba = bytearray(b"abc")
ba[0] = 65
ba.append(68)
ba.extend(b"EF")
print(ba, bytes(ba), len(ba), ba[1:3], ba + b"!", b"x" in b"xyz", 120 in b"xyz")
print(b"a" < b"b", b"abc" == b"abc", b"%s:%d" % (b"k", 5) if True else 0, bytes(2), b"\x00\x7f\x80\xff")
try:
    b"abc".decode("ascii") + b"\xff".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("latin-1"), repr(bytes([0, 10, 13, 92, 39])))
