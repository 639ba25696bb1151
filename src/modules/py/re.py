"""re for sonde: Python's re API over the _re backtracking engine."""
import _re

A = ASCII = 256
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
NOFLAG = 0


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        super().__init__(msg)
        self.msg = msg
        self.pattern = pattern
        self.pos = pos


def _call(fn, *args):
    try:
        return fn(*args)
    except ValueError as e:
        text = str(e)
        if text.startswith("re:"):
            raise error(text[3:]) from None
        raise


class Match:
    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g < len(self._spans):
                return g
        elif g in self.re.groupindex:
            return self.re.groupindex[g]
        raise IndexError("no such group")

    def group(self, *groups):
        if not groups:
            groups = (0,)
        out = []
        for g in groups:
            sp = self._spans[self._index(g)]
            out.append(None if sp is None else self.string[sp[0]:sp[1]])
        return out[0] if len(out) == 1 else tuple(out)

    def __getitem__(self, g):
        return self.group(g)

    def groups(self, default=None):
        return tuple(default if sp is None else self.string[sp[0]:sp[1]] for sp in self._spans[1:])

    def groupdict(self, default=None):
        return {name: (default if self._spans[i] is None else self.string[self._spans[i][0]:self._spans[i][1]]) for name, i in self.re.groupindex.items()}

    def span(self, g=0):
        sp = self._spans[self._index(g)]
        return (-1, -1) if sp is None else sp

    def start(self, g=0):
        return self.span(g)[0]

    def end(self, g=0):
        return self.span(g)[1]

    @property
    def lastindex(self):
        last = None
        best = -1
        for i, sp in enumerate(self._spans[1:], 1):
            if sp is not None and sp[1] >= best:
                best = sp[1]
                last = i
        return last

    @property
    def lastgroup(self):
        li = self.lastindex
        for name, i in self.re.groupindex.items():
            if i == li:
                return name
        return None

    def expand(self, template):
        return _expand(self, template)

    def __bool__(self):
        return True

    def __repr__(self):
        return f"<re.Match object; span={self.span()!r}, match={self.group()!r}>"


class Pattern:
    def __init__(self, pattern, flags=0):
        if isinstance(pattern, Pattern):
            flags |= pattern.flags
            pattern = pattern.pattern
        self.pattern = pattern
        groups, groupindex, allflags = _call(_re.info, pattern, flags)
        self.groups = groups
        self.groupindex = groupindex
        self.flags = allflags | (32 if isinstance(pattern, str) else 0)
        self._flags = flags

    def _exec(self, string, pos, endpos, mode):
        if endpos is None:
            endpos = len(string)
        spans = _call(_re.exec, self.pattern, self._flags, string, pos, endpos, mode)
        return None if spans is None else Match(self, string, spans, pos, endpos)

    def search(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        end = len(string) if endpos is None else endpos
        while pos <= end:
            m = self._exec(string, pos, end, 0)
            if m is None:
                return
            yield m
            s, e = m.span()
            pos = e + 1 if e == s else e

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m.group(1) or "")
            else:
                out.append(tuple(g or "" for g in m.groups()))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            s, e = m.span()
            if s == e and s == 0 and False:
                continue
            out.append(string[last:s])
            out.extend(m.groups())
            last = e
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            s, e = m.span()
            out.append(string[last:s])
            out.append(repl(m) if callable(repl) else _expand(m, repl))
            last = e
            n += 1
        out.append(string[last:])
        return "".join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        fl = []
        for name, v in (("IGNORECASE", 2), ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64)):
            if self._flags & v:
                fl.append("re." + name)
        if fl:
            return f"re.compile({self.pattern!r}, {'|'.join(fl)})"
        return f"re.compile({self.pattern!r})"

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self._flags == other._flags

    def __hash__(self):
        return hash((self.pattern, self._flags))


def _expand(m, template):
    out = []
    i = 0
    n = len(template)
    while i < n:
        c = template[i]
        if c == "\\" and i + 1 < n:
            d = template[i + 1]
            if d.isdigit():
                j = i + 1
                while j < n and template[j].isdigit() and j < i + 3:
                    j += 1
                out.append(m.group(int(template[i + 1:j])) or "")
                i = j
                continue
            if d == "g" and i + 2 < n and template[i + 2] == "<":
                j = template.index(">", i)
                name = template[i + 3:j]
                out.append(m.group(int(name) if name.isdigit() else name) or "")
                i = j + 1
                continue
            esc = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "f": "\f", "v": "\v", "a": "\a"}.get(d)
            if esc is not None:
                out.append(esc)
                i += 2
                continue
            if d.isalpha():
                raise error(f"bad escape \\{d}")
            out.append(c + d)
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        return pattern
    key = (pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        _cache[key] = p
    return p


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def escape(pattern):
    special = set("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")
    return "".join("\\" + c if c in special else c for c in pattern)


def purge():
    _cache.clear()
