def tokenize(expr):
    tokens, num = [], ""
    for ch in expr:
        if ch.isdigit() or ch == ".":
            num += ch
        else:
            if num:
                tokens.append(num)
                num = ""
            if ch in "+-*/()":
                tokens.append(ch)
    if num:
        tokens.append(num)
    return tokens
print(tokenize("3 + 4.5*(2 - 1)"))
def parse_expr(tokens):
    pos = 0
    def expr():
        nonlocal pos
        v = term()
        while pos < len(tokens) and tokens[pos] in "+-":
            op = tokens[pos]; pos += 1
            v = v + term() if op == "+" else v - term()
        return v
    def term():
        nonlocal pos
        v = factor()
        while pos < len(tokens) and tokens[pos] in "*/":
            op = tokens[pos]; pos += 1
            v = v * factor() if op == "*" else v / factor()
        return v
    def factor():
        nonlocal pos
        t = tokens[pos]; pos += 1
        if t == "(":
            v = expr(); pos += 1
            return v
        return float(t)
    return expr()
for e in ["3 + 4.5*(2 - 1)", "(1+2)*(3+4)", "10/4-1", "2*3+4*5"]:
    print(e, "=", parse_expr(tokenize(e)))
kv = "a=1;b=2;c=hello world;d="
print(dict(p.split("=", 1) for p in kv.split(";")))
