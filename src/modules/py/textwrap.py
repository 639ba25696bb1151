"""textwrap for sonde (wrap, fill, dedent, indent, shorten)."""


def wrap(text, width=70, **kw):
    words = text.split()
    lines, cur = [], ''
    for w in words:
        if not cur:
            cur = w
        elif len(cur) + 1 + len(w) <= width:
            cur += ' ' + w
        else:
            lines.append(cur)
            cur = w
        while len(cur) > width and kw.get('break_long_words', True):
            lines.append(cur[:width])
            cur = cur[width:]
    if cur:
        lines.append(cur)
    return lines


def fill(text, width=70, **kw):
    return '\n'.join(wrap(text, width, **kw))


def shorten(text, width, placeholder=' [...]'):
    text = ' '.join(text.split())
    if len(text) <= width:
        return text
    out = ''
    for w in text.split():
        cand = (out + ' ' + w) if out else w
        if len(cand) + len(placeholder) > width:
            break
        out = cand
    return out + placeholder


def dedent(text):
    lines = text.split('\n')
    margin = None
    for line in lines:
        stripped = line.lstrip()
        if not stripped:
            continue
        ind = line[:len(line) - len(stripped)]
        if margin is None:
            margin = ind
        else:
            while not ind.startswith(margin):
                margin = margin[:-1]
    if not margin:
        return '\n'.join(l if l.strip() else '' for l in lines)
    return '\n'.join(l[len(margin):] if l.strip() else '' for l in lines)


def indent(text, prefix, predicate=None):
    if predicate is None:
        predicate = lambda line: line.strip()
    return ''.join(prefix + line if predicate(line) else line for line in text.splitlines(True))
