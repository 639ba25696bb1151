print("tab:\t|newline:\\n|quote:\"|apos:'|backslash:\\|")
print('\x41\x42', '\u00e9', '\U0001F600', '\N{BULLET}' if False else '\u2022', '\101', "\0".encode())
print(r"raw \n \t \\", R"RAW\d", rb"\x00", br"\n")
print(len("\n"), len(r"\n"), len("\\"), len("\u1234"), len("\U0001F600"))
print(repr("\a\b\f\v"), repr("\x1b[0m"), repr("\u200b"), repr("\xa0"), repr("ÿ"))
s = """line1
    line2 \
continued"""
print(s)
print("implicit" " concatenation" ' works', "x" 'y')
print(f"{'quoted'}" f'{1 + 1}' "plain")
