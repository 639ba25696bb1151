data = [("Alice", 93.456, 3), ("Bob", 7.1, 12), ("Christina", 100.0, 7)]
for name, score, rank in data:
    print(f"{name:<10.8}|{score:>8.2f}|{rank:03d}|{score / 100:.1%}|{rank:#06x}")
print("{:^20}".format("centered"), "{:.^20}".format("dots"), "{:*>+10.3f}".format(3.14159))
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 31}, "%-6s|%6.2f" % ("x", 2.5))
w = 12
p = 4
print(f"{3.14159265:{w}.{p}f}|", f"{'left':<{w}}|", f"{42:{'>'}{w}}|")
print(f"{1e-7:.2e}", f"{123456789:.3e}", f"{0.000123456:.3g}", f"{1234.5:.3g}", f"{1e100:g}")
print(f"{True!s}", f"{'é'!a}", f"{[1, 'a']!r}", f"{None}", f"{b'x'}")
print("{0}{1}{0}".format("ab", "cd"), "{a.real}".format(a=3), "{d[k]}".format(d={"k": "v"}), "{}".format({"x": 1}))
print(format(0.5, "%"), format(1 / 3, ".4"), format(12345.678, ",.1f"), format(-0.0, "+.1f"), format(5, "x>4"))
